import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, api, exists, journalUri, localDay, sideNode, waitFor } from './helpers';

const created: vscode.Uri[] = [];

async function newEntry(arg: unknown): Promise<vscode.Uri | undefined> {
  const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('balanceJournal.newEntry', arg);
  if (uri) created.push(uri);
  return uri;
}

async function journalFiles(): Promise<string[]> {
  const found = await vscode.workspace.findFiles('journal/**/*.md');
  return found.map((uri) => uri.toString()).sort();
}

describe('balanceJournal.newEntry with arguments', () => {
  after(async () => {
    const { index } = await api();
    for (const uri of created) {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      if (await exists(uri)) await vscode.workspace.fs.delete(uri);
    }
    await waitFor('the created entries to leave the index', () => created.every((uri) => !index.get(uri.toString())));
  });

  it('writes a tagged entry at journal/YYYY/MM/<local day>-<slug>.md and opens it', async () => {
    const { index } = await api();
    const before = index.countOf('empathy');
    const day = localDay();
    const uri = await newEntry({ traits: ['empathy', 'Decision Making'], title: 'Crème brûlée retro!' });
    assert.ok(uri, 'the command returns the new file');
    assert.equal(uri.toString(), journalUri(day.slice(0, 4), day.slice(5, 7), `${day}-creme-brulee-retro.md`).toString());

    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.match(text, new RegExp(`^---\\ndate: ${day}T\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d\\ntags:\\n  - empathy\\n  - decision-making\\n---\\n# Crème brûlée retro!\\n`));
    assert.match(text, /> \*\*Empathy\*\* \(leadership\): Understanding and addressing the needs and concerns of team members\./);
    assert.match(text, /> \*\*Decision-Making\*\* \(management\): Making informed choices based on data and analysis\./);
    assert.match(text, /## Which decision did I make, and what data or analysis informed it\?/);

    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri.toString());
    const cursorLine = editor.selection.active.line;
    assert.equal(editor.document.lineAt(cursorLine).text, '');
    assert.match(editor.document.lineAt(cursorLine - 2).text, /^## Whose needs or concerns/);

    await waitFor('the new entry to be counted', () => index.countOf('empathy') === before + 1);
    assert.deepEqual(index.get(uri.toString())?.tags, ['empathy', 'decision-making']);
  });

  it('never overwrites: the same title again gets -2', async () => {
    const day = localDay();
    const first = await newEntry({ traits: ['influence'], title: 'Same name' });
    const second = await newEntry({ traits: ['influence'], title: 'Same name' });
    assert.ok(first && second);
    assert.ok(first.path.endsWith(`/${day}-same-name.md`));
    assert.ok(second.path.endsWith(`/${day}-same-name-2.md`));
    const firstText = new TextDecoder().decode(await vscode.workspace.fs.readFile(first));
    assert.match(firstText, /# Same name/);
  });

  it('names an untitled entry after its first trait', async () => {
    const uri = await newEntry({ traits: ['time-management'] });
    assert.ok(uri);
    assert.ok(uri.path.endsWith(`/${localDay()}-time-management.md`));
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.match(text, /\n# Time Management\n/);
  });

  it('refuses unknown traits and bad arguments without writing anything', async () => {
    const before = await journalFiles();
    for (const arg of [{ traits: ['charisma'] }, { traits: [] }, { traits: 'empathy' }, { traits: ['empathy'], title: 7 }]) {
      assert.equal(await newEntry(arg), undefined, JSON.stringify(arg));
    }
    assert.deepEqual(await journalFiles(), before);
  });

  it('asks for the title from a trait row\'s + button; Escape keeps the trait\'s name', async () => {
    const { treeProvider } = await api();
    const management = sideNode(treeProvider, 'management');
    const problemSolving = treeProvider.getChildren(management)[2];
    assert.equal(treeProvider.getTreeItem(problemSolving).contextValue, 'trait');
    let settled = false;
    const pending = Promise.resolve(vscode.commands.executeCommand<vscode.Uri>('balanceJournal.newEntryForTrait', problemSolving)).finally(() => (settled = true));
    // Escape, as a person would, until the title box has gone (it may take a moment to show).
    while (!settled) {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const uri = await pending;
    assert.ok(uri);
    created.push(uri);
    assert.ok(uri.path.endsWith(`/${localDay()}-problem-solving.md`));
    assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), /\n# Problem-Solving\n/);
  });

  it('writes about the suggested trait from the Balance row (Write About the Suggested Trait)', async () => {
    await api();
    let settled = false;
    const pending = Promise.resolve(vscode.commands.executeCommand<vscode.Uri>('balanceJournal.writeSuggested')).finally(() => (settled = true));
    while (!settled) {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const uri = await pending;
    assert.ok(uri);
    created.push(uri);
    // The fixture: nothing recent, sides even; Visionary Thinking has never been written about.
    assert.ok(uri.path.endsWith(`/${localDay()}-visionary-thinking.md`), uri.path);
  });
});

describe('balanceJournal.newEntry for another day', () => {
  after(async () => {
    const { index } = await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const mine = created.splice(0);
    for (const uri of mine) if (await exists(uri)) await vscode.workspace.fs.delete(uri);
    const leapYear = journalUri('2024');
    if (await exists(leapYear)) await vscode.workspace.fs.delete(leapYear, { recursive: true });
    await waitFor('the entries for other days to leave the index', () => mine.every((uri) => !index.get(uri.toString())));
  });

  it('names the file by that day and dates it that day at the current local time, with its offset', async () => {
    const { index } = await api();
    const yesterday = new Date();
    yesterday.setDate(yesterday.getDate() - 1);
    const day = localDay(yesterday);
    const before = Date.now();
    const uri = await newEntry({ traits: ['empathy'], title: 'Written a day late', date: day });
    assert.ok(uri, 'the command returns the new file');
    assert.equal(uri.toString(), journalUri(day.slice(0, 4), day.slice(5, 7), `${day}-written-a-day-late.md`).toString());
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const date = /^---\ndate: (\S+)\n/.exec(text)?.[1];
    assert.ok(date, text);
    assert.match(date, new RegExp(`^${day}T\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d$`));
    // The time of day is now's, give or take the test's own run time (and a DST change at worst).
    const written = new Date(date);
    const nowThen = new Date(before);
    const expected = new Date(yesterday.getFullYear(), yesterday.getMonth(), yesterday.getDate(), nowThen.getHours(), nowThen.getMinutes(), nowThen.getSeconds());
    assert.ok(Math.abs(written.getTime() - expected.getTime()) <= 60 * 60 * 1000 + 60_000, `${date} is not yesterday at about ${nowThen.toTimeString()}`);
    await waitFor('the entry to be indexed on its day', () => index.entriesOn(day).some((entry) => entry.key === uri.toString()));
  });

  it('takes a day long ago, such as 29 February', async () => {
    const uri = await newEntry({ traits: ['influence'], date: '2024-02-29' });
    assert.ok(uri);
    assert.ok(uri.path.endsWith('/journal/2024/02/2024-02-29-influence.md'), uri.path);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.match(text, /^---\ndate: 2024-02-29T\d\d:\d\d:\d\d[+-]\d\d:\d\d\n/);
  });

  it('refuses a day in the future or one that is not in the calendar, writing nothing', async () => {
    const before = await journalFiles();
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    for (const date of [localDay(tomorrow), '2026-02-30', 'yesterday', 20240229]) {
      assert.equal(await newEntry({ traits: ['empathy'], date }), undefined, String(date));
      assert.equal(await newEntry({ date }), undefined, String(date));
    }
    assert.deepEqual(await journalFiles(), before);
  });

  it('is declared as "New Entry for Another Day…", with the setting that asks for the day in New Entry', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    const commands = extension?.packageJSON?.contributes?.commands as { command: string; title: string }[];
    assert.equal(commands.find((command) => command.command === 'balanceJournal.newEntryForAnotherDay')?.title, 'New Entry for Another Day…');
    assert.ok((await vscode.commands.getCommands(true)).includes('balanceJournal.newEntryForAnotherDay'));
    assert.equal(vscode.workspace.getConfiguration('balanceJournal').get('askForDate'), false);
  });
});
