import * as fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { mapLimit } from '../core/journalSync';

// Journal file access on a local disk, for the Node extension host: no symbolic link is ever
// followed, nothing but a regular file is read, and never more bytes than asked for. No `vscode`
// here, so the unit tests run it against a real file system with links, FIFOs and devices.

/** Thrown for a path that is a symbolic link, a folder, a device, a FIFO or a socket. */
export class NotARegularFileError extends Error {
  readonly code = 'ENOTREGULAR';
  constructor(path: string) {
    super(`${path} is not a regular file (a symbolic link, folder or device); it is not read`);
  }
}

function call<T>(run: (done: (error: NodeJS.ErrnoException | null, value: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => run((error, value) => (error ? reject(error) : resolve(value))));
}

// O_NOFOLLOW: opening a symbolic link fails (ELOOP) instead of opening its target.
// O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer forever.
const READ_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0);

/**
 * A regular file's bytes: all of them when it holds at most `maxBytes`, else only its first
 * `headBytes`, with its size. The file is opened once and checked through that handle, so it
 * cannot be swapped for a link between the check and the read.
 */
export async function readRegularFile(path: string, maxBytes: number, headBytes: number): Promise<{ bytes: Uint8Array; size: number; mtime: number }> {
  let fd: number;
  try {
    fd = await call<number>((done) => fs.open(path, READ_FLAGS, done));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw new NotARegularFileError(path);
    throw error;
  }
  try {
    const stat = await call<fs.Stats>((done) => fs.fstat(fd, done));
    if (!stat.isFile()) throw new NotARegularFileError(path);
    const wanted = stat.size <= maxBytes ? stat.size : Math.min(headBytes, stat.size);
    const buffer = Buffer.allocUnsafe(wanted);
    let filled = 0;
    // A file may shrink while it is read: stop at its end.
    while (filled < wanted) {
      const read = await call<number>((done) => fs.read(fd, buffer, filled, wanted - filled, filled, done));
      if (read === 0) break;
      filled += read;
    }
    return { bytes: filled === wanted ? buffer : buffer.subarray(0, filled), size: stat.size, mtime: stat.mtimeMs };
  } finally {
    await call<void>((done) => fs.close(fd, (error) => done(error, undefined))).catch(() => undefined);
  }
}

/** What is at `path` itself (lstat: a symbolic link is 'other', never what it points to). */
export async function statNoFollow(path: string): Promise<{ kind: 'file' | 'directory' | 'other'; size: number; mtime: number }> {
  const stat = await call<fs.Stats>((done) => fs.lstat(path, done));
  return { kind: stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : 'other', size: stat.size, mtime: stat.mtimeMs };
}

type Stamp = { kind: 'file' | 'directory' | 'other'; size: number; mtime: number };

/** How many paths the stat pass or the reads do on this thread between turns of the event loop. */
export interface Slicing {
  /** Paths done per slice before the event loop runs again. */
  readonly sliceSize: number;
  /** A slice that has taken longer than this means a slow (network) disk: the rest go through the thread pool. */
  readonly slowSliceMs: number;
}

const STAT_SLICING: Slicing = { sliceSize: 256, slowSliceMs: 25 };

/**
 * Runs `onThisThread` for items 0 … count-1 in slices, with the event loop running between
 * them; once a slice has taken over `slowSliceMs` (checked after each item, so a slow disk
 * holds this thread for about that long at most), the rest go to `inThreadPool`, 64 at a time.
 */
async function inSlices(count: number, onThisThread: (at: number) => void, inThreadPool: (at: number) => Promise<void>, { sliceSize, slowSliceMs }: Slicing): Promise<void> {
  let next = 0;
  while (next < count) {
    const sliceStarted = performance.now();
    const end = Math.min(next + sliceSize, count);
    let slow = false;
    while (next < end && !slow) {
      onThisThread(next++);
      slow = performance.now() - sliceStarted > slowSliceMs;
    }
    if (next === count) return;
    if (slow) {
      await mapLimit(
        Array.from({ length: count - next }, (_, offset) => next + offset),
        64,
        inThreadPool,
      );
      return;
    }
    await new Promise((resume) => setImmediate(resume));
  }
}

/**
 * The stamps of many paths (lstat: a link is 'other'; undefined for a path that is gone or
 * unreadable), for the check of a restored index. On this thread, in slices with the event loop
 * running between them: a synchronous lstat costs about a third of the CPU of an asynchronous one
 * (no thread-pool hop, no promise), and at 50,000 files that is most of a reload. A slow disk
 * sends the rest to the thread pool (see inSlices), so it never holds the extension host for long.
 */
export async function statAllNoFollow(paths: readonly string[], slicing: Slicing = STAT_SLICING): Promise<Array<Stamp | undefined>> {
  const stamps = new Array<Stamp | undefined>(paths.length);
  await inSlices(
    paths.length,
    (at) => (stamps[at] = lstatStamp(paths[at])),
    async (at) => {
      stamps[at] = await statNoFollow(paths[at]).catch(() => undefined);
    },
    slicing,
  );
  return stamps;
}

/** A file read by readRegularFile, or why it could not be read (the error readRegularFile throws). */
export type RegularFileOutcome = { bytes: Uint8Array; size: number; mtime: number } | { error: unknown };

/**
 * Many files, each read as readRegularFile reads one, in their order. On this thread with
 * synchronous calls, in slices (see inSlices): for the small files of a journal on a local disk
 * this is ~8× faster than Node's asynchronous reads, which hop to the thread pool and back four
 * times per file (50,000 entries: 0.26 s against 2.0 s for reading them 64 at a time, CPU 0.28 s
 * against 2.5 s). A slow disk sends the rest to the thread pool, as readRegularFile does.
 */
export async function readAllRegularFiles(paths: readonly string[], maxBytes: number, headBytes: number, slicing: Slicing = READ_SLICING): Promise<RegularFileOutcome[]> {
  const outcomes = new Array<RegularFileOutcome>(paths.length);
  await inSlices(
    paths.length,
    (at) => {
      try {
        outcomes[at] = readRegularFileSync(paths[at], maxBytes, headBytes);
      } catch (error) {
        outcomes[at] = { error };
      }
    },
    async (at) => {
      outcomes[at] = await readRegularFile(paths[at], maxBytes, headBytes).catch((error: unknown) => ({ error }));
    },
    slicing,
  );
  return outcomes;
}

// A slice of reads holds this thread ~1 ms on a local disk (~5 µs per small file).
const READ_SLICING: Slicing = { sliceSize: 200, slowSliceMs: 25 };

/** readRegularFile with synchronous calls: the same checks, through the same handle. */
function readRegularFileSync(path: string, maxBytes: number, headBytes: number): { bytes: Uint8Array; size: number; mtime: number } {
  let fd: number;
  try {
    fd = fs.openSync(path, READ_FLAGS);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw new NotARegularFileError(path);
    throw error;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new NotARegularFileError(path);
    const wanted = stat.size <= maxBytes ? stat.size : Math.min(headBytes, stat.size);
    const buffer = Buffer.allocUnsafe(wanted);
    let filled = 0;
    // A file may shrink while it is read: stop at its end.
    while (filled < wanted) {
      const read = fs.readSync(fd, buffer, filled, wanted - filled, filled);
      if (read === 0) break;
      filled += read;
    }
    return { bytes: filled === wanted ? buffer : buffer.subarray(0, filled), size: stat.size, mtime: stat.mtimeMs };
  } finally {
    try {
      fs.closeSync(fd);
    } catch {
      // closing a descriptor that was read cannot lose data
    }
  }
}

/**
 * Fewer paths than this are stamped on this thread: a worker takes ~30 ms to start, and the
 * reload of 10,000 entries was slower with one (167–184 ms against 135–160), that of 50,000
 * faster (420–481 ms against 578).
 */
const WORKER_MIN_PATHS = 20_000;

/**
 * The stamps of many paths, as statAllNoFollow gives them, taken on a worker thread: the
 * extension host's thread meanwhile restores the index cache (the two overlap on a reload), and
 * the stat objects are garbage of the worker's heap, not of ours. Falls back to this thread when
 * a worker cannot run.
 */
export async function statAllOffThread(
  paths: readonly string[],
  {
    minPaths = WORKER_MIN_PATHS,
    slicing = STAT_SLICING,
    workerFailed,
  }: { minPaths?: number; slicing?: Slicing; workerFailed?: (error: unknown) => void } = {},
): Promise<Array<Stamp | undefined>> {
  if (paths.length < minPaths) return statAllNoFollow(paths, slicing);
  let stamps: WorkerStamps;
  try {
    stamps = await stampInWorker(paths, slicing);
  } catch (error) {
    workerFailed?.(error);
    return statAllNoFollow(paths, slicing);
  }
  const kinds = ['file', 'directory', 'other'] as const;
  return paths.map((_, at) => (stamps.kinds[at] === 0 ? undefined : { kind: kinds[stamps.kinds[at] - 1], size: stamps.sizes[at], mtime: stamps.mtimes[at] }));
}

interface WorkerStamps {
  /** 0 gone or unreadable, 1 file, 2 directory, 3 anything else (a symbolic link too). */
  readonly kinds: Uint8Array;
  readonly sizes: Float64Array;
  readonly mtimes: Float64Array;
}

// The worker's whole program (a constant: nothing from the journal is ever run). Like
// statAllNoFollow: synchronous lstat in slices, and once a slice is slow (a network disk) the rest
// 64 at a time through the thread pool. The answer goes back in three transferred arrays.
const STAT_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { paths, sliceSize, slowSliceMs } = workerData;
const kinds = new Uint8Array(paths.length), sizes = new Float64Array(paths.length), mtimes = new Float64Array(paths.length);
const put = (at, stat) => {
  kinds[at] = stat.isFile() ? 1 : stat.isDirectory() ? 2 : 3;
  sizes[at] = stat.size;
  mtimes[at] = stat.mtimeMs;
};
const done = () => parentPort.postMessage({ kinds, sizes, mtimes }, [kinds.buffer, sizes.buffer, mtimes.buffer]);
let next = 0;
while (next < paths.length) {
  const started = performance.now();
  const end = Math.min(next + sliceSize, paths.length);
  let slow = false;
  while (next < end && !slow) {
    try {
      const stat = fs.lstatSync(paths[next], { throwIfNoEntry: false });
      if (stat) put(next, stat);
    } catch {}
    next++;
    slow = performance.now() - started > slowSliceMs;
  }
  if (slow) break;
}
let running = 0;
const more = () => {
  if (next === paths.length && running === 0) return done();
  while (running < 64 && next < paths.length) {
    const at = next++;
    running++;
    fs.lstat(paths[at], (error, stat) => {
      if (!error) put(at, stat);
      running--;
      more();
    });
  }
};
more();
`;

function stampInWorker(paths: readonly string[], { sliceSize, slowSliceMs }: Slicing): Promise<WorkerStamps> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(STAT_WORKER, { eval: true, workerData: { paths, sliceSize, slowSliceMs } });
    worker.once('message', (stamps: WorkerStamps) => {
      resolve(stamps);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the stat worker exited (${code}) before it answered`)));
  });
}

function lstatStamp(path: string): Stamp | undefined {
  try {
    const stat = fs.lstatSync(path, { throwIfNoEntry: false });
    if (!stat) return undefined;
    return { kind: stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : 'other', size: stat.size, mtime: stat.mtimeMs };
  } catch {
    return undefined; // unreadable (EACCES, ENOTDIR, ELOOP): the read that follows will say why
  }
}

/**
 * Creates `path` with `bytes` only if nothing is there (O_EXCL, which also refuses a symbolic
 * link in its place): true when created, false when the name is taken.
 */
export async function createExclusive(path: string, bytes: Uint8Array): Promise<boolean> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(bytes);
  } catch (error) {
    await handle.close();
    await fs.promises.unlink(path).catch(() => undefined); // our own empty file, not the user's
    throw error;
  }
  await handle.close();
  return true;
}
