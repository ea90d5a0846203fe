import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import * as disk from './disk';
import { api, journalUri, waitFor } from './helpers';

// What a `git checkout` of a big journal does: thousands of files appear, change and go at once.
// In the web worker host each write is a round trip through the window to the server (about 11 s
// per 5,000 in code-server, 45 s for the test), so there 1,000 files make the same burst; the Node
// host takes 5,000.
const COUNT = disk.writesAreRoundTrips ? 1000 : 5000;
const SHOWN = COUNT.toLocaleString('en');

describe(`${SHOWN} files changed at once`, function () {
  this.timeout(600_000);
  const dir = journalUri('burst');

  after(async () => {
    await disk.rm(dir);
  });

  it('are batched into a few tree refreshes and end in one consistent tally', async () => {
    const { index, treeProvider } = await api();
    const base = index.countOf('time-management');
    const baseDecisions = index.countOf('decision-making');
    let refreshes = 0;
    const subscription = treeProvider.onDidChangeTreeData(() => refreshes++);
    try {
      await disk.mkdir(dir);
      const write = (tag: string) =>
        Promise.all(Array.from({ length: COUNT }, (_, i) => disk.writeFile(vscode.Uri.joinPath(dir, `2026-09-${String(1 + (i % 28)).padStart(2, '0')}-burst-${i}.md`), `---\ntags: [${tag}]\n---\n# Burst ${i}\n`)));
      const started = Date.now();
      await write('time-management');
      await waitFor(`${SHOWN} new entries`, () => index.countOf('time-management') === base + COUNT, 180_000);
      const afterCreate = refreshes;
      const createMs = Date.now() - started;

      await write('decision-making');
      await waitFor(`${SHOWN} changed entries`, () => index.countOf('time-management') === base && index.countOf('decision-making') === baseDecisions + COUNT, 180_000);

      await disk.rm(dir);
      await waitFor('the deleted folder to leave the index', () => index.countOf('decision-making') === baseDecisions, 180_000);
      assert.equal(index.countOf('time-management'), base);
      const allMs = Date.now() - started;
      console.log(`      (tree refreshes: ${afterCreate} in ${createMs} ms while ${SHOWN} files appeared, ${refreshes} in ${allMs} ms in all three phases)`);
      // Each phase arrives as a burst of events; the tree redraws a handful of times, not once per file.
      // How many handfuls depends on how long the writes take (the machine's load), so the bound
      // is the tree's own promise: at most one redraw per 50 ms, and far fewer than the files.
      const bound = (ms: number, handful: number) => Math.min(COUNT / 10, Math.max(handful, Math.ceil(ms / 50)));
      assert.ok(afterCreate <= bound(createMs, 40), `${afterCreate} tree refreshes in ${createMs} ms while ${SHOWN} files appeared`);
      assert.ok(refreshes <= bound(allMs, 120), `${refreshes} tree refreshes in ${allMs} ms in all`);
    } finally {
      subscription.dispose();
    }
  });
});
