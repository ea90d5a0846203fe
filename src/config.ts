import * as vscode from 'vscode';
import { DEFAULT_BALANCE_TOLERANCE } from './core/balance';
import { journalFolderSegments } from './core/journalFolder';
import { Settings } from './ids';

export type JournalRoot =
  | { readonly folder: vscode.WorkspaceFolder; readonly uri: vscode.Uri; readonly relativePath: string }
  | { readonly folder: vscode.WorkspaceFolder; readonly error: string };

/** The journal folder of a workspace folder, from `balanceJournal.folder`, or why it is refused. */
export function journalRoot(folder: vscode.WorkspaceFolder): JournalRoot {
  const setting = vscode.workspace.getConfiguration(Settings.section, folder.uri).get<unknown>(Settings.folder);
  const checked = journalFolderSegments(setting);
  if ('error' in checked) return { folder, error: checked.error };
  return {
    folder,
    uri: checked.segments.length > 0 ? vscode.Uri.joinPath(folder.uri, ...checked.segments) : folder.uri,
    relativePath: checked.segments.join('/'),
  };
}

export function journalRoots(): JournalRoot[] {
  return (vscode.workspace.workspaceFolders ?? []).map(journalRoot);
}

export function balanceTolerance(): number {
  const value = vscode.workspace.getConfiguration(Settings.section).get<unknown>(Settings.balanceTolerance);
  return typeof value === 'number' && Number.isFinite(value) ? value : DEFAULT_BALANCE_TOLERANCE;
}

export function affectsJournalFolder(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(`${Settings.section}.${Settings.folder}`);
}

export function affectsBalance(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(`${Settings.section}.${Settings.balanceTolerance}`);
}
