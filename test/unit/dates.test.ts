import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configureDateLocale, formatDay, formatDayInWeek, formatLongDay, formatMonths, formatShortMonth, formatWeek, formatWeekStart, parseDay, weekdayNames } from '../../src/core/dates';

afterEach(() => configureDateLocale('en'));

describe('dates: one style per purpose, in the display language', () => {
  it('writes a day, a week, a day in a week and a chart\'s week in English', () => {
    configureDateLocale('en');
    expect(formatDay('2026-11-25')).toBe('Nov 25, 2026');
    expect(formatWeek('2026-11-23', '2026-11-29')).toBe('Nov 23 – 29, 2026');
    expect(formatWeek('2026-11-30', '2026-12-06')).toBe('Nov 30 – Dec 6, 2026');
    expect(formatWeek('2026-12-28', '2027-01-03')).toBe('Dec 28, 2026 – Jan 3, 2027');
    expect(formatDayInWeek('2026-11-23')).toBe('Mon, Nov 23');
    expect(formatWeekStart('2026-11-23')).toBe('Nov 23');
  });

  it('follows VS Code\'s language', () => {
    configureDateLocale('de');
    expect(formatDay('2026-11-25')).toBe('25. Nov. 2026');
    expect(formatDayInWeek('2026-11-23')).toBe('Mo., 23. Nov.');
    configureDateLocale('zh-cn');
    expect(formatDay('2026-11-25')).toBe('2026年11月25日');
  });

  it('falls back to the runtime\'s language for a tag that is not one, and leaves non-days as written', () => {
    configureDateLocale('not a language!');
    expect(formatDay('2026-11-25')).toMatch(/2026/);
    expect(formatDay('someday')).toBe('someday');
    expect(parseDay('2026-02-30')).toBeUndefined();
    expect(parseDay('2026-02-28')).toEqual(new Date(2026, 1, 28));
    expect(parseDay('2026-1-1')).toBeUndefined();
  });

  it('uses plain spaces, never the thin ones ICU puts around a range\'s dash', () => {
    expect(formatWeek('2026-11-23', '2026-11-29')).not.toMatch(/[\u2009\u202f]/);
  });
});

// Fixtures where a near-twin of each rule gives another answer.
describe('dates against their near twins', () => {
  beforeEach(() => configureDateLocale('en'));

  it('keeps text that is not a day as written, when either end of a span is not a day', () => {
    expect(formatWeek('someday', '2026-11-29')).toBe('someday – 2026-11-29');
    expect(formatWeek('2026-11-23', 'later')).toBe('2026-11-23 – later');
    expect(formatMonths('someday', '2026-12-31')).toBe('someday – 2026-12-31');
    expect(formatMonths('2026-10-01', 'later')).toBe('2026-10-01 – later');
  });

  it('is no day when the month is out of range, even where the day of the month fits', () => {
    // Date would roll month 13 over to January of the next year, and month 0 back to December.
    expect(parseDay('2026-13-01')).toBeUndefined();
    expect(parseDay('2026-00-15')).toBeUndefined();
    expect(parseDay('2026-12-01')).toEqual(new Date(2026, 11, 1));
  });

  it('takes a Date as the day it is, as well as a YYYY-MM-DD', () => {
    expect(formatDay(new Date(2026, 10, 25))).toBe('Nov 25, 2026');
    expect(formatWeek(new Date(2026, 10, 23), new Date(2026, 10, 29))).toBe('Nov 23 – 29, 2026');
    expect(formatLongDay(new Date(2026, 10, 3))).toBe('Tuesday, November 3, 2026');
  });

  it('names one month once, and the same month of two years as a range', () => {
    expect(formatMonths('2026-11-01', '2026-11-30')).toBe('November 2026');
    expect(formatMonths('2025-11-01', '2026-11-30')).toBe('November 2025 – November 2026');
    expect(formatMonths('2026-10-01', '2026-12-31')).toBe('October – December 2026');
    expect(formatMonths('2026-12-01', '2027-02-28')).toBe('December 2026 – February 2027');
  });

  it('names the weekdays long and short, each in its own style whichever is asked first', () => {
    const long = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
    const short = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
    expect(weekdayNames('long')).toEqual(long);
    expect(weekdayNames('short')).toEqual(short);
    expect(weekdayNames('long')).toEqual(long);
  });

  it('names a month on its own, short', () => {
    expect([0, 10, 11].map(formatShortMonth)).toEqual(['Jan', 'Nov', 'Dec']);
  });
});
