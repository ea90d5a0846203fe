import { describe, expect, it } from 'vitest';
import { parseEntryBytes } from '../../src/core/entryBytes';

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
