import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEntry } from '../../src/core/entryParser';
import { JournalIndex } from '../../src/core/journalIndex';
import { TRAITS } from '../../src/core/traits';

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
    for (const trait of TRAITS) expect(index.countOf(trait.id), trait.id).toBeGreaterThanOrEqual(3);
    expect(index.balance().state).toBe('balanced');
    expect(index.otherTags().length).toBeGreaterThan(0);
    expect(index.countOf('not-a-tag')).toBe(0);
    expect(index.countOf('rollback')).toBe(0);
  });
});
