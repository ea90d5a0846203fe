import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, lstatSync, rmSync, statSync, symlinkSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JournalIndex } from '../../src/core/journalIndex';
import { FileKind, JournalFileSystem, JournalSync } from '../../src/core/journalSync';
import { NotARegularFileError, createExclusive, readRegularFile } from '../../src/platform/nodeFiles';

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

/** JournalSync over Node's fs with the extension's own reader: what the Node host does. */
function nodePort(): JournalFileSystem<string> {
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
    stat: async (path) => ({ kind: kind(path), size: lstatSync(path).size, mtime: lstatSync(path).mtimeMs }),
    readFile: (path, maxBytes, headBytes) => readRegularFile(path, maxBytes, headBytes),
    isNotFound: (error) => (error as { code?: string }).code === 'ENOENT',
  };
}

describe('JournalSync on a real disk with symbolic links', () => {
  it('indexes nothing from outside the journal, by scan or by file event', async () => {
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
    const sync = new JournalSync(index, nodePort(), { problems: () => undefined, forgotten: () => undefined, log: () => undefined }, {
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
