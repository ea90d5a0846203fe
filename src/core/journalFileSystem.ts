import type { EntryProblem, ParsedEntry } from './entryParser';
import { DEFAULT_MAX_FILE_KB } from './entryBytes';

// The small file-system port JournalSync reads the journal through (the platform implements it),
// what it reports back, and its options. Kept apart so a platform depends on this, not on the sync.

export type FileKind = 'file' | 'directory' | 'other';

/** What is at a location itself: a symbolic link is 'other', never what it points to. */
export interface FileStamp {
  readonly kind: FileKind;
  readonly size: number;
  /** Last modification, epoch milliseconds (0 or less when the file system gives none). */
  readonly mtime: number;
}

export interface FileRead {
  /** The whole file, or its first `headBytes` when it is over `maxBytes`. */
  readonly bytes: Uint8Array;
  /** The file's size on disk. */
  readonly size: number;
  /** Its last modification (epoch ms) as seen when it was read, if known. */
  readonly mtime?: number;
}

/**
 * The file operations the journal needs, over any kind of location (a VS Code URI, a path):
 * `workspace.fs` or Node's fs in the extension, Node's fs in the benchmark, a Map in unit tests.
 * No operation follows a symbolic link: a link may lead outside the workspace, to a device that
 * never ends (`/dev/zero`), or in a loop.
 */
export interface JournalFileSystem<L> {
  /** A stable unique string for the location; the index is keyed by it. */
  key(location: L): string;
  /** The location of a key (`key(fromKey(k)) === k`), for records kept from an earlier session. */
  fromKey(key: string): L;
  baseName(location: L): string;
  child(directory: L, name: string): L;
  /** The folder that holds `location`. */
  parent(location: L): L;
  /** A folder's children; a symbolic link among them is 'other'. */
  readDirectory(directory: L): PromiseLike<ReadonlyArray<readonly [string, FileKind]>>;
  stat(location: L): PromiseLike<FileStamp>;
  /**
   * Optional: the stamps of many locations, in their order (undefined where one is gone or
   * unreadable), where the platform can do it cheaper than one `stat` each.
   */
  statAll?(locations: readonly L[]): PromiseLike<ReadonlyArray<FileStamp | undefined>>;
  /**
   * A regular file's bytes: all of them when it holds at most `maxBytes`, else only the first
   * `headBytes`. Rejects (without reading) a symbolic link or anything but a regular file.
   */
  readFile(file: L, maxBytes: number, headBytes: number): PromiseLike<FileRead>;
  /**
   * Optional: many files, each read as `readFile` reads one (or the error it would throw), in
   * their order, where the platform can do it cheaper than one `readFile` each.
   */
  readAll?(files: readonly L[], maxBytes: number, headBytes: number): PromiseLike<ReadonlyArray<FileRead | { readonly error: unknown }>>;
  isNotFound(error: unknown): boolean;
  /**
   * Whether a root is still reached from its workspace folder through real folders only (the
   * folders above the root are the adapter's to know). Asked once per batch of file events.
   */
  rootIsSafe?(root: L): PromiseLike<boolean>;
}

/** One file's bytes as read, for a ChunkParser. */
export interface FileToParse {
  readonly bytes: Uint8Array;
  /** The file's name (its date may come from it). */
  readonly name: string;
  /** Its size on disk: over the limit, `bytes` are only its head. */
  readonly size: number;
}

/**
 * Optional, from the platform: parses many files as core/entryBytes `parseEntryBytes` parses
 * each, in their order, somewhere cheaper for the extension host's thread (a worker thread in
 * the Node host). It never rejects: where it cannot, it parses them here. The sync reads the
 * next chunk while it waits.
 */
export interface ChunkParser {
  /** Reads of fewer files than this (a small scan, a burst of file events) are parsed on the spot: starting elsewhere costs more. */
  readonly minFiles: number;
  parseAll(files: readonly FileToParse[], maxBytes: number): PromiseLike<readonly ParsedEntry[]>;
}

export interface JournalSyncReporter<L> {
  /** A file was indexed: its problems (empty when none), for diagnostics. */
  problems(file: L, problems: readonly EntryProblem[]): void;
  /** A file left the index. */
  forgotten(key: string): void;
  log(level: 'info' | 'warn' | 'debug', message: string): void;
}

export interface JournalSyncOptions {
  readonly readConcurrency: number;
  /** Quiet time before a burst of file events is applied, and the longest wait. */
  readonly debounceMs: number;
  readonly maxDelayMs: number;
  /** Bigger files are indexed from their front matter only. */
  readonly maxFileBytes: number;
  /** Files read, then parsed and applied to the index, per batch. */
  readonly applyChunk: number;
}

export const DEFAULT_SYNC_OPTIONS: JournalSyncOptions = {
  readConcurrency: 64,
  debounceMs: 60,
  maxDelayMs: 400,
  maxFileBytes: DEFAULT_MAX_FILE_KB * 1024,
  applyChunk: 1000,
};

export interface ScanControl {
  isCancelled?(): boolean;
  progress?(done: number, total: number): void;
}

export interface ScanOptions {
  /**
   * Trust the index's records of files whose size and mtime have not changed (a `stat` each)
   * and read only the others: the check of an index restored from the cache.
   */
  readonly reuseUnchanged?: boolean;
  /**
   * With `reuseUnchanged`: puts the records to check into the index (the cache's restore) while
   * the files are listed and stamped, so the two overlap; the check compares after both.
   */
  readonly restoring?: () => Promise<unknown>;
}

export interface ScanResult {
  /** Markdown files found. */
  readonly files: number;
  /** Of them, files read (all of them unless the scan reused unchanged records). */
  readonly read: number;
  readonly milliseconds: number;
  readonly cancelled: boolean;
}
