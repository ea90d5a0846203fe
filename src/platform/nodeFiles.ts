import * as fs from 'node:fs';

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
