import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BalanceJournalApi } from '../../../src/extension.shared';
import * as disk from './disk';
import { checksum } from '../../../src/core/indexCache';
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

  it('ends equal to a fresh scan after files were changed, added, deleted, renamed and replaced by a link while it was closed', async () => {
    const { testing, index, settle } = await api();
    const folder = journalUri('closed');
    const file = (name: string) => vscode.Uri.joinPath(folder, name);
    const outside = await disk.mkdtempNextTo(workspaceFolder().uri, 'outside-');
    try {
      await disk.mkdir(folder);
      await disk.writeFile(file('changed.md'), '---\ntags: [closedbefore]\n---\n# Changed\n');
      await disk.writeFile(file('deleted.md'), '# Deleted\n#closeddeleted\n');
      await disk.writeFile(file('renamed.md'), '# Renamed\n#closedrenamed\n');
      await disk.writeFile(file('linked.md'), '# Linked\n#closedlinked\n');
      await disk.writeFile(vscode.Uri.joinPath(outside, 'secret.md'), '# Secret\n#outsidesecret\n');
      await waitFor('the files to be indexed', () => index.countOf('closedlinked') === 1 && index.countOf('closedbefore') === 1);
      await settle();
      await testing.flushCache();
      // The cache as the window left it; the running window follows the changes below, so its
      // own cache is put back afterwards: the next window meets changes made while it was closed.
      const left = await vscode.workspace.fs.readFile(testing.cacheUri!);
      await disk.writeFile(file('changed.md'), '---\ntags: [closedafter, empathy]\n---\n# Changed, and longer than before\n');
      await disk.rm(file('deleted.md'));
      await disk.rename(file('renamed.md'), file('renamed-2.md'));
      await disk.rm(file('linked.md'));
      await disk.symlinkDir(vscode.Uri.joinPath(outside, 'secret.md'), file('linked.md'));
      await disk.writeFile(file('added.md'), '# Added\n#closedadded\n');
      await waitFor('the running window to follow', () => index.countOf('closedadded') === 1 && index.countOf('closeddeleted') === 0);
      await settle();
      await testing.flushCache();
      await vscode.workspace.fs.writeFile(testing.cacheUri!, left);
      const result = await testing.reload();
      assert.ok(result.restored > 0, 'the cache left before the changes was not used');
      // By hand: what the folder holds now.
      assert.equal(index.countOf('closedbefore'), 0);
      assert.equal(index.countOf('closedafter'), 1);
      assert.equal(index.get(file('changed.md').toString())?.title, 'Changed, and longer than before');
      assert.equal(index.countOf('closeddeleted'), 0);
      assert.equal(index.get(file('renamed.md').toString()), undefined);
      assert.equal(index.get(file('renamed-2.md').toString())?.title, 'Renamed');
      assert.equal(index.countOf('closedrenamed'), 1);
      assert.equal(index.countOf('closedlinked'), 0);
      assert.equal(index.countOf('outsidesecret'), 0);
      assert.equal(index.get(file('linked.md').toString()), undefined);
      assert.equal(index.countOf('closedadded'), 1);
      const restored = snapshot(index);
      await vscode.commands.executeCommand('balanceJournal.refresh');
      await settle();
      assert.deepEqual(restored, snapshot(index));
    } finally {
      await disk.rm(folder);
      await disk.rm(outside);
      await waitFor('the folder to leave the index', () => index.countOf('closedadded') === 0 && index.countOf('closedafter') === 0);
    }
  });

  it('ignores a cache written by another version of the extension, and ends equal to a fresh scan', async () => {
    const { testing, index } = await api();
    const before = snapshot(index);
    await cacheWritten(testing);
    const bytes = (await vscode.workspace.fs.readFile(testing.cacheUri!)).slice();
    // The body starts with the version (a length byte, then its text): make it another one.
    const length = bytes[16];
    const version = new TextDecoder().decode(bytes.subarray(17, 17 + length));
    const other = version.replace(/\d(?=[^\d]*$)/, (digit) => String((Number(digit) + 1) % 10));
    assert.notEqual(other, version);
    bytes.set(new TextEncoder().encode(other), 17);
    new DataView(bytes.buffer).setUint32(12, checksum(bytes, 16), true);
    await vscode.workspace.fs.writeFile(testing.cacheUri!, bytes);
    const result = await testing.reload();
    assert.equal(result.restored, 0);
    assert.equal(result.read, before.length);
    assert.deepEqual(snapshot(index), before);
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
