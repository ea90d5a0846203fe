import { describe, expect, it } from 'vitest';
import { bodyStartOffset, findUnclosed, frontMatterKeyLine, readFrontMatter, writeFrontMatter } from '../../src/core/frontMatter';

// The tail every YAML error message ends with.
const IGNORED = 'the front matter was not read, so its tags were ignored; inline tags still count';

// A file whose front matter holds `yaml` (which ends with a newline), followed by a body.
const file = (yaml: string): string => `---\n${yaml}---\nbody`;

describe('findUnclosed', () => {
  it('finds nothing in closed quotes, lists and maps', () => {
    expect(findUnclosed('title: "closed"\n')).toBeUndefined();
    expect(findUnclosed("title: 'closed'\n")).toBeUndefined();
    expect(findUnclosed('tags: [a, b]\nmeta: {k: v}\n')).toBeUndefined();
    // A list continued on an indented line is still one list.
    expect(findUnclosed('tags: [a,\n  b]\n')).toBeUndefined();
  });

  it('finds a quote opened at the very start of the text', () => {
    expect(findUnclosed('"abc')).toEqual({ kind: '"', line: 0, key: undefined });
  });

  it('finds a quote or a list opened at the start of a later line', () => {
    expect(findUnclosed('title: x\n"open')).toEqual({ kind: '"', line: 1, key: undefined });
    expect(findUnclosed('title: x\n[open')).toEqual({ kind: '[', line: 1, key: undefined });
  });

  it('finds a single-quoted text, with its key', () => {
    expect(findUnclosed("a: 'open")).toEqual({ kind: "'", line: 0, key: 'a' });
  });

  it('reports a list as unclosed when a line at the left margin starts before its "]"', () => {
    // The "]" on the next line does not close it: YAML has already ended the flow list.
    expect(findUnclosed('tags: [a\nb: c]\n')).toEqual({ kind: '[', line: 0, key: 'tags' });
    // Even when the line opening the list ends in a blank.
    expect(findUnclosed('tags: [a, \nb]\n')).toEqual({ kind: '[', line: 0, key: 'tags' });
    // The list, not a quote opened on the later line.
    expect(findUnclosed('tags: [a\ntitle: "x\n')).toEqual({ kind: '[', line: 0, key: 'tags' });
  });

  it('skips a backslash escape inside double quotes only', () => {
    // `\"` does not close the text: it is still open at the end.
    expect(findUnclosed('a: "say \\"hi')).toEqual({ kind: '"', line: 0, key: 'a' });
    expect(findUnclosed('a: "say \\"hi"')).toBeUndefined();
    // In single quotes a backslash is an ordinary character.
    expect(findUnclosed("path: 'C:\\'")).toBeUndefined();
  });

  it("reads '' inside single quotes as an escaped quote", () => {
    expect(findUnclosed("a: 'it''s")).toEqual({ kind: "'", line: 0, key: 'a' });
    expect(findUnclosed("a: 'it''s'")).toBeUndefined();
    // Not in double quotes: a single quote right after the closing `"` does not escape it.
    expect(findUnclosed(`a: "x"'`)).toBeUndefined();
  });

  it('takes a tab as a blank', () => {
    expect(findUnclosed('a:\t"x')).toEqual({ kind: '"', line: 0, key: 'a' });
  });

  it('skips comments: at a line start, or after a blank', () => {
    expect(findUnclosed('# note: "quoted\n')).toBeUndefined();
    expect(findUnclosed('a: b # note: "x')).toBeUndefined();
    expect(findUnclosed('a: b #note: "x')).toBeUndefined();
    // The line after a comment is read, and counted.
    expect(findUnclosed('# c\ntitle: "open')).toEqual({ kind: '"', line: 1, key: 'title' });
  });

  it('does not take a "#" inside a word for a comment', () => {
    // `c#` is a tag; the quote after it is what is unclosed.
    expect(findUnclosed('tags: [c#, "open\n')).toEqual({ kind: '"', line: 0, key: 'tags' });
  });

  it('opens a quote only where a value starts', () => {
    // After a closed quoted value, a second quote opens nothing.
    expect(findUnclosed('a: "x" "y')).toBeUndefined();
    // After a closed list, neither.
    expect(findUnclosed('a: [b] "c')).toBeUndefined();
    // Inside a plain value, neither.
    expect(findUnclosed('a: b "c')).toBeUndefined();
    // A comma outside a flow collection is text, not a separator.
    expect(findUnclosed('a: b, "c')).toBeUndefined();
    // A colon not followed by a blank is text too.
    expect(findUnclosed('a:"open')).toBeUndefined();
    expect(findUnclosed('note: see:[1')).toBeUndefined();
    // A dash not followed by a blank is text.
    expect(findUnclosed('a: -"x')).toBeUndefined();
  });

  it('opens a quote after a list item dash, a "[" and a comma', () => {
    expect(findUnclosed('- "open')).toEqual({ kind: '"', line: 0, key: undefined });
    expect(findUnclosed('a: ["open')).toEqual({ kind: '"', line: 0, key: 'a' });
    expect(findUnclosed('a: [b, "c')).toEqual({ kind: '"', line: 0, key: 'a' });
  });

  it('opens a "[" only where a value starts or inside a collection', () => {
    expect(findUnclosed('a: b[1')).toBeUndefined();
    // Nested: the inner list is closed, the outer one is not.
    expect(findUnclosed('a: [x[1]')).toEqual({ kind: '[', line: 0, key: 'a' });
    expect(findUnclosed('a: [b')).toEqual({ kind: '[', line: 0, key: 'a' });
    // Inside a list a quote after a plain word opens nothing either.
    expect(findUnclosed('a: [b "c')).toEqual({ kind: '[', line: 0, key: 'a' });
  });

  it('closes a map with "}"', () => {
    expect(findUnclosed('a: {b: c}')).toBeUndefined();
  });

  it('keeps the first key of the line, outside any collection', () => {
    expect(findUnclosed('a: {b: "c')).toEqual({ kind: '"', line: 0, key: 'a' });
    expect(findUnclosed('a: b: "c')).toEqual({ kind: '"', line: 0, key: 'a' });
    // A line inside an open list has no key of its own.
    expect(findUnclosed('tags: [a,\n  b: "c')).toEqual({ kind: '"', line: 1, key: undefined });
  });

  it('gives the key without blanks or a list item dash', () => {
    expect(findUnclosed('  a : "c')).toEqual({ kind: '"', line: 0, key: 'a' });
    expect(findUnclosed('my-key: "c')).toEqual({ kind: '"', line: 0, key: 'my-key' });
    expect(findUnclosed('- a: "open')).toEqual({ kind: '"', line: 0, key: 'a' });
    expect(findUnclosed('-  a: "open')).toEqual({ kind: '"', line: 0, key: 'a' });
  });
});

describe('readFrontMatter errors', () => {
  it('says where an unclosed single quote opened', () => {
    expect(readFrontMatter(file("title: 'open\n"))).toEqual({
      data: undefined,
      body: 'body',
      bodyLine: 3,
      error: { line: 1, message: `The quoted text opened on line 2 is not closed (add '): ${IGNORED}.` },
    });
  });

  it('names a "tags" map as a map, not as the tags list', () => {
    expect(readFrontMatter(file('tags: {a\n')).error).toEqual({ line: 1, message: `The "tags" map opened on line 2 is not closed (add "}"): ${IGNORED}.` });
  });

  it('describes a list or a map without a key', () => {
    expect(readFrontMatter(file('[x\n')).error).toEqual({ line: 1, message: `The list opened on line 2 is not closed (add "]"): ${IGNORED}.` });
    expect(readFrontMatter(file('{x\n')).error).toEqual({ line: 1, message: `The map opened on line 2 is not closed (add "}"): ${IGNORED}.` });
  });

  it('cuts a long key to 40 characters', () => {
    const key = 'k'.repeat(45);
    expect(readFrontMatter(file(`${key}: [x\n`)).error).toEqual({ line: 1, message: `The "${'k'.repeat(40)}" list opened on line 2 is not closed (add "]"): ${IGNORED}.` });
  });

  it('names the unclosed list when js-yaml stops on the same line', () => {
    // js-yaml: "missed comma between flow collection entries" on YAML line 0.
    expect(readFrontMatter(file('a: [b, {c: d]\n')).error).toEqual({ line: 1, message: `The "a" list opened on line 2 is not closed (add "]"): ${IGNORED}.` });
  });

  it('ignores an unclosed quote below the line js-yaml stopped at', () => {
    // js-yaml stops at the duplicated key (YAML line 1), before the quote on line 2.
    expect(readFrontMatter(file('a: 1\na: 2\nb: "x\n')).error).toEqual({ line: 2, message: `The key "a" appears twice (again on line 3): ${IGNORED}.` });
  });

  it('cuts a long duplicated key to 40 characters', () => {
    const key = 'k'.repeat(45);
    expect(readFrontMatter(file(`${key}: 1\n${key}: 2\n`)).error).toEqual({ line: 2, message: `The key "${'k'.repeat(40)}" appears twice (again on line 3): ${IGNORED}.` });
  });

  it('gives an empty name for a duplicated explicit key (its line holds only the value)', () => {
    // js-yaml stops on YAML line 3, `: 2`.
    expect(readFrontMatter(file('? a\n: 1\n? a\n: 2\n')).error).toEqual({ line: 4, message: `The key "" appears twice (again on line 5): ${IGNORED}.` });
    // Not a key taken from inside the value either.
    expect(readFrontMatter(file('? a\n: 1\n? a\n: {b: 2}\n')).error).toEqual({ line: 4, message: `The key "" appears twice (again on line 5): ${IGNORED}.` });
  });

  it('blames a tab at the start of the line js-yaml stopped at', () => {
    // js-yaml: "end of the stream or a document separator is expected" on YAML line 2.
    expect(readFrontMatter(file('a:\n  - b\n\t- c\n')).error).toEqual({ line: 3, message: `Line 4 is indented with a tab; YAML indents with spaces: ${IGNORED}.` });
    // js-yaml: "bad indentation of a mapping entry" on YAML line 2, indented with a space and a tab.
    expect(readFrontMatter(file('a:\n  b: 1\n \tc: 2\n')).error).toEqual({ line: 3, message: `Line 4 is indented with a tab; YAML indents with spaces: ${IGNORED}.` });
  });

  it("quotes js-yaml's reason, without its position, for other errors", () => {
    // CORE_SCHEMA has no !!binary.
    expect(readFrontMatter(file('a: !!binary x\n')).error).toEqual({
      line: 1,
      message: `The front matter could not be read as YAML (line 2: unknown tag !<tag:yaml.org,2002:binary>): ${IGNORED}.`,
    });
  });

  it('reports an error without a position (a stack overflow) on the first YAML line', () => {
    // Nested deep enough to overflow js-yaml's recursion; every bracket is closed.
    const nested = `${'['.repeat(30000)}${']'.repeat(30000)}\n`;
    expect(readFrontMatter(file(nested)).error).toEqual({
      line: 1,
      message: `The front matter could not be read as YAML (line 2: Maximum call stack size exceeded): ${IGNORED}.`,
    });
  });
});

describe('readFrontMatter', () => {
  it('keeps the body of an unclosed front matter', () => {
    expect(readFrontMatter('---\ntitle: x\n')).toEqual({
      data: undefined,
      body: 'title: x\n',
      bodyLine: 1,
      error: { message: 'Front matter starts with "---" but has no closing "---" line.', line: 0 },
    });
    expect(readFrontMatter('---')).toEqual({
      data: undefined,
      body: '',
      bodyLine: 1,
      error: { message: 'Front matter starts with "---" but has no closing "---" line.', line: 0 },
    });
  });

  it('closes the front matter with "..." too', () => {
    expect(readFrontMatter('---\na: 1\n...\nbody')).toEqual({ data: { a: 1 }, body: 'body', bodyLine: 3 });
  });

  it('accepts blanks after the closing line', () => {
    expect(readFrontMatter('---\na: 1\n--- \t\nbody')).toEqual({ data: { a: 1 }, body: 'body', bodyLine: 3 });
  });

  it('closes at the end of the text, without a newline', () => {
    expect(readFrontMatter('---\na: 12\n---')).toEqual({ data: { a: 12 }, body: '', bodyLine: 2 });
  });

  it('closes with a CRLF line', () => {
    expect(readFrontMatter('---\r\na: 12\r\n---\r\nbody')).toEqual({ data: { a: 12 }, body: 'body', bodyLine: 3 });
    // An LF line before a CRLF closing line.
    expect(readFrontMatter('---\na: 12\n---\r\nbody')).toEqual({ data: { a: 12 }, body: 'body', bodyLine: 3 });
  });

  it('counts a blank line after the closing line as part of the body', () => {
    expect(readFrontMatter('---\na: 1\n---\n\nbody')).toEqual({ data: { a: 1 }, body: '\nbody', bodyLine: 3 });
  });

  it('takes a blank or a tab between "---" and the language', () => {
    expect(readFrontMatter('---\tyaml\na: 1\n---\n').data).toEqual({ a: 1 });
    expect(readFrontMatter('---yaml\t\na: 1\n---\n').data).toEqual({ a: 1 });
    expect(readFrontMatter('---yml\na: 1\n---\n').data).toEqual({ a: 1 });
  });

  it('refuses languages that only contain "yaml"', () => {
    for (const language of ['xyaml', 'yamlx']) {
      expect(readFrontMatter(`---${language}\na: 1\n---\nbody`)).toEqual({
        data: undefined,
        body: 'body',
        bodyLine: 3,
        error: { message: `front matter in "${language}" is not supported; use YAML`, line: 0 },
      });
    }
  });

  it('does not take a first line of "---" and other characters for an opening', () => {
    for (const text of ['---!\na: 1\n---\n', '---\ra: 1\n---\n']) {
      expect(readFrontMatter(text)).toEqual({ data: undefined, body: text, bodyLine: 0 });
    }
  });

  it('reads an empty front matter as an empty map', () => {
    expect(readFrontMatter('---\n---\nbody')).toEqual({ data: {}, body: 'body', bodyLine: 2 });
    // `~` is YAML's null.
    expect(readFrontMatter('---\n~\n---\nbody')).toEqual({ data: {}, body: 'body', bodyLine: 3 });
  });

  it('says that a number, a text or a list is not a map', () => {
    for (const yaml of ['42', "''", '[]']) {
      expect(readFrontMatter(`---\n${yaml}\n---\nbody`)).toEqual({
        data: undefined,
        body: 'body',
        bodyLine: 3,
        error: { message: 'Front matter is not a map of "key: value" lines.', line: 1 },
      });
    }
  });

  it('reads a front matter of exactly 64 KB, and refuses one byte more', () => {
    // "---\n" + "a: " + value + "\n---\n" is 12 bytes plus the value.
    const value = 'x'.repeat(64 * 1024 - 12);
    expect(readFrontMatter(`---\na: ${value}\n---\n`).data).toEqual({ a: value });
    expect(readFrontMatter(`---\na: ${value}x\n---\n`).error).toEqual({
      message: 'Front matter is larger than 64 KB, so it was not read; keep it to a few lines.',
      line: 0,
    });
  });
});

describe('bodyStartOffset', () => {
  it('does not take a "---" line followed by more text for the closing line', () => {
    // "---\n" 0-3, "a: 1\n" 4-8, "---x\n" 9-13, "---\n" 14-17, body at 18.
    expect(bodyStartOffset('---\na: 1\n---x\n---\nbody')).toBe(18);
    // A lone CR after "---" is no line end either: "---\rx\n" is 9-14, "---\n" 15-18.
    expect(bodyStartOffset('---\na: 1\n---\rx\n---\nbody')).toBe(19);
  });

  it('starts an unclosed front matter body after its first line', () => {
    expect(bodyStartOffset('---\nno close')).toBe(4);
    expect(bodyStartOffset('---')).toBe(3);
    expect(bodyStartOffset('\uFEFF---')).toBe(4);
  });
});

describe('writeFrontMatter', () => {
  it('writes a top-level timestamp unquoted, and a nested one as js-yaml does', () => {
    expect(writeFrontMatter('Body', { at: '2026-01-02T03:04:05Z', meta: { at: '2026-01-02T03:04:05+01:00' } })).toBe(
      "---\nat: 2026-01-02T03:04:05Z\nmeta:\n  at: '2026-01-02T03:04:05+01:00'\n---\nBody\n",
    );
  });

  it('keeps the quotes of a text that only starts with a timestamp', () => {
    expect(writeFrontMatter('Body', { k: "2026-01-02T03:04:05Z' rest" })).toBe("---\nk: '2026-01-02T03:04:05Z'' rest'\n---\nBody\n");
  });

  it('writes a long value on one line', () => {
    const title = Array.from({ length: 20 }, () => 'word').join(' ');
    expect(writeFrontMatter('Body', { title })).toBe(`---\ntitle: ${title}\n---\nBody\n`);
  });

  // gray-matter's stringify of a string reads the string's own front matter first: a body that
  // opens with `---` lines was merged into the data, lost, or refused as JavaScript.
  it.each([
    ['JavaScript-looking lines', '---js\n({})\n---\nrest\n'],
    ['YAML-looking lines between thematic breaks', '---\nfoo: 1\n---\nbody\n'],
    ['a thematic break alone', '---\n'],
    ['a thematic break with a space', '--- \nafter\n'],
  ])('keeps a body that opens with %s, word for word', (_name, body) => {
    const text = writeFrontMatter(body, { a: 1 });
    expect(text).toBe(`---\na: 1\n---\n${body}`);
    expect(readFrontMatter(text)).toMatchObject({ data: { a: 1 }, body });
  });
});

describe('frontMatterKeyLine', () => {
  it('drops characters that cannot be in a key', () => {
    expect(frontMatterKeyLine('---\ntitle: x\nfollows: y\n---\n', 'follows?')).toBe(2);
  });

  it('looks at the first 64 KB only', () => {
    const text = `---\na: ${'x'.repeat(70000)}\nfollows: y\n---\n`;
    expect(frontMatterKeyLine(text, 'follows')).toBe(1);
  });
});
