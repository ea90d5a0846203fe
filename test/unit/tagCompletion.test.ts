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

  it('puts the tags under a parent first only after `parent/`', () => {
    const others = [{ tag: 'retro', count: 5 }, { tag: 'team/alpha', count: 2 }, { tag: '/notes', count: 1 }];
    const usualOrder = [
      { tag: 'retro', detail: 'your tag · 5 entries' },
      { tag: 'team/alpha', detail: 'your tag · 2 entries' },
      { tag: '/notes', detail: 'your tag · 1 entry' },
    ];
    expect(tagSuggestions([], others, 'team/')).toEqual([
      { tag: 'team/alpha', detail: 'under #team · 2 entries' },
      { tag: 'retro', detail: 'your tag · 5 entries' },
      { tag: '/notes', detail: 'your tag · 1 entry' },
    ]);
    // `teams` is not `team/`; a leading `/` names no parent; `retro/` has nothing under it.
    expect(tagSuggestions([], others, 'teams')).toEqual(usualOrder);
    expect(tagSuggestions([], others, '/')).toEqual(usualOrder);
    expect(tagSuggestions([], others, 'retro/')).toEqual(usualOrder);
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

  it('finds front matter tag items in the less common forms', () => {
    // White space before the colon, an item at column 0, white space after `tags:`.
    expect(at('---\ntags : [empathy, |]\n---\n')).toEqual({ kind: 'frontMatter', start: 21 });
    expect(at('---\ntags:\n- |\n---\n')).toEqual({ kind: 'frontMatter', start: 12 });
    expect(at('---\ntags: \n  - |\n---\n')).toEqual({ kind: 'frontMatter', start: 15 });
    // A lone carriage return is white space (or a line break) before the item: `tags:` above it
    // still counts, colon and all.
    expect(at('---\ntags:\n\r - |\n---\n')).toEqual({ kind: 'frontMatter', start: 14 });
  });

  it('ignores other front matter keys and lists', () => {
    expect(at('---\ndate: 2026|\n---\n')).toBeUndefined();
    expect(at('---\nauthors:\n  - |\n---\n')).toBeUndefined();
    // A key that only starts with `tags`.
    expect(at('---\ntags_archived: [empathy, |\n---\n')).toBeUndefined();
    // A list under another key that follows `tags:`, even one with a hyphen in its name.
    expect(at('---\ntags:\nfollow-ups:\n  - |\n---\n')).toBeUndefined();
    // `tags` already has a value on its own line: the list below is not its.
    expect(at('---\ntags: empathy\n  - |\n---\n')).toBeUndefined();
  });

  it('offers front matter items only on a YAML list line `- `', () => {
    // A continuation line and a Markdown bullet are not list items.
    expect(at('---\ntags:\n  ti|\n---\n')).toBeUndefined();
    expect(at('---\ntags:\n  * |\n---\n')).toBeUndefined();
    expect(at('---\ntags:\n  -|\n---\n')).toBeUndefined();
  });
});
