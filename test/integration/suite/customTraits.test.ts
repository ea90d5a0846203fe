import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import * as disk from './disk';
import { api, sideNode, waitFor } from './helpers';

describe('Your own traits (balanceJournal.traits)', () => {
  const settings = () => vscode.workspace.getConfiguration('balanceJournal');
  const created: vscode.Uri[] = [];

  after(async () => {
    const { index } = await api();
    await settings().update('traits', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created) await disk.rm(uri);
    await waitFor('the entries to go', () => index.countOf('coaching') === 0);
  });

  it('adds a trait to its side in the tree, the entry command and the hover, and replaces built-in prompts', async () => {
    const { treeProvider, index } = await api();
    await settings().update(
      'traits',
      [
        { id: 'coaching', label: 'Coaching', side: 'leadership', description: 'Helping others grow.', prompts: ['Whom did I help grow today?'] },
        { id: 'empathy', prompts: ['Who needed me today?'] },
        { id: 'broken' },
      ],
      vscode.ConfigurationTarget.Workspace,
    );
    const labels = () => treeProvider.getChildren(sideNode(treeProvider, 'leadership')).map((node) => treeProvider.getTreeItem(node).label);
    await waitFor('the Coaching row', () => labels().includes('Coaching'));
    assert.deepEqual(labels(), ['Visionary Thinking', 'Empathy', 'Innovation', 'Influence', 'Coaching']);

    const uri = await vscode.commands.executeCommand<vscode.Uri>('balanceJournal.newEntry', { traits: ['coaching', 'empathy'], title: 'Pairing with Sam' });
    assert.ok(uri);
    created.push(uri);
    const text = await disk.readText(uri);
    assert.match(text, /> \*\*Coaching\*\* \(leadership\): Helping others grow\./);
    assert.match(text, /## Whom did I help grow today\?/);
    assert.match(text, /## Who needed me today\?/);
    await waitFor('the entry to count', () => index.countOf('coaching') === 1);

    const document = await vscode.workspace.openTextDocument(uri);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, document.positionAt(document.getText().indexOf('coaching') + 2));
    const hoverText = hovers.flatMap((hover) => hover.contents).map((content) => (content instanceof vscode.MarkdownString ? content.value : String(content))).join('\n');
    assert.match(hoverText, /\*\*Coaching\*\* · Leadership trait/);
  });
});
