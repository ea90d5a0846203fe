// What references, workspace symbols and the outline rest on: the index's notes per tag (every
// kind), the Ctrl+T query, an entry's sections, and the scanner's headings.
import { describe, expect, it } from 'vitest';
import { parseEntry } from '../../src/core/entryParser';
import { entryOutline } from '../../src/core/entryOutline';
import { JournalIndex } from '../../src/core/journalIndex';
import { scanMarkdown } from '../../src/core/markdownScanner';
import { matchingTags, tagQuery } from '../../src/core/tagSymbols';
import { linearSize } from './helpers/runs';
import { growth } from './helpers/timing';

describe('JournalIndex.notesTagged and allTags', () => {
  it('lists reflections and other notes that carry a tag; counts only reflections', () => {
    const index = new JournalIndex();
    index.set('j/2026/a.md', 'a.md', parseEntry('---\ntags: [retro, empathy]\n---\n# A\n', 'a.md'), '2026');
    index.set('j/reviews/w.md', 'w.md', parseEntry('---\nkind: review\ntags: [retro]\n---\n# W\n', 'w.md'), 'reviews');
    expect(index.notesTagged('retro').map((note) => note.key)).toEqual(['j/2026/a.md', 'j/reviews/w.md']);
    expect(index.countOf('retro')).toBe(1);
    expect(index.allTags()).toEqual([
      { tag: 'empathy', count: 1 },
      { tag: 'retro', count: 1 },
    ]);
    index.delete('j/reviews/w.md');
    expect(index.notesTagged('retro').map((note) => note.key)).toEqual(['j/2026/a.md']);
    index.clear();
    expect(index.allTags()).toEqual([]);
  });
});

describe('matchingTags (Ctrl+T)', () => {
  const tags = [
    { tag: 'empathy', count: 3 },
    { tag: 'time-management', count: 9 },
    { tag: 'retro', count: 1 },
    { tag: 'team-empowerment', count: 2 },
  ];
  it('reads `#emp`, `emp` and `EMP` alike', () => {
    expect(tagQuery(' #Emp ')).toBe('emp');
  });
  it('puts tags that start with the query first, then those that contain it, then fuzzy ones', () => {
    expect(matchingTags('#emp', tags).map((t) => t.tag)).toEqual(['empathy', 'team-empowerment']);
    expect(matchingTags('tm', tags).map((t) => t.tag)).toEqual(['time-management', 'team-empowerment']);
    expect(matchingTags('', tags).map((t) => t.tag)).toEqual(['time-management', 'empathy', 'team-empowerment', 'retro']);
    expect(matchingTags('zzz', tags)).toEqual([]);
  });
});

describe('entryOutline', () => {
  it('nests sections under the title, by level, with the ranges the editor needs', () => {
    const text = '---\ntags: [a]\n---\n# Title\n\n## One\n\ntext\n\n### Deeper\n\n## Two \\#x\n\n> # quoted\n- # listed\n\n```\n# code\n```\n';
    const outline = entryOutline(text);
    expect(outline.map((s) => s.name)).toEqual(['Title']);
    const [title] = outline;
    expect(text.slice(title.selectionStart, title.selectionEnd)).toBe('Title');
    expect(title.start).toBe(text.indexOf('# Title'));
    expect(title.end).toBe(text.length);
    expect(title.children.map((s) => [s.name, s.children.map((c) => c.name)])).toEqual([
      ['One', ['Deeper']],
      ['Two #x', []],
    ]);
    const [one, two] = title.children;
    expect(one.end).toBe(two.start);
    expect(text.slice(one.start, one.end)).toBe('## One\n\ntext\n\n### Deeper\n\n');
  });

  it('reads setext headings, skips empty ones, and stays linear on a megabyte of headings', () => {
    expect(entryOutline('Title\n===\n\n#\n\nSub\n---\n').map((s) => [s.name, s.children.map((c) => c.name)])).toEqual([['Title', ['Sub']]]);
    const headings = linearSize(250_000);
    expect(entryOutline('# a\n'.repeat(headings))).toHaveLength(headings);
    // 10× the headings, ~10× the CPU time; a quadratic outline gives ~100× (measured on a tenth of
    // the megabyte: the growth helper runs each size a dozen times).
    expect(growth((input) => entryOutline(input), '# a\n'.repeat(headings / 100), '# a\n'.repeat(headings / 10))).toBeLessThan(25);
  });
});

describe('scanMarkdown headings', () => {
  it('lists top-level ATX and setext headings with their text offsets; not in quotes, lists or code', () => {
    const text = '# One #\n\nTwo\n===\n\n> # no\n\n    # no\n\n###### Six ###\n';
    const headings = scanMarkdown(text, { tags: false, title: false, headings: true }).headings!;
    expect(headings.map((h) => [h.level, h.text, text.slice(h.start, h.end)])).toEqual([
      [1, 'One', 'One'],
      [1, 'Two', 'Two'],
      [6, 'Six', 'Six'],
    ]);
  });
});
