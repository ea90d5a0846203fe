import type { Commitment } from './commitments';
import type { EntryProblem } from './entryParser';
import { FEEDBACK_SOURCES } from './feedback';
import { GOAL_PERIODS, Goal } from './goals';
import type { IndexedEntry } from './journalIndex';
import { NOTE_KINDS, NoteKind } from './noteKinds';
import { Malformed, Reader, Writer, readOptional, writeOptional } from './binaryCodec';

// How each field of an index record is written to and read from the index cache (core/indexCache).
// To add a field: add it to IndexedEntry, add one codec to FIELDS and raise INDEX_CACHE_SCHEMA.

/** Longest key accepted; longer means a corrupt file. */
const MAX_STRING_BYTES = 64 * 1024;

/** What a field's codec sees beside the record: the string table and the previous key. */
export interface EncodeState {
  readonly out: Writer;
  /** Index of each table string (numbers from 1; 0 stands for undefined). */
  readonly table: Map<string, number>;
  /** The previous key's bytes and room for this one's (swapped after each key). */
  previousKey: { bytes: Uint8Array; length: number };
  key: { bytes: Uint8Array; length: number };
}

export interface DecodeState {
  readonly input: Reader;
  readonly table: readonly string[];
  /** Per table string: 1 once it was checked to be a day (records share few days). */
  readonly days: Uint8Array;
  keyBytes: Uint8Array;
  keyLength: number;
  /** Tag lists of up to three tags already decoded, by their table references: records share them. */
  readonly tagLists: Map<number, readonly string[]>;
}

export type Draft = { -readonly [K in keyof IndexedEntry]?: IndexedEntry[K] };

/** A record to fill, with every field in place (one shape, no growing property store). */
export function blankDraft(): Draft {
  return {
    key: undefined,
    title: undefined,
    day: undefined,
    time: undefined,
    tags: undefined,
    problems: undefined,
    kind: undefined,
    size: undefined,
    mtime: undefined,
    commitments: undefined,
    root: undefined,
    follows: undefined,
    commitment: undefined,
    goal: undefined,
    from: undefined,
  };
}

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
  return tableRef(state, state.input.uint()) ?? missingString();
}

function missingString(): never {
  throw new Malformed('missing string');
}

const NOTHING: readonly never[] = Object.freeze([]);



function readDay(input: Reader): string | undefined {
  const day = readOptional(input);
  if (day !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Malformed('bad day');
  return day;
}

/**
 * Every field of a record, in the order written: THE one place that says how a record is kept.
 * The key comes first; each field's reader validates what it reads.
 */
export const FIELDS: readonly FieldCodec[] = [
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
      // Up to three references of up to 17 bits and the count make one exact number (53 bits).
      let combination = count;
      let scale = 4;
      for (let i = 0; i < count; i++) {
        const at = state.input.uint();
        tags[i] = tableRef(state, at) ?? missingString();
        combination += at * scale;
        scale *= 2 ** 17;
      }
      if (count > 3 || state.table.length >= 2 ** 17) {
        draft.tags = tags;
        return;
      }
      let shared = state.tagLists.get(combination);
      if (!shared) state.tagLists.set(combination, (shared = Object.freeze(tags)));
      draft.tags = shared;
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

export const FIELD_NAMES = FIELDS.map((field) => field.name).join(',');
