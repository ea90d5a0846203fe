import * as vscode from 'vscode';
import { Commands, Views } from '../ids';
import type { Services } from './services';

/**
 * Balance Journal: Refresh: a full restart of indexing (settings, links and watchers checked
 * again), with the index cache cleared and every file read; the cache is then written anew.
 */
export function registerRefresh({ indexer }: Services): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.refresh, () =>
    vscode.window.withProgress({ location: { viewId: Views.traits }, title: vscode.l10n.t('Rescanning journal') }, () => indexer.start('refresh')),
  );
}
