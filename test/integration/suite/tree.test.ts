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

/**
 * `2 · 8w ago · due`: the count, when (short, for a narrow sidebar) and `due` after 14 days
 * without an entry, computed here from the fixture's newest day for the trait; only `1 · due`
 * when the label and that text pass 34 characters.
 */
function traitDescription(label: string, count: number, newestDay?: string): string {
  const text = fullTraitDescription(count, newestDay);
  return text.endsWith(' · due') && label.length + text.length > 34 ? `${count} · due` : text;
}

function fullTraitDescription(count: number, newestDay?: string): string {
  if (!newestDay) return `${count} · never · due`;
  const [y, m, d] = newestDay.split('-').map(Number);
  const now = new Date();
  const days = Math.max(0, Math.round((new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime() - new Date(y, m - 1, d).getTime()) / 86400000));
  const when = days === 0 ? 'today' : days < 14 ? `${days}d ago` : days < 60 ? `${Math.floor(days / 7)}w ago` : days < 730 ? `${Math.floor(days / 30)}mo ago` : `${Math.floor(days / 365)}y ago`;
  return `${count} · ${when}${days >= 14 ? ' · due' : ''}`;
}

describe('Traits tree on the fixture journal', () => {
  it('shows the balance, both sides with their four traits, and other tags', async () => {
    const { treeProvider } = await api();
    // "Look back" is always there (empty or not): not part of this test.
    const roots = treeProvider.getChildren().filter((node) => node.kind !== 'lookBack');
    assert.deepEqual(await rows(roots), [
      // The verdict first and short, so a narrow sidebar keeps it; side totals say what they count.
      { label: 'Balanced', description: 'L 50% · M 50%' },
      { label: 'Leadership', description: '3 trait tags' },
      { label: 'Management', description: '3 trait tags' },
      { label: 'Other tags', description: '1' },
    ]);
    assert.equal(treeProvider.getTreeItem(roots[1]).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);

    assert.deepEqual(await rows(treeProvider.getChildren(roots[1])), [
      { label: 'Visionary Thinking', description: traitDescription('Visionary Thinking', 0) },
      { label: 'Empathy', description: traitDescription('Empathy', 2, '2026-10-02') },
      { label: 'Innovation', description: traitDescription('Innovation', 0) },
      { label: 'Influence', description: traitDescription('Influence', 1, '2026-10-01') },
    ]);
    assert.deepEqual(await rows(treeProvider.getChildren(roots[2])), [
      { label: 'Organizational Skills', description: traitDescription('Organizational Skills', 1, '2026-11-01') },
      { label: 'Decision-Making', description: traitDescription('Decision-Making', 1, '2026-10-03') },
      { label: 'Problem-Solving', description: traitDescription('Problem-Solving', 0) },
      { label: 'Time Management', description: traitDescription('Time Management', 1, '2026-10-02') },
    ]);
    assert.deepEqual(await rows(treeProvider.getChildren(roots[3])), [{ label: '#retro', description: '1' }]);
    // Every trait description fits a narrow sidebar; the sentence is in the tooltip and read aloud.
    for (const side of [roots[1], roots[2]]) {
      for (const node of treeProvider.getChildren(side)) {
        const item = treeProvider.getTreeItem(node);
        assert.ok(String(item.description).length <= 24, String(item.description));
        assert.match(item.accessibilityInformation?.label ?? '', /^[A-Z][\w -]+ (No entry yet\.|\d+ entr(y|ies), the last .+\.) Due: /);
        assert.match((item.tooltip as vscode.MarkdownString).value.replace(/\\(.)/g, '$1'), /"due": no entry for 14 days or more/);
      }
    }
  });

  it('lists a trait\'s entries newest first, and a click opens the entry', async () => {
    const { treeProvider } = await api();
    const leadership = treeProvider.getChildren().find((node) => node.kind === 'side' && node.side === 'leadership')!;
    const empathy = treeProvider.getChildren(leadership)[1];
    const entries = treeProvider.getChildren(empathy);
    assert.deepEqual(await rows(entries), [
      { label: 'Deadline week', description: 'Oct 2, 2026' },
      { label: 'First one-on-one', description: 'Oct 1, 2026' },
    ]);
    const item = treeProvider.getTreeItem(entries[0]);
    assert.equal(item.command?.command, 'vscode.open');
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    assert.match(vscode.window.activeTextEditor?.document.uri.path ?? '', /2026-10-02-deadline-week\.md$/);
  });

  it('gives the balance a tooltip with counts, one suggestion and why, then the traits that are due', async () => {
    const { treeProvider } = await api();
    const item = treeProvider.getTreeItem(treeProvider.getChildren()[0]);
    // As rendered: Markdown escapes removed.
    const tooltip = (item.tooltip as vscode.MarkdownString).value.replace(/\\(.)/g, '$1');
    assert.match(tooltip, /Leadership: 3 trait tags \(50%\)/);
    assert.match(tooltip, /Management: 3 trait tags \(50%\)/);
    // Nothing in the fixture is from the last four weeks, and all time is even: the rule goes by
    // neglect (never written about first), then the source's order.
    assert.match(tooltip, /Try next: Visionary Thinking\. Visionary Thinking has no entries yet, and both sides are even\./);
    // Then the others that are due, once each: one suggestion, not two competing hints.
    assert.match(tooltip, /Also due \(no entry for 14 days or more\): Empathy, Innovation, Influence, Organizational Skills, Decision-Making, Problem-Solving, Time Management\./);
    assert.equal(tooltip.match(/Visionary Thinking/g)?.length, 2);
    assert.ok(item.iconPath instanceof vscode.ThemeIcon && item.iconPath.id === 'pass-filled');
    // Streaks in ISO weeks: the fixture's entries fall in 2026-W40 and 2026-W44, a week each.
    assert.match(tooltip, /\nCurrent streak: /);
    assert.match(tooltip, /\nLongest streak: 1 week \(2026-W4[04]\)\./);
    // Its inline "Write about it" (package.json: view/item/context, viewItem == balance).
    assert.equal(item.contextValue, 'balance');
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
