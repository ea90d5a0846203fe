// The tag rule's character classes and helpers, by hand: surrogate pairs, the code point before a `#`,
// the `#` candidates in a range and the end of a tag name. Expected values come from Unicode (checked
// against JS's own \p{…} classes) and from the rule in README's "File format".
import { describe, expect, it } from 'vitest';
import {
  codePointBefore,
  isHighSurrogate,
  isLowSurrogate,
  isTagChar,
  isTagLetter,
  mayPrecedeTag,
  tagCandidates,
  tagNameEnd,
  trimTagEnd,
} from '../../src/core/markdown/characters';

// 𝐀 MATHEMATICAL BOLD CAPITAL A (U+1D400, a letter), written as its UTF-16 pair.
const BOLD_A = '\uD835\uDC00';

describe('surrogates', () => {
  it.each([
    [0x41, false],
    [0xd7ff, false],
    [0xd800, true],
    [0xdbff, true],
    [0xdc00, false],
    [0xdfff, false],
  ])('isHighSurrogate(%s) is %s (high surrogates are D800–DBFF)', (code, expected) => {
    expect(isHighSurrogate(code)).toBe(expected);
  });

  it.each([
    [0x41, false],
    [0xd800, false],
    [0xdbff, false],
    [0xdc00, true],
    [0xdfff, true],
    [0xe000, false],
  ])('isLowSurrogate(%s) is %s (low surrogates are DC00–DFFF)', (code, expected) => {
    expect(isLowSurrogate(code)).toBe(expected);
  });
});

describe('character classes at the ASCII boundary', () => {
  // U+007F and U+0080 are control characters: not letters, not tag characters, not white space.
  it.each([0x7f, 0x80])('U+%s is not a letter, tag character or character before a tag', (code) => {
    const ch = String.fromCodePoint(code);
    expect(/\p{L}/u.test(ch)).toBe(false); // the reference agrees
    expect(isTagLetter(code)).toBe(false);
    expect(isTagChar(code)).toBe(false);
    expect(mayPrecedeTag(code)).toBe(false);
  });

  it('reads astral letters and digits (U+1D400 𝐀, U+20000 𝠀, U+1D7CE 𝟎)', () => {
    expect([isTagLetter(0x1d400), isTagLetter(0x20000), isTagLetter(0x1d7ce)]).toEqual([true, true, false]);
    expect([isTagChar(0x1d400), isTagChar(0x20000), isTagChar(0x1d7ce)]).toEqual([true, true, true]);
  });
});

describe('codePointBefore', () => {
  it('reads a surrogate pair at the very start of the text as one code point', () => {
    expect(codePointBefore(`${BOLD_A}#a`, 2)).toBe(0x1d400);
  });

  it('reads a surrogate pair after other text as one code point', () => {
    expect(codePointBefore(`x${BOLD_A}#a`, 3)).toBe(0x1d400);
  });

  it('returns a lone low surrogate at the start of the text as it is', () => {
    expect(codePointBefore('\uDC00#a', 1)).toBe(0xdc00);
  });

  it('returns a lone low surrogate after an ASCII letter as it is', () => {
    expect(codePointBefore('a\uDC00#a', 2)).toBe(0xdc00);
  });

  it('returns an ASCII letter after a lone high surrogate, not the surrogate', () => {
    expect(codePointBefore('\uD835a#a', 2)).toBe(0x61);
  });

  it('returns an ASCII character as it is', () => {
    expect(codePointBefore('(#a', 1)).toBe(0x28);
  });
});

describe('tagCandidates', () => {
  it('finds every `#` followed by a letter, and only those', () => {
    // offsets: a0 b1 #2 c3 ' '4 #5 ' '6 #7 18 ' '9 #10 𝐀11-12
    expect(tagCandidates(`ab#c # #1 #${BOLD_A}`, undefined)).toEqual([2, 10]);
  });

  it('finds a `#` at offsets 0, 1 and 2', () => {
    expect(tagCandidates('#a', undefined)).toEqual([0]);
    expect(tagCandidates(' #a', undefined)).toEqual([1]);
    expect(tagCandidates('  #a', undefined)).toEqual([2]);
  });

  it('finds nothing where letters follow no `#`', () => {
    expect(tagCandidates('abc def', undefined)).toEqual([]);
  });

  it('keeps to the range [from, to]', () => {
    // offsets: #0 a1 ' '2 #3 b4 ' '5 #6 c7 ' '8 #9 d10
    expect(tagCandidates('#a #b #c #d', [3, 6])).toEqual([3, 6]);
  });

  it('reads a negative start as the start of the text', () => {
    expect(tagCandidates('#a #b #c', [-4, 3])).toEqual([0, 3]);
  });
});

describe('tagNameEnd', () => {
  it('steps over an astral tag character as one code point', () => {
    // # a 𝐀(2 units) b: the name runs to the end, offset 5.
    expect(tagNameEnd(`#a${BOLD_A}b`, 0, 5)).toBe(5);
  });

  it('steps over an astral first letter and an astral digit', () => {
    // # 𝐀(2) 𝟎(2) x ' ' : the name ends before the space, at offset 6.
    expect(tagNameEnd(`#${BOLD_A}\u{1D7CE}x `, 0, 7)).toBe(6);
  });

  it('stops at an ASCII character that is not a tag character', () => {
    expect(tagNameEnd('#a-b_c/d.e', 0, 10)).toBe(8);
  });

  it('is -1 when no letter follows the `#`', () => {
    expect(tagNameEnd('#1a', 0, 3)).toBe(-1);
  });
});

describe('trimTagEnd', () => {
  it('drops trailing -, / and _ but keeps the first letter', () => {
    expect(trimTagEnd('#retro-/_ ', 0, 9)).toBe(6);
    expect(trimTagEnd('#a--', 0, 4)).toBe(2);
  });
});
