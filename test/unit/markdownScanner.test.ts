// Where a tag is, by hand: every class of issue #9, with expected values written out. The index
// (parseEntry), the hover (findTagAt) and completion (completionSite) are checked at each case.
import { describe, expect, it } from 'vitest';
import { growth } from './helpers/timing';
import { parseEntry } from '../../src/core/entryParser';
import { MAX_TITLE_LENGTH, scanMarkdown, tagAt, tagBeingTyped } from '../../src/core/markdownScanner';
import { completionSite } from '../../src/core/tagCompletion';
import { findTagAt } from '../../src/core/tagLocator';
import { linearSize } from './helpers/runs';

const tags = (text: string) => scanMarkdown(text).tags.map((tag) => tag.raw);
const title = (text: string) => parseEntry(text).title;

/** `|` marks the cursor: whether completion is offered there, and where it would replace from. */
const completionAt = (text: string) => completionSite(text.replace('|', ''), text.indexOf('|'));

describe('block structure', () => {
  it.each([
    ['indented code after a paragraph', 'Notes:\n\n    #secret in code', []],
    ['indented code in a list item', '- item\n\n      #secret in code\n', []],
    ['a paragraph continuation line is not code', 'Notes #a\n    #b continued', ['a', 'b']],
    ['fenced code in a block quote', '> ~~~\n> #secret\n> ~~~\n#after', ['after']],
    ['a block quote ends a fence opened in it', '> ```\n> #secret\n\n#after', ['after']],
    ['a fence in a list item closes inside it', '- ```sh\n  npm test\n  ```\n- #retro went well', ['retro']],
    ['a list item ends the fence in it', '- a\n  ```\n  code\n\nAfter the list #retro', ['retro']],
    ['a fence line outside the item ends it and opens a new fence', '- ```\n  #secret\n```\n#secret', []],
    ['lazy continuation of a quoted paragraph', '> quoted\n#lazy line', ['lazy']],
    ['a tab after > is part of the marker and indentation', '>\t\t#secret in code', []],
    ['an HTML block (kind 6) ends at a blank line', '<div>\n#secret\n</div>\n\n#shown', ['shown']],
    ['an HTML comment block ends with -->', '<!--\n#secret\n-->\n#shown', ['shown']],
    ['an HTML block (kind 7) cannot interrupt a paragraph', 'text\n<span>\n#shown', ['shown']],
    ['a script block runs to </script>', '<script>\n#secret\n\n#secret\n</script>\n#shown', ['shown']],
    ['a setext heading', 'Retro #retro\n===', ['retro']],
    ['an ATX heading with a closing sequence', '## Retro with the team #retro ##', ['retro']],
    ['a thematic break is not a heading', '***\n#shown', ['shown']],
    ['CRLF and a lone CR end lines', '```\r\n#secret\r\n```\r#shown', ['shown']],
  ])('%s', (_name, text, expected) => {
    expect(tags(text)).toEqual(expected);
  });
});

describe('inline constructs that hide text', () => {
  it.each([
    ['a code span', 'use `#secret` here #shown', ['shown']],
    ['a code span never crosses a list item', '- renamed `foo\n- #retro went fine `bar`', ['retro']],
    ['a code span never crosses a paragraph', '`a\n\n#shown `', ['shown']],
    ['a code span may cross a line in a paragraph', '`a\nb #secret` #shown', ['shown']],
    ['an escaped backtick opens nothing', 'typed \\` twice #retro \\`', ['retro']],
    ['backslash escapes do not work inside a code span', '`a\\` #shown `', ['shown']],
    ['an escaped #', '\\#escaped and \\\\#not', []],
    ['a link destination', '[notes]( #secret) and [notes](#secret "#secret")', []],
    ['link text counts', '[#retro](https://x/#secret)', ['retro']],
    ['an image description counts, its destination does not', '![#retro](#secret)', ['retro']],
    ['a link reference definition', '[notes]: #secret\n\n[notes]', []],
    ['a footnote-like definition is a link reference definition', '[^1]: #secret', []],
    ['a definition with a title over two lines', '[a]: /url\n"#secret\n#secret"\n\n[a] #shown', ['shown']],
    ['a full reference label', '[#shown][#secret]\n\n[#secret]: /u', ['shown']],
    ['an undefined reference is text', '[text][#shown]', ['shown']],
    ['an unclosed link parenthesis is no link', '[draft](#retro', ['retro']],
    ['a link inside link text: the outer one is text', '[a [b](c) d](#shown)', ['shown']],
    ['an autolink', '<https://x.y/(#secret)> and <a@b.co>', []],
    ['raw HTML', '<span title="#secret">#shown</span> <!-- #secret --> <?x #secret ?>', ['shown']],
    ['a tag right after a code span, HTML or a link starts a run of text', '`x`#a <b>#b [l](u)#c', ['a', 'b', 'c']],
  ])('%s', (_name, text, expected) => {
    expect(tags(text)).toEqual(expected);
  });
});

describe('the tag rule', () => {
  it.each([
    ['typographic quotes and brackets', '“#empathy” «#retro» （#focus） l’#équipe „#a“ 「#b」', ['empathy', 'retro', 'focus', 'équipe', 'a', 'b']],
    ['ASCII characters before #', '(#a) [#b] {#c} "#d" \'#e\' *#f* _#g_ >#h ,#i ;#j !#k', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k']],
    ['not after a letter, digit, /, # or other punctuation', 'a#b 1#c /#d ##e .#f :#g ]#h -#i =#j', []],
    ['combining marks are part of a tag', '#हिन्दी and #e\u0301t\u0301e\u0301', ['हिन्दी', 'e\u0301t\u0301e\u0301']],
    ['letters beyond the BMP', '#𝒜b', ['𝒜b']],
    ['trailing - / and _ are not part of it', '#retro- #a/ #b_ #c-/_', ['retro', 'a', 'b', 'c']],
    ['inner separators are', '#a__b #one-on-one #x/y', ['a__b', 'one-on-one', 'x/y']],
    ['a letter must follow #', '#1 #- #_ # heading', []],
    ['heading markers never count, heading text does', '# #title-tag\n## Retro with the team #retro\n#', ['title-tag', 'retro']],
  ])('%s', (_name, text, expected) => {
    expect(tags(text)).toEqual(expected);
  });

  it('gives each tag its offsets', () => {
    const text = '> quote #a\n- item `x` #b-';
    const found = scanMarkdown(text).tags;
    expect(found.map((tag) => text.slice(tag.start, tag.end))).toEqual(['#a', '#b']);
  });

  it('reads a tag of 40,000 hyphens to its end', () => {
    const raw = `a${'-'.repeat(40_000)}b`;
    expect(tags(`#${raw}`)).toEqual([raw]);
    expect(parseEntry(`#${raw}`).tags).toEqual(['a-b']);
  });
});

describe('the title', () => {
  it('is the first level-1 heading outside code, block quotes and lists', () => {
    expect(title('```\n# not this\n```\n## sub\n# Real title #\n')).toBe('Real title');
    expect(title('    # indented code\n> # quoted\n- # listed\n\n# Real\n')).toBe('Real');
    expect(title('<div>\n# in HTML\n</div>\n\n# Real\n')).toBe('Real');
  });

  it('may be a setext heading, lines joined', () => {
    expect(title('Hard conversation\nabout the roadmap\n===\n# later')).toBe('Hard conversation about the roadmap');
    expect(title('Second level\n---\n')).toBeUndefined();
  });

  it('drops backslash escapes, keeps tags, skips empty headings and is at most 200 characters', () => {
    expect(title('# C\\# migration #retro\n')).toBe('C# migration #retro');
    expect(title('#\n# \n# Real\n')).toBe('Real');
    expect(title(`# ${'x'.repeat(500)}`)).toHaveLength(MAX_TITLE_LENGTH);
    expect(title(`# a${' '.repeat(160_000)}b`)).toBe('a');
  });
});

describe('the index, the hover and completion agree', () => {
  it.each([
    // [text with | at the cursor, counted by the index]
    ['`a` `b #tag|', true],
    ['`a\nb #tag| ` code span over two lines', false],
    ['> ~~~\n> #tag|\n> ~~~', false],
    ['- ```\n  x\n  ```\n- #tag|', true],
    ['Notes:\n\n    #tag|', false],
    ['[notes]( #tag|)', false],
    ['[notes]: #tag|', false],
    ['[draft](#tag|', true],
    ['“#tag|”', true],
    ['<!-- #tag| -->', false],
    ['## Heading #tag|', true],
    ['\\#tag|', false],
  ])('%s', (marked, counted) => {
    const text = marked.replace('|', '');
    const cursor = marked.indexOf('|');
    const hash = text.lastIndexOf('#', cursor);
    expect(parseEntry(text).tags.includes('tag')).toBe(counted);
    expect(findTagAt(text, cursor - 1)?.tag === 'tag').toBe(counted);
    expect(tagAt(text, hash)?.raw === 'tag').toBe(counted);
    expect(completionAt(marked)).toEqual(counted ? { kind: 'inline', start: hash + 1 } : undefined);
  });

  it('offers completion after a bare # where a letter would start a tag', () => {
    expect(completionAt('Today #|')).toEqual({ kind: 'inline', start: 7 });
    expect(completionAt('#|')).toEqual({ kind: 'inline', start: 1 });
    expect(completionAt('# |')).toBeUndefined();
    expect(completionAt('a#|')).toBeUndefined();
  });

  it('finds front matter items in linear time', () => {
    const spaces = ' '.repeat(40_000);
    const text = `---\ntags: a${spaces}b\n---\n`;
    expect(findTagAt(text, 12)?.tag).toBe('a-b');
    expect(completionSite(`---\ntags:${' '.repeat(4_000)}]\n---\n`, 4_010)).toBeUndefined();
    // 10× the spaces, ~10× the CPU time (the quadratic and cubic rules this replaced gave 100×+).
    const tagsLine = (n: number) => `---\ntags: a${' '.repeat(n)}b\n---\n`;
    expect(growth((input) => findTagAt(input, 12), tagsLine(linearSize(20_000)), tagsLine(linearSize(200_000)))).toBeLessThan(25);
    const openList = (n: number) => `---\ntags:${' '.repeat(n)}]\n---\n`;
    expect(growth((input) => completionSite(input, input.length - 6), openList(linearSize(20_000)), openList(linearSize(200_000)))).toBeLessThan(25);
  });
});

// The scan's answer, whole: a key the caller did not ask for (tasks, headings) is not there, and
// tags the caller did not ask for are not found. Offsets counted by hand.
describe('what a scan returns', () => {
  it('tags and the title, by default, and nothing else', () => {
    expect(scanMarkdown('Notes #retro')).toStrictEqual({ tags: [{ raw: 'retro', start: 6, end: 12 }], title: undefined });
  });

  it('no tags when they are not asked for', () => {
    expect(scanMarkdown('# Week #a\n\nNotes #retro', { tags: false })).toStrictEqual({ tags: [], title: 'Week #a' });
    expect(scanMarkdown('Plain #text', { tags: false, title: false })).toStrictEqual({ tags: [], title: undefined });
  });

  it('tasks when asked for, without headings', () => {
    expect(scanMarkdown('- [ ] Ask #retro', { tasks: true })).toStrictEqual({ tags: [{ raw: 'retro', start: 10, end: 16 }], title: undefined, tasks: [2] });
  });

  it('headings when asked for, without tasks', () => {
    expect(scanMarkdown('## Plan\n#a', { headings: true })).toStrictEqual({
      tags: [{ raw: 'a', start: 8, end: 10 }],
      title: undefined,
      headings: [{ level: 2, text: 'Plan', start: 3, end: 7 }],
    });
  });
});

describe('tagAt and tagBeingTyped', () => {
  const retro = { raw: 'retro', start: 4, end: 10 };
  it.each([
    ['on the #', 4, retro],
    ['inside the name', 7, retro],
    ['at its end', 10, retro],
    ['before the #', 3, undefined],
    ['after a space', 11, undefined],
    ['before the text', -1, undefined],
    ['past the text', 15, undefined],
  ])('tagAt %s', (_name, offset, expected) => {
    expect(tagAt('Ask #retro now', offset)).toStrictEqual(expected);
  });

  it('tagAt walks back over a letter outside the Basic Multilingual Plane', () => {
    // '#', U+1D49C (two UTF-16 units), 'b': the cursor between them is inside one tag.
    const text = '#\u{1D49C}b';
    expect(tagAt(text, 3)).toStrictEqual({ raw: '\u{1D49C}b', start: 0, end: 4 });
    expect(tagAt(`x ${text}`, 5)).toStrictEqual({ raw: '\u{1D49C}b', start: 2, end: 6 });
  });

  it.each([
    ['right after a #', 'Ask #', 5, 5],
    ['in a name being typed', 'Ask #re', 7, 5],
    ['after a letter outside the BMP', 'Ask #\u{1D49C}', 7, 5],
    ['no # before the cursor', 'Ask', 3, undefined],
    ['a # after a letter is not a tag', 'a#', 2, undefined],
    ['in code', '`#', 2, undefined],
    ['before the text', '#', -1, undefined],
    ['past the text', '#', 2, undefined],
  ])('tagBeingTyped %s', (_name, text, offset, expected) => {
    expect(tagBeingTyped(text, offset)).toBe(expected);
  });
});

// Where an inline link ends decides whether a tag in what follows is hidden in its title. CommonMark
// 0.31 (§ 6.3) needs white space between the destination and the title; without it there is no
// link, and the text is read as text. commonmark.js and markdown-it give the same answers.
describe('inline link titles', () => {
  it.each([
    ['a title after white space is hidden', '[a](</u> "x #t")', []],
    ['a "title" right after <destination> makes no link', '[a](</u>"x #t")', ['t']],
    ["a 'title' right after <destination> makes no link", "[a](</u>'x #t')", ['t']],
    ['a (title) right after <destination> makes no link', '[a](</u>(x #t))', ['t']],
  ])('%s', (_name, text, expected) => {
    expect(tags(text)).toEqual(expected);
  });
});
