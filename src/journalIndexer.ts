import * as vscode from 'vscode';
import { JournalRoot, affectsJournalFolder, journalRoots } from './config';
import { parseEntry } from './core/entryParser';
import { JournalIndex } from './core/journalIndex';

const READ_CONCURRENCY = 32;
const APPLY_CHUNK = 500;
/** Quiet time before a burst of file events is processed, and the longest wait. */
const DEBOUNCE_MS = 60;
const MAX_DELAY_MS = 400;
/** Bigger files are indexed from their beginning only (front matter and first tags). */
const MAX_PARSED_BYTES = 1024 * 1024;

function isMarkdown(uri: vscode.Uri): boolean {
  return uri.path.toLowerCase().endsWith('.md');
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function isFileNotFound(error: unknown): boolean {
  return error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'EntryNotFound');
}

/**
 * Fills the journal index from disk and keeps it current: one full scan at start-up (and on
 * Refresh or when the journal folder changes), then only the files that a watcher reports.
 * Reads go through `vscode.workspace.fs` so that the same code serves virtual file systems.
 */
export class JournalIndexer implements vscode.Disposable {
  private readonly decoder = new TextDecoder('utf-8');
  private readonly stateEmitter = new vscode.EventEmitter<void>();
  readonly onDidChangeState = this.stateEmitter.event;

  private watchers: vscode.Disposable[] = [];
  private readonly subscriptions: vscode.Disposable[] = [];
  private roots: JournalRoot[] = [];
  private scanning: Promise<void> | undefined;
  private scanGeneration = 0;
  private scanned = false;

  // Each read takes a ticket; only the newest ticket of a file may write to the index, so a slow
  // read that began before a change or delete cannot bring back stale content.
  private ticketCounter = 0;
  private readonly latestTicket = new Map<string, number>();
  private readonly touchedDuringScan = new Set<string>();

  private readonly pending = new Map<string, { uri: vscode.Uri; deleted: boolean }>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private firstPendingAt = 0;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly index: JournalIndex,
    private readonly diagnostics: vscode.DiagnosticCollection,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.restart('workspace folders changed')),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsJournalFolder(event)) this.restart('journal folder setting changed');
      }),
    );
  }

  /** True until the first full scan has finished. */
  get isScanning(): boolean {
    return this.scanning !== undefined;
  }

  get hasScanned(): boolean {
    return this.scanned;
  }

  /** Problems with the journal folder settings, for messages. */
  get rootErrors(): string[] {
    return this.roots.flatMap((root) => ('error' in root ? [root.error] : []));
  }

  /** Starts watching and scanning; returns at once (the scan runs in the background). */
  start(): Promise<void> {
    this.roots = journalRoots();
    this.watch();
    return this.rescan();
  }

  /** A full scan of every journal folder. A scan already running is superseded. */
  rescan(): Promise<void> {
    const generation = ++this.scanGeneration;
    const run = this.scanAll(generation).finally(() => {
      if (generation === this.scanGeneration) {
        this.scanning = undefined;
        this.scanned = true;
        this.stateEmitter.fire();
      }
    });
    this.scanning = run;
    this.stateEmitter.fire();
    return run;
  }

  /** Resolves once the running scan and the file events received so far have been applied. */
  async settle(): Promise<void> {
    for (;;) {
      if (this.scanning) {
        await this.scanning;
        continue;
      }
      if (this.flushTimer) {
        clearTimeout(this.flushTimer);
        this.flushTimer = undefined;
        this.flushing = this.flushing.then(() => this.flush());
      }
      const flushing = this.flushing;
      await flushing;
      if (!this.scanning && !this.flushTimer && this.pending.size === 0 && flushing === this.flushing) return;
    }
  }

  private restart(reason: string): void {
    this.log.info(`Rescanning: ${reason}.`);
    this.roots = journalRoots();
    this.watch();
    void this.rescan();
  }

  private watch(): void {
    this.watchers.forEach((watcher) => watcher.dispose());
    this.watchers = [];
    for (const root of this.roots) {
      if ('error' in root) {
        this.log.warn(root.error);
        continue;
      }
      // Watch the journal folder itself too, so that deleting or renaming it is noticed.
      const glob = root.relativePath ? `{${root.relativePath},${root.relativePath}/**}` : '**';
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root.folder, glob));
      this.watchers.push(
        watcher,
        watcher.onDidCreate((uri) => this.enqueue(uri, false)),
        watcher.onDidChange((uri) => this.enqueue(uri, false)),
        watcher.onDidDelete((uri) => this.enqueue(uri, true)),
      );
    }
  }

  private enqueue(uri: vscode.Uri, deleted: boolean): void {
    if (!deleted && !isMarkdown(uri) && !this.mayBeFolder(uri)) return;
    const key = uri.toString();
    if (this.scanning) this.touchedDuringScan.add(key);
    this.pending.set(key, { uri, deleted });
    const now = Date.now();
    if (!this.flushTimer) this.firstPendingAt = now;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    const delay = Math.max(0, Math.min(DEBOUNCE_MS, this.firstPendingAt + MAX_DELAY_MS - now));
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      this.flushing = this.flushing.then(() => this.flush());
    }, delay);
  }

  private mayBeFolder(uri: vscode.Uri): boolean {
    // A folder moved into the journal arrives as one event; names with an extension are files.
    return !/\.[^/]*$/.test(baseName(uri));
  }

  private async flush(): Promise<void> {
    const batch = [...this.pending.values()];
    this.pending.clear();
    if (batch.length === 0) return;
    const toRead: vscode.Uri[] = [];
    for (const { uri, deleted } of batch) {
      if (deleted) {
        this.forget(uri);
      } else if (isMarkdown(uri)) {
        toRead.push(uri);
      } else {
        toRead.push(...(await this.findMarkdownFiles(uri, this.scanGeneration)));
      }
    }
    const results = await this.readAll(toRead);
    this.index.batch(() => {
      for (const uri of batch.filter((item) => item.deleted).map((item) => item.uri)) this.removeFromIndex(uri);
      for (const result of results) this.apply(result);
    });
    this.log.debug(`Applied ${batch.length} file event(s); ${toRead.length} file(s) re-read.`);
  }

  /** A deleted path: the file itself, or everything under a deleted folder. */
  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.latestTicket.set(key, ++this.ticketCounter);
  }

  private removeFromIndex(uri: vscode.Uri): void {
    const key = uri.toString();
    this.latestTicket.delete(key);
    this.diagnostics.delete(uri);
    if (this.index.delete(key)) return;
    const prefix = key.endsWith('/') ? key : `${key}/`;
    for (const entryKey of [...this.index.keys()]) {
      if (entryKey.startsWith(prefix)) {
        this.latestTicket.set(entryKey, ++this.ticketCounter);
        this.diagnostics.delete(vscode.Uri.parse(entryKey));
      }
    }
    this.index.deleteUnder(prefix);
  }

  private async scanAll(generation: number): Promise<void> {
    const started = Date.now();
    this.touchedDuringScan.clear();
    const files: vscode.Uri[] = [];
    for (const root of this.roots) {
      if ('error' in root) continue;
      files.push(...(await this.findMarkdownFiles(root.uri, generation)));
    }
    if (generation !== this.scanGeneration) return;
    const seen = new Set(files.map((uri) => uri.toString()));
    let read = 0;
    for (let i = 0; i < files.length; i += APPLY_CHUNK) {
      const results = await this.readAll(files.slice(i, i + APPLY_CHUNK));
      if (generation !== this.scanGeneration) return;
      this.index.batch(() => results.forEach((result) => this.apply(result)));
      read += results.length;
    }
    // Entries the scan did not find are gone, unless a file event brought them in meanwhile.
    const stale = [...this.index.keys()].filter((key) => !seen.has(key) && !this.touchedDuringScan.has(key));
    this.index.batch(() => stale.forEach((key) => this.removeFromIndex(vscode.Uri.parse(key))));
    this.log.info(`Indexed ${read} entries in ${Date.now() - started} ms (${this.index.size} in the index).`);
  }

  /** Every `.md` file under `folder`, or none if it does not exist. */
  private async findMarkdownFiles(folder: vscode.Uri, generation: number): Promise<vscode.Uri[]> {
    const found: vscode.Uri[] = [];
    let level: vscode.Uri[] = [folder];
    while (level.length > 0 && generation === this.scanGeneration) {
      const next: vscode.Uri[] = [];
      await mapLimit(level, READ_CONCURRENCY, async (dir) => {
        let children: [string, vscode.FileType][];
        try {
          children = await vscode.workspace.fs.readDirectory(dir);
        } catch (error) {
          if (!isFileNotFound(error)) this.log.warn(`Cannot list ${dir.fsPath}: ${String(error)}`);
          return;
        }
        for (const [name, type] of children) {
          if (name.startsWith('.')) continue; // .git, .obsidian, editor backups
          const child = vscode.Uri.joinPath(dir, name);
          // Symbolic links are not followed: they could lead outside the workspace or loop.
          if (type & vscode.FileType.SymbolicLink) continue;
          if (type === vscode.FileType.Directory) next.push(child);
          else if (type === vscode.FileType.File && name.toLowerCase().endsWith('.md')) found.push(child);
        }
      });
      level = next;
    }
    return found;
  }

  private async readAll(files: vscode.Uri[]): Promise<ReadResult[]> {
    const results: ReadResult[] = [];
    await mapLimit(files, READ_CONCURRENCY, async (uri) => {
      const key = uri.toString();
      const ticket = ++this.ticketCounter;
      this.latestTicket.set(key, ticket);
      try {
        const bytes = await vscode.workspace.fs.readFile(uri);
        const text = this.decoder.decode(bytes.byteLength > MAX_PARSED_BYTES ? bytes.subarray(0, MAX_PARSED_BYTES) : bytes);
        if (bytes.byteLength > MAX_PARSED_BYTES) this.log.warn(`${uri.fsPath} is over 1 MB; only its first megabyte is indexed.`);
        results.push({ uri, key, ticket, parsed: parseEntry(text, baseName(uri)) });
      } catch (error) {
        if (!isFileNotFound(error)) this.log.warn(`Cannot read ${uri.fsPath}: ${String(error)}`);
        results.push({ uri, key, ticket, parsed: undefined });
      }
    });
    return results;
  }

  private apply({ uri, key, ticket, parsed }: ReadResult): void {
    if (this.latestTicket.get(key) !== ticket) return; // a newer read or a delete came after
    this.latestTicket.delete(key);
    if (!parsed) {
      this.index.delete(key);
      this.diagnostics.delete(uri);
      return;
    }
    this.index.set(key, baseName(uri), parsed);
    if (parsed.problems.length === 0) {
      this.diagnostics.delete(uri);
      return;
    }
    this.diagnostics.set(
      uri,
      parsed.problems.map((problem) => {
        const range = new vscode.Range(problem.line, 0, problem.line, Number.MAX_SAFE_INTEGER);
        const diagnostic = new vscode.Diagnostic(range, problem.message, vscode.DiagnosticSeverity.Warning);
        diagnostic.source = 'Balance Journal';
        return diagnostic;
      }),
    );
  }

  dispose(): void {
    this.scanGeneration++;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.watchers.forEach((watcher) => watcher.dispose());
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.stateEmitter.dispose();
  }
}

interface ReadResult {
  uri: vscode.Uri;
  key: string;
  ticket: number;
  parsed: ReturnType<typeof parseEntry> | undefined;
}

/** Runs `task` over `items` with at most `limit` at a time. */
async function mapLimit<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await task(items[next++]);
  });
  await Promise.all(workers);
}
