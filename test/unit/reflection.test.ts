import { describe, expect, it } from 'vitest';
import { parseEntry } from '../../src/core/entryParser';
import { JournalIndex } from '../../src/core/journalIndex';
import { DEFAULT_NEGLECT_DAYS, daysSinceLastReflected, describeDaysAgo, lookBackDays, lookBackFrom, neglectedTraits, sameDayMonthsAgo } from '../../src/core/reflection';

import { BERLIN, KOLKATA, NEW_YORK, UTC, wallTime } from './zones';

function journal(entries: Array<[string, string[]]>): JournalIndex {
  const index = new JournalIndex();
  entries.forEach(([date, tags], i) => index.set(`file:///j/${i}.md`, `${i}.md`, parseEntry(`---\ndate: ${date}\ntags: [${tags.join(', ')}]\n---\n`)));
  return index;
}

describe('last reflected', () => {
  it('counts whole local days since the newest entry of a trait', () => {
    const index = journal([
      ['2026-11-15T23:30:00+01:00', ['empathy']],
      ['2026-11-01T10:00:00+01:00', ['empathy', 'influence']],
    ]);
    const now = new Date('2026-11-27T00:10:00+01:00');
    expect(daysSinceLastReflected(index, 'empathy', now, BERLIN)).toBe(12);
    expect(daysSinceLastReflected(index, 'influence', now, BERLIN)).toBe(26);
    expect(daysSinceLastReflected(index, 'innovation', now, BERLIN)).toBeUndefined();
  });

  it('describes the days', () => {
    expect([0, 1, 12, undefined].map(describeDaysAgo)).toEqual(['today', 'yesterday', '12 days ago', 'not yet']);
  });

  it('names traits untouched for the neglect period, or never', () => {
    const index = journal([
      ['2026-11-20T10:00:00Z', ['empathy', 'time-management']],
      ['2026-11-14T10:00:00Z', ['influence']],
    ]);
    const now = new Date('2026-11-27T12:00:00Z');
    const ids = (days: number) => neglectedTraits(index, now, days, UTC).map((trait) => trait.id);
    expect(ids(14)).toEqual(['visionary-thinking', 'innovation', 'organizational-skills', 'decision-making', 'problem-solving']);
    expect(ids(14)).not.toContain('influence');
    expect(ids(7)).toContain('empathy');
    expect(ids(7)).toContain('influence');
  });
});

describe('look back', () => {
  it('finds the same day a month and a year ago, clamped to short months', () => {
    const at = (y: number, m: number, d: number) => wallTime(UTC, y, m, d);
    expect(sameDayMonthsAgo(at(2026, 11, 27), 1, UTC)).toBe('2026-10-27');
    expect(sameDayMonthsAgo(at(2026, 3, 31), 1, UTC)).toBe('2026-02-28');
    expect(sameDayMonthsAgo(at(2026, 1, 15), 1, UTC)).toBe('2025-12-15');
    expect(sameDayMonthsAgo(at(2028, 2, 29), 12, UTC)).toBe('2027-02-28');
    expect(lookBackDays(at(2026, 11, 27), UTC).map((d) => d.day)).toEqual(['2026-10-27', '2025-11-27']);
  });

  it('lists the entries of a day through the index', () => {
    const index = journal([
      ['2026-10-27T09:00:00+01:00', ['empathy']],
      ['2026-10-27T18:00:00+01:00', ['retro']],
      ['2026-10-28T09:00:00+01:00', ['empathy']],
    ]);
    expect(index.entriesOn('2026-10-27').map((entry) => entry.key)).toEqual(['file:///j/1.md', 'file:///j/0.md']);
    index.delete('file:///j/1.md');
    expect(index.entriesOn('2026-10-27')).toHaveLength(1);
    expect(index.entriesOn('2026-01-01')).toEqual([]);
  });
});

describe('days ago, on the calendar of the user\'s zone', () => {
  function dated(entries: Array<[number, string[]]>): JournalIndex {
    const index = new JournalIndex();
    entries.forEach(([time, tags], i) => index.set(`file:///j/${i}.md`, `${i}.md`, { title: `${i}`, day: undefined, time, tags, problems: [] }));
    return index;
  }

  it('counts calendar days across a DST change, not 24-hour periods (New York, 8 March 2026: 23 hours)', () => {
    // Sunday 8 March has 23 hours. Saturday 23:30 to Monday 00:10 is 23h40m + 1 day: 2 days on the calendar.
    const index = dated([[wallTime(NEW_YORK, 2026, 3, 7, 23, 30).getTime(), ['empathy']]]);
    expect(daysSinceLastReflected(index, 'empathy', wallTime(NEW_YORK, 2026, 3, 9, 0, 10), NEW_YORK)).toBe(2);
    // Saturday 00:10 to Monday 23:50: 2 days, though 70h40m is nearer 3 × 24 hours.
    const early = dated([[wallTime(NEW_YORK, 2026, 3, 7, 0, 10).getTime(), ['empathy']]]);
    expect(daysSinceLastReflected(early, 'empathy', wallTime(NEW_YORK, 2026, 3, 9, 23, 50), NEW_YORK)).toBe(2);
  });

  it('counts calendar days across the autumn change (New York, 1 November 2026: 25 hours)', () => {
    // Saturday 31 October 00:30 to Monday 2 November 00:10: 2 days on the calendar, 48h40m.
    const index = dated([[wallTime(NEW_YORK, 2026, 10, 31, 0, 30).getTime(), ['empathy']]]);
    expect(daysSinceLastReflected(index, 'empathy', wallTime(NEW_YORK, 2026, 11, 2, 0, 10), NEW_YORK)).toBe(2);
    // Saturday 23:50 to Monday 00:10: 2 days on the calendar, though only 25h20m.
    const late = dated([[wallTime(NEW_YORK, 2026, 10, 31, 23, 50).getTime(), ['empathy']]]);
    expect(daysSinceLastReflected(late, 'empathy', wallTime(NEW_YORK, 2026, 11, 2, 0, 10), NEW_YORK)).toBe(2);
    // Sunday 00:10 to Sunday 23:50 (24h40m): still today.
    const sameDay = dated([[wallTime(NEW_YORK, 2026, 11, 1, 0, 10).getTime(), ['empathy']]]);
    expect(daysSinceLastReflected(sameDay, 'empathy', wallTime(NEW_YORK, 2026, 11, 1, 23, 50), NEW_YORK)).toBe(0);
  });

  it('depends on the zone: one pair of instants is 1 day apart in Kolkata and 0 in New York', () => {
    const index = dated([[Date.parse('2026-11-26T18:00:00Z'), ['empathy']]]); // 23:30 in Kolkata, 13:00 in New York
    const now = new Date('2026-11-26T19:00:00Z'); // 00:30 the next day in Kolkata, 14:00 in New York
    expect(daysSinceLastReflected(index, 'empathy', now, KOLKATA)).toBe(1);
    expect(daysSinceLastReflected(index, 'empathy', now, NEW_YORK)).toBe(0);
  });

  it('takes the newest dated entry, says 0 for entries in the future, and nothing for only undated ones', () => {
    const now = new Date('2026-11-27T12:00:00Z');
    const index = dated([
      [Date.parse('2026-11-20T12:00:00Z'), ['empathy']],
      [Date.parse('2026-11-25T12:00:00Z'), ['empathy']],
      [Number.NaN, ['empathy', 'influence']],
      [Date.parse('2026-12-25T12:00:00Z'), ['innovation']],
    ]);
    expect(daysSinceLastReflected(index, 'empathy', now, UTC)).toBe(2);
    expect(daysSinceLastReflected(index, 'influence', now, UTC)).toBeUndefined();
    expect(daysSinceLastReflected(index, 'innovation', now, UTC)).toBe(0);
    expect(describeDaysAgo(2)).toBe('2 days ago');
  });

  it.each([
    // neglectDays, days since empathy's last entry, neglected?
    [14, 13, false],
    [14, 14, true],
    [14, 15, true],
    [3, 2, false],
    [3, 3, true],
    [1, 0, false],
    [1, 1, true],
    [30, 29, false],
    [30, 30, true],
  ] as const)('with neglectDays %i, a trait last reflected on %i days ago is neglected: %s', (neglectDays, days, neglected) => {
    const now = wallTime(UTC, 2026, 11, 27, 8);
    const index = dated([[now.getTime() - days * 86_400_000 + 3_600_000, ['empathy']]]);
    expect(neglectedTraits(index, now, neglectDays, UTC).some((trait) => trait.id === 'empathy')).toBe(neglected);
    // Never reflected: always neglected.
    expect(neglectedTraits(index, now, neglectDays, UTC).some((trait) => trait.id === 'influence')).toBe(true);
  });

  it('uses 14 days by default', () => {
    expect(DEFAULT_NEGLECT_DAYS).toBe(14);
    const now = new Date();
    const thirteen = dated([[now.getTime() - 13 * 86_400_000, ['empathy']]]);
    const fifteen = dated([[now.getTime() - 15 * 86_400_000, ['empathy']]]);
    expect(neglectedTraits(thirteen, now).map((t) => t.id)).not.toContain('empathy');
    expect(neglectedTraits(fifteen, now).map((t) => t.id)).toContain('empathy');
  });

  it('looks back from the local day in the zone, clamped to the month\'s last day', () => {
    const instant = new Date('2026-03-31T20:00:00Z'); // 1 April 01:30 in Kolkata, 31 March 16:00 in New York
    expect(lookBackDays(instant, KOLKATA)).toEqual([
      { label: 'One month ago', day: '2026-03-01' },
      { label: 'One year ago', day: '2025-04-01' },
    ]);
    expect(lookBackDays(instant, NEW_YORK)).toEqual([
      { label: 'One month ago', day: '2026-02-28' },
      { label: 'One year ago', day: '2025-03-31' },
    ]);
    expect(sameDayMonthsAgo(new Date('2024-03-30T12:00:00Z'), 1, UTC)).toBe('2024-02-29');
    expect(sameDayMonthsAgo(new Date('2026-05-31T12:00:00Z'), 1, UTC)).toBe('2026-04-30');
    expect(sameDayMonthsAgo(new Date('2026-01-31T12:00:00Z'), 2, UTC)).toBe('2025-11-30');
    expect(sameDayMonthsAgo(new Date('2026-12-31T12:00:00Z'), 0, UTC)).toBe('2026-12-31');
  });
});

describe('shortDaysAgo: the Traits view within a narrow sidebar', () => {
  it('says it in a few characters', async () => {
    const { shortDaysAgo } = await import('../../src/core/reflection');
    expect([undefined, 0, 1, 4, 13, 14, 27, 59, 60, 400, 800].map(shortDaysAgo)).toEqual(['never', 'today', '1d ago', '4d ago', '13d ago', '2w ago', '3w ago', '8w ago', '2mo ago', '13mo ago', '2y ago']);
    // Months up to two years, then years: 729 days is 24 months, 730 is 2 years.
    expect([729, 730].map(shortDaysAgo)).toEqual(['24mo ago', '2y ago']);
  });

  it('is translated through the bundle, each form under its own key (with its translator comment)', async () => {
    const l10n = await import('@vscode/l10n');
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { shortDaysAgo } = await import('../../src/core/reflection');
    const bundle: Record<string, string | { message: string }> = JSON.parse(readFileSync(join(__dirname, '../../l10n/bundle.l10n.json'), 'utf8'));
    l10n.config({ contents: Object.fromEntries(Object.entries(bundle).map(([key, value]) => [key, `⟦${typeof value === 'string' ? value : value.message}⟧`])) });
    try {
      expect([undefined, 4, 21, 150, 800].map(shortDaysAgo)).toEqual(['⟦never⟧', '⟦4d ago⟧', '⟦3w ago⟧', '⟦5mo ago⟧', '⟦2y ago⟧']);
    } finally {
      l10n.config({ contents: {} });
    }
  });
});

describe('lookBackFrom: the open entry\'s day', () => {
  it('goes a month back and to the same day in every earlier year, down to the journal\'s first', () => {
    expect(lookBackFrom('2024-03-31', 2021)).toEqual([
      { label: 'One month before', day: '2024-02-29' }, // 2024 is a leap year
      { label: 'One year before', day: '2023-03-31' },
      { label: '2 years before', day: '2022-03-31' },
      { label: '3 years before', day: '2021-03-31' },
    ]);
    expect(lookBackFrom('2023-03-31', 2023)).toEqual([{ label: 'One month before', day: '2023-02-28' }]);
  });

  it('takes a month\'s last day for a day it does not have, and crosses the year back in January', () => {
    expect(lookBackFrom('2024-02-29', 2020).map((d) => d.day)).toEqual(['2024-01-29', '2023-02-28', '2022-02-28', '2021-02-28', '2020-02-29']);
    expect(lookBackFrom('2026-01-15', 2026).map((d) => d.day)).toEqual(['2025-12-15']);
  });

  it('stops at a century, and gives nothing for what is not a day', () => {
    expect(lookBackFrom('2026-05-01', 1)).toHaveLength(101);
    expect(lookBackFrom('2026-5-1', 2000)).toEqual([]);
    // The whole text is the day: nothing before or after it, two digits for month and day.
    for (const notADay of ['x2026-05-01', '2026-05-01x', '12026-05-01', '2026-005-01', '2026-05-001', 'abcd-05-01', '2026-ab-01', '2026-05-ab', '2026-5-01', '2026-05-1']) {
      expect(lookBackFrom(notADay, 2000), notADay).toEqual([]);
    }
    expect(lookBackFrom('', 2000)).toEqual([]);
  });
});
