import { describe, expect, it } from 'vitest';
import { buildEntry, parseNewEntryArgs } from '../../src/core/entryFactory';
import { parseEntry } from '../../src/core/entryParser';
import { actionHeadings, actionSection, structureDescription, structureLabel, structuredPromptsBlock } from '../../src/core/reflectionStructures';
import { Trait, traitById } from '../../src/core/traits';

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

  it('names and describes each structure for the picker', () => {
    expect((['trait-prompts', 'rolfe', 'gibbs'] as const).map((structure) => [structureLabel(structure), structureDescription(structure)])).toEqual([
      ['Trait prompts', "The traits' own questions, one section each."],
      ['What? So what? Now what?', 'Rolfe, Freshwater and Jasper (2001): what happened, what it means, what you will do.'],
      ["Gibbs' reflective cycle", 'Gibbs (1988): description, feelings, evaluation, analysis, conclusion, action plan.'],
    ]);
  });

  it('takes the structure as a command argument, and refuses an unknown one', () => {
    expect(parseNewEntryArgs({ traits: ['empathy'], structure: 'gibbs' })).toMatchObject({ structure: 'gibbs' });
    expect(parseNewEntryArgs({ traits: ['empathy'], structure: 'kolb' })).toHaveProperty('error');
  });
});

// Traits written here, not the built-in ones, so the whole expected text can be written by hand.
const listening: Trait = { id: 'listening', label: 'Listening', side: 'leadership', description: 'Hearing people out.', prompts: ['Whom did I hear out?', 'What did I miss?'] };
const budgeting: Trait = { id: 'budgeting', label: 'Budgeting', side: 'management', description: 'Keeping the numbers straight.', prompts: [] };

describe('structuredPromptsBlock', () => {
  it('Rolfe: the descriptions as quotes, every hint in italics, the prompts and the cursor under What?, an empty box under Now what?', () => {
    expect(structuredPromptsBlock([listening, budgeting], 'rolfe', 'CURSOR')).toBe(
      [
        '> **Listening** (leadership): Hearing people out.',
        '',
        '> **Budgeting** (management): Keeping the numbers straight.',
        '',
        '## What?',
        '',
        '*What happened? What was my part, and what did others do?*',
        '',
        '> Whom did I hear out?',
        '> What did I miss?',
        '',
        'CURSOR',
        '',
        '## So what?',
        '',
        '*What does it tell me about how I work, and about this trait?*',
        '',
        '',
        '',
        '## Now what?',
        '',
        '- [ ] ',
      ].join('\n'),
    );
  });

  it('Gibbs: six sections; without prompts the cursor follows the first hint directly', () => {
    expect(structuredPromptsBlock([budgeting], 'gibbs', 'CURSOR')).toBe(
      [
        '> **Budgeting** (management): Keeping the numbers straight.',
        '',
        '## Description',
        '',
        '*What happened?*',
        '',
        'CURSOR',
        '',
        '## Feelings',
        '',
        '*What was I thinking and feeling?*',
        '',
        '',
        '',
        '## Evaluation',
        '',
        '*What was good and bad about it?*',
        '',
        '',
        '',
        '## Analysis',
        '',
        '*What sense can I make of it?*',
        '',
        '',
        '',
        '## Conclusion',
        '',
        '*What else could I have done?*',
        '',
        '',
        '',
        '## Action plan',
        '',
        '- [ ] ',
      ].join('\n'),
    );
  });
});

describe('actionHeadings', () => {
  it('are the two action headings, once each in English', () => {
    expect(actionHeadings()).toEqual(['Now what?', 'Action plan']);
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

  it('points under the heading when there is no box, and at the heading itself when it is the last line', () => {
    expect(actionSection('# T\n## Now what?\nI will ask.\n## Notes\nmore\n')).toEqual({ headingLine: 1, line: 2, column: 0, empty: false });
    expect(actionSection('# T\n## Action plan')).toEqual({ headingLine: 1, line: 1, column: 0, empty: true });
  });

  it('counts a closed fence before the heading as closed, and only a fence of the same character closes one', () => {
    expect(actionSection('```\ncode\n```\n## Now what?\n\n- [ ] \n')).toEqual({ headingLine: 3, line: 5, column: 6, empty: true });
    // ~~~ inside a ``` fence is code: the heading after it is still in the fence.
    expect(actionSection('```\n~~~\n## Now what?\n```\n')).toBeUndefined();
  });

  it('opens a fence only with three backticks or tildes at the start of a line', () => {
    expect(actionSection('Wrap it in ``` fences.\n`one` tick\n~ one tilde\n## Now what?\n')).toEqual({ headingLine: 3, line: 4, column: 0, empty: true });
  });

  it('takes lines of only spaces as blank, and a heading with a no-break space after it as the heading', () => {
    expect(actionSection('## Now what?\n   \n\t\n')?.empty).toBe(true);
    expect(actionSection('## Now what?\u00a0\n\n- [ ] \n')).toEqual({ headingLine: 0, line: 2, column: 6, empty: true });
  });

  it('reads headings only on lines of up to 300 characters (longer lines are text)', () => {
    const heading = (length: number) => `## ${'x'.repeat(length - 3)}`;
    expect(heading(300)).toHaveLength(300);
    // A 300-character heading of the same level ends the section; a 301-character one is text in it.
    expect(actionSection(`## Now what?\n${heading(300)}\ntext\n`)?.empty).toBe(true);
    expect(actionSection(`## Now what?\n${heading(301)}\n`)?.empty).toBe(false);
  });
});
