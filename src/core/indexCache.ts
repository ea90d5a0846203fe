import type { Commitment } from './commitments';
import type { EntryProblem } from './entryParser';
import { FEEDBACK_SOURCES } from './feedback';
import { GOAL_PERIODS, Goal } from './goals';
import type { ContentStamp, IndexedEntry } from './journalIndex';
import { NOTE_KINDS, NoteKind } from './noteKinds';

// The journal index kept between sessions: every note's record (core/journalIndex's IndexedEntry,
// with the size and mtime of the file as it was read) in a compact binary file, and the plan that
// checks it against the disk. Pure: the caller reads and writes the bytes (workspace storage).
//
// Layout (little-endian):
//   "BJIX" | u32 schema | u32 body length | u32 checksum of the body | body
//   body: version | fingerprint | field names | string table | record count | records
// Strings are a varint byte length and UTF-8. Tags, days and problem messages repeat across
// files, so each is written once in the string table and referred to by number. Keys share their
// beginning with the key before them, so only the rest is written.
//
// To add a field: add it to IndexedEntry, add one codec to FIELDS below and raise
// INDEX_CACHE_SCHEMA. A cache of another schema, extension version or fingerprint is ignored.

/** Raise on any change to the layout or to FIELDS. */
export const INDEX_CACHE_SCHEMA = 2;

/** A cache larger than this is not read (about 10× a journal of 50,000 entries). */
export const MAX_INDEX_CACHE_BYTES = 64 * 1024 * 1024;

const MAGIC = [0x42, 0x4a, 0x49, 0x58]; // "BJIX"
const HEADER_BYTES = 16;
/** Longest key accepted; longer means a corrupt file. */
const MAX_STRING_BYTES = 64 * 1024;

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

class Writer {
  private bytes = new Uint8Array(1 << 16);
  private view = new DataView(this.bytes.buffer);
  private readonly encoder = new TextEncoder();
  length = 0;

  private reserve(more: number): void {
    if (this.length + more <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + more) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
    this.view = new DataView(grown.buffer);
  }

  uint(value: number): void {
    this.reserve(8);
    // Up to 2^53: seven bits a byte, the high bit says more follow.
    while (value >= 0x80) {
      this.bytes[this.length++] = (value % 0x80) | 0x80;
      value = Math.floor(value / 0x80);
    }
    this.bytes[this.length++] = value;
  }

  u32At(offset: number, value: number): void {
    this.view.setUint32(offset, value >>> 0, true);
  }

  float(value: number): void {
    this.reserve(8);
    this.view.setFloat64(this.length, value, true);
    this.length += 8;
  }

  raw(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** UTF-8 bytes of `value` into `scratch` (grown as needed); returns the bytes. */
  utf8(value: string, scratch: { bytes: Uint8Array }): Uint8Array {
    if (scratch.bytes.length < value.length * 3) scratch.bytes = new Uint8Array(value.length * 3);
    const { written } = this.encoder.encodeInto(value, scratch.bytes);
    return scratch.bytes.subarray(0, written);
  }

  string(value: string): void {
    // At most 3 bytes per UTF-16 unit; the length goes first, so encode after room for it.
    this.reserve(value.length * 3 + 8);
    const lengthAt = this.length;
    const lengthBytes = value.length * 3 < 0x80 ? 1 : value.length * 3 < 0x4000 ? 2 : value.length * 3 < 0x200000 ? 3 : 4;
    const { written } = this.encoder.encodeInto(value, this.bytes.subarray(lengthAt + lengthBytes));
    // The length as a varint of exactly `lengthBytes` bytes (padded with continuation bytes).
    let rest = written;
    for (let i = 0; i < lengthBytes; i++) {
      this.bytes[lengthAt + i] = (rest & 0x7f) | (i < lengthBytes - 1 ? 0x80 : 0);
      rest = Math.floor(rest / 0x80);
    }
    this.length = lengthAt + lengthBytes + written;
  }

  done(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/** Thrown by the reader on anything malformed; decodeIndexCache turns it into "ignored". */
class Malformed extends Error {}

class Reader {
  private readonly view: DataView;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  offset: number;

  constructor(
    private readonly bytes: Uint8Array,
    offset: number,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.offset = offset;
  }

  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  uint(): number {
    let value = 0;
    let scale = 1;
    for (let shift = 0; shift < 8; shift++) {
      if (this.offset >= this.bytes.length) throw new Malformed('truncated');
      const byte = this.bytes[this.offset++];
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
    throw new Malformed('number too long');
  }

  /** A count of things that each take at least one byte: never more than the bytes left. */
  count(): number {
    const value = this.uint();
    if (value > this.remaining) throw new Malformed('count past the end');
    return value;
  }

  float(): number {
    if (this.remaining < 8) throw new Malformed('truncated');
    const value = this.view.getFloat64(this.offset, true);
    this.offset += 8;
    return value;
  }

  bytesOf(length: number): Uint8Array {
    if (length > this.remaining) throw new Malformed('string past the end');
    const slice = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }

  string(): string {
    return this.text(this.bytesOf(this.uint()));
  }

  /**
   * A fresh flat string (never a slice of a larger one, so nothing else is kept alive). One
   * TextDecoder call per string: faster in Node 20 than String.fromCharCode over the bytes.
   */
  text(bytes: Uint8Array): string {
    try {
      return this.decoder.decode(bytes);
    } catch {
      throw new Malformed('invalid UTF-8');
    }
  }
}

/** What a field's codec sees beside the record: the string table and the previous key. */
interface EncodeState {
  readonly out: Writer;
  /** Index of each table string (numbers from 1; 0 stands for undefined). */
  readonly table: Map<string, number>;
  /** The previous key's bytes and room for this one's (swapped after each key). */
  previousKey: { bytes: Uint8Array; length: number };
  key: { bytes: Uint8Array; length: number };
}

interface DecodeState {
  readonly input: Reader;
  readonly table: readonly string[];
  /** Per table string: 1 once it was checked to be a day (records share few days). */
  readonly days: Uint8Array;
  keyBytes: Uint8Array;
  keyLength: number;
}

type Draft = { -readonly [K in keyof IndexedEntry]?: IndexedEntry[K] };

interface FieldCodec {
  readonly name: string;
  /** Strings of this field that go to the table (written once, referred to by number). */
  tabled?(entry: IndexedEntry, add: (value: string | undefined) => void): void;
  write(entry: IndexedEntry, state: EncodeState): void;
  read(draft: Draft, state: DecodeState): void;
}

function tableRef(state: DecodeState, value: number): string | undefined {
  if (value === 0) return undefined;
  if (value > state.table.length) throw new Malformed('string table reference past the end');
  return state.table[value - 1];
}

function tableString(state: DecodeState): string {
  const value = tableRef(state, state.input.uint());
  if (value === undefined) throw new Malformed('missing string');
  return value;
}

const NOTHING: readonly never[] = Object.freeze([]);

function writeOptional(out: Writer, value: string | undefined): void {
  if (value === undefined) out.uint(0);
  else {
    out.uint(1);
    out.string(value);
  }
}

function readOptional(input: Reader): string | undefined {
  const present = input.uint();
  if (present > 1) throw new Malformed('bad optional flag');
  return present === 1 ? input.string() : undefined;
}

function readDay(input: Reader): string | undefined {
  const day = readOptional(input);
  if (day !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Malformed('bad day');
  return day;
}

/**
 * Every field of a record, in the order written: THE one place that says how a record is kept.
 * The key comes first; each field's reader validates what it reads.
 */
const FIELDS: readonly FieldCodec[] = [
  {
    name: 'key',
    write(entry, state) {
      const bytes = state.out.utf8(entry.key, state.key);
      state.key.length = bytes.length;
      const previous = state.previousKey.bytes;
      let shared = 0;
      const most = Math.min(bytes.length, state.previousKey.length);
      while (shared < most && bytes[shared] === previous[shared]) shared++;
      // Never split a character: a UTF-8 continuation byte (10xxxxxx) goes with its lead.
      while (shared > 0 && (bytes[shared] & 0xc0) === 0x80) shared--;
      state.out.uint(shared);
      state.out.uint(bytes.length - shared);
      state.out.raw(bytes.subarray(shared));
      [state.previousKey, state.key] = [state.key, state.previousKey];
    },
    read(draft, state) {
      const shared = state.input.uint();
      const rest = state.input.bytesOf(state.input.uint());
      if (shared > state.keyLength) throw new Malformed('key prefix longer than the previous key');
      const length = shared + rest.length;
      if (length === 0 || length > MAX_STRING_BYTES) throw new Malformed('bad key length');
      if (length > state.keyBytes.length) {
        const grown = new Uint8Array(Math.max(length, state.keyBytes.length * 2));
        grown.set(state.keyBytes.subarray(0, shared));
        state.keyBytes = grown;
      }
      state.keyBytes.set(rest, shared);
      state.keyLength = length;
      draft.key = state.input.text(state.keyBytes.subarray(0, length));
    },
  },
  {
    name: 'size',
    write: (entry, { out }) => out.uint(entry.size < 0 ? 0 : entry.size + 1),
    read(draft, { input }) {
      draft.size = input.uint() - 1;
    },
  },
  {
    name: 'mtime',
    write: (entry, { out }) => out.float(entry.mtime),
    read(draft, { input }) {
      const mtime = input.float();
      draft.mtime = Number.isFinite(mtime) && mtime > 0 ? mtime : -1;
    },
  },
  {
    name: 'kind',
    write: (entry, { out }) => out.uint(NOTE_KINDS.indexOf(entry.kind)),
    read(draft, { input }) {
      const kind: NoteKind | undefined = NOTE_KINDS[input.uint()];
      if (kind === undefined) throw new Malformed('unknown kind');
      draft.kind = kind;
    },
  },
  {
    name: 'title',
    write: (entry, { out }) => out.string(entry.title),
    read(draft, { input }) {
      draft.title = input.string();
    },
  },
  {
    name: 'day',
    tabled: (entry, add) => add(entry.day),
    write: (entry, { out, table }) => out.uint(entry.day === undefined ? 0 : table.get(entry.day)!),
    read(draft, state) {
      const at = state.input.uint();
      const day = tableRef(state, at);
      if (day !== undefined && state.days[at] !== 1) {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Malformed('bad day');
        state.days[at] = 1;
      }
      draft.day = day;
    },
  },
  {
    name: 'time',
    write: (entry, { out }) => out.float(entry.time),
    read(draft, { input }) {
      draft.time = input.float();
    },
  },
  {
    name: 'tags',
    tabled: (entry, add) => entry.tags.forEach(add),
    write(entry, { out, table }) {
      out.uint(entry.tags.length);
      for (const tag of entry.tags) out.uint(table.get(tag)!);
    },
    read(draft, state) {
      const count = state.input.count();
      if (count === 0) {
        draft.tags = NOTHING;
        return;
      }
      const tags: string[] = new Array(count);
      for (let i = 0; i < count; i++) tags[i] = tableString(state);
      draft.tags = tags;
    },
  },
  {
    name: 'problems',
    tabled: (entry, add) => entry.problems.forEach((problem) => add(problem.message)),
    write(entry, { out, table }) {
      out.uint(entry.problems.length);
      for (const problem of entry.problems) {
        out.uint(table.get(problem.message)!);
        out.uint(Math.max(0, Math.floor(problem.line)));
      }
    },
    read(draft, state) {
      const count = state.input.count();
      if (count === 0) {
        draft.problems = NOTHING;
        return;
      }
      const problems: EntryProblem[] = new Array(count);
      for (let i = 0; i < count; i++) problems[i] = { message: tableString(state), line: state.input.uint() };
      draft.problems = problems;
    },
  },
  {
    name: 'commitments',
    write(entry, { out }) {
      out.uint(entry.commitments.length);
      for (const { text, line, column, done } of entry.commitments) {
        out.string(text);
        out.uint(line);
        out.uint(column);
        out.uint(done ? 1 : 0);
      }
    },
    read(draft, { input }) {
      const count = input.count();
      if (count === 0) {
        draft.commitments = NOTHING;
        return;
      }
      const commitments: Commitment[] = new Array(count);
      for (let i = 0; i < count; i++) commitments[i] = { text: input.string(), line: input.uint(), column: input.uint(), done: input.uint() === 1 };
      draft.commitments = commitments;
    },
  },
  {
    name: 'root',
    tabled: (entry, add) => add(entry.root),
    write: (entry, { out, table }) => out.uint(entry.root === undefined ? 0 : table.get(entry.root)!),
    read(draft, state) {
      draft.root = tableRef(state, state.input.uint());
    },
  },
  {
    name: 'follows',
    write(entry, { out }) {
      writeOptional(out, entry.follows);
      writeOptional(out, entry.commitment);
    },
    read(draft, { input }) {
      draft.follows = readOptional(input);
      draft.commitment = readOptional(input);
    },
  },
  {
    name: 'goal',
    write(entry, { out }) {
      const goal = entry.goal;
      if (!goal) return out.uint(0);
      out.uint(1);
      out.string(goal.trait);
      out.uint(goal.target);
      out.uint(GOAL_PERIODS.indexOf(goal.per));
      writeOptional(out, goal.until);
      writeOptional(out, goal.closed);
      out.string(goal.text);
    },
    read(draft, { input }) {
      const present = input.uint();
      if (present > 1) throw new Malformed('bad goal flag');
      if (present === 0) {
        draft.goal = undefined;
        return;
      }
      const trait = input.string();
      const target = input.uint();
      const per = GOAL_PERIODS[input.uint()];
      if (per === undefined) throw new Malformed('unknown goal period');
      const until = readDay(input);
      const closed = readDay(input);
      const goal: Goal = { trait, target, per, text: input.string(), ...(until === undefined ? {} : { until }), ...(closed === undefined ? {} : { closed }) };
      draft.goal = goal;
    },
  },
  {
    name: 'from',
    write: (entry, { out }) => out.uint(entry.from === undefined ? 0 : FEEDBACK_SOURCES.indexOf(entry.from) + 1),
    read(draft, { input }) {
      const at = input.uint();
      if (at > FEEDBACK_SOURCES.length) throw new Malformed('unknown feedback source');
      draft.from = at === 0 ? undefined : FEEDBACK_SOURCES[at - 1];
    },
  },
];

const FIELD_NAMES = FIELDS.map((field) => field.name).join(',');

/** A 32-bit hash of the body: a flipped bit or a torn write is caught before any record is used. */
export function checksum(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let hash = 0x811c9dc5 ^ (end - start);
  let i = start;
  // Four bytes a step through an aligned view (a copy when the bytes are not aligned); the tail
  // byte by byte. Platform byte order: a cache is read where it was written.
  const words = Math.floor((end - start) / 4);
  if (words > 0) {
    const view =
      (bytes.byteOffset + start) % 4 === 0
        ? new Int32Array(bytes.buffer, bytes.byteOffset + start, words)
        : new Int32Array(bytes.slice(start, start + words * 4).buffer, 0, words);
    for (let w = 0; w < words; w++) {
      hash = Math.imul(hash ^ view[w], 0x01000193);
      hash ^= hash >>> 15;
    }
    i += words * 4;
  }
  for (; i < end; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193);
  return hash >>> 0;
}

/** The records of `entries` as the cache file's bytes. */
export function encodeIndexCache(identity: IndexCacheIdentity, entries: Iterable<IndexedEntry>): Uint8Array {
  const records = [...entries];
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
    const count = input.count();
    const records: IndexedEntry[] = new Array(count);
    const state: DecodeState = { input, table, days: new Uint8Array(table.length + 1), keyBytes: new Uint8Array(256), keyLength: 0 };
    for (let i = 0; i < count; i++) {
      const draft: Draft = {};
      for (const field of FIELDS) field.read(draft, state);
      records[i] = draft as IndexedEntry;
    }
    if (input.remaining !== 0) return { ignored: 'it has bytes after its last record' };
    return { records };
  } catch (error) {
    return { ignored: error instanceof Malformed ? `it is corrupt (${error.message})` : `it could not be read (${String(error)})` };
  }
}

/** Whether a file's stamp now differs from the one its record was read with. */
export function stampChanged(known: ContentStamp | undefined, now: ContentStamp): boolean {
  // An unknown mtime (-1, or a file system that reports none) proves nothing: read again.
  return known === undefined || known.mtime <= 0 || now.mtime <= 0 || known.size !== now.size || known.mtime !== now.mtime;
}

/**
 * The check of a restored index against the disk: of the files found now (with their stamps),
 * which are unchanged since their record was read, and which must be read. Records of files not
 * found are the caller's to drop. Linear in the number of files.
 */
export function planValidation<F>(found: ReadonlyArray<{ readonly file: F; readonly key: string; readonly stamp: ContentStamp }>, known: (key: string) => ContentStamp | undefined): { unchanged: string[]; toRead: F[] } {
  const unchanged: string[] = [];
  const toRead: F[] = [];
  for (const { file, key, stamp } of found) {
    if (stampChanged(known(key), stamp)) toRead.push(file);
    else unchanged.push(key);
  }
  return { unchanged, toRead };
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
