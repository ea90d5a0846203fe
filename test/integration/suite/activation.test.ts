// Smoke test: the extension loads in a real VS Code and registers its commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'balance-journal.balance-journal';

describe('Balance Journal activation', () => {
  it('is installed, activates and registers balanceJournal.newEntry', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded`);
    await ext.activate();
    assert.equal(ext.isActive, true);
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('balanceJournal.newEntry'), 'balanceJournal.newEntry is not registered');
  });
});
