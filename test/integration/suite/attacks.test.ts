import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import * as disk from './disk';
import { api, journalUri, waitFor, workspaceFolder } from './helpers';

// What a hostile repository could try once it is open, in the real extension host.

describe('Symbolic links that appear after the scan', () => {
  it('indexes nothing from a linked folder the watcher reports, nor from a file linked outside', async () => {
    const { index, settle } = await api();
    const outside = await disk.mkdtempNextTo(workspaceFolder().uri, 'outside-');
    await disk.mkdir(vscode.Uri.joinPath(outside, 'deep'));
    await disk.writeFile(vscode.Uri.joinPath(outside, 'deep', 'private.md'), '# Private\n#outsidesecret\n');
    await disk.writeFile(vscode.Uri.joinPath(outside, 'key.md'), '#outsidesecret\n');
    const linkedFolder = journalUri('linked-after-scan');
    const linkedFile = journalUri('linked-key.md');
    const marker = journalUri('marker-after-links.md');
    try {
      await disk.symlinkDir(outside, linkedFolder);
      await disk.symlinkDir(vscode.Uri.joinPath(outside, 'key.md'), linkedFile);
      // Written after the links: once it is indexed, the watcher has had the links' events too.
      await disk.writeFile(marker, '#afterlinks\n');
      await waitFor('the marker to be indexed', () => index.countOf('afterlinks') === 1, 30000);
      await settle();
      assert.equal(index.countOf('outsidesecret'), 0);
      // A full rescan walks past links as well.
      await vscode.commands.executeCommand('balanceJournal.refresh');
      await settle();
      assert.equal(index.countOf('outsidesecret'), 0);
      assert.equal(index.countOf('afterlinks'), 1);
    } finally {
      await disk.rm(linkedFolder);
      await disk.rm(linkedFile);
      await disk.rm(marker);
      await disk.rm(outside);
      await waitFor('the marker to leave the index', () => index.countOf('afterlinks') === 0, 30000);
    }
  });
});

describe('A template that is a symbolic link', () => {
  it('is never read: a committed default.md -> a private key does not reach a new entry', async () => {
    const { index } = await api();
    const outside = await disk.mkdtempNextTo(workspaceFolder().uri, 'outside-');
    const secret = vscode.Uri.joinPath(outside, 'id_rsa');
    await disk.writeFile(secret, '-----BEGIN PRIVATE KEY----- SECRET-KEY-CONTENT\n');
    const templates = vscode.Uri.joinPath(workspaceFolder().uri, '.balance-journal', 'templates');
    await disk.mkdir(templates);
    await disk.symlinkDir(secret, vscode.Uri.joinPath(templates, 'default.md'));
    let created: vscode.Uri | undefined;
    try {
      created = await vscode.commands.executeCommand<vscode.Uri>('balanceJournal.newEntry', { traits: ['influence'], title: 'Linked template' });
      assert.ok(created, 'the entry is created from the built-in template');
      const text = await disk.readText(created);
      assert.doesNotMatch(text, /SECRET-KEY-CONTENT/);
      assert.match(text, /# Linked template/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      if (created) await disk.rm(created);
      await disk.rm(vscode.Uri.joinPath(workspaceFolder().uri, '.balance-journal'));
      await disk.rm(outside);
      if (created) await waitFor('the entry to leave the index', () => !index.get(created!.toString()), 30000);
    }
  });
});

describe('Trait ids from the workspace settings', () => {
  const settings = () => vscode.workspace.getConfiguration('balanceJournal');
  afterEach(() => settings().update('traits', undefined, vscode.ConfigurationTarget.Workspace));

  it('refuses an id that is a path, so New Entry cannot write outside the journal', async () => {
    await api();
    const id = 'x/../../../../../outside-bj/OUTSIDE';
    await settings().update('traits', [{ id, label: 'Escape', side: 'leadership', description: 'Tries to leave.', prompts: ['Where?'] }], vscode.ConfigurationTarget.Workspace);
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('balanceJournal.newEntry', { traits: [id] });
    assert.equal(uri, undefined);
    assert.equal(await disk.exists(vscode.Uri.joinPath(workspaceFolder().uri, '..', 'outside-bj')), false);
    assert.equal(await disk.exists(vscode.Uri.joinPath(workspaceFolder().uri, '..', '..', 'outside-bj')), false);
  });
});

describe('The API handed to other extensions', () => {
  it('reads the index but cannot change it', async () => {
    const { index } = await api();
    const readable = index as unknown as Record<string, unknown>;
    for (const method of ['set', 'restore', 'delete', 'clear', 'batch', 'deleteUnder']) assert.equal(readable[method], undefined, method);
    assert.equal(typeof index.countOf('empathy'), 'number');
    assert.ok(Object.isFrozen(index));
  });
});
