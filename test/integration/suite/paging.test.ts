import * as assert from 'node:assert/strict';
import * as disk from './disk';
import * as vscode from 'vscode';
import type { TraitTreeNode } from '../../../src/features/traitTree';
import { api, journalUri, sideNode, waitFor } from './helpers';

describe('A trait with many entries', () => {
  const folder = journalUri('2025');

  after(async () => {
    const { index } = await api();
    await disk.rm(folder);
    await waitFor('the generated entries to leave the index', () => index.countOf('innovation') === 0);
  });

  it('lists the newest 200, then a row that shows more', async () => {
    const { index, treeProvider } = await api();
    await disk.mkdir(folder);
    for (let i = 1; i <= 230; i++) {
      const day = `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      await disk.writeFile(vscode.Uri.joinPath(folder, `${day}-idea-${i}.md`), `---\ndate: ${day}T10:00:00+01:00\ntags: [innovation]\n---\n# Idea ${i}\n`);
    }
    await waitFor('230 innovation entries', () => index.countOf('innovation') === 230);

    const leadership = sideNode(treeProvider, 'leadership');
    const innovation = treeProvider.getChildren(leadership)[2];
    let children = treeProvider.getChildren(innovation);
    assert.equal(children.length, 201);
    const more = children[200] as Extract<TraitTreeNode, { kind: 'more' }>;
    const moreItem = treeProvider.getTreeItem(more);
    assert.equal(moreItem.label, 'Show 30 more…');
    assert.equal(moreItem.description, '30 older');
    const days = children.slice(0, 200).map((node) => (node.kind === 'entry' ? node.entry.day ?? '' : ''));
    assert.deepEqual(days, [...days].sort().reverse(), 'newest first');

    await vscode.commands.executeCommand(moreItem.command!.command, ...(moreItem.command!.arguments ?? []));
    children = treeProvider.getChildren(innovation);
    assert.equal(children.length, 230);
    assert.ok(children.every((node) => node.kind === 'entry'));
  });
});
