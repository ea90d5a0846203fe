import { ContentStamp, IndexedEntry, RecordCounts, countsOf } from './journalIndex';
import { NOTE_KINDS, NoteKind } from './noteKinds';
import { traitById } from './traits';
import { Malformed, Reader, Writer, checksum } from './binaryCodec';
import { DecodeState, EncodeState, FIELDS, FIELD_NAMES, blankDraft } from './indexCacheFields';

export { checksum } from './binaryCodec';

// The journal index kept between sessions: every note's record (core/journalIndex's IndexedEntry,
// with the size and mtime of the file as it was read) in a compact binary file, and the plan that
// checks it against the disk. Pure: the caller reads and writes the bytes (workspace storage).
//
// Layout (little-endian):
//   "BJIX" | u32 schema | u32 body length | u32 checksum of the body | body
//   body: version | fingerprint | field names | string table | counts | record count | records
// The counts (core/journalIndex RecordCounts: per kind, per reflection tag and day, per feedback
// tag, as table references) let the tally be shown before the records are decoded. Records come
// in the order a first paint needs them: the notes that are not reflections, then the
// reflections newest first, undated last (see `readsFirst`).
// Strings are a varint byte length and UTF-8. Tags, days and problem messages repeat across
// files, so each is written once in the string table and referred to by number. Keys share their
// beginning with the key before them, so only the rest is written.
//
// To add a field: add it to IndexedEntry, add one codec to FIELDS (core/indexCacheFields) and raise
// INDEX_CACHE_SCHEMA. A cache of another schema, extension version or fingerprint is ignored.

/** Raise on any change to the layout or to FIELDS. */
export const INDEX_CACHE_SCHEMA = 3;

/** A cache larger than this is not read (about 10× a journal of 50,000 entries). */
export const MAX_INDEX_CACHE_BYTES = 64 * 1024 * 1024;

const MAGIC = [0x42, 0x4a, 0x49, 0x58]; // "BJIX"
const HEADER_BYTES = 16;

export interface IndexCacheIdentity {
  /** The extension's version: a cache written by another version is not trusted. */
  readonly version: string;
  /**
   * Everything else the records depend on (journal roots, size limit, language of the problem
   * messages, time zone of dates without one), as one string chosen by the caller.
   */
  readonly fingerprint: string;
}

export type IndexCacheLoad = { readonly records: IndexedEntry[] } | { readonly ignored: string };

/** An opened cache: its counts at once, its records as the caller asks for them. */
export interface IndexCacheReader {
  /** What all its records count under (as the index counts them). */
  readonly counts: RecordCounts;
  /** How many records it holds. */
  readonly total: number;
  /**
   * Decodes records while `more` (asked with each record decoded) says so, or to the end; the
   * record `more` says no to is the last one returned.
   */
  take(more: (record: IndexedEntry) => boolean): IndexCacheLoad;
  /**
   * The records not taken yet; or, after all, why the cache is ignored (bytes after the last
   * record, or counts that are not those of its records).
   */
  rest(): IndexCacheLoad;
  /**
   * Once `take` has returned every record: why the cache is ignored (a record that does not
   * decode, bytes after the last one), else undefined. Its counts are not checked again here:
   * the index checks what it announced as the records come in (JournalIndex.endRestore).
   */
  finish(): string | undefined;
}

/** Reflections last, newest first and undated at the very end; the other notes first. */
function cacheOrder(a: IndexedEntry, b: IndexedEntry): number {
  const rank = (entry: IndexedEntry) => (entry.kind !== 'entry' ? 0 : Number.isNaN(entry.time) ? 2 : 1);
  return rank(a) - rank(b) || (rank(a) === 1 ? (a.time > b.time ? -1 : a.time < b.time ? 1 : 0) : 0);
}

/** The records of `entries` as the cache file's bytes. */
export function encodeIndexCache(identity: IndexCacheIdentity, entries: Iterable<IndexedEntry>): Uint8Array {
  const records = [...entries].sort(cacheOrder);
  const counts = countsOf(records);
  const table = new Map<string, number>();
  const strings: string[] = [];
  const add = (value: string | undefined) => {
    if (value !== undefined && !table.has(value)) {
      strings.push(value);
      table.set(value, strings.length);
    }
  };
  const tabled = FIELDS.filter((field) => field.tabled);
  for (const entry of records) for (const field of tabled) field.tabled!(entry, add);
  const out = new Writer();
  out.raw(new Uint8Array(HEADER_BYTES));
  out.string(identity.version);
  out.string(identity.fingerprint);
  out.string(FIELD_NAMES);
  out.uint(strings.length);
  for (const value of strings) out.string(value);
  out.uint(counts.records);
  out.uint(counts.kinds.size);
  for (const [kind, count] of counts.kinds) {
    out.uint(NOTE_KINDS.indexOf(kind));
    out.uint(count);
  }
  for (const map of [counts.tags, counts.days, counts.feedbackTags]) {
    out.uint(map.size);
    for (const [value, count] of map) {
      out.uint(table.get(value)!);
      out.uint(count);
    }
  }
  out.uint(records.length);
  const state: EncodeState = { out, table, previousKey: { bytes: new Uint8Array(256), length: 0 }, key: { bytes: new Uint8Array(256), length: 0 } };
  for (const entry of records) for (const field of FIELDS) field.write(entry, state);
  const bytes = out.done();
  bytes.set(MAGIC, 0);
  const header = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  header.setUint32(4, INDEX_CACHE_SCHEMA, true);
  header.setUint32(8, bytes.length - HEADER_BYTES, true);
  header.setUint32(12, checksum(bytes, HEADER_BYTES), true);
  return bytes;
}

/**
 * The records of a cache file, or why it was ignored (truncated, corrupt, another schema,
 * version or fingerprint, too large). Never throws; time linear in the size of `bytes`.
 */
export function decodeIndexCache(bytes: Uint8Array, expected: IndexCacheIdentity, maxBytes = MAX_INDEX_CACHE_BYTES): IndexCacheLoad {
  const opened = openIndexCache(bytes, expected, maxBytes);
  return 'ignored' in opened ? opened : opened.reader.rest();
}

/**
 * A cache file opened: its header, identity and counts checked and read, its records left to
 * decode (`IndexCacheReader`); or why it was ignored. Never throws; each step linear in the size
 * of what it reads.
 */
export function openIndexCache(bytes: Uint8Array, expected: IndexCacheIdentity, maxBytes = MAX_INDEX_CACHE_BYTES): { readonly reader: IndexCacheReader } | { readonly ignored: string } {
  if (bytes.length > maxBytes) return { ignored: `it is ${bytes.length} bytes, over the limit of ${maxBytes}` };
  if (bytes.length < HEADER_BYTES || MAGIC.some((byte, i) => bytes[i] !== byte)) return { ignored: 'it is not an index cache' };
  const header = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  const schema = header.getUint32(4, true);
  if (schema !== INDEX_CACHE_SCHEMA) return { ignored: `it has schema ${schema}, not ${INDEX_CACHE_SCHEMA}` };
  if (header.getUint32(8, true) !== bytes.length - HEADER_BYTES) return { ignored: 'it is truncated' };
  if (header.getUint32(12, true) !== checksum(bytes, HEADER_BYTES)) return { ignored: 'its checksum does not match (corrupt)' };
  try {
    const input = new Reader(bytes, HEADER_BYTES);
    const version = input.string();
    if (version !== expected.version) return { ignored: `it was written by version ${version}` };
    if (input.string() !== expected.fingerprint) return { ignored: 'the journal folders or settings changed since it was written' };
    if (input.string() !== FIELD_NAMES) return { ignored: 'its fields differ' };
    const table: string[] = new Array(input.count());
    for (let i = 0; i < table.length; i++) table[i] = input.string();
    const days = new Uint8Array(table.length + 1);
    const counts = readCounts(input, table, days);
    const total = input.count();
    if (total !== counts.records) return { ignored: 'its counts are not those of its records' };
    return { reader: new CacheRecords(input, { input, table, days, keyBytes: new Uint8Array(256), keyLength: 0, tagLists: new Map() }, counts, total) };
  } catch (error) {
    return { ignored: ignoredBecause(error) };
  }
}

function ignoredBecause(error: unknown): string {
  return error instanceof Malformed ? `it is corrupt (${error.message})` : `it could not be read (${String(error)})`;
}

function readCounts(input: Reader, table: readonly string[], days: Uint8Array): RecordCounts {
  const records = input.uint();
  const count = () => {
    const value = input.uint();
    if (value === 0 || value > records) throw new Malformed('bad count');
    return value;
  };
  const kinds = new Map<NoteKind, number>();
  for (let i = input.count(); i > 0; i--) {
    const kind: NoteKind | undefined = NOTE_KINDS[input.uint()];
    if (kind === undefined || kinds.has(kind)) throw new Malformed('unknown kind in the counts');
    kinds.set(kind, count());
  }
  const [tags, dayCounts, feedbackTags] = [0, 1, 2].map((which) => {
    const map = new Map<string, number>();
    for (let i = input.count(); i > 0; i--) {
      const at = input.uint();
      if (at === 0 || at > table.length) throw new Malformed('string table reference past the end');
      const value = table[at - 1];
      if (which === 1 && days[at] !== 1) {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Malformed('bad day');
        days[at] = 1;
      }
      if (map.has(value)) throw new Malformed('a value counted twice');
      map.set(value, count());
    }
    return map;
  });
  return { records, kinds, tags, days: dayCounts, feedbackTags };
}

class CacheRecords implements IndexCacheReader {
  private readonly taken: IndexedEntry[] = [];
  private decoded = 0;
  private failed: string | undefined;

  constructor(
    private readonly input: Reader,
    private readonly state: DecodeState,
    readonly counts: RecordCounts,
    readonly total: number,
  ) {}

  take(more: (record: IndexedEntry) => boolean): IndexCacheLoad {
    const records: IndexedEntry[] = [];
    const failed = this.decode((record) => {
      records.push(record);
      return more(record);
    });
    if (failed) return { ignored: failed };
    this.taken.push(...records);
    return { records };
  }

  rest(): IndexCacheLoad {
    const records: IndexedEntry[] = new Array(this.total - this.decoded);
    let at = 0;
    const failed = this.decode((record) => {
      records[at++] = record;
      return true;
    });
    if (failed) return { ignored: failed };
    if (this.input.remaining !== 0) return { ignored: 'it has bytes after its last record' };
    if (!sameCounts(this.counts, countsOf([...this.taken, ...records]))) return { ignored: 'its counts are not those of its records' };
    return { records };
  }

  finish(): string | undefined {
    if (this.failed) return this.failed;
    if (this.decoded !== this.total) return 'not every record was read';
    return this.input.remaining !== 0 ? 'it has bytes after its last record' : undefined;
  }

  private decode(more: (record: IndexedEntry) => boolean): string | undefined {
    if (this.failed) return this.failed;
    try {
      while (this.decoded < this.total) {
        const draft = blankDraft();
        for (const field of FIELDS) field.read(draft, this.state);
        this.decoded++;
        if (!more(draft as IndexedEntry)) break;
      }
      return undefined;
    } catch (error) {
      return (this.failed = ignoredBecause(error));
    }
  }
}

function sameCounts(a: RecordCounts, b: RecordCounts): boolean {
  const same = (x: ReadonlyMap<unknown, number>, y: ReadonlyMap<unknown, number>) => x.size === y.size && [...x].every(([key, count]) => y.get(key) === count);
  return a.records === b.records && same(a.kinds, b.kinds) && same(a.tags, b.tags) && same(a.days, b.days) && same(a.feedbackTags, b.feedbackTags);
}

/** Days back from now whose reflections a first paint decodes (the four weeks of "what next", a goal's month). */
export const FIRST_PAINT_DAYS = 42;
/** At most this many records are decoded for a first paint while looking for a trait's newest entry. */
export const FIRST_PAINT_MAX_RECORDS = 5000;

/**
 * Which records of a cache (in its order) a first paint needs before the rest: every note that is
 * not a reflection (goals, feedback, reviews), the reflections of the last FIRST_PAINT_DAYS,
 * and each counted trait's newest dated reflection (within FIRST_PAINT_MAX_RECORDS). With the
 * counts, that is what the tree's rows and the status bar's "what next" read.
 */
export function readsFirst(counts: RecordCounts, now: number): (record: IndexedEntry) => boolean {
  const since = now - FIRST_PAINT_DAYS * 86_400_000;
  const unseen = new Set([...counts.tags.keys()].filter((tag) => traitById(tag) !== undefined));
  let taken = 0;
  return (record) => {
    taken++;
    if (record.kind !== 'entry') return true;
    if (Number.isNaN(record.time)) return false; // undated reflections come last: no newest among them
    for (const tag of record.tags) unseen.delete(tag);
    return record.time >= since || (unseen.size > 0 && taken < FIRST_PAINT_MAX_RECORDS);
  };
}

/** Whether a file's stamp now differs from the one its record was read with. */
export function stampChanged(known: ContentStamp | undefined, now: ContentStamp): boolean {
  // An unknown mtime (-1, or a file system that reports none) proves nothing: read again.
  return known === undefined || known.mtime <= 0 || now.mtime <= 0 || known.size !== now.size || known.mtime !== now.mtime;
}

/**
 * The check of a restored index against the disk: of the files found now (with their stamps),
 * which are unchanged since their record was read, and which must be read, and how many of them
 * have a record (all the records, when that is the index's size and no file was found twice).
 * Records of files not found are the caller's to drop. Linear in the number of files.
 */
export function planValidation<F>(
  found: ReadonlyArray<{ readonly file: F; readonly key: string; readonly stamp: ContentStamp }>,
  known: (key: string) => ContentStamp | undefined,
): { unchanged: string[]; toRead: F[]; recorded: number } {
  const unchanged: string[] = [];
  const toRead: F[] = [];
  let recorded = 0;
  for (const { file, key, stamp } of found) {
    const record = known(key);
    if (record !== undefined) recorded++;
    if (stampChanged(record, stamp)) toRead.push(file);
    else unchanged.push(key);
  }
  return { unchanged, toRead, recorded };
}

/**
 * An mtime within this of the read is not trusted (it is kept as unknown): on a file system
 * whose clock ticks in seconds, a write in the same tick after the read would not change it.
 */
export const RACY_MTIME_MS = 3000;

/** The stamp to record for a file read at `readAt` (epoch ms). */
export function recordedStamp(size: number, mtime: number | undefined, readAt: number): ContentStamp {
  if (mtime === undefined || !Number.isFinite(mtime) || mtime <= 0 || mtime > readAt - RACY_MTIME_MS) return { size, mtime: -1 };
  return { size, mtime };
}
