import { describe, expect, it } from 'vitest';
import { describeCurrentStreak, describeLongestStreak, weekStreaks } from '../../src/core/streaks';
import { wallTime, zone } from './zones';

describe.each(['Europe/Berlin', 'America/Los_Angeles', 'Pacific/Kiritimati'])('streaks in ISO weeks (%s)', (name) => {
  const tz = zone(name);
  /** `new Date(y, m, d, h, mi)` (m 0-based) in the zone. */
  const local = (y: number, m: number, d: number, h = 0, mi = 0) => wallTime(tz, y, m + 1, d, h, mi);
  // Wednesday 4 November 2026 (2026-W45), local noon.
  const wednesday = () => local(2026, 10, 4, 12);
  const run = ['2026-09-21', '2026-09-28', '2026-10-05', '2026-10-20', '2026-10-27'];

  it('counts the run up to this week, and the longest run (the latest when two are as long)', () => {
    expect(weekStreaks([...run, '2026-11-02', '2026-11-03'], wednesday(), tz)).toEqual({ current: 3, thisWeek: true, longest: 3, longestFrom: '2026-W43', longestTo: '2026-W45' });
  });

  it('keeps last week\'s run alive while this week has no entry yet', () => {
    expect(weekStreaks(run, wednesday(), tz)).toEqual({ current: 2, thisWeek: false, longest: 3, longestFrom: '2026-W39', longestTo: '2026-W41' });
  });

  it('a week without an entry ends a run', () => {
    expect(weekStreaks(['2026-10-05', '2026-10-20'], wednesday(), tz)).toMatchObject({ current: 0, longest: 1, longestTo: '2026-W43' });
    expect(weekStreaks([], wednesday(), tz)).toEqual({ current: 0, thisWeek: false, longest: 0 });
  });

  it('runs across the new year, through a 53-week year', () => {
    const days = ['2026-12-21', '2026-12-28', '2027-01-03', '2027-01-04', '2027-01-11'];
    expect(weekStreaks(days, local(2027, 0, 12, 0, 30), tz)).toEqual({ current: 4, thisWeek: true, longest: 4, longestFrom: '2026-W52', longestTo: '2027-W02' });
    // 31 December 2020 and 3 January 2021 are both in 2020-W53.
    expect(weekStreaks(['2020-12-31', '2021-01-03', '2021-01-04'], local(2021, 0, 5), tz)).toMatchObject({ current: 2, longest: 2, longestFrom: '2020-W53', longestTo: '2021-W01' });
  });

  it('29 February and the change of daylight saving time are days like any other', () => {
    expect(weekStreaks(['2024-02-29', '2024-03-04'], local(2024, 2, 5), tz)).toMatchObject({ current: 2, thisWeek: true, longest: 2 });
    // Sunday 25 October 2026 (Europe leaves summer time) and Monday 26 October: two weeks.
    expect(weekStreaks(['2026-10-25', '2026-10-26'], local(2026, 9, 26, 23, 59), tz)).toMatchObject({ current: 2, thisWeek: true });
  });

  it('leaves out days after this week and days that are not days', () => {
    expect(weekStreaks(['2026-11-09', '2027-01-01', 'soon', '2026-02-30'], wednesday(), tz)).toEqual({ current: 0, thisWeek: false, longest: 0 });
    expect(weekStreaks(['2026-11-08', '2026-11-09'], wednesday(), tz)).toMatchObject({ current: 1, thisWeek: true, longest: 1 });
  });
});

describe('the week of "now" is the local one', () => {
  // 2026-11-01T20:00Z: Sunday (2026-W44) in Berlin and Los Angeles, already Monday (2026-W45) in Kiritimati.
  const instant = new Date(Date.UTC(2026, 10, 1, 20));

  it.each([
    ['Europe/Berlin', { current: 1, thisWeek: true }, { current: 1, thisWeek: false }],
    ['America/Los_Angeles', { current: 1, thisWeek: true }, { current: 1, thisWeek: false }],
    ['Pacific/Kiritimati', { current: 1, thisWeek: false }, { current: 0, thisWeek: false }],
  ])('%s', (name, withW44, withW43) => {
    const tz = zone(name);
    expect(weekStreaks(['2026-10-26'], instant, tz)).toMatchObject(withW44);
    expect(weekStreaks(['2026-10-19'], instant, tz)).toMatchObject(withW43);
  });
});

describe('streaks in words', () => {
  it('says how long, and what keeps it going', () => {
    expect(describeCurrentStreak({ current: 3, thisWeek: true, longest: 5, longestFrom: '2026-W01', longestTo: '2026-W05' })).toBe('Current streak: 3 weeks with at least one entry, this week included.');
    expect(describeCurrentStreak({ current: 1, thisWeek: false, longest: 1 })).toBe('Current streak: 1 week with at least one entry; write one this week to keep it going.');
    expect(describeCurrentStreak({ current: 0, thisWeek: false, longest: 0 })).toBe('Current streak: none. Write one entry this week to start one.');
    expect(describeLongestStreak({ current: 3, thisWeek: true, longest: 5, longestFrom: '2026-W01', longestTo: '2026-W05' })).toBe('Longest streak: 5 weeks (2026-W01 to 2026-W05).');
    expect(describeLongestStreak({ current: 0, thisWeek: false, longest: 1, longestFrom: '2026-W44', longestTo: '2026-W44' })).toBe('Longest streak: 1 week (2026-W44).');
    expect(describeLongestStreak({ current: 0, thisWeek: false, longest: 0 })).toBe('Longest streak: none yet.');
  });
});
