import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import * as disk from './disk';
import { EXTENSION_ID, api, exists, journalUri, waitFor, workspaceFolder } from './helpers';

const FIND = 'balanceJournal.findEntries';
const EXPORT = 'balanceJournal.exportEvidence';
const OCTOBER = { from: '2026-10-01', to: '2026-10-31' };

function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(tab.input.viewType));
}

async function journalFiles(): Promise<string[]> {
  return (await vscode.workspace.findFiles('journal/**/*')).map((uri) => uri.toString()).sort();
}

describe('balanceJournal.findEntries', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('finds the entries with every tag picked, in the period, and opens them as a list in the Markdown preview', async () => {
    await api();
    const found = await vscode.commands.executeCommand<vscode.Uri[]>(FIND, { tags: ['empathy'], ...OCTOBER, openAll: true });
    assert.deepEqual(
      found.map((uri) => uri.path.split('/').pop()),
      ['2026-10-02-deadline-week.md', '2026-10-01-first-one-on-one.md'],
    );
    await waitFor('the Markdown preview of the list', () => previewTabs().length === 1);
    const both = await vscode.commands.executeCommand<vscode.Uri[]>(FIND, { tags: ['Empathy', 'influence'], period: 'all' });
    assert.deepEqual(both.map((uri) => uri.path.split('/').pop()), ['2026-10-01-first-one-on-one.md']);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });

  it('says so when nothing matches, and refuses a bad period', async () => {
    assert.deepEqual(await vscode.commands.executeCommand(FIND, { tags: ['charisma'], period: 'all' }), []);
    assert.deepEqual(await vscode.commands.executeCommand(FIND, { tags: ['empathy'], from: '2026-10-05', to: '2026-10-06' }), []);
    assert.deepEqual(await vscode.commands.executeCommand(FIND, { tags: ['empathy'], from: '2026-10-31', to: '2026-10-01' }), []);
    assert.deepEqual(await vscode.commands.executeCommand(FIND, { tags: ['empathy'], period: 'decade' }), []);
    assert.deepEqual(await vscode.commands.executeCommand(FIND, { tags: 'empathy' }), []);
  });
});

describe('balanceJournal.exportEvidence', () => {
  const exportsFolder = journalUri('exports');
  const written: vscode.Uri[] = [];

  after(async () => {
    const { index } = await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await disk.rm(exportsFolder);
    await waitFor('the exports to leave the index', () => written.every((uri) => index.get(uri.toString()) === undefined));
  });

  it('writes exports/evidence-<trait>-<from>-<to>.md with the entries and their sections, opened with the preview beside', async () => {
    const { index } = await api();
    const empathy = index.countOf('empathy');
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>(EXPORT, { trait: 'empathy', ...OCTOBER });
    assert.ok(uri, 'the command returns the export');
    written.push(uri);
    assert.equal(uri.toString(), journalUri('exports', 'evidence-empathy-2026-10-01-2026-10-31.md').toString());
    const text = await disk.readText(uri);
    assert.match(text, /^---\ndate: \S+\nkind: export\ntrait: empathy\nfrom: 2026-10-01\nto: 2026-10-31\n---\n# Evidence: Empathy, 2026-10-01 to 2026-10-31\n/);
    assert.ok(text.includes('### Entries (2)'), text);
    assert.match(text, /#### 2026-10-01: \[First one-on-one\]\(\.\.\/2026\/10\/2026-10-01-first-one-on-one\.md\)/);
    assert.match(text, /#### 2026-10-02: \[Deadline week\]\(\.\.\/2026\/10\/2026-10-02-deadline-week\.md\)/);
    await waitFor('the preview beside it', () => previewTabs().length === 1);
    assert.equal(vscode.window.tabGroups.all.length, 2, 'the export and its preview side by side');
    // An export is a note of its own kind: nothing is counted.
    await waitFor('the export to be indexed', () => index.get(uri.toString())?.kind === 'export');
    assert.equal(index.countOf('empathy'), empathy);
  });

  it('never overwrites: the same export again gets -2', async () => {
    const first = journalUri('exports', 'evidence-empathy-2026-10-01-2026-10-31.md');
    const before = await disk.readText(first);
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>(EXPORT, { trait: 'empathy', ...OCTOBER });
    assert.ok(uri);
    written.push(uri);
    assert.ok(uri.path.endsWith('/exports/evidence-empathy-2026-10-01-2026-10-31-2.md'), uri.path);
    assert.equal(await disk.readText(first), before);
    const all = await vscode.commands.executeCommand<vscode.Uri | undefined>(EXPORT, { trait: 'all', period: 'all' });
    assert.ok(all);
    written.push(all);
    assert.match(all.path, /\/exports\/evidence-all-start-today\.md$/);
  });

  it('refuses an unknown trait, an empty or bad period, and an exports folder that is a link or a file, writing nothing', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await disk.rm(exportsFolder);
    const { index } = await api();
    await waitFor('the exports to leave the index', () => written.every((uri) => index.get(uri.toString()) === undefined));
    const before = await journalFiles();
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    const future = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}`;
    for (const arg of [
      { trait: 'charisma', ...OCTOBER },
      { trait: '../../etc', ...OCTOBER },
      { trait: 'empathy', from: '2026-10-05', to: '2026-10-06' },
      { trait: 'empathy', from: '2026-10-31', to: '2026-10-01' },
      { trait: 'empathy', from: future },
      { trait: 'empathy', period: 'forever' },
    ]) {
      assert.equal(await vscode.commands.executeCommand(EXPORT, arg), undefined, JSON.stringify(arg));
    }
    assert.deepEqual(await journalFiles(), before);

    const outside = await disk.mkdtempNextTo(workspaceFolder().uri, 'bj-outside-');
    await disk.symlinkDir(outside, exportsFolder);
    try {
      assert.equal(await vscode.commands.executeCommand(EXPORT, { trait: 'empathy', ...OCTOBER }), undefined);
      assert.deepEqual(await disk.readdir(outside), []);
    } finally {
      await disk.rm(exportsFolder);
      await disk.rm(outside);
    }
    await disk.writeFile(exportsFolder, 'not a folder');
    try {
      assert.equal(await vscode.commands.executeCommand(EXPORT, { trait: 'empathy', ...OCTOBER }), undefined);
      assert.equal(await disk.readText(exportsFolder), 'not a folder');
    } finally {
      await disk.rm(exportsFolder);
    }
    assert.equal(await exists(exportsFolder), false);
  });

  it('are declared as "Find Entries…" and "Export Evidence…"', async () => {
    const commands = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON?.contributes?.commands as { command: string; title: string }[];
    assert.equal(commands.find((command) => command.command === FIND)?.title, 'Find Entries…');
    assert.equal(commands.find((command) => command.command === EXPORT)?.title, 'Export Evidence…');
  });
});
