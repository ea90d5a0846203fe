import { describe, expect, it } from 'vitest';
import { rankTraits, traitActivity } from '../../src/core/nextTrait';
import { completionSite, tagSuggestions } from '../../src/core/tagCompletion';
import { journal } from './helpers/journal';

const at = (text: string) => completionSite(text.replace('|', ''), text.indexOf('|'));

describe('tagSuggestions', () => {
  it('offers the traits in the order of the one rule (core/nextTrait), then your own tags', () => {
    const now = new Date(2026, 10, 27, 12);
    // Management weaker in the last four weeks; Time Management written about today.
    const activity = traitActivity(journal([
      ['2026-11-27', ['time-management']],
      ['2026-11-20', ['empathy', 'influence']],
      ['2026-11-18', ['visionary-thinking', 'innovation']],
      ['2026-11-10', ['organizational-skills']],
      ['2026-09-01', ['problem-solving']],
    ]), now);
    const suggestions = tagSuggestions(rankTraits(activity), [{ tag: 'retro', count: 7 }]);
    expect(suggestions.map((s) => s.tag)).toEqual([
      'decision-making', 'problem-solving', 'organizational-skills',
      'visionary-thinking', 'innovation', 'empathy', 'influence',
      'time-management',
      'retro',
    ]);
    expect(suggestions[0].detail).toBe('Management · 0 entries');
    expect(suggestions.at(-1)).toEqual({ tag: 'retro', detail: 'your tag · 7 entries' });
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

  it('starts the first item of `tags: a, b` after the key, not at the start of the line', () => {
    // Replacing from the line start would put `tags: em` under the completion and overwrite the key.
    expect(at('---\ntags: em|\n---\n')).toEqual({ kind: 'frontMatter', start: 10 });
    expect(at('---\ntags: |\n---\n')).toEqual({ kind: 'frontMatter', start: 10 });
    expect(at('---\ntags:   em|\n---\n')).toEqual({ kind: 'frontMatter', start: 12 });
  });

  it('ignores other front matter keys and lists', () => {
    expect(at('---\ndate: 2026|\n---\n')).toBeUndefined();
    expect(at('---\nauthors:\n  - |\n---\n')).toBeUndefined();
  });
});
