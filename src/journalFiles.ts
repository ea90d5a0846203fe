import * as vscode from 'vscode';
import { JournalRoot, findSymbolicLink, journalRoot } from './config';
import { Platform } from './platform/platform';
import { showError } from './userMessages';

// File operations shared by the commands that write into the journal (entries, weekly reviews).

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export type UsableRoot = Extract<JournalRoot, { uri: vscode.Uri }>;

/** Why nothing was written: a symbolic link on the way, named relative to the workspace folder. */
export interface ThroughLink {
  readonly link: string;
}

/**
 * The one way the commands write into the journal (New Entry, Weekly Review, Export): never
 * through a symbolic link, never over an existing file, folders created as needed.
 */
export class JournalWriter {
  /** `onWritten` hears of every file written, so the index need not wait for the file watcher. */
  constructor(
    private readonly platform: Platform,
    private readonly onWritten: (uri: vscode.Uri) => void = () => {},
  ) {}

  /**
   * Creates `<root>/<folder…>/<nameFor(n)>` with the first n from 1 whose name is free. Returns
   * the new file, or the link that stopped it.
   */
  async createUnique(root: UsableRoot, folder: readonly string[], nameFor: (attempt: number) => string, bytes: Uint8Array, maxAttempts = 1000): Promise<{ uri: vscode.Uri } | ThroughLink> {
    const link = await this.linkOnTheWay(root, folder);
    if (link) return { link };
    const folderUri = vscode.Uri.joinPath(root.uri, ...folder);
    await createFolder(folderUri);
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const uri = vscode.Uri.joinPath(folderUri, nameFor(attempt));
      if (await this.platform.createExclusively(uri, bytes)) {
        this.onWritten(uri);
        return { uri };
      }
    }
    throw new Error(vscode.l10n.t('every name from {0} to {1} is taken', nameFor(1), nameFor(maxAttempts)));
  }

  /** `<root>/<segments…>` as it is when it exists, else created with `text()`; never rewritten. */
  async openOrCreate(root: UsableRoot, segments: readonly string[], text: () => string): Promise<{ uri: vscode.Uri; created: boolean } | ThroughLink> {
    const link = await this.linkOnTheWay(root, segments);
    if (link) return { link };
    const uri = vscode.Uri.joinPath(root.uri, ...segments);
    if (await exists(uri)) return { uri, created: false };
    await createFolder(vscode.Uri.joinPath(root.uri, ...segments.slice(0, -1)));
    // Otherwise it appeared meanwhile (another window): that one is kept, never overwritten.
    const created = await this.platform.createExclusively(uri, new TextEncoder().encode(text()));
    if (created) this.onWritten(uri);
    return { uri, created };
  }

  /** `<root>/<segments…>` and whether it exists, or the link on the way to it (then never touch it). */
  async locate(root: UsableRoot, segments: readonly string[]): Promise<{ uri: vscode.Uri; exists: boolean } | ThroughLink> {
    const link = await this.linkOnTheWay(root, segments);
    if (link) return { link };
    const uri = vscode.Uri.joinPath(root.uri, ...segments);
    return { uri, exists: await exists(uri) };
  }

  /**
   * Replaces `[start, end)` of the file's text (all of it by default) with `text` through a
   * WorkspaceEdit, so an open editor follows and Undo works, then saves it.
   */
  async rewrite(uri: vscode.Uri, text: string, range?: (current: string) => { start: number; end: number } | undefined): Promise<boolean> {
    const document = await vscode.workspace.openTextDocument(uri);
    const current = document.getText();
    const span = range ? range(current) : { start: 0, end: current.length };
    if (!span) return false;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(document.positionAt(span.start), document.positionAt(span.end)), text);
    if (!(await vscode.workspace.applyEdit(edit))) return false;
    const saved = await document.save();
    if (saved) this.onWritten(uri);
    return saved;
  }

  private linkOnTheWay(root: UsableRoot, segments: readonly string[]): Promise<string | undefined> {
    // A name made from settings or input must stay one plain segment inside the journal.
    for (const segment of segments) {
      if (segment === '' || segment === '.' || segment === '..' || /[/\\]/.test(segment)) throw new Error(`unsafe path segment "${segment}"`);
    }
    const rootSegments = root.relativePath ? root.relativePath.split('/') : [];
    return findSymbolicLink(root.folder.uri, [...rootSegments, ...segments]);
  }
}

/** Creates a folder (and its parents); two commands racing to create it both succeed. */
export async function createFolder(folder: vscode.Uri): Promise<void> {
  await vscode.workspace.fs.createDirectory(folder).then(undefined, async (error) => {
    if (!(await exists(folder))) throw error;
  });
}

/** An error about the journal folder, with a button to its setting. */
export async function offerSettings(log: vscode.LogOutputChannel, message: string): Promise<void> {
  if (await showError(log, message, vscode.l10n.t('Open Settings'))) {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'balanceJournal.folder');
  }
}

/**
 * The journal to write into: the only workspace folder's, else (interactive) the one the user
 * picks, or (no UI) the active editor's; none open: a message offering Open Folder.
 */
export async function chooseJournal(interactive: boolean, placeHolder: string): Promise<JournalRoot | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    const action = await vscode.window.showInformationMessage(
      vscode.l10n.t('Balance Journal keeps your entries in a folder. Open a folder to start your journal.'),
      vscode.l10n.t('Open Folder'),
    );
    if (action) await vscode.commands.executeCommand('vscode.openFolder');
    return undefined;
  }
  if (folders.length === 1) return journalRoot(folders[0]);
  if (!interactive) {
    const active = vscode.window.activeTextEditor?.document.uri;
    const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? folders[0];
    return journalRoot(folder);
  }
  const folder = await vscode.window.showWorkspaceFolderPick({ placeHolder });
  return folder && journalRoot(folder);
}

/** The `/`-separated path from `folder` to a note (unencoded: a review or an export encodes it). */
export function relativeLinkFrom(folder: vscode.Uri): (key: string) => string | undefined {
  return (key) => {
    let target: vscode.Uri;
    try {
      target = vscode.Uri.parse(key, true);
    } catch {
      return undefined;
    }
    if (target.scheme !== folder.scheme || target.authority !== folder.authority) return undefined;
    const from = folder.path.split('/').filter(Boolean);
    const to = target.path.split('/').filter(Boolean);
    let common = 0;
    while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
    return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
  };
}
