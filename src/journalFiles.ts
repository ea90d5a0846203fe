import * as vscode from 'vscode';
import { JournalRoot, journalRoot } from './config';
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

/**
 * Creates `uri` with `bytes` only if nothing is there: true when created. On disk this is an
 * exclusive create (O_EXCL), so two files created at the same moment never share a name.
 */
export async function createExclusively(uri: vscode.Uri, bytes: Uint8Array): Promise<boolean> {
  if (uri.scheme === 'file' && typeof process === 'object' && process.versions?.node) {
    const fs = await import('node:fs/promises');
    let handle: Awaited<ReturnType<typeof fs.open>>;
    try {
      handle = await fs.open(uri.fsPath, 'wx');
    } catch (error) {
      if ((error as { code?: string }).code === 'EEXIST') return false;
      throw error;
    }
    try {
      await handle.writeFile(bytes);
    } catch (error) {
      await handle.close();
      await fs.unlink(uri.fsPath).catch(() => undefined); // our own empty file, not the user's
      throw error;
    }
    await handle.close();
    return true;
  }
  // Other file systems (and the web worker extension host, which has no Node) offer no exclusive
  // create through workspace.fs: check, then write, one create at a time, so that files made at
  // the same moment in this extension host never pick the same name.
  const created = fallbackCreates.then(async () => {
    if (await exists(uri)) return false;
    await vscode.workspace.fs.writeFile(uri, bytes);
    return true;
  });
  fallbackCreates = created.catch(() => undefined);
  return created;
}

/** The last check-then-write create of the fallback; the next one waits for it. */
let fallbackCreates: Promise<unknown> = Promise.resolve();

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
