import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import * as disk from './disk';
import { EXTENSION_ID, api, exists, journalUri, localDay, waitFor, workspaceFolder } from './helpers';

/** `2026-11`, worked out independently of the extension's code. */
function monthLabel(date: Date): string {
  return localDay(date).slice(0, 7);
}

/** The fiscal quarter of a local day, named by the year its fiscal year starts in. */
function quarterLabel(date: Date, startMonth: number): string {
  const monthsIn = (date.getMonth() - (startMonth - 1) + 12) % 12;
  const fiscalYear = date.getMonth() >= startMonth - 1 ? date.getFullYear() : date.getFullYear() - 1;
  return `${fiscalYear}-Q${Math.floor(monthsIn / 3) + 1}`;
}

const settings = () => vscode.workspace.getConfiguration('balanceJournal');

describe('balanceJournal.monthlyReview and balanceJournal.quarterlyReview', () => {
  const reviewsFolder = journalUri('reviews');
  const day = localDay();
  const monthFolder = journalUri(day.slice(0, 4), day.slice(5, 7));
  const entry = vscode.Uri.joinPath(monthFolder, `${day}-period-review-test.md`);
  let reviewsExisted = false;
  let createdFolder: vscode.Uri | undefined;
  const written: vscode.Uri[] = [];

  before(async () => {
    const { index } = await api();
    reviewsExisted = await exists(reviewsFolder);
    for (let folder = monthFolder; !(await disk.exists(folder)); folder = vscode.Uri.joinPath(folder, '..')) createdFolder = folder;
    await disk.mkdir(monthFolder);
    await disk.writeFile(entry, `---\ndate: ${day}T08:00:00+00:00\ntags: [influence, time-management]\n---\n# Period review test <b>\n`);
    await waitFor('the test entry to be indexed', () => index.get(entry.toString()) !== undefined);
  });

  after(async () => {
    const { index } = await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await settings().update('fiscalYearStartMonth', undefined, vscode.ConfigurationTarget.Workspace);
    for (const uri of written) await disk.rm(uri);
    if (!reviewsExisted) await disk.rm(reviewsFolder);
    await disk.rm(entry);
    if (createdFolder) await disk.rm(createdFolder);
    await waitFor('the reviews and the entry to leave the index', () => [entry, ...written].every((uri) => index.get(uri.toString()) === undefined));
  });

  it('Monthly Review creates reviews/<YYYY-MM>.md with the month, its comparison with last month and its entries', async () => {
    const { index } = await api();
    const month = monthLabel(new Date());
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('balanceJournal.monthlyReview');
    assert.ok(uri, 'the command returns the review');
    written.push(uri);
    assert.equal(uri.toString(), journalUri('reviews', `${month}.md`).toString());
    const text = await disk.readText(uri);
    assert.match(text, new RegExp(`^---\\ndate: ${day}T\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d\\nkind: review\\ntags:\\n  - monthly-review\\nmonth: ${month}\\n---\\n# Monthly review ${month} \\(`));
    assert.match(text, /\n- Against last month \(\d{4}-\d\d\): entries \d+ → \d+ \((?:\+|-|±)\d+\)/);
    assert.match(text, /\| Trait \| Side \| This month \| All time \| Last month \| Change \|/);
    assert.ok(text.includes(`[Period review test \\<b>](../${day.slice(0, 4)}/${day.slice(5, 7)}/${day}-period-review-test.md) · Influence, Time Management`), text);
    assert.match(text, /\n## Goals, commitments and feedback\n\n\*\*Goals\*\*\n/);
    assert.match(text, /\n## Strategy of the month: /);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    assert.equal(vscode.window.activeTextEditor?.document.lineAt(vscode.window.activeTextEditor.selection.active.line - 2).text, '## What went well this month?');
    await waitFor('the review to be indexed as a review', () => index.get(uri.toString())?.kind === 'review');
    assert.equal(index.countOf('monthly-review'), 0);
  });

  it('running Monthly Review again opens the same file unchanged', async () => {
    const uri = journalUri('reviews', `${monthLabel(new Date())}.md`);
    const before = await disk.readText(uri);
    const { mtime } = await vscode.workspace.fs.stat(uri);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.equal((await vscode.commands.executeCommand<vscode.Uri>('balanceJournal.monthlyReview'))?.toString(), uri.toString());
    assert.equal(await disk.readText(uri), before);
    assert.equal((await vscode.workspace.fs.stat(uri)).mtime, mtime);
  });

  it('Quarterly Review names the quarter by the fiscal year setting', async () => {
    for (const startMonth of [1, 4]) {
      await settings().update('fiscalYearStartMonth', startMonth === 1 ? undefined : startMonth, vscode.ConfigurationTarget.Workspace);
      const quarter = quarterLabel(new Date(), startMonth);
      const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('balanceJournal.quarterlyReview');
      assert.ok(uri);
      written.push(uri);
      assert.equal(uri.toString(), journalUri('reviews', `${quarter}.md`).toString(), `fiscal year from month ${startMonth}`);
      const text = await disk.readText(uri);
      assert.match(text, new RegExp(`\\nkind: review\\ntags:\\n  - quarterly-review\\nquarter: ${quarter}\\n---\\n# Quarterly review ${quarter} \\(`));
      assert.match(text, /\n- Against last quarter \(\d{4}-Q[1-4]\): /);
    }
  });

  it('never writes through a symbolic link: a linked reviews folder is refused', async () => {
    const { index } = await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await disk.rm(reviewsFolder);
    await waitFor('the reviews to leave the index', () => written.every((uri) => index.get(uri.toString()) === undefined));
    const outside = await disk.mkdtempNextTo(workspaceFolder().uri, 'bj-outside-');
    await disk.symlinkDir(outside, reviewsFolder);
    try {
      assert.equal(await vscode.commands.executeCommand('balanceJournal.monthlyReview'), undefined);
      assert.equal(await vscode.commands.executeCommand('balanceJournal.quarterlyReview'), undefined);
      assert.deepEqual(await disk.readdir(outside), []);
    } finally {
      await disk.rm(reviewsFolder);
      await disk.rm(outside);
    }
  });

  it('are declared as "Monthly Review" and "Quarterly Review", with the fiscal year setting', async () => {
    const commands = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON?.contributes?.commands as { command: string; title: string }[];
    assert.equal(commands.find((command) => command.command === 'balanceJournal.monthlyReview')?.title, 'Monthly Review');
    assert.equal(commands.find((command) => command.command === 'balanceJournal.quarterlyReview')?.title, 'Quarterly Review');
    assert.equal(settings().inspect('fiscalYearStartMonth')?.defaultValue, 1);
  });
});
