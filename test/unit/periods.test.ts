import { describe, expect, it } from 'vitest';
import { formatLongDay } from '../../src/core/dates';
import { Period, PeriodKind, dayString, fiscalYearStartMonth, inPeriod, momentOnDay, parseDay, periodOf, periodRange, periodSpan, previousPeriod } from '../../src/core/periods';
import { BERLIN, KOLKATA, LOS_ANGELES, NEW_YORK, SANTIAGO, UTC, intlWallClock, wallTime, zone } from './zones';

const ZONES = [BERLIN, LOS_ANGELES, zone('Pacific/Kiritimati'), KOLKATA];

/** The period as `label first..last`. */
function show(period: Period): string {
  return `${period.label} ${dayString(period.firstDay)}..${dayString(period.endDay - 1)}`;
}

describe.each(ZONES.map((z) => [z.name, z] as const))('periods in local time (%s)', (_name, tz) => {
  function at(kind: PeriodKind, y: number, m: number, d: number, startMonth?: number, h = 0, min = 30): string {
    return show(periodOf(kind, wallTime(tz, y, m, d, h, min), startMonth, tz));
  }
  /** `new Date(y, m, d, h)` (m 0-based) in the zone. */
  const local = (y: number, m: number, d: number, h = 0) => wallTime(tz, y, m + 1, d, h);

  it('weeks are ISO weeks, across years', () => {
    expect(at('week', 2026, 11, 3)).toBe('2026-W45 2026-11-02..2026-11-08');
    expect(at('week', 2027, 1, 1)).toBe('2026-W53 2026-12-28..2027-01-03');
    expect(at('week', 2024, 12, 30)).toBe('2025-W01 2024-12-30..2025-01-05');
    expect(at('week', 2024, 2, 29)).toBe('2024-W09 2024-02-26..2024-03-03');
  });

  it('months, including February in leap years', () => {
    expect(at('month', 2026, 11, 3)).toBe('2026-11 2026-11-01..2026-11-30');
    expect(at('month', 2024, 2, 29)).toBe('2024-02 2024-02-01..2024-02-29');
    expect(at('month', 2026, 2, 1)).toBe('2026-02 2026-02-01..2026-02-28');
    expect(at('month', 2026, 12, 31, 1, 23, 59)).toBe('2026-12 2026-12-01..2026-12-31');
  });

  it('quarters of a calendar year', () => {
    expect(at('quarter', 2026, 1, 1)).toBe('2026-Q1 2026-01-01..2026-03-31');
    expect(at('quarter', 2026, 3, 31, 1, 23, 59)).toBe('2026-Q1 2026-01-01..2026-03-31');
    expect(at('quarter', 2026, 4, 1)).toBe('2026-Q2 2026-04-01..2026-06-30');
    expect(at('quarter', 2026, 11, 3)).toBe('2026-Q4 2026-10-01..2026-12-31');
    expect(at('quarter', 2024, 2, 29)).toBe('2024-Q1 2024-01-01..2024-03-31');
  });

  it('fiscal quarters are named by the year the fiscal year starts in', () => {
    // April: Q1 April–June; January–March is the previous fiscal year's Q4.
    expect(at('quarter', 2026, 4, 1, 4)).toBe('2026-Q1 2026-04-01..2026-06-30');
    expect(at('quarter', 2026, 11, 3, 4)).toBe('2026-Q3 2026-10-01..2026-12-31');
    expect(at('quarter', 2027, 1, 15, 4)).toBe('2026-Q4 2027-01-01..2027-03-31');
    expect(at('quarter', 2027, 3, 31, 4, 23, 59)).toBe('2026-Q4 2027-01-01..2027-03-31');
    // October (a US federal year, named here by its start): November is Q1, across the new year Q2.
    expect(at('quarter', 2026, 11, 3, 10)).toBe('2026-Q1 2026-10-01..2026-12-31');
    expect(at('quarter', 2027, 2, 28, 10)).toBe('2026-Q2 2027-01-01..2027-03-31');
    expect(at('quarter', 2026, 9, 30, 10)).toBe('2025-Q4 2026-07-01..2026-09-30');
    // February: a quarter holding 29 February.
    expect(at('quarter', 2024, 3, 1, 2)).toBe('2024-Q1 2024-02-01..2024-04-30');
    expect(at('quarter', 2024, 1, 31, 2)).toBe('2023-Q4 2023-11-01..2024-01-31');
    // December.
    expect(at('quarter', 2026, 12, 1, 12)).toBe('2026-Q1 2026-12-01..2027-02-28');
  });

  it('the previous period, across years', () => {
    expect(show(previousPeriod(periodOf('week', local(2026, 0, 1), 1, tz)))).toBe('2025-W52 2025-12-22..2025-12-28');
    expect(show(previousPeriod(periodOf('week', local(2027, 0, 4), 1, tz)))).toBe('2026-W53 2026-12-28..2027-01-03');
    expect(show(previousPeriod(periodOf('month', local(2026, 0, 15), 1, tz)))).toBe('2025-12 2025-12-01..2025-12-31');
    expect(show(previousPeriod(periodOf('month', local(2024, 2, 1), 1, tz)))).toBe('2024-02 2024-02-01..2024-02-29');
    expect(show(previousPeriod(periodOf('quarter', local(2026, 0, 15), 1, tz)))).toBe('2025-Q4 2025-10-01..2025-12-31');
    expect(show(previousPeriod(periodOf('quarter', local(2026, 3, 15), 4, tz)))).toBe('2025-Q4 2026-01-01..2026-03-31');
  });

  it('a period runs from local midnight to local midnight, whatever daylight saving does', () => {
    const { start, end } = periodRange(periodOf('month', local(2026, 2, 15), 1, tz), tz);
    expect(start).toEqual(local(2026, 2, 1));
    expect(end).toEqual(local(2026, 3, 1));
    const october = periodRange(periodOf('week', local(2026, 9, 25, 12), 1, tz), tz);
    expect(october.start).toEqual(local(2026, 9, 19));
    expect(october.end).toEqual(local(2026, 9, 26));
  });

  it('another day at the time of now: the same wall clock, on that day', () => {
    const now = wallTime(tz, 2026, 11, 3, 0, 30, 15);
    for (const day of ['2026-11-02', '2026-03-29', '2026-10-25', '2024-02-29', '2025-12-31']) {
      const moment = momentOnDay(parseDay(day)!, now, tz);
      const wall = intlWallClock(moment.getTime(), tz.name);
      expect(`${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`).toBe(day);
      expect([wall.hour, wall.minute, wall.second]).toEqual([0, 30, 15]);
    }
  });
});

describe('period helpers', () => {
  it('knows which days a period holds', () => {
    const march = periodOf('month', wallTime(UTC, 2026, 3, 15), 1, UTC);
    expect(['2026-02-28', '2026-03-01', '2026-03-31', '2026-04-01', undefined, 'garbage'].map((day) => inPeriod(march, day))).toEqual([false, true, true, false, false, false]);
  });

  it('another day whose time of now the clocks skip: the same day, after the jump (Santiago, 6 September 2026)', () => {
    // Midnight to 01:00 does not exist in Santiago on 6 September 2026.
    const moment = momentOnDay(parseDay('2026-09-06')!, wallTime(SANTIAGO, 2026, 11, 3, 0, 30), SANTIAGO);
    const wall = intlWallClock(moment.getTime(), SANTIAGO.name);
    expect([wall.year, wall.month, wall.day, wall.hour, wall.minute]).toEqual([2026, 9, 6, 1, 30]);
  });

  it('another day whose time of now comes twice (clocks going back): the first of the two (New York, 1 November 2026)', () => {
    // 01:30 on 1 November 2026 is 05:30Z in daylight time (UTC−4), then again 06:30Z in standard time (UTC−5).
    const now = new Date('2026-11-03T06:30:00Z'); // 01:30 EST
    expect(momentOnDay(parseDay('2026-11-01')!, now, NEW_YORK)).toEqual(new Date('2026-11-01T05:30:00Z'));
  });

  it('another day at a time just after the clocks jumped forward: that time, in the new offset (New York, 8 March 2026)', () => {
    // 02:00 EST became 03:00 EDT at 07:00Z; 03:30 that day is 07:30Z (UTC−4).
    const now = new Date('2026-03-10T07:30:00Z'); // 03:30 EDT
    expect(momentOnDay(parseDay('2026-03-08')!, now, NEW_YORK)).toEqual(new Date('2026-03-08T07:30:00Z'));
  });

  it('a day the clocks skipped whole: noon after the jump (Apia, 30 December 2011)', () => {
    // Samoa went from 29 December 23:59:59 (UTC−10) to 31 December 00:00 (UTC+14), at 10:00Z on the 30th.
    const apia = zone('Pacific/Apia');
    const moment = momentOnDay(parseDay('2011-12-30')!, wallTime(apia, 2012, 1, 5, 10, 0), apia);
    expect(moment).toEqual(new Date('2011-12-30T22:00:00Z'));
    const wall = intlWallClock(moment.getTime(), apia.name);
    expect([wall.year, wall.month, wall.day, wall.hour, wall.minute]).toEqual([2011, 12, 31, 12, 0]);
  });

  it('reads the fiscal year setting as a month, January otherwise', () => {
    expect([1, 4, 12, 0, 13, 4.5, '4', undefined, null].map(fiscalYearStartMonth)).toEqual([1, 4, 12, 1, 1, 1, 1, 1, 1]);
  });

  it('spells a period out (core/dates, in English here)', () => {
    const nov3 = wallTime(UTC, 2026, 11, 3);
    expect(periodSpan(periodOf('week', nov3, 1, UTC))).toBe('Nov 2 – 8, 2026');
    expect(periodSpan(periodOf('month', nov3, 1, UTC))).toBe('November 2026');
    expect(periodSpan(periodOf('quarter', nov3, 1, UTC))).toBe('October – December 2026');
    expect(periodSpan(periodOf('quarter', nov3, 12, UTC))).toBe('September – November 2026');
    expect(periodSpan(periodOf('quarter', wallTime(UTC, 2026, 12, 3), 12, UTC))).toBe('December 2026 – February 2027');
  });

  it('names a day in full (core/dates)', () => {
    expect(formatLongDay(dayString(parseDay('2026-11-03')!))).toBe('Tuesday, November 3, 2026');
    expect(formatLongDay(dayString(parseDay('2024-02-29')!))).toBe('Thursday, February 29, 2024');
    expect(formatLongDay(dayString(parseDay('2027-01-03')!))).toBe('Sunday, January 3, 2027');
  });

  it('reads days from the year 1000 on', () => {
    // Days since 1970-01-01, from Python: (date(1000, 1, 1) - date(1970, 1, 1)).days.
    expect(parseDay('1000-01-01')).toBe(-354285);
    expect(parseDay('0999-12-31')).toBeUndefined();
  });

  it('reads only real days', () => {
    expect(['2024-02-29', '2026-02-29', '2026-00-10', '2026-12-32', '26-01-01', '2026-1-1', ' 2026-01-01'].map((day) => parseDay(day) !== undefined)).toEqual([
      true,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
