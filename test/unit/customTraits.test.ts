import { afterEach, describe, expect, it } from 'vitest';
import { computeBalance } from '../../src/core/balance';
import { BUILT_IN_TRAITS, allTraits, configureTraits, traitById, traitForTag, traitsOfSide } from '../../src/core/traits';

afterEach(() => {
  configureTraits([]);
});

const coaching = { id: 'Coaching', label: 'Coaching', side: 'leadership', description: 'Helping others grow.', prompts: ['Whom did I help grow today?'] };

describe('your own traits (balanceJournal.traits)', () => {
  it('adds a trait after the built-in ones of its side, and counts it on that side', () => {
    expect(configureTraits([coaching])).toEqual([]);
    expect(traitsOfSide('leadership').map((trait) => trait.id)).toEqual(['visionary-thinking', 'empathy', 'innovation', 'influence', 'coaching']);
    expect(traitForTag('#coaching')?.label).toBe('Coaching');
    const counts: Record<string, number> = { coaching: 3, 'time-management': 1 };
    expect(computeBalance((tag) => counts[tag] ?? 0)).toMatchObject({ leadership: 3, management: 1 });
  });

  it('replaces the prompts of a built-in trait and keeps its source text', () => {
    expect(configureTraits([{ id: 'empathy', prompts: ['Who needed me today?'] }])).toEqual([]);
    expect(traitById('empathy')).toMatchObject({ label: 'Empathy', prompts: ['Who needed me today?'], description: BUILT_IN_TRAITS[1].description });
  });

  it('skips invalid items with a clear message, keeping the valid ones', () => {
    const problems = configureTraits([
      coaching,
      'oops',
      { id: 'x', label: 'X', side: 'sideways', description: 'd', prompts: ['p'] },
      { id: '', label: 'Y' },
      { id: 'z', label: 'Z', side: 'management', description: 'd', prompts: [1] },
      { id: 'empathy' },
      { ...coaching },
    ]);
    expect(problems.map((problem) => problem.item)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(problems[0].message).toBe('Trait 2 of balanceJournal.traits was skipped: each trait is an object like { "id": "coaching", "label": "Coaching", "side": "leadership", "description": "…", "prompts": ["…"] }.');
    expect(problems[1].message).toBe('Trait 3 of balanceJournal.traits ("x") was skipped: "side" is "leadership" or "management", not "sideways".');
    expect(problems[2].message).toBe('Trait 4 of balanceJournal.traits was skipped: it needs an "id", a word such as "coaching".');
    expect(problems[5].message).toMatch(/"coaching" appears twice\.$/);
    expect(allTraits().map((trait) => trait.id)).toContain('coaching');
    expect(allTraits()).toHaveLength(9);
  });

  it('names the item and the id\'s characters, in one sentence that says it was skipped once', () => {
    const [problem] = configureTraits([{ id: 'Delegation!' }]);
    expect(problem).toEqual({
      item: 0,
      id: 'Delegation!',
      message: 'Trait 1 of balanceJournal.traits ("Delegation!") was skipped: an id may not contain "!": use letters, digits and hyphens, e.g. "delegation".',
    });
    expect(problem.message.match(/skipped/g)).toHaveLength(1);
  });

  it('names every missing field of a new trait at once', () => {
    expect(configureTraits([{ id: 'delegation', side: 'management' }])[0].message).toBe(
      'Trait 1 of balanceJournal.traits ("delegation") was skipped: a new trait needs "label", "description" and "prompts" (only a built-in trait can be given "prompts" alone).',
    );
  });

  it('ignores a setting that is not a list, and restores the built-in traits', () => {
    expect(configureTraits({ id: 'x' })[0].message).toMatch(/must be a list/);
    expect(allTraits()).toEqual(BUILT_IN_TRAITS);
    configureTraits([coaching]);
    configureTraits(undefined);
    expect(allTraits()).toEqual(BUILT_IN_TRAITS);
  });
});
