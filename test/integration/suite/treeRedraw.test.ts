import * as assert from 'node:assert/strict';
import type { TraitTreeNode } from '../../../src/features/traitTree';
import * as disk from './disk';
import { api, journalUri, sideNode, waitFor } from './helpers';

type Change = TraitTreeNode | TraitTreeNode[] | undefined;

// VS Code maps each row handle to the object the provider gave for it. A whole-tree redraw makes
// it forget them all until it asks for the rows again, so a + clicked on a trait in that moment
// reached New Entry with no trait. A change that keeps the same rows redraws those rows only.
describe('Traits tree redraws', function () {
  this.timeout(120_000);
  const probe = journalUri('tree-redraw-probe.md');

  after(async () => {
    await disk.rm(probe);
  });

  it('the rows it gave VS Code, not the whole tree, when the rows stay', async () => {
    const { treeProvider, index } = await api();
    // What VS Code holds after drawing the view: the top rows and each side's traits, each drawn.
    const draw = (nodes: TraitTreeNode[]) => (nodes.forEach((node) => treeProvider.getTreeItem(node)), nodes);
    draw(treeProvider.getChildren());
    const leadership = sideNode(treeProvider, 'leadership');
    const management = sideNode(treeProvider, 'management');
    const leadershipTraits = draw(treeProvider.getChildren(leadership));
    const managementTraits = draw(treeProvider.getChildren(management));
    assert.equal(leadershipTraits.length, 4);
    assert.equal(managementTraits.length, 4);
    const changes: Change[] = [];
    const subscription = treeProvider.onDidChangeTreeData((change) => changes.push(change));
    const empathy = index.countOf('empathy');
    try {
      // A new Empathy entry: the Leadership side's count changes, so that side is redrawn (and
      // VS Code asks for its traits again); Management keeps its rows and redraws its traits.
      await disk.writeFile(probe, '---\ntags: [empathy]\n---\n# Probe one\n');
      await waitFor('the probe counted', () => index.countOf('empathy') === empathy + 1);
      // The redraw comes a moment after the count (they are coalesced); an earlier redraw (another
      // test's files leaving) may come first.
      await waitFor('the Leadership row redrawn', () => changes.some((change) => Array.isArray(change) && change.includes(leadership)) || changes.some((change: Change) => change === undefined));
      assert.ok(
        changes.every((change) => Array.isArray(change)),
        `whole-tree redraws: ${changes.length}`,
      );
      const first = new Set(changes.flat());
      assert.ok(first.has(leadership), 'the Leadership row is redrawn');
      assert.ok(!first.has(management), 'the Management row is not redrawn');
      for (const trait of managementTraits) assert.ok(first.has(trait), `the ${String(trait.kind === 'trait' && trait.trait.id)} row, the object VS Code holds`);

      // VS Code asks for the redrawn side's rows again; then an edit that changes no tag.
      treeProvider.getTreeItem(leadership);
      const again = draw(treeProvider.getChildren(leadership));
      assert.ok(again.length === 4 && again.every((node, at) => node === leadershipTraits[at]), 'the same trait objects');
      changes.length = 0;
      await disk.writeFile(probe, '---\ntags: [empathy]\n---\n# Probe two\n');
      await waitFor('the new title', () => index.get(probe.toString())?.title === 'Probe two');
      await waitFor('the trait rows redrawn', () => changes.some((change: Change) => change === undefined) || leadershipTraits.every((trait) => changes.flat().includes(trait)));
      assert.ok(changes.every((change) => Array.isArray(change)), 'no whole-tree redraw');
      const second = new Set(changes.flat());
      assert.ok(!second.has(leadership) && !second.has(management), 'no side is redrawn');
      for (const trait of [...leadershipTraits, ...managementTraits]) assert.ok(second.has(trait), 'every trait row, the object VS Code holds');
      assert.ok([...second].some((node) => node.kind === 'balance'), 'the Balance row');
    } finally {
      subscription.dispose();
    }
  });
});
