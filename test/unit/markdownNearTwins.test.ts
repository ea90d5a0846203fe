// Documents on which a near twin of a CommonMark rule reads the tags differently. Each was found
// by putting one surviving mutant of `src/core/markdown/` into the scanner and searching generated
// documents for one where the mutant's tags differ from the scanner's (docs/testing.md, "Raise
// it"), then shrunk. The expected tags are written down here, and both reference parsers must read
// the same: markdown-it and commonmark.js (test/unit/helpers/markdownReference.ts).
import { describe, expect, it } from 'vitest';
import { scanMarkdown, tagAt } from '../../src/core/markdownScanner';
import { commonmarkTags, referenceTags } from './helpers/markdownReference';

type Case = readonly [rule: string, markdown: string, expected: readonly string[]];

function check([, markdown, expected]: Case): void {
  expect(referenceTags(markdown), 'markdown-it').toEqual(expected);
  expect(commonmarkTags(markdown), 'commonmark.js').toEqual(expected);
  expect(scanMarkdown(markdown).tags.map((tag) => tag.raw), 'scanner').toEqual(expected);
}

const label999 = 'a'.repeat(999);

describe('inline: code spans, images, links', () => {
  it.each<Case>([
    ['a backtick run with no closing run of its length is text', '`\\```#Ω', []],
    ['`!` not before `[` opens nothing', '!](#e)', ['e']],
    ['`!` right after `[` is text', '[!#r', ['r']],
    ['an image description may hold a link; the image ends at its own destination', '![[]()](#t)', []],
    ['an image inside link text leaves the outer link open', '[![]()]()#Ω', ['Ω']],
    ['`[]` not followed by `(` is no inline link', '*[] #x)', ['x']],
    ['an empty inline link `[]()` ends at its `)`', '[]()#z', ['z']],
    ['a (title) right after <> is no title', '[](<>(#t))', ['t']],
    ['a destination then a line break then `)` is a link', '[](#t\n))', []],
    ['a shortcut reference ends at its `]`', '[ref]#e]\n\n[ref]:#', ['e']],
    ['a collapsed reference `[ref][]` ends after `[]`', '[ref]:.\r[ref][]#ж', ['ж']],
    ['a full reference with empty text ends after its label', '[][ref]#w\n\n[ref]:c', ['w']],
    ['a reference label of 999 characters is a label', `[${label999}]#z\n\n[${label999}]:u`, ['z']],
    ['U+0080 is text', 'a\u0080 #t', ['t']],
  ])('%s', (...testCase) => check(testCase));
});

describe('a link label has at most 999 characters (CommonMark 0.31, "Links")', () => {
  // `[a` + 1,000 spaces + `b]` normalizes to the defined label `a b`, but written it has 1,002
  // characters, so it is no link label and `]#z` is text. md4c counts the written length too;
  // commonmark.js and markdown-it check the length only of a `[label]` after `]`, and read a link.
  const long = `[a${' '.repeat(1000)}b]`;
  it.each<Case>([
    ['a shortcut reference of 1,002 characters is text', `${long}#z\n\n[a b]: /u`, []],
    ['a collapsed reference of 1,002 characters is text', `${long}[]#z\n\n[a b]: /u`, []],
  ])('%s', (_rule, markdown, expected) => {
    expect(scanMarkdown(markdown).tags.map((tag) => tag.raw)).toEqual(expected);
    expect(commonmarkTags(markdown), 'commonmark.js reads a link').toEqual(['z']);
  });
  it('one of 992 characters is a link', () => {
    check(['', `[a${' '.repeat(990)}b]#z\n\n[a b]: /u`, ['z']]);
  });
});

describe('blocks: list items, quotes and tabs', () => {
  it.each<Case>([
    ['a tab partly used by an empty list item’s indent leaves a paragraph', '-\n\t#é', ['é']],
    ['a tab after `-`, then two spaces: the item opens with indented code', '-\t  #r', []],
    ['`+`, a tab and two spaces: the same', '+\t  #中', []],
    ['an empty list item ends at a blank line; a tab-indented line after it is code', '-\n\n\t#e', []],
    ['`10.`, a space and a tab: five columns open indented code', '10. \t#ह', []],
    ['an ordered list starting at 10 cannot interrupt a paragraph', '_\n10.     #Ω', ['Ω']],
    ['an empty list item cannot interrupt a paragraph', 'o\n  1.\n    #中', ['中']],
    ['an empty list item with a tab after its marker cannot either', 'o\n  1.\t\n    #中', ['中']],
    ['an item whose first line is blank, then a tab-indented line', '-    \n\t. #e', ['e']],
    ['a tab after a nested `>` is partly used', '>\r   >\t#f', ['f']],
    ['`>`, a tab and two spaces: indented code in the quote', '>\t  #d', []],
    ['the same on a quote’s second line', '>\n>\t  #é', []],
  ])('%s', (...testCase) => check(testCase));
});

describe('blocks: headings, breaks, HTML blocks', () => {
  it.each<Case>([
    ['seven `#` make no heading; the next line continues the paragraph', '#######\n\t#𝒜', ['𝒜']],
    ['an empty heading `#`; a tab-indented line after it is code', '#\n\t#a', []],
    ['`===` with nothing above is text, continued by an indented line', '===\n    #i', ['i']],
    ['after a thematic break, `=` is text, continued by an indented line', '---\n=\n    #i', ['i']],
    ['`-- -` is a thematic break; an indented line after it is code', '-- -\n    #𝒜', []],
    ['`___` then `<t>`: an HTML block (type 7) that holds the next line', '___\n<t>\n#中', []],
    ['`***` then `<t>`: the same', '***\n<t>\n#é', []],
    ['`<e>` after an empty list item opens an HTML block', '-\n<e>\n#𝒜', []],
    ['`<g>` after an item with only a space opens an HTML block', '/\n- \n<g>\n#é', []],
    ['an HTML block of type 7 cannot interrupt a paragraph, lazy in a list item too', '1.\td\n<e>\r#l', ['l']],
    ['`<pre` goes on until `</pre>`: `</` does not end it', '<pre\n</\n#ж', []],
    ['`<pre` goes on until `</pre>`: `</div>` does not end it', '<pre\n</div>\n#Ω', []],
    ['`<pre` goes on until `</pre>`: `</pan>` does not end it', '<pre\n</pan>\n#ж', []],
    ['`<div/x` starts no HTML block (`/` must be followed by `>`)', '<div/x #tag', ['tag']],
    ['`<div/>` starts an HTML block', '<div/> #tag', []],
    ['`<div->` starts no HTML block', '<div-> #tag', ['tag']],
    ['`<!` before a digit starts no HTML block', '<!1 #tag', ['tag']],
    ['`<blockquote>`, a block tag of 10 letters, starts an HTML block', '<blockquote> #tag', []],
    ['`<figcaption>` (10 letters) interrupts a paragraph', 'a\n<figcaption>\n#tag', []],
    ['`</script>` after text on a line ends a `<script>` block', '<script>\nx</script>\n#tag', ['tag']],
    ['`</script` without `>` does not end it', '<script>\n</script\n#tag', []],
    ['`</scriptx` does not end it', '<script>\n</scriptx\n#tag', []],
  ])('%s', (...testCase) => check(testCase));
});

describe('blocks: list markers', () => {
  it.each<Case>([
    ['`1:` is no list marker', '1:     #tag', ['tag']],
    ['a number of 10 digits is no list marker', '1234567890.     #tag', ['tag']],
    ['a number of 9 digits is one: its content is indented code', '123456789.     #tag', []],
    ['`01.` starts at 1, so it interrupts a paragraph', 'a\n01.     #tag', []],
  ])('%s', (...testCase) => check(testCase));

  // The spec calls a line blank when it holds only spaces and tabs; commonmark.js, the spec's
  // reference implementation, also takes a vertical tab or form feed for white space there, and
  // the scanner reads as it does (markdown-it does not: the differential test accepts either).
  it.each([
    ['after `- `, a vertical tab leaves the item empty, so it cannot interrupt a paragraph', 'a\n- \u000b\n\n    #tag'],
    ['after `- `, a form feed too', 'a\n- \u000c\n\n    #tag'],
  ])('%s', (_rule, markdown) => {
    expect(commonmarkTags(markdown)).toEqual([]);
    expect(scanMarkdown(markdown).tags).toEqual([]);
    expect(scanMarkdown(markdown.replace('\n\n    #tag', '\n===')).title).toBe('a -');
  });
});

describe('blocks: containers nested 64 deep are read, deeper ones are text (README)', () => {
  it.each<Case>([
    ['64 block quotes: the fifth space opens indented code', `${'>'.repeat(64)}     #tag`, []],
    ['64 list items: the same', `${'- '.repeat(64)}    #tag`, []],
  ])('%s', (...testCase) => check(testCase));
  it.each([
    ['the 65th `>` is text, and so is what follows it', `${'>'.repeat(65)}     #tag`],
    ['the 65th `- ` is text', `${'- '.repeat(65)}    #tag`],
  ])('%s', (_rule, markdown) => {
    expect(scanMarkdown(markdown).tags.map((tag) => tag.raw)).toEqual(['tag']);
  });
});

describe('blocks: link reference definitions', () => {
  it.each<Case>([
    ['an underline below nothing but a definition is text', '[f]:/\n=\n[x]: #é', ['é']],
    ['the same after a blank first line', '\n[f]:/\n=\n[x]: #é', ['é']],
    ['an empty label makes no definition', '[]:>#é', ['é']],
    ['text after the destination that is no title makes no definition', '[1]: #Ω \\\\', ['Ω']],
    ['a definition followed by an unclosed quote on the next line stands', "[#t]:u\n'", []],
    ['a destination followed by text on its line makes no definition', '[ref]:>)[ref]#d', []],
    ['a line that is no definition ends the definitions', '[1]:_#d\n[f]:+ 2', []],
    ['a title in parentheses', '[a]: /u (t #tag)', []],
    ['a line starting `xy]:` is no definition', '[a]: /u\nxy]: #t', ['t']],
  ])('%s', (...testCase) => check(testCase));
});

describe('titles', () => {
  it.each([
    ['a heading’s escaped `#` is its text, not a closing sequence', '#\t\\#', '#'],
    ['`[f]:` without a destination is a setext heading’s text', '[f]:\n=', '[f]:'],
    ['a setext heading’s lines are trimmed and joined with one space', '1 \ne\n=', '1 e'],
    ['white space at a line’s end takes no room from the title', `a${' '.repeat(400)}\nb\n===`, 'a b'],
    ['a line of a no-break space trims to nothing', 'a\n\u00a0\n===', 'a'],
    ['an empty label makes no definition, so `[]: x` is the heading', '[]: x\n===', '[]: x'],
    ['200 escaped characters fill a title', `# ${'\\!'.repeat(200)}`, '!'.repeat(200)],
    ['any text is a title, Stryker’s own marker too', '# Stryker was here!', 'Stryker was here!'],
  ])('%s', (_rule, markdown, title) => {
    expect(scanMarkdown(markdown).title).toBe(title);
  });
});

describe('task list items', () => {
  it.each([
    ['a paragraph outside a list item is no task', '[x]'],
    ['nor is any other paragraph', 'a'],
    ['`[]]` is no task marker', '- []]'],
    ['a list item without a marker is no task', '1. b '],
    ['`[x` without its `]` is no task marker', '0.\t[x'],
    ['`( ]` is no task marker', '- ( ] a'],
    ['`[a]` is no task marker', '- [a] b'],
  ])('%s', (_rule, markdown) => {
    expect(scanMarkdown(markdown, { tasks: true }).tasks).toEqual([]);
  });
  it('`- [x] a` is a task, its marker at offset 2', () => {
    expect(scanMarkdown('- [x] a', { tasks: true }).tasks).toEqual([2]);
  });
});

describe('headings', () => {
  it.each([
    ['white space after the text is not part of it', '# b \n', { level: 1, text: 'b', start: 2, end: 3 }],
    ['an empty heading after a tab is empty where its text would start', '#\t', { level: 1, text: '', start: 2, end: 2 }],
    ['an indented empty heading: its `#` are no closing sequence', ' #', { level: 1, text: '', start: 2, end: 2 }],
    ['the same with three `#`', '  ###', { level: 3, text: '', start: 5, end: 5 }],
  ])('%s', (_rule, markdown, heading) => {
    expect(scanMarkdown(markdown, { headings: true }).headings).toEqual([heading]);
  });
});

describe('tagAt', () => {
  it('a tag right after a reference link whose definition comes later', () => {
    const text = '[ref]#a\n\n[ref]:1';
    expect(referenceTags(text)).toEqual(['a']);
    expect(tagAt(text, 6)).toEqual({ raw: 'a', start: 5, end: 7 });
  });
});
