import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as l10n from '@vscode/l10n';
import { describe, expect, it } from 'vitest';
import {
  ANYONE_CAN_SHOW_BOTH,
  SIDE_SUMMARIES,
  STRATEGIES,
  allTraits,
  describeTraitIdProblem,
  isTraitId,
  normalizeTag,
  sideLabelInSentence,
  traitById,
  traitForTag,
  traitsOfSide,
} from '../../src/core/traits';

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

  it('frames each side in the source\'s words', () => {
    // The source's one sentence ("… a vision, whereas management focuses on …"), split in two.
    expect(source).toContain('Leadership is about inspiring people and setting a vision, whereas management focuses on overseeing operations and ensuring tasks are completed efficiently.');
    expect(SIDE_SUMMARIES.leadership).toBe('Leadership is about inspiring people and setting a vision.');
    expect(SIDE_SUMMARIES.management).toBe('Management focuses on overseeing operations and ensuring tasks are completed efficiently.');
  });
});

describe('sideLabelInSentence', () => {
  it('writes the side in lower case in English', () => {
    expect(sideLabelInSentence('leadership')).toBe('leadership');
    expect(sideLabelInSentence('management')).toBe('management');
  });

  it('is looked up in a translation bundle under its word and its translator comment', () => {
    l10n.config({
      contents: {
        'leadership/The side "Leadership", inside a sentence (English writes it in lower case).': 'Führung',
        'management/The side "Management", inside a sentence (English writes it in lower case).': 'Management (Verwaltung)',
      },
    });
    try {
      expect(sideLabelInSentence('leadership')).toBe('Führung');
      expect(sideLabelInSentence('management')).toBe('Management (Verwaltung)');
    } finally {
      l10n.config({ contents: {} });
    }
  });
});

describe('trait ids', () => {
  const letters = (n: number) => 'abcdefghij'.repeat(7).slice(0, n);

  it('allows at most 60 characters', () => {
    expect(isTraitId(letters(60))).toBe(true);
    expect(isTraitId(letters(61))).toBe(false);
    expect(describeTraitIdProblem(letters(60))).toBeUndefined();
    expect(describeTraitIdProblem(letters(61))).toBe('an id has at most 60 characters');
  });

  it.each([
    ['##', 'an id needs at least one letter'],
    // 60 characters are not too many: what is wrong is the first one.
    [`1${letters(59)}`, `an id must start with a letter, then letters, digits and hyphens, e.g. "${letters(59)}"`],
    ['360-feedback', 'an id must start with a letter, then letters, digits and hyphens, e.g. "feedback"'],
    ['12a!', 'an id may not contain "!": use letters, digits and hyphens, e.g. "a"'],
    // No letter to start a suggestion from: the example is the usual one.
    ['123', 'an id must start with a letter, then letters, digits and hyphens, e.g. "coaching"'],
    ['Q&A', 'an id may not contain "&": use letters, digits and hyphens, e.g. "q-a"'],
    // Five of the six characters are named, one space apart; the run of them is one hyphen.
    ['a!?.,;:b', 'an id may not contain "!" "?" "." "," ";": use letters, digits and hyphens, e.g. "a-b"'],
  ])('%s: %s', (id, message) => {
    expect(describeTraitIdProblem(id)).toBe(message);
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
