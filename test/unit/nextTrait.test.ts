import * as l10n from '@vscode/l10n';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { activityOf, durationSince, isNeglected, nextTrait, rankTraits, traitActivity, weakerSideOf } from '../../src/core/nextTrait';
import { configureTraits } from '../../src/core/traits';
import { journal } from './helpers/journal';
import { BERLIN, LOS_ANGELES, UTC } from './zones';

const NOW = new Date(2026, 10, 27, 18); // Friday 27 November 2026, local time
const ids = (list: { trait: { id: string } }[]) => list.map((s) => s.trait.id);
const MANAGEMENT = ['organizational-skills', 'decision-making', 'problem-solving', 'time-management'];
/** Noon local time on a `YYYY-MM-DD` day, as the journal helper writes its entries. */
const noon = (day: string) => new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), 12).getTime();

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

describe('activityOf', () => {
  it('counts an entry 28 days old as not recent, and takes the newest day whatever the order of the list', () => {
    const entries = [
      { time: noon('2026-10-20'), tags: ['empathy'] }, // 38 days ago, listed first
      { time: noon('2026-10-30'), tags: ['empathy', 'influence'] }, // 28 days ago: not recent
      { time: noon('2026-11-20'), tags: ['empathy'] }, // 7 days ago: the newest
      { time: noon('2026-11-01'), tags: ['empathy'] }, // 26 days ago
    ];
    const byId = Object.fromEntries(activityOf(entries, NOW).map((a) => [a.trait.id, a]));
    expect(byId.empathy).toMatchObject({ count: 4, recent: 2, daysSince: 7 });
    expect(byId.influence).toMatchObject({ count: 1, recent: 0, daysSince: 28 });
  });
});

describe('days counted in the zone given', () => {
  // Entry at 23:30 UTC on Sunday 29 November 2026, now 00:30 UTC on Monday 30 November: a day
  // apart in UTC; the same day in Berlin (00:30 and 01:30 on the 30th) and in Los Angeles (15:30
  // and 16:30 on the 29th). Offsets from ICU (test/unit/zones.ts).
  const entryTime = Date.UTC(2026, 10, 29, 23, 30);
  const now = new Date(Date.UTC(2026, 10, 30, 0, 30));
  const daysSince = (activity: { trait: { id: string }; daysSince: number | undefined }[]) => activity.find((a) => a.trait.id === 'empathy')?.daysSince;

  it.each([
    ['UTC', UTC, 1],
    ['Berlin', BERLIN, 0],
    ['Los Angeles', LOS_ANGELES, 0],
  ])('traitActivity and activityOf in %s', (_name, zone, expected) => {
    const source = { countOf: (tag: string) => (tag === 'empathy' ? 1 : 0), entriesTagged: (tag: string) => (tag === 'empathy' ? [{ time: entryTime }] : []) };
    expect(daysSince(traitActivity(source, now, zone))).toBe(expected);
    expect(daysSince(activityOf([{ time: entryTime, tags: ['empathy'] }], now, zone))).toBe(expected);
  });

  it('counts 27 days back as recent and 28 as not, in the zone given', () => {
    // 27 and 28 Berlin days before Monday 30 November 2026 01:30 (00:30 UTC): 3 and 2 November,
    // 00:30 Berlin each (23:30 UTC the day before). In UTC the same moments are 28 and 29 days back.
    const entries = [
      { time: Date.UTC(2026, 10, 2, 23, 30), tags: ['empathy'] },
      { time: Date.UTC(2026, 10, 1, 23, 30), tags: ['influence'] },
    ];
    const inBerlin = Object.fromEntries(activityOf(entries, now, BERLIN).map((a) => [a.trait.id, a]));
    expect(inBerlin.empathy).toMatchObject({ recent: 1, daysSince: 27 });
    expect(inBerlin.influence).toMatchObject({ recent: 0, daysSince: 28 });
    const inUtc = Object.fromEntries(activityOf(entries, now, UTC).map((a) => [a.trait.id, a]));
    expect(inUtc.empathy).toMatchObject({ recent: 0, daysSince: 28 });
  });
});

describe('durationSince', () => {
  it('says days up to 13, then whole weeks', () => {
    expect([1, 2, 13, 14, 20, 21, 40].map(durationSince)).toEqual(['1 day', '2 days', '13 days', '2 weeks', '2 weeks', '3 weeks', '5 weeks']);
  });
});

describe('nextTrait: where a near-twin rule answers differently', () => {
  // Leadership has 7 trait tags in the last four weeks, management 8: leadership is weaker.
  // Empathy was last written about exactly 14 days ago (2 entries lately), Innovation 13 days ago (1).
  const boundary = () =>
    traitActivity(
      journal([
        ['2026-11-26', ['visionary-thinking', ...MANAGEMENT]],
        ['2026-11-25', ['visionary-thinking', ...MANAGEMENT]],
        ['2026-11-24', ['influence']],
        ['2026-11-22', ['influence']],
        ['2026-11-14', ['innovation']],
        ['2026-11-13', ['empathy']],
        ['2026-11-07', ['empathy']],
      ]),
      NOW,
    );

  it('calls a trait neglected from exactly neglectDays on: 14 days beats fewer entries lately', () => {
    const activity = boundary();
    expect(isNeglected(activity.find((a) => a.trait.id === 'empathy')!)).toBe(true);
    expect(isNeglected(activity.find((a) => a.trait.id === 'innovation')!)).toBe(false);
    // Neglected Empathy first; then the fewest lately (Innovation), then the longest since (Influence 3 days, Visionary Thinking 1).
    expect(ids(rankTraits(activity))).toEqual(['empathy', 'innovation', 'influence', 'visionary-thinking', ...MANAGEMENT]);
    expect(nextTrait(activity)!.why).toBe('You last reflected on Empathy 2 weeks ago, and leadership is the side you wrote less about in the last four weeks.');
  });

  it('takes neglectDays from the options: at 15 nothing is neglected and the fewest lately comes first; at 1 every dated trait is', () => {
    const activity = boundary();
    const calm = rankTraits(activity, { neglectDays: 15 });
    expect(ids(calm)).toEqual(['innovation', 'empathy', 'influence', 'visionary-thinking', ...MANAGEMENT]);
    expect(calm[0].neglected).toBe(false);
    expect(calm[0].why).toBe('Innovation has 1 entry in the last four weeks, fewer than the rest, and leadership is the side you wrote less about in the last four weeks.');
    // Every leadership trait neglected: Innovation has the fewest entries lately.
    expect(nextTrait(activity, { neglectDays: 1 })!.why).toBe('You last reflected on Innovation 13 days ago, and leadership is the side you wrote less about in the last four weeks.');
  });

  it('leaves an entry 28 days old out of the four weeks, which decides the weaker side', () => {
    // Lately: leadership 1 (Empathy, 27 days ago), management 2. Counting Influence's entry of 28
    // days ago would make them even, and all time (3 to 2) would turn to management.
    const index = journal([
      ['2026-11-25', ['time-management']],
      ['2026-11-24', ['time-management']],
      ['2026-10-31', ['empathy']],
      ['2026-10-30', ['influence']],
      ['2026-09-28', ['innovation']],
    ]);
    for (const activity of [traitActivity(index, NOW), activityOf(index.reflections(), NOW)]) {
      expect(weakerSideOf(activity)).toEqual({ side: 'leadership', basis: 'recent' });
      // All four neglected; none lately first, longest since first (never, 60 days, 28 days), then Empathy.
      expect(ids(rankTraits(activity)).slice(0, 4)).toEqual(['visionary-thinking', 'innovation', 'influence', 'empathy']);
      expect(nextTrait(activity)!.why).toBe('Visionary Thinking has no entries yet, and leadership is the side you wrote less about in the last four weeks.');
    }
  });

  it('when every trait of the weaker side was written about today, suggests the other side and says why', () => {
    // Lately: leadership 5, management 4 (one entry each, all today).
    const index = journal([
      ['2026-11-27', MANAGEMENT],
      ['2026-11-22', ['visionary-thinking']],
      ['2026-11-21', ['visionary-thinking']],
      ['2026-11-20', ['visionary-thinking']],
      ['2026-11-25', ['innovation']],
      ['2026-11-07', ['empathy']],
      ['2026-10-18', ['influence']],
    ]);
    const activity = traitActivity(index, NOW);
    expect(weakerSideOf(activity)).toEqual({ side: 'management', basis: 'recent' });
    // Neglected first (Influence with none lately, then Empathy), then fewer lately; today's last.
    expect(ids(rankTraits(activity))).toEqual(['influence', 'empathy', 'innovation', 'visionary-thinking', ...MANAGEMENT]);
    expect(nextTrait(activity)!.why).toBe('You last reflected on Influence 5 weeks ago, and every management trait has been written about today.');
  });

  it('with the same entries lately and the same last day, prefers fewer entries of all time, then the source\'s order', () => {
    // Every trait once, 7 days ago. All time: leadership 8, management 9, so leadership is weaker.
    const index = journal([
      ['2026-11-20', [...['visionary-thinking', 'empathy', 'innovation', 'influence'], ...MANAGEMENT]],
      ['2026-01-10', ['visionary-thinking', 'empathy', 'influence']],
      ['2026-01-11', ['empathy']],
      ...Array.from({ length: 5 }, () => ['2026-01-12', ['time-management']] as const),
    ]);
    const activity = traitActivity(index, NOW);
    expect(weakerSideOf(activity)).toEqual({ side: 'leadership', basis: 'allTime' });
    // Counts: Innovation 1; Visionary Thinking 2 and Influence 2 (source order); Empathy 3. Time Management 6 last.
    expect(ids(rankTraits(activity))).toEqual(['innovation', 'visionary-thinking', 'influence', 'empathy', ...MANAGEMENT]);
    expect(nextTrait(activity)!.why).toBe('Innovation has 1 entry in the last four weeks, fewer than the rest, and leadership is the side you wrote less about overall.');
  });

  it('breaks a full tie by the order of the traits, not the order it is handed them', () => {
    const reversed = traitActivity(journal([]), NOW).reverse();
    expect(ids(rankTraits(reversed))).toEqual(['visionary-thinking', 'empathy', 'innovation', 'influence', ...MANAGEMENT]);
  });

  it('ranks undated entries as if written lately: a trait last written about 40 days ago comes before one with only undated entries', () => {
    // Leadership 2 lately, management 4. With neglectDays 60, neither Empathy (40 days, 2 entries)
    // nor Influence (1 undated entry) is neglected; both have none lately.
    const index = journal([
      ['2026-11-26', MANAGEMENT],
      ['2026-11-25', ['visionary-thinking']],
      ['2026-11-24', ['innovation']],
      ['2026-10-18', ['empathy']],
      ['2026-10-08', ['empathy']],
      [undefined, ['influence']],
    ]);
    const ranked = rankTraits(traitActivity(index, NOW), { neglectDays: 60 });
    expect(ids(ranked)).toEqual(['empathy', 'influence', 'innovation', 'visionary-thinking', ...MANAGEMENT]);
    expect(ranked[0].why).toBe('Empathy has 0 entries in the last four weeks, fewer than the rest, and leadership is the side you wrote less about in the last four weeks.');
  });

  it('has its sentence translated whole, under the key the bundle keeps for it', () => {
    // A pseudo-translation of the shipped bundle: every message wrapped, placeholders kept.
    const bundle: Record<string, string | { message: string }> = JSON.parse(readFileSync(join(__dirname, '../../l10n/bundle.l10n.json'), 'utf8'));
    l10n.config({ contents: Object.fromEntries(Object.entries(bundle).map(([key, value]) => [key, `⟦${typeof value === 'string' ? value : value.message}⟧`])) });
    try {
      expect(nextTrait(traitActivity(journal([]), NOW))!.why).toBe('⟦⟦⟦Visionary Thinking⟧ has no entries yet⟧, and ⟦both sides are even⟧.⟧');
    } finally {
      l10n.config({ contents: {} });
    }
  });
});
