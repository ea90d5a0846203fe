import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import * as disk from './disk';
import { api, waitFor, workspaceFolder } from './helpers';

describe('Entry templates in the workspace', () => {
  const folder = () => vscode.Uri.joinPath(workspaceFolder().uri, '.balance-journal');
  const template = (name: string) => vscode.Uri.joinPath(folder(), 'templates', name);
  const created: vscode.Uri[] = [];

  before(async () => {
    await disk.mkdir(vscode.Uri.joinPath(folder(), 'templates'));
    await disk.writeFile(template('empathy.md'), '# {{title}}\n\nWho did I listen to? ({{traits}})\n\n{{prompts}}\n');
    await disk.writeFile(template('default.md'), '# {{title}}\n\nMood: {{mood}}\n\n{{prompts}}\n');
  });

  after(async () => {
    const { index } = await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created) await disk.rm(uri);
    await disk.rm(folder());
    await waitFor('the template entries to go', () => created.every((uri) => !index.get(uri.toString())));
  });

  it('uses the first trait\'s template, else default.md, and keeps unknown variables with a warning', async () => {
    await api();
    const empathy = await vscode.commands.executeCommand<vscode.Uri>('balanceJournal.newEntry', { traits: ['empathy'], title: 'Listening' });
    created.push(empathy);
    const empathyText = await disk.readText(empathy);
    assert.match(empathyText, /^---\ndate: .*\ntags:\n {2}- empathy\n---\n# Listening\n\nWho did I listen to\? \(Empathy\)\n\n> \*\*Empathy\*\*/);

    const influence = await vscode.commands.executeCommand<vscode.Uri>('balanceJournal.newEntry', { traits: ['influence'], title: 'Trust' });
    created.push(influence);
    assert.match(await disk.readText(influence), /# Trust\n\nMood: \{\{mood\}\}\n\n> \*\*Influence\*\*/);
    const defaultTemplate = template('default.md');
    const [warning] = vscode.languages.getDiagnostics(defaultTemplate);
    assert.ok(warning, 'a warning on the template');
    assert.match(warning.message, /Unknown template variable \{\{mood\}\}/);
    assert.equal(warning.range.start.line, 2);
  });
});
