// The scanner's small CommonMark 0.31 parsers, each on its own: link destinations, titles and labels,
// raw HTML and autolinks, and the character classes under them. Expected offsets are counted by hand
// from the spec (its examples where it has them; node_modules/commonmark-spec) and agree with
// commonmark.js and markdown-it where those two agree; where the spec leaves a limit open the
// comment names the reference followed.
import { describe, expect, it } from 'vitest';
import {
  Finder,
  autolinkEnd,
  destinationEnd,
  isAsciiPunctuation,
  isJsWhiteSpace,
  isSpaceOrTab,
  labelEnd,
  normalizeLabel,
  openOrClosingTagEnd,
  rawHtmlEnd,
  skipJsWhiteSpace,
  skipSpacesAndOneLineBreak,
  titleEnd,
} from '../../src/core/markdown/syntax';

type Scan = (text: string, at: number, end: number) => number;

// Text around the construct: a backslash and openers before it, and after its end every closer the
// parsers look for, so a parser reading before `at` or past `end` would answer differently.
const BEFORE = '\\<[("';
const AFTER = '>)]"\'-->?>]]>@b>';

/** The construct read at offset 0 of itself, then in the middle of a longer text with `end` where it stops. */
function expectEnd(scan: Scan, construct: string, expected: number): void {
  expect(scan(construct, 0, construct.length)).toBe(expected);
  const text = BEFORE + construct + AFTER;
  expect(scan(text, BEFORE.length, BEFORE.length + construct.length)).toBe(expected === -1 ? -1 : BEFORE.length + expected);
}

/** A construct that runs to the last character of `text`, or none: the end is the text's length or -1. */
function expectWhole(scan: Scan, text: string, whole: boolean): void {
  expectEnd(scan, text, whole ? text.length : -1);
  if (whole) {
    // Without its last character (its closing delimiter), nothing is left; nor with `end` just before it.
    expectEnd(scan, text.slice(0, -1), -1);
    expect(scan(text, 0, text.length - 1)).toBe(-1);
  }
}

/** Test rows named by their text, a long one by its start and length. */
function named<T>(rows: [string, T][]): [string, T, string][] {
  return rows.map(([text, expected]) => [text.length > 60 ? `${JSON.stringify(text.slice(0, 6))}… (${text.length} characters)` : JSON.stringify(text), expected, text]);
}

const withFinder =
  (text: string, at: number, end: number): number =>
    rawHtmlEnd(text, at, end, new Finder(text));

describe('character classes', () => {
  it.each([
    [0x20, true],
    [0x09, true],
    [0x0a, false],
    [0x0b, false],
    [0x0d, false],
    [0x08, false],
    [0xa0, false],
    [0x3000, false],
    [0x41, false],
  ])('isSpaceOrTab(%s) is %s', (code, expected) => {
    expect(isSpaceOrTab(code)).toBe(expected);
  });

  it('isAsciiPunctuation is true exactly for the spec\'s 32 ASCII punctuation characters', () => {
    // CommonMark 0.31, "ASCII punctuation character".
    const punctuation = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
    expect(punctuation.length).toBe(32);
    const found: string[] = [];
    for (let code = 0; code < 0x3000; code++) if (isAsciiPunctuation(code)) found.push(String.fromCharCode(code));
    expect(found.join('')).toBe(punctuation);
  });

  it('isJsWhiteSpace is JavaScript\'s \\s on every UTF-16 code unit', () => {
    const differ: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (isJsWhiteSpace(code) !== /\s/.test(String.fromCharCode(code))) differ.push(code);
    }
    expect(differ).toEqual([]);
  });
});

describe('skipSpacesAndOneLineBreak', () => {
  it.each([
    ['spaces and tabs', '  \t x', 0, 6, 4],
    ['nothing to skip', 'x  ', 0, 3, 0],
    ['from the middle, over one line break', 'a \n  b', 1, 6, 5],
    ['a second line break stays', 'a\n\nb', 1, 4, 2],
    ['the line break right at `at`', 'a\n b', 1, 4, 3],
    ['spaces after the break, up to `end`', ' \n   x', 0, 4, 4],
    ['`end` before the line break', '  \nx', 0, 2, 2],
    ['`end` among the spaces', '    x', 0, 2, 2],
    ['`end` right after the line break', '  \n  x', 0, 3, 3],
    ['at === end', 'a  ', 1, 1, 1],
    ['no-break space and vertical tab are not spaces or tabs', '\u00a0\v', 0, 2, 0],
  ])('%s', (_name, text, at, end, expected) => {
    expect(skipSpacesAndOneLineBreak(text, at, end)).toBe(expected);
  });
});

describe('skipJsWhiteSpace', () => {
  it.each([
    ['every kind of white space, line breaks too', 'a \t\n\n\u00a0\u3000\ufeffb', 1, 9, 8],
    ['up to `end`', 'a    b', 1, 3, 3],
    ['nothing to skip', 'ab', 1, 2, 1],
    ['at === end', 'a  ', 3, 3, 3],
  ])('%s', (_name, text, at, end, expected) => {
    expect(skipJsWhiteSpace(text, at, end)).toBe(expected);
  });
});

describe('destinationEnd', () => {
  it.each(named([
    // <…>: anything but a line break or an unescaped < or >.
    ['<a>', 3],
    ['<>', 2], // spec example 486: [link](<>) has an empty destination
    ['<a b>', 5], // spec example 489
    ['<a>b', 3],
    ['<a\nb>', -1],
    ['<a<b>', -1],
    ['<a', -1],
    ['<a\\>b>', 6], // \> does not close it
    ['<a\\<b>', 6], // \< is allowed
    ['<a\\b>', 5], // a backslash before a letter is a backslash
    ['<a\\>', -1], // the only > is escaped
    ['<a\\\\>', 5], // an escaped backslash, then the >
    ['<a\\\nb>', -1], // a backslash does not escape the line break (spec, commonmark.js; markdown-it skips it)
    // Bare: no space or ASCII control character, parentheses balanced.
    ['a', 1],
    ['a b', 1],
    ['a\nb', 1],
    ['a\tb', 1],
    ['a)', 1],
    ['(a)', 3],
    ['a(b)c', 5],
    ['a(b)c)', 5],
    ['a(b(c))', 7],
    ['(a', -1],
    ['a(', -1],
    ['a(b(c)', -1], // spec example 497
    [')', -1], // empty: the caller reads `()` itself (commonmark.js reads it here as empty)
    [')a', -1],
    ['', -1],
    [' a', -1],
    ['a\\)b', 4], // spec example 498: \) is not a parenthesis
    ['a\\(b', 4],
    ['\\(a', 3],
    ['a\\ b', 2], // a backslash before a space is a backslash
    ['a\\', 2],
    ['a\u0001b', 1], // ASCII control characters end it (spec and markdown-it; not commonmark.js)
    ['a\u007fb', 1],
    ['\u0001', -1],
    ['é(ü)', 4],
    // markdown-it's limit: 32 levels of parentheses, not 33 (the spec asks for at least 3).
    ['('.repeat(32) + 'a' + ')'.repeat(32), 65],
    ['('.repeat(33) + 'a' + ')'.repeat(33), -1],
    ['a' + '('.repeat(32) + ')'.repeat(32) + 'b', 66],
    ['()'.repeat(40), 80], // depth, not the number of parentheses
  ] as [string, number][]))('%s ends at %s', (_name, expected, construct) => {
    expectEnd(destinationEnd, construct, expected);
  });

  it('reads the depth from `at`, not from the start of the text', () => {
    // 32 levels in the destination, after 5 opening parentheses of the text around it.
    const destination = '('.repeat(32) + ')'.repeat(32);
    expect(destinationEnd('(((((' + destination, 5, 69)).toBe(69);
  });
});

describe('titleEnd', () => {
  it.each(named([
    ['"a"', 3], // spec example 505
    ["'a'", 3],
    ['(a)', 3],
    ['""', 2],
    ["''", 2],
    ['()', 2],
    ['"a"b"', 3],
    ['"a', -1],
    ["'a", -1],
    ['(a', -1],
    ['"', -1],
    ['"a\\"b"', 6], // spec example 506: \" does not close it
    ["'a\\'b'", 6],
    ['(a\\)b)', 6],
    ['"a\\"', -1],
    ['"a\\\\"', 5], // an escaped backslash, then the "
    ['"a\\b"', 5],
    ['"a\'b"', 5], // the other quotes are plain
    ["'a\"b'", 5],
    ['"a)b"', 5],
    ["'a(b'", 5],
    ['(a"b)', 5],
    ['(a(b)', -1], // ( inside (…) only escaped
    ['(a\\(b)', 6],
    ['"a\nb"', 5], // a title may span lines
  ] as [string, number][]))('%s ends at %s', (_name, expected, construct) => {
    expectEnd(titleEnd, construct, expected);
  });
});

describe('a closer at `end` is outside the text', () => {
  it.each([
    ['destinationEnd', '<a>', destinationEnd],
    ['titleEnd', '"a"', titleEnd],
    ['titleEnd', "'a'", titleEnd],
    ['titleEnd', '(a)', titleEnd],
    ['labelEnd', '[a]', labelEnd],
  ] as [string, string, Scan][])('%s(%j) with `end` before the closer is -1', (_name, text, scan) => {
    expect(scan(text, 0, text.length - 1)).toBe(-1);
  });
});

describe('labelEnd', () => {
  it.each(named([
    ['[a]', 2],
    ['[]', 1],
    ['[a]b]', 2],
    ['[a\nb]', 4],
    ['[a', -1],
    ['[', -1],
    ['[a[b]', -1], // spec examples 546–547: no unescaped brackets inside
    ['[a\\[b]', 5], // spec example 549
    ['[a\\]b]', 5], // spec example 194
    ['[a\\]', -1],
    ['[a\\\\]', 4], // spec example 550: an escaped backslash, then the ]
    ['[a\\b]', 4],
    // At most 999 characters between the brackets (spec, "link label").
    ['[' + 'a'.repeat(999) + ']', 1000],
    ['[' + 'a'.repeat(1000) + ']', -1],
    ['[' + 'a'.repeat(997) + '\\]]', 1000],
    ['[' + 'a'.repeat(998) + '\\]]', -1],
    ['[' + 'a'.repeat(998) + '[]', -1],
  ] as [string, number][]))('%s ends at %s', (_name, expected, construct) => {
    expectEnd(labelEnd, construct, expected);
  });
});

describe('normalizeLabel', () => {
  it.each([
    [' Foo  Bar ', 'FOO BAR'],
    ['a\n\t b', 'A B'], // spec example 541: [Foo\n  bar] matches [Foo bar]
    ['\n a \n', 'A'],
    ['', ''],
    [' \t ', ''],
    ['ẞ', 'SS'], // spec example 540: [ẞ] matches [SS]
    ['ß', 'SS'],
    ['ΑΓΩ', 'ΑΓΩ'], // spec example 206: [ΑΓΩ] matches [αγω]
    ['αγω', 'ΑΓΩ'],
  ])('%j is %j', (label, expected) => {
    expect(normalizeLabel(label)).toBe(expected);
  });
});

// [text, is an open or closing tag]
const TAGS: [string, boolean][] = [
  // Spec examples 613–624 and 630–632.
  ['<a>', true],
  ['<bab>', true],
  ['<c2c>', true],
  ['<a/>', true],
  ['<b2/>', true],
  ['<a  />', true],
  ['<b2\ndata="foo" >', true],
  ['<a foo="bar" bam = \'baz <em>"</em>\'\n_boolean zoop:33=zoop:33 />', true],
  ['<responsive-image src="foo.jpg" />', true],
  ['<33>', false],
  ['<__>', false],
  ['<a h*#ref="hi">', false],
  ['<a href="hi\'>', false],
  ["<a href=hi'>", false],
  ['< a>', false],
  ['<\nfoo>', false],
  ['<bar/ >', false],
  ['<foo bar=baz\nbim!bop />', false],
  ["<a href='bar'title=title>", false],
  ['</a>', true],
  ['</foo >', true],
  ['</a href="foo">', false],
  ['<a href="&ouml;">', true],
  ['<a href="\\*">', true],
  ['<a href="\\"">', false],
  // Tag names: a letter, then letters, digits and hyphens.
  ['<A-1>', true],
  ['<a-->', true],
  ['<a_b>', false],
  ['<a.b>', false],
  ['<-a>', false],
  ['<', false],
  ['<a', false],
  ['<a/', false],
  ['<a//>', false],
  ['<a/b>', false],
  // Attributes: white space, a name ([A-Za-z_:][A-Za-z0-9_.:-]*), then maybe = and a value.
  ['<a b>', true],
  ['<a b c>', true],
  ['<a >', true],
  ['<a\tb\n>', true],
  ['<a :b _c d.e-f:g_1>', true],
  ['<a -b>', false],
  ['<a .b>', false],
  ['<a 1>', false],
  ['<a b=c>', true],
  ['<a b = c>', true],
  ['<a b=c/>', true], // the / belongs to the unquoted value
  ['<a b=c d=e>', true],
  ['<a b= >', false],
  ['<a b=>', false],
  ['<a b=', false],
  ['<a b="">', true],
  ["<a b=''>", true],
  ['<a b="c>d">', true],
  ["<a b='c\"d'>", true],
  ['<a b="c\'>', false],
  ['<a b="c', false],
  ['<a b="c"/>', true],
  ['<a b="c" />', true],
  ['<a b="c"d>', false],
  ['<a b=c"d>', false],
  ["<a b=c'd>", false],
  ['<a b=c=d>', false],
  ['<a b=c<d>', false],
  ['<a b=c`d>', false],
  ['<a b=c\u0001>', false], // as both references: no \x00-\x20 in an unquoted value
  ['<a b=é>', true],
  // Both references read white space in tags as JavaScript's \s.
  ['<a\u00a0b\u3000/>', true],
  // Closing tags: no attributes, white space before the >.
  ['</a\n>', true],
  ['</a-1 \t>', true],
  ['</a/>', false],
  ['</ a>', false],
  ['</1>', false],
  ['</>', false],
  ['</', false],
  ['</a', false],
  ['</a ', false],
];

describe('openOrClosingTagEnd', () => {
  it.each(named(TAGS))('%s is a tag: %s', (_name, whole, text) => {
    expectWhole(openOrClosingTagEnd, text, whole);
  });

  it('is no comment, processing instruction, declaration or CDATA', () => {
    for (const text of ['<!---->', '<?a?>', '<!A>', '<![CDATA[a]]>']) expect(openOrClosingTagEnd(text, 0, text.length)).toBe(-1);
  });
});

describe('rawHtmlEnd', () => {
  it.each(named([
    ...TAGS,
    // Comments, spec examples 625–626: <!-->, <!---> and <!-- … -->, -- allowed inside.
    ['<!-- this is a --\ncomment - with hyphens -->', true],
    ['<!-->', true],
    ['<!--->', true],
    ['<!---->', true],
    ['<!-- a -->', true],
    ['<!--a-- >', false],
    ['<!-- a --', false],
    ['<!-', false],
    ['<!- a ->', false],
    // Processing instructions, spec example 627.
    ['<?php echo $a; ?>', true],
    ['<??>', true],
    ['<?>', false],
    ['<?a>', false],
    ['<?', false],
    // Declarations, spec example 628: <! and a letter.
    ['<!ELEMENT br EMPTY>', true],
    ['<!a>', true],
    ['<!A\nb>', true],
    ['<!>', false],
    ['<!1>', false],
    ['<! A>', false],
    ['<!', false],
    // CDATA, spec example 629.
    ['<![CDATA[>&<]]>', true],
    ['<![CDATA[]]>', true],
    ['<![CDATA[]]]>', true],
    ['<![CDATA[a]>', false],
    ['<![CDATA>', false],
    ['<![CDATA[', false],
  ] as [string, boolean][]))('%s is raw HTML: %s', (_name, whole, text) => {
    expectWhole(withFinder, text, whole);
  });

  it.each([
    ['a comment', '--><!-- c'],
    ['CDATA', ']]><![CDATA[ c'],
    ['a processing instruction', '?><? c'],
    ['a declaration', '><!A c'],
  ])('a closer right before it does not end %s', (_name, text) => {
    expect(rawHtmlEnd(text, text.indexOf('<'), text.length, new Finder(text))).toBe(-1);
  });

  it('finds each comment of a text with one Finder, a later one first', () => {
    const text = 'x <!-- a --> y <!-- b --> z <!-- c';
    const finder = new Finder(text);
    expect(rawHtmlEnd(text, 15, text.length, finder)).toBe(25);
    expect(rawHtmlEnd(text, 2, text.length, finder)).toBe(12);
    expect(rawHtmlEnd(text, 15, text.length, finder)).toBe(25);
    expect(rawHtmlEnd(text, 28, text.length, finder)).toBe(-1);
    // The same closer, beyond `end`.
    expect(rawHtmlEnd(text, 15, 24, finder)).toBe(-1);
  });
});

describe('Finder', () => {
  it('answers as String.prototype.indexOf, in any order of calls', () => {
    // '-->' at 1 and 5, '>' at 3 and 7.
    const finder = new Finder('a-->b-->c');
    const calls: [string, number, number][] = [
      ['-->', 0, 1],
      ['-->', 2, 5],
      ['-->', 1, 1],
      ['-->', 5, 5],
      ['-->', 6, -1],
      ['-->', 7, -1],
      ['-->', 3, 5],
      ['>', 4, 7],
      ['-->', 0, 1],
      ['>', 0, 3],
      ['>', 8, -1],
      ['>', 7, 7],
    ];
    expect(calls.map(([needle, from]) => finder.indexOf(needle, from))).toEqual(calls.map(([, , found]) => found));
  });
});

describe('autolinkEnd', () => {
  it.each(named([
    // Spec examples 594–610.
    ['<http://foo.bar.baz>', true],
    ['<https://foo.bar.baz/test?q=hello&id=22&boolean>', true],
    ['<irc://foo.bar:2233/baz>', true],
    ['<MAILTO:FOO@BAR.BAZ>', true],
    ['<a+b+c:d>', true],
    ['<made-up-scheme://foo,bar>', true],
    ['<https://../>', true],
    ['<localhost:5001/foo>', true],
    ['<https://foo.bar/baz bim>', false],
    ['<https://example.com/\\[\\>', true],
    ['<foo@bar.example.com>', true],
    ['<foo+special@Bar.baz-bar0.com>', true],
    ['<foo\\+@bar.example.com>', false],
    ['<>', false],
    ['< https://foo.bar >', false],
    ['<m:abc>', false],
    ['<foo.bar.baz>', false],
    // Schemes: a letter, then letters, digits, + . -; 2 to 32 characters.
    ['<ab:>', true],
    ['<a1+.-:x>', true],
    ['<' + 'a'.repeat(32) + ':x>', true],
    ['<' + 'a'.repeat(33) + ':x>', false],
    ['<' + 'a'.repeat(31) + '1:x>', true],
    ['<1a:x>', false],
    ['<a_b:x>', false],
    ['<a:b>', false],
    ['<ab:c@d>', true],
    // After the colon: no space, ASCII control character, < or >.
    ['<ab:c<d>', false],
    ['<ab:c d>', false],
    ['<ab:c\nd>', false],
    ['<ab:c\td>', false],
    ['<ab:\u0001>', false],
    ['<ab:é[]"\\>', true],
    ['<ab:', false],
    // E-mail: local part, @, dot-separated labels of letters, digits and inner hyphens, 1–63 long.
    ['<a@b>', true],
    ['<a@b.c>', true],
    ['<a+b@c>', true],
    ['<a.b!#$%&\'*+/=?^_`{|}~-@x>', true],
    ['<a@b-c.d-1>', true],
    ['<a@-b.c>', false],
    ['<a@b-.c>', false],
    ['<a@b.-c>', false],
    ['<a@b.c->', false],
    ['<a@b..c>', false],
    ['<a@b.>', false],
    ['<a@.b>', false],
    ['<@b.c>', false],
    ['<a@>', false],
    ['<a@b_c>', false],
    ['<a@b c>', false],
    ['<a b@c>', false],
    ['<a@@b>', false],
    ['<é@b>', false],
    ['<a@é>', false],
    ['<a@' + 'b'.repeat(63) + '>', true],
    ['<a@' + 'b'.repeat(64) + '>', false],
    ['<a@c.' + 'b'.repeat(63) + '>', true],
    ['<a@c.' + 'b'.repeat(64) + '.d>', false],
    ['<a@b', false],
    ['<a@b.c', false],
  ] as [string, boolean][]))('%s is an autolink: %s', (_name, whole, text) => {
    expectWhole(autolinkEnd, text, whole);
  });
});
