import { afterEach, describe, expect, it } from 'vitest';
import { parseEntryBytes } from '../../src/core/entryBytes';
import { parseEntry } from '../../src/core/entryParser';
import { readFrontMatter } from '../../src/core/frontMatter';

// gray-matter runs `---js`, `---javascript` and `---coffee` front matter as code. A journal file
// must never run: each of these is refused, whatever its spacing and case. The probe would set a
// global if it ran; the test removes it again in any case.
const PROBE = '__balanceJournalProbe';
const probe = globalThis as Record<string, unknown>;

afterEach(() => {
  delete probe[PROBE];
});

const CODE = [
  `globalThis.${PROBE} = 'ran'; ({ tags: ['empathy'] })`,
  `(globalThis.${PROBE} = 'ran', { tags: ['empathy'] })`,
  `module.exports = (globalThis.${PROBE} = 'ran', { tags: ['empathy'] })`,
];
const OPENERS = [
  '---js', '---javascript', '---coffee', '---JS', '---Js', '---JavaScript', '---JAVASCRIPT', '---Coffee', '---COFFEE',
  '--- js', '---  javascript', '---\tcoffee', '---js ', '---javascript\t', '--- coffee ', '---  JS  ', '---coffeescript',
];

describe('front matter that gray-matter would run as code', () => {
  it.each(OPENERS)('never runs %j front matter, and takes no tags from it', (opener) => {
    for (const code of CODE) {
      const text = `${opener}\n${code}\n---\n# Title\n\nbody #influence\n`;
      const parsed = parseEntry(text, '2026-11-27-x.md');
      expect(probe[PROBE], `${opener} ran`).toBeUndefined();
      expect(parsed.tags).not.toContain('empathy');
      expect(readFrontMatter(text).data).toBeUndefined();
      expect(probe[PROBE]).toBeUndefined();
      const fromBytes = parseEntryBytes(new TextEncoder().encode(text), 'x.md');
      expect(fromBytes.tags).not.toContain('empathy');
      expect(probe[PROBE]).toBeUndefined();
    }
  });

  it('notices when the probe runs (the test can fail)', () => {
    new Function(CODE[0])();
    expect(probe[PROBE]).toBe('ran');
  });

  it('still reads YAML front matter', () => {
    expect(parseEntry('---\ntags: [empathy]\n---\n').tags).toEqual(['empathy']);
    expect(parseEntry('---yaml\ntags: [empathy]\n---\n').tags).toEqual(['empathy']);
  });
});
