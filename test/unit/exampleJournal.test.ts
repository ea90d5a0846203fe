import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEntry } from '../../src/core/entryParser';
import { JournalIndex } from '../../src/core/journalIndex';
import { describeLongestStreak, weekStreaks } from '../../src/core/streaks';
import { allTraits, traitById } from '../../src/core/traits';
import { EXAMPLE_JOURNAL, TRAIT_LABELS } from '../e2e/exampleJournal.expected.mjs';

// The bundled example journal is what `npm start` shows a new user: it must read cleanly.
const root = join(__dirname, '../../examples/journal');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

describe('examples/journal', () => {
  const index = new JournalIndex();
  const files = markdownFiles(root);
  for (const file of files) {
    const name = file.slice(file.lastIndexOf('/') + 1);
    index.set(file, name, parseEntry(readFileSync(file, 'utf8'), name));
  }

  it('has a few dozen entries over two months, without problems', () => {
    expect(files.length).toBeGreaterThanOrEqual(24);
    const days = [...index.values()].map((entry) => entry.day!).sort();
    expect(days[0] < days[days.length - 1]).toBe(true);
    for (const entry of index.values()) {
      expect(entry.problems, entry.key).toEqual([]);
      if (entry.kind === 'entry') expect(entry.key).toContain(entry.day!);
    }
  });

  it('shows a goal, feedback and commitments to follow up', () => {
    expect(index.notesOf('goal').map((note) => note.goal?.trait)).toEqual(['empathy']);
    expect(index.feedbackCountOf('influence')).toBe(1);
    expect([...index.withOpenCommitments()].length).toBeGreaterThanOrEqual(3);
  });

  it('covers every trait and is balanced', () => {
    for (const trait of allTraits()) expect(index.countOf(trait.id), trait.id).toBeGreaterThanOrEqual(3);
    expect(index.balance().state).toBe('balanced');
    expect(index.otherTags().length).toBeGreaterThan(0);
    expect(index.countOf('not-a-tag')).toBe(0);
    expect(index.countOf('rollback')).toBe(0);
  });

  // The UI tests compare VS Code with these hand counts: they must stay true of the journal.
  it('holds what test/e2e/exampleJournal.expected.mjs says, counted by hand', () => {
    expect(index.countOfKind('entry')).toBe(EXAMPLE_JOURNAL.entries);
    expect(index.size).toBe(EXAMPLE_JOURNAL.entries + 2); // the goal and the feedback note
    for (const trait of allTraits()) {
      expect(index.feedbackCountOf(trait.id), trait.id).toBe(EXAMPLE_JOURNAL.feedback[trait.id] ?? 0);
      expect(index.countOf(trait.id), trait.id).toBe(EXAMPLE_JOURNAL.counts[trait.id]);
      expect(TRAIT_LABELS[trait.id]).toBe(trait.label);
      expect(index.entriesTagged(trait.id)[0].time, trait.id).toBe(Date.parse(EXAMPLE_JOURNAL.newest[trait.id]));
    }
    expect(Object.fromEntries(index.otherTags().map(({ tag, count }) => [tag, count]))).toEqual(EXAMPLE_JOURNAL.otherTags);
    const newest = index.entriesTagged('innovation')[0];
    const { dayText, ...expected } = EXAMPLE_JOURNAL.newestInnovation;
    expect({ title: newest.title, day: newest.day, file: newest.key.slice(newest.key.lastIndexOf('/') + 1) }).toEqual(expected);
    expect(dayText).toBe('Nov 23, 2026'); // how the tree writes that day in English (Intl, month short)
    // The calendar's newest day: the newest day with reflections, its entries and trait tags per side.
    const { day, entries, leadership, management, file } = EXAMPLE_JOURNAL.newestDay;
    expect([...index.reflections()].map((entry) => entry.day ?? '').sort().at(-1)).toBe(day);
    const ofDay = index.entriesOn(day);
    expect(ofDay.map((entry) => entry.key.slice(entry.key.lastIndexOf('/') + 1))).toEqual(entries === 1 ? [file] : expect.arrayContaining([file]));
    const sides = { leadership: 0, management: 0 };
    for (const entry of ofDay) for (const tag of new Set(entry.tags)) if (traitById(tag)) sides[traitById(tag)!.side]++;
    expect(sides).toEqual({ leadership, management });
    const [a, b] = EXAMPLE_JOURNAL.bothTags.tags;
    expect([...index.reflections()].filter((entry) => entry.tags.includes(a) && entry.tags.includes(b))).toHaveLength(EXAMPLE_JOURNAL.bothTags.entries);
    // The longest streak, as of a day after the journal's last week.
    expect(describeLongestStreak(weekStreaks(index.reflectionDays(), new Date(2027, 0, 15)))).toBe(EXAMPLE_JOURNAL.longestStreak);
  });
});
