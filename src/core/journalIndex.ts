import { Balance, DEFAULT_BALANCE_TOLERANCE, computeBalance } from './balance';
import { EntryProblem, ParsedEntry, detach } from './entryParser';
import { NoteKind, noteKind } from './noteKinds';
import { traitById } from './traits';

export interface IndexedEntry {
  /** Unique key of the file (its URI as a string). */
  readonly key: string;
  /** The heading, or the file name without `.md`. */
  readonly title: string;
  readonly day: string | undefined;
  readonly time: number;
  readonly tags: readonly string[];
  readonly problems: readonly EntryProblem[];
  /** Only `entry` notes are reflections: counted, listed and reviewed (core/noteKinds). */
  readonly kind: NoteKind;
}

export interface TagCount {
  readonly tag: string;
  readonly count: number;
}

export interface Disposable {
  dispose(): void;
}

const NO_PROBLEMS: readonly EntryProblem[] = Object.freeze([]);

/**
 * The one in-memory journal that every feature reads. Counts are kept per tag as entries come
 * and go, so a change costs the size of one entry, never a walk over the journal. Listeners hear
 * once per `batch`, not once per file. Every note is kept with its kind; only reflections
 * (`entry`) are counted per tag and per day, so reviews and reports never count as reflections.
 */
export class JournalIndex {
  private readonly entries = new Map<string, IndexedEntry>();
  private readonly keysByTag = new Map<string, Set<string>>();
  private readonly keysByDay = new Map<string, Set<string>>();
  private readonly keysByKind = new Map<NoteKind, Set<string>>();
  // Tags are interned: one string per distinct tag, not one slice of each file's text.
  private readonly tagPool = new Map<string, string>();
  // Sorted lists per tag, built on first use and then kept sorted as entries come and go.
  private readonly newestFirstCache = new Map<string, IndexedEntry[]>();
  private readonly listeners = new Set<() => void>();
  private batchDepth = 0;
  private changedInBatch = false;

  get size(): number {
    return this.entries.size;
  }

  get(key: string): IndexedEntry | undefined {
    return this.entries.get(key);
  }

  keys(): IterableIterator<string> {
    return this.entries.keys();
  }

  /** Every note, of every kind. */
  values(): IterableIterator<IndexedEntry> {
    return this.entries.values();
  }

  /** The reflections (`entry` notes), in no particular order. */
  *reflections(): IterableIterator<IndexedEntry> {
    const keys = this.keysByKind.get('entry');
    if (keys) for (const key of keys) yield this.entries.get(key)!;
  }

  /** Notes of one kind, newest first. */
  notesOf(kind: NoteKind): IndexedEntry[] {
    const keys = this.keysByKind.get(kind);
    return keys ? [...keys].map((key) => this.entries.get(key)!).sort(newestFirst) : [];
  }

  /** How many notes of `kind` there are. */
  countOfKind(kind: NoteKind): number {
    return this.keysByKind.get(kind)?.size ?? 0;
  }

  /**
   * Adds or replaces the note stored under `key`. `folder` is the first folder under the
   * journal it sits in (`reviews`), which may decide its kind.
   */
  set(key: string, fileName: string, parsed: ParsedEntry, folder?: string): IndexedEntry {
    const previous = this.entries.get(key);
    if (previous) this.untag(previous);
    const entry: IndexedEntry = {
      key,
      title: parsed.title ?? detach(fileName.replace(/\.md$/i, '')),
      day: parsed.day,
      time: parsed.time,
      tags: parsed.tags.map((tag) => this.intern(tag)),
      problems: parsed.problems.length > 0 ? parsed.problems : NO_PROBLEMS,
      kind: noteKind(parsed.kind, folder, parsed.tags),
    };
    this.entries.set(key, entry);
    let ofKind = this.keysByKind.get(entry.kind);
    if (!ofKind) this.keysByKind.set(entry.kind, (ofKind = new Set()));
    ofKind.add(key);
    if (entry.kind !== 'entry') {
      this.changed();
      return entry;
    }
    if (entry.day) {
      let keys = this.keysByDay.get(entry.day);
      if (!keys) this.keysByDay.set(entry.day, (keys = new Set()));
      keys.add(key);
    }
    for (const tag of entry.tags) {
      let keys = this.keysByTag.get(tag);
      if (!keys) this.keysByTag.set(tag, (keys = new Set()));
      keys.add(key);
      this.insertSorted(tag, entry);
    }
    this.changed();
    return entry;
  }

  delete(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.untag(entry);
    this.entries.delete(key);
    this.changed();
    return true;
  }

  /**
   * Removes every entry whose key starts with `prefix` (a deleted folder), telling `onDeleted`
   * each key; returns how many.
   */
  deleteUnder(prefix: string, onDeleted?: (key: string) => void): number {
    let removed = 0;
    this.batch(() => {
      for (const key of [...this.entries.keys()]) {
        if (!key.startsWith(prefix) || !this.delete(key)) continue;
        removed++;
        onDeleted?.(key);
      }
    });
    return removed;
  }

  clear(): void {
    if (this.entries.size === 0) return;
    this.entries.clear();
    this.keysByTag.clear();
    this.keysByDay.clear();
    this.keysByKind.clear();
    this.tagPool.clear();
    this.newestFirstCache.clear();
    this.changed();
  }

  /** How many reflections carry `tag` (normalised). */
  countOf = (tag: string): number => this.keysByTag.get(tag)?.size ?? 0;

  balance(tolerance = DEFAULT_BALANCE_TOLERANCE): Balance {
    return computeBalance(this.countOf, tolerance);
  }

  /** Reflections carrying `tag`, newest first. */
  entriesTagged(tag: string): readonly IndexedEntry[] {
    const cached = this.newestFirstCache.get(tag);
    if (cached) return cached;
    const keys = this.keysByTag.get(tag);
    const sorted = keys ? [...keys].map((key) => this.entries.get(key)!).sort(newestFirst) : [];
    this.newestFirstCache.set(tag, sorted);
    return sorted;
  }

  /** Reflections of a local day (`YYYY-MM-DD`), newest first. */
  entriesOn(day: string): IndexedEntry[] {
    const keys = this.keysByDay.get(day);
    return keys ? [...keys].map((key) => this.entries.get(key)!).sort(newestFirst) : [];
  }

  /** The local days (`YYYY-MM-DD`) that hold at least one reflection, in no particular order. */
  reflectionDays(): IterableIterator<string> {
    return this.keysByDay.keys();
  }

  /** Tags that are not traits, most used first. */
  otherTags(): TagCount[] {
    const others: TagCount[] = [];
    for (const [tag, keys] of this.keysByTag) {
      if (!traitById(tag)) others.push({ tag, count: keys.size });
    }
    return others.sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
  }

  /** Runs `update` and notifies listeners once at the end, if anything changed. */
  batch<T>(update: () => T): T {
    this.batchDepth++;
    try {
      return update();
    } finally {
      this.batchDepth--;
      if (this.batchDepth === 0 && this.changedInBatch) {
        this.changedInBatch = false;
        this.fire();
      }
    }
  }

  onDidChange(listener: () => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private untag(entry: IndexedEntry): void {
    this.keysByKind.get(entry.kind)?.delete(entry.key);
    if (entry.kind !== 'entry') return;
    if (entry.day) {
      const keys = this.keysByDay.get(entry.day);
      keys?.delete(entry.key);
      if (keys?.size === 0) this.keysByDay.delete(entry.day);
    }
    for (const tag of entry.tags) {
      const keys = this.keysByTag.get(tag);
      if (!keys) continue;
      keys.delete(entry.key);
      this.removeSorted(tag, entry);
      if (keys.size === 0) {
        this.keysByTag.delete(tag);
        this.tagPool.delete(tag);
        this.newestFirstCache.delete(tag);
      }
    }
  }

  private insertSorted(tag: string, entry: IndexedEntry): void {
    const list = this.newestFirstCache.get(tag);
    if (!list) return;
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (newestFirst(list[middle], entry) <= 0) low = middle + 1;
      else high = middle;
    }
    list.splice(low, 0, entry);
  }

  private removeSorted(tag: string, entry: IndexedEntry): void {
    const list = this.newestFirstCache.get(tag);
    const at = list ? list.indexOf(entry) : -1;
    if (at !== -1) list!.splice(at, 1);
  }

  private intern(tag: string): string {
    let pooled = this.tagPool.get(tag);
    if (pooled === undefined) {
      pooled = detach(tag);
      this.tagPool.set(pooled, pooled);
    }
    return pooled;
  }

  private changed(): void {
    if (this.batchDepth > 0) this.changedInBatch = true;
    else this.fire();
  }

  private fire(): void {
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch {
        // A failing listener must not stop the others or the index.
      }
    }
  }
}

function newestFirst(a: IndexedEntry, b: IndexedEntry): number {
  const at = Number.isNaN(a.time) ? -Infinity : a.time;
  const bt = Number.isNaN(b.time) ? -Infinity : b.time;
  return bt - at || a.title.localeCompare(b.title);
}
