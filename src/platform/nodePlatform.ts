import * as vscode from 'vscode';
import { createExclusive, readRegularFile, statAllOffThread, statNoFollow } from './nodeFiles';
import { Platform, createThroughWorkspaceFs, readThroughWorkspaceFs, statThroughWorkspaceFs } from './platform';

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
      // The rest of the extension speaks workspace.fs's language for a missing file.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') throw vscode.FileSystemError.FileNotFound(uri);
      throw error;
    }
  },
  async stat(uri) {
    if (uri.scheme !== 'file') return statThroughWorkspaceFs(uri);
    try {
      return await statNoFollow(uri.fsPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') throw vscode.FileSystemError.FileNotFound(uri);
      throw error;
    }
  },
  async statAll(uris) {
    if (uris.every((uri) => uri.scheme === 'file')) return statAllOffThread(uris.map((uri) => uri.fsPath));
    return Promise.all(uris.map((uri) => this.stat(uri).catch(() => undefined)));
  },
  createExclusively(uri, bytes) {
    return uri.scheme === 'file' ? createExclusive(uri.fsPath, bytes) : createThroughWorkspaceFs(uri, bytes);
  },
};
