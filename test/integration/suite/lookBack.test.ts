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
    await waitFor('the look-back entries to go', () => index.countOf('look-back-test') === 0);
  });

  it('lists the entries written on this day one month and one year ago', async () => {
    const { index, treeProvider } = await api();
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
});
