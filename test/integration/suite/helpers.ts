import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BalanceJournalApi } from '../../../src/extension.shared';

export const EXTENSION_ID = 'balance-journal.balance-journal';

/** How long a state may take to come (file events, the watcher, a scan) before a test gives up. */
export const WAIT_MS = 60_000;

export async function api(): Promise<BalanceJournalApi> {
  const extension = vscode.extensions.getExtension<BalanceJournalApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  const exports = await extension.activate();
  await exports.settle();
  return exports;
}

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder');
  return folder;
}

export function journalUri(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, 'journal', ...segments);
}

/**
 * Polls until `check` returns true (file events arrive asynchronously). The limit only decides
 * how long a broken build takes to fail: how soon the state comes depends on the machine's load.
 */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = WAIT_MS): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export function localDay(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The Leadership or Management row (other rows, such as Look back, come and go). */
export function sideNode(treeProvider: BalanceJournalApi['treeProvider'], side: 'leadership' | 'management') {
  const node = treeProvider.getChildren().find((candidate) => candidate.kind === 'side' && candidate.side === side);
  assert.ok(node, `no ${side} row`);
  return node;
}
