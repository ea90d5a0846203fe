import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEntry } from '../../src/core/entryParser';
import {
  INDEX_CACHE_SCHEMA,
  IndexCacheIdentity,
  checksum,
  decodeIndexCache,
  encodeIndexCache,
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

function decodeOk(bytes: Uint8Array, expected = identity): IndexedEntry[] {
  const loaded = decodeIndexCache(bytes, expected);
  if ('ignored' in loaded) throw new Error(`ignored: ${loaded.ignored}`);
  return loaded.records;
}

describe('index cache encoding', () => {
  it('round-trips every field of every record', () => {
    const index = sampleIndex();
    const records = decodeOk(encodeIndexCache(identity, index.values()));
    expect(records.map(plain)).toEqual([...index.values()].map(plain));
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
        expect(decodeOk(encodeIndexCache(identity, records)).map(plain)).toEqual(records.map(plain));
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
    expect(decodeIndexCache(cacheWithBody(bodyOf(identity.version, identity.fingerprint, FIELD_NAMES, [0, 0])), identity)).toEqual({ records: [] });
    expect(decodeIndexCache(cacheWithBody(bodyOf(identity.version, identity.fingerprint, FIELD_NAMES, [0, 0, 0])), identity)).toEqual({ ignored: 'it has bytes after its last record' });
  });

  it('says why a body is corrupt, and never throws even when reading the identity does', () => {
    // No strings, then one record in the no bytes left.
    expect(decodeIndexCache(cacheWithBody(bodyOf(identity.version, identity.fingerprint, FIELD_NAMES, [0, 1])), identity)).toEqual({ ignored: 'it is corrupt (count past the end)' });
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
    expect(plan).toEqual({ unchanged: ['a'], toRead: ['B', 'C'] });
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
