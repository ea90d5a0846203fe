import { describe, expect, it } from 'vitest';
import { parseEntry } from '../../src/core/entryParser';
import { JournalIndex } from '../../src/core/journalIndex';
import { firstFolderUnder, noteKind, pathUnder } from '../../src/core/noteKinds';

describe('noteKind', () => {
  it('takes the front matter first, then the folder, then a legacy tag, else entry', () => {
    expect(noteKind('review', undefined, [])).toBe('review');
    expect(noteKind(' Feedback ', 'reviews', [])).toBe('feedback'); // front matter beats folder
    expect(noteKind(undefined, 'reviews', [])).toBe('review');
    expect(noteKind(undefined, 'reports', ['empathy'])).toBe('report');
    expect(noteKind(undefined, 'goals', [])).toBe('goal');
    expect(noteKind(undefined, 'exports', [])).toBe('export');
    expect(noteKind(undefined, '2026', ['weekly-review'])).toBe('review');
    expect(noteKind(undefined, undefined, ['balance-report'])).toBe('report');
    expect(noteKind(undefined, '2026', ['empathy'])).toBe('entry');
    // A kind that is not one of ours is ignored, and so are prototype names.
    expect(noteKind('diary', 'reviews', [])).toBe('review');
    expect(noteKind('constructor', undefined, ['constructor', 'toString'])).toBe('entry');
    expect(noteKind(42, undefined, [])).toBe('entry');
  });

  it('finds the first folder under the journal, not one deeper', () => {
    expect(firstFolderUnder('file:///ws/journal', 'file:///ws/journal/reviews/2026-W48.md')).toBe('reviews');
    expect(firstFolderUnder('file:///ws/journal/', 'file:///ws/journal/2026/reviews/x.md')).toBe('2026');
    expect(firstFolderUnder('file:///ws/journal', 'file:///ws/journal/top.md')).toBeUndefined();
    expect(firstFolderUnder('file:///ws/journal', 'file:///ws/journal-2/reviews/x.md')).toBeUndefined();
    expect(firstFolderUnder('/ws/j', '/ws/j/100%/x.md')).toBe('100%');
    expect(firstFolderUnder('file:///ws/j', 'file:///ws/j/my%20notes/x.md')).toBe('my notes');
  });
});

describe('JournalIndex with kinds', () => {
  function journal() {
    const index = new JournalIndex();
    index.set('/j/2026/a.md', 'a.md', parseEntry('---\ndate: 2026-11-23\ntags: [empathy]\n---\n# A #retro'), '2026');
    index.set('/j/2026/b.md', 'b.md', parseEntry('---\ndate: 2026-11-24\ntags: [time-management]\n---\n# B'), '2026');
    index.set('/j/reviews/2026-W48.md', '2026-W48.md', parseEntry('---\ndate: 2026-11-27\ntags: [weekly-review, empathy]\n---\n# Review #retro'), 'reviews');
    index.set('/j/reports/r.md', 'r.md', parseEntry('---\ndate: 2026-11-24\nkind: report\ntags: [balance-report]\n---\n# Report #empathy'), 'reports');
    index.set('/j/old-report.md', 'old-report.md', parseEntry('---\ndate: 2026-11-24\ntags: [balance-report, influence]\n---\n# Old report'));
    return index;
  }

  it('counts only reflections: reviews and reports are kept but never counted', () => {
    const index = journal();
    expect(index.size).toBe(5);
    expect(index.countOf('empathy')).toBe(1);
    expect(index.countOf('influence')).toBe(0);
    expect(index.countOf('retro')).toBe(1);
    expect(index.otherTags()).toEqual([{ tag: 'retro', count: 1 }]);
    expect(index.entriesOn('2026-11-24').map((entry) => entry.key)).toEqual(['/j/2026/b.md']);
    expect([...index.reflections()].map((entry) => entry.key).sort()).toEqual(['/j/2026/a.md', '/j/2026/b.md']);
    expect(index.balance()).toMatchObject({ leadership: 1, management: 1 });
  });

  it('lists each kind, newest first, and follows a note that changes kind', () => {
    const index = journal();
    expect(index.notesOf('review').map((entry) => entry.key)).toEqual(['/j/reviews/2026-W48.md']);
    // Same day: the title breaks the tie ("Old report" before "Report").
    expect(index.notesOf('report').map((entry) => entry.key)).toEqual(['/j/old-report.md', '/j/reports/r.md']);
    expect(index.countOfKind('report')).toBe(2);
    // The user removes `kind: report`: outside reports/, the note becomes a reflection.
    index.set('/j/reports/r.md', 'r.md', parseEntry('---\ndate: 2026-11-24\ntags: [empathy]\n---\n# Now a note'), '2026');
    expect(index.countOf('empathy')).toBe(2);
    expect(index.countOfKind('report')).toBe(1);
    index.delete('/j/reviews/2026-W48.md');
    expect(index.countOfKind('review')).toBe(0);
    expect(index.countOf('empathy')).toBe(2);
  });
});

describe('pathUnder (how follows: names an entry)', () => {
  it('gives the decoded path under a root written with or without its slash, and nothing for a sibling with the same prefix', () => {
    for (const root of ['file:///ws/journal', 'file:///ws/journal/']) {
      expect(pathUnder(root, 'file:///ws/journal/2026/11/one%20on%20one.md')).toBe('2026/11/one on one.md');
      expect(pathUnder(root, 'file:///ws/journal-old/2026/a.md')).toBeUndefined();
      expect(pathUnder(root, 'file:///ws/other/a.md')).toBeUndefined();
    }
  });

  it('keeps a segment that is not valid URI encoding as it is', () => {
    expect(pathUnder('file:///ws/journal', 'file:///ws/journal/100%/a%20b.md')).toBe('100%/a b.md');
  });
});
