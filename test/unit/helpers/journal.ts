import { JournalIndex } from '../../../src/core/journalIndex';

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
