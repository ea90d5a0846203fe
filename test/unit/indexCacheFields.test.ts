import { describe, expect, it } from 'vitest';
import { Malformed, Reader, Writer } from '../../src/core/binaryCodec';
import { DecodeState, Draft, EncodeState, FIELDS } from '../../src/core/indexCacheFields';
import { IndexedEntry } from '../../src/core/journalIndex';
import { indexedRecord as record } from './helpers/journal';

// Each field codec on its own, against bytes written out by hand from the layout: a varint is
// seven bits a byte (low bits first, the high bit says more follow), a string is its byte length
// then its UTF-8, a float is eight bytes little-endian, a table reference counts from 1 (0 = none).

function codec(name: string) {
  const found = FIELDS.find((field) => field.name === name);
  if (!found) throw new Error(`no field ${name}`);
  return found;
}

/** The char codes of an ASCII string: its UTF-8 bytes. */
function ascii(text: string): number[] {
  return Array.from(text, (char) => char.charCodeAt(0));
}


/** The bytes field `name` writes for each of `entries` in turn (with the encoder's fresh state). */
function written(name: string, entries: IndexedEntry[], table = new Map<string, number>()): number[] {
  const out = new Writer();
  const state: EncodeState = { out, table, previousKey: { bytes: new Uint8Array(256), length: 0 }, key: { bytes: new Uint8Array(256), length: 0 } };
  for (const entry of entries) codec(name).write(entry, state);
  return Array.from(out.done());
}

function decodeState(bytes: number[], table: string[] = []): DecodeState {
  return { input: new Reader(Uint8Array.from(bytes), 0), table, days: new Uint8Array(table.length + 1), keyBytes: new Uint8Array(256), keyLength: 0, tagLists: new Map() };
}

/** What field `name` reads from `bytes`, `times` times in a row; every byte must be used. */
function read(name: string, bytes: number[], table: string[] = [], times = 1): Draft[] {
  const state = decodeState(bytes, table);
  const drafts = Array.from({ length: times }, () => {
    const draft: Draft = {};
    codec(name).read(draft, state);
    return draft;
  });
  expect(state.input.remaining).toBe(0);
  return drafts;
}

/** The message of the Malformed that reading field `name` from `bytes` throws. */
function malformed(name: string, bytes: number[], table: string[] = []): string {
  try {
    codec(name).read({}, decodeState(bytes, table));
  } catch (error) {
    if (error instanceof Malformed) return error.message;
    throw error;
  }
  throw new Error('read without complaint');
}

describe('index cache fields: the key', () => {
  it('writes only what a key does not share with the key before it', () => {
    // 'ab': nothing shared, 2 bytes "ab"; 'ac': 1 shared ("a"), 1 byte "c".
    expect(written('key', [record('ab'), record('ac')])).toEqual([0, 2, 0x61, 0x62, 1, 1, 0x63]);
  });

  it('never splits a character: a shared lead byte goes with its continuation', () => {
    // é is C3 A9 and è is C3 A8: they share the byte C3, but not a whole character.
    expect(written('key', [record('é'), record('è')])).toEqual([0, 2, 0xc3, 0xa9, 0, 2, 0xc3, 0xa8]);
    // After a whole shared character the split is fine: "é" (2 bytes) shared, then "a".
    expect(written('key', [record('éb'), record('éa')])).toEqual([0, 3, 0xc3, 0xa9, 0x62, 2, 1, 0x61]);
  });

  it('shares no more than the shorter of the two keys, whatever is left in the reused buffers', () => {
    // The encoder swaps two buffers; after 'abc', 'x', 'ab' the other one still holds "abc".
    expect(written('key', [record('abc'), record('x'), record('ab'), record('abc')])).toEqual([
      ...[0, 3, 0x61, 0x62, 0x63],
      ...[0, 1, 0x78],
      ...[0, 2, 0x61, 0x62],
      ...[2, 1, 0x63],
    ]);
  });

  it('reads each key from the one before it', () => {
    expect(read('key', [0, 2, 0x61, 0x62, 1, 1, 0x63, 0, 1, 0x78], [], 3).map((draft) => draft.key)).toEqual(['ab', 'ac', 'x']);
  });

  it('rejects a key that shares more than the previous key has', () => {
    expect(malformed('key', [1, 1, 0x61])).toBe('key prefix longer than the previous key');
  });

  it('rejects an empty key and one over 64 KiB, and reads one of exactly 64 KiB', () => {
    expect(malformed('key', [0, 0])).toBe('bad key length');
    // 65,537 = 1 + 0·128 + 4·128²: varint 81 80 04.
    expect(malformed('key', [0, 0x81, 0x80, 0x04, ...new Array<number>(65_537).fill(0x61)])).toBe('bad key length');
    // 65,536 = 0 + 0·128 + 4·128²: varint 80 80 04.
    const [draft] = read('key', [0, 0x80, 0x80, 0x04, ...new Array<number>(65_536).fill(0x61)]);
    expect(draft.key).toBe('a'.repeat(65_536));
  });

  it('grows its key buffer by doubling, keeping the shared beginning, and only when a key does not fit', () => {
    const state = decodeState([
      ...[0, 0x80, 0x02, ...new Array<number>(256).fill(0x61)], // 256 bytes (varint 80 02): fits the 256 there are
      ...[0x80, 0x02, 0x2c, ...new Array<number>(44).fill(0x62)], // 256 shared + 44 (2C) more = 300: doubled to 512
      ...[0, 0xcc, 0x08, ...new Array<number>(1100).fill(0x63)], // 1,100 (varint CC 08): more than double 512, so 1,100
    ]);
    const buffer = state.keyBytes;
    const keys: (string | undefined)[] = [];
    const sizes: number[] = [];
    for (let i = 0; i < 3; i++) {
      const draft: Draft = {};
      codec('key').read(draft, state);
      keys.push(draft.key);
      sizes.push(state.keyBytes.length);
      if (i === 0) expect(state.keyBytes).toBe(buffer);
    }
    expect(keys).toEqual(['a'.repeat(256), 'a'.repeat(256) + 'b'.repeat(44), 'c'.repeat(1100)]);
    expect(sizes).toEqual([256, 512, 1100]);
  });
});

describe('index cache fields: size, mtime and kind', () => {
  it('writes a size as one more than it is, and any negative (unknown) size as 0', () => {
    expect(written('size', [record('a', { size: -1 }), record('a', { size: -2 }), record('a', { size: 0 }), record('a', { size: 200 })])).toEqual([0, 0, 1, 0xc9, 0x01]);
    expect(read('size', [0, 1, 0xc9, 0x01], [], 3).map((draft) => draft.size)).toEqual([-1, 0, 200]);
  });

  it('reads an mtime that is not a finite time after 1970 as unknown (-1)', () => {
    const float = (high: number, next: number) => [0, 0, 0, 0, 0, 0, next, high];
    const mtimes = read('mtime', [...float(0x3f, 0xf0), ...float(0, 0), ...float(0xc0, 0), ...float(0x7f, 0xf0), ...float(0x7f, 0xf8)], [], 5).map((draft) => draft.mtime);
    // 1, 0, -2, +Infinity, NaN
    expect(mtimes).toEqual([1, -1, -1, -1, -1]);
  });

  it('reads a kind by its number and rejects one past the last', () => {
    expect(read('kind', [0, 5], [], 2).map((draft) => draft.kind)).toEqual(['entry', 'export']);
    expect(malformed('kind', [6])).toBe('unknown kind');
  });
});

describe('index cache fields: references to the string table', () => {
  it('reads a day from the table, and no day from 0', () => {
    expect(read('day', [1, 0], ['2026-11-02'], 2).map((draft) => draft.day)).toEqual(['2026-11-02', undefined]);
  });

  it('rejects a reference past the end of the table', () => {
    expect(malformed('day', [2], ['2026-11-02'])).toBe('string table reference past the end');
    expect(malformed('tags', [1, 2], ['a'])).toBe('string table reference past the end');
  });

  it('rejects a day that is not all and only yyyy-mm-dd', () => {
    for (const day of ['x2026-11-02', '2026-11-02x', 'tomorrow']) expect(malformed('day', [1], [day]), day).toBe('bad day');
  });

  it('checks each table day once: one already checked is taken as it is', () => {
    const state = decodeState([1], ['not a day']);
    state.days[1] = 1;
    const draft: Draft = {};
    codec('day').read(draft, state);
    expect(draft.day).toBe('not a day');
  });

  it('rejects a tag or problem message that refers to no string (0)', () => {
    expect(malformed('tags', [1, 0], ['a'])).toBe('missing string');
    expect(malformed('problems', [1, 0, 3], ['m'])).toBe('missing string');
  });

  it('reads tags and problems from the table', () => {
    const [withTags] = read('tags', [2, 2, 1], ['a', 'b']);
    expect(withTags.tags).toEqual(['b', 'a']);
    const [withProblems] = read('problems', [1, 1, 3], ['m']);
    expect(withProblems.problems).toEqual([{ message: 'm', line: 3 }]);
  });
});

describe('index cache fields: tag lists shared between records', () => {
  it('gives records with the same one to three tags, in the same order, one frozen list', () => {
    const table = ['a', 'b', 'c', 'd'];
    // [a, b] | [a, b] | [b, a] | [a, b, c] | [a, b, c] | [a] | [a]
    const drafts = read('tags', [2, 1, 2, 2, 1, 2, 2, 2, 1, 3, 1, 2, 3, 3, 1, 2, 3, 1, 1, 1, 1], table, 7);
    const lists = drafts.map((draft) => draft.tags!);
    expect(lists).toEqual([['a', 'b'], ['a', 'b'], ['b', 'a'], ['a', 'b', 'c'], ['a', 'b', 'c'], ['a'], ['a']]);
    expect(lists[1]).toBe(lists[0]);
    expect(lists[2]).not.toBe(lists[0]);
    expect(lists[4]).toBe(lists[3]);
    expect(lists[6]).toBe(lists[5]);
    expect(Object.isFrozen(lists[0])).toBe(true);
  });

  it('tells apart lists whose references sum alike, and gives four tags a list each', () => {
    const table = Array.from({ length: 300 }, (_, i) => `t${i}`);
    // [t0, t1] (references 1 + 2 = 3) and [t2] (reference 3): the same sum, different lists.
    const [two, one, other] = read('tags', [2, 1, 2, 1, 3, 1, 1], table, 3);
    expect(two.tags).toEqual(['t0', 't1']);
    expect(one.tags).toEqual(['t2']);
    expect(other.tags).toEqual(['t0']);
    const [four, again] = read('tags', [4, 1, 2, 3, 4, 4, 1, 2, 3, 4], table, 2);
    expect(four.tags).toEqual(['t0', 't1', 't2', 't3']);
    expect(again.tags).toEqual(four.tags);
    expect(again.tags).not.toBe(four.tags);
  });
});

describe('index cache fields: what is written for a table string or a source', () => {
  it('writes a day, root and feedback source by number from 1, and 0 for none', () => {
    const table = new Map([
      ['2026-11-02', 1],
      ['file:///ws/', 2],
    ]);
    const entries = [record('a', { day: '2026-11-02', root: 'file:///ws/', from: 'peer' }), record('b')];
    expect(written('day', entries, table)).toEqual([1, 0]);
    expect(written('root', entries, table)).toEqual([2, 0]);
    expect(written('from', entries, table)).toEqual([2, 0]);
  });
});

describe('index cache fields: empty lists', () => {
  it('reads no tags, problems or commitments as one shared frozen empty list', () => {
    for (const name of ['tags', 'problems', 'commitments'] as const) {
      const [first, second] = read(name, [0, 0], [], 2);
      expect(first[name], name).toEqual([]);
      expect(Object.isFrozen(first[name]), name).toBe(true);
      expect(second[name], name).toBe(first[name]);
    }
  });
});

describe('index cache fields: goal and feedback source', () => {
  const until = [1, 10, ...ascii('2027-01-31')];

  it('reads a goal, with until and closed only when written', () => {
    // present, trait "e", target 4, per 1 (month), until, no closed, text "x"
    const [open] = read('goal', [1, 1, 0x65, 4, 1, ...until, 0, 1, 0x78]);
    expect(open.goal).toStrictEqual({ trait: 'e', target: 4, per: 'month', text: 'x', until: '2027-01-31' });
    // per 0 (week), no until, closed
    const [closed] = read('goal', [1, 1, 0x65, 1, 0, 0, ...until, 1, 0x78]);
    expect(closed.goal).toStrictEqual({ trait: 'e', target: 1, per: 'week', text: 'x', closed: '2027-01-31' });
    const [none] = read('goal', [0]);
    expect(none).toStrictEqual({ goal: undefined });
  });

  it('rejects a goal flag other than 0 or 1, and an unknown period', () => {
    expect(malformed('goal', [2, 1, 0x65, 4, 1, 0, 0, 1, 0x78])).toBe('bad goal flag');
    expect(malformed('goal', [1, 1, 0x65, 4, 2, 0, 0, 1, 0x78])).toBe('unknown goal period');
  });

  it('rejects a goal day that is not all and only yyyy-mm-dd', () => {
    for (const day of ['x2027-01-31', '2027-01-31x', 'someday']) {
      const bytes = [1, day.length, ...ascii(day)];
      expect(malformed('goal', [1, 1, 0x65, 4, 1, ...bytes, 0, 1, 0x78]), `until ${day}`).toBe('bad day');
      expect(malformed('goal', [1, 1, 0x65, 4, 1, 0, ...bytes, 1, 0x78]), `closed ${day}`).toBe('bad day');
    }
  });

  it('reads a feedback source by its number from 1, and rejects one past the last', () => {
    expect(read('from', [0, 1, 6], [], 3).map((draft) => draft.from)).toEqual([undefined, 'manager', 'other']);
    expect(malformed('from', [7])).toBe('unknown feedback source');
  });
});
