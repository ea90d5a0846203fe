import { afterEach, describe, expect, it } from 'vitest';
import { activityOf, isNeglected, nextTrait, rankTraits, traitActivity, weakerSideOf } from '../../src/core/nextTrait';
import { configureTraits } from '../../src/core/traits';
import { journal } from './helpers/journal';

const NOW = new Date(2026, 10, 27, 18); // Friday 27 November 2026, local time
const ids = (list: { trait: { id: string } }[]) => list.map((s) => s.trait.id);

afterEach(() => configureTraits([]));

describe('traitActivity', () => {
  it('counts all time, the last four weeks (today and the 27 days before) and days since', () => {
    const index = journal([
      ['2026-11-27', ['empathy']],
      ['2026-10-31', ['empathy']], // 27 days ago: recent
      ['2026-10-30', ['empathy', 'influence']], // 28 days ago: not recent
      [undefined, ['innovation']],
    ]);
    const byId = Object.fromEntries(traitActivity(index, NOW).map((a) => [a.trait.id, a]));
    expect(byId.empathy).toMatchObject({ count: 3, recent: 2, daysSince: 0 });
    expect(byId.influence).toMatchObject({ count: 1, recent: 0, daysSince: 28 });
    expect(byId.innovation).toMatchObject({ count: 1, recent: 0, daysSince: undefined });
    expect(byId['time-management']).toMatchObject({ count: 0, recent: 0, daysSince: undefined });
  });

  it('agrees with activityOf, which reads a list of entries instead of the index', () => {
    const index = journal([
      ['2026-11-27', ['empathy', 'time-management']],
      ['2026-11-01', ['empathy']],
      ['2026-06-01', ['decision-making']],
      ['2026-12-03', ['influence']], // after now: counts as today
      [undefined, ['innovation']],
    ]);
    expect(activityOf(index.reflections(), NOW)).toEqual(traitActivity(index, NOW));
  });

  it('reads only the newest entries of a trait from the index', () => {
    const index = journal([]);
    for (let day = 1; day <= 28; day++) journal([[`2025-02-${String(day).padStart(2, '0')}`, ['empathy']]], index);
    journal([['2026-11-26', ['empathy']]], index);
    let read = 0;
    const counting = {
      countOf: (tag: string) => index.countOf(tag),
      entriesTagged: (tag: string) => {
        const list = index.entriesTagged(tag);
        return new Proxy(list, { get: (target, key) => (typeof key === 'string' && /^\d+$/.test(key) && read++, Reflect.get(target, key)) });
      },
    };
    traitActivity(counting, NOW);
    expect(read).toBeLessThan(5);
  });
});

describe('nextTrait: the one rule', () => {
  it('weighs the last four weeks over all time: the side weaker lately comes first', () => {
    // All time, leadership is far ahead; in the last four weeks, management is.
    const index = journal([
      ...Array.from({ length: 10 }, () => ['2026-03-01', ['empathy', 'influence', 'innovation', 'visionary-thinking']] as const),
      ['2026-11-20', ['time-management', 'decision-making']],
      ['2026-11-21', ['problem-solving', 'organizational-skills']],
    ]);
    const activity = traitActivity(index, NOW);
    expect(weakerSideOf(activity)).toEqual({ side: 'leadership', basis: 'recent' });
    const next = nextTrait(activity)!;
    expect(next.trait.side).toBe('leadership');
    expect(next.neglected).toBe(true);
    expect(next.why).toMatch(/leadership is the side you wrote less about in the last four weeks\.$/);
  });

  it('skips a trait reflected on today, even when it is the least reflected', () => {
    // Two Time Management entries today: it is not suggested again.
    const index = journal([
      ['2026-11-27', ['time-management']],
      ['2026-11-27', ['time-management']],
      ['2026-11-20', ['empathy', 'influence', 'innovation', 'visionary-thinking']],
      ['2026-11-19', ['empathy', 'influence']],
      ['2026-11-10', ['decision-making', 'problem-solving']],
    ]);
    const activity = traitActivity(index, NOW);
    const next = nextTrait(activity)!;
    expect(next.trait.id).not.toBe('time-management');
    // Management is weaker lately; Organizational Skills has never been written about.
    expect(next.trait.id).toBe('organizational-skills');
    expect(next.why).toBe('Organizational Skills has no entries yet, and management is the side you wrote less about in the last four weeks.');
    expect(ids(rankTraits(activity)).at(-1)).toBe('time-management');
  });

  it('prefers a neglected trait of the weaker side to one written about lately', () => {
    const index = journal([
      ['2026-11-25', ['decision-making']],
      ['2026-11-02', ['problem-solving']], // 25 days ago: neglected at 14 days
      ['2026-11-20', ['organizational-skills']],
      ['2026-11-21', ['time-management']],
      ['2026-11-24', ['empathy', 'influence', 'innovation', 'visionary-thinking', 'empathy']],
      ['2026-11-23', ['empathy']],
    ]);
    const next = nextTrait(traitActivity(index, NOW))!;
    expect(next.trait.id).toBe('problem-solving');
    expect(next.neglected).toBe(true);
    expect(next.why).toBe('You last reflected on Problem-Solving 3 weeks ago, and management is the side you wrote less about in the last four weeks.');
    // With a longer neglect period nothing is neglected: the fewest lately, then the longest since.
    expect(nextTrait(traitActivity(index, NOW), { neglectDays: 60 })!.trait.id).toBe('problem-solving');
  });

  it('never suggests the trait being hovered', () => {
    const index = journal([['2026-11-20', ['empathy', 'influence', 'innovation', 'visionary-thinking']]]);
    const activity = traitActivity(index, NOW);
    const first = nextTrait(activity)!.trait.id;
    expect(nextTrait(activity, { exclude: first })!.trait.id).not.toBe(first);
    expect(ids(rankTraits(activity, { exclude: first }))).not.toContain(first);
  });

  it('falls back to all time when the last four weeks are even, and says so', () => {
    const index = journal([
      ['2026-01-10', ['empathy', 'influence', 'time-management']],
      ['2026-11-20', ['empathy', 'time-management']],
    ]);
    const activity = traitActivity(index, NOW);
    expect(weakerSideOf(activity)).toEqual({ side: 'management', basis: 'allTime' });
    expect(nextTrait(activity)!.why).toMatch(/management is the side you wrote less about overall\.$/);
  });

  it('with both sides even, goes by neglect, then recency, then the source\'s order', () => {
    expect(weakerSideOf(traitActivity(journal([]), NOW))).toBeUndefined();
    const next = nextTrait(traitActivity(journal([]), NOW))!;
    expect(next.trait.id).toBe('visionary-thinking');
    expect(next.why).toBe('Visionary Thinking has no entries yet, and both sides are even.');
  });

  it('suggests a trait of today only when every other one was written about today', () => {
    const all = ['visionary-thinking', 'empathy', 'innovation', 'influence', 'organizational-skills', 'decision-making', 'problem-solving', 'time-management'];
    const index = journal([['2026-11-27', all], ['2026-11-27', ['empathy']]]);
    const next = nextTrait(traitActivity(index, NOW))!;
    expect(next.today).toBe(true);
    // Empathy twice: leadership has more today, so management is the weaker side.
    expect(next.trait.id).toBe('organizational-skills');
    expect(next.why).toBe('You reflected on Organizational Skills today, and every other trait too, and management is the side you wrote less about in the last four weeks.');
  });

  it('counts entries without a date, but never calls their trait neglected', () => {
    const activity = traitActivity(journal([[undefined, ['empathy']]]), NOW);
    expect(isNeglected(activity.find((a) => a.trait.id === 'empathy')!)).toBe(false);
    expect(isNeglected(activity.find((a) => a.trait.id === 'influence')!)).toBe(true);
  });

  it('includes your own traits', () => {
    configureTraits([{ id: 'coaching', label: 'Coaching', side: 'leadership', description: 'Helping others grow.', prompts: ['Whom did I help?'] }]);
    const index = journal([['2026-11-20', ['empathy', 'influence', 'innovation', 'visionary-thinking', 'time-management']]]);
    const ranked = ids(rankTraits(traitActivity(index, NOW)));
    expect(ranked).toContain('coaching');
    expect(ranked).toHaveLength(9);
  });
});
