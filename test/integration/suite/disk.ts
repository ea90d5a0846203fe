// What the tests do to the disk "from outside", as another program (git, a sync tool) would.
// In the Node extension host this is Node's fs on the URI's path; the web worker build
// (scripts/build-web-tests.mjs) swaps in disk.web.ts, which has no Node.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';

/** Whether each write here is a round trip to another process: Node writes the files directly. */
export const writesAreRoundTrips = false;

export const mkdir = async (dir: vscode.Uri): Promise<void> => void (await fs.mkdir(dir.fsPath, { recursive: true }));
export const writeFile = (file: vscode.Uri, content: string | Uint8Array): Promise<void> => fs.writeFile(file.fsPath, content);
export const readText = (file: vscode.Uri): Promise<string> => fs.readFile(file.fsPath, 'utf8');
/** Removes a file or a folder with everything in it; nothing there is fine. */
export const rm = (target: vscode.Uri): Promise<void> => fs.rm(target.fsPath, { recursive: true, force: true });
export const exists = (target: vscode.Uri): Promise<boolean> => fs.lstat(target.fsPath).then(() => true, () => false);
export const rename = (from: vscode.Uri, to: vscode.Uri): Promise<void> => fs.rename(from.fsPath, to.fsPath);
/** Names directly in a folder. */
export const readdir = (dir: vscode.Uri): Promise<string[]> => fs.readdir(dir.fsPath);
/** A new empty folder next to `sibling`, named `<prefix>XXXXXX`. */
export const mkdtempNextTo = async (sibling: vscode.Uri, prefix: string): Promise<vscode.Uri> =>
  vscode.Uri.file(await fs.mkdtemp(path.join(path.dirname(sibling.fsPath), prefix)));
/** A symbolic link at `link` to the folder `target`. */
export const symlinkDir = (target: vscode.Uri, link: vscode.Uri): Promise<void> => fs.symlink(target.fsPath, link.fsPath, 'dir');

/** sha256 of every file below `dir`, by relative path. */
export async function hashes(dir: vscode.Uri): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  for (const name of await fs.readdir(dir.fsPath, { recursive: true })) {
    const file = path.join(dir.fsPath, name);
    if ((await fs.lstat(file)).isFile()) result.set(name, createHash('sha256').update(await fs.readFile(file)).digest('hex'));
  }
  return result;
}

/** Whether the extension can read only the head of an oversized file here (not through workspace.fs). */
export const readsPartOfFiles = true;
