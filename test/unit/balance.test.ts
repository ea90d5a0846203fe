import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BALANCE_TOLERANCE,
  balanceDetails,
  computeBalance,
  pluralEntries,
  sideTotal,
  stateLabel,
  describeBalance,
  leastReflectedTrait,
  shortBalance,
  suggestedTrait,
  weakerSide,
} from '../../src/core/balance';

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

describe('suggestions', () => {
  it('picks the least reflected trait of a side, ties in source order', () => {
    expect(leastReflectedTrait('leadership', counts({ 'visionary-thinking': 1, empathy: 1, innovation: 1, influence: 1 })).id).toBe('visionary-thinking');
    expect(leastReflectedTrait('management', counts({ 'organizational-skills': 2, 'decision-making': 1, 'problem-solving': 4, 'time-management': 3 })).id).toBe('decision-making');
  });

  it('suggests from the weaker side, or overall when even', () => {
    const c = counts({ empathy: 5, innovation: 1, 'visionary-thinking': 2, influence: 2, 'time-management': 2, 'decision-making': 1, 'problem-solving': 2, 'organizational-skills': 2 });
    const balance = computeBalance(c);
    expect(weakerSide(balance)).toBe('management');
    expect(suggestedTrait(balance, c).id).toBe('decision-making');
    const even = counts({ empathy: 1, 'time-management': 1 });
    expect(weakerSide(computeBalance(even))).toBeUndefined();
    expect(suggestedTrait(computeBalance(even), even).id).toBe('visionary-thinking');
  });

  it('describes counts and the suggestion for tooltips', () => {
    const c = counts({ empathy: 3, 'decision-making': 1 });
    const lines = balanceDetails(computeBalance(c), c);
    expect(lines).toEqual([
      'Leadership: 3 trait tags (75%)',
      'Management: 1 trait tags (25%)',
      'Least reflected on the weaker side (Management): Organizational Skills, 0 entries.',
    ]);
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

  it('breaks ties for the least reflected trait by the source\'s order, wherever the tie is', () => {
    expect(leastReflectedTrait('leadership', counts({ 'visionary-thinking': 2, empathy: 1, innovation: 0, influence: 0 })).id).toBe('innovation');
    expect(leastReflectedTrait('leadership', counts({ 'visionary-thinking': 2, empathy: 1, innovation: 1, influence: 3 })).id).toBe('empathy');
    expect(leastReflectedTrait('management', counts({ 'organizational-skills': 5, 'decision-making': 5, 'problem-solving': 5, 'time-management': 4 })).id).toBe('time-management');
    expect(leastReflectedTrait('management', counts({ 'organizational-skills': 1, 'decision-making': 5, 'problem-solving': 5, 'time-management': 4 })).id).toBe('organizational-skills');
  });

  it('on an even split, suggests the least reflected trait of either side (here management\'s)', () => {
    const c = counts({ 'visionary-thinking': 1, empathy: 2, innovation: 1, influence: 1, 'organizational-skills': 2, 'decision-making': 2, 'problem-solving': 1, 'time-management': 0 });
    const balance = computeBalance(c);
    expect(balance).toMatchObject({ leadership: 5, management: 5 });
    expect(suggestedTrait(balance, c).id).toBe('time-management');
    expect(balanceDetails(balance, c)).toEqual(['Leadership: 5 trait tags (50%)', 'Management: 5 trait tags (50%)', 'Least reflected: Time Management, 0 entries.']);
    // Overall ties go to the source's order: innovation before problem-solving.
    const tied = counts({ 'visionary-thinking': 2, empathy: 2, innovation: 1, influence: 2, 'organizational-skills': 2, 'decision-making': 2, 'problem-solving': 1, 'time-management': 2 });
    expect(suggestedTrait(computeBalance(tied), tied).id).toBe('innovation');
  });

  it('suggests from the weaker side even when the other side has a trait with fewer entries', () => {
    const c = counts({ 'visionary-thinking': 0, empathy: 9, innovation: 9, influence: 9, 'organizational-skills': 3, 'decision-making': 2, 'problem-solving': 4, 'time-management': 5 });
    const balance = computeBalance(c);
    expect(weakerSide(balance)).toBe('management');
    expect(suggestedTrait(balance, c).id).toBe('decision-making');
    expect(balanceDetails(balance, c)[2]).toBe('Least reflected on the weaker side (Management): Decision-Making, 2 entries.');
    const leadershipWeaker = counts({ 'visionary-thinking': 3, empathy: 1, innovation: 2, influence: 2, 'time-management': 0, 'decision-making': 20 });
    expect(suggestedTrait(computeBalance(leadershipWeaker), leadershipWeaker).id).toBe('empathy');
    expect(balanceDetails(computeBalance(leadershipWeaker), leadershipWeaker)[2]).toBe('Least reflected on the weaker side (Leadership): Empathy, 1 entry.');
  });

  it('labels every state, and says what to do when there is nothing yet', () => {
    expect(['empty', 'balanced', 'leaning-leadership', 'leaning-management'].map((state) => stateLabel(state as never))).toEqual([
      'no entries yet', 'balanced', 'leaning leadership', 'leaning management',
    ]);
    expect(balanceDetails(computeBalance(counts({})), counts({}))).toEqual(['No trait tags yet. Write an entry tagged with a trait to see your balance.']);
    expect(describeBalance(computeBalance(counts({ 'time-management': 1 })))).toBe('Leadership 0% · Management 100% · leaning management');
    expect(shortBalance(computeBalance(counts({ 'time-management': 1 })))).toBe('L 0% · M 100%');
    expect([0, 1, 2].map(pluralEntries)).toEqual(['0 entries', '1 entry', '2 entries']);
    expect(DEFAULT_BALANCE_TOLERANCE).toBe(10);
    expect(sideTotal('leadership', counts({ empathy: 2, influence: 3, 'time-management': 7 }))).toBe(5);
  });
});
