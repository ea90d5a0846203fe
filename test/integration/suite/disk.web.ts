// disk.ts for the web worker extension host: no Node there, so files are written through
// vscode.workspace.fs (the remote file system: the same disk, and the server's file watcher
// reports the changes like any other program's). A symbolic link cannot be made through
// workspace.fs: that one call goes to the test agent that runWebTest.mjs serves on 127.0.0.1.
import * as vscode from 'vscode';

const wfs = vscode.workspace.fs;
const notFound = (error: unknown) => error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'EntryNotFound');

/** Whether each write here is a round trip to another process: each write crosses to the window and the server. */
export const writesAreRoundTrips = true;

export const mkdir = (dir: vscode.Uri): Promise<void> => Promise.resolve(wfs.createDirectory(dir));
export const writeFile = (file: vscode.Uri, content: string | Uint8Array): Promise<void> =>
  Promise.resolve(wfs.writeFile(file, typeof content === 'string' ? new TextEncoder().encode(content) : content));
export const readText = async (file: vscode.Uri): Promise<string> => new TextDecoder().decode(await wfs.readFile(file));
export async function rm(target: vscode.Uri): Promise<void> {
  try {
    await wfs.delete(target, { recursive: true, useTrash: false });
  } catch (error) {
    if (!notFound(error)) throw error;
  }
}
export const exists = (target: vscode.Uri): Promise<boolean> => Promise.resolve(wfs.stat(target)).then(() => true, () => false);
export const rename = (from: vscode.Uri, to: vscode.Uri): Promise<void> => Promise.resolve(wfs.rename(from, to, { overwrite: false }));
export const readdir = async (dir: vscode.Uri): Promise<string[]> => (await wfs.readDirectory(dir)).map(([name]) => name);

export async function mkdtempNextTo(sibling: vscode.Uri, prefix: string): Promise<vscode.Uri> {
  const random = Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36]).join('');
  const dir = vscode.Uri.joinPath(sibling, '..', `${prefix}${random}`);
  await wfs.createDirectory(dir);
  return dir;
}

export async function symlinkDir(target: vscode.Uri, link: vscode.Uri): Promise<void> {
  // runWebTest.mjs writes the agent's address next to the workspace folder.
  const folder = vscode.workspace.workspaceFolders![0].uri;
  const { agentUrl: url } = JSON.parse(await readText(vscode.Uri.joinPath(folder, '..', 'bj-web-test.json'))) as { agentUrl: string };
  // text/plain: a "simple" request, no CORS preflight.
  const response = await fetch(`${url}/symlink`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ target: target.path, link: link.path }) });
  if (!response.ok) throw new Error(`test agent: symlink ${link.path} -> ${target.path}: ${response.status} ${await response.text()}`);
}

export async function hashes(dir: vscode.Uri): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  const walk = async (folder: vscode.Uri, prefix: string) => {
    for (const [name, type] of await wfs.readDirectory(folder)) {
      const child = vscode.Uri.joinPath(folder, name);
      if (type === vscode.FileType.Directory) await walk(child, `${prefix}${name}/`);
      else if (type === vscode.FileType.File) {
        const digest = await crypto.subtle.digest('SHA-256', await wfs.readFile(child));
        result.set(`${prefix}${name}`, Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join(''));
      }
    }
  };
  await walk(dir, '');
  return result;
}

/** workspace.fs cannot read part of a file: an oversized file is not read at all in this host. */
export const readsPartOfFiles = false;
