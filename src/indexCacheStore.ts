import * as vscode from 'vscode';
import { IndexCacheIdentity, MAX_INDEX_CACHE_BYTES, decodeIndexCache, encodeIndexCache } from './core/indexCache';
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

  /** The records of `bytes`, or undefined (with a log line) when they are not to be trusted. */
  decode(bytes: Uint8Array, identity: IndexCacheIdentity): IndexedEntry[] | undefined {
    const loaded = decodeIndexCache(bytes, identity);
    if ('records' in loaded) return loaded.records;
    this.log.info(`The index cache was ignored: ${loaded.ignored}. The journal is read in full and the cache rebuilt.`);
    return undefined;
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
