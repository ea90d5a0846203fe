import { describe, expect, it } from 'vitest';
import { computeBalance } from '../../src/core/balance';
import { completionSite, tagSuggestions } from '../../src/core/tagCompletion';

const at = (text: string) => completionSite(text.replace('|', ''), text.indexOf('|'));

describe('tagSuggestions', () => {
  it('offers the weaker side first, least reflected first, then the other side, then own tags', () => {
    const counts: Record<string, number> = { empathy: 5, influence: 4, 'visionary-thinking': 3, innovation: 2, 'time-management': 2, 'decision-making': 0, 'problem-solving': 1, 'organizational-skills': 3 };
    const countOf = (tag: string) => counts[tag] ?? 0;
    const suggestions = tagSuggestions(computeBalance(countOf), countOf, [{ tag: 'retro', count: 7 }]);
    expect(suggestions.map((s) => s.tag)).toEqual([
      'decision-making', 'problem-solving', 'time-management', 'organizational-skills',
      'innovation', 'visionary-thinking', 'influence', 'empathy',
      'retro',
    ]);
    expect(suggestions[0].detail).toBe('Management · 0 entries');
    expect(suggestions.at(-1)).toEqual({ tag: 'retro', detail: 'your tag · 7 entries' });
  });

  it('orders all traits by count when the sides are even', () => {
    const countOf = (tag: string) => ({ empathy: 1, 'time-management': 1 })[tag] ?? 0;
    expect(tagSuggestions(computeBalance(countOf), countOf, []).slice(0, 2).map((s) => s.tag)).toEqual(['visionary-thinking', 'innovation']);
  });
});

describe('completionSite', () => {
  it('finds an inline tag being typed', () => {
    expect(at('Today #|')).toEqual({ kind: 'inline', start: 7 });
    expect(at('Today #emp|')).toEqual({ kind: 'inline', start: 7 });
    expect(at('#|')).toEqual({ kind: 'inline', start: 1 });
    expect(at('(#ti|')).toEqual({ kind: 'inline', start: 2 });
  });

  it('ignores # inside words, URLs, code spans and fences', () => {
    expect(at('a#|')).toBeUndefined();
    expect(at('https://x/#|')).toBeUndefined();
    expect(at('`code #| `')).toBeUndefined();
    // An unclosed backtick is a literal backtick (CommonMark): the index counts a tag there, so
    // completion is offered.
    expect(at('`code #|')).toEqual({ kind: 'inline', start: 7 });
    expect(at('```\n#|')).toBeUndefined();
    expect(at('```\ncode\n```\n#|')).toEqual({ kind: 'inline', start: 14 });
    expect(at('no hash here|')).toBeUndefined();
  });

  it('finds front matter tag items in every form', () => {
    expect(at('---\ntags:\n  - |\n---\n')).toEqual({ kind: 'frontMatter', start: 14 });
    expect(at('---\ntags:\n  - empathy\n  - ti|\n---\n')).toEqual({ kind: 'frontMatter', start: 26 });
    expect(at('---\ntags: [empathy, |]\n---\n')).toEqual({ kind: 'frontMatter', start: 20 });
    expect(at('---\ntags: [|]\n---\n')).toEqual({ kind: 'frontMatter', start: 11 });
    expect(at('---\ntags: empathy, re|\n---\n')).toEqual({ kind: 'frontMatter', start: 19 });
  });

  it('ignores other front matter keys and lists', () => {
    expect(at('---\ndate: 2026|\n---\n')).toBeUndefined();
    expect(at('---\nauthors:\n  - |\n---\n')).toBeUndefined();
  });
});
