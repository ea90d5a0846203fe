import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, waitFor, workspaceFolder } from './helpers';

describe('Entry templates in the workspace', () => {
  const folder = () => path.join(workspaceFolder().uri.fsPath, '.balance-journal');
  const created: vscode.Uri[] = [];

  before(async () => {
    await fs.mkdir(path.join(folder(), 'templates'), { recursive: true });
    await fs.writeFile(path.join(folder(), 'templates', 'empathy.md'), '# {{title}}\n\nWho did I listen to? ({{traits}})\n\n{{prompts}}\n');
    await fs.writeFile(path.join(folder(), 'templates', 'default.md'), '# {{title}}\n\nMood: {{mood}}\n\n{{prompts}}\n');
  });

  after(async () => {
    const { index } = await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created) await fs.rm(uri.fsPath, { force: true });
    await fs.rm(folder(), { recursive: true, force: true });
    await waitFor('the template entries to go', () => created.every((uri) => !index.get(uri.toString())));
  });

  it('uses the first trait\'s template, else default.md, and keeps unknown variables with a warning', async () => {
    await api();
    const empathy = await vscode.commands.executeCommand<vscode.Uri>('balanceJournal.newEntry', { traits: ['empathy'], title: 'Listening' });
    created.push(empathy);
    const empathyText = await fs.readFile(empathy.fsPath, 'utf8');
    assert.match(empathyText, /^---\ndate: .*\ntags:\n {2}- empathy\n---\n# Listening\n\nWho did I listen to\? \(Empathy\)\n\n> \*\*Empathy\*\*/);

    const influence = await vscode.commands.executeCommand<vscode.Uri>('balanceJournal.newEntry', { traits: ['influence'], title: 'Trust' });
    created.push(influence);
    assert.match(await fs.readFile(influence.fsPath, 'utf8'), /# Trust\n\nMood: \{\{mood\}\}\n\n> \*\*Influence\*\*/);
    const defaultTemplate = vscode.Uri.file(path.join(folder(), 'templates', 'default.md'));
    const [warning] = vscode.languages.getDiagnostics(defaultTemplate);
    assert.ok(warning, 'a warning on the template');
    assert.match(warning.message, /Unknown template variable \{\{mood\}\}/);
    assert.equal(warning.range.start.line, 2);
  });
});
