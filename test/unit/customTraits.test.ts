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

  it('reports a setting that is not a list once, for the setting as a whole', () => {
    expect(configureTraits('coaching')).toStrictEqual([
      { item: -1, message: 'The setting balanceJournal.traits was ignored: it must be a list of traits, like [{ "id": "coaching", … }].' },
    ]);
  });

  it.each([undefined, null])('has nothing to report when the setting is %s (not set)', (setting) => {
    configureTraits([coaching]);
    expect(configureTraits(setting)).toStrictEqual([]);
    expect(allTraits()).toEqual(BUILT_IN_TRAITS);
  });
});

describe('the message for each skipped item of balanceJournal.traits', () => {
  const skipped = (item: unknown) => configureTraits([item]).map((problem) => problem.message);
  const prompts = ['Whom did I help grow today?'];

  it('has no id when the item has none', () => {
    // Not even an undefined one: the problem is what the settings view shows.
    expect(configureTraits([{ label: 'Coaching' }])).toStrictEqual([
      { item: 0, message: 'Trait 1 of balanceJournal.traits was skipped: it needs an "id", a word such as "coaching".' },
    ]);
  });

  it.each([
    ['an id that is not a text', 7],
    ['an id of spaces', '   '],
  ])('asks for an id, given %s', (_what, id) => {
    // An id of spaces is written as "" once trimmed, so the message names no id either.
    expect(skipped({ id, label: 'Coaching' })).toEqual([
      'Trait 1 of balanceJournal.traits was skipped: it needs an "id", a word such as "coaching".',
    ]);
  });

  it('keeps the first 80 characters of a long id as written', () => {
    const id = 'abcdefghij'.repeat(9);
    const first80 = 'abcdefghij'.repeat(8);
    expect(configureTraits([{ id }])).toStrictEqual([
      { item: 0, id: first80, message: `Trait 1 of balanceJournal.traits ("${first80}") was skipped: an id has at most 60 characters.` },
    ]);
  });

  it.each([
    ['an empty prompt', ['Who needed me today?', '']],
    ['a prompt of spaces', ['Who needed me today?', '  ']],
    ['a prompt that is not a text', ['Who needed me today?', 3]],
  ])('rejects the prompts of a built-in trait with %s', (_what, itsPrompts) => {
    expect(skipped({ id: 'empathy', prompts: itsPrompts })).toEqual([
      'Trait 1 of balanceJournal.traits ("empathy") was skipped: "prompts" is a list of questions, each a text.',
    ]);
    expect(traitById('empathy')?.prompts).toEqual(BUILT_IN_TRAITS[1].prompts);
  });

  it('allows five prompts and no more', () => {
    const five = ['One?', 'Two?', 'Three?', 'Four?', 'Five?'];
    expect(configureTraits([{ id: 'empathy', prompts: five }])).toEqual([]);
    expect(traitById('empathy')?.prompts).toEqual(five);
    expect(skipped({ id: 'empathy', prompts: [...five, 'Six?'] })).toEqual([
      'Trait 1 of balanceJournal.traits ("empathy") was skipped: a trait has at most 5 prompts.',
    ]);
  });

  it('asks for prompts for a built-in trait given without them', () => {
    expect(skipped({ id: 'Empathy' })).toEqual([
      'Trait 1 of balanceJournal.traits ("Empathy") was skipped: "empathy" is a built-in trait: give "prompts" to replace its prompts.',
    ]);
  });

  it('writes a prompt on one line, without the spaces around it', () => {
    expect(configureTraits([{ id: 'empathy', prompts: ['  Whom did I\r\nhelp\tgrow today?\n'] }])).toEqual([]);
    expect(traitById('empathy')?.prompts).toEqual(['Whom did I help grow today?']);
  });

  it.each([
    ['no side', { id: 'delegation', label: 'Delegation', description: 'Handing work on.', prompts }, '"side"'],
    ['an empty label and a description of spaces', { id: 'delegation', label: '', side: 'management', description: '  ', prompts }, '"label" and "description"'],
    ['a label of spaces and an empty description', { id: 'delegation', label: ' ', side: 'management', description: '', prompts }, '"label" and "description"'],
  ])('names what a new trait lacks, given %s', (_what, item, lacking) => {
    expect(skipped(item)).toEqual([
      `Trait 1 of balanceJournal.traits ("delegation") was skipped: a new trait needs ${lacking} (only a built-in trait can be given "prompts" alone).`,
    ]);
  });

  it('quotes at most 40 characters of a side it does not know', () => {
    expect(skipped({ ...coaching, side: 'leadership-and-management-and-everything-else' })).toEqual([
      'Trait 1 of balanceJournal.traits ("Coaching") was skipped: "side" is "leadership" or "management", not "leadership-and-management-and-everythin.',
    ]);
  });

  it('names a side that JSON cannot write', () => {
    expect(skipped({ ...coaching, side: Symbol('up') })).toEqual([
      'Trait 1 of balanceJournal.traits ("Coaching") was skipped: "side" is "leadership" or "management", not Symbol(up).',
    ]);
  });
});
