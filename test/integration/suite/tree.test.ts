import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TraitTreeNode } from '../../../src/features/traitTree';
import { api } from './helpers';

interface Row {
  label: string;
  description: string;
}

async function rows(nodes: TraitTreeNode[]): Promise<Row[]> {
  const { treeProvider } = await api();
  return nodes.map((node) => {
    const item = treeProvider.getTreeItem(node);
    const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
    return { label, description: String(item.description ?? '') };
  });
}

/** `2 entries · 56 days ago`, computed here from the fixture's newest day for the trait. */
function traitDescription(count: number, newestDay?: string): string {
  const entries = count === 1 ? '1 entry' : `${count} entries`;
  if (!newestDay) return `${entries} · not yet`;
  const [y, m, d] = newestDay.split('-').map(Number);
  const now = new Date();
  const days = Math.round((new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime() - new Date(y, m - 1, d).getTime()) / 86400000);
  return `${entries} · ${days === 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`}`;
}

describe('Traits tree on the fixture journal', () => {
  it('shows the balance, both sides with their four traits, and other tags', async () => {
    const { treeProvider } = await api();
    // "Look back" appears only on days with entries a month or a year before: not part of this test.
    const roots = treeProvider.getChildren().filter((node) => node.kind !== 'lookBack');
    assert.deepEqual(await rows(roots), [
      { label: 'Balance', description: 'Leadership 50% · Management 50% · balanced' },
      { label: 'Leadership', description: '3' },
      { label: 'Management', description: '3' },
      { label: 'Other tags', description: '1' },
    ]);
    assert.equal(treeProvider.getTreeItem(roots[1]).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);

    assert.deepEqual(await rows(treeProvider.getChildren(roots[1])), [
      { label: 'Visionary Thinking', description: traitDescription(0) },
      { label: 'Empathy', description: traitDescription(2, '2026-10-02') },
      { label: 'Innovation', description: traitDescription(0) },
      { label: 'Influence', description: traitDescription(1, '2026-10-01') },
    ]);
    assert.deepEqual(await rows(treeProvider.getChildren(roots[2])), [
      { label: 'Organizational Skills', description: traitDescription(1, '2026-11-01') },
      { label: 'Decision-Making', description: traitDescription(1, '2026-10-03') },
      { label: 'Problem-Solving', description: traitDescription(0) },
      { label: 'Time Management', description: traitDescription(1, '2026-10-02') },
    ]);
    assert.deepEqual(await rows(treeProvider.getChildren(roots[3])), [{ label: '#retro', description: '1' }]);
  });

  it('lists a trait\'s entries newest first, and a click opens the entry', async () => {
    const { treeProvider } = await api();
    const leadership = treeProvider.getChildren().find((node) => node.kind === 'side' && node.side === 'leadership')!;
    const empathy = treeProvider.getChildren(leadership)[1];
    const entries = treeProvider.getChildren(empathy);
    assert.deepEqual(await rows(entries), [
      { label: 'Deadline week', description: '2026-10-02' },
      { label: 'First one-on-one', description: '2026-10-01' },
    ]);
    const item = treeProvider.getTreeItem(entries[0]);
    assert.equal(item.command?.command, 'vscode.open');
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    assert.match(vscode.window.activeTextEditor?.document.uri.path ?? '', /2026-10-02-deadline-week\.md$/);
  });

  it('gives the balance a tooltip with counts and the least-reflected trait', async () => {
    const { treeProvider } = await api();
    const item = treeProvider.getTreeItem(treeProvider.getChildren()[0]);
    // As rendered: Markdown escapes removed.
    const tooltip = (item.tooltip as vscode.MarkdownString).value.replace(/\\(.)/g, '$1');
    assert.match(tooltip, /Leadership: 3 trait tags \(50%\)/);
    assert.match(tooltip, /Management: 3 trait tags \(50%\)/);
    // Even sides: the least reflected trait overall, in source order.
    assert.match(tooltip, /Least reflected: Visionary Thinking, 0 entries/);
    // Nothing in the fixture is recent: every trait is named as not reflected on lately.
    assert.match(tooltip, /Not reflected on for 14 days or more: Visionary Thinking, Empathy, Innovation, Influence, Organizational Skills, Decision-Making, Problem-Solving, Time Management\./);
    assert.ok(item.iconPath instanceof vscode.ThemeIcon && item.iconPath.id === 'pass-filled');
    // Streaks in ISO weeks: the fixture's entries fall in 2026-W40 and 2026-W44, a week each.
    assert.match(tooltip, /\nCurrent streak: /);
    assert.match(tooltip, /\nLongest streak: 1 week \(2026-W4[04]\)\./);
  });

  it('shows the balance in the status bar', async () => {
    const { statusBar } = await api();
    assert.match(statusBar.text, /L 50% · M 50%$/);
  });

  it('ignores Markdown outside the journal folder and inside code or URLs', async () => {
    const { index } = await api();
    assert.equal(index.size, 4);
    assert.equal(index.countOf('innovation'), 0);
  });
});
