import { afterEach, describe, expect, it } from 'vitest';
import { parseEntry } from '../../src/core/entryParser';
import { JournalIndex } from '../../src/core/journalIndex';
import { daysSinceLastReflected, describeDaysAgo, lookBackDays, neglectedTraits, sameDayMonthsAgo } from '../../src/core/reflection';

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

function journal(entries: Array<[string, string[]]>): JournalIndex {
  const index = new JournalIndex();
  entries.forEach(([date, tags], i) => index.set(`file:///j/${i}.md`, `${i}.md`, parseEntry(`---\ndate: ${date}\ntags: [${tags.join(', ')}]\n---\n`)));
  return index;
}

describe('last reflected', () => {
  it('counts whole local days since the newest entry of a trait', () => {
    process.env.TZ = 'Europe/Berlin';
    const index = journal([
      ['2026-11-15T23:30:00+01:00', ['empathy']],
      ['2026-11-01T10:00:00+01:00', ['empathy', 'influence']],
    ]);
    const now = new Date('2026-11-27T00:10:00+01:00');
    expect(daysSinceLastReflected(index, 'empathy', now)).toBe(12);
    expect(daysSinceLastReflected(index, 'influence', now)).toBe(26);
    expect(daysSinceLastReflected(index, 'innovation', now)).toBeUndefined();
  });

  it('describes the days', () => {
    expect([0, 1, 12, undefined].map(describeDaysAgo)).toEqual(['today', 'yesterday', '12 days ago', 'not yet']);
  });

  it('names traits untouched for the neglect period, or never', () => {
    process.env.TZ = 'UTC';
    const index = journal([
      ['2026-11-20T10:00:00Z', ['empathy', 'time-management']],
      ['2026-11-14T10:00:00Z', ['influence']],
    ]);
    const now = new Date('2026-11-27T12:00:00Z');
    const ids = (days: number) => neglectedTraits(index, now, days).map((trait) => trait.id);
    expect(ids(14)).toEqual(['visionary-thinking', 'innovation', 'organizational-skills', 'decision-making', 'problem-solving']);
    expect(ids(14)).not.toContain('influence');
    expect(ids(7)).toContain('empathy');
    expect(ids(7)).toContain('influence');
  });
});

describe('look back', () => {
  it('finds the same day a month and a year ago, clamped to short months', () => {
    expect(sameDayMonthsAgo(new Date(2026, 10, 27), 1)).toBe('2026-10-27');
    expect(sameDayMonthsAgo(new Date(2026, 2, 31), 1)).toBe('2026-02-28');
    expect(sameDayMonthsAgo(new Date(2026, 0, 15), 1)).toBe('2025-12-15');
    expect(sameDayMonthsAgo(new Date(2028, 1, 29), 12)).toBe('2027-02-28');
    expect(lookBackDays(new Date(2026, 10, 27)).map((d) => d.day)).toEqual(['2026-10-27', '2025-11-27']);
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

describe('shortDaysAgo: the Traits view within a narrow sidebar', () => {
  it('says it in a few characters', async () => {
    const { shortDaysAgo } = await import('../../src/core/reflection');
    expect([undefined, 0, 1, 4, 13, 14, 27, 59, 60, 400, 800].map(shortDaysAgo)).toEqual(['never', 'today', '1d ago', '4d ago', '13d ago', '2w ago', '3w ago', '8w ago', '2mo ago', '13mo ago', '2y ago']);
  });
});
