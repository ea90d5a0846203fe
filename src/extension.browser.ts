import * as vscode from 'vscode';
import { BalanceJournalApi, activateShared } from './extension.shared';
import { webPlatform } from './platform/platform';

// The web worker extension host (vscode.dev, code-server's web host): package.json "browser".

export function activate(context: vscode.ExtensionContext): BalanceJournalApi {
  return activateShared(context, webPlatform);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
