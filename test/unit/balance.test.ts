import { describe, expect, it } from 'vitest';
import { DEFAULT_BALANCE_TOLERANCE, balanceDetails, computeBalance, describeBalance, pluralEntries, shortBalance, sideTotal, stateLabel, verdict, weakerSide } from '../../src/core/balance';
import { traitById } from '../../src/core/traits';

const counts = (entries: Record<string, number>) => (tag: string) => entries[tag] ?? 0;

describe('computeBalance', () => {
  it('is empty with no trait tags', () => {
    const balance = computeBalance(counts({ retro: 5 }));
    expect(balance.state).toBe('empty');
    expect(describeBalance(balance)).toBe('no entries yet');
    expect(shortBalance(balance)).toBe('L – · M –');
  });

  it('splits trait tags per side in whole percents that add to 100', () => {
    const balance = computeBalance(counts({ empathy: 2, influence: 2, 'time-management': 3, 'problem-solving': 2 }));
    expect(balance).toMatchObject({ leadership: 4, management: 5, total: 9, leadershipPercent: 44, managementPercent: 56 });
    expect(describeBalance(balance)).toBe('Leadership 44% · Management 56% · balanced');
    expect(shortBalance(balance)).toBe('L 44% · M 56%');
  });

  it('leans when a side is further than the tolerance from 50%', () => {
    const c = counts({ empathy: 3, 'decision-making': 1 });
    expect(computeBalance(c, 10).state).toBe('leaning-leadership');
    expect(describeBalance(computeBalance(c, 10))).toBe('Leadership 75% · Management 25% · leaning leadership');
    expect(computeBalance(c, 25).state).toBe('balanced');
    expect(computeBalance(counts({ empathy: 1, 'decision-making': 3 }), 10).state).toBe('leaning-management');
  });

  it('treats the tolerance edge as balanced (60% with 10 points)', () => {
    expect(computeBalance(counts({ empathy: 6, 'decision-making': 4 }), 10).state).toBe('balanced');
    expect(computeBalance(counts({ empathy: 61, 'decision-making': 39 }), 10).state).toBe('leaning-leadership');
  });

  it('clamps odd tolerances', () => {
    const c = counts({ empathy: 1 });
    expect(computeBalance(c, 1000).state).toBe('balanced');
    expect(computeBalance(c, Number.NaN).state).toBe('leaning-leadership');
    expect(computeBalance(counts({ empathy: 1, 'decision-making': 1 }), -5).state).toBe('balanced');
  });
});

describe('balanceDetails', () => {
  it('gives the counts, then one suggestion and why, then the other traits that are due', () => {
    const c = counts({ empathy: 3, 'decision-making': 1 });
    const lines = balanceDetails(computeBalance(c), {
      suggestion: { trait: traitById('time-management')!, why: 'Time Management has no entries yet, and management is the side you wrote less about overall.' },
      neglected: [traitById('innovation')!, traitById('time-management')!, traitById('influence')!],
      neglectDays: 14,
    });
    expect(lines).toEqual([
      'Leadership: 3 trait tags (75%)',
      'Management: 1 trait tags (25%)',
      'Try next: Time Management. Time Management has no entries yet, and management is the side you wrote less about overall.',
      'Also due (no entry for 14 days or more): Innovation, Influence.',
    ]);
  });

  it('without a suggestion, says which traits are due, with the days given', () => {
    const lines = balanceDetails(computeBalance(counts({ empathy: 3, 'decision-making': 1 })), {
      neglected: [traitById('innovation')!, traitById('influence')!],
      neglectDays: 21,
    });
    expect(lines).toEqual([
      'Leadership: 3 trait tags (75%)',
      'Management: 1 trait tags (25%)',
      'Due (no entry for 21 days or more): Innovation, Influence.',
    ]);
  });

  it('says 14 days when it is given no number of days', () => {
    const lines = balanceDetails(computeBalance(counts({ empathy: 3, 'decision-making': 1 })), { neglected: [traitById('innovation')!] });
    expect(lines).toEqual(['Leadership: 3 trait tags (75%)', 'Management: 1 trait tags (25%)', 'Due (no entry for 14 days or more): Innovation.']);
  });

  it('with a suggestion, says the other traits are also due, with the days given', () => {
    const lines = balanceDetails(computeBalance(counts({ empathy: 3, 'decision-making': 1 })), {
      suggestion: { trait: traitById('time-management')!, why: 'Why.' },
      neglected: [traitById('time-management')!, traitById('influence')!],
      neglectDays: 30,
    });
    expect(lines).toEqual([
      'Leadership: 3 trait tags (75%)',
      'Management: 1 trait tags (25%)',
      'Try next: Time Management. Why.',
      'Also due (no entry for 30 days or more): Influence.',
    ]);
  });

  it('has no line of due traits when the only neglected one is the suggestion, or none is neglected', () => {
    const balance = computeBalance(counts({ empathy: 3, 'decision-making': 1 }));
    const suggestion = { trait: traitById('time-management')!, why: 'Why.' };
    const counted = ['Leadership: 3 trait tags (75%)', 'Management: 1 trait tags (25%)'];
    expect(balanceDetails(balance, { suggestion, neglected: [traitById('time-management')!] })).toEqual([...counted, 'Try next: Time Management. Why.']);
    expect(balanceDetails(balance, { suggestion })).toEqual([...counted, 'Try next: Time Management. Why.']);
    expect(balanceDetails(balance, { neglected: [] })).toEqual(counted);
    expect(balanceDetails(balance)).toEqual(counted);
  });

  it('says what to do when there are no trait tags', () => {
    expect(balanceDetails(computeBalance(counts({})))).toEqual(['No trait tags yet. Write an entry tagged with a trait to see your balance.']);
  });

  it('names the verdict first, capitalised', () => {
    expect(verdict('balanced')).toBe('Balanced');
    expect(verdict('leaning-leadership')).toBe('Leaning leadership');
    expect(verdict('empty')).toBe('No entries yet');
    expect(verdict('leaning-management')).toBe('Leaning management');
  });
});

// Fixtures where a near-twin of each rule gives another answer.
describe('balance rules against their near twins', () => {
  it('judges on whole percents, not the raw ratio (151 : 99 is 60.4%, shown as 60%: balanced)', () => {
    const c = counts({ empathy: 151, 'decision-making': 99 });
    expect(computeBalance(c, 10)).toEqual({ leadership: 151, management: 99, total: 250, leadershipPercent: 60, managementPercent: 40, state: 'balanced' });
    const other = counts({ empathy: 99, 'decision-making': 151 });
    expect(computeBalance(other, 10)).toMatchObject({ leadershipPercent: 40, managementPercent: 60, state: 'balanced' });
    // 60.6% shows as 61%: leaning.
    expect(computeBalance(counts({ empathy: 303, 'decision-making': 197 }), 10)).toMatchObject({ leadershipPercent: 61, state: 'leaning-leadership' });
    expect(computeBalance(counts({ empathy: 197, 'decision-making': 303 }), 10)).toMatchObject({ leadershipPercent: 39, managementPercent: 61, state: 'leaning-management' });
  });

  it('rounds half a percent up, and the two percents add to 100 (1 of 8 is 13%, 7 of 8 is 88%)', () => {
    expect(computeBalance(counts({ empathy: 1, 'decision-making': 7 }))).toMatchObject({ leadershipPercent: 13, managementPercent: 87 });
    expect(computeBalance(counts({ empathy: 7, 'decision-making': 1 }))).toMatchObject({ leadershipPercent: 88, managementPercent: 12 });
    expect(computeBalance(counts({ empathy: 2, 'decision-making': 1 }))).toMatchObject({ leadershipPercent: 67, managementPercent: 33 });
  });

  it('sums every trait of each side, and nothing else', () => {
    const all = counts({
      'visionary-thinking': 1, empathy: 2, innovation: 4, influence: 8,
      'organizational-skills': 16, 'decision-making': 32, 'problem-solving': 64, 'time-management': 128, retro: 1000,
    });
    expect(computeBalance(all)).toMatchObject({ leadership: 15, management: 240, total: 255 });
  });

  it.each([
    // tolerance, leadership, management, state
    [5, 55, 45, 'balanced'],
    [5, 56, 44, 'leaning-leadership'],
    [5, 44, 56, 'leaning-management'],
    [5, 45, 55, 'balanced'],
    [0, 50, 50, 'balanced'],
    [0, 51, 49, 'leaning-leadership'],
    [0, 49, 51, 'leaning-management'],
    [30, 80, 20, 'balanced'],
    [30, 81, 19, 'leaning-leadership'],
    [50, 100, 0, 'balanced'],
    [50, 0, 100, 'balanced'],
    [49, 100, 0, 'leaning-leadership'],
    [49, 0, 100, 'leaning-management'],
  ] as const)('with a tolerance of %i points, %i : %i is %s', (tolerance, leadership, management, state) => {
    expect(computeBalance(counts({ empathy: leadership, 'time-management': management }), tolerance).state).toBe(state);
  });

  it('uses the default tolerance of 10 points when none is given, or it is not a finite number', () => {
    const c = counts({ empathy: 61, 'time-management': 39 });
    const edge = counts({ empathy: 60, 'time-management': 40 });
    expect(computeBalance(c).state).toBe('leaning-leadership');
    expect(computeBalance(edge).state).toBe('balanced');
    for (const odd of [Number.NaN, Infinity, -Infinity]) {
      expect(computeBalance(c, odd).state).toBe('leaning-leadership');
      expect(computeBalance(edge, odd).state).toBe('balanced');
    }
    // Above 50 is 50: everything is balanced; below 0 is 0.
    expect(computeBalance(counts({ empathy: 1 }), 51).state).toBe('balanced');
    expect(computeBalance(counts({ empathy: 51, 'time-management': 49 }), -1).state).toBe('leaning-leadership');
  });

  it('names the weaker side, or none when even', () => {
    expect(weakerSide(computeBalance(counts({ empathy: 2, 'time-management': 3 })))).toBe('leadership');
    expect(weakerSide(computeBalance(counts({ empathy: 3, 'time-management': 2 })))).toBe('management');
    expect(weakerSide(computeBalance(counts({ empathy: 3, 'time-management': 3 })))).toBeUndefined();
    expect(weakerSide(computeBalance(counts({})))).toBeUndefined();
  });

  it('labels every state, and says what to do when there is nothing yet', () => {
    expect(['empty', 'balanced', 'leaning-leadership', 'leaning-management'].map((state) => stateLabel(state as never))).toEqual([
      'no entries yet', 'balanced', 'leaning leadership', 'leaning management',
    ]);
    expect(balanceDetails(computeBalance(counts({})))).toEqual(['No trait tags yet. Write an entry tagged with a trait to see your balance.']);
    expect(describeBalance(computeBalance(counts({ 'time-management': 1 })))).toBe('Leadership 0% · Management 100% · leaning management');
    expect(shortBalance(computeBalance(counts({ 'time-management': 1 })))).toBe('L 0% · M 100%');
    expect([0, 1, 2].map(pluralEntries)).toEqual(['0 entries', '1 entry', '2 entries']);
    expect(DEFAULT_BALANCE_TOLERANCE).toBe(10);
    expect(sideTotal('leadership', counts({ empathy: 2, influence: 3, 'time-management': 7 }))).toBe(5);
  });
});
