// Only in the web build of the suite: proves that it, and the extension, run in the web worker
// extension host from the browser bundle, not in code-server's Node extension host.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

describe('The web worker extension host', () => {
  it('runs the tests and Balance Journal in a web worker, from package.json "browser"', async () => {
    assert.equal(typeof process, 'undefined', 'no Node process object');
    assert.equal(typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope, 'function', 'a worker global scope');
    const extension = vscode.extensions.getExtension('balance-journal.balance-journal');
    assert.ok(extension);
    await extension.activate();
    assert.equal(extension.extensionKind, vscode.ExtensionKind.UI, 'runs on the UI side (web worker)');
    assert.equal(extension.extensionUri.scheme, 'vscode-remote');
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
    assert.equal(vscode.workspace.workspaceFolders?.[0]?.uri.scheme, 'vscode-remote');
  });
});
