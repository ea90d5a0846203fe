import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it, vi } from 'vitest';
import { decodeIndexCache, encodeIndexCache } from '../../src/core/indexCache';
import { IndexedEntry, JournalIndex, countsOf } from '../../src/core/journalIndex';
import { FileKind, FileStamp, JournalFileSystem, JournalSync, JournalSyncReporter, mapLimit } from '../../src/core/journalSync';
import { syncPortMode } from './helpers/syncPortMode';
import { parseEntryBytes } from '../../src/core/entryBytes';
import { ChunkParser, FileToParse } from '../../src/core/journalFileSystem';

/** An in-memory file tree keyed by path; reads can be held back to stage races. */
class MemoryFs implements JournalFileSystem<string> {
  readonly files = new Map<string, string>();
  /** Paths listed as neither file nor folder (symbolic links, sockets): never to be followed. */
  readonly others = new Set<string>();
  /** Each file's mtime: a clock that moves one second per write, long before now. */
  readonly mtimes = new Map<string, number>();
  private clock = Date.UTC(2020, 0, 1);
  readonly reads = new Map<string, number>();
  readonly stats = new Map<string, number>();
  private gate: Promise<void> | undefined;
  private openGate: (() => void) | undefined;
  /** Many files at once, each through `readFile` (so that a test's hold on it holds these too). */
  readonly readAll: JournalFileSystem<string>['readAll'] = syncPortMode.readAll
    ? (paths, maxBytes, headBytes) => Promise.all(paths.map((path) => this.readFile(path, maxBytes, headBytes).then((read) => read, (error: unknown) => ({ error }))))
    : undefined;

  write(path: string, text: string): void {
    this.files.set(path, text);
    this.mtimes.set(path, (this.clock += 1000));
  }

  /** Writes `text` and puts the mtime back, as a tool that keeps timestamps would. */
  writeKeepingMtime(path: string, text: string): void {
    const mtime = this.mtimes.get(path)!;
    this.write(path, text);
    this.mtimes.set(path, mtime);
  }

  remove(path: string): void {
    this.files.delete(path);
    this.mtimes.delete(path);
  }

  holdReads(): void {
    this.gate = new Promise((resolve) => (this.openGate = resolve));
  }

  releaseReads(): void {
    this.openGate?.();
    this.gate = undefined;
  }

  /** Paths that are symbolic links (to anything): never listed as files or folders, never read. */
  readonly links = new Set<string>();

  link(path: string): void {
    this.links.add(path);
  }

  key = (path: string) => path;
  fromKey = (key: string) => key;
  baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
  child = (dir: string, name: string) => `${dir}/${name}`;
  parent = (path: string) => path.slice(0, Math.max(path.lastIndexOf('/'), 1));

  async readDirectory(dir: string): Promise<Array<[string, FileKind]>> {
    const prefix = `${dir}/`;
    const children = new Map<string, FileKind>();
    for (const path of [...this.files.keys(), ...this.links]) {
      if (!path.startsWith(prefix)) continue;
      const rest = path.slice(prefix.length);
      const slash = rest.indexOf('/');
      const name = slash === -1 ? rest : rest.slice(0, slash);
      children.set(name, this.links.has(`${prefix}${name}`) || this.others.has(`${prefix}${name}`) ? 'other' : slash === -1 ? 'file' : 'directory');
    }
    if (children.size === 0) throw Object.assign(new Error(`ENOENT ${dir}`), { notFound: true });
    return [...children];
  }

  async stat(path: string): Promise<FileStamp> {
    this.stats.set(path, (this.stats.get(path) ?? 0) + 1);
    if (this.links.has(path)) return { kind: 'other', size: 0, mtime: 1 };
    if (this.files.has(path)) return { kind: 'file', size: new TextEncoder().encode(this.files.get(path)!).byteLength, mtime: this.mtimes.get(path)! };
    if ([...this.files.keys(), ...this.links].some((file) => file.startsWith(`${path}/`))) return { kind: 'directory', size: 0, mtime: 1 };
    throw Object.assign(new Error(`ENOENT ${path}`), { notFound: true });
  }

  async readFile(path: string, maxBytes = Infinity, headBytes = Infinity): Promise<{ bytes: Uint8Array; size: number; mtime?: number }> {
    this.reads.set(path, (this.reads.get(path) ?? 0) + 1);
    // Like O_NOFOLLOW on the last part; a link higher up is what the sync must not walk into.
    if (this.links.has(path)) throw new Error(`ELOOP ${path}`);
    const text = this.files.get(path); // what the disk holds when the read starts
    const mtime = this.mtimes.get(path);
    if (this.gate) await this.gate;
    if (text === undefined) throw Object.assign(new Error(`ENOENT ${path}`), { notFound: true });
    const bytes = new TextEncoder().encode(text);
    return { bytes: bytes.byteLength > maxBytes ? bytes.slice(0, headBytes) : bytes, size: bytes.byteLength, mtime };
  }

  isNotFound = (error: unknown) => (error as { notFound?: boolean }).notFound === true;
}

/**
 * A ChunkParser as a worker thread is one to the sync: the answer comes in a later turn of the
 * event loop, from a copy of the bytes (they were transferred).
 */
const syncParser: ChunkParser | undefined = syncPortMode.parser
  ? {
      minFiles: 0,
      parseAll: async (files, maxBytes) => {
        // A message's round trip, as a worker's answer comes (timers stay the test's to fake).
        await new Promise<void>((resume) => {
          const { port1, port2 } = new MessageChannel();
          port1.once('message', () => {
            port1.close();
            resume();
          });
          port2.postMessage(0);
        });
        return files.map(({ bytes, name, size }) => parseEntryBytes(bytes.slice(), name, maxBytes, size));
      },
    }
  : undefined;

const quietReporter: JournalSyncReporter<string> = { problems: () => undefined, forgotten: () => undefined, log: () => undefined };
const fastOptions = { readConcurrency: 8, debounceMs: 5, maxDelayMs: 50, maxFileBytes: 1024 * 1024, applyChunk: 100 };

function setup() {
  const fs = new MemoryFs();
  const index = new JournalIndex();
  const problems = new Map<string, number>();
  const sync = new JournalSync(index, fs, { ...quietReporter, problems: (file, list) => problems.set(file, list.length) }, fastOptions, syncParser);
  sync.setRoots(['/ws/journal']);
  return { fs, index, sync, problems };
}

describe('JournalSync', () => {
  it('scans every Markdown file under the roots, skipping dot-folders and other files', async () => {
    const { fs, index, sync, problems } = setup();
    fs.write('/ws/journal/2026/10/a.md', '#empathy');
    fs.write('/ws/journal/2026/10/b.MD', '---\ntags: [influence]\n---\n');
    fs.write('/ws/journal/2026/10/broken.md', '---\ntags: [x\n---\n#retro');
    fs.write('/ws/journal/.git/c.md', '#innovation');
    fs.write('/ws/journal/notes.txt', '#innovation');
    fs.write('/ws/other/d.md', '#innovation');
    const result = await sync.rescan();
    expect(result).toMatchObject({ files: 3, cancelled: false });
    expect([...index.keys()].sort()).toEqual(['/ws/journal/2026/10/a.md', '/ws/journal/2026/10/b.MD', '/ws/journal/2026/10/broken.md']);
    expect(index.countOf('innovation')).toBe(0);
    expect(problems.get('/ws/journal/2026/10/broken.md')).toBe(1);
    expect(problems.get('/ws/journal/2026/10/a.md')).toBe(0);
    expect(sync.hasScanned).toBe(true);
  });

  it('skips dot-files, dot-folders at any depth, and symbolic links (neither file nor folder)', async () => {
    const { fs, index, sync } = setup();
    fs.write('/ws/journal/2026/10/a.md', '#empathy');
    fs.write('/ws/journal/2026/10/.draft.md', '#innovation');
    fs.write('/ws/journal/.hidden.md', '#innovation');
    fs.write('/ws/journal/2026/.obsidian/x.md', '#innovation');
    fs.write('/ws/journal/2026/10/link.md', '#innovation');
    fs.others.add('/ws/journal/2026/10/link.md');
    fs.write('/ws/journal/linked-folder/y.md', '#innovation');
    fs.others.add('/ws/journal/linked-folder');
    await sync.rescan();
    expect([...index.keys()]).toEqual(['/ws/journal/2026/10/a.md']);
    expect(index.countOf('innovation')).toBe(0);
    expect(fs.reads.has('/ws/journal/2026/10/.draft.md')).toBe(false);
    expect(fs.reads.has('/ws/journal/2026/10/link.md')).toBe(false);
  });

  it('treats a missing journal folder as empty', async () => {
    const { index, sync } = setup();
    await expect(sync.rescan()).resolves.toMatchObject({ files: 0 });
    expect(index.size).toBe(0);
  });

  it('re-reads only the changed file', async () => {
    const { fs, index, sync } = setup();
    for (let i = 0; i < 50; i++) fs.write(`/ws/journal/${i}.md`, '#empathy');
    await sync.rescan();
    fs.reads.clear();
    fs.write('/ws/journal/7.md', '#influence');
    sync.changed('/ws/journal/7.md');
    await sync.settle();
    expect([...fs.reads.keys()]).toEqual(['/ws/journal/7.md']);
    expect(index.countOf('empathy')).toBe(49);
    expect(index.countOf('influence')).toBe(1);
  });

  it('batches a burst of 5,000 events: each file read once, listeners told a few times', async () => {
    const { fs, index, sync } = setup();
    await sync.rescan();
    let notifications = 0;
    index.onDidChange(() => notifications++);
    for (let i = 0; i < 5000; i++) {
      fs.write(`/ws/journal/${i}.md`, '#time-management');
      sync.changed(`/ws/journal/${i}.md`);
      sync.changed(`/ws/journal/${i}.md`); // watchers often report create and change
    }
    await sync.settle();
    expect(index.countOf('time-management')).toBe(5000);
    expect(Math.max(...fs.reads.values())).toBe(1);
    expect(sync.flushCount).toBe(1);
    expect(notifications).toBe(1);
  });

  it('ends consistent when a file is changed while the scan is reading it', async () => {
    const { fs, index, sync } = setup();
    fs.write('/ws/journal/a.md', '#empathy');
    fs.holdReads();
    const scan = sync.rescan();
    await new Promise((resolve) => setTimeout(resolve, 5)); // the scan's read has started
    fs.write('/ws/journal/a.md', '#influence');
    sync.changed('/ws/journal/a.md');
    fs.releaseReads();
    await scan;
    await sync.settle();
    expect(index.get('/ws/journal/a.md')?.tags).toEqual(['influence']);
    expect(index.countOf('empathy')).toBe(0);
  });

  /**
   * Deletes `gone` while the scan is reading it (its read began before), the watcher reporting
   * `reported` (the file, or its folder); what the index holds after.
   */
  async function deleteWhileScanning(gone: string, kept: string, reported: string) {
    const { fs, index, sync } = setup();
    fs.write(gone, '#empathy');
    fs.write(kept, '#empathy');
    fs.holdReads();
    const scan = sync.rescan();
    await new Promise((resolve) => setTimeout(resolve, 5)); // the scan's reads have started
    fs.remove(gone);
    sync.deleted(reported);
    await new Promise((resolve) => setTimeout(resolve, 20)); // the delete is applied first
    fs.releaseReads();
    await scan;
    await sync.settle();
    return { keys: [...index.keys()], empathy: index.countOf('empathy') };
  }

  it('leaves no ghost when a file is deleted while the scan is reading it', async () => {
    expect(await deleteWhileScanning('/ws/journal/a.md', '/ws/journal/b.md', '/ws/journal/a.md')).toEqual({ keys: ['/ws/journal/b.md'], empathy: 1 });
  });

  it('leaves no ghost when a folder is deleted while the scan is reading a file in it', async () => {
    // A watcher reports the folder, not each file in it.
    expect(await deleteWhileScanning('/ws/journal/2026/10/a.md', '/ws/journal/2026/11/b.md', '/ws/journal/2026/10')).toEqual({ keys: ['/ws/journal/2026/11/b.md'], empathy: 1 });
  });

  it('forgets every entry under a deleted folder, and finds files of a folder moved in', async () => {
    const { fs, index, sync } = setup();
    fs.write('/ws/journal/2026/10/a.md', '#empathy');
    fs.write('/ws/journal/2026/11/b.md', '#empathy');
    await sync.rescan();
    for (const path of [...fs.files.keys()]) if (path.startsWith('/ws/journal/2026/10/')) fs.files.delete(path);
    sync.deleted('/ws/journal/2026/10');
    await sync.settle();
    expect([...index.keys()]).toEqual(['/ws/journal/2026/11/b.md']);

    fs.write('/ws/journal/2025/01/c.md', '#influence');
    fs.write('/ws/journal/2025/02/d.md', '#influence');
    sync.changed('/ws/journal/2025');
    await sync.settle();
    expect(index.countOf('influence')).toBe(2);
  });

  it('drops entries that a rescan no longer finds', async () => {
    const { fs, index, sync } = setup();
    fs.write('/ws/journal/a.md', '#empathy');
    fs.write('/ws/journal/b.md', '#empathy');
    await sync.rescan();
    fs.files.delete('/ws/journal/a.md');
    await sync.rescan();
    expect([...index.keys()]).toEqual(['/ws/journal/b.md']);
  });

  it('stops a cancelled scan early and a superseded scan gives way', async () => {
    const { fs, sync } = setup();
    for (let i = 0; i < 1000; i++) fs.write(`/ws/journal/${i}.md`, '#empathy');
    let cancel = false;
    const first = sync.rescan({ isCancelled: () => cancel, progress: (done) => (cancel = done >= 100) });
    expect((await first).cancelled).toBe(true);
    const a = sync.rescan();
    const b = sync.rescan();
    expect((await a).cancelled).toBe(true);
    expect((await b).files).toBe(1000);
  });

  it('indexes a file over the size limit from its front matter only, and says so', async () => {
    const { fs, index, sync, problems } = setup();
    fs.write('/ws/journal/huge.md', `---\ntags: [empathy]\n---\n#innovation ${'x'.repeat(2 * 1024 * 1024)} #influence`);
    await sync.rescan();
    expect(index.get('/ws/journal/huge.md')?.tags).toEqual(['empathy']);
    expect(problems.get('/ws/journal/huge.md')).toBe(1);
    sync.setMaxFileBytes(4 * 1024 * 1024);
    await sync.rescan();
    expect(index.get('/ws/journal/huge.md')?.tags).toEqual(['empathy', 'innovation', 'influence']);
    expect(problems.get('/ws/journal/huge.md')).toBe(0);
  });

  describe('never follows a symbolic link', () => {
    it('skips a linked file and a linked folder in a scan', async () => {
      const { fs, index, sync } = setup();
      fs.write('/ws/journal/a.md', '#empathy');
      fs.write('/ws/journal/outside.md', '#secret'); // what the link points at, seen through it
      fs.link('/ws/journal/outside.md');
      fs.write('/ws/journal/linked/b.md', '#secret');
      fs.link('/ws/journal/linked');
      await sync.rescan();
      expect([...index.keys()]).toEqual(['/ws/journal/a.md']);
      expect(fs.reads.has('/ws/journal/linked/b.md')).toBe(false);
    });

    it('does not walk a folder that a watcher reports after the scan when it is a link', async () => {
      const { fs, index, sync } = setup();
      fs.write('/ws/journal/a.md', '#empathy');
      await sync.rescan();
      // A `git pull` adds `linked -> /home/user`: the watcher reports the folder and files in it.
      fs.write('/ws/journal/linked/deep/c.md', '#secret');
      fs.link('/ws/journal/linked');
      sync.changed('/ws/journal/linked');
      sync.changed('/ws/journal/linked/deep/c.md');
      await sync.settle();
      expect(index.countOf('secret')).toBe(0);
      expect(fs.reads.has('/ws/journal/linked/deep/c.md')).toBe(false);
      expect(index.size).toBe(1);
    });

    it('does not read a changed file that is itself a link', async () => {
      const { fs, index, sync } = setup();
      await sync.rescan();
      fs.write('/ws/journal/zero.md', '#secret');
      fs.link('/ws/journal/zero.md');
      sync.changed('/ws/journal/zero.md');
      await sync.settle();
      expect(index.size).toBe(0);
    });

    it('forgets the journal when its root became a link, and reads nothing through it', async () => {
      const { fs, index, sync } = setup();
      fs.write('/ws/journal/a.md', '#empathy');
      await sync.rescan();
      expect(index.size).toBe(1);
      fs.link('/ws/journal');
      fs.write('/ws/journal/b.md', '#secret');
      sync.changed('/ws/journal/b.md');
      await sync.settle();
      expect(index.size).toBe(0);
      expect(fs.reads.has('/ws/journal/b.md')).toBe(false);
    });

    it('asks the adapter about the folders above the root on every batch', async () => {
      const { fs, index, sync } = setup();
      let safe = true;
      (fs as unknown as { rootIsSafe: () => Promise<boolean> }).rootIsSafe = async () => safe;
      fs.write('/ws/journal/a.md', '#empathy');
      await sync.rescan();
      safe = false;
      fs.write('/ws/journal/b.md', '#secret');
      sync.changed('/ws/journal/b.md');
      await sync.settle();
      expect(index.countOf('secret')).toBe(0);
      expect(index.size).toBe(0);
    });

    it('ignores events for paths outside every root', async () => {
      const { fs, index, sync } = setup();
      await sync.rescan();
      fs.write('/ws/journal-other/x.md', '#secret');
      fs.write('/ws/x.md', '#secret');
      sync.changed('/ws/journal-other/x.md');
      sync.changed('/ws/x.md');
      await sync.settle();
      expect(index.size).toBe(0);
      expect(fs.reads.size).toBe(0);
    });
  });

  it('reads at most the size limit: over it, only the head where front matter is', async () => {
    const fs = new MemoryFs();
    const index = new JournalIndex();
    const asked: Array<[number, number]> = [];
    const read = fs.readFile.bind(fs);
    fs.readFile = (path: string, maxBytes = Infinity, headBytes = Infinity) => {
      asked.push([maxBytes, headBytes]);
      return read(path, maxBytes, headBytes);
    };
    const sync = new JournalSync(index, fs, quietReporter, { ...fastOptions, maxFileBytes: 1000 }, syncParser);
    sync.setRoots(['/ws/journal']);
    fs.write('/ws/journal/exact.md', `#empathy ${'x'.repeat(1000 - 10)}`);
    fs.write('/ws/journal/over.md', `---\ntags: [influence]\n---\n#retro ${'x'.repeat(1000)}`);
    await sync.rescan();
    expect(asked).toEqual([
      [1000, 1000],
      [1000, 1000],
    ]);
    expect(index.countOf('empathy')).toBe(1); // exactly at the limit: read whole
    expect(index.countOf('influence')).toBe(1); // one byte over: front matter only
    expect(index.countOf('retro')).toBe(0);
  });

  it('keeps following the disk after a batch of events failed', async () => {
    const { fs, index, sync } = setup();
    await sync.rescan();
    const stat = fs.stat.bind(fs);
    let broken = true;
    // A file system that throws where it should reject: the batch fails as a whole.
    fs.stat = (path: string) => {
      if (broken) throw new Error('the file system went away');
      return stat(path);
    };
    fs.write('/ws/journal/new-folder/a.md', '#empathy');
    sync.changed('/ws/journal/new-folder');
    await sync.settle();
    broken = false;
    fs.write('/ws/journal/b.md', '#influence');
    sync.changed('/ws/journal/b.md');
    await sync.settle();
    expect(index.countOf('influence')).toBe(1);
  });
});

describe('JournalSync restored from a cache, then checked against the disk', () => {
  const identity = { version: '1', fingerprint: 'f' };

  /** What the tree and the counts show of an index: every record, stamps aside. */
  function contents(index: JournalIndex) {
    const records = [...index.values()].map(({ key, title, day, time, tags, problems, kind }) => ({ key, title, day, time, tags: [...tags], problems: problems.length, kind }));
    return records.sort((a, b) => a.key.localeCompare(b.key));
  }

  function freshScanOf(fs: MemoryFs): Promise<JournalIndex> {
    const index = new JournalIndex();
    const sync = new JournalSync(index, fs, quietReporter, fastOptions, syncParser);
    sync.setRoots(['/ws/journal']);
    return sync.rescan().then(() => index);
  }

  /** The cache a first session writes after a scan of `roots`. */
  async function firstSessionCache(fs: MemoryFs, roots = ['/ws/journal']): Promise<Uint8Array> {
    const firstIndex = new JournalIndex();
    const firstSync = new JournalSync(firstIndex, fs, quietReporter, fastOptions, syncParser);
    firstSync.setRoots(roots);
    await firstSync.rescan();
    return encodeIndexCache(identity, firstIndex.values());
  }

  /** A session that scans and writes its cache, the disk changed while closed, the next session. */
  async function reload(fs: MemoryFs, whileClosed: () => void) {
    const bytes = await firstSessionCache(fs);
    whileClosed();
    fs.reads.clear();
    const index = new JournalIndex();
    const problems = new Map<string, number>();
    const sync = new JournalSync(index, fs, { ...quietReporter, problems: (file, list) => problems.set(file, list.length) }, fastOptions, syncParser);
    sync.setRoots(['/ws/journal']);
    const loaded = decodeIndexCache(bytes, identity);
    if (!('records' in loaded)) throw new Error(loaded.ignored);
    const restored = sync.restore(loaded.records);
    const atFirstPaint = contents(index);
    const result = await sync.rescan({}, { reuseUnchanged: true });
    await sync.settle();
    return { index, sync, restored, atFirstPaint, result, problems, reads: [...fs.reads.keys()].sort(), fresh: contents(await freshScanOf(fs)) };
  }

  function journal(): MemoryFs {
    const fs = new MemoryFs();
    for (let i = 0; i < 30; i++) fs.write(`/ws/journal/2026/${10 + (i % 3)}/2026-10-${String(1 + i).padStart(2, '0')}.md`, `---\ntags: [empathy]\n---\n# Entry ${i}\n#influence`);
    fs.write('/ws/journal/reviews/2026-W48.md', '---\ndate: 2026-11-27\n---\n# Week 48 #empathy');
    fs.write('/ws/journal/broken.md', '---\ntags: [x\n---\n# Broken');
    return fs;
  }

  it('reads nothing when nothing changed, and shows the exact tally at once', async () => {
    const fs = journal();
    const { index, restored, atFirstPaint, result, reads, fresh, problems } = await reload(fs, () => undefined);
    expect(restored).toBe(32);
    expect(atFirstPaint).toEqual(fresh);
    expect(contents(index)).toEqual(fresh);
    expect(reads).toEqual([]);
    expect(result).toMatchObject({ files: 32, read: 0, cancelled: false });
    expect(index.countOfKind('review')).toBe(1);
    expect(problems.get('/ws/journal/broken.md')).toBe(1); // restored problems reach the Problems panel
  });

  it('re-reads changed files (size or mtime), reads added ones, drops deleted and renamed ones', async () => {
    const fs = journal();
    const { index, result, reads, fresh } = await reload(fs, () => {
      fs.write('/ws/journal/2026/10/2026-10-01.md', '---\ntags: [innovation]\n---\n# Changed'); // size and mtime
      const same = fs.files.get('/ws/journal/2026/11/2026-10-02.md')!;
      fs.write('/ws/journal/2026/11/2026-10-02.md', same.replace('empathy', 'influenc')); // same size, new mtime
      fs.write('/ws/journal/2027/01/new.md', '# New #decision-making'); // added, in a new folder
      fs.remove('/ws/journal/2026/12/2026-10-03.md'); // deleted
      const moved = fs.files.get('/ws/journal/2026/10/2026-10-04.md')!;
      fs.remove('/ws/journal/2026/10/2026-10-04.md'); // renamed: gone here…
      fs.write('/ws/journal/2026/10/renamed.md', moved); // …and new there
      fs.remove('/ws/journal/reviews/2026-W48.md'); // a whole folder gone
    });
    expect(contents(index)).toEqual(fresh);
    expect(reads).toEqual(['/ws/journal/2026/10/2026-10-01.md', '/ws/journal/2026/10/renamed.md', '/ws/journal/2026/11/2026-10-02.md', '/ws/journal/2027/01/new.md']);
    expect(result).toMatchObject({ files: 31, read: 4 });
    expect(index.countOf('innovation')).toBe(1);
    expect(index.countOf('decision-making')).toBe(1);
    expect(index.countOfKind('review')).toBe(0);
  });

  it('drops records of files and folders that became symbolic links, and reads nothing through them', async () => {
    const fs = journal();
    const { index, reads, fresh } = await reload(fs, () => {
      fs.link('/ws/journal/2026/10/2026-10-01.md'); // a file replaced by a link (to /dev/zero, say)
      fs.link('/ws/journal/2026/11'); // a folder replaced by a link to a folder elsewhere
      fs.write('/ws/journal/2026/11/secret.md', '#secret');
    });
    expect(contents(index)).toEqual(fresh);
    expect(reads).toEqual([]);
    expect(index.get('/ws/journal/2026/10/2026-10-01.md')).toBeUndefined();
    expect([...index.keys()].some((key) => key.startsWith('/ws/journal/2026/11/'))).toBe(false);
    expect(index.countOf('secret')).toBe(0);
  });

  it('restores beside the listing (option restoring): the same index, nothing read', async () => {
    const fs = journal();
    const bytes = await firstSessionCache(fs);
    fs.write('/ws/journal/2027/01/new.md', '# New #decision-making');
    fs.remove('/ws/journal/2026/12/2026-10-03.md');
    fs.reads.clear();
    const index = new JournalIndex();
    const sync = new JournalSync(index, fs, quietReporter, fastOptions, syncParser);
    sync.setRoots(['/ws/journal']);
    let validatingWhenRestored = false;
    const restoring = async () => {
      validatingWhenRestored = sync.isValidating;
      const loaded = decodeIndexCache(bytes, identity);
      if ('records' in loaded) sync.restore(loaded.records);
    };
    const result = await sync.rescan({}, { reuseUnchanged: true, restoring });
    expect(validatingWhenRestored).toBe(true);
    expect([...fs.reads.keys()]).toEqual(['/ws/journal/2027/01/new.md']);
    expect(contents(index)).toEqual(contents(await freshScanOf(fs)));
    expect(result).toMatchObject({ files: 32, read: 1 });
  });

  it('reads every file when the restore beside the listing restores nothing (a cache found unusable)', async () => {
    const fs = journal();
    const index = new JournalIndex();
    const sync = new JournalSync(index, fs, quietReporter, fastOptions, syncParser);
    sync.setRoots(['/ws/journal']);
    const result = await sync.rescan({}, { reuseUnchanged: true, restoring: async () => undefined });
    expect(result).toMatchObject({ files: 32, read: 32 });
    expect(contents(index)).toEqual(contents(await freshScanOf(fs)));
  });

  it('drops a record whose file is gone when nested roots find another file twice', async () => {
    // Roots /ws/journal and /ws/journal/team: team/a.md is found twice, so the count of found
    // files with a record equals the index's size although gone.md's record is stale.
    const fs = new MemoryFs();
    fs.write('/ws/journal/team/a.md', '#empathy');
    fs.write('/ws/journal/gone.md', '#influence');
    const roots = ['/ws/journal', '/ws/journal/team'];
    const bytes = await firstSessionCache(fs, roots);
    fs.remove('/ws/journal/gone.md');
    const index = new JournalIndex();
    const sync = new JournalSync(index, fs, quietReporter, fastOptions, syncParser);
    sync.setRoots(roots);
    const loaded = decodeIndexCache(bytes, identity);
    if (!('records' in loaded)) throw new Error(loaded.ignored);
    expect(sync.restore(loaded.records)).toBe(2);
    await sync.rescan({}, { reuseUnchanged: true });
    expect([...index.keys()]).toEqual(['/ws/journal/team/a.md']);
    expect(index.countOf('influence')).toBe(0);
  });

  it('re-reads a file whose mtime was not trusted when it was read (written in the same second)', async () => {
    const fs = journal();
    const { reads, fresh, index } = await reload(fs, () => {
      // The first session read this file right after it was written: its mtime was not trusted.
      fs.mtimes.set('/ws/journal/broken.md', Date.now());
    });
    expect(contents(index)).toEqual(fresh);
    expect(reads).toEqual(['/ws/journal/broken.md']);
  });

  it('restores only Markdown records under the current roots, never over what the index knows', async () => {
    const { fs, index, sync } = setup();
    fs.write('/ws/journal/a.md', '#influence');
    const record = (key: string, tag: string): IndexedEntry => ({ key, title: 'T', day: undefined, time: Number.NaN, tags: [tag], problems: [], kind: 'entry', size: 1, mtime: 1e12, commitments: [], root: '/ws/journal/', follows: undefined, commitment: undefined, goal: undefined, from: undefined });
    sync.changed('/ws/journal/a.md'); // a file event before the cache was loaded
    await sync.settle();
    expect(sync.restore([record('/ws/journal/a.md', 'empathy'), record('/ws/other/b.md', 'empathy'), record('/ws/journal/c.txt', 'empathy'), record('/ws/journal/d.md', 'empathy')])).toBe(1);
    expect(index.get('/ws/journal/a.md')?.tags).toEqual(['influence']);
    expect([...index.keys()].sort()).toEqual(['/ws/journal/a.md', '/ws/journal/d.md']);
    await sync.rescan({}, { reuseUnchanged: true });
    expect([...index.keys()]).toEqual(['/ws/journal/a.md']); // d.md is not on disk
  });

  it('ends exact when a file changes while the check is running', async () => {
    const fs = journal();
    const index = new JournalIndex();
    const sync = new JournalSync(index, fs, quietReporter, fastOptions, syncParser);
    sync.setRoots(['/ws/journal']);
    await sync.rescan();
    const bytes = encodeIndexCache(identity, index.values());
    const next = new JournalIndex();
    const nextSync = new JournalSync(next, fs, quietReporter, fastOptions, syncParser);
    nextSync.setRoots(['/ws/journal']);
    nextSync.restore((decodeIndexCache(bytes, identity) as { records: IndexedEntry[] }).records);
    fs.holdReads();
    fs.write('/ws/journal/2026/10/2026-10-01.md', '# First change #innovation');
    const check = nextSync.rescan({}, { reuseUnchanged: true });
    expect(nextSync.isValidating).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 5));
    fs.write('/ws/journal/2026/10/2026-10-01.md', '# Second change #problem-solving');
    nextSync.changed('/ws/journal/2026/10/2026-10-01.md');
    fs.releaseReads();
    await check;
    await nextSync.settle();
    expect(nextSync.isValidating).toBe(false);
    expect(contents(next)).toEqual(contents(await freshScanOf(fs)));
    expect(next.countOf('problem-solving')).toBe(1);
  });
});

/** A sync whose reporter keeps everything it is told, with the options given. */
function setupReporting(options: Partial<typeof fastOptions> = {}) {
  const fs = new MemoryFs();
  const index = new JournalIndex();
  const logs: Array<[string, string]> = [];
  const forgotten: string[] = [];
  const problems = new Map<string, number>();
  const reporter: JournalSyncReporter<string> = {
    problems: (file, list) => problems.set(file, list.length),
    forgotten: (key) => forgotten.push(key),
    log: (level, message) => logs.push([level, message]),
  };
  const sync = new JournalSync(index, fs, reporter, { ...fastOptions, ...options }, syncParser);
  sync.setRoots(['/ws/journal']);
  return { fs, index, sync, logs, forgotten, problems };
}

/** Runs `body` with Date.now() standing still, so every duration the sync measures is 0 ms. */
async function withFrozenClock<T>(body: () => Promise<T>): Promise<T> {
  const now = vi.spyOn(Date, 'now').mockReturnValue(Date.UTC(2026, 0, 1));
  try {
    return await body();
  } finally {
    now.mockRestore();
  }
}

describe('JournalSync state', () => {
  it('tells listeners when a scan starts and ends, until the listener is disposed', async () => {
    const { fs, sync } = setup();
    fs.write('/ws/journal/a.md', '#empathy');
    const seen: boolean[][] = [];
    const listener = sync.onDidChangeState(() => seen.push([sync.isScanning, sync.isValidating, sync.hasScanned]));
    expect([sync.isScanning, sync.isValidating, sync.hasScanned]).toEqual([false, false, false]);
    const scan = sync.rescan();
    expect([sync.isScanning, sync.isValidating, sync.hasScanned]).toEqual([true, false, false]);
    await scan;
    expect(seen).toEqual([
      [true, false, false],
      [false, false, true],
    ]);
    listener.dispose();
    await sync.rescan({}, { reuseUnchanged: true });
    expect(seen).toHaveLength(2);
  });

  it('stays scanning when a superseded scan ends before the scan that replaced it', async () => {
    const { fs, sync } = setup();
    fs.write('/ws/journal/2026/a.md', '#empathy');
    const states: boolean[] = [];
    sync.onDidChangeState(() => states.push(sync.isScanning));
    await withFrozenClock(async () => {
      const first = sync.rescan();
      const second = sync.rescan();
      fs.holdReads();
      // Superseded before it listed the subfolder: nothing found, nothing read.
      expect(await first).toEqual({ files: 0, read: 0, milliseconds: 0, cancelled: true });
      expect(sync.isScanning).toBe(true);
      fs.releaseReads();
      expect(await second).toEqual({ files: 1, read: 1, milliseconds: 0, cancelled: false });
    });
    expect(sync.isScanning).toBe(false);
    expect(states).toEqual([true, true, false]);
  });

  it('ends a running scan when disposed, and applies no event received before', async () => {
    vi.useFakeTimers();
    try {
      const { fs, index, sync } = setup();
      fs.write('/ws/journal/a.md', '#empathy');
      let told = 0;
      sync.onDidChangeState(() => told++);
      const scan = sync.rescan();
      expect(told).toBe(1);
      sync.changed('/ws/journal/a.md');
      sync.dispose();
      expect((await scan).cancelled).toBe(true);
      await vi.advanceTimersByTimeAsync(1000);
      expect(told).toBe(1);
      expect(sync.flushCount).toBe(0);
      expect(index.size).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('JournalSync cancellation and progress', () => {
  it('reads nothing when cancelled before the first read', async () => {
    const { fs, index, sync } = setup();
    fs.write('/ws/journal/a.md', '#empathy');
    fs.write('/ws/journal/b.md', '#empathy');
    const result = await withFrozenClock(() => sync.rescan({ isCancelled: () => true }));
    expect(result).toEqual({ files: 2, read: 0, milliseconds: 0, cancelled: true });
    expect(fs.reads.size).toBe(0);
    expect(index.size).toBe(0);
  });

  it('applies nothing of a chunk whose reads were under way when it was cancelled', async () => {
    const { fs, index, sync } = setupReporting({ applyChunk: 2 });
    for (const name of ['a', 'b', 'c']) fs.write(`/ws/journal/${name}.md`, '#empathy');
    fs.holdReads();
    let cancel = false;
    const scan = withFrozenClock(() => sync.rescan({ isCancelled: () => cancel }));
    await vi.waitFor(() => expect(fs.reads.size).toBeGreaterThan(0));
    cancel = true;
    fs.releaseReads();
    expect(await scan).toEqual({ files: 3, read: 0, milliseconds: 0, cancelled: true });
    expect(index.size).toBe(0);
    expect(fs.reads.size).toBe(2); // the first chunk only
  });

  it('runs to the end when isCancelled keeps answering no', async () => {
    const { fs, index, sync } = setup();
    fs.write('/ws/journal/a.md', '#empathy');
    const result = await withFrozenClock(() => sync.rescan({ isCancelled: () => false }));
    expect(result).toEqual({ files: 1, read: 1, milliseconds: 0, cancelled: false });
    expect(index.size).toBe(1);
  });

  it('reads nothing when a check is cancelled after its stamps were taken', async () => {
    const { fs, index, sync } = setup();
    fs.write('/ws/journal/a.md', '#empathy');
    fs.write('/ws/journal/b.md', '#empathy');
    let asked = 0;
    // No after the listing, yes after the stamps.
    const result = await withFrozenClock(() => sync.rescan({ isCancelled: () => ++asked > 1 }, { reuseUnchanged: true }));
    expect(result).toEqual({ files: 2, read: 0, milliseconds: 0, cancelled: true });
    expect(fs.stats.size).toBe(2);
    expect(fs.reads.size).toBe(0);
    expect(index.size).toBe(0);
  });

  it('reports progress per chunk and stops after the chunk in which it was cancelled', async () => {
    const { fs, index, sync } = setupReporting({ applyChunk: 2, readConcurrency: 1 });
    for (const name of ['a', 'b', 'c', 'd', 'e']) fs.write(`/ws/journal/${name}.md`, '#empathy');
    const progress: Array<[number, number]> = [];
    let cancel = false;
    const result = await withFrozenClock(() =>
      sync.rescan({
        isCancelled: () => cancel,
        progress: (done, total) => {
          progress.push([done, total]);
          cancel = true;
        },
      }),
    );
    expect(result).toEqual({ files: 5, read: 2, milliseconds: 0, cancelled: true });
    expect(progress).toEqual([[2, 5]]);
    // No chunk read after the cancel; with a parser elsewhere the second chunk was read while
    // the first was parsed, and is not applied.
    expect(fs.reads.size).toBe(syncPortMode.parser ? 4 : 2);
    expect(index.size).toBe(2);
  });

  it('reports progress once per chunk to the end when not cancelled', async () => {
    const { fs, index, sync, logs } = setupReporting({ applyChunk: 2 });
    for (const name of ['a', 'b', 'c', 'd']) fs.write(`/ws/journal/${name}.md`, '#empathy');
    const progress: Array<[number, number]> = [];
    await withFrozenClock(() => sync.rescan({ progress: (done, total) => progress.push([done, total]) }));
    expect(progress).toEqual([
      [2, 4],
      [4, 4],
    ]);
    expect(index.size).toBe(4);
    expect(logs).toEqual([['info', 'Indexed 4 entries in 0 ms (4 in the index).']]);
  });

  it('runs at most the given number of tasks at a time', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await mapLimit([1, 2, 3, 4, 5], 2, async (item) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 0));
      done.push(item);
      running--;
    });
    expect(most).toBe(2);
    expect(done.sort()).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('JournalSync restore guards', () => {
  const record = (key: string, tag: string, problems: IndexedEntry['problems'] = []): IndexedEntry => ({ key, title: 'T', day: undefined, time: Number.NaN, tags: [tag], problems, kind: 'entry', size: 1, mtime: 1e12, commitments: [], root: '/ws/journal/', follows: undefined, commitment: undefined, goal: undefined, from: undefined });

  it('restores records under any of several roots, skips the others, and keeps the counts exact', () => {
    const { index, sync, problems } = setupReporting();
    sync.setRoots(['/ws/journal', '/ws/notes/']);
    sync.changed('/ws/journal/waiting.md'); // an event not applied yet is newer than the cache
    const records = [
      record('/ws/journal/a.md', 'empathy'),
      record('/ws/notes/b.md', 'empathy', [{ message: 'Unclosed list', line: 1 }]),
      record('/ws/notes-old/c.md', 'empathy'),
      record('/ws/journal/d.txt', 'empathy'),
      record('/ws/journal/waiting.md', 'empathy'),
    ];
    index.expectRestore(countsOf(records));
    expect(index.countOf('empathy')).toBe(5);
    expect(sync.restore(records)).toBe(2);
    sync.dispose();
    expect([...index.keys()].sort()).toEqual(['/ws/journal/a.md', '/ws/notes/b.md']);
    // Each record skipped left the announced counts.
    expect(index.expectedSize).toBe(2);
    expect(index.countOf('empathy')).toBe(2);
    expect([...problems]).toEqual([['/ws/notes/b.md', 1]]);
  });

  it('does not restore a record over a file being read now', async () => {
    const { fs, index, sync } = setup();
    fs.write('/ws/journal/a.md', '#influence');
    fs.holdReads();
    const scan = sync.rescan();
    await vi.waitFor(() => expect(fs.reads.size).toBe(1));
    expect(sync.restore([record('/ws/journal/a.md', 'empathy')])).toBe(0);
    fs.releaseReads();
    await scan;
    expect(index.get('/ws/journal/a.md')?.tags).toEqual(['influence']);
  });
});

describe('JournalSync file events', () => {
  it('ignores changed files with another extension, but not folders or deletions', async () => {
    const { fs, sync } = setup();
    fs.write('/ws/journal/notes.txt', 'x');
    fs.write('/ws/journal/photo.jpeg', 'x');
    sync.changed('/ws/journal/notes.txt');
    sync.changed('/ws/journal/photo.jpeg');
    await sync.settle();
    expect(sync.flushCount).toBe(0);
    sync.deleted('/ws/journal/notes.txt');
    await sync.settle();
    expect(sync.flushCount).toBe(1);
  });

  it('applies a burst once the events stop for the debounce time', async () => {
    vi.useFakeTimers();
    try {
      const { fs, index, sync } = setupReporting({ debounceMs: 100, maxDelayMs: 250 });
      fs.write('/ws/journal/a.md', '#empathy');
      fs.write('/ws/journal/b.md', '#empathy');
      sync.changed('/ws/journal/a.md');
      await vi.advanceTimersByTimeAsync(60);
      sync.changed('/ws/journal/b.md');
      await vi.advanceTimersByTimeAsync(99); // 99 ms after the last event
      expect(sync.flushCount).toBe(0);
      await vi.advanceTimersByTimeAsync(1);
      expect(sync.flushCount).toBe(1);
      expect(index.size).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('applies a burst that never pauses once the longest wait has passed', async () => {
    vi.useFakeTimers();
    try {
      const { fs, index, sync } = setupReporting({ debounceMs: 100, maxDelayMs: 250 });
      for (let at = 0; at <= 240; at += 60) {
        fs.write(`/ws/journal/${at}.md`, '#empathy');
        sync.changed(`/ws/journal/${at}.md`);
        expect(sync.flushCount).toBe(0);
        await vi.advanceTimersByTimeAsync(at === 240 ? 9 : 60);
      }
      expect(sync.flushCount).toBe(0); // 249 ms after the first event
      await vi.advanceTimersByTimeAsync(1);
      expect(sync.flushCount).toBe(1);
      expect(index.size).toBe(5);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps an entry that a file event brought in while a scan was running', async () => {
    const { fs, index, sync } = setup();
    fs.write('/ws/journal/a.md', '#empathy');
    const read = fs.readFile.bind(fs);
    let openGate: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    fs.readFile = async (path: string, maxBytes?: number, headBytes?: number) => {
      if (path === '/ws/journal/a.md') await gate; // the scan's read waits
      return read(path, maxBytes, headBytes);
    };
    const scan = sync.rescan();
    await vi.waitFor(() => expect(sync.isScanning).toBe(true));
    fs.write('/ws/journal/b.md', '#influence');
    sync.changed('/ws/journal/b.md');
    await vi.waitFor(() => expect(index.get('/ws/journal/b.md')).toBeDefined());
    openGate();
    await scan;
    expect([...index.keys()].sort()).toEqual(['/ws/journal/a.md', '/ws/journal/b.md']);
  });

  it('waits in settle for events and scans that arrive while a batch is applied', async () => {
    const { fs, index, sync } = setup();
    fs.write('/ws/journal/a.md', '#empathy');
    const read = fs.readFile.bind(fs);
    let arrived = false;
    fs.readFile = async (path: string, maxBytes?: number, headBytes?: number) => {
      if (!arrived) {
        arrived = true;
        fs.write('/ws/journal/b.md', '#influence');
        sync.changed('/ws/journal/b.md');
      }
      return read(path, maxBytes, headBytes);
    };
    sync.changed('/ws/journal/a.md');
    await sync.settle();
    expect([...index.keys()].sort()).toEqual(['/ws/journal/a.md', '/ws/journal/b.md']);
  });

  it('waits in settle for a scan started while a batch is applied', async () => {
    const { fs, index, sync } = setup();
    fs.write('/ws/journal/a.md', '#empathy');
    const read = fs.readFile.bind(fs);
    let started = false;
    fs.readFile = async (path: string, maxBytes?: number, headBytes?: number) => {
      if (!started) {
        started = true;
        fs.write('/ws/journal/2026/c.md', '#influence');
        void sync.rescan();
      }
      return read(path, maxBytes, headBytes);
    };
    sync.changed('/ws/journal/a.md');
    await sync.settle();
    expect([...index.keys()].sort()).toEqual(['/ws/journal/2026/c.md', '/ws/journal/a.md']);
  });

  it('reports each forgotten entry once, of a file and of a folder, and nothing under a sibling folder', async () => {
    const { fs, index, sync, forgotten } = setupReporting();
    fs.write('/ws/journal/a.md', '#empathy');
    fs.write('/ws/journal/2026/b.md', '#empathy');
    fs.write('/ws/journal/2026/10/c.md', '#empathy');
    fs.write('/ws/journal/2026-archive/d.md', '#empathy');
    await sync.rescan();
    fs.reads.clear();
    fs.remove('/ws/journal/a.md');
    fs.remove('/ws/journal/2026/b.md');
    fs.remove('/ws/journal/2026/10/c.md');
    sync.deleted('/ws/journal/a.md');
    sync.deleted('/ws/journal/2026');
    await sync.settle();
    expect(forgotten.sort()).toEqual(['/ws/journal/2026/10/c.md', '/ws/journal/2026/b.md', '/ws/journal/a.md']);
    expect([...index.keys()]).toEqual(['/ws/journal/2026-archive/d.md']);
    expect(fs.reads.size).toBe(0); // a deletion reads nothing
  });

  it('drops an entry whose file is gone when a change is reported, and reports only what it knew', async () => {
    const { fs, index, sync, forgotten, logs } = setupReporting();
    fs.write('/ws/journal/a.md', '#empathy');
    fs.write('/ws/journal/keep.md', '#empathy');
    await sync.rescan();
    logs.length = 0;
    fs.remove('/ws/journal/a.md');
    sync.changed('/ws/journal/a.md');
    sync.changed('/ws/journal/never.md');
    await sync.settle();
    expect([...index.keys()]).toEqual(['/ws/journal/keep.md']);
    expect(forgotten).toEqual(['/ws/journal/a.md']);
    expect(logs).toEqual([['debug', 'Applied 2 file event(s); re-read 2 file(s).']]);
  });

  it('does not list a changed path that is a file without an extension, and skips a path that is gone', async () => {
    const { fs, index, sync, logs } = setupReporting();
    await sync.rescan();
    logs.length = 0;
    const listed: string[] = [];
    const list = fs.readDirectory.bind(fs);
    fs.readDirectory = (dir: string) => {
      listed.push(dir);
      return list(dir);
    };
    fs.write('/ws/journal/README', '#empathy');
    fs.write('/ws/journal/b.md', '#influence');
    sync.changed('/ws/journal/README');
    sync.changed('/ws/journal/gone');
    sync.changed('/ws/journal/b.md');
    await sync.settle();
    expect(listed).toEqual([]);
    expect([...index.keys()]).toEqual(['/ws/journal/b.md']);
    expect(logs).toEqual([
      ['debug', 'Not read: /ws/journal/gone (gone).'],
      ['debug', 'Applied 3 file event(s); re-read 1 file(s).'],
    ]);
  });

  it('applies a batch that found nothing to do without counting an empty one', async () => {
    vi.useFakeTimers();
    try {
      const { fs, sync } = setupReporting({ debounceMs: 100, maxDelayMs: 250 });
      fs.write('/ws/journal/a.md', '#empathy');
      fs.write('/ws/journal/b.md', '#empathy');
      fs.write('/ws/journal/c.md', '#empathy');
      fs.holdReads();
      sync.changed('/ws/journal/a.md');
      await vi.advanceTimersByTimeAsync(100); // the first batch starts, its read held
      sync.changed('/ws/journal/b.md');
      await vi.advanceTimersByTimeAsync(100); // the second batch waits behind the first
      sync.changed('/ws/journal/c.md'); // taken by the second batch when it starts
      fs.releaseReads();
      await vi.advanceTimersByTimeAsync(1000);
      expect(sync.flushCount).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('JournalSync log lines', () => {
  it('says how many entries a full scan and a check found, read and dropped', async () => {
    const { fs, sync, logs } = setupReporting();
    fs.write('/ws/journal/a.md', '#empathy');
    fs.write('/ws/journal/b.md', '#empathy');
    fs.write('/ws/journal/c.md', '#empathy');
    await withFrozenClock(() => sync.rescan());
    fs.write('/ws/journal/a.md', '#influence');
    fs.remove('/ws/journal/b.md');
    await withFrozenClock(() => sync.rescan({}, { reuseUnchanged: true }));
    expect(logs).toEqual([
      ['info', 'Indexed 3 entries in 0 ms (3 in the index).'],
      ['info', 'Checked 2 entries in 0 ms: 1 read again, 1 gone (2 in the index).'],
    ]);
  });

  it('says none is gone when every record\'s file is still there', async () => {
    const { fs, sync, logs } = setupReporting();
    fs.write('/ws/journal/a.md', '#empathy');
    fs.write('/ws/journal/b.md', '#empathy');
    await withFrozenClock(() => sync.rescan());
    await withFrozenClock(() => sync.rescan({}, { reuseUnchanged: true }));
    expect(logs.at(-1)).toEqual(['info', 'Checked 2 entries in 0 ms: 0 read again, 0 gone (2 in the index).']);
  });

  it('warns of a folder it cannot list, of a file it cannot read and of one over the size limit, not of one at it', async () => {
    const { fs, index, sync, logs } = setupReporting({ maxFileBytes: 20 });
    fs.write('/ws/journal/locked/a.md', '#empathy');
    fs.write('/ws/journal/secret.md', '#empathy');
    fs.write('/ws/journal/at-limit.md', `#empathy ${'x'.repeat(11)}`);
    fs.write('/ws/journal/over.md', `#empathy ${'x'.repeat(12)}`);
    const list = fs.readDirectory.bind(fs);
    fs.readDirectory = async (dir: string) => {
      if (dir === '/ws/journal/locked') throw new Error('EACCES locked');
      return list(dir);
    };
    const read = fs.readFile.bind(fs);
    fs.readFile = async (path: string, maxBytes?: number, headBytes?: number) => {
      if (path === '/ws/journal/secret.md') throw new Error('EACCES secret');
      return read(path, maxBytes, headBytes);
    };
    await withFrozenClock(() => sync.rescan());
    expect(logs.filter(([level]) => level === 'warn').sort()).toEqual([
      ['warn', '/ws/journal/over.md is over the size limit; only its front matter is indexed.'],
      ['warn', 'Cannot list /ws/journal/locked: Error: EACCES locked'],
      ['warn', 'Cannot read /ws/journal/secret.md: Error: EACCES secret'],
    ]);
    expect([...index.keys()].sort()).toEqual(['/ws/journal/at-limit.md', '/ws/journal/over.md']);
  });

  it('says nothing of a file or a folder that vanished before it was read', async () => {
    const { fs, sync, logs } = setupReporting();
    fs.write('/ws/journal/a.md', '#empathy');
    fs.write('/ws/journal/2026/b.md', '#empathy');
    const list = fs.readDirectory.bind(fs);
    fs.readDirectory = async (dir: string) => {
      const children = await list(dir);
      if (dir === '/ws/journal') {
        fs.remove('/ws/journal/a.md');
        fs.remove('/ws/journal/2026/b.md');
      }
      return children;
    };
    await withFrozenClock(() => sync.rescan());
    // The file listed was tried (one read), and gone: no warning.
    expect(logs).toEqual([['info', 'Indexed 1 entries in 0 ms (0 in the index).']]);
  });

  it('logs why a changed path was not read, and warns when a root became a link', async () => {
    const { fs, sync, logs } = setupReporting();
    fs.write('/ws/journal/a.md', '#empathy');
    await sync.rescan();
    logs.length = 0;
    fs.write('/ws/journal/linked/b.md', '#secret');
    fs.link('/ws/journal/linked');
    sync.changed('/ws/journal/linked/b.md');
    await sync.settle();
    fs.link('/ws/journal');
    sync.changed('/ws/journal/a.md');
    await sync.settle();
    expect(logs).toEqual([
      ['debug', 'Not read: /ws/journal/linked/b.md (link).'],
      ['debug', 'Applied 1 file event(s); re-read 0 file(s).'],
      ['debug', 'Not read: /ws/journal/a.md (unsafe-root).'],
      ['warn', '/ws/journal is no longer a folder reached without symbolic links: its entries left the index until Refresh.'],
      ['debug', 'Applied 1 file event(s); re-read 0 file(s).'],
    ]);
  });

  it('warns when a batch of events failed', async () => {
    const { fs, sync, logs } = setupReporting();
    await sync.rescan();
    logs.length = 0;
    fs.stat = () => {
      throw new Error('the file system went away');
    };
    fs.write('/ws/journal/a.md', '#empathy');
    sync.changed('/ws/journal/a.md');
    await sync.settle();
    expect(logs).toEqual([['warn', 'A batch of file events failed and was skipped: Error: the file system went away']]);
  });
});

describe('JournalSync check with the port statAll', () => {
  it('reads every file on a full scan, even one whose size and mtime did not change', async () => {
    const { fs, index, sync } = setup();
    fs.write('/ws/journal/a.md', '#empathy');
    await sync.rescan();
    fs.writeKeepingMtime('/ws/journal/a.md', '#influen'); // same size, same mtime
    await sync.rescan();
    expect(index.get('/ws/journal/a.md')?.tags).toEqual(['influen']);
  });

  it('asks statAll for every stamp, and reads a file whose stamp it could not give', async () => {
    const { fs, index, sync } = setup();
    fs.write('/ws/journal/a.md', '#empathy');
    fs.write('/ws/journal/b.md', '#empathy');
    await sync.rescan();
    fs.reads.clear();
    fs.stats.clear();
    fs.writeKeepingMtime('/ws/journal/a.md', '#influe');
    (fs as JournalFileSystem<string>).statAll = async (paths) => paths.map((path) => (path === '/ws/journal/a.md' ? undefined : { kind: 'file' as const, size: 8, mtime: fs.mtimes.get(path)! }));
    await sync.rescan({}, { reuseUnchanged: true });
    expect(fs.stats.size).toBe(0);
    expect([...fs.reads.keys()]).toEqual(['/ws/journal/a.md']);
    expect(index.get('/ws/journal/a.md')?.tags).toEqual(['influe']);
    expect(index.get('/ws/journal/b.md')?.tags).toEqual(['empathy']);
  });
});

describe('JournalSync read tickets', () => {
  /** Holds every read until released, each by its own gate, in the order they started. */
  function holdEachRead(fs: MemoryFs): Array<() => void> {
    const gates: Array<() => void> = [];
    const read = fs.readFile.bind(fs);
    fs.readFile = async (path: string, maxBytes?: number, headBytes?: number) => {
      const result = read(path, maxBytes, headBytes); // what the disk holds when the read starts
      await new Promise<void>((resolve) => gates.push(resolve));
      return result;
    };
    return gates;
  }

  it('never lets a scan read win over a delete and a newer read of the same file', async () => {
    const { fs, index, sync } = setup();
    fs.write('/ws/journal/keep.md', '#retro');
    fs.write('/ws/journal/a.md', '#empathy');
    const gates = holdEachRead(fs);
    const scan = sync.rescan();
    await vi.waitFor(() => expect(gates).toHaveLength(2));
    fs.remove('/ws/journal/a.md');
    sync.deleted('/ws/journal/a.md');
    await vi.waitFor(() => expect(sync.flushCount).toBe(1));
    fs.write('/ws/journal/a.md', '#influence');
    sync.changed('/ws/journal/a.md');
    await vi.waitFor(() => expect(gates).toHaveLength(3));
    gates[0]();
    gates[1]();
    await scan; // the scan's read of the old a.md ends first
    gates[2]();
    await sync.settle();
    expect(index.get('/ws/journal/a.md')?.tags).toEqual(['influence']);
  });

  it('never lets a scan read bring back an entry of a folder deleted meanwhile', async () => {
    const { fs, index, sync } = setup();
    fs.write('/ws/journal/keep.md', '#retro');
    fs.write('/ws/journal/f/a.md', '#empathy');
    await sync.rescan();
    const gates = holdEachRead(fs);
    const scan = sync.rescan();
    await vi.waitFor(() => expect(gates).toHaveLength(2));
    fs.remove('/ws/journal/f/a.md');
    sync.deleted('/ws/journal/f');
    await vi.waitFor(() => expect(index.get('/ws/journal/f/a.md')).toBeUndefined());
    gates[0]();
    gates[1]();
    await scan;
    await sync.settle();
    expect([...index.keys()]).toEqual(['/ws/journal/keep.md']);
  });
  it('never lets a scan read bring back a file new in a folder deleted meanwhile', async () => {
    // The new file is read last, so its ticket is the one before the delete's: a ticket counter
    // that went down instead of up would hand that number back to it.
    const { fs, index, sync, logs } = setupReporting();
    fs.write('/ws/journal/keep.md', '#retro');
    await sync.rescan();
    fs.write('/ws/journal/f/new.md', '#empathy');
    const gates = holdEachRead(fs);
    const scan = sync.rescan();
    await vi.waitFor(() => expect(gates).toHaveLength(2));
    fs.remove('/ws/journal/f/new.md');
    sync.deleted('/ws/journal/f');
    // The delete is applied while both reads are still held.
    await vi.waitFor(() => expect(logs).toContainEqual(['debug', 'Applied 1 file event(s); re-read 0 file(s).']));
    gates.forEach((open) => open());
    await scan;
    await sync.settle();
    expect([...index.keys()]).toEqual(['/ws/journal/keep.md']);
  });
});

describe('JournalSync settle', () => {
  it('waits for a running scan whose reads each take a turn of the event loop', async () => {
    const { fs, index, sync } = setup();
    fs.write('/ws/journal/a.md', '#empathy');
    fs.write('/ws/journal/b.md', '#empathy');
    const read = fs.readFile.bind(fs);
    fs.readFile = async (path: string, maxBytes?: number, headBytes?: number) => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      return read(path, maxBytes, headBytes);
    };
    void sync.rescan();
    await sync.settle();
    expect(index.size).toBe(2);
    expect(sync.isScanning).toBe(false);
  });
});

describe('JournalSync check of a file replaced while it runs', () => {
  it('neither reads nor keeps a file that became a link between the listing and its stamp', async () => {
    const { fs, index, sync } = setup();
    fs.write('/ws/journal/a.md', '#empathy');
    fs.write('/ws/journal/b.md', '#empathy');
    await sync.rescan();
    fs.reads.clear();
    const list = fs.readDirectory.bind(fs);
    fs.readDirectory = async (dir: string) => {
      const children = await list(dir);
      fs.link('/ws/journal/a.md'); // listed as a file, a link by the time it is stamped
      return children;
    };
    await sync.rescan({}, { reuseUnchanged: true });
    expect(fs.reads.size).toBe(0);
    expect([...index.keys()]).toEqual(['/ws/journal/b.md']);
  });
});

describe('JournalSync stamps of what it read', () => {
  it('keeps the mtime of a file last written over 3 s before the read, and not of one written within 3 s', async () => {
    // RACY_MTIME_MS: on a file system with one-second mtimes, a write in the same second as the
    // read leaves the mtime unchanged, so such a read must be checked again next time.
    const { fs, index, sync } = setup();
    fs.write('/ws/journal/old.md', '#empathy');
    fs.write('/ws/journal/recent.md', '#empathy');
    const now = Date.now();
    fs.mtimes.set('/ws/journal/old.md', now - 5_000);
    fs.mtimes.set('/ws/journal/recent.md', now - 1_500);
    await sync.rescan();
    expect(index.get('/ws/journal/old.md')?.mtime).toBe(now - 5_000);
    expect(index.get('/ws/journal/recent.md')?.mtime).toBe(-1);
  });
});

describe('JournalSync with a ChunkParser', () => {
  function withParser(parseAll: ChunkParser['parseAll'], minFiles: number) {
    const fs = new MemoryFs();
    const index = new JournalIndex();
    const logs: Array<[string, string]> = [];
    const parser: ChunkParser = { minFiles, parseAll };
    const sync = new JournalSync(index, fs, { ...quietReporter, log: (level, message) => logs.push([level, message]) }, { ...fastOptions, applyChunk: 2 }, parser);
    sync.setRoots(['/ws/journal']);
    for (const name of ['a', 'b', 'c']) fs.write(`/ws/journal/${name}.md`, `# ${name.toUpperCase()}\n#empathy`);
    fs.write('/ws/journal/d.md', '#influence');
    return { fs, index, sync, logs };
  }
  const here = (files: readonly FileToParse[], maxBytes: number) => files.map(({ bytes, name, size }) => parseEntryBytes(bytes, name, maxBytes, size));

  it('parses a read of at least minFiles files with it, a chunk at a time, and a smaller one on the spot', async () => {
    const calls: string[][] = [];
    const { index, sync } = withParser(async (files, maxBytes) => {
      calls.push(files.map((file) => file.name));
      return here(files, maxBytes);
    }, 4);
    await sync.rescan();
    expect(calls).toEqual([
      ['a.md', 'b.md'],
      ['c.md', 'd.md'],
    ]);
    expect(index.countOf('empathy')).toBe(3);
    expect(index.get('/ws/journal/d.md')?.tags).toEqual(['influence']);
    calls.length = 0;
    const small = withParser(async (files, maxBytes) => {
      calls.push(files.map((file) => file.name));
      return here(files, maxBytes);
    }, 5);
    await small.sync.rescan();
    expect(calls).toEqual([]);
    expect(small.index.size).toBe(4);
  });

  it('sends it only the files that were read, and gives each its own entry back', async () => {
    const { fs, index, sync } = withParser(async (files, maxBytes) => here(files, maxBytes), 0);
    fs.link('/ws/journal/b.md'); // listed as a file, refused when read: not sent to the parser
    const read = fs.readFile.bind(fs);
    fs.readFile = async (path: string, maxBytes?: number, headBytes?: number) => {
      if (path === '/ws/journal/a.md') throw Object.assign(new Error('ENOENT'), { notFound: true });
      return read(path, maxBytes, headBytes);
    };
    await sync.rescan();
    expect([...index.keys()].sort()).toEqual(['/ws/journal/c.md', '/ws/journal/d.md']);
    expect(index.get('/ws/journal/c.md')?.title).toBe('C');
    expect(index.get('/ws/journal/d.md')?.tags).toEqual(['influence']);
  });

  it.each([
    ['rejects', async () => Promise.reject(new Error('worker gone')), 'Error: worker gone'],
    ['answers with too few entries', async () => [], 'Error: 0 entries parsed for 2 files'],
  ])('parses on the spot, and says so, when it %s', async (_, parseAll, why) => {
    const { index, sync, logs } = withParser(parseAll, 0);
    await sync.rescan();
    expect(index.countOf('empathy')).toBe(3);
    expect(index.get('/ws/journal/a.md')?.title).toBe('A');
    const warning = ['warn', `Parsing elsewhere failed (${why}); parsing here instead.`];
    expect(logs.filter(([level]) => level === 'warn')).toEqual([warning, warning]); // one per chunk
  });
});

describe('JournalSync with the port readAll', () => {
  it('reads a chunk at a time through it, never one file at a time', async () => {
    const { fs, index, sync } = setupReporting({ applyChunk: 2 });
    for (const name of ['a', 'b', 'c', 'd', 'e']) fs.write(`/ws/journal/${name}.md`, '#empathy');
    const readOne = fs.readFile.bind(fs);
    const chunks: string[][] = [];
    (fs as JournalFileSystem<string>).readAll = async (paths, maxBytes, headBytes) => {
      chunks.push([...paths]);
      return Promise.all(paths.map((path) => readOne(path, maxBytes, headBytes).then((read) => read, (error: unknown) => ({ error }))));
    };
    fs.readFile = async () => {
      throw new Error('read one at a time');
    };
    await sync.rescan();
    expect(chunks.map((chunk) => chunk.length)).toEqual([2, 2, 1]);
    expect(chunks.flat().sort()).toEqual(['a', 'b', 'c', 'd', 'e'].map((name) => `/ws/journal/${name}.md`));
    expect(index.countOf('empathy')).toBe(5);
  });
});
