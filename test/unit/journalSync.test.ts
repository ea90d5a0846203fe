import { describe, expect, it } from 'vitest';
import { JournalIndex } from '../../src/core/journalIndex';
import { FileKind, JournalFileSystem, JournalSync, JournalSyncReporter } from '../../src/core/journalSync';

/** An in-memory file tree keyed by path; reads can be held back to stage races. */
class MemoryFs implements JournalFileSystem<string> {
  readonly files = new Map<string, string>();
  /** Paths listed as neither file nor folder (symbolic links, sockets): never to be followed. */
  readonly others = new Set<string>();
  readonly reads = new Map<string, number>();
  private gate: Promise<void> | undefined;
  private openGate: (() => void) | undefined;

  write(path: string, text: string): void {
    this.files.set(path, text);
  }

  holdReads(): void {
    this.gate = new Promise((resolve) => (this.openGate = resolve));
  }

  releaseReads(): void {
    this.openGate?.();
    this.gate = undefined;
  }

  key = (path: string) => path;
  baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
  child = (dir: string, name: string) => `${dir}/${name}`;

  async readDirectory(dir: string): Promise<Array<[string, FileKind]>> {
    const prefix = `${dir}/`;
    const children = new Map<string, FileKind>();
    for (const path of this.files.keys()) {
      if (!path.startsWith(prefix)) continue;
      const rest = path.slice(prefix.length);
      const slash = rest.indexOf('/');
      const name = slash === -1 ? rest : rest.slice(0, slash);
      children.set(name, this.others.has(`${prefix}${name}`) ? 'other' : slash === -1 ? 'file' : 'directory');
    }
    if (children.size === 0) throw Object.assign(new Error(`ENOENT ${dir}`), { notFound: true });
    return [...children];
  }

  async readFile(path: string): Promise<Uint8Array> {
    this.reads.set(path, (this.reads.get(path) ?? 0) + 1);
    const text = this.files.get(path); // what the disk holds when the read starts
    if (this.gate) await this.gate;
    if (text === undefined) throw Object.assign(new Error(`ENOENT ${path}`), { notFound: true });
    return new TextEncoder().encode(text);
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
});
