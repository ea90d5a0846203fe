import * as vscode from 'vscode';
import { JournalRoot, affectsIndexing, checkedJournalRoots, findSymbolicLink, maxFileBytes } from './config';
import type { ProblemSink } from './features/entryDiagnostics';
import { Platform, fileKind } from './platform/platform';
import { IndexCacheIdentity, IndexCacheReader, readsFirst } from './core/indexCache';
import { IndexedEntry, JournalIndex } from './core/journalIndex';
import { JournalFileSystem, JournalSync, ScanResult, isMarkdownName } from './core/journalSync';
import { DEFAULT_SYNC_OPTIONS } from './core/journalFileSystem';
import { childPath } from './core/journalPaths';
import { IndexCacheStore } from './indexCacheStore';

/** The journal's files through `workspace.fs` and the host's own reader (see Platform). */
function workspaceFileSystem(platform: Platform, roots: () => readonly JournalRoot[]): JournalFileSystem<vscode.Uri> {
  return {
    key: (uri) => uri.toString(),
    fromKey: (key) => vscode.Uri.parse(key, true),
    baseName: (uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1),
    // A listed name is one segment: appended as joinPath would, without normalising the whole
    // path again for each of 50,000 files.
    child: (directory, name) => {
      const path = childPath(directory.path, name);
      return path === undefined ? vscode.Uri.joinPath(directory, name) : directory.with({ path });
    },
    parent: (uri) => uri.with({ path: uri.path.slice(0, Math.max(uri.path.lastIndexOf('/'), 1)) }),
    async readDirectory(directory) {
      const children = await vscode.workspace.fs.readDirectory(directory);
      return children.map(([name, type]) => [name, fileKind(type)] as const);
    },
    stat: (uri) => platform.stat(uri),
    statAll: platform.statAll ? (uris) => platform.statAll!(uris) : undefined,
    readFile: (uri, maxBytes, headBytes) => platform.readFile(uri, maxBytes, headBytes),
    readAll: platform.readAll ? (uris, maxBytes, headBytes) => platform.readAll!(uris, maxBytes, headBytes) : undefined,
    isNotFound: (error) => error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'EntryNotFound'),
    async rootIsSafe(uri) {
      // The folders from the workspace folder down to the journal, checked again on every batch.
      const root = roots().find((candidate) => 'uri' in candidate && candidate.uri.toString() === uri.toString());
      if (!root || !('uri' in root)) return false;
      return !root.relativePath || (await findSymbolicLink(root.folder.uri, root.relativePath.split('/'))) === undefined;
    },
  };
}

/** Records decoded between two turns of the event loop while the cache is restored. */
const RESTORE_SLICE = 2500;

/** Longer scans show a cancellable notification; shorter ones only the view's own progress. */
const PROGRESS_AFTER_MS = 1000;

/** The index cache is written this long after a scan or a change, at most once in this time. */
export const CACHE_SAVE_DELAY_MS = 3000;

/**
 * How indexing starts: at activation from the cache when there is one (then checked against the
 * disk); on Refresh with the cache cleared and every file read; after a settings or workspace
 * change with every file read. `reload` is activation again on a cleared index (tests).
 */
export type StartKind = 'activation' | 'refresh' | 'restart' | 'reload';

export interface StartResult extends ScanResult {
  /** Records put into the index from the cache before the check (0 without a usable cache). */
  readonly restored: number;
}

/**
 * The index/watcher feature: wires `core/journalSync` to VS Code. One FileSystemWatcher per
 * workspace folder feeds it changed paths; each file's problems go to a ProblemSink.
 */
export class JournalIndexer implements vscode.Disposable {
  private readonly sync: JournalSync<vscode.Uri>;
  private watchers: vscode.Disposable[] = [];
  private readonly subscriptions: vscode.Disposable[] = [];
  private roots: JournalRoot[] = [];
  private progressReporter: vscode.Progress<{ message?: string; increment?: number }> | undefined;
  private lastReported = 0;
  private cancelledByUser = false;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<unknown> = Promise.resolve();
  private disposed = false;

  constructor(
    private readonly index: JournalIndex,
    problems: ProblemSink,
    private readonly log: vscode.LogOutputChannel,
    platform: Platform,
    private readonly cache: IndexCacheStore,
    /** The extension's version: a cache written by another one is not trusted. */
    private readonly version: string,
  ) {
    // Parsing elsewhere where the host can (a worker thread in the Node host); ended with us.
    const parser = platform.createChunkParser?.({
      started: () => this.log.info('Parsing on a worker thread while the next files are read.'),
      failed: (error) => this.log.warn(`Parsing on a worker thread is not available (${String(error)}); parsing on the extension host's thread.`),
    });
    if (parser) this.subscriptions.push(parser);
    this.sync = new JournalSync(
      index,
      workspaceFileSystem(platform, () => this.roots),
      {
        problems: (uri, found) => problems.problems(uri, found),
        forgotten: (key) => problems.forgotten(key),
        log: (level, message) => this.log[level](message),
      },
      DEFAULT_SYNC_OPTIONS,
      parser,
    );
    this.subscriptions.push(
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.restart('the workspace folders changed')),
      vscode.workspace.onDidSaveTextDocument((document) => this.written(document.uri)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsIndexing(event)) this.restart('the journal folder or size limit setting changed');
      }),
      // Changes after a scan reach the cache a few seconds later (during a scan, its end does).
      index.onDidChange(() => {
        if (!this.sync.isScanning) this.scheduleSave();
      }),
    );
  }

  onDidChangeState(listener: () => void): vscode.Disposable {
    return this.sync.onDidChangeState(listener);
  }

  get isScanning(): boolean {
    return this.sync.isScanning;
  }

  /** The index shows the last session's records while they are checked against the disk. */
  get isValidating(): boolean {
    return this.sync.isValidating;
  }

  /** Where the index cache is kept (undefined without any storage). */
  get cacheUri(): vscode.Uri | undefined {
    return this.cache.uri;
  }

  get hasScanned(): boolean {
    return this.sync.hasScanned;
  }

  /** The last scan was stopped with the notification's Cancel button: counts are partial. */
  get wasCancelled(): boolean {
    return this.cancelledByUser;
  }

  /**
   * Whether `uri` is a Markdown file below one of the journal folders (as the scan sees them:
   * roots reached through a symbolic link are refused). Rename, references and the editor's
   * colours act only on such files.
   */
  contains(uri: vscode.Uri): boolean {
    if (!isMarkdownName(uri.path)) return false;
    const key = uri.toString();
    return this.roots.some((root) => {
      if (!('uri' in root)) return false;
      const prefix = `${root.uri.toString().replace(/\/$/, '')}/`;
      // The scan skips folders and files whose names start with `.`.
      return key.startsWith(prefix) && !key.slice(prefix.length).split('/').some((segment) => segment.startsWith('.'));
    });
  }

  /** Why a journal folder setting was refused, for the view's message. */
  get rootErrors(): string[] {
    return this.roots.flatMap((root) => ('error' in root ? [root.error] : []));
  }

  /**
   * A file the extension (or the user, in an editor) just wrote: read now. The file watcher
   * reports it too, but in a remote or web window its events can come seconds later, and the view
   * should follow a save within a second. Paths outside the journal are not read (journalSync).
   */
  written(uri: vscode.Uri): void {
    if (this.roots.some((root) => 'uri' in root && uri.toString().startsWith(`${root.uri.toString()}/`))) this.sync.changed(uri);
  }

  private starting: Promise<unknown> = Promise.resolve();
  private startGeneration = 0;

  /** Starts watching and scanning (see StartKind); the scan runs in the background. */
  start(kind: StartKind = 'restart'): Promise<StartResult> {
    const started = this.startIndexing(kind);
    this.starting = started.catch(() => undefined);
    return started;
  }

  private async startIndexing(kind: StartKind): Promise<StartResult> {
    const generation = ++this.startGeneration;
    const fromCache = kind === 'activation' || kind === 'reload';
    if (kind === 'refresh') await this.cache.clear();
    // The cache file is read while the journal folders are resolved.
    const [bytes] = await Promise.all([fromCache ? this.cache.read() : undefined, this.configure(generation)]);
    const cache = bytes && this.cache.open(bytes, this.cacheIdentity());
    if (kind === 'reload') this.index.clear();
    // A cache is restored while the check lists and stamps the files; one that proves unusable
    // restores nothing, and the check then reads every file.
    let restored = 0;
    const restoring = cache
      ? async () => {
          restored = await this.restoreFrom(cache, generation);
          if (generation === this.startGeneration) this.log.info(`Restored ${restored} entries from the index cache; checking them against the disk.`);
        }
      : undefined;
    const result = await this.rescan(restoring !== undefined, restoring);
    // A later start (settings, workspace folders, Refresh) took over while the cache was restored.
    if (restoring && generation !== this.startGeneration) return { files: 0, read: 0, milliseconds: 0, cancelled: true, restored };
    if (!result.cancelled) this.scheduleSave();
    return { ...result, restored };
  }

  /**
   * The last session's records into the index in two steps. First the cache's counts and the
   * records a first paint reads (core/indexCache `readsFirst`): the tree and the status bar draw
   * the tally from them. Then the rest, decoded a slice at a time with the event loop free
   * between slices (the view's requests are answered meanwhile), put in as one batch. Returns
   * how many were restored; 0 when the cache proved unusable (everything is read again).
   */
  private async restoreFrom(cache: IndexCacheReader, generation: number): Promise<number> {
    const first = cache.take(readsFirst(cache.counts, Date.now()));
    if ('ignored' in first) {
      this.cache.ignored(first.ignored);
      return 0;
    }
    let restored = this.index.batch(() => {
      this.index.expectRestore(cache.counts);
      return this.sync.restore(first.records);
    });
    const slices: IndexedEntry[][] = [];
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      // Superseded: the later start reads the journal itself.
      if (generation !== this.startGeneration) {
        this.index.endRestore();
        return restored;
      }
      let sliced = 0;
      const slice = cache.take(() => ++sliced < RESTORE_SLICE);
      if ('records' in slice && slice.records.length > 0) slices.push(slice.records);
      else {
        const ignored = 'records' in slice ? cache.finish() : slice.ignored;
        if (ignored !== undefined) {
          this.index.endRestore();
          this.cache.ignored(ignored);
          return 0;
        }
        break;
      }
    }
    const exact = this.index.batch(() => {
      for (const records of slices) restored += this.sync.restore(records);
      return this.index.endRestore();
    });
    // The counts are those of the records now; the next save writes them right.
    if (!exact) this.log.warn('The index cache counted other tags or days than its records hold; the counts are those of the records.');
    return restored;
  }

  /** What the cached records depend on besides the extension's version. */
  private cacheIdentity(): IndexCacheIdentity {
    const roots = this.roots.flatMap((root) => ('uri' in root ? [root.uri.toString()] : []));
    const fingerprint = JSON.stringify({
      roots,
      maxFileBytes: maxFileBytes(),
      // Problems are kept as text in the user's language; dates without a zone in local time.
      language: vscode.env?.language,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
    return { version: this.version, fingerprint };
  }

  private scheduleSave(): void {
    if (this.saveTimer || this.disposed || !this.cache.uri) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      this.saving = this.saving.then(() => this.saveCache()).catch((error) => this.log.warn(`Cannot write the index cache: ${String(error)}`));
    }, CACHE_SAVE_DELAY_MS);
  }

  /**
   * Writes the index to the cache now, unless a scan is running (its end writes it) or was
   * cancelled (the counts are partial). Returns the bytes written.
   */
  async saveCache(): Promise<number> {
    if (this.disposed || this.sync.isScanning || !this.sync.hasScanned || this.cancelledByUser) return 0;
    if (!this.roots.some((root) => 'uri' in root)) return 0; // no journal: nothing worth keeping
    const started = Date.now();
    const written = await this.cache.save(this.cacheIdentity(), this.index.values());
    this.log.debug(`Wrote the index cache: ${this.index.size} entries, ${written} bytes, in ${Date.now() - started} ms.`);
    return written;
  }

  /** Resolves once a cache write that is due has been done (tests). */
  async flushCache(): Promise<void> {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = undefined;
      this.saving = this.saving.then(() => this.saveCache());
    }
    await this.saving;
  }

  /** A scan of every file (or, with `reuseUnchanged`, a check of the restored records); past a second it shows a notification that can cancel it. */
  rescan(reuseUnchanged = false, restoring?: () => Promise<void>): Promise<ScanResult> {
    const cancellation = new vscode.CancellationTokenSource();
    this.cancelledByUser = false;
    cancellation.token.onCancellationRequested(() => {
      this.cancelledByUser = true;
      this.log.info('Indexing cancelled by the user; counts are partial until Refresh.');
    });
    const scan = this.sync.rescan({ isCancelled: () => cancellation.token.isCancellationRequested, progress: (done, total) => this.reportProgress(done, total) }, { reuseUnchanged, restoring });
    const timer = setTimeout(() => {
      void vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Balance Journal: indexing'), cancellable: true },
        (progress, token) => {
          token.onCancellationRequested(() => cancellation.cancel());
          this.progressReporter = progress;
          return scan;
        },
      );
    }, PROGRESS_AFTER_MS);
    return scan.finally(() => {
      clearTimeout(timer);
      this.progressReporter = undefined;
      cancellation.dispose();
    });
  }

  private reportProgress(done: number, total: number): void {
    if (!this.progressReporter || total === 0) return;
    const percent = (100 * done) / total;
    this.progressReporter.report({ message: vscode.l10n.t('{0} of {1} entries', done.toLocaleString(), total.toLocaleString()), increment: percent - this.lastReported });
    this.lastReported = done === total ? 0 : percent;
  }

  /** Resolves once the running scan and received file events are applied. */
  async settle(): Promise<void> {
    await this.starting;
    return this.sync.settle();
  }

  private restart(reason: string): void {
    this.log.info(`Rescanning: ${reason}.`);
    void this.start();
  }

  /** Resolves the journal folders and watches them, unless a later start took over meanwhile. */
  private async configure(generation: number): Promise<void> {
    const roots = await checkedJournalRoots();
    // Two setting changes in a row: the first start's folders may resolve last, and must not
    // replace the second's (its watchers would watch a folder no longer the journal).
    if (generation !== this.startGeneration) return;
    this.roots = roots;
    this.sync.setMaxFileBytes(maxFileBytes());
    for (const error of this.rootErrors) this.log.warn(error);
    this.sync.setRoots(this.roots.flatMap((root) => ('uri' in root ? [root.uri] : [])));
    this.watchers.forEach((watcher) => watcher.dispose());
    this.watchers = [];
    for (const root of this.roots) {
      if (!('uri' in root)) continue;
      // The journal folder itself too, so that deleting or renaming it is noticed.
      const glob = root.relativePath ? `{${root.relativePath},${root.relativePath}/**}` : '**';
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root.folder, glob));
      this.watchers.push(
        watcher,
        watcher.onDidCreate((uri) => this.sync.changed(uri)),
        watcher.onDidChange((uri) => this.sync.changed(uri)),
        watcher.onDidDelete((uri) => this.sync.deleted(uri)),
      );
    }
  }

  dispose(): void {
    this.disposed = true;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.sync.dispose();
    this.watchers.forEach((watcher) => watcher.dispose());
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}
