// Whether a path that a file watcher reported may be read: it lies under a journal root and is
// reached from it through real folders only (no symbolic link on the way). Used by JournalSync.

import type { FileStamp, JournalFileSystem } from './journalFileSystem';

export function isMarkdownName(name: string): boolean {
  return name.toLowerCase().endsWith('.md');
}

/**
 * The path of `name` in the folder at `directory` (a normalised path, as a listed folder's is),
 * as a POSIX join gives it, for a name that is one plain segment; undefined for any other name
 * (empty, `.`, `..`, with a slash or a backslash), which the caller joins the long way.
 */
export function childPath(directory: string, name: string): string | undefined {
  if (name === '' || name === '.' || name === '..' || name.includes('/') || name.includes('\\')) return undefined;
  return directory.endsWith('/') ? `${directory}${name}` : `${directory}/${name}`;
}


type PathVerdict = 'ok' | 'outside' | 'link' | 'unsafe-root' | 'gone';

/**
 * For one batch of file events: whether each path lies under a root and is reached from it
 * through real folders only. Each folder is looked at once per batch, so a burst of events in one
 * folder costs one `stat` per folder, not per file.
 */
export class PathChecks<L> {
  private readonly stamps = new Map<string, Promise<FileStamp | undefined>>();

  constructor(
    private readonly fs: JournalFileSystem<L>,
    private readonly roots: readonly L[],
  ) {}

  rootOf(location: L): L | undefined {
    const key = this.fs.key(location);
    return this.roots.find((root) => {
      const rootKey = this.fs.key(root);
      return key === rootKey || key.startsWith(rootKey.endsWith('/') ? rootKey : `${rootKey}/`);
    });
  }

  stamp(location: L): Promise<FileStamp | undefined> {
    const key = this.fs.key(location);
    let stamp = this.stamps.get(key);
    if (!stamp) {
      stamp = Promise.resolve(this.fs.stat(location)).then(
        (value) => value,
        () => undefined,
      );
      this.stamps.set(key, stamp);
    }
    return stamp;
  }

  private readonly rootChecks = new Map<string, Promise<boolean>>();

  private rootVerdict(root: L): Promise<boolean> {
    const key = this.fs.key(root);
    let verdict = this.rootChecks.get(key);
    if (!verdict) {
      verdict = this.fs.rootIsSafe ? Promise.resolve(this.fs.rootIsSafe(root)).then(Boolean, () => false) : Promise.resolve(true);
      this.rootChecks.set(key, verdict);
    }
    return verdict;
  }

  /** The folders between the root and `location` (the root included) are all real folders. */
  async reachableWithoutLinks(location: L): Promise<PathVerdict> {
    const root = this.rootOf(location);
    if (root === undefined) return 'outside';
    const rootKey = this.fs.key(root);
    const rootStamp = await this.stamp(root);
    if (rootStamp?.kind !== 'directory') return rootStamp === undefined ? 'gone' : 'unsafe-root';
    if (!(await this.rootVerdict(root))) return 'unsafe-root';
    let folder = location;
    // Walk up from the event's folder to the root; each step shortens the key, so this ends.
    for (let key = this.fs.key(location); key !== rootKey; ) {
      const parent = this.fs.parent(folder);
      const parentKey = this.fs.key(parent);
      if (parentKey.length >= key.length) return 'outside';
      key = parentKey;
      folder = parent;
      if (key === rootKey) break;
      const stamp = await this.stamp(folder);
      if (stamp === undefined) return 'gone';
      if (stamp.kind !== 'directory') return 'link';
    }
    if (this.fs.key(location) !== rootKey && !isMarkdownName(this.fs.baseName(location))) {
      const own = await this.stamp(location);
      if (own === undefined) return 'gone';
      if (own.kind === 'other') return 'link';
    }
    return 'ok';
  }
}

