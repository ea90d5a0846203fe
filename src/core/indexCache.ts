import type { ContentStamp, IndexedEntry } from './journalIndex';
import { Malformed, Reader, Writer, checksum } from './binaryCodec';
import { DecodeState, Draft, EncodeState, FIELDS, FIELD_NAMES } from './indexCacheFields';

export { checksum } from './binaryCodec';

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
// To add a field: add it to IndexedEntry, add one codec to FIELDS (core/indexCacheFields) and raise
// INDEX_CACHE_SCHEMA. A cache of another schema, extension version or fingerprint is ignored.

/** Raise on any change to the layout or to FIELDS. */
export const INDEX_CACHE_SCHEMA = 2;

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
