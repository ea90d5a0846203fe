import { describe, expect, it } from 'vitest';
import type { FileKind, FileStamp, JournalFileSystem } from '../../src/core/journalFileSystem';
import { PathChecks, childPath, isMarkdownName } from '../../src/core/journalPaths';
import { posix } from 'node:path';

// Whether a path a file watcher reported may be read: under a root, reached through real folders
// only. Every verdict below is written by hand from the fixture, on a port whose disk is a map of
// path -> kind, and which counts the stats it is asked for.

interface FakeDisk {
  readonly fs: JournalFileSystem<string>;
  readonly stats: string[];
  readonly rootChecks: string[];
}

function disk(kinds: Record<string, FileKind>, options: { rootIsSafe?: (root: string) => boolean | Promise<boolean>; parent?: (path: string) => string } = {}): FakeDisk {
  const stats: string[] = [];
  const rootChecks: string[] = [];
  const fs: JournalFileSystem<string> = {
    key: (path) => path,
    fromKey: (key) => key,
    baseName: (path) => path.slice(path.lastIndexOf('/') + 1),
    child: (folder, name) => `${folder}/${name}`,
    parent: options.parent ?? ((path) => path.slice(0, Math.max(path.lastIndexOf('/'), 1))),
    readDirectory: async () => [],
    async stat(path): Promise<FileStamp> {
      stats.push(path);
      const kind = kinds[path];
      if (kind === undefined) throw Object.assign(new Error(`${path}: not found`), { code: 'ENOENT' });
      return { kind, size: 1, mtime: 1 };
    },
    readFile: async () => {
      throw new Error('PathChecks never reads');
    },
    isNotFound: () => true,
    ...(options.rootIsSafe
      ? {
          rootIsSafe: async (root: string) => {
            rootChecks.push(root);
            return options.rootIsSafe!(root);
          },
        }
      : {}),
  };
  return { fs, stats, rootChecks };
}

const JOURNAL: Record<string, FileKind> = {
  '/ws/journal': 'directory',
  '/ws/journal/2026': 'directory',
  '/ws/journal/2026/11': 'directory',
  '/ws/journal/linked': 'other', // a symbolic link to a folder outside
  // lstat of a path *through* the link sees the folders outside as folders:
  '/ws/journal/linked/deep': 'directory',
  '/ws/journal/linked/deep/er': 'directory',
  '/ws/journal/2026/linked': 'other',
  '/ws/journal/2026/11/a.md': 'file',
  '/ws/journal/2026/note.md': 'other', // a link named .md: the reader refuses it, not this check
  '/ws/journal/assets': 'directory',
};

describe('PathChecks.rootOf', () => {
  const { fs } = disk(JOURNAL);
  it('finds the root a path lies under, the root itself included, and not a sibling that shares its prefix', () => {
    const checks = new PathChecks(fs, ['/ws/journal', '/ws/other']);
    expect(checks.rootOf('/ws/journal')).toBe('/ws/journal');
    expect(checks.rootOf('/ws/journal/2026/11/a.md')).toBe('/ws/journal');
    expect(checks.rootOf('/ws/other/b.md')).toBe('/ws/other');
    expect(checks.rootOf('/ws/journal-old/a.md')).toBeUndefined();
    expect(checks.rootOf('/ws/journalx')).toBeUndefined();
    expect(checks.rootOf('/ws')).toBeUndefined();
  });

  it('takes a root written with a trailing slash', () => {
    const checks = new PathChecks(fs, ['/ws/journal/']);
    expect(checks.rootOf('/ws/journal/a.md')).toBe('/ws/journal/');
    expect(checks.rootOf('/ws/journal-old/a.md')).toBeUndefined();
  });
});

describe('PathChecks.reachableWithoutLinks', () => {
  const verdict = (kinds: Record<string, FileKind>, path: string, options?: Parameters<typeof disk>[1]) =>
    new PathChecks(disk(kinds, options).fs, ['/ws/journal']).reachableWithoutLinks(path);

  it('says ok for an entry under real folders, and for the root itself', async () => {
    expect(await verdict(JOURNAL, '/ws/journal/2026/11/a.md')).toBe('ok');
    expect(await verdict(JOURNAL, '/ws/journal')).toBe('ok');
    expect(await verdict(JOURNAL, '/ws/journal/assets')).toBe('ok');
  });

  it('says outside for a path under no root', async () => {
    expect(await verdict(JOURNAL, '/ws/journal-old/a.md')).toBe('outside');
    expect(await verdict(JOURNAL, '/etc/passwd')).toBe('outside');
  });

  it('says link when any folder between the root and the path is a link, at any depth', async () => {
    expect(await verdict(JOURNAL, '/ws/journal/linked/a.md')).toBe('link');
    expect(await verdict(JOURNAL, '/ws/journal/linked/deep/er/a.md')).toBe('link');
    expect(await verdict(JOURNAL, '/ws/journal/2026/linked/a.md')).toBe('link');
    expect(await verdict({ ...JOURNAL, '/ws/journal/2026': 'file' }, '/ws/journal/2026/11/a.md')).toBe('link');
  });

  it('says link for a reported folder (not a .md name) that is itself a link', async () => {
    expect(await verdict(JOURNAL, '/ws/journal/linked')).toBe('link');
    expect(await verdict(JOURNAL, '/ws/journal/2026/linked')).toBe('link');
  });

  it('leaves a .md path that is itself a link to the reader (which refuses it): no stat of it here', async () => {
    const { fs, stats } = disk(JOURNAL);
    expect(await new PathChecks(fs, ['/ws/journal']).reachableWithoutLinks('/ws/journal/2026/note.md')).toBe('ok');
    expect(stats).toEqual(['/ws/journal', '/ws/journal/2026']);
    const upper = disk(JOURNAL);
    expect(await new PathChecks(upper.fs, ['/ws/journal']).reachableWithoutLinks('/ws/journal/2026/NOTE.MD')).toBe('ok');
    expect(upper.stats).toEqual(['/ws/journal', '/ws/journal/2026']);
  });

  it('says gone when a folder on the way, the reported folder or the root is not there', async () => {
    expect(await verdict(JOURNAL, '/ws/journal/2025/12/a.md')).toBe('gone');
    expect(await verdict(JOURNAL, '/ws/journal/2026/10/a.md')).toBe('gone');
    expect(await verdict(JOURNAL, '/ws/journal/2026/10')).toBe('gone');
    const noRoot = Object.fromEntries(Object.entries(JOURNAL).filter(([path]) => path !== '/ws/journal'));
    expect(await verdict(noRoot, '/ws/journal/2026/11/a.md')).toBe('gone');
  });

  it('says unsafe-root for a root that is a link or a file, or that the port finds unsafe (or fails to check)', async () => {
    expect(await verdict({ ...JOURNAL, '/ws/journal': 'other' }, '/ws/journal/2026/11/a.md')).toBe('unsafe-root');
    expect(await verdict({ ...JOURNAL, '/ws/journal': 'file' }, '/ws/journal/2026/11/a.md')).toBe('unsafe-root');
    expect(await verdict(JOURNAL, '/ws/journal/2026/11/a.md', { rootIsSafe: () => false })).toBe('unsafe-root');
    expect(
      await verdict(JOURNAL, '/ws/journal/2026/11/a.md', {
        rootIsSafe: () => {
          throw new Error('cannot tell');
        },
      }),
    ).toBe('unsafe-root');
    expect(await verdict(JOURNAL, '/ws/journal/2026/11/a.md', { rootIsSafe: () => true })).toBe('ok');
  });

  it('stops with outside when the port gives a parent that is not shorter (no endless walk)', async () => {
    const stuck = (path: string) => (path === '/ws/journal/2026/11/a.md' ? path : path.slice(0, Math.max(path.lastIndexOf('/'), 1)));
    expect(await verdict(JOURNAL, '/ws/journal/2026/11/a.md', { parent: stuck })).toBe('outside');
    const longer = (path: string) => (path === '/ws/journal/2026/11/a.md' ? `${path}/x` : path.slice(0, Math.max(path.lastIndexOf('/'), 1)));
    expect(await verdict(JOURNAL, '/ws/journal/2026/11/a.md', { parent: longer })).toBe('outside');
  });

  it('looks at each folder and each root once per batch, however many events it has', async () => {
    const { fs, stats, rootChecks } = disk(JOURNAL, { rootIsSafe: () => true });
    const checks = new PathChecks(fs, ['/ws/journal']);
    const paths = ['/ws/journal/2026/11/a.md', '/ws/journal/2026/11/b.md', '/ws/journal/2026/c.md', '/ws/journal/2026/11/d.md'];
    expect(await Promise.all(paths.map((path) => checks.reachableWithoutLinks(path)))).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect([...stats].sort()).toEqual(['/ws/journal', '/ws/journal/2026', '/ws/journal/2026/11']);
    expect(rootChecks).toEqual(['/ws/journal']);
    // A new batch (a new PathChecks) looks again.
    await new PathChecks(fs, ['/ws/journal']).reachableWithoutLinks('/ws/journal/2026/11/a.md');
    expect(stats.length).toBe(6);
    expect(rootChecks.length).toBe(2);
  });
});

describe('isMarkdownName', () => {
  it('takes .md in any case, and nothing else', () => {
    expect(['a.md', 'A.MD', 'b.Md', '.md'].map(isMarkdownName)).toEqual([true, true, true, true]);
    expect(['a.markdown', 'a.md.txt', 'a.mdx', 'md', 'a-md'].map(isMarkdownName)).toEqual([false, false, false, false, false]);
  });
});

// The reference is Node's POSIX join (what VS Code's Uri.joinPath uses), not the code under test.
describe('childPath: a listed name appended as a POSIX join would', () => {
  const folders = ['/', '/ws', '/ws/journal', '/ws/journal/2026/11', '/c:/Users/me/journal', '/ws/a b/%41'];
  const names = ['2026-11-02-retro.md', 'a b.md', 'x#y%z.md', 'día.md', '...md', '..x', 'x..', '.md', 'a.b.c', '12'];
  it.each(folders.flatMap((folder) => names.map((name) => [folder, name])))('%s + %s', (folder, name) => {
    expect(childPath(folder, name)).toBe(posix.join(folder, name));
  });

  it.each(['', '.', '..', 'a/b', '../x', 'a\\b', '/'])('leaves %j to the long way (undefined)', (name) => {
    expect(childPath('/ws/journal', name)).toBeUndefined();
  });
});
