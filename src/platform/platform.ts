import * as vscode from 'vscode';
import type { ChunkParser } from '../core/journalFileSystem';

// What differs between the Node extension host (desktop, remote, code-server) and the web worker
// extension host. Each entry point (extension.ts, extension.browser.ts) passes its own; features
// never ask which host they run in.

export interface JournalFileRead {
  /** The whole file, or its first `headBytes` when it is over `maxBytes`. */
  readonly bytes: Uint8Array;
  readonly size: number;
  /** Last modification (epoch ms) as seen when read. */
  readonly mtime?: number;
}

/** What is at a location itself: a symbolic link is 'other', never what it points to. */
export interface JournalFileStat {
  readonly kind: 'file' | 'directory' | 'other';
  readonly size: number;
  /** Epoch milliseconds. */
  readonly mtime: number;
}

export interface Platform {
  /**
   * A regular file's bytes, never through a symbolic link (rejected without reading), never
   * more than `maxBytes`: over it, only the first `headBytes`.
   */
  readFile(uri: vscode.Uri, maxBytes: number, headBytes: number): Promise<JournalFileRead>;
  /** Kind, size and mtime, never through a symbolic link (the check of a restored index). */
  stat(uri: vscode.Uri): Promise<JournalFileStat>;
  /**
   * Optional: the stamps of many files at once (undefined where one is gone or unreadable), where
   * the host can do it cheaper than a `stat` each (the check of a restored index at 50,000 files).
   */
  statAll?(uris: readonly vscode.Uri[]): Promise<ReadonlyArray<JournalFileStat | undefined>>;
  /**
   * Optional: many files, each read as `readFile` reads one (or the error it would throw), in
   * their order, where the host can do it cheaper than a `readFile` each (a first scan).
   */
  readAll?(uris: readonly vscode.Uri[], maxBytes: number, headBytes: number): Promise<ReadonlyArray<JournalFileRead | { readonly error: unknown }>>;
  /**
   * Optional: a parser of many files at once off the extension host's thread (a large scan),
   * which tells when it starts a worker and, once, when it has to parse on this thread instead.
   */
  createChunkParser?(events: { started(): void; failed(error: unknown): void }): ChunkParser & vscode.Disposable;
  /** Creates `uri` with `bytes` only if nothing is there: true when created. */
  createExclusively(uri: vscode.Uri, bytes: Uint8Array): Promise<boolean>;
}

export class NotAFileError extends Error {
  constructor(uri: vscode.Uri) {
    super(`${uri.toString()} is not a regular file (a symbolic link, folder or device); it is not read`);
  }
}

/**
 * Through `workspace.fs`, for any file system: `stat` first (it reports a symbolic link as one),
 * then a read of a regular file whose size is known. workspace.fs cannot read part of a file, so
 * a file over `maxBytes` is not read at all (its size says why); one that grew past the limit
 * between the stat and the read gives only its head.
 */
export async function readThroughWorkspaceFs(uri: vscode.Uri, maxBytes: number, headBytes: number): Promise<JournalFileRead> {
  const stat = await vscode.workspace.fs.stat(uri);
  if (stat.type & vscode.FileType.SymbolicLink || stat.type !== vscode.FileType.File) throw new NotAFileError(uri);
  if (stat.size > maxBytes) return { bytes: new Uint8Array(0), size: stat.size };
  const bytes = await vscode.workspace.fs.readFile(uri);
  // A copy of the head, so that the whole file can be freed.
  return { bytes: bytes.byteLength > maxBytes ? bytes.slice(0, headBytes) : bytes, size: Math.max(stat.size, bytes.byteLength), mtime: stat.mtime };
}

/** Through `workspace.fs`, which reports a symbolic link as one. */
export async function statThroughWorkspaceFs(uri: vscode.Uri): Promise<JournalFileStat> {
  const stat = await vscode.workspace.fs.stat(uri);
  return { kind: fileKind(stat.type), size: stat.size, mtime: stat.mtime };
}

export function fileKind(type: vscode.FileType): JournalFileStat['kind'] {
  // Symbolic links are not followed: they could lead outside the workspace, or loop.
  if (type & vscode.FileType.SymbolicLink) return 'other';
  if (type === vscode.FileType.Directory) return 'directory';
  return type === vscode.FileType.File ? 'file' : 'other';
}

/** The last check-then-write create of the fallback; the next one waits for it. */
let fallbackCreates: Promise<unknown> = Promise.resolve();

/**
 * Where there is no exclusive create (other file systems, the web worker host): check, then
 * write, one create at a time, so that files made at the same moment in this extension host never
 * pick the same name.
 */
export function createThroughWorkspaceFs(uri: vscode.Uri, bytes: Uint8Array): Promise<boolean> {
  const created = fallbackCreates.then(async () => {
    try {
      await vscode.workspace.fs.stat(uri);
      return false;
    } catch {
      await vscode.workspace.fs.writeFile(uri, bytes);
      return true;
    }
  });
  fallbackCreates = created.catch(() => undefined);
  return created;
}

/** The web worker extension host: workspace.fs only. */
export const webPlatform: Platform = {
  readFile: readThroughWorkspaceFs,
  stat: statThroughWorkspaceFs,
  createExclusively: createThroughWorkspaceFs,
};
