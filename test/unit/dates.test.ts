import { afterEach, describe, expect, it } from 'vitest';
import { configureDateLocale, formatDay, formatDayInWeek, formatWeek, formatWeekStart, parseDay } from '../../src/core/dates';

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
