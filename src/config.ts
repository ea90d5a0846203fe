import * as vscode from 'vscode';
import { DEFAULT_BALANCE_TOLERANCE } from './core/balance';
import { DEFAULT_MAX_FILE_KB, MAX_FILE_KB_CEILING } from './core/entryBytes';
import { DEFAULT_NEGLECT_DAYS } from './core/reflection';
import { DEFAULT_FOLLOW_UP_DAYS } from './core/commitments';
import { fiscalYearStartMonth as checkedStartMonth } from './core/periods';
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

/**
 * The first of `segments` below `base` that is a symbolic link, as a relative path; undefined
 * when none is (segments that do not exist yet are fine: they will be created as folders).
 */
export async function findSymbolicLink(base: vscode.Uri, segments: readonly string[]): Promise<string | undefined> {
  for (let depth = 1; depth <= segments.length; depth++) {
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(base, ...segments.slice(0, depth)));
    } catch {
      return undefined;
    }
    if (stat.type & vscode.FileType.SymbolicLink) return segments.slice(0, depth).join('/');
  }
  return undefined;
}

export function symbolicLinkError(link: string): string {
  return vscode.l10n.t(
    '"{0}" is a symbolic link. Balance Journal does not follow links, so that it never reads or writes outside the workspace: set "balanceJournal.folder" to a real folder inside it.',
    link,
  );
}

/** Like journalRoots, with journal folders reached through a symbolic link refused. */
export async function checkedJournalRoots(): Promise<JournalRoot[]> {
  return Promise.all(
    journalRoots().map(async (root) => {
      if (!('uri' in root) || !root.relativePath) return root;
      const link = await findSymbolicLink(root.folder.uri, root.relativePath.split('/'));
      return link ? { folder: root.folder, error: symbolicLinkError(link) } : root;
    }),
  );
}

export function neglectDays(): number {
  const value = vscode.workspace.getConfiguration(Settings.section).get<unknown>(Settings.neglectDays);
  return typeof value === 'number' && Number.isFinite(value) && value >= 1 ? value : DEFAULT_NEGLECT_DAYS;
}

export function followUpDays(): number {
  const value = vscode.workspace.getConfiguration(Settings.section).get<unknown>(Settings.followUpDays);
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : DEFAULT_FOLLOW_UP_DAYS;
}

export function maxFileBytes(): number {
  const value = vscode.workspace.getConfiguration(Settings.section).get<unknown>(Settings.maxFileSizeKB);
  const kb = typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.min(value, MAX_FILE_KB_CEILING) : DEFAULT_MAX_FILE_KB;
  return Math.round(kb * 1024);
}

export function affectsIndexing(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(`${Settings.section}.${Settings.folder}`) || event.affectsConfiguration(`${Settings.section}.${Settings.maxFileSizeKB}`);
}

export function balanceTolerance(): number {
  const value = vscode.workspace.getConfiguration(Settings.section).get<unknown>(Settings.balanceTolerance);
  return typeof value === 'number' && Number.isFinite(value) ? value : DEFAULT_BALANCE_TOLERANCE;
}

/** The month (1–12) the fiscal year starts in, for quarterly reviews; January when unset or invalid. */
export function fiscalYearStartMonth(scope?: vscode.WorkspaceFolder): number {
  return checkedStartMonth(vscode.workspace.getConfiguration(Settings.section, scope?.uri).get<unknown>(Settings.fiscalYearStartMonth));
}

/** Whether New Entry asks which day the entry is for (setting balanceJournal.askForDate). */
export function askForDate(): boolean {
  return vscode.workspace.getConfiguration(Settings.section).get<unknown>(Settings.askForDate) === true;
}
