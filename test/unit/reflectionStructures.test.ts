import { describe, expect, it } from 'vitest';
import { buildEntry, parseNewEntryArgs } from '../../src/core/entryFactory';
import { parseEntry } from '../../src/core/entryParser';
import { actionSection } from '../../src/core/reflectionStructures';
import { traitById } from '../../src/core/traits';

const empathy = traitById('empathy')!;
const now = new Date(2026, 10, 27, 9);

describe('reflection structures', () => {
  it('Rolfe: What? So what? Now what?, the prompts under What?, the cursor there, an empty commitment last', () => {
    const entry = buildEntry([empathy], 'Roadmap', now, undefined, 'rolfe');
    const lines = entry.text.split('\n');
    const headings = lines.filter((line) => line.startsWith('## '));
    expect(headings).toEqual(['## What?', '## So what?', '## Now what?']);
    expect(lines.indexOf(`> ${empathy.prompts[0]}`)).toBeGreaterThan(lines.indexOf('## What?'));
    expect(entry.cursorLine).toBeGreaterThan(lines.indexOf('## What?'));
    expect(entry.cursorLine).toBeLessThan(lines.indexOf('## So what?'));
    expect(lines[lines.indexOf('## Now what?') + 2]).toBe('- [ ] ');
    expect(parseEntry(entry.text, 'x.md').tags).toEqual(['empathy']);
  });

  it("Gibbs' cycle: six sections, the action plan last", () => {
    const entry = buildEntry([empathy], undefined, now, undefined, 'gibbs');
    expect(entry.text.split('\n').filter((line) => line.startsWith('## '))).toEqual(['## Description', '## Feelings', '## Evaluation', '## Analysis', '## Conclusion', '## Action plan']);
    expect(actionSection(entry.text)).toMatchObject({ empty: true });
  });

  it('trait prompts stay the built-in body', () => {
    expect(buildEntry([empathy], 'x', now, undefined, 'trait-prompts')).toEqual(buildEntry([empathy], 'x', now));
  });

  it('takes the structure as a command argument, and refuses an unknown one', () => {
    expect(parseNewEntryArgs({ traits: ['empathy'], structure: 'gibbs' })).toMatchObject({ structure: 'gibbs' });
    expect(parseNewEntryArgs({ traits: ['empathy'], structure: 'kolb' })).toHaveProperty('error');
  });
});

describe('actionSection', () => {
  it('is empty with only blank lines and empty boxes, and points at the box', () => {
    const text = '# T\n\n## Now what?\n\n- [ ] \n\n## Notes\nmore\n';
    expect(actionSection(text)).toEqual({ headingLine: 2, line: 4, column: 6, empty: true });
  });

  it('is not empty once a next step is written, or anything else is', () => {
    expect(actionSection('## Now what?\n\n- [ ] Ask Sam\n')?.empty).toBe(false);
    expect(actionSection('## Action plan\nI will ask.\n')?.empty).toBe(false);
    expect(actionSection('## Now what?\n```\ncode\n```\n')?.empty).toBe(false);
  });

  it('ends at the next heading of the same level, ignores headings in code, and is undefined without one', () => {
    expect(actionSection('## Now what?\n\n## Later\ntext\n')?.empty).toBe(true);
    expect(actionSection('## Now what?\n\n### Detail\ntext\n')?.empty).toBe(false);
    expect(actionSection('```\n## Now what?\n```\n')).toBeUndefined();
    expect(actionSection('# Just an entry\n')).toBeUndefined();
  });
});
