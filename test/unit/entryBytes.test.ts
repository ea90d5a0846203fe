import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_FILE_KB, parseEntryBytes } from '../../src/core/entryBytes';
import { MAX_FRONT_MATTER_BYTES } from '../../src/core/frontMatter';

const encode = (text: string) => new TextEncoder().encode(text);

describe('parseEntryBytes', () => {
  it('reads ordinary UTF-8 without problems', () => {
    const parsed = parseEntryBytes(encode('---\ntags: [empathy]\n---\n# Café\n#influence'), '2026-01-02-x.md');
    expect(parsed).toMatchObject({ tags: ['empathy', 'influence'], title: 'Café', problems: [] });
  });

  it('reads what it can of invalid UTF-8, and says so', () => {
    const bytes = new Uint8Array([...encode('---\ntags: [empathy]\n---\nbad '), 0xff, 0xfe, ...encode(' #influence\n')]);
    const parsed = parseEntryBytes(bytes, 'x.md');
    expect(parsed.tags).toEqual(['empathy', 'influence']);
    expect(parsed.problems).toEqual([{ message: expect.stringMatching(/not valid UTF-8/), line: 0 }]);
  });

  it('does not read a binary file named .md', () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, ...encode('#empathy')]);
    const parsed = parseEntryBytes(bytes, '2026-03-04-image.md');
    expect(parsed.tags).toEqual([]);
    expect(parsed.day).toBe('2026-03-04');
    expect(parsed.problems).toEqual([{ message: expect.stringMatching(/binary file/), line: 0 }]);
  });

  it('reads only the front matter of a file over the limit', () => {
    const text = `---\ntags: [empathy]\n---\n# Big\n${'words '.repeat(1000)}#influence\n`;
    const parsed = parseEntryBytes(encode(text), 'x.md', 1024);
    expect(parsed.tags).toEqual(['empathy']);
    expect(parsed.problems).toEqual([{ message: expect.stringMatching(/over the limit of 1 KB \(setting balanceJournal.maxFileSizeKB\)/), line: 0 }]);
  });

  it('reads a UTF-8 BOM and CRLF without problems', () => {
    const parsed = parseEntryBytes(encode('\uFEFF---\r\ntags: [empathy]\r\n---\r\n#innovation\r\n'), 'x.md');
    expect(parsed).toMatchObject({ tags: ['empathy', 'innovation'], problems: [] });
  });
});

describe('parseEntryBytes at its limits', () => {
  const fileOf = (size: number) => {
    const head = '---\ntags: [empathy]\n---\n#influence ';
    return encode(head + 'x'.repeat(size - head.length));
  };

  it('reads a file of exactly the limit in full, and only the front matter of one a byte over', () => {
    expect(parseEntryBytes(fileOf(2048), 'x.md', 2048)).toMatchObject({ tags: ['empathy', 'influence'], problems: [] });
    const over = parseEntryBytes(fileOf(2049), 'x.md', 2048);
    expect(over.tags).toEqual(['empathy']);
    expect(over.problems).toEqual([{ message: 'This file is 2 KB, over the limit of 2 KB (setting balanceJournal.maxFileSizeKB): only its front matter was read.', line: 0 }]);
  });

  it('judges the size by the whole file, when it is given only the beginning', () => {
    const beginning = fileOf(100);
    expect(parseEntryBytes(beginning, 'x.md', 2048, 2048).tags).toEqual(['empathy', 'influence']);
    const partial = parseEntryBytes(beginning, 'x.md', 2048, 5 * 1024 * 1024);
    expect(partial.tags).toEqual(['empathy']);
    expect(partial.problems[0].message).toBe('This file is 5120 KB, over the limit of 2 KB (setting balanceJournal.maxFileSizeKB): only its front matter was read.');
  });

  it('says a file over the limit was not read at all when none of its bytes could be read', () => {
    // VS Code for the Web reads no part of a file: the bytes are empty, the size is the file's.
    const unread = parseEntryBytes(new Uint8Array(0), '2026-03-04-big.md', 2048, 5 * 1024 * 1024);
    expect(unread.tags).toEqual([]);
    expect(unread.day).toBe('2026-03-04');
    expect(unread.problems).toEqual([
      { message: 'This file is 5120 KB, over the limit of 2 KB (setting balanceJournal.maxFileSizeKB): it was not read.', line: 0 },
    ]);
  });

  it('uses a limit of 1024 KB by default', () => {
    expect(DEFAULT_MAX_FILE_KB).toBe(1024);
    expect(parseEntryBytes(fileOf(1024 * 1024), 'x.md').problems).toEqual([]);
    expect(parseEntryBytes(fileOf(1024 * 1024 + 1), 'x.md').problems).toHaveLength(1);
  });

  it('over the limit, decodes only the beginning: invalid UTF-8 far into the body is not reported', () => {
    const far = MAX_FRONT_MATTER_BYTES + 1024;
    const head = encode('---\ntags: [empathy]\n---\n');
    const bytes = new Uint8Array(far + 10).fill(0x61);
    bytes.set(head, 0);
    bytes[far + 5] = 0xff;
    const parsed = parseEntryBytes(bytes, 'x.md', 1024);
    expect(parsed.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^This file is \d+ KB, over the limit/)]);
    bytes[far - 1] = 0xff;
    expect(parseEntryBytes(bytes, 'x.md', 1024).problems.map((p) => p.message)).toEqual([expect.stringMatching(/over the limit/), expect.stringMatching(/not valid UTF-8/)]);
  });

  it('looks for NUL bytes in the first 8 KB only', () => {
    const bytes = new Uint8Array(8 * 1024 + 100).fill(0x61);
    bytes[8 * 1024] = 0;
    expect(parseEntryBytes(bytes, 'x.md').problems).toEqual([]);
    bytes[8 * 1024 - 1] = 0;
    expect(parseEntryBytes(bytes, 'x.md').problems).toEqual([{ message: 'This looks like a binary file, not Markdown (it contains NUL bytes), so nothing in it was read.', line: 0 }]);
  });

  it('puts its own problems before the parser\'s', () => {
    const bytes = new Uint8Array([...encode('---\ntags: [a\n---\n'), 0xff]);
    const parsed = parseEntryBytes(bytes, 'x.md');
    expect(parsed.problems[0].message).toBe('This file is not valid UTF-8 text: characters that could not be read were replaced. Save it as UTF-8.');
    expect(parsed.problems.length).toBeGreaterThan(1);
  });
});
