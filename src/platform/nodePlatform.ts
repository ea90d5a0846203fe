import * as path from 'node:path';
import * as vscode from 'vscode';
import { DEFAULT_SYNC_OPTIONS } from '../core/journalFileSystem';
import { mapLimit } from '../core/journalSync';
import { createExclusive, readAllRegularFiles, readRegularFile, statAllOffThread, statNoFollow } from './nodeFiles';
import { WorkerChunkParser } from './parseWorker';
import { JournalFileRead, Platform, createThroughWorkspaceFs, readThroughWorkspaceFs, statThroughWorkspaceFs } from './platform';

/**
 * The Node extension host: files on the local disk are opened with O_NOFOLLOW and checked through
 * their handle, and created with O_EXCL; other file systems go through workspace.fs.
 */
export const nodePlatform: Platform = {
  async readFile(uri, maxBytes, headBytes) {
    if (uri.scheme !== 'file') return readThroughWorkspaceFs(uri, maxBytes, headBytes);
    try {
      return await readRegularFile(uri.fsPath, maxBytes, headBytes);
    } catch (error) {
      throw inWorkspaceFsTerms(error, uri);
    }
  },
  async readAll(uris, maxBytes, headBytes) {
    if (uris.every((uri) => uri.scheme === 'file')) {
      const reads = await readAllRegularFiles(
        uris.map((uri) => uri.fsPath),
        maxBytes,
        headBytes,
      );
      return reads.map((read, at) => ('error' in read ? { error: inWorkspaceFsTerms(read.error, uris[at]) } : read));
    }
    // Another file system (a remote one): through workspace.fs, as many at a time as a scan reads.
    const reads = new Array<JournalFileRead | { error: unknown }>(uris.length);
    let next = 0;
    await mapLimit(uris, DEFAULT_SYNC_OPTIONS.readConcurrency, async (uri) => {
      const at = next++;
      reads[at] = await this.readFile(uri, maxBytes, headBytes).catch((error: unknown) => ({ error }));
    });
    return reads;
  },
  async stat(uri) {
    if (uri.scheme !== 'file') return statThroughWorkspaceFs(uri);
    try {
      return await statNoFollow(uri.fsPath);
    } catch (error) {
      throw inWorkspaceFsTerms(error, uri);
    }
  },
  async statAll(uris) {
    if (uris.every((uri) => uri.scheme === 'file')) return statAllOffThread(uris.map((uri) => uri.fsPath));
    return Promise.all(uris.map((uri) => this.stat(uri).catch(() => undefined)));
  },
  createChunkParser({ started, failed }) {
    // dist/parseWorker.js, bundled beside dist/extension.js (esbuild.mjs).
    return new WorkerChunkParser(path.join(__dirname, 'parseWorker.js'), vscode.l10n.bundle, { workerStarted: started, workerFailed: failed });
  },
  createExclusively(uri, bytes) {
    return uri.scheme === 'file' ? createExclusive(uri.fsPath, bytes) : createThroughWorkspaceFs(uri, bytes);
  },
};

/** The rest of the extension speaks workspace.fs's language for a missing file. */
function inWorkspaceFsTerms(error: unknown, uri: vscode.Uri): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR' ? vscode.FileSystemError.FileNotFound(uri) : error;
}
