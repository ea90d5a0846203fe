import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { api, journalUri, waitFor } from './helpers';

// What a `git checkout` of a big journal does: thousands of files appear, change and go at once.
describe('5,000 files changed at once', () => {
  const dir = journalUri('burst').fsPath;
  const COUNT = 5000;

  after(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('are batched into a few tree refreshes and end in one consistent tally', async () => {
    const { index, treeProvider } = await api();
    const base = index.countOf('time-management');
    const baseDecisions = index.countOf('decision-making');
    let refreshes = 0;
    const subscription = treeProvider.onDidChangeTreeData(() => refreshes++);
    try {
      await fs.mkdir(dir, { recursive: true });
      const write = (tag: string) =>
        Promise.all(Array.from({ length: COUNT }, (_, i) => fs.writeFile(path.join(dir, `2026-09-${String(1 + (i % 28)).padStart(2, '0')}-burst-${i}.md`), `---\ntags: [${tag}]\n---\n# Burst ${i}\n`)));
      await write('time-management');
      await waitFor('5,000 new entries', () => index.countOf('time-management') === base + COUNT, 30000);
      const afterCreate = refreshes;

      await write('decision-making');
      await waitFor('5,000 changed entries', () => index.countOf('time-management') === base && index.countOf('decision-making') === baseDecisions + COUNT, 30000);

      await fs.rm(dir, { recursive: true, force: true });
      await waitFor('the deleted folder to leave the index', () => index.countOf('decision-making') === baseDecisions, 30000);
      assert.equal(index.countOf('time-management'), base);
      console.log(`      (tree refreshes: ${afterCreate} while 5,000 files appeared, ${refreshes} in all three phases)`);
      // Each phase arrives as a burst of events; the tree redraws a handful of times, not 5,000.
      assert.ok(afterCreate <= 40, `${afterCreate} tree refreshes while 5,000 files appeared`);
      assert.ok(refreshes <= 120, `${refreshes} tree refreshes in all`);
    } finally {
      subscription.dispose();
    }
  });
});
