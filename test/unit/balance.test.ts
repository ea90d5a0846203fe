import { describe, expect, it } from 'vitest';
import { balanceDetails, computeBalance, describeBalance, shortBalance, verdict } from '../../src/core/balance';
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

  it('says what to do when there are no trait tags', () => {
    expect(balanceDetails(computeBalance(counts({})))).toEqual(['No trait tags yet. Write an entry tagged with a trait to see your balance.']);
  });

  it('names the verdict first, capitalised', () => {
    expect(verdict('balanced')).toBe('Balanced');
    expect(verdict('leaning-leadership')).toBe('Leaning leadership');
    expect(verdict('empty')).toBe('No entries yet');
  });
});
