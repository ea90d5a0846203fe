import { parseEntryBytes } from './entryBytes';
import { ParsedEntry } from './entryParser';
import { planValidation, recordedStamp } from './indexCache';
import { ContentStamp, IndexedEntry, JournalIndex } from './journalIndex';
import { firstFolderUnder } from './noteKinds';
import { PathChecks, isMarkdownName } from './journalPaths';
import { ChunkParser, DEFAULT_SYNC_OPTIONS, FileKind, FileRead, FileStamp, JournalFileSystem, JournalSyncOptions, JournalSyncReporter, ScanControl, ScanOptions, ScanResult } from './journalFileSystem';

export { isMarkdownName };
export { DEFAULT_SYNC_OPTIONS } from './journalFileSystem';
export type { FileKind, FileRead, FileStamp, JournalFileSystem, JournalSyncOptions, JournalSyncReporter, ScanControl, ScanOptions, ScanResult } from './journalFileSystem';

interface LoadedFile<L> {
  readonly location: L;
  readonly key: string;
  readonly ticket: number;
  /** Undefined when the file could not be read (gone, a link, …). */
  readonly bytes: Uint8Array | undefined;
  readonly size: number;
  readonly stamp: ContentStamp;
}

interface ReadResult<L> {
  readonly location: L;
  readonly key: string;
  readonly ticket: number;
  readonly parsed: ParsedEntry | undefined;
  readonly stamp: ContentStamp;
}

/** How much of an oversized file is kept: more than any front matter that is read. */
const FRONT_MATTER_WINDOW = 128 * 1024;


/**
 * Keeps a JournalIndex equal to the Markdown files under some root folders: full scans on
 * demand, then one re-read per changed file. Every read takes a ticket, and only a file's newest
 * ticket may write to the index, so a slow read can never bring back content that was changed or
 * deleted meanwhile.
 */
export class JournalSync<L> {
  private roots: L[] = [];
  private scanGeneration = 0;
  private running: Promise<ScanResult> | undefined;
  private runningReuses = false;
  private scannedOnce = false;
  private readonly stateListeners = new Set<() => void>();

  private ticketCounter = 0;
  private readonly latestTicket = new Map<string, number>();
  private readonly touchedDuringScan = new Set<string>();

  private readonly pending = new Map<string, { location: L; deleted: boolean }>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private firstPendingAt = 0;
  private flushing: Promise<void> = Promise.resolve();
  /** How many event batches were applied (the benchmark reports it). */
  flushCount = 0;

  constructor(
    private readonly index: JournalIndex,
    private readonly fs: JournalFileSystem<L>,
    private readonly reporter: JournalSyncReporter<L>,
    private options: JournalSyncOptions = DEFAULT_SYNC_OPTIONS,
    private readonly parser?: ChunkParser,
  ) {}

  /** The size limit (setting balanceJournal.maxFileSizeKB); applies from the next read. */
  setMaxFileBytes(maxFileBytes: number): void {
    this.options = { ...this.options, maxFileBytes };
  }

  get isScanning(): boolean {
    return this.running !== undefined;
  }

  /** The running scan is checking restored records against the disk (see ScanOptions). */
  get isValidating(): boolean {
    return this.running !== undefined && this.runningReuses;
  }

  get hasScanned(): boolean {
    return this.scannedOnce;
  }

  onDidChangeState(listener: () => void): { dispose(): void } {
    this.stateListeners.add(listener);
    return { dispose: () => this.stateListeners.delete(listener) };
  }

  setRoots(roots: readonly L[]): void {
    this.roots = [...roots];
    this.rootPrefixes = this.roots.map((root) => `${this.fs.key(root).replace(/\/$/, '')}/`);
  }

  /** Each root's key with one trailing `/`, to tell which root a file is under. */
  private rootPrefixes: string[] = [];

  /**
   * A full scan of every root: every file read, or with `reuseUnchanged` only those whose stamp
   * changed. A scan already running is superseded and ends early.
   */
  rescan(control: ScanControl = {}, options: ScanOptions = {}): Promise<ScanResult> {
    const generation = ++this.scanGeneration;
    // Started a microtask later, so that the scan counts as running (and validating) when a
    // restore beside it puts the first records in.
    const run = Promise.resolve().then(() => this.scanAll(generation, control, options.reuseUnchanged === true, options.restoring)).finally(() => {
      if (generation === this.scanGeneration) {
        this.running = undefined;
        this.scannedOnce = true;
        this.fireState();
      }
    });
    this.running = run;
    this.runningReuses = options.reuseUnchanged === true;
    this.fireState();
    return run;
  }

  /**
   * Puts records kept from an earlier session into the index at once, as one batch, before the
   * check (`rescan` with `reuseUnchanged`) that makes the tally exact. Only records of Markdown
   * files under the current roots are taken, and none over a file the index already knows or
   * is reading now (file events since activation are newer). Returns how many were restored.
   */
  restore(records: Iterable<IndexedEntry>): number {
    let restored = 0;
    this.index.batch(() => {
      for (const record of records) {
        const { key } = record;
        if (this.index.get(key) !== undefined || this.latestTicket.has(key) || this.pending.has(key) || !isMarkdownName(key) || !this.rootPrefixes.some((prefix) => key.startsWith(prefix))) {
          this.index.skipRestore(record);
          continue;
        }
        this.index.restore(record);
        restored++;
        if (record.problems.length > 0) this.reporter.problems(this.fs.fromKey(key), record.problems);
      }
    });
    return restored;
  }

  /** A watcher saw a file or folder created or changed. */
  changed(location: L): void {
    this.enqueue(location, false);
  }

  /** A watcher saw a file or folder deleted. */
  deleted(location: L): void {
    this.enqueue(location, true);
  }

  /** Resolves once the running scan and the events received so far are applied. */
  async settle(): Promise<void> {
    for (;;) {
      if (this.running) {
        await this.running;
        continue;
      }
      if (this.flushTimer) {
        clearTimeout(this.flushTimer);
        this.flushTimer = undefined;
        this.flushing = this.flushing.then(() => this.safeFlush());
      }
      const flushing = this.flushing;
      await flushing;
      if (!this.running && !this.flushTimer && this.pending.size === 0 && flushing === this.flushing) return;
    }
  }

  dispose(): void {
    this.scanGeneration++;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.pending.clear();
    this.stateListeners.clear();
  }

  private fireState(): void {
    for (const listener of [...this.stateListeners]) listener();
  }

  private enqueue(location: L, deleted: boolean): void {
    const name = this.fs.baseName(location);
    // A folder moved in arrives as one event; names with an extension other than .md are not ours.
    if (!deleted && !isMarkdownName(name) && /\.[^/]*$/.test(name)) return;
    const key = this.fs.key(location);
    if (this.running) this.touchedDuringScan.add(key);
    this.pending.set(key, { location, deleted });
    const now = Date.now();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    else this.firstPendingAt = now;
    const delay = Math.max(0, Math.min(this.options.debounceMs, this.firstPendingAt + this.options.maxDelayMs - now));
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      this.flushing = this.flushing.then(() => this.safeFlush());
    }, delay);
  }

  /**
   * One batch of events; a batch that fails is logged, never left as a rejected link in the chain,
   * or every later batch would wait behind it for good and the index would stop following the disk.
   */
  private async safeFlush(): Promise<void> {
    try {
      await this.flush();
    } catch (error) {
      this.reporter.log('warn', `A batch of file events failed and was skipped: ${String(error)}`);
    }
  }

  private async flush(): Promise<void> {
    const batch = [...this.pending.values()];
    this.pending.clear();
    if (batch.length === 0) return;
    this.flushCount++;
    const toRead: L[] = [];
    const checks = new PathChecks(this.fs, this.roots);
    const unsafeRoots = new Set<string>();
    for (const { location, deleted } of batch) {
      if (deleted) {
        // Outdate any read of it still in flight.
        this.latestTicket.set(this.fs.key(location), ++this.ticketCounter);
        continue;
      }
      // A watcher reports paths, not how they are reached: a folder that became a symbolic link
      // (a `git pull`, a hostile script) must not lead the index outside the journal.
      const verdict = await checks.reachableWithoutLinks(location);
      if (verdict === 'unsafe-root') unsafeRoots.add(this.fs.key(checks.rootOf(location)!));
      if (verdict !== 'ok') {
        this.reporter.log('debug', `Not read: ${this.fs.key(location)} (${verdict}).`);
        continue;
      }
      if (isMarkdownName(this.fs.baseName(location))) {
        toRead.push(location);
      } else if ((await checks.stamp(location))?.kind === 'directory') {
        toRead.push(...(await this.findMarkdownFiles(location, this.scanGeneration)));
      }
    }
    for (const root of unsafeRoots) {
      this.reporter.log('warn', `${root} is no longer a folder reached without symbolic links: its entries left the index until Refresh.`);
    }
    const results = await this.readAll(toRead);
    this.index.batch(() => {
      for (const { location, deleted } of batch) if (deleted) this.forget(this.fs.key(location));
      for (const root of unsafeRoots) this.forget(root);
      for (const result of results) this.apply(result);
    });
    this.reporter.log('debug', `Applied ${batch.length} file event(s); re-read ${toRead.length} file(s).`);
  }

  /** A deleted path: the file itself, or everything under a deleted folder. */
  private forget(key: string): void {
    this.latestTicket.delete(key);
    if (this.index.delete(key)) {
      this.reporter.forgotten(key);
      return;
    }
    const folder = key.endsWith('/') ? key : `${key}/`;
    // Reads of files in it still in flight began before it was deleted: their results are old.
    for (const reading of this.latestTicket.keys()) if (reading.startsWith(folder)) this.latestTicket.set(reading, ++this.ticketCounter);
    this.index.deleteUnder(folder, (entryKey) => {
      this.latestTicket.set(entryKey, ++this.ticketCounter);
      this.reporter.forgotten(entryKey);
    });
  }

  private async scanAll(generation: number, control: ScanControl, reuseUnchanged: boolean, restoring?: () => Promise<unknown>): Promise<ScanResult> {
    const started = Date.now();
    this.touchedDuringScan.clear();
    // One `stat` per file (never following a link): unchanged records stay as they are. The
    // listing and the stamps do not need the index, so a restore runs beside them.
    const survey = this.survey(generation, reuseUnchanged);
    if (reuseUnchanged && restoring) await Promise.all([survey, restoring()]);
    const { found, stamps } = await survey;
    const cancelled = () => generation !== this.scanGeneration || control.isCancelled?.() === true;
    if (cancelled()) return { files: found.length, read: 0, milliseconds: Date.now() - started, cancelled: true };

    const seen = new Set<string>();
    let files = found;
    // No record can be stale when the index was empty (a first scan), or when every record had
    // its file found (one root: no file is found twice); the set of the keys seen, 50,000
    // strings made and hashed, is then not needed.
    let everyRecordFound = this.index.size === 0;
    if (stamps) {
      const stamped: Array<{ file: L; key: string; stamp: FileStamp }> = [];
      found.forEach((file, at) => {
        const stamp = stamps[at] ?? { kind: 'file', size: -1, mtime: -1 }; // gone or unreadable: the read will tell
        // Listed as a file, a link now: neither read nor kept (its record is dropped below).
        if (stamp.kind === 'file') stamped.push({ file, key: this.fs.key(file), stamp });
      });
      if (cancelled()) return { files: found.length, read: 0, milliseconds: Date.now() - started, cancelled: true };
      const plan = planValidation(stamped, (key) => this.index.get(key));
      everyRecordFound = this.roots.length === 1 && plan.recorded === this.index.size;
      if (!everyRecordFound) for (const key of plan.unchanged) seen.add(key);
      files = plan.toRead;
    }
    if (!everyRecordFound) for (const file of files) seen.add(this.fs.key(file));
    let done = 0;
    await this.readAll(files, (results) => {
      if (cancelled()) return false;
      this.index.batch(() => results.forEach((result) => this.apply(result)));
      done += results.length;
      control.progress?.(done, files.length);
      return true;
    }, cancelled);
    if (cancelled()) return { files: found.length, read: done, milliseconds: Date.now() - started, cancelled: true };
    // Entries the scan did not find are gone, unless a file event brought them in meanwhile.
    const stale = everyRecordFound ? [] : [...this.index.keys()].filter((key) => !seen.has(key) && !this.touchedDuringScan.has(key));
    this.index.batch(() => stale.forEach((key) => this.forget(key)));
    const milliseconds = Date.now() - started;
    this.reporter.log(
      'info',
      reuseUnchanged
        ? `Checked ${found.length} entries in ${milliseconds} ms: ${done} read again, ${stale.length} gone (${this.index.size} in the index).`
        : `Indexed ${done} entries in ${milliseconds} ms (${this.index.size} in the index).`,
    );
    return { files: found.length, read: done, milliseconds, cancelled: false };
  }

  /** Every Markdown file under the roots, and with `stamped` each one's stamp. */
  private async survey(generation: number, stamped: boolean): Promise<{ found: L[]; stamps?: ReadonlyArray<FileStamp | undefined> }> {
    const found: L[] = [];
    for (const root of this.roots) found.push(...(await this.findMarkdownFiles(root, generation)));
    if (!stamped || generation !== this.scanGeneration) return { found };
    return { found, stamps: await this.stampAll(found) };
  }

  /** Each file's stamp, in order (undefined when gone or unreadable): the port's statAll if any. */
  private async stampAll(files: readonly L[]): Promise<ReadonlyArray<FileStamp | undefined>> {
    if (this.fs.statAll) return this.fs.statAll(files);
    const stamps = new Array<FileStamp | undefined>(files.length);
    await mapLimit(files.map((_, at) => at), this.options.readConcurrency, async (at) => {
      stamps[at] = await Promise.resolve(this.fs.stat(files[at])).catch(() => undefined);
    });
    return stamps;
  }

  /** Every `.md` file under `folder` (none if it does not exist), skipping dot-folders. */
  private async findMarkdownFiles(folder: L, generation: number): Promise<L[]> {
    const found: L[] = [];
    let level: L[] = [folder];
    while (level.length > 0 && generation === this.scanGeneration) {
      const next: L[] = [];
      await mapLimit(level, this.options.readConcurrency, async (directory) => {
        let children: ReadonlyArray<readonly [string, FileKind]>;
        try {
          children = await this.fs.readDirectory(directory);
        } catch (error) {
          if (!this.fs.isNotFound(error)) this.reporter.log('warn', `Cannot list ${this.fs.key(directory)}: ${String(error)}`);
          return;
        }
        for (const [name, kind] of children) {
          if (name.startsWith('.')) continue; // .git, .obsidian, editor backups
          if (kind === 'directory') next.push(this.fs.child(directory, name));
          else if (kind === 'file' && isMarkdownName(name)) found.push(this.fs.child(directory, name));
        }
      });
      level = next;
    }
    return found;
  }

  /**
   * Reads and parses `files` a chunk at a time: first the chunk's reads (the port's `readAll`
   * where it has one, else `readConcurrency` at a time), then its parsing in one pass. Parsing
   * between reads runs ~2× slower (the reads' callbacks and the parser keep evicting each other
   * from the CPU caches). With a ChunkParser the next chunk is read while one is parsed. Each
   * chunk's results go to `onChunk` (which may return false to stop), in order, or are collected
   * and returned; no chunk is read once `stopped` says so.
   */
  private async readAll(files: readonly L[], onChunk?: (results: ReadResult<L>[]) => boolean, stopped?: () => boolean): Promise<ReadResult<L>[]> {
    const collected: ReadResult<L>[] = [];
    const deliver = (results: ReadResult<L>[]): boolean => {
      if (onChunk) return onChunk(results);
      collected.push(...results);
      return true;
    };
    let parsing: Promise<ReadResult<L>[]> | undefined; // the chunk before, being parsed
    const parser = this.parser && files.length >= this.parser.minFiles ? this.parser : undefined;
    for (let start = 0; start < files.length; start += this.options.applyChunk) {
      // Cancelled while the chunk before was parsed: not one more read.
      if (stopped?.()) return collected;
      const loaded = await this.readChunk(files.slice(start, start + this.options.applyChunk));
      if (!parser) {
        if (!deliver(this.parseHere(loaded))) return collected;
        continue;
      }
      const next = this.parseElsewhere(parser, loaded);
      if (parsing && !deliver(await parsing)) return collected;
      parsing = next;
    }
    if (parsing) deliver(await parsing);
    return collected;
  }

  private async readChunk(chunk: readonly L[]): Promise<LoadedFile<L>[]> {
    const loaded: LoadedFile<L>[] = new Array(chunk.length);
    const keys = chunk.map((location) => this.fs.key(location));
    const loadedAs = (slot: number, ticket: number, readAt: number, read: FileRead | { readonly error: unknown }) => {
      const location = chunk[slot];
      const key = keys[slot];
      if ('error' in read) {
        if (!this.fs.isNotFound(read.error)) this.reporter.log('warn', `Cannot read ${key}: ${String(read.error)}`);
        loaded[slot] = { location, key, ticket, bytes: undefined, size: 0, stamp: recordedStamp(0, undefined, readAt) };
        return;
      }
      if (read.size > this.options.maxFileBytes) this.reporter.log('warn', `${key} is over the size limit; only its front matter is indexed.`);
      loaded[slot] = { location, key, ticket, bytes: read.bytes, size: read.size, stamp: recordedStamp(read.size, read.mtime, readAt) };
    };
    // A ticket per file before it is read: a file event after that takes a newer one, and this
    // read's result is then dropped (see apply).
    const takeTicket = (slot: number) => {
      const ticket = ++this.ticketCounter;
      this.latestTicket.set(keys[slot], ticket);
      return ticket;
    };
    // Never more than the limit: over it, only the beginning, where front matter is.
    const headBytes = Math.min(this.options.maxFileBytes, FRONT_MATTER_WINDOW);
    if (this.fs.readAll) {
      const tickets = chunk.map((_, slot) => takeTicket(slot));
      const readAt = Date.now();
      const reads = await this.fs.readAll(chunk, this.options.maxFileBytes, headBytes);
      reads.forEach((read, slot) => loadedAs(slot, tickets[slot], readAt, read));
    } else {
      let next = 0;
      await mapLimit(chunk, this.options.readConcurrency, async (location) => {
        const slot = next++;
        const ticket = takeTicket(slot);
        const readAt = Date.now();
        const read = await Promise.resolve(this.fs.readFile(location, this.options.maxFileBytes, headBytes)).then(
          (file) => file,
          (error: unknown) => ({ error }),
        );
        loadedAs(slot, ticket, readAt, read);
      });
    }
    return loaded;
  }

  private parseHere(loaded: readonly LoadedFile<L>[]): ReadResult<L>[] {
    return loaded.map(({ location, key, ticket, bytes, size, stamp }) => ({
      location,
      key,
      ticket,
      stamp,
      parsed: bytes === undefined ? undefined : parseEntryBytes(bytes, this.fs.baseName(location), this.options.maxFileBytes, size),
    }));
  }

  private async parseElsewhere(parser: ChunkParser, loaded: readonly LoadedFile<L>[]): Promise<ReadResult<L>[]> {
    const read = loaded.filter((file): file is LoadedFile<L> & { bytes: Uint8Array } => file.bytes !== undefined);
    let parsed: readonly ParsedEntry[];
    try {
      parsed = await parser.parseAll(
        read.map(({ location, bytes, size }) => ({ bytes, name: this.fs.baseName(location), size })),
        this.options.maxFileBytes,
      );
      if (parsed.length !== read.length) throw new Error(`${parsed.length} entries parsed for ${read.length} files`);
    } catch (error) {
      this.reporter.log('warn', `Parsing elsewhere failed (${String(error)}); parsing here instead.`);
      return this.parseHere(loaded);
    }
    let next = 0;
    return loaded.map(({ location, key, ticket, stamp, bytes }) => ({ location, key, ticket, stamp, parsed: bytes === undefined ? undefined : parsed[next++] }));
  }

  private apply({ location, key, ticket, parsed, stamp }: ReadResult<L>): void {
    if (this.latestTicket.get(key) !== ticket) return; // a newer read or a delete came after
    this.latestTicket.delete(key);
    if (!parsed) {
      if (this.index.delete(key)) this.reporter.forgotten(key);
      return;
    }
    const rootPrefix = this.rootPrefixes.find((prefix) => key.startsWith(prefix));
    this.index.set(key, this.fs.baseName(location), parsed, rootPrefix === undefined ? undefined : firstFolderUnder(rootPrefix, key), rootPrefix, stamp);
    this.reporter.problems(location, parsed.problems);
  }
}

/** Runs `task` over `items` with at most `limit` at a time. */
export async function mapLimit<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await task(items[next++]);
  });
  await Promise.all(workers);
}
