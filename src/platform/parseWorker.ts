import { Worker } from 'node:worker_threads';
import { parseEntryBytes } from '../core/entryBytes';
import type { ParsedEntry } from '../core/entryParser';
import type { ChunkParser, FileToParse } from '../core/journalFileSystem';

// Parsing on a worker thread, for the Node host's first scan: the extension host's thread reads
// the next chunk (platform/nodeFiles readAllRegularFiles) while the worker parses this one. On this
// 2-core machine that took a first scan of 50,000 entries from 1,055 to 662 ms in
// scripts/bench/workers.mjs (docs/performance.md). The worker's program is parseWorkerMain.ts.

export interface WorkerParserOptions {
  /** Reads of fewer files are parsed on this thread (ChunkParser.minFiles). */
  readonly minFiles?: number;
  /** The worker ends after this long without work: it holds a heap of its own. */
  readonly idleMs?: number;
  /** Told when the worker cannot run or answer; from then on files are parsed on this thread. */
  readonly workerFailed?: (error: unknown) => void;
  /** Told each time a worker starts. */
  readonly workerStarted?: () => void;
}

/**
 * Scans of fewer files are parsed on the extension host's thread: the worker takes ~40 ms to
 * start, and in the bench a first scan of 10,000 entries was no faster with it (384 against
 * 362 ms), of 1,000 slower (131 against 83 ms), of 50,000 much faster (1.17 against 1.61 s).
 */
const WORKER_MIN_FILES = 20_000;

interface Waiting {
  resolve(parsed: ParsedEntry[]): void;
  reject(error: unknown): void;
}

export class WorkerChunkParser implements ChunkParser {
  private worker: Worker | undefined;
  private failed = false;
  private disposed = false;
  private nextId = 0;
  private readonly waiting = new Map<number, Waiting>();
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  readonly minFiles: number;
  private readonly idleMs: number;

  /**
   * `workerFile`: the bundled program (dist/parseWorker.js). `l10nContents`: VS Code's message
   * bundle (vscode.l10n.bundle), so that problems read the same as those parsed on this thread.
   */
  constructor(
    private readonly workerFile: string,
    private readonly l10nContents: unknown,
    private readonly options: WorkerParserOptions = {},
  ) {
    this.minFiles = options.minFiles ?? WORKER_MIN_FILES;
    this.idleMs = options.idleMs ?? 10_000;
  }

  /** Whether a worker is running now (it starts with the first large chunk, ends when idle). */
  get running(): boolean {
    return this.worker !== undefined;
  }

  async parseAll(files: readonly FileToParse[], maxBytes: number): Promise<readonly ParsedEntry[]> {
    if (this.failed || this.disposed) return parseHere(files, maxBytes);
    try {
      return await this.inWorker(files, maxBytes);
    } catch (error) {
      if (!this.failed && !this.disposed) {
        this.failed = true;
        this.options.workerFailed?.(error);
      }
      this.stop();
      return parseHere(files, maxBytes);
    }
  }

  dispose(): void {
    this.disposed = true;
    this.stop();
  }

  private inWorker(files: readonly FileToParse[], maxBytes: number): Promise<ParsedEntry[]> {
    const worker = this.start();
    // One buffer for the chunk's bytes (one copy of ~2 MB), moved to the worker, not copied again.
    const offsets = new Uint32Array(files.length + 1);
    files.forEach((file, at) => (offsets[at + 1] = offsets[at] + file.bytes.byteLength));
    const joined = new Uint8Array(offsets[files.length]);
    files.forEach((file, at) => joined.set(file.bytes, offsets[at]));
    const id = ++this.nextId;
    clearTimeout(this.idleTimer);
    worker.ref(); // an answer is awaited: the process must not end before it
    return new Promise<ParsedEntry[]>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      const message = { id, buffer: joined.buffer, offsets, names: files.map((file) => file.name), sizes: files.map((file) => file.size), maxBytes };
      worker.postMessage(message, [joined.buffer, offsets.buffer]);
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerFile, { workerData: { l10n: this.l10nContents } });
    this.options.workerStarted?.();
    worker.on('message', (answer: { id: number; parsed?: ParsedEntry[]; error?: string }) => {
      const waiting = this.waiting.get(answer.id);
      this.waiting.delete(answer.id);
      if (answer.parsed) waiting?.resolve(answer.parsed);
      else waiting?.reject(new Error(`the parse worker failed: ${answer.error}`));
      if (this.waiting.size === 0) this.idle();
    });
    worker.on('error', (error) => this.lost(worker, error));
    worker.on('exit', (code) => this.lost(worker, new Error(`the parse worker exited (${code})`)));
    this.worker = worker;
    return worker;
  }

  private idle(): void {
    this.worker?.unref();
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.stop(), this.idleMs);
    // The timer alone must not keep a process alive either.
    (this.idleTimer as { unref?: () => void }).unref?.();
  }

  /** The worker died (an error, an exit): what it was parsing is parsed here. */
  private lost(worker: Worker, error: unknown): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    waiting.forEach((each) => each.reject(error));
  }

  private stop(): void {
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    if (!worker) return;
    this.lost(worker, new Error('the parse worker was stopped'));
    worker.removeAllListeners();
    worker.on('error', () => undefined);
    void worker.terminate();
  }
}

function parseHere(files: readonly FileToParse[], maxBytes: number): ParsedEntry[] {
  return files.map((file) => parseEntryBytes(file.bytes, file.name, maxBytes, file.size));
}
