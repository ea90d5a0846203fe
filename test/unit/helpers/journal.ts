import { IndexedEntry, JournalIndex } from '../../../src/core/journalIndex';

let serial = 0;

/**
 * A journal of reflections, each `[day, tags]`, written at noon local time on its day (or with
 * no date when the day is `undefined`).
 */
export function journal(entries: readonly (readonly [string | undefined, readonly string[]])[], index = new JournalIndex()): JournalIndex {
  for (const [day, tags] of entries) {
    const name = `${day ?? 'undated'}-${++serial}.md`;
    const time = day ? new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), 12).getTime() : Number.NaN;
    index.set(`file:///j/${name}`, name, { title: name, day, time, tags, problems: [] });
  }
  return index;
}

/** An entry of a test journal: a title, a date-time with its offset (or only a day), its tags. */
export interface Seed {
  title?: string;
  /** ISO date-time with offset, or undefined for an entry dated only by `day`. */
  date?: string;
  day?: string;
  tags: string[];
}

let seeded = 0;

/** A journal index holding the seeds, in this order; untitled ones are "Entry <n>". */
export function indexOf(entries: Seed[]): JournalIndex {
  const index = new JournalIndex();
  for (const seed of entries) {
    const key = `file:///j/${++seeded}.md`;
    const time = seed.date ? Date.parse(seed.date) : Number.NaN;
    index.set(key, `${seeded}.md`, { title: seed.title ?? `Entry ${seeded}`, day: seed.day ?? seed.date?.slice(0, 10), time, tags: seed.tags, problems: [] });
  }
  return index;
}

/** A record as the index cache stores it: a reflection with nothing but `key`, unless `fields` say. */
export function indexedRecord(key: string, fields: Partial<IndexedEntry> = {}): IndexedEntry {
  return {
    key,
    title: '',
    day: undefined,
    time: Number.NaN,
    tags: [],
    problems: [],
    kind: 'entry',
    size: 1,
    mtime: 1e12,
    commitments: [],
    root: undefined,
    follows: undefined,
    commitment: undefined,
    goal: undefined,
    from: undefined,
    ...fields,
  };
}
