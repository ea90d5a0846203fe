import { afterEach, describe, expect, it } from 'vitest';
import {
  Period,
  PeriodKind,
  dayString,
  fiscalYearStartMonth,
  inPeriod,
  longDate,
  parseDay,
  periodOf,
  periodRange,
  periodSpan,
  previousPeriod,
} from '../../src/core/periods';

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

const ZONES = ['Europe/Berlin', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Kolkata'];

/** The period as `label first..last`. */
function show(period: Period): string {
  return `${period.label} ${dayString(period.firstDay)}..${dayString(period.endDay - 1)}`;
}

function at(kind: PeriodKind, y: number, m: number, d: number, startMonth?: number, h = 0, min = 30): string {
  return show(periodOf(kind, new Date(y, m - 1, d, h, min), startMonth));
}

describe.each(ZONES)('periods in local time (%s)', (tz) => {
  it('weeks are ISO weeks, across years', () => {
    process.env.TZ = tz;
    expect(at('week', 2026, 11, 3)).toBe('2026-W45 2026-11-02..2026-11-08');
    expect(at('week', 2027, 1, 1)).toBe('2026-W53 2026-12-28..2027-01-03');
    expect(at('week', 2024, 12, 30)).toBe('2025-W01 2024-12-30..2025-01-05');
    expect(at('week', 2024, 2, 29)).toBe('2024-W09 2024-02-26..2024-03-03');
  });

  it('months, including February in leap years', () => {
    process.env.TZ = tz;
    expect(at('month', 2026, 11, 3)).toBe('2026-11 2026-11-01..2026-11-30');
    expect(at('month', 2024, 2, 29)).toBe('2024-02 2024-02-01..2024-02-29');
    expect(at('month', 2026, 2, 1)).toBe('2026-02 2026-02-01..2026-02-28');
    expect(at('month', 2026, 12, 31, 1, 23, 59)).toBe('2026-12 2026-12-01..2026-12-31');
  });

  it('quarters of a calendar year', () => {
    process.env.TZ = tz;
    expect(at('quarter', 2026, 1, 1)).toBe('2026-Q1 2026-01-01..2026-03-31');
    expect(at('quarter', 2026, 3, 31, 1, 23, 59)).toBe('2026-Q1 2026-01-01..2026-03-31');
    expect(at('quarter', 2026, 4, 1)).toBe('2026-Q2 2026-04-01..2026-06-30');
    expect(at('quarter', 2026, 11, 3)).toBe('2026-Q4 2026-10-01..2026-12-31');
    expect(at('quarter', 2024, 2, 29)).toBe('2024-Q1 2024-01-01..2024-03-31');
  });

  it('fiscal quarters are named by the year the fiscal year starts in', () => {
    process.env.TZ = tz;
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
    process.env.TZ = tz;
    expect(show(previousPeriod(periodOf('week', new Date(2026, 0, 1))))).toBe('2025-W52 2025-12-22..2025-12-28');
    expect(show(previousPeriod(periodOf('week', new Date(2027, 0, 4))))).toBe('2026-W53 2026-12-28..2027-01-03');
    expect(show(previousPeriod(periodOf('month', new Date(2026, 0, 15))))).toBe('2025-12 2025-12-01..2025-12-31');
    expect(show(previousPeriod(periodOf('month', new Date(2024, 2, 1))))).toBe('2024-02 2024-02-01..2024-02-29');
    expect(show(previousPeriod(periodOf('quarter', new Date(2026, 0, 15))))).toBe('2025-Q4 2025-10-01..2025-12-31');
    expect(show(previousPeriod(periodOf('quarter', new Date(2026, 3, 15), 4)))).toBe('2025-Q4 2026-01-01..2026-03-31');
  });

  it('a period runs from local midnight to local midnight, whatever daylight saving does', () => {
    process.env.TZ = tz;
    const { start, end } = periodRange(periodOf('month', new Date(2026, 2, 15)));
    expect(start).toEqual(new Date(2026, 2, 1));
    expect(end).toEqual(new Date(2026, 3, 1));
    const october = periodRange(periodOf('week', new Date(2026, 9, 25, 12)));
    expect(october.start).toEqual(new Date(2026, 9, 19));
    expect(october.end).toEqual(new Date(2026, 9, 26));
  });
});

describe('period helpers', () => {
  it('knows which days a period holds', () => {
    const march = periodOf('month', new Date(2026, 2, 15));
    expect(['2026-02-28', '2026-03-01', '2026-03-31', '2026-04-01', undefined, 'garbage'].map((day) => inPeriod(march, day))).toEqual([false, true, true, false, false, false]);
  });

  it('reads the fiscal year setting as a month, January otherwise', () => {
    expect([1, 4, 12, 0, 13, 4.5, '4', undefined, null].map(fiscalYearStartMonth)).toEqual([1, 4, 12, 1, 1, 1, 1, 1, 1]);
  });

  it('spells a period out', () => {
    process.env.TZ = 'UTC';
    expect(periodSpan(periodOf('week', new Date(2026, 10, 3)))).toBe('Mon 2 – Sun 8 November');
    expect(periodSpan(periodOf('month', new Date(2026, 10, 3)))).toBe('November 2026');
    expect(periodSpan(periodOf('quarter', new Date(2026, 10, 3)))).toBe('October – December 2026');
    expect(periodSpan(periodOf('quarter', new Date(2026, 10, 3), 12))).toBe('September – November 2026');
    expect(periodSpan(periodOf('quarter', new Date(2026, 11, 3), 12))).toBe('December 2026 – February 2027');
  });

  it('names a day in full', () => {
    expect(longDate(parseDay('2026-11-03')!)).toBe('Tuesday 3 November 2026');
    expect(longDate(parseDay('2024-02-29')!)).toBe('Thursday 29 February 2024');
    expect(longDate(parseDay('2027-01-03')!)).toBe('Sunday 3 January 2027');
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
