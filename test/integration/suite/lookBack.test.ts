import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import * as disk from './disk';
import { api, journalUri, localDay, waitFor } from './helpers';

/** A day as the view writes it (core/dates: `Oct 29, 2026` in English). */
function readableDay(date: Date): string {
  return new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric' }).format(date);
}

describe('Look back', () => {
  const dir = journalUri('look-back');

  after(async () => {
    const { index } = await api();
    await disk.rm(dir);
    await waitFor('the look-back entries to go', () => index.countOf('look-back-test') === 0 && index.countOf('look-back-open') === 0);
  });

  it('lists the entries written on this day one month and one year ago', async () => {
    const { index, treeProvider } = await api();
    // With no entry open: an open one would be looked back from instead.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const now = new Date();
    const monthAgo = new Date(now.getFullYear(), now.getMonth() - 1, 1);
    monthAgo.setDate(Math.min(now.getDate(), new Date(monthAgo.getFullYear(), monthAgo.getMonth() + 1, 0).getDate()));
    const yearAgo = new Date(now.getFullYear() - 1, now.getMonth(), 1);
    yearAgo.setDate(Math.min(now.getDate(), new Date(yearAgo.getFullYear(), yearAgo.getMonth() + 1, 0).getDate()));
    await disk.mkdir(dir);
    for (const [name, day] of [['A month ago', localDay(monthAgo)], ['A year ago', localDay(yearAgo)], ['Another day', '2001-01-01']]) {
      await disk.writeFile(vscode.Uri.joinPath(dir, `${day}-${name.replace(/ /g, '-')}.md`), `---\ndate: ${day}T12:00:00+00:00\ntags: [look-back-test]\n---\n# ${name}\n`);
    }
    await waitFor('the entries', () => index.countOf('look-back-test') === 3);

    const lookBack = treeProvider.getChildren().find((node) => node.kind === 'lookBack');
    assert.ok(lookBack, 'a Look back row');
    assert.deepEqual(treeProvider.getChildren()[1], lookBack, 'right under Balance');
    const items = treeProvider.getChildren(lookBack).map((node) => treeProvider.getTreeItem(node));
    assert.deepEqual(
      items.map((item) => [item.label, item.description]),
      [
        ['A month ago', `one month ago · ${readableDay(monthAgo)}`],
        ['A year ago', `one year ago · ${readableDay(yearAgo)}`],
      ],
    );
  });

  it('looks back from the entry in the active editor: a month before its day, and its day in every earlier year', async () => {
    const { index, treeProvider } = await api();
    await disk.mkdir(dir);
    // Counted by hand: from 31 March 2024, a month before is 29 February 2024 (a leap year), and
    // the years before are 31 March 2023, 2022, 2021. 30 March 2024 is neither.
    const files: Array<[string, string]> = [
      ['2024-03-31-open', 'The open one'],
      ['2024-02-29-month', 'A month before'],
      ['2023-03-31-year', 'A year before'],
      ['2021-03-31-three', 'Three years before'],
      ['2024-03-30-not', 'Not a look-back day'],
    ];
    for (const [name, title] of files) {
      await disk.writeFile(vscode.Uri.joinPath(dir, `${name}.md`), `---\ndate: ${name.slice(0, 10)}T12:00:00\ntags: [look-back-open]\n---\n# ${title}\n`);
    }
    await waitFor('the entries', () => index.countOf('look-back-open') === 5);
    await vscode.window.showTextDocument(vscode.Uri.joinPath(dir, '2024-03-31-open.md'));
    const rows = () => {
      const lookBack = treeProvider.getChildren().find((node) => node.kind === 'lookBack');
      return lookBack ? treeProvider.getChildren(lookBack).map((node) => [treeProvider.getTreeItem(node).label, treeProvider.getTreeItem(node).description]) : [];
    };
    await waitFor('Look back from the open entry', () => rows().some(([label]) => label === 'A month before'));
    assert.deepEqual(rows(), [
      ['A month before', 'one month before · Feb 29, 2024'],
      ['A year before', 'one year before · Mar 31, 2023'],
      ['Three years before', '3 years before · Mar 31, 2021'],
    ]);
    const lookBack = treeProvider.getChildren().find((node) => node.kind === 'lookBack')!;
    assert.equal(treeProvider.getTreeItem(lookBack).description, 'from Mar 31, 2024');
    // No entry open: today's look back again.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('Look back from today', () => !rows().some(([label]) => label === 'A month before'));
  });
});
