import { describe, expect, it } from 'vitest';
import {
  balanceDetails,
  computeBalance,
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
