import * as vscode from 'vscode';
import { BalanceJournalApi, activateShared } from './extension.shared';
import { nodePlatform } from './platform/nodePlatform';

// The Node extension host (desktop, remote, code-server): package.json "main".

export function activate(context: vscode.ExtensionContext): BalanceJournalApi {
  return activateShared(context, nodePlatform);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
