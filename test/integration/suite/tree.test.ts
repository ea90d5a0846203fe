import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TraitTreeNode } from '../../../src/traitTree';
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

describe('Traits tree on the fixture journal', () => {
  it('shows the balance, both sides with their four traits, and other tags', async () => {
    const { treeProvider } = await api();
    const roots = treeProvider.getChildren();
    assert.deepEqual(await rows(roots), [
      { label: 'Balance', description: 'Leadership 50% · Management 50% · balanced' },
      { label: 'Leadership', description: '3' },
      { label: 'Management', description: '3' },
      { label: 'Other tags', description: '1' },
    ]);
    assert.equal(treeProvider.getTreeItem(roots[1]).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);

    assert.deepEqual(await rows(treeProvider.getChildren(roots[1])), [
      { label: 'Visionary Thinking', description: '0' },
      { label: 'Empathy', description: '2' },
      { label: 'Innovation', description: '0' },
      { label: 'Influence', description: '1' },
    ]);
    assert.deepEqual(await rows(treeProvider.getChildren(roots[2])), [
      { label: 'Organizational Skills', description: '1' },
      { label: 'Decision-Making', description: '1' },
      { label: 'Problem-Solving', description: '0' },
      { label: 'Time Management', description: '1' },
    ]);
    assert.deepEqual(await rows(treeProvider.getChildren(roots[3])), [{ label: '#retro', description: '1' }]);
  });

  it('lists a trait\'s entries newest first, and a click opens the entry', async () => {
    const { treeProvider } = await api();
    const leadership = treeProvider.getChildren()[1];
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
    const tooltip = (item.tooltip as vscode.MarkdownString).value;
    assert.match(tooltip, /Leadership: 3 trait tags \(50%\)/);
    assert.match(tooltip, /Management: 3 trait tags \(50%\)/);
    // Even sides: the least reflected trait overall, in source order.
    assert.match(tooltip, /Least reflected: Visionary Thinking, 0 entries/);
    assert.ok(item.iconPath instanceof vscode.ThemeIcon && item.iconPath.id === 'pass-filled');
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
