// Where the hover, rename and colours find a tag (core/tagLocator): the items of the front
// matter `tags` as they are written, and the boundaries of findTagAt. Offsets are counted by
// hand; the forms are those of YAML (block list, flow list, comma text).
import { describe, expect, it } from 'vitest';
import { parseEntry } from '../../src/core/entryParser';
import { findTagAt, frontMatterTagItems, tagOccurrences } from '../../src/core/tagLocator';

/** The front matter items as written (quotes stripped), in order. */
const written = (text: string) => frontMatterTagItems(text).map(({ start, end }) => text.slice(start, end));

describe('findTagAt in the front matter', () => {
  // ---\n = 0–3; `tags: [` = 4–10; retro = 11–15, `,` 16, space 17; empathy = 18–24, `]` 25.
  const flow = '---\ntags: [retro, empathy]\n---\n';

  it('finds an item from its first character to just past its last, both included', () => {
    expect(findTagAt(flow, 11)).toEqual({ tag: 'retro', start: 11, end: 16 });
    expect(findTagAt(flow, 16)).toEqual({ tag: 'retro', start: 11, end: 16 });
    expect(findTagAt(flow, 18)).toEqual({ tag: 'empathy', start: 18, end: 25 });
    expect(findTagAt(flow, 25)).toEqual({ tag: 'empathy', start: 18, end: 25 });
  });

  it('finds nothing between items or on the bracket', () => {
    expect(findTagAt(flow, 10)).toBeUndefined();
    expect(findTagAt(flow, 17)).toBeUndefined();
  });

  it('finds nothing in an unclosed front matter, which is only its `---` line', () => {
    const unclosed = '---\ntags: [retro]\n';
    expect(findTagAt(unclosed, 2)).toBeUndefined();
    expect(findTagAt(unclosed, 12)).toBeUndefined();
    expect(frontMatterTagItems(unclosed)).toEqual([]);
    expect(frontMatterTagItems('---')).toEqual([]);
  });
});

describe('frontMatterTagItems', () => {
  it('gives each item its normalised tag and its range, without the brackets or the blanks around them', () => {
    // `tags: [` = 4–10, retro = 11–15, `]` 16.
    expect(frontMatterTagItems('---\ntags: [retro]\n---\n')).toEqual([{ tag: 'retro', start: 11, end: 16, where: 'frontMatter' }]);
  });

  it('reads the `tags` key with blanks before its colon, and no key that only starts with `tags`', () => {
    expect(written('---\ntags : [retro]\n---\n')).toEqual(['retro']);
    expect(written('---\ntagsets: [retro]\ntags: [empathy]\n---\n')).toEqual(['empathy']);
    expect(written('---\ntagsets: [retro]\n---\n')).toEqual([]);
  });

  it('reads a block list under a `tags:` followed by blanks', () => {
    expect(written('---\ntags:   \n  - empathy\n---\n')).toEqual(['empathy']);
  });

  it('reads CRLF lines, and an LF file with a CRLF blank line, line by line', () => {
    expect(written('---\r\ntags: retro, empathy\r\nmood: calm\r\n---\r\n')).toEqual(['retro', 'empathy']);
    expect(written('---\ntags:\n\r\n  - retro\n---\n')).toEqual(['retro']);
  });

  it('goes on over blank and comment lines of a block list, and stops at the next key', () => {
    const text = '---\ntags:\n  - empathy\n\n  # a note\n  - retro\nmood: calm\nlabels:\n  - influence\n---\n';
    expect(written(text)).toEqual(['empathy', 'retro']);
  });

  it('reads a lone `-` as an empty item, not the end of the block list (the index counts the items after it)', () => {
    expect(written('---\ntags:\n- empathy\n-\n- retro\n---\n')).toEqual(['empathy', 'retro']);
    expect(written('---\r\ntags:\r\n- empathy\r\n-\r\n- retro\r\n---\r\n')).toEqual(['empathy', 'retro']);
    expect(written('---\ntags:\n  - empathy\n  -\n  - retro\n---\n')).toEqual(['empathy', 'retro']);
  });

  it('reads `- #x` as an empty item and a comment, as YAML and the index do', () => {
    // ---\n = 0–3, tags:\n = 4–9, `  - ` = 10–13, `#` 14, empathy = 15–21.
    const text = '---\ntags:\n  - #empathy\n  - retro\n---\n';
    expect(written(text)).toEqual(['retro']);
    expect(findTagAt(text, 16)).toBeUndefined();
    expect(tagOccurrences(text).map(({ tag }) => tag)).toEqual(['retro']);
  });

  it('reads the block list under `tags: # a comment`, and over comment lines at the line start, as YAML does', () => {
    // js-yaml (the index's reader) gives [empathy, retro] for both: a comment is no value and
    // ends no list. Checked with js-yaml 4; the next test asks the index itself.
    const afterComment = '---\ntags: # what this entry is about\n  - empathy\n  - retro\n---\n';
    const columnZeroComment = '---\ntags:\n- empathy\n# later\n- retro\nmood: calm\n---\n';
    expect(written(afterComment)).toEqual(['empathy', 'retro']);
    expect(written(columnZeroComment)).toEqual(['empathy', 'retro']);
    // ---\n = 0–3, `tags: # what this entry is about\n` = 4–36, `  - ` = 37–40, empathy = 41–47.
    expect(findTagAt(afterComment, 41)).toMatchObject({ tag: 'empathy', start: 41, end: 48 });
    expect(findTagAt(afterComment, 20)).toBeUndefined();
  });

  it('finds the same tags as the index in those forms', () => {
    for (const text of ['---\ntags: # what this entry is about\n  - empathy\n  - retro\n---\n', '---\ntags:\n- empathy\n# later\n- retro\nmood: calm\n---\n']) {
      expect(parseEntry(text, '2026-11-20-a.md').tags).toEqual(['empathy', 'retro']);
      expect(tagOccurrences(text).map(({ tag }) => tag)).toEqual(['empathy', 'retro']);
    }
  });

  it('keeps a block item whole: commas split only a flow list', () => {
    const text = '---\ntags:\n  - one, two\n---\n';
    expect(frontMatterTagItems(text).map(({ tag }) => tag)).toEqual(['one,-two']);
    expect(written(text)).toEqual(['one, two']);
  });

  it('reads commas and ` #` inside single or double quotes as text', () => {
    expect(written("---\ntags:\n  - 'a #b'\n---\n")).toEqual(['a #b']);
    expect(written("---\ntags: ['a, b', retro]\n---\n")).toEqual(['a, b', 'retro']);
    expect(written('---\ntags: ["a, b", retro]\n---\n')).toEqual(['a, b', 'retro']);
    // A quote opens only at the start of an item, after blanks: elsewhere it is a character.
    expect(written("---\ntags: [retro, 'a, b']\n---\n")).toEqual(['retro', 'a, b']);
    expect(written("---\ntags: [People's Choice, retro]\n---\n")).toEqual(["People's Choice", 'retro']);
  });

  it('ends the value at ` #`, a comment, but not at a `#` inside a word', () => {
    expect(written('---\ntags: [retro] #note\n---\n')).toEqual(['retro']);
    expect(written('---\ntags:\n  - retro #note\n---\n')).toEqual(['retro']);
    expect(written('---\ntags:\n  - a#b\n---\n')).toEqual(['a#b']);
  });

  it('gives no item for an empty one or an empty quoted text', () => {
    expect(written("---\ntags: [retro, '']\n---\n")).toEqual(['retro']);
    expect(written('---\ntags: [retro, , empathy]\n---\n')).toEqual(['retro', 'empathy']);
  });

  it('runs an unclosed quote to the end of its line and keeps the quote: quotes are stripped only in pairs', () => {
    expect(written("---\ntags:\n  - 'retro\n---\n")).toEqual(["'retro"]);
    expect(written('---\ntags:\n  - "\n---\n')).toEqual(['"']);
    expect(written("---\ntags: [a, 'b\n---\n")).toEqual(['a', "'b"]);
  });
});

describe('tagOccurrences', () => {
  it('leaves out front matter items that normalise to nothing', () => {
    const text = "---\ntags: [retro, '#']\n---\n";
    expect(written(text)).toEqual(['retro', '#']);
    expect(tagOccurrences(text)).toEqual([{ tag: 'retro', start: 11, end: 16, where: 'frontMatter' }]);
  });
});
