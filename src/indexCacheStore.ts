import * as vscode from 'vscode';
import { IndexCacheIdentity, IndexCacheReader, MAX_INDEX_CACHE_BYTES, encodeIndexCache, openIndexCache } from './core/indexCache';
import { IndexedEntry } from './core/journalIndex';

/** The cache file, in the extension's own storage and nowhere else. */
export const INDEX_CACHE_FILE = 'journal-index.bin';

/**
 * The journal index kept between sessions (core/indexCache) in the extension's workspace storage
 * (`context.storageUri`, or `globalStorageUri` without a workspace), through `workspace.fs`, so
 * the same code serves the Node and the web worker hosts. It holds each note's record (title,
 * day, tags, kind, problems, file size and mtime), never the text of an entry.
 */
export class IndexCacheStore {
  readonly uri: vscode.Uri | undefined;

  constructor(
    private readonly folder: vscode.Uri | undefined,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.uri = folder && vscode.Uri.joinPath(folder, INDEX_CACHE_FILE);
  }

  /** The cache file's bytes, or undefined when there is none (or it is too large to be ours). */
  async read(): Promise<Uint8Array | undefined> {
    if (!this.uri) return undefined;
    try {
      const stat = await vscode.workspace.fs.stat(this.uri);
      if (stat.size > MAX_INDEX_CACHE_BYTES) {
        this.log.warn(`The index cache is ${stat.size} bytes, over ${MAX_INDEX_CACHE_BYTES}: ignored, and rebuilt after the scan.`);
        return undefined;
      }
      return await vscode.workspace.fs.readFile(this.uri);
    } catch (error) {
      if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) this.log.warn(`Cannot read the index cache: ${String(error)}`);
      return undefined;
    }
  }

  /** The cache in `bytes`, opened (counts read, records to decode), or undefined (with a log line) when it is not to be trusted. */
  open(bytes: Uint8Array, identity: IndexCacheIdentity): IndexCacheReader | undefined {
    const opened = openIndexCache(bytes, identity);
    if ('reader' in opened) return opened.reader;
    this.ignored(opened.ignored);
    return undefined;
  }

  /** Says why the cache is not used. */
  ignored(reason: string): void {
    this.log.info(`The index cache was ignored: ${reason}. The journal is read in full and the cache rebuilt.`);
  }

  /** Writes every record, through a temporary file so that a crash never leaves half a cache. */
  async save(identity: IndexCacheIdentity, entries: Iterable<IndexedEntry>): Promise<number> {
    if (!this.folder || !this.uri) return 0;
    const bytes = encodeIndexCache(identity, entries);
    await vscode.workspace.fs.createDirectory(this.folder);
    const temporary = vscode.Uri.joinPath(this.folder, `${INDEX_CACHE_FILE}.tmp`);
    await vscode.workspace.fs.writeFile(temporary, bytes);
    await vscode.workspace.fs.rename(temporary, this.uri, { overwrite: true });
    return bytes.length;
  }

  async clear(): Promise<void> {
    if (!this.uri) return;
    try {
      await vscode.workspace.fs.delete(this.uri);
    } catch {
      // None yet.
    }
  }
}
