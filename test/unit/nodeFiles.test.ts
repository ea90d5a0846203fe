import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, lstatSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JournalIndex } from '../../src/core/journalIndex';
import { FileKind, JournalFileSystem, JournalSync } from '../../src/core/journalSync';
import { decodeIndexCache, encodeIndexCache } from '../../src/core/indexCache';
import { IndexedEntry } from '../../src/core/journalIndex';
import { NotARegularFileError, RegularFileOutcome, createExclusive, readAllRegularFiles, readRegularFile, statAllNoFollow, statAllOffThread, statNoFollow } from '../../src/platform/nodeFiles';

// The Node host's file access against a real disk: links, FIFOs and devices, as a hostile
// repository would hold them.

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bj-nodefiles-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('readRegularFile', () => {
  it('reads a regular file whole when it is at most the limit, and exactly at the limit', async () => {
    writeFileSync(join(dir, 'a.md'), 'x'.repeat(100));
    const read = await readRegularFile(join(dir, 'a.md'), 100, 10);
    expect(read.size).toBe(100);
    expect(read.bytes.byteLength).toBe(100);
  });

  it('reads only the head of a file one byte over the limit', async () => {
    writeFileSync(join(dir, 'a.md'), 'x'.repeat(101));
    const read = await readRegularFile(join(dir, 'a.md'), 100, 10);
    expect(read.size).toBe(101);
    expect(read.bytes.byteLength).toBe(10);
  });

  it('refuses a symbolic link to a file, to /dev/zero and to a folder', async () => {
    writeFileSync(join(dir, 'secret.txt'), 'id_rsa');
    symlinkSync(join(dir, 'secret.txt'), join(dir, 'key.md'));
    symlinkSync('/dev/zero', join(dir, 'zero.md'));
    mkdirSync(join(dir, 'folder'));
    symlinkSync(join(dir, 'folder'), join(dir, 'folder.md'));
    for (const name of ['key.md', 'zero.md', 'folder.md']) {
      await expect(readRegularFile(join(dir, name), 1024, 1024)).rejects.toBeInstanceOf(NotARegularFileError);
    }
  });

  it('refuses a device and a folder without reading them', async () => {
    await expect(readRegularFile('/dev/zero', 1024, 1024)).rejects.toBeInstanceOf(NotARegularFileError);
    await expect(readRegularFile(dir, 1024, 1024)).rejects.toBeInstanceOf(NotARegularFileError);
  });

  it('refuses a FIFO at once instead of waiting for a writer forever', async () => {
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    await expect(readRegularFile(join(dir, 'pipe.md'), 1024, 1024)).rejects.toBeInstanceOf(NotARegularFileError);
  });

  it('says a missing file is missing', async () => {
    await expect(readRegularFile(join(dir, 'none.md'), 1024, 1024)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('readAllRegularFiles', () => {
  const MAX = 300;
  const HEAD = 40;
  /**
   * 450 paths (more than two slices): files of 0 to 449 bytes (the ones over MAX read as their
   * head), and among them links (to a file, to /dev/zero, to a folder), a folder, a FIFO, a
   * device, missing paths and a path under a file. Expected: Node's own readFileSync and lstat.
   */
  function fixture(): { paths: string[]; expected: Array<{ bytes: string; size: number; mtime: number } | { error: string }> } {
    const paths: string[] = [];
    const expected: Array<{ bytes: string; size: number; mtime: number } | { error: string }> = [];
    for (let i = 0; i < 450; i++) {
      const path = join(dir, `${i}.md`);
      if (i % 11 === 5) {
        paths.push(join(dir, `gone-${i}.md`));
        expected.push({ error: 'ENOENT' });
        continue;
      }
      writeFileSync(path, String.fromCharCode(97 + (i % 26)).repeat(i));
      const whole = readFileSync(path, 'latin1');
      paths.push(path);
      expected.push({ bytes: i <= MAX ? whole : whole.slice(0, HEAD), size: i, mtime: lstatSync(path).mtimeMs });
    }
    writeFileSync(join(dir, 'secret.txt'), 'id_rsa');
    symlinkSync(join(dir, 'secret.txt'), join(dir, 'key.md'));
    symlinkSync('/dev/zero', join(dir, 'zero.md'));
    mkdirSync(join(dir, 'folder'));
    symlinkSync(join(dir, 'folder'), join(dir, 'folder.md'));
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    const odd = [
      [join(dir, 'key.md'), 'ENOTREGULAR'],
      [join(dir, 'zero.md'), 'ENOTREGULAR'],
      [join(dir, 'folder.md'), 'ENOTREGULAR'],
      [join(dir, 'folder'), 'ENOTREGULAR'],
      [join(dir, 'pipe.md'), 'ENOTREGULAR'],
      ['/dev/zero', 'ENOTREGULAR'],
      [join(dir, '0.md', 'under-a-file.md'), 'ENOTDIR'],
    ] as const;
    odd.forEach(([path, error], at) => {
      paths.splice(190 + at * 3, 0, path); // around the end of the first slice
      expected.splice(190 + at * 3, 0, { error });
    });
    return { paths, expected };
  }
  const readable = (outcomes: RegularFileOutcome[]) =>
    outcomes.map((outcome) =>
      'error' in outcome
        ? { error: (outcome.error as { code?: string }).code }
        : { bytes: Buffer.from(outcome.bytes).toString('latin1'), size: outcome.size, mtime: outcome.mtime },
    );

  it('reads every path in order on this thread: whole, or the head over the limit; never a link, FIFO, device or folder', async () => {
    const { paths, expected } = fixture();
    const outcomes = await readAllRegularFiles(paths, MAX, HEAD);
    expect(readable(outcomes)).toEqual(expected);
    const refused = outcomes.filter((outcome) => 'error' in outcome && outcome.error instanceof NotARegularFileError);
    expect(refused).toHaveLength(6);
  });

  it('reads the same when a slow first slice sends the rest to the thread pool', async () => {
    const { paths, expected } = fixture();
    expect(readable(await readAllRegularFiles(paths, MAX, HEAD, { sliceSize: 200, slowSliceMs: -1 }))).toEqual(expected);
  });

  it('lets the event loop run between slices', async () => {
    const { paths } = fixture();
    let immediateRan = false;
    setImmediate(() => (immediateRan = true));
    expect(await readAllRegularFiles(paths, MAX, HEAD, { sliceSize: 50, slowSliceMs: 1e9 }).then(() => immediateRan)).toBe(true);
    immediateRan = false;
    setImmediate(() => (immediateRan = true));
    expect(await readAllRegularFiles(paths.slice(0, 50), MAX, HEAD, { sliceSize: 50, slowSliceMs: 1e9 }).then(() => immediateRan)).toBe(false);
  });
});

describe('createExclusive', () => {
  it('creates a new file, and never writes over a file or through a link', async () => {
    expect(await createExclusive(join(dir, 'new.md'), new TextEncoder().encode('hello'))).toBe(true);
    expect(readFileSync(join(dir, 'new.md'), 'utf8')).toBe('hello');
    expect(await createExclusive(join(dir, 'new.md'), new TextEncoder().encode('other'))).toBe(false);
    expect(readFileSync(join(dir, 'new.md'), 'utf8')).toBe('hello');
    symlinkSync(join(dir, 'target.txt'), join(dir, 'dangling.md'));
    expect(await createExclusive(join(dir, 'dangling.md'), new TextEncoder().encode('x'))).toBe(false);
    expect(existsSync(join(dir, 'target.txt'))).toBe(false);
  });
});

describe('statAllNoFollow', () => {
  /** 600 paths (more than two slices): files, a link to a file, a folder, a link to it, gone ones. */
  function fixture(): { paths: string[]; expected: Array<{ kind: string; size: number; mtime: number } | undefined> } {
    mkdirSync(join(dir, 'folder'));
    writeFileSync(join(dir, 'target.md'), 'outside');
    symlinkSync(join(dir, 'target.md'), join(dir, 'link.md'));
    symlinkSync(join(dir, 'folder'), join(dir, 'folder-link.md'));
    const paths: string[] = [];
    const expected: Array<{ kind: string; size: number; mtime: number } | undefined> = [];
    for (let i = 0; i < 600; i++) {
      const path = join(dir, `${i}.md`);
      if (i % 7 === 3) {
        paths.push(join(dir, `gone-${i}.md`));
        expected.push(undefined);
        continue;
      }
      writeFileSync(path, 'x'.repeat(i));
      const stamp = lstatSync(path);
      paths.push(path);
      expected.push({ kind: 'file', size: i, mtime: stamp.mtimeMs });
    }
    const odd = [
      [join(dir, 'link.md'), 'other'],
      [join(dir, 'folder'), 'directory'],
      [join(dir, 'folder-link.md'), 'other'],
      [join(dir, '0.md', 'under-a-file.md'), undefined], // ENOTDIR
    ] as const;
    for (const [path, kind] of odd) {
      paths.splice(300, 0, path);
      expected.splice(300, 0, kind && { kind, size: lstatSync(path).size, mtime: lstatSync(path).mtimeMs });
    }
    return { paths, expected };
  }

  it('stamps every path in order on this thread, never through a link, undefined when gone', async () => {
    const { paths, expected } = fixture();
    expect(await statAllNoFollow(paths)).toEqual(expected);
  });

  it('gives the same stamps when a slow first slice sends the rest to the thread pool', async () => {
    const { paths, expected } = fixture();
    expect(await statAllNoFollow(paths, { sliceSize: 100, slowSliceMs: -1 })).toEqual(expected);
  });

  it('gives the same stamps from a worker thread', async () => {
    const { paths, expected } = fixture();
    const failures: unknown[] = [];
    expect(await statAllOffThread(paths, { minPaths: 0, workerFailed: (error) => failures.push(error) })).toEqual(expected);
    expect(failures).toEqual([]); // the worker answered: not the fallback on this thread
  });

  it('gives the same stamps from a worker whose slow first slice sends the rest to the thread pool', async () => {
    const { paths, expected } = fixture();
    const failures: unknown[] = [];
    const slicing = { sliceSize: 100, slowSliceMs: -1 };
    expect(await statAllOffThread(paths, { minPaths: 0, slicing, workerFailed: (error) => failures.push(error) })).toEqual(expected);
    expect(failures).toEqual([]);
  });

  it('lets the event loop run between slices', async () => {
    const { paths } = fixture();
    // Queued before the call: it runs only if the stamping yields to the event loop (one slice,
    // or none, would finish in microtasks first).
    let immediateRan = false;
    setImmediate(() => (immediateRan = true));
    const ranBeforeTheEnd = await statAllNoFollow(paths, { sliceSize: 50, slowSliceMs: 1e9 }).then(() => immediateRan);
    expect(ranBeforeTheEnd).toBe(true);
    immediateRan = false;
    setImmediate(() => (immediateRan = true));
    expect(await statAllNoFollow(paths.slice(0, 50), { sliceSize: 50, slowSliceMs: 1e9 }).then(() => immediateRan)).toBe(false);
  });
});

/** JournalSync over Node's fs with the extension's own reader: what the Node host does. */
function nodePort({ withStatAll = false, withReadAll = false } = {}): JournalFileSystem<string> {
  const kind = (path: string): FileKind => {
    const stat = lstatSync(path);
    return stat.isSymbolicLink() ? 'other' : stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : 'other';
  };
  return {
    key: (path) => path,
    fromKey: (key) => key,
    baseName: (path) => path.slice(path.lastIndexOf('/') + 1),
    child: (folder, name) => `${folder}/${name}`,
    parent: (path) => path.slice(0, Math.max(path.lastIndexOf('/'), 1)),
    readDirectory: async (folder) => readdirSync(folder).map((name) => [name, kind(`${folder}/${name}`)] as const),
    stat: (path) => statNoFollow(path),
    ...(withStatAll ? { statAll: (paths: readonly string[]) => statAllNoFollow(paths, { sliceSize: 1, slowSliceMs: 1e9 }) } : {}),
    readFile: (path, maxBytes, headBytes) => readRegularFile(path, maxBytes, headBytes),
    ...(withReadAll ? { readAll: (paths: readonly string[], maxBytes: number, headBytes: number) => readAllRegularFiles(paths, maxBytes, headBytes, { sliceSize: 2, slowSliceMs: 1e9 }) } : {}),
    isNotFound: (error) => (error as { code?: string }).code === 'ENOENT',
  };
}

describe('JournalSync on a real disk with symbolic links', () => {
  it.each([
    ['a readFile per file', false],
    ['readAll (the Node host)', true],
  ])('indexes nothing from outside the journal, by scan or by file event (%s)', async (_, withReadAll) => {
    const journal = join(dir, 'journal');
    const outside = join(dir, 'outside');
    mkdirSync(join(journal, '2026'), { recursive: true });
    mkdirSync(join(outside, 'deep'), { recursive: true });
    writeFileSync(join(journal, '2026', 'a.md'), '#empathy');
    writeFileSync(join(outside, 'deep', 'b.md'), '# Private title\n#secret');
    writeFileSync(join(outside, 'c.md'), '#secret');
    symlinkSync(join(outside, 'c.md'), join(journal, 'c.md'));
    symlinkSync('/dev/zero', join(journal, 'zero.md'));

    const index = new JournalIndex();
    const sync = new JournalSync(index, nodePort({ withReadAll }), { problems: () => undefined, forgotten: () => undefined, log: () => undefined }, {
      readConcurrency: 4,
      debounceMs: 5,
      maxDelayMs: 50,
      maxFileBytes: 1024 * 1024,
      applyChunk: 100,
    });
    sync.setRoots([journal]);
    await sync.rescan();
    expect([...index.keys()]).toEqual([join(journal, '2026', 'a.md')]);

    // After the scan, a linked folder appears (a `git pull`) and the watcher reports it.
    symlinkSync(outside, join(journal, 'linked'));
    sync.changed(join(journal, 'linked'));
    sync.changed(join(journal, 'linked', 'deep', 'b.md'));
    sync.changed(join(journal, 'zero.md'));
    await sync.settle();
    expect(index.countOf('secret')).toBe(0);
    expect(index.size).toBe(1);
    expect(statSync(join(journal, 'linked', 'deep', 'b.md')).isFile()).toBe(true); // reachable, yet not read
  });
});

describe('An index restored from a cache on a real disk whose files became symbolic links', () => {
  it.each([
    ['a stat and a readFile per file', false],
    ['statAll and readAll (the Node host)', true],
  ])('ends equal to a fresh scan, with nothing read through a link (%s)', async (_, nodeHost) => {
    const journal = join(dir, 'journal');
    const outside = join(dir, 'outside');
    mkdirSync(join(journal, '2026', '10'), { recursive: true });
    mkdirSync(join(journal, '2026', '11'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(journal, '2026', '10', 'a.md'), '# A\n#empathy');
    writeFileSync(join(journal, '2026', '10', 'b.md'), '# B\n#influence');
    writeFileSync(join(journal, '2026', '11', 'c.md'), '# C\n#retro');
    writeFileSync(join(outside, 'secret.md'), '# Private\n#secret');
    // Files written a minute ago: their mtimes are trusted (see RACY_MTIME_MS).
    const past = new Date(Date.now() - 60_000);
    for (const file of ['2026/10/a.md', '2026/10/b.md', '2026/11/c.md']) utimesSync(join(journal, file), past, past);
    const options = { readConcurrency: 4, debounceMs: 5, maxDelayMs: 50, maxFileBytes: 1024 * 1024, applyChunk: 100 };
    const quiet = { problems: () => undefined, forgotten: () => undefined, log: () => undefined };
    const scan = async () => {
      const index = new JournalIndex();
      const sync = new JournalSync(index, nodePort({ withStatAll: nodeHost, withReadAll: nodeHost }), quiet, options);
      sync.setRoots([journal]);
      return { index, sync };
    };
    const first = await scan();
    await first.sync.rescan();
    const identity = { version: '1', fingerprint: journal };
    const bytes = encodeIndexCache(identity, first.index.values());

    // While closed: a file becomes a link to a file outside, a folder a link to a folder outside.
    rmSync(join(journal, '2026', '10', 'b.md'));
    symlinkSync(join(outside, 'secret.md'), join(journal, '2026', '10', 'b.md'));
    rmSync(join(journal, '2026', '11'), { recursive: true });
    symlinkSync(outside, join(journal, '2026', '11'));

    const next = await scan();
    next.sync.restore((decodeIndexCache(bytes, identity) as { records: IndexedEntry[] }).records);
    expect(next.index.size).toBe(3);
    const result = await next.sync.rescan({}, { reuseUnchanged: true });
    expect(result).toMatchObject({ files: 1, read: 0 });
    const fresh = await scan();
    await fresh.sync.rescan();
    expect([...next.index.keys()]).toEqual([...fresh.index.keys()]);
    expect([...next.index.keys()]).toEqual([join(journal, '2026', '10', 'a.md')]);
    expect(next.index.countOf('secret')).toBe(0);
  });
});
