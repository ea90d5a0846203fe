import { Balance, DEFAULT_BALANCE_TOLERANCE, computeBalance } from './balance';
import type { Commitment } from './commitments';
import { EntryProblem, ParsedEntry, detach } from './entryParser';
import type { FeedbackSource } from './feedback';
import type { Goal } from './goals';
import { NoteKind, noteKind, pathUnder } from './noteKinds';
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
  /** The file's size in bytes and modification time (epoch ms) when it was read; -1 when unknown. */
  readonly size: number;
  readonly mtime: number;
  /** Its task items (core/commitments); a shared empty list when none. */
  readonly commitments: readonly Commitment[];
  /** The key prefix of the journal folder it is in (`<root>/`), when known. */
  readonly root: string | undefined;
  /** A follow-up entry: the original, as `<root>/<path decoded>` (see `followUpsOf`). */
  readonly follows: string | undefined;
  /** A follow-up entry: the commitment it follows up (all of the original's when undefined). */
  readonly commitment: string | undefined;
  /** A goal note's goal (core/goals). */
  readonly goal: Goal | undefined;
  /** A feedback note's source. */
  readonly from: FeedbackSource | undefined;
}

/** What a file was like when it was read: a later size or mtime says it changed. */
export interface ContentStamp {
  readonly size: number;
  /** Epoch milliseconds; -1 when unknown (the file is then read again on the next check). */
  readonly mtime: number;
}

export const UNKNOWN_STAMP: ContentStamp = Object.freeze({ size: -1, mtime: -1 });

export interface TagCount {
  readonly tag: string;
  readonly count: number;
}

/**
 * What a set of notes adds to the index's counts (see `countsOf`): how many notes, per kind, per
 * tag and per day of the reflections, per tag of the feedback notes. The index cache writes it
 * beside its records, so that the tally can be shown before every record is restored.
 */
export interface RecordCounts {
  readonly records: number;
  readonly kinds: ReadonlyMap<NoteKind, number>;
  readonly tags: ReadonlyMap<string, number>;
  readonly days: ReadonlyMap<string, number>;
  readonly feedbackTags: ReadonlyMap<string, number>;
}

interface MutableCounts {
  records: number;
  readonly kinds: Map<NoteKind, number>;
  readonly tags: Map<string, number>;
  readonly days: Map<string, number>;
  readonly feedbackTags: Map<string, number>;
}

const emptyCounts = (): MutableCounts => ({ records: 0, kinds: new Map(), tags: new Map(), days: new Map(), feedbackTags: new Map() });

/**
 * THE rule of what a note counts under, as the index counts it: its kind; a reflection's tags
 * (each once) and day; a feedback note's tags (each once).
 */
function addCounts(counts: MutableCounts, note: Pick<IndexedEntry, 'kind' | 'tags' | 'day'>, sign: 1 | -1): boolean {
  // Whether no count went below 0 (counts announced by a cache are checked by it).
  let exact = (counts.records += sign) >= 0;
  if (add(counts.kinds, note.kind, sign) < 0) exact = false;
  const tags = note.kind === 'entry' ? counts.tags : note.kind === 'feedback' ? counts.feedbackTags : undefined;
  if (tags) {
    note.tags.forEach((tag, at) => {
      if (note.tags.indexOf(tag) === at && add(tags, tag, sign) < 0) exact = false;
    });
  }
  if (note.kind === 'entry' && note.day && add(counts.days, note.day, sign) < 0) exact = false;
  return exact;
}

/** What `notes` add to the counts of an index that holds them (see RecordCounts). */
export function countsOf(notes: Iterable<Pick<IndexedEntry, 'kind' | 'tags' | 'day'>>): RecordCounts {
  const counts = emptyCounts();
  for (const note of notes) addCounts(counts, note, 1);
  return counts;
}

export interface Disposable {
  dispose(): void;
}

const NO_PROBLEMS: readonly EntryProblem[] = Object.freeze([]);
const NO_COMMITMENTS: readonly Commitment[] = Object.freeze([]);
const NO_ENTRIES: readonly IndexedEntry[] = Object.freeze([]);
const NO_TAGS: readonly string[] = Object.freeze([]);

/**
 * The one in-memory journal that every feature reads. Counts are kept per tag as entries come
 * and go, so a change costs the size of one entry, never a walk over the journal. Listeners hear
 * once per `batch`, not once per file. Every note is kept with its kind; only reflections
 * (`entry`) are counted per tag and per day, so reviews and reports never count as reflections.
 */
export class JournalIndex {
  private readonly entries = new Map<string, IndexedEntry>();
  // Counts, kept as entries come and go: what the tree, the status bar and the balance read.
  // Per reflection a few numbers, not a place in a set per tag, per day and per kind (memory, #16).
  private readonly tagCounts = new Map<string, number>();
  private readonly dayCounts = new Map<string, number>();
  private readonly kindCounts = new Map<NoteKind, number>();
  // Notes of the rare kinds (reviews, goals, feedback, …) by kind; reflections are the rest.
  private readonly keysOfOtherKinds = new Map<NoteKind, Set<string>>();
  // Feedback notes per tag: counted apart from the reflections.
  private readonly feedbackByTag = new Map<string, Set<string>>();
  // Reflections with an open commitment, and follow-up entries by the original they follow.
  private readonly withOpen = new Map<string, IndexedEntry>();
  // Follow-up entries by the file name of the original they follow: most originals have none, and
  // a file name is found without decoding the original's whole path.
  private readonly followersByName = new Map<string, Set<string>>();
  // Notes that are not reflections (reviews, reports, feedback, …), by tag: rename and references reach them too.
  private readonly otherNoteKeysByTag = new Map<string, Set<string>>();
  // Tags are interned: one string per distinct tag, not one slice of each file's text.
  private readonly tagPool = new Map<string, string>();
  // Days too: one string per distinct day (a journal of ten years has ~3,650), not one per entry
  // (entries parsed on a worker thread each bring their own copy).
  private readonly dayPool = new Map<string, string>();
  // Tag lists shared between entries, by their tags joined with line breaks.
  private readonly tagListPool = new Map<string, readonly string[]>();
  // Frozen tag lists handed in (the cache's decoder shares one per combination) and the pooled
  // list each stands for: most records then cost one lookup, no allocation.
  private readonly adoptedLists = new Map<readonly string[], readonly string[]>();
  // Reflections per tag, newest first, and per day: built for every tag (day) in one pass on
  // first use, then kept in order as entries come and go. New entries wait in `toMerge` until the
  // next reader, which sorts only them and merges them in: a scan that a view reads after every
  // batch then costs a merge per batch, not a sort of the whole journal per batch. A batch that
  // removes more entries than LIST_EDITS_KEPT drops the lists (each removal is a search of a list),
  // and the next reader builds them again.
  private newestFirstByTag: Map<string, IndexedEntry[]> | undefined;
  private readonly toMerge = new Set<IndexedEntry>();
  // Notes a cache announced (their counts) and that are not restored yet: the counts include them,
  // so the tally is shown before 50,000 records are decoded (see `expectRestore`).
  // `tooFew`: a note restored or skipped that the announced counts did not include.
  private unrestored: (MutableCounts & { tooFew: boolean }) | undefined;
  private reflectionsByDay: Map<string, IndexedEntry[]> | undefined;
  private listEditsInBatch = 0;
  private readonly listeners = new Set<() => void>();
  private batchDepth = 0;
  private changedInBatch = false;

  get size(): number {
    return this.entries.size;
  }

  /** The notes in the index and those announced and not restored yet (see `expectRestore`). */
  get expectedSize(): number {
    return this.entries.size + (this.unrestored?.records ?? 0);
  }

  /** Whether notes announced by a cache are still to be restored: lists may miss them until then. */
  get isRestoring(): boolean {
    return this.unrestored !== undefined;
  }

  /**
   * Announces notes about to be restored (`restore`), by what they count under: until each is
   * restored or `endRestore` is called, every count includes them. The lists (`entriesTagged`,
   * `entriesOn`, …) hold only the notes restored so far.
   */
  expectRestore(counts: RecordCounts): void {
    const unrestored = { ...emptyCounts(), tooFew: false };
    unrestored.records = counts.records;
    for (const [from, to] of [
      [counts.kinds, unrestored.kinds],
      [counts.tags, unrestored.tags],
      [counts.days, unrestored.days],
      [counts.feedbackTags, unrestored.feedbackTags],
    ] as const) {
      for (const [key, count] of from as ReadonlyMap<unknown, number>) if (count > 0) (to as Map<unknown, number>).set(key, count);
    }
    this.unrestored = unrestored;
    this.changed();
  }

  /** One announced note will not be restored (a newer one is in, or it is no longer in the journal). */
  skipRestore(record: Pick<IndexedEntry, 'kind' | 'tags' | 'day'>): void {
    if (!this.unrestored) return;
    if (!addCounts(this.unrestored, record, -1)) this.unrestored.tooFew = true;
    this.changed();
  }

  /**
   * Forgets the announced notes that were not restored: the counts are those of the notes in.
   * Returns whether the counts announced were exactly those of the notes restored and skipped
   * (a cache whose counts lie is found here, at no extra pass over its records).
   */
  endRestore(): boolean {
    const left = this.unrestored;
    if (left === undefined) return true;
    const exact = !left.tooFew && left.records === 0 && left.kinds.size === 0 && left.tags.size === 0 && left.days.size === 0 && left.feedbackTags.size === 0;
    this.unrestored = undefined;
    if (!exact) this.changed();
    return exact;
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
    if (this.countOfKind('entry') === 0) return;
    for (const entry of this.entries.values()) if (entry.kind === 'entry') yield entry;
  }

  /** Notes of one kind, newest first. */
  notesOf(kind: NoteKind): IndexedEntry[] {
    if (kind === 'entry') return [...this.reflections()].sort(newestFirst);
    const keys = this.keysOfOtherKinds.get(kind);
    return keys ? [...keys].map((key) => this.entries.get(key)!).sort(newestFirst) : [];
  }

  /** How many notes of `kind` there are. */
  countOfKind(kind: NoteKind): number {
    return (this.kindCounts.get(kind) ?? 0) + (this.unrestored?.kinds.get(kind) ?? 0);
  }

  /**
   * Adds or replaces the note stored under `key`. `folder` is the first folder under the
   * journal it sits in (`reviews`), which may decide its kind. `stamp` is the file's size and
   * mtime as read.
   */
  set(key: string, fileName: string, parsed: ParsedEntry, folder?: string, root?: string, stamp: ContentStamp = UNKNOWN_STAMP): IndexedEntry {
    const kind = noteKind(parsed.kind, folder, parsed.tags);
    return this.insert({
      // A key built by concatenation (a URI) would keep its pieces alive beside the flat copy.
      key: detach(key),
      title: parsed.title ?? detach(fileName.replace(/\.md$/i, '')),
      day: parsed.day === undefined ? undefined : this.internDay(parsed.day),
      time: parsed.time,
      tags: parsed.tags,
      problems: parsed.problems,
      kind,
      size: stamp.size,
      mtime: stamp.mtime,
      commitments: kind === 'entry' && parsed.commitments && parsed.commitments.length > 0 ? parsed.commitments : NO_COMMITMENTS,
      root,
      follows: kind === 'entry' && parsed.follows !== undefined && root !== undefined ? `${root}${parsed.follows}` : undefined,
      commitment: kind === 'entry' ? parsed.commitment : undefined,
      goal: kind === 'goal' ? parsed.goal : undefined,
      from: kind === 'feedback' ? parsed.from : undefined,
    });
  }

  /**
   * Adds or replaces a note as it was recorded in an earlier session (core/indexCache), kind
   * and title included: nothing is derived again.
   */
  restore(record: IndexedEntry): IndexedEntry {
    if (this.unrestored && !addCounts(this.unrestored, record, -1)) this.unrestored.tooFew = true;
    return this.insert(record);
  }

  private insert(record: IndexedEntry): IndexedEntry {
    const key = record.key;
    const previous = this.entries.get(key);
    // A file read again unchanged (a save and the watcher after it both read it) is no change:
    // every change event redraws the views, and a redrawn tree drops a click in flight.
    if (previous && sameRecord(previous, record)) return previous;
    if (previous) {
      this.untag(previous);
      // A replaced entry moves to the end, as it does in a kept list among entries equal to it.
      this.entries.delete(key);
    }
    // One shape for every entry, whichever way it came in.
    const entry: IndexedEntry = {
      key,
      title: record.title,
      day: record.day,
      time: record.time,
      tags: this.internAll(record.tags),
      problems: record.problems.length > 0 ? record.problems : NO_PROBLEMS,
      kind: record.kind,
      size: record.size,
      mtime: record.mtime,
      commitments: record.commitments.length > 0 ? record.commitments : NO_COMMITMENTS,
      root: record.root,
      follows: record.follows,
      commitment: record.commitment,
      goal: record.goal,
      from: record.from,
    };
    this.entries.set(key, entry);
    add(this.kindCounts, entry.kind, 1);
    if (entry.kind !== 'entry') {
      addTo(this.keysOfOtherKinds, entry.kind, key);
      if (entry.kind === 'feedback') for (const tag of entry.tags) addTo(this.feedbackByTag, tag, key);
      for (const tag of entry.tags) addTo(this.otherNoteKeysByTag, tag, key);
      this.changed();
      return entry;
    }
    if (entry.commitments.some((commitment) => !commitment.done && commitment.text !== '')) this.withOpen.set(key, entry);
    if (entry.follows !== undefined) addTo(this.followersByName, baseName(entry.follows), key);
    if (entry.day) add(this.dayCounts, entry.day, 1);
    for (const tag of entry.tags) add(this.tagCounts, tag, 1);
    if (this.newestFirstByTag !== undefined) this.toMerge.add(entry);
    this.changed();
    return entry;
  }

  /** How many feedback notes carry `tag` (normalised): counted apart from reflections. */
  feedbackCountOf = (tag: string): number => (this.feedbackByTag.get(tag)?.size ?? 0) + (this.unrestored?.feedbackTags.get(tag) ?? 0);

  /** Reflections with at least one open commitment (not ticked, not empty), in no particular order. */
  withOpenCommitments(): IterableIterator<IndexedEntry> {
    return this.withOpen.values();
  }

  /** The follow-up entries (`follows:`) of `entry`. */
  followUpsOf(entry: IndexedEntry): readonly IndexedEntry[] {
    if (this.followersByName.size === 0 || entry.root === undefined) return NO_ENTRIES;
    const candidates = this.followersByName.get(decodeSegment(baseName(entry.key)));
    if (!candidates) return NO_ENTRIES;
    const path = pathUnder(entry.root, entry.key);
    if (path === undefined) return NO_ENTRIES;
    const target = `${entry.root}${path}`;
    const found: IndexedEntry[] = [];
    for (const key of candidates) {
      const follower = this.entries.get(key)!;
      if (follower.follows === target) found.push(follower);
    }
    return found;
  }

  /** The entry a follow-up entry follows, when it is in the index. */
  original(entry: IndexedEntry): IndexedEntry | undefined {
    if (entry.follows === undefined || entry.root === undefined) return undefined;
    const path = entry.follows.slice(entry.root.length);
    const encoded = `${entry.root}${path.split('/').map(encodeURIComponent).join('/')}`;
    const direct = this.entries.get(encoded);
    if (direct) return direct;
    // Keys are URIs as VS Code writes them, which may escape other characters: look among the
    // entries of that folder only when the simple spelling missed.
    for (const candidate of this.entries.values()) {
      if (candidate.root === entry.root && pathUnder(entry.root, candidate.key) === path) return candidate;
    }
    return undefined;
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
    if (this.entries.size === 0 && this.unrestored === undefined) return;
    this.entries.clear();
    this.tagCounts.clear();
    this.dayCounts.clear();
    this.kindCounts.clear();
    this.keysOfOtherKinds.clear();
    this.feedbackByTag.clear();
    this.withOpen.clear();
    this.followersByName.clear();
    this.otherNoteKeysByTag.clear();
    this.tagPool.clear();
    this.tagListPool.clear();
    this.adoptedLists.clear();
    this.dayPool.clear();
    this.unrestored = undefined;
    this.dropLists();
    this.changed();
  }

  /** How many reflections carry `tag` (normalised). */
  countOf = (tag: string): number => (this.tagCounts.get(tag) ?? 0) + (this.unrestored?.tags.get(tag) ?? 0);

  balance(tolerance = DEFAULT_BALANCE_TOLERANCE): Balance {
    return computeBalance(this.countOf, tolerance);
  }

  /** Reflections carrying `tag`, newest first. */
  entriesTagged(tag: string): readonly IndexedEntry[] {
    return this.lists().byTag.get(tag) ?? NO_ENTRIES;
  }

  /**
   * Every note that carries `tag` (normalised), of any kind: reflections, then reviews, reports
   * and the other notes. Rename and references edit or show each of them.
   */
  notesTagged(tag: string): IndexedEntry[] {
    const notes = [...this.entriesTagged(tag)];
    const others = this.otherNoteKeysByTag.get(tag);
    if (others) for (const key of others) notes.push(this.entries.get(key)!);
    return notes;
  }

  /** Every tag some note carries (traits and others), with how many reflections carry it. */
  allTags(): TagCount[] {
    const tags = new Set([...this.tagCounts.keys(), ...(this.unrestored?.tags.keys() ?? []), ...this.otherNoteKeysByTag.keys()]);
    return [...tags].map((tag) => ({ tag, count: this.countOf(tag) })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
  }

  /** Reflections of a local day (`YYYY-MM-DD`), newest first. */
  entriesOn(day: string): IndexedEntry[] {
    if (!this.dayCounts.has(day)) return [];
    return [...(this.lists().byDay.get(day) ?? NO_ENTRIES)];
  }

  /** The local days (`YYYY-MM-DD`) that hold at least one reflection, in no particular order. */
  reflectionDays(): IterableIterator<string> {
    if (!this.unrestored || this.unrestored.days.size === 0) return this.dayCounts.keys();
    return new Set([...this.dayCounts.keys(), ...this.unrestored.days.keys()]).values();
  }

  /** Tags that are not traits, most used first. */
  otherTags(): TagCount[] {
    const others: TagCount[] = [];
    const tags = this.unrestored ? new Set([...this.tagCounts.keys(), ...this.unrestored.tags.keys()]) : this.tagCounts.keys();
    for (const tag of tags) {
      if (!traitById(tag)) others.push({ tag, count: this.countOf(tag) });
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
      if (this.batchDepth === 0) {
        this.listEditsInBatch = 0;
        if (this.changedInBatch) {
          this.changedInBatch = false;
          this.fire();
        }
      }
    }
  }

  onDidChange(listener: () => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private untag(entry: IndexedEntry): void {
    add(this.kindCounts, entry.kind, -1);
    if (entry.kind !== 'entry') {
      removeFrom(this.keysOfOtherKinds, entry.kind, entry.key);
      if (entry.kind === 'feedback') for (const tag of entry.tags) removeFrom(this.feedbackByTag, tag, entry.key);
      for (const tag of entry.tags) removeFrom(this.otherNoteKeysByTag, tag, entry.key);
      return;
    }
    this.withOpen.delete(entry.key);
    if (entry.follows !== undefined) removeFrom(this.followersByName, baseName(entry.follows), entry.key);
    if (entry.day) add(this.dayCounts, entry.day, -1);
    for (const tag of entry.tags) add(this.tagCounts, tag, -1);
    if (this.toMerge.delete(entry)) return;
    if (this.keepLists()) {
      for (const tag of entry.tags) removeFromList(this.newestFirstByTag, tag, entry);
      if (entry.day) removeFromList(this.reflectionsByDay, entry.day, entry);
    }
  }

  /**
   * Whether the per-tag and per-day lists exist and are worth keeping in order through this
   * removal: past LIST_EDITS_KEPT removals in one batch, building them again once is cheaper.
   */
  private keepLists(): boolean {
    if (this.newestFirstByTag === undefined) return false;
    if (this.batchDepth > 0 && ++this.listEditsInBatch > LIST_EDITS_KEPT) {
      this.dropLists();
      return false;
    }
    return true;
  }

  private dropLists(): void {
    this.newestFirstByTag = undefined;
    this.reflectionsByDay = undefined;
    this.toMerge.clear();
  }

  /** The per-tag and per-day lists, built in one pass over the reflections when missing. */
  private lists(): { byTag: Map<string, IndexedEntry[]>; byDay: Map<string, IndexedEntry[]> } {
    if (this.newestFirstByTag === undefined || this.reflectionsByDay === undefined) {
      // One sort of every reflection; each list then receives its entries already in order.
      const sorted = [...this.reflections()].sort(newestFirst);
      const byTag = new Map<string, IndexedEntry[]>();
      const byDay = new Map<string, IndexedEntry[]>();
      for (const entry of sorted) {
        for (const tag of entry.tags) appendTo(byTag, tag, entry);
        if (entry.day) appendTo(byDay, entry.day, entry);
      }
      this.newestFirstByTag = byTag;
      this.reflectionsByDay = byDay;
      // Edits made earlier in an open batch are in the lists already.
      this.listEditsInBatch = 0;
    } else if (this.toMerge.size > 0) {
      // Written after every entry in the lists: among equals they go last, in the order written.
      const added = [...this.toMerge].sort(newestFirst);
      this.toMerge.clear();
      const byTag = new Map<string, IndexedEntry[]>();
      const byDay = new Map<string, IndexedEntry[]>();
      for (const entry of added) {
        for (const tag of entry.tags) appendTo(byTag, tag, entry);
        if (entry.day) appendTo(byDay, entry.day, entry);
      }
      for (const [tag, entries] of byTag) mergeNewestFirst(this.newestFirstByTag, tag, entries);
      for (const [day, entries] of byDay) mergeNewestFirst(this.reflectionsByDay, day, entries);
    }
    return { byTag: this.newestFirstByTag, byDay: this.reflectionsByDay };
  }

  private internDay(day: string): string {
    const pooled = this.dayPool.get(day);
    if (pooled !== undefined) return pooled;
    // Days no entry has any more are forgotten now and then (bounded like the tags).
    if (this.dayPool.size >= Math.max(POOLED_MAX, this.dayCounts.size * 2)) this.dayPool.clear();
    this.dayPool.set(day, day);
    return day;
  }

  /**
   * The entry's tags, each interned and each once, as a list shared by every entry with the same
   * tags: a journal has far fewer combinations than entries (the bench's 50,000 have ~7,000), and
   * one array per entry was a fifth of the heap (#16).
   */
  private internAll(tags: readonly string[]): readonly string[] {
    if (tags.length === 0) return NO_TAGS;
    const adopted = this.adoptedLists.get(tags);
    if (adopted) return adopted;
    const pooled = this.poolTags(tags);
    if (Object.isFrozen(tags)) {
      if (this.adoptedLists.size >= POOLED_MAX) this.adoptedLists.clear();
      this.adoptedLists.set(tags, pooled);
    }
    return pooled;
  }

  private poolTags(tags: readonly string[]): readonly string[] {
    const interned: string[] = [];
    for (const tag of tags) {
      let pooled = this.tagPool.get(tag);
      if (pooled === undefined) {
        pooled = detach(tag);
        this.tagPool.set(pooled, pooled);
      }
      if (!interned.includes(pooled)) interned.push(pooled);
    }
    const name = interned.join('\n');
    const shared = this.tagListPool.get(name);
    // Tags hold no line break, but a list is shared only when it is truly the same.
    if (shared && shared.length === interned.length && shared.every((tag, i) => tag === interned[i])) return shared;
    const list = Object.freeze(interned.slice()); // slice: an array of exactly its length
    if (!shared) {
      // Tags and lists no entry carries any more stay pooled until this bound (or `clear`): more
      // lists than entries means most are left over.
      if (this.tagListPool.size >= Math.max(POOLED_MAX, this.entries.size)) {
        this.tagListPool.clear();
        this.tagPool.clear();
        this.adoptedLists.clear();
      }
      this.tagListPool.set(name, list);
    }
    return list;
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

/** How many distinct tag lists are pooled at most. */
const POOLED_MAX = 10_000;

/** Past this many entries changed in one batch, the per-tag and per-day lists are built again. */
const LIST_EDITS_KEPT = 256;

/** Adds `delta` to the count of `key`, forgetting a count that reaches 0; returns the new count. */
function add<K>(counts: Map<K, number>, key: K, delta: number): number {
  const count = (counts.get(key) ?? 0) + delta;
  if (count > 0) counts.set(key, count);
  else counts.delete(key);
  return count;
}

function addTo<K>(sets: Map<K, Set<string>>, key: K, value: string): void {
  let set = sets.get(key);
  if (!set) sets.set(key, (set = new Set()));
  set.add(value);
}

function removeFrom<K>(sets: Map<K, Set<string>>, key: K, value: string): void {
  const set = sets.get(key);
  set?.delete(value);
  if (set?.size === 0) sets.delete(key);
}

function appendTo(lists: Map<string, IndexedEntry[]>, key: string, entry: IndexedEntry): void {
  const list = lists.get(key);
  if (list) list.push(entry);
  else lists.set(key, [entry]);
}

/** Below this many new entries for a list, each is put in by binary search (mergeNewestFirst). */
const FEW_ADDED = 16;

/** Where `entry` goes in `list` (newest first): after every entry it is equal to. */
function upperBound(list: readonly IndexedEntry[], entry: IndexedEntry): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (newestFirst(list[middle], entry) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Merges `added` (newest first) into the list of `key` (newest first), in place, from the end:
 * one pass, and among equals the list's entries stay before the added ones.
 */
function mergeNewestFirst(lists: Map<string, IndexedEntry[]>, key: string, added: IndexedEntry[]): void {
  const list = lists.get(key);
  if (!list) {
    lists.set(key, added);
    return;
  }
  if (added.length <= FEW_ADDED) {
    // A file or two changed: a binary search and one native move each beat a pass over the list.
    for (const entry of added) list.splice(upperBound(list, entry), 0, entry);
    return;
  }
  let from = list.length - 1;
  let next = added.length - 1;
  let to = list.length + added.length - 1;
  list.length = to + 1;
  while (next >= 0) {
    if (from >= 0 && newestFirst(list[from], added[next]) > 0) list[to--] = list[from--];
    else list[to--] = added[next--];
  }
}

function removeFromList(lists: Map<string, IndexedEntry[]> | undefined, key: string, entry: IndexedEntry): void {
  const list = lists?.get(key);
  const at = list ? list.indexOf(entry) : -1;
  if (at === -1) return;
  list!.splice(at, 1);
  if (list!.length === 0) lists!.delete(key);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function decodeSegment(segment: string): string {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function newestFirst(a: IndexedEntry, b: IndexedEntry): number {
  const at = Number.isNaN(a.time) ? -Infinity : a.time;
  const bt = Number.isNaN(b.time) ? -Infinity : b.time;
  return bt - at || a.title.localeCompare(b.title);
}

/** Whether `kept` (each tag once) lists the tags of `read` (as parsed) in the same order. */
function sameTags(kept: readonly string[], read: readonly string[]): boolean {
  // The index keeps each tag once: a read with repeats is compared without them.
  const unique = read.length === kept.length ? read : [...new Set(read)];
  return unique.length === kept.length && unique.every((tag, at) => tag === kept[at]);
}

/** Whether a kept record and a new one of the same file say the same in every field. */
function sameRecord(a: IndexedEntry, b: IndexedEntry): boolean {
  return (
    a.title === b.title &&
    a.day === b.day &&
    Object.is(a.time, b.time) && // NaN when undated
    a.kind === b.kind &&
    a.size === b.size &&
    a.mtime === b.mtime &&
    a.root === b.root &&
    a.follows === b.follows &&
    a.commitment === b.commitment &&
    a.from === b.from &&
    sameTags(a.tags, b.tags) &&
    // Small plain data written by one parser: their JSON is equal exactly when they are.
    JSON.stringify(a.problems) === JSON.stringify(b.problems) &&
    JSON.stringify(a.commitments) === JSON.stringify(b.commitments) &&
    JSON.stringify(a.goal) === JSON.stringify(b.goal)
  );
}
