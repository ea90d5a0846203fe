import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANYONE_CAN_SHOW_BOTH, STRATEGIES, allTraits, normalizeTag, traitById, traitForTag, traitsOfSide } from '../../src/core/traits';

// A copy of the user's source document; the trait texts must be quoted from it, not paraphrased.
const source = readFileSync(join(__dirname, '../fixtures/source-document.txt'), 'utf8');

describe('trait taxonomy', () => {
  it('has the four leadership and four management traits in the source order', () => {
    expect(traitsOfSide('leadership').map((t) => t.label)).toEqual(['Visionary Thinking', 'Empathy', 'Innovation', 'Influence']);
    expect(traitsOfSide('management').map((t) => t.label)).toEqual([
      'Organizational Skills',
      'Decision-Making',
      'Problem-Solving',
      'Time Management',
    ]);
    expect(allTraits().map((t) => t.id)).toEqual([
      'visionary-thinking', 'empathy', 'innovation', 'influence',
      'organizational-skills', 'decision-making', 'problem-solving', 'time-management',
    ]);
  });

  it.each(allTraits().map((t) => [t.label, t] as const))('quotes the source for %s', (_label, trait) => {
    expect(source).toContain(`- ${trait.label}: ${trait.description}`);
    expect(trait.prompts.length).toBeGreaterThanOrEqual(2);
    expect(trait.prompts.length).toBeLessThanOrEqual(3);
  });

  it('quotes the three strategies for balancing both', () => {
    expect(STRATEGIES.map((s) => s.name)).toEqual(['Develop Dual Skills', 'Foster Collaboration', 'Continuous Learning']);
    for (const strategy of STRATEGIES) expect(source).toContain(`- ${strategy.name}: ${strategy.text}`);
  });

  it('keeps the point that anyone can show both', () => {
    expect(source).toContain("You don't need to have direct reports to display leadership or");
    expect(ANYONE_CAN_SHOW_BOTH).toMatch(/direct reports/);
  });
});

describe('normalizeTag', () => {
  it.each([
    ['Organizational Skills', 'organizational-skills'],
    ['organizational_skills', 'organizational-skills'],
    ['#Organizational-Skills', 'organizational-skills'],
    ['  TIME   management ', 'time-management'],
    ['decision--making', 'decision-making'],
    ['-empathy-', 'empathy'],
    ['##empathy', 'empathy'],
    ['-#retro', 'retro'],
    ['##', ''],
  ])('%s -> %s', (raw, expected) => {
    expect(normalizeTag(raw)).toBe(expected);
  });

  it('is idempotent', () => {
    for (const raw of ['##Empathy', '-#retro', ' a_b ', '#-#x--', 'Time  Management']) expect(normalizeTag(normalizeTag(raw))).toBe(normalizeTag(raw));
  });

  it('maps spellings to the same trait and leaves other words alone', () => {
    expect(traitForTag('Problem Solving')).toBe(traitById('problem-solving'));
    expect(traitForTag('Visionary_Thinking')).toBe(traitById('visionary-thinking'));
    expect(traitForTag('leadership')).toBeUndefined();
    expect(traitForTag('')).toBeUndefined();
  });
});
