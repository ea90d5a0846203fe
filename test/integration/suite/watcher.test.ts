import * as assert from 'node:assert/strict';
import * as disk from './disk';
import { api, journalUri, waitFor } from './helpers';

// Files are changed from outside VS Code's documents (disk.ts), as another program (git, a sync tool) would: the index must
// follow through the file watcher alone.
describe('The index follows the disk', () => {
  const folder = journalUri('2026', '12');
  const file = journalUri('2026', '12', '2026-12-01-from-outside.md');

  after(async () => {
    await disk.rm(folder);
  });

  it('counts a created file, re-reads a changed one, and forgets a deleted one', async () => {
    const { index, statusBar } = await api();
    const innovation = index.countOf('innovation');
    await disk.mkdir(folder);

    await disk.writeFile(file, '---\ntags: [innovation, innovation]\n---\n# From outside\n');
    const createdAfter = await waitFor('the created file', () => index.countOf('innovation') === innovation + 1);
    // The status bar hears the model's change event, a moment after the index.
    await waitFor('the status bar to follow', () => /L 57% · M 43%$/.test(statusBar.text));

    await disk.writeFile(file, '---\ntags: [problem-solving]\n---\n# From outside, changed\n');
    await waitFor('the changed file', () => index.countOf('innovation') === innovation && index.countOf('problem-solving') === 1);
    assert.equal(index.get(file.toString())?.title, 'From outside, changed');

    await disk.rm(file);
    await waitFor('the deleted file', () => !index.get(file.toString()));
    assert.equal(index.countOf('problem-solving'), 0);
    await waitFor('the status bar to follow', () => /L 50% · M 50%$/.test(statusBar.text));
    // How soon depends on the machine's load; npm run bench measures the index's own latency.
    console.log(`      (the created file was counted ${createdAfter} ms after it was written)`);
  });

  it('forgets every entry of a deleted folder', async () => {
    const { index } = await api();
    await disk.mkdir(folder);
    await disk.writeFile(file, '#influence\n');
    await waitFor('the new file', () => index.get(file.toString()) !== undefined);
    await disk.rm(folder);
    await waitFor('the folder\'s entries to go', () => index.get(file.toString()) === undefined);
  });

  it('refreshes the tree when an entry changes', async () => {
    const { treeProvider, index } = await api();
    let refreshes = 0;
    const subscription = treeProvider.onDidChangeTreeData(() => refreshes++);
    try {
      await disk.mkdir(folder);
      await disk.writeFile(file, '#empathy\n');
      await waitFor('a tree refresh', () => refreshes > 0 && index.get(file.toString()) !== undefined);
      await disk.rm(file);
      await waitFor('the entry to go', () => index.get(file.toString()) === undefined);
    } finally {
      subscription.dispose();
    }
  });
});
