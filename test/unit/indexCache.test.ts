import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEntry } from '../../src/core/entryParser';
import {
  FIRST_PAINT_DAYS,
  FIRST_PAINT_MAX_RECORDS,
  INDEX_CACHE_SCHEMA,
  IndexCacheIdentity,
  IndexCacheReader,
  checksum,
  decodeIndexCache,
  encodeIndexCache,
  openIndexCache,
  readsFirst,
  planValidation,
  recordedStamp,
  stampChanged,
} from '../../src/core/indexCache';
import { Reader, Writer } from '../../src/core/binaryCodec';
import { FIELD_NAMES } from '../../src/core/indexCacheFields';
import { IndexedEntry, JournalIndex } from '../../src/core/journalIndex';
import { fastestCpuMs } from './helpers/timing';
import { propertyRuns } from './helpers/runs';
import { indexedRecord as record } from './helpers/journal';

const identity: IndexCacheIdentity = { version: '1.2.3', fingerprint: '{"roots":["file:///ws/journal"]}' };

/** An index with every shape a record can have. */
function sampleIndex(): JournalIndex {
  const index = new JournalIndex();
  const add = (key: string, text: string, folder?: string, stamp = { size: text.length, mtime: 1_700_000_000_123.5 }) =>
    index.set(key, key.slice(key.lastIndexOf('/') + 1), parseEntry(text, key.slice(key.lastIndexOf('/') + 1)), folder, 'file:///ws/journal/', stamp);
  add('file:///ws/journal/2026/10/2026-10-01-first.md', '---\ndate: 2026-10-01T09:00:00+02:00\ntags: [empathy, influence]\n---\n# First one-on-one\n#retro');
  add('file:///ws/journal/2026/10/2026-10-02-no-title.md', '---\ntags: [empathy]\n---\nNo heading #time-management');
  add('file:///ws/journal/2026/10/broken.md', '---\ntags: [x\n---\n# Broken');
  add('file:///ws/journal/no-date.md', '# Untitled day #empathy', undefined, { size: -1, mtime: -1 });
  add('file:///ws/journal/reviews/2026-W48.md', '---\ndate: 2026-11-27\nkind: review\n---\n# Week 48 #empathy', 'reviews');
  add('file:///ws/journal/%C3%A9t%C3%A9/caf%C3%A9.md', '# Café ☕ — été 😀\n#café-talk #empathy');
  add('file:///ws/journal/%C3%A9t%C3%A9/caf%C3%A9-2.md', '---\ntags: 42\n---\n# Ünïcödé');
  // The development loop's notes: commitments, a follow-up, a goal (open and closed), feedback.
  add('file:///ws/journal/2026/11/2026-11-02-plan.md', '---\ndate: 2026-11-02\ntags: [empathy]\n---\n# Plan\n\n- [ ] Ask Lea\n- [x] Book the room\n');
  add('file:///ws/journal/2026/11/2026-11-09-ask.md', '---\ndate: 2026-11-09\ntags: [empathy]\nfollows: 2026/11/2026-11-02-plan.md\ncommitment: Ask Lea\n---\n# Asked\n');
  add('file:///ws/journal/goals/empathy.md', '---\nkind: goal\ntrait: empathy\ntarget: 4\nper: month\nuntil: 2027-01-31\n---\nNotice people first.\n', 'goals');
  add('file:///ws/journal/goals/influence-2026-10-01.md', '---\nkind: goal\ntrait: influence\ntarget: 1\nper: week\nclosed: 2026-11-01\n---\nOld goal.\n', 'goals');
  add('file:///ws/journal/feedback/2026-11-20-peer.md', '---\nkind: feedback\nfrom: peer\ntags: [influence]\n---\n> Clear.\n', 'feedback');
  return index;
}

function plain(entry: IndexedEntry) {
  return { ...entry, tags: [...entry.tags], problems: entry.problems.map((problem) => ({ ...problem })) };
}

/**
 * The order records are written in, as the format promises it: notes that are not reflections
 * first (as given), then reflections newest first (equal times as given), undated ones last.
 */
function inCacheOrder<T extends Pick<IndexedEntry, 'kind' | 'time'>>(records: readonly T[]): T[] {
  const others = records.filter((record) => record.kind !== 'entry');
  const dated = records.filter((record) => record.kind === 'entry' && !Number.isNaN(record.time));
  const undated = records.filter((record) => record.kind === 'entry' && Number.isNaN(record.time));
  const newestFirst: T[] = [];
  for (const record of dated) {
    // Insertion after every record at least as new: equal times keep their order.
    let at = 0;
    while (at < newestFirst.length && newestFirst[at].time >= record.time) at++;
    newestFirst.splice(at, 0, record);
  }
  return [...others, ...newestFirst, ...undated];
}

function decodeOk(bytes: Uint8Array, expected = identity): IndexedEntry[] {
  const loaded = decodeIndexCache(bytes, expected);
  if ('ignored' in loaded) throw new Error(`ignored: ${loaded.ignored}`);
  return loaded.records;
}

describe('index cache encoding', () => {
  it('round-trips every field of every record', () => {
    const index = sampleIndex();
    const records = decodeOk(encodeIndexCache(identity, index.values()));
    expect(records.map(plain)).toEqual(inCacheOrder([...index.values()]).map(plain));
    expect(records.map((record) => record.key.slice('file:///ws/journal/'.length))).toEqual([
      'reviews/2026-W48.md',
      'goals/empathy.md',
      'goals/influence-2026-10-01.md',
      'feedback/2026-11-20-peer.md',
      '2026/11/2026-11-09-ask.md',
      '2026/11/2026-11-02-plan.md',
      '2026/10/2026-10-02-no-title.md', // dated by its file name
      '2026/10/2026-10-01-first.md',
      '2026/10/broken.md', // undated, in the order written
      'no-date.md',
      '%C3%A9t%C3%A9/caf%C3%A9.md',
      '%C3%A9t%C3%A9/caf%C3%A9-2.md',
    ]);
    expect(records.some((record) => record.problems.length > 0)).toBe(true);
    expect(records.some((record) => record.kind === 'review')).toBe(true);
    expect(records.some((record) => Number.isNaN(record.time))).toBe(true);
    expect(records.find((record) => record.key.endsWith('no-date.md'))).toMatchObject({ size: -1, mtime: -1, day: undefined });
    // The sample holds each of the loop's fields, so the round trip above covers them.
    expect(records.find((record) => record.key.endsWith('plan.md'))?.commitments).toMatchObject([{ text: 'Ask Lea', done: false }, { text: 'Book the room', done: true }]);
    expect(records.find((record) => record.key.endsWith('ask.md'))).toMatchObject({ follows: 'file:///ws/journal/2026/11/2026-11-02-plan.md', commitment: 'Ask Lea' });
    expect(records.find((record) => record.key.endsWith('goals/empathy.md'))?.goal).toMatchObject({ trait: 'empathy', target: 4, per: 'month', until: '2027-01-31' });
    expect(records.find((record) => record.key.endsWith('influence-2026-10-01.md'))?.goal).toMatchObject({ per: 'week', closed: '2026-11-01' });
    expect(records.find((record) => record.key.endsWith('peer.md'))).toMatchObject({ kind: 'feedback', from: 'peer' });
  });

  it('restores an index equal to the one written: counts, kinds, lists', () => {
    const index = sampleIndex();
    const restored = new JournalIndex();
    for (const record of decodeOk(encodeIndexCache(identity, index.values()))) restored.restore(record);
    for (const tag of ['empathy', 'influence', 'retro', 'time-management', 'café-talk']) expect(restored.countOf(tag), tag).toBe(index.countOf(tag));
    expect(restored.countOfKind('review')).toBe(1);
    expect(restored.entriesTagged('empathy').map((entry) => entry.key)).toEqual(index.entriesTagged('empathy').map((entry) => entry.key));
    expect(restored.balance()).toEqual(index.balance());
    expect([...restored.withOpenCommitments()].map((entry) => entry.key)).toEqual([...index.withOpenCommitments()].map((entry) => entry.key));
    expect(restored.feedbackCountOf('influence')).toBe(1);
  });

  it('round-trips an empty index and any generated records', () => {
    expect(decodeOk(encodeIndexCache(identity, []))).toEqual([]);
    const text = fc.string({ unit: 'grapheme', maxLength: 40 });
    const record = fc.record({
      key: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
      title: text,
      day: fc.option(fc.constantFrom('2026-01-02', '0000-00-00', '9999-99-99'), { nil: undefined }),
      time: fc.oneof(fc.double(), fc.constant(Number.NaN)),
      tags: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 5 }),
      problems: fc.array(fc.record({ message: text, line: fc.nat(100_000) }), { maxLength: 3 }),
      kind: fc.constantFrom('entry', 'review', 'report', 'goal', 'feedback', 'export') as fc.Arbitrary<IndexedEntry['kind']>,
      size: fc.integer({ min: -1, max: 2 ** 40 }),
      mtime: fc.oneof(fc.constant(-1), fc.double({ min: 1, max: 4e12, noNaN: true })),
      commitments: fc.array(fc.record({ text, line: fc.nat(100_000), column: fc.nat(1000), done: fc.boolean() }), { maxLength: 3 }),
      root: fc.option(fc.constantFrom('file:///ws/journal/', 'file:///ws/other/'), { nil: undefined }),
      follows: fc.option(text, { nil: undefined }),
      commitment: fc.option(text, { nil: undefined }),
      goal: fc.option(
        fc.record({ trait: text, target: fc.integer({ min: 1, max: 100 }), per: fc.constantFrom('week', 'month') as fc.Arbitrary<'week' | 'month'>, text, until: fc.constantFrom('2027-01-31', '2026-12-01') }),
        { nil: undefined },
      ),
      from: fc.option(fc.constantFrom('manager', 'peer', 'direct-report', 'mentor', 'self', 'other') as fc.Arbitrary<NonNullable<IndexedEntry['from']>>, { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 20 }), (records) => {
        expect(decodeOk(encodeIndexCache(identity, records)).map(plain)).toEqual(inCacheOrder(records).map(plain));
      }),
      { numRuns: propertyRuns(300) },
    );
  });

  it('ignores a cache of another version, fingerprint or schema, with the reason', () => {
    const bytes = encodeIndexCache(identity, sampleIndex().values());
    expect(decodeIndexCache(bytes, { ...identity, version: '1.2.4' })).toEqual({ ignored: 'it was written by version 1.2.3' });
    expect(decodeIndexCache(bytes, { ...identity, fingerprint: 'other' })).toHaveProperty('ignored');
    const other = bytes.slice();
    new DataView(other.buffer).setUint32(4, INDEX_CACHE_SCHEMA + 1, true);
    expect(decodeIndexCache(other, identity)).toEqual({ ignored: `it has schema ${INDEX_CACHE_SCHEMA + 1}, not ${INDEX_CACHE_SCHEMA}` });
  });

  it('ignores a truncated, corrupt, foreign or oversized file and never throws', () => {
    const bytes = encodeIndexCache(identity, sampleIndex().values());
    for (let length = 0; length < bytes.length; length++) expect(decodeIndexCache(bytes.subarray(0, length), identity)).toHaveProperty('ignored');
    expect(decodeIndexCache(new Uint8Array([...bytes, 0]), identity)).toHaveProperty('ignored');
    // Every single flipped bit, anywhere: the checksum (or the header) catches it.
    for (let at = 0; at < bytes.length; at++) {
      for (let bit = 0; bit < 8; bit++) {
        const flipped = bytes.slice();
        flipped[at] ^= 1 << bit;
        expect(decodeIndexCache(flipped, identity), `byte ${at} bit ${bit}`).toHaveProperty('ignored');
      }
    }
    expect(decodeIndexCache(new TextEncoder().encode('{"records":[]}'), identity)).toEqual({ ignored: 'it is not an index cache' });
    expect(decodeIndexCache(bytes, identity, bytes.length - 1)).toHaveProperty('ignored');
  });

  it('never throws on any body that passes the checksum (a cache written by a broken build)', () => {
    const valid = encodeIndexCache(identity, sampleIndex().values());
    const withBody = (body: Uint8Array) => {
      const bytes = new Uint8Array(16 + body.length);
      bytes.set(valid.subarray(0, 8));
      bytes.set(body, 16);
      const view = new DataView(bytes.buffer);
      view.setUint32(8, body.length, true);
      view.setUint32(12, checksum(bytes, 16), true);
      return bytes;
    };
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(), (noise, seed) => {
        // Pure noise, and the valid body with a few bytes changed or cut.
        const body = valid.slice(16);
        for (let i = 0; i < noise.length && i < 4; i++) body[(seed + noise[i] * 31 + i * 97) % body.length] = noise[i];
        for (const candidate of [noise, body, body.subarray(0, seed % body.length)]) {
          const loaded = decodeIndexCache(withBody(candidate), identity);
          if ('records' in loaded) for (const record of loaded.records) expect(typeof record.key).toBe('string');
        }
      }),
      { numRuns: propertyRuns(2000) },
    );
  });

  it('decodes in time linear in the number of records', () => {
    const make = (count: number) => {
      const records: IndexedEntry[] = Array.from({ length: count }, (_, i) => ({
        key: `file:///ws/journal/${2000 + (i % 20)}/${i % 12}/${i}-entry.md`,
        title: `Entry ${i}`,
        day: `2026-01-0${1 + (i % 9)}`,
        time: 1e12 + i,
        tags: ['empathy', `t${i % 50}`],
        problems: [],
        kind: 'entry',
        size: i,
        mtime: 1e12 + i,
        commitments: [],
        root: 'file:///ws/journal/',
        follows: undefined,
        commitment: undefined,
        goal: undefined,
        from: undefined,
      }));
      return encodeIndexCache(identity, records);
    };
    // Both sizes past the young generation of the garbage collector, whose copying of the records
    // makes a small decode look cheaper per record than any large one.
    const small = make(20_000);
    const large = make(100_000);
    decodeOk(small);
    decodeOk(large);
    const ratio = fastestCpuMs(() => decodeOk(large), 3) / Math.max(fastestCpuMs(() => decodeOk(small), 5), 1);
    expect(ratio).toBeLessThan(15); // 5× the records; a quadratic decode gives 25×
  });
});

/** A cache file around `body`: magic, this schema, the body's length and checksum. */
function cacheWithBody(body: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(16 + body.length);
  bytes.set([0x42, 0x4a, 0x49, 0x58]); // "BJIX"
  bytes.set(body, 16);
  const view = new DataView(bytes.buffer);
  view.setUint32(4, INDEX_CACHE_SCHEMA, true);
  view.setUint32(8, body.length, true);
  view.setUint32(12, checksum(bytes, 16), true);
  return bytes;
}

/**
 * Why `openIndexCache` ignores a body of this identity with `table` as its string table, then
 * `numbers` (the counts and the record count) as varints; 'opened' when it does not.
 */
function whyOpeningIgnores(table: string[], numbers: number[]): string {
  const out = new Writer();
  for (const value of [identity.version, identity.fingerprint, FIELD_NAMES]) out.string(value);
  out.uint(table.length);
  for (const value of table) out.string(value);
  for (const value of numbers) out.uint(value);
  const result = openIndexCache(cacheWithBody(out.done()), identity);
  return 'ignored' in result ? result.ignored : 'opened';
}

/** A body whose strings are written with the codec: version, fingerprint, field names, then `rest`. */
function bodyOf(version: string, fingerprint: string, fields: string, rest: number[] = []): Uint8Array {
  const out = new Writer();
  out.string(version);
  out.string(fingerprint);
  out.string(fields);
  for (const value of rest) out.uint(value);
  return out.done();
}


describe('index cache: why a cache is ignored, word for word', () => {
  const empty = () => encodeIndexCache(identity, []);

  it('reads a cache exactly as large as the limit, and not one a byte over it', () => {
    const bytes = empty();
    expect(decodeIndexCache(bytes, identity, bytes.length)).toEqual({ records: [] });
    expect(decodeIndexCache(bytes, identity, bytes.length - 1)).toEqual({ ignored: `it is ${bytes.length} bytes, over the limit of ${bytes.length - 1}` });
  });

  it('takes a file shorter than the header for something else, even when it starts with the magic', () => {
    expect(decodeIndexCache(new Uint8Array([0x42, 0x4a, 0x49, 0x58]), identity)).toEqual({ ignored: 'it is not an index cache' });
    expect(decodeIndexCache(empty().subarray(0, 15), identity)).toEqual({ ignored: 'it is not an index cache' });
  });

  it('reads a header of exactly 16 bytes, then finds the empty body corrupt', () => {
    const bytes = new Uint8Array(16);
    bytes.set([0x42, 0x4a, 0x49, 0x58]);
    const view = new DataView(bytes.buffer);
    view.setUint32(4, INDEX_CACHE_SCHEMA, true);
    view.setUint32(8, 0, true);
    view.setUint32(12, 0x811c9dc5, true); // the checksum of nothing: FNV-1a's offset basis
    expect(decodeIndexCache(bytes, identity)).toEqual({ ignored: 'it is corrupt (truncated)' });
  });

  it('says a file cut short is truncated, and a flipped bit in the body a checksum mismatch', () => {
    const bytes = encodeIndexCache(identity, sampleIndex().values());
    expect(decodeIndexCache(bytes.subarray(0, bytes.length - 1), identity)).toEqual({ ignored: 'it is truncated' });
    const flipped = bytes.slice();
    flipped[bytes.length - 1] ^= 1;
    expect(decodeIndexCache(flipped, identity)).toEqual({ ignored: 'its checksum does not match (corrupt)' });
  });

  it('names a changed fingerprint and changed field names', () => {
    expect(decodeIndexCache(empty(), { ...identity, fingerprint: 'other' })).toEqual({ ignored: 'the journal folders or settings changed since it was written' });
    expect(decodeIndexCache(cacheWithBody(bodyOf(identity.version, identity.fingerprint, 'key,size', [0, 0])), identity)).toEqual({ ignored: 'its fields differ' });
  });

  it('ignores bytes after the last record', () => {
    // No strings, no records: valid; one more byte: not.
    // No strings, counts of nothing (records, kinds, tags, days, feedback tags), no records: valid; one more byte: not.
    expect(decodeIndexCache(cacheWithBody(bodyOf(identity.version, identity.fingerprint, FIELD_NAMES, [0, 0, 0, 0, 0, 0, 0])), identity)).toEqual({ records: [] });
    expect(decodeIndexCache(cacheWithBody(bodyOf(identity.version, identity.fingerprint, FIELD_NAMES, [0, 0, 0, 0, 0, 0, 0, 0])), identity)).toEqual({ ignored: 'it has bytes after its last record' });
  });

  it('says why a body is corrupt, and never throws even when reading the identity does', () => {
    // No strings, then one record in the no bytes left.
    expect(decodeIndexCache(cacheWithBody(bodyOf(identity.version, identity.fingerprint, FIELD_NAMES, [0, 0, 0, 0, 0, 0, 5])), identity)).toEqual({ ignored: 'it is corrupt (count past the end)' });
    const throwing: IndexCacheIdentity = {
      version: identity.version,
      get fingerprint(): string {
        throw new Error('no settings');
      },
    };
    expect(decodeIndexCache(empty(), throwing)).toEqual({ ignored: 'it could not be read (Error: no settings)' });
  });
});

describe('index cache: the string table', () => {
  it('holds each day, tag, problem message and root once, in order of first use', () => {
    const bytes = encodeIndexCache(identity, [
      record('file:///ws/a.md', { day: '2026-11-02', tags: ['b', 'a'], problems: [{ message: 'm', line: 3 }], root: 'file:///ws/' }),
      record('file:///ws/b.md', { day: '2026-11-02', tags: ['a'], root: 'file:///ws/' }),
    ]);
    const input = new Reader(bytes, 16);
    expect([input.string(), input.string(), input.string()]).toEqual([identity.version, identity.fingerprint, FIELD_NAMES]);
    const table = Array.from({ length: input.count() }, () => input.string());
    expect(table).toEqual(['2026-11-02', 'b', 'a', 'm', 'file:///ws/']);
    expect(input.count()).toBe(2);
  });
});

describe('the check of a restored index', () => {
  it('reads a file again when its size or mtime changed, or when either is unknown', () => {
    const known = { size: 10, mtime: 1e12 };
    expect(stampChanged(known, { size: 10, mtime: 1e12 })).toBe(false);
    expect(stampChanged(known, { size: 11, mtime: 1e12 })).toBe(true);
    expect(stampChanged(known, { size: 10, mtime: 1e12 + 1 })).toBe(true);
    expect(stampChanged(undefined, { size: 10, mtime: 1e12 })).toBe(true);
    expect(stampChanged({ size: 10, mtime: -1 }, { size: 10, mtime: -1 })).toBe(true);
    expect(stampChanged({ size: 10, mtime: 0 }, { size: 10, mtime: 0 })).toBe(true);
  });

  it('plans: unchanged records kept, changed and new files read', () => {
    const known = new Map([
      ['a', { size: 1, mtime: 1e12 }],
      ['b', { size: 1, mtime: 1e12 }],
    ]);
    const plan = planValidation(
      [
        { file: 'A', key: 'a', stamp: { size: 1, mtime: 1e12 } },
        { file: 'B', key: 'b', stamp: { size: 2, mtime: 1e12 } },
        { file: 'C', key: 'c', stamp: { size: 1, mtime: 1e12 } },
      ],
      (key) => known.get(key),
    );
    // a and b have records (b changed), c is new: 2 recorded.
    expect(plan).toEqual({ unchanged: ['a'], toRead: ['B', 'C'], recorded: 2 });
  });

  it('does not trust an mtime within a few seconds of the read (a write in the same tick)', () => {
    const now = Date.UTC(2026, 10, 29, 12);
    expect(recordedStamp(5, now - 60_000, now)).toEqual({ size: 5, mtime: now - 60_000 });
    expect(recordedStamp(5, now - 500, now)).toEqual({ size: 5, mtime: -1 });
    expect(recordedStamp(5, now + 60_000, now)).toEqual({ size: 5, mtime: -1 });
    expect(recordedStamp(5, undefined, now)).toEqual({ size: 5, mtime: -1 });
    // Exactly RACY_MTIME_MS (3 s) before the read is old enough; a millisecond later is not.
    expect(recordedStamp(5, now - 3000, now)).toEqual({ size: 5, mtime: now - 3000 });
    expect(recordedStamp(5, now - 2999, now)).toEqual({ size: 5, mtime: -1 });
  });

  it('does not trust an mtime that is not a time after 1970 (zero, negative, not a number)', () => {
    const now = Date.UTC(2026, 10, 29, 12);
    for (const mtime of [0, -5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) expect(recordedStamp(5, mtime, now), String(mtime)).toEqual({ size: 5, mtime: -1 });
    expect(recordedStamp(5, 1, now)).toEqual({ size: 5, mtime: 1 });
  });
});

function opened(bytes: Uint8Array): IndexCacheReader {
  const result = openIndexCache(bytes, identity);
  if ('ignored' in result) throw new Error(`ignored: ${result.ignored}`);
  return result.reader;
}

function taken(load: ReturnType<IndexCacheReader['take']>): IndexedEntry[] {
  if ('ignored' in load) throw new Error(`ignored: ${load.ignored}`);
  return load.records;
}

describe('index cache: the counts written beside the records', () => {
  it('counts what the index counts, by hand: notes, kinds, reflection tags and days, feedback tags', () => {
    const { counts, total } = opened(encodeIndexCache(identity, sampleIndex().values()));
    expect(total).toBe(12);
    expect(counts.records).toBe(12);
    expect(Object.fromEntries(counts.kinds)).toEqual({ entry: 8, review: 1, goal: 2, feedback: 1 });
    // The review's #empathy and the feedback's influence are not reflections; the broken file has no tags.
    expect(Object.fromEntries(counts.tags)).toEqual({ empathy: 6, influence: 1, retro: 1, 'time-management': 1, 'café-talk': 1 });
    expect(Object.fromEntries(counts.feedbackTags)).toEqual({ influence: 1 });
    expect(Object.fromEntries(counts.days)).toEqual({ '2026-10-01': 1, '2026-10-02': 1, '2026-11-02': 1, '2026-11-09': 1 });
  });

  it('decodes in slices: what is taken and then the rest are every record once, in order', () => {
    const bytes = encodeIndexCache(identity, sampleIndex().values());
    const all = decodeOk(bytes).map((entry) => entry.key);
    const reader = opened(bytes);
    let asked = 0;
    const first = taken(reader.take(() => ++asked < 3));
    expect(first.map((entry) => entry.key)).toEqual(all.slice(0, 3));
    const second = taken(reader.take(() => false));
    expect(second.map((entry) => entry.key)).toEqual(all.slice(3, 4));
    const rest = taken(reader.rest());
    expect(rest.map((entry) => entry.key)).toEqual(all.slice(4));
    expect(taken(reader.take(() => true))).toEqual([]);
  });

  it('ignores a cache whose counts are not those of its records, once all are read', () => {
    // Two records, tags [a] and [a, b]: counts a 2, b 1. Swap the two counts: the checksum is made right again.
    const bytes = encodeIndexCache(identity, [record('file:///ws/1.md', { tags: ['a'], time: 2 }), record('file:///ws/2.md', { tags: ['a', 'b'], time: 1 })]);
    const input = new Reader(bytes, 16);
    for (let i = 0; i < 3; i++) input.string();
    for (let i = input.count(); i > 0; i--) input.string();
    expect(input.uint()).toBe(2); // records
    expect(input.uint()).toBe(1); // kinds
    input.uint();
    expect(input.uint()).toBe(2); // entry
    expect(input.uint()).toBe(2); // tags
    input.uint();
    const first = input.offset;
    expect(bytes[first]).toBe(2);
    input.uint();
    input.uint();
    const second = input.offset;
    expect(bytes[second]).toBe(1);
    const lying = bytes.slice();
    [lying[first], lying[second]] = [1, 2];
    new DataView(lying.buffer).setUint32(12, checksum(lying, 16), true);
    const reader = opened(lying);
    expect(reader.counts.tags.get('a')).toBe(1);
    expect(reader.rest()).toEqual({ ignored: 'its counts are not those of its records' });
    expect(decodeIndexCache(lying, identity)).toEqual({ ignored: 'its counts are not those of its records' });
  });

  it('finish(): after every record is taken, only bytes after the last one make it ignored', () => {
    const bytes = encodeIndexCache(identity, [record('file:///ws/1.md', { tags: ['a'], time: 2 }), record('file:///ws/2.md', { tags: ['a', 'b'], time: 1 })]);
    const reader = opened(bytes);
    expect(reader.finish()).toBe('not every record was read');
    expect(taken(reader.take(() => true))).toHaveLength(2);
    expect(reader.finish()).toBeUndefined();
    // One byte more, the checksum made right again: every record decodes, the byte is left.
    const longer = new Uint8Array(bytes.length + 1);
    longer.set(bytes);
    const header = new DataView(longer.buffer);
    header.setUint32(8, longer.length - 16, true);
    header.setUint32(12, checksum(longer, 16), true);
    const withExtra = opened(longer);
    expect(taken(withExtra.take(() => true))).toHaveLength(2);
    expect(withExtra.finish()).toBe('it has bytes after its last record');
  });

  it('finish(): a record that did not decode keeps its reason', () => {
    const bytes = encodeIndexCache(identity, [record('file:///ws/1.md', { tags: ['a'], time: 2 }), record('file:///ws/2.md', { tags: ['a', 'b'], time: 1 })]);
    // The last byte made the start of a number that never ends; the checksum made right again.
    const broken = bytes.slice();
    broken[broken.length - 1] = 0xff;
    new DataView(broken.buffer).setUint32(12, checksum(broken, 16), true);
    const reader = opened(broken);
    const load = reader.take(() => true);
    expect('ignored' in load && load.ignored).toMatch(/^it is corrupt/);
    expect(reader.finish()).toBe('ignored' in load ? load.ignored : 'no failure');
  });

  it('says word for word why counts are corrupt', () => {
    const reason = whyOpeningIgnores;
    // records | kinds: n (kind, count)* | tags, days, feedback tags: n (reference, count)* | record count
    expect(reason([], [0, 0, 0, 0, 0, 0])).toBe('opened');
    expect(reason([], [1, 1, 99, 1, 0, 0, 0, 1])).toBe('it is corrupt (unknown kind in the counts)');
    expect(reason([], [2, 2, 0, 1, 0, 1, 0, 0, 0, 2])).toBe('it is corrupt (unknown kind in the counts)'); // entry twice
    expect(reason([], [1, 1, 0, 0, 0, 0, 0, 1])).toBe('it is corrupt (bad count)');
    expect(reason([], [1, 1, 0, 2, 0, 0, 0, 1])).toBe('it is corrupt (bad count)');
    expect(reason(['a'], [1, 1, 0, 1, 1, 2, 1, 0, 0, 1])).toBe('it is corrupt (string table reference past the end)');
    expect(reason(['a'], [1, 1, 0, 1, 1, 0, 1, 0, 0, 1])).toBe('it is corrupt (string table reference past the end)');
    expect(reason(['a'], [1, 1, 0, 1, 2, 1, 1, 1, 1, 0, 0, 1])).toBe('it is corrupt (a value counted twice)');
    expect(reason(['a'], [1, 1, 0, 1, 0, 1, 1, 1, 0, 1])).toBe('it is corrupt (bad day)');
    expect(reason(['2026-11-02'], [1, 1, 0, 1, 0, 1, 1, 1, 0, 1])).toBe('it is corrupt (count past the end)'); // valid counts, a record missing
    expect(reason([], [1, 0, 0, 0, 0, 0])).toBe('its counts are not those of its records');
  });
});

describe('index cache: what a first paint decodes (readsFirst)', () => {
  const now = Date.parse('2026-12-07T12:00:00Z');
  const day = 86_400_000;
  const since = now - FIRST_PAINT_DAYS * day;
  const reflection = (name: string, time: number, tags: string[]) => record(`file:///ws/${name}.md`, { time, tags });
  const firstOf = (records: IndexedEntry[]) => {
    const reader = opened(encodeIndexCache(identity, records));
    return taken(reader.take(readsFirst(reader.counts, now))).map((entry) => entry.key.slice('file:///ws/'.length, -'.md'.length));
  };

  it('takes the other notes, the reflections of the last weeks, and every trait\'s newest; nothing older', () => {
    const records = [
      reflection('undated', Number.NaN, ['empathy']),
      reflection('e-300', now - 300 * day, ['empathy']),
      reflection('tm-200', now - 200 * day, ['time-management']),
      reflection('i-100', now - 100 * day, ['influence']),
      reflection('e-since-1ms', since - 1, ['empathy']),
      reflection('e-since', since, ['empathy', 'retro']),
      reflection('i-41', now - 41 * day, ['influence']),
      reflection('e-1', now - day, ['empathy']),
      record('file:///ws/goal.md', { kind: 'goal', time: now - 900 * day }),
      record('file:///ws/feedback.md', { kind: 'feedback', time: Number.NaN, tags: ['influence'] }),
    ];
    // time-management's newest is 200 days old: the reflections are read down to it, and it is the last.
    expect(firstOf(records)).toEqual(['goal', 'feedback', 'e-1', 'i-41', 'e-since', 'e-since-1ms', 'i-100', 'tm-200']);
    // Every trait seen within the weeks: the first older reflection is the last one taken.
    expect(firstOf(records.filter((entry) => !entry.key.includes('tm-') && !entry.key.includes('i-100')))).toEqual(['goal', 'feedback', 'e-1', 'i-41', 'e-since', 'e-since-1ms']);
    // Tags that are not traits are not looked for; undated reflections end the search.
    expect(firstOf([reflection('retro-500', now - 500 * day, ['retro']), reflection('e-1', now - day, ['empathy']), reflection('u', Number.NaN, ['influence'])])).toEqual(['e-1', 'retro-500', 'u']);
    expect(firstOf([reflection('u1', Number.NaN, ['influence']), reflection('u2', Number.NaN, ['influence'])])).toEqual(['u1']);
  });

  it('stops looking for a trait\'s newest after FIRST_PAINT_MAX_RECORDS records', () => {
    const records = Array.from({ length: FIRST_PAINT_MAX_RECORDS + 500 }, (_, i) => reflection(`e${i}`, now - (100 + i) * day, ['empathy']));
    records.push(reflection('influence-oldest', now - 99_999 * day, ['influence']));
    const first = firstOf(records);
    expect(first).toHaveLength(FIRST_PAINT_MAX_RECORDS);
    expect(first.at(-1)).toBe(`e${FIRST_PAINT_MAX_RECORDS - 1}`);
  });
});

describe('index cache: the order of the records', () => {
  const keysOf = (records: IndexedEntry[]) => decodeOk(encodeIndexCache(identity, records)).map((entry) => entry.key.slice('file:///ws/'.length, -'.md'.length));

  it('keeps reflections of equal times, and the other notes, in the order given', () => {
    const records = [
      record('file:///ws/r1.md', { time: 5 }),
      record('file:///ws/goal.md', { kind: 'goal', time: 1 }),
      record('file:///ws/r2.md', { time: 5 }),
      record('file:///ws/review.md', { kind: 'review', time: 9 }),
      record('file:///ws/r3.md', { time: 5 }),
      record('file:///ws/newer.md', { time: 6 }),
    ];
    expect(keysOf(records)).toEqual(['goal', 'review', 'newer', 'r1', 'r2', 'r3']);
    expect(keysOf(records.slice().reverse())).toEqual(['review', 'goal', 'newer', 'r3', 'r2', 'r1']);
  });

  it('puts an infinite future first and an infinite past last among the dated, each tie in the order given', () => {
    const records = [
      record('file:///ws/past-a.md', { time: Number.NEGATIVE_INFINITY }),
      record('file:///ws/undated.md'),
      record('file:///ws/future-a.md', { time: Number.POSITIVE_INFINITY }),
      record('file:///ws/zero.md', { time: 0 }),
      record('file:///ws/past-b.md', { time: Number.NEGATIVE_INFINITY }),
      record('file:///ws/future-b.md', { time: Number.POSITIVE_INFINITY }),
    ];
    expect(keysOf(records)).toEqual(['future-a', 'future-b', 'zero', 'past-a', 'past-b', 'undated']);
  });
});

describe('index cache: the days in the counts', () => {
  const reason = whyOpeningIgnores;

  it('finds a day with anything before or after it corrupt', () => {
    // One record: kinds entry 1 | tags none | days: table string 1 once | feedback tags none | record count 1.
    const oneDay = [1, 1, 0, 1, 0, 1, 1, 1, 0, 1];
    // A valid day gets past the counts: the record itself is missing.
    expect(reason(['2026-11-02'], oneDay)).toBe('it is corrupt (count past the end)');
    expect(reason(['x2026-11-02'], oneDay)).toBe('it is corrupt (bad day)');
    expect(reason(['2026-11-02x'], oneDay)).toBe('it is corrupt (bad day)');
  });

  it('checks a string counted as a tag and then as a day, and never a tag as a day', () => {
    // Tags: string 1 once; days: string 1 once.
    expect(reason(['x'], [1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 0, 1])).toBe('it is corrupt (bad day)');
    // A tag that is not a day is not checked as one; the day (string 2) is.
    expect(reason(['x', '2026-11-02'], [1, 1, 0, 1, 1, 1, 1, 1, 2, 1, 0, 1])).toBe('it is corrupt (count past the end)');
  });
});

describe('index cache: a record that cannot be decoded', () => {
  /** One reflection counted, then a record whose key shares 5 bytes with a previous key there is not. */
  const broken = () => {
    const out = new Writer();
    for (const value of [identity.version, identity.fingerprint, FIELD_NAMES]) out.string(value);
    // No strings | records 1, kinds: entry 1, no tags, days or feedback tags | record count 1.
    for (const value of [0, 1, 1, 0, 1, 0, 0, 0, 1]) out.uint(value);
    // Key: 5 bytes shared, none of its own (and nothing after it: decoding again would find the end).
    out.uint(5);
    out.uint(0);
    return cacheWithBody(out.done());
  };
  const why = { ignored: 'it is corrupt (key prefix longer than the previous key)' };

  it('is why the cache is ignored, whether taken or read as the rest', () => {
    expect(opened(broken()).take(() => true)).toEqual(why);
    expect(opened(broken()).rest()).toEqual(why);
    expect(decodeIndexCache(broken(), identity)).toEqual(why);
  });

  it('stays the answer: a take or the rest after it does not decode past the failure', () => {
    const reader = opened(broken());
    expect(reader.take(() => true)).toEqual(why);
    expect(reader.take(() => true)).toEqual(why);
    expect(reader.rest()).toEqual(why);
  });
});

describe('index cache: counts that differ from the records in one part only', () => {
  /**
   * `bytes` with its counts (as numbers: records | kinds: n (kind, count)* | tags, days, feedback
   * tags: n (reference, count)*) checked to be `written`, then replaced by `lying`; the checksum is
   * made right again.
   */
  const withCounts = (bytes: Uint8Array, written: number[], lying: number[]) => {
    const input = new Reader(bytes, 16);
    for (let i = 0; i < 3; i++) input.string();
    for (let i = input.count(); i > 0; i--) input.string();
    const start = input.offset;
    const numbers = [input.uint()];
    for (let map = 0; map < 4; map++) {
      const size = input.uint();
      numbers.push(size);
      for (let i = 0; i < 2 * size; i++) numbers.push(input.uint());
    }
    expect(numbers).toEqual(written);
    const out = new Writer();
    for (const value of lying) out.uint(value);
    return cacheWithBody(new Uint8Array([...bytes.subarray(16, start), ...out.done(), ...bytes.subarray(input.offset)]));
  };
  const mismatch = { ignored: 'its counts are not those of its records' };

  it('ignores a cache whose counts name another kind', () => {
    // One reflection (kind 0); the counts say one review (kind 1).
    const bytes = withCounts(encodeIndexCache(identity, [record('file:///ws/1.md')]), [1, 1, 0, 1, 0, 0, 0], [1, 1, 1, 1, 0, 0, 0]);
    const reader = opened(bytes);
    expect(Object.fromEntries(reader.counts.kinds)).toEqual({ review: 1 });
    expect(reader.rest()).toEqual(mismatch);
  });

  it('ignores a cache whose counts give its days other numbers', () => {
    // Table: 2026-11-02 (1), 2026-11-03 (2). Days 1: 2, 2: 1; the counts say 1: 1, 2: 2.
    const records = [record('file:///ws/1.md', { day: '2026-11-02' }), record('file:///ws/2.md', { day: '2026-11-02' }), record('file:///ws/3.md', { day: '2026-11-03' })];
    const bytes = withCounts(encodeIndexCache(identity, records), [3, 1, 0, 3, 0, 2, 1, 2, 2, 1, 0], [3, 1, 0, 3, 0, 2, 1, 1, 2, 2, 0]);
    expect(opened(bytes).rest()).toEqual(mismatch);
    expect(decodeIndexCache(bytes, identity)).toEqual(mismatch);
  });

  it('ignores a cache whose counts leave out a feedback tag its records have', () => {
    // One feedback note (kind 4) tagged influence (table string 1); the counts have no feedback tags.
    const feedback = record('file:///ws/peer.md', { kind: 'feedback', tags: ['influence'] });
    const bytes = withCounts(encodeIndexCache(identity, [feedback]), [1, 1, 4, 1, 0, 0, 1, 1, 1], [1, 1, 4, 1, 0, 0, 0]);
    expect(opened(bytes).counts.feedbackTags.size).toBe(0);
    expect(opened(bytes).rest()).toEqual(mismatch);
  });

  it('reads counts equal to its records', () => {
    const feedback = record('file:///ws/peer.md', { kind: 'feedback', tags: ['influence'] });
    const bytes = withCounts(encodeIndexCache(identity, [feedback]), [1, 1, 4, 1, 0, 0, 1, 1, 1], [1, 1, 4, 1, 0, 0, 1, 1, 1]);
    expect(taken(opened(bytes).rest()).map((entry) => entry.key)).toEqual(['file:///ws/peer.md']);
  });
});

describe('index cache: readsFirst, what it waits for', () => {
  const now = Date.parse('2026-12-07T12:00:00Z');
  const day = 86_400_000;
  const reflection = (name: string, time: number, tags: string[]) => record(`file:///ws/${name}.md`, { time, tags });
  const firstOf = (records: IndexedEntry[]) => {
    const reader = opened(encodeIndexCache(identity, records));
    return taken(reader.take(readsFirst(reader.counts, now))).map((entry) => entry.key.slice('file:///ws/'.length, -'.md'.length));
  };

  it('does not read on to the newest of a tag that is not a trait', () => {
    // Empathy is seen within the weeks; the first older reflection ends the search, retro is never waited for.
    expect(firstOf([reflection('e-1', now - day, ['empathy']), reflection('e-100', now - 100 * day, ['empathy']), reflection('retro-500', now - 500 * day, ['retro'])])).toEqual(['e-1', 'e-100']);
  });

  it('stops at the first undated reflection even while a trait is still unseen', () => {
    // Influence's only reflection is undated and after the first undated one: not read.
    expect(firstOf([reflection('u-empathy', Number.NaN, ['empathy']), reflection('u-influence', Number.NaN, ['influence'])])).toEqual(['u-empathy']);
  });
});
