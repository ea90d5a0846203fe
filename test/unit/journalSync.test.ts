import { describe, expect, it } from 'vitest';
import { decodeIndexCache, encodeIndexCache } from '../../src/core/indexCache';
import { IndexedEntry, JournalIndex } from '../../src/core/journalIndex';
import { FileKind, FileStamp, JournalFileSystem, JournalSync, JournalSyncReporter } from '../../src/core/journalSync';

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

const quietReporter: JournalSyncReporter<string> = { problems: () => undefined, forgotten: () => undefined, log: () => undefined };
const fastOptions = { readConcurrency: 8, debounceMs: 5, maxDelayMs: 50, maxFileBytes: 1024 * 1024, applyChunk: 100 };

function setup() {
  const fs = new MemoryFs();
  const index = new JournalIndex();
  const problems = new Map<string, number>();
  const sync = new JournalSync(index, fs, { ...quietReporter, problems: (file, list) => problems.set(file, list.length) }, fastOptions);
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

  it('leaves no ghost when a file is deleted while the scan is reading it', async () => {
    const { fs, index, sync } = setup();
    fs.write('/ws/journal/a.md', '#empathy');
    fs.write('/ws/journal/b.md', '#empathy');
    fs.holdReads();
    const scan = sync.rescan();
    await new Promise((resolve) => setTimeout(resolve, 5));
    fs.files.delete('/ws/journal/a.md');
    sync.deleted('/ws/journal/a.md');
    await new Promise((resolve) => setTimeout(resolve, 20)); // the delete is applied first
    fs.releaseReads();
    await scan;
    await sync.settle();
    expect([...index.keys()]).toEqual(['/ws/journal/b.md']);
    expect(index.countOf('empathy')).toBe(1);
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
    const sync = new JournalSync(index, fs, quietReporter, { ...fastOptions, maxFileBytes: 1000 });
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
    const sync = new JournalSync(index, fs, quietReporter, fastOptions);
    sync.setRoots(['/ws/journal']);
    return sync.rescan().then(() => index);
  }

  /** A session that scans and writes its cache, the disk changed while closed, the next session. */
  async function reload(fs: MemoryFs, whileClosed: () => void) {
    const firstIndex = new JournalIndex();
    const firstSync = new JournalSync(firstIndex, fs, quietReporter, fastOptions);
    firstSync.setRoots(['/ws/journal']);
    await firstSync.rescan();
    const bytes = encodeIndexCache(identity, firstIndex.values());
    whileClosed();
    fs.reads.clear();
    const index = new JournalIndex();
    const problems = new Map<string, number>();
    const sync = new JournalSync(index, fs, { ...quietReporter, problems: (file, list) => problems.set(file, list.length) }, fastOptions);
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
    const sync = new JournalSync(index, fs, quietReporter, fastOptions);
    sync.setRoots(['/ws/journal']);
    await sync.rescan();
    const bytes = encodeIndexCache(identity, index.values());
    const next = new JournalIndex();
    const nextSync = new JournalSync(next, fs, quietReporter, fastOptions);
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
