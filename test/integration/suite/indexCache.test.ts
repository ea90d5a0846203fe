import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BalanceJournalApi } from '../../../src/extension.shared';
import * as disk from './disk';
import { api, exists, journalUri, waitFor, workspaceFolder } from './helpers';

// The index kept between sessions: written to the extension's storage after a scan, read by the
// next window (here: testing.reload(), which empties the index and starts as a new window does),
// checked against the disk, cleared and rebuilt by Refresh.

/** What the tree and the counts show: every record, stamps aside. */
function snapshot(index: BalanceJournalApi['index']) {
  return [...index.values()]
    .map(({ key, title, day, tags, kind, problems }) => ({ key, title, day, tags: [...tags], kind, problems: problems.length }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

async function cacheWritten(testing: BalanceJournalApi['testing'], after = 0): Promise<vscode.FileStat> {
  const uri = testing.cacheUri!;
  let stat: vscode.FileStat | undefined;
  await waitFor('the index cache to be written', async () => {
    await testing.flushCache();
    stat = await vscode.workspace.fs.stat(uri).then(
      (found) => found,
      () => undefined,
    );
    return stat !== undefined && stat.mtime > after;
  });
  return stat!;
}

describe('The index cache', () => {
  const file = journalUri('2026', '10', '2026-10-20-cache.md');

  after(async () => {
    await disk.rm(file);
  });

  it('is written to the extension\'s storage after the scan, outside the workspace', async () => {
    const { testing, index } = await api();
    assert.ok(testing.cacheUri, 'the extension has no storage');
    assert.ok(!testing.cacheUri.toString().startsWith(workspaceFolder().uri.toString()), `${testing.cacheUri.toString()} is inside the workspace`);
    const stat = await cacheWritten(testing);
    assert.ok(stat.size > 16 && stat.size < 64 * 1024, `${stat.size} bytes for ${index.size} entries`);
  });

  it('fills a new window\'s index at once, its whole tally first, and reads no file that did not change', async () => {
    const { testing, index } = await api();
    // A file read within seconds of its last change is read again next time (its mtime might
    // not show a change made in the same second): let the files of earlier tests age, re-read them.
    await new Promise((resolve) => setTimeout(resolve, 3500));
    await testing.reload();
    await testing.flushCache();
    const before = snapshot(index);
    // The first change event while the records come in already shows the whole tally (the cache's counts).
    const tally = () => ({ tags: index.allTags(), reflections: index.countOfKind('entry'), notes: index.expectedSize, balance: index.balance() });
    const tallyBefore = tally();
    assert.ok(tallyBefore.reflections > 0);
    let painted: ReturnType<typeof tally> | undefined;
    const listening = index.onDidChange(() => {
      if (painted === undefined && index.isRestoring) painted = tally();
    });
    let result;
    try {
      result = await testing.reload();
    } finally {
      listening.dispose();
    }
    assert.ok(painted, 'no change event came while the cache was being restored');
    assert.deepEqual(painted, tallyBefore);
    assert.equal(index.isRestoring, false);
    assert.deepEqual(tally(), tallyBefore);
    assert.equal(result.restored, before.length);
    assert.equal(result.read, 0);
    assert.deepEqual(snapshot(index), before);
  });

  it('ends equal to the disk when a file changed before the new window', async () => {
    const { testing, index } = await api();
    await cacheWritten(testing);
    await disk.writeFile(file, '---\ntags: [problem-solving]\n---\n# Written while closed\n');
    await testing.reload();
    await waitFor('the new file', () => index.get(file.toString())?.title === 'Written while closed');
    assert.equal(index.countOf('problem-solving'), 1);
    await disk.rm(file);
    await waitFor('the file to go', () => index.get(file.toString()) === undefined);
  });

  it('ignores a corrupt cache, reads every file, and writes a good one', async () => {
    const { testing, index } = await api();
    const before = snapshot(index);
    await cacheWritten(testing);
    await vscode.workspace.fs.writeFile(testing.cacheUri!, new TextEncoder().encode('BJIX not really an index cache'));
    const written = await vscode.workspace.fs.stat(testing.cacheUri!);
    const result = await testing.reload();
    assert.equal(result.restored, 0);
    assert.equal(result.read, before.length);
    assert.deepEqual(snapshot(index), before);
    const rewritten = await cacheWritten(testing, written.mtime);
    assert.ok(rewritten.size > 16);
    assert.equal((await testing.reload()).restored, before.length);
  });

  it('is cleared and written anew by Refresh', async () => {
    const { testing, index } = await api();
    const written = await cacheWritten(testing);
    const before = snapshot(index);
    await vscode.commands.executeCommand('balanceJournal.refresh');
    const rebuilt = await cacheWritten(testing, written.mtime);
    assert.ok(await exists(testing.cacheUri!));
    assert.ok(rebuilt.mtime > written.mtime);
    assert.deepEqual(snapshot(index), before);
    assert.equal((await testing.reload()).read, 0);
  });
});
