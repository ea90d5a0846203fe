// What a day, a week, a month and a quarter are: the one owner of the journal's calendar rules.
//
// Every rule is in the user's LOCAL time (a `zone`, core/localTime; the machine's when absent): an
// entry written on Sunday at 23:30 belongs to that Sunday. Weeks are ISO 8601 (Monday to Sunday;
// week 1 holds the year's first Thursday). Quarters follow the fiscal year, which starts in any
// month (setting balanceJournal.fiscalYearStartMonth) and is named by the calendar year it starts
// in. Calendar days are handled as whole day numbers (days since 1970-01-01, core/localTime),
// which daylight saving time cannot move. How a day or a period reads is core/dates.

import { formatMonths, formatWeek } from './dates';
import { MINUTE_MS, SYSTEM_TIME_ZONE, TimeZone, dateOfDayNumber, dayNumber, localDayNumber, startOfLocalDay, wallClock } from './localTime';

export { dayNumber, localDayNumber };

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(value: number, width = 2): string {
  return String(Math.abs(value)).padStart(width, '0');
}

// -------------------------------------------------------------------------------------------
// Days

/** `YYYY-MM-DD` of a day number. */
export function dayString(day: number): string {
  const { year, month, day: date } = dateOfDayNumber(day);
  return `${pad(year, 4)}-${pad(month + 1)}-${pad(date)}`;
}

/** The day number of a real calendar day written `YYYY-MM-DD` (29 February only in leap years). */
export function parseDay(text: string): number | undefined {
  const match = DAY_PATTERN.exec(text);
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1000 || month < 1 || month > 12 || date < 1) return undefined;
  const day = dayNumber(year, month - 1, date);
  return dayString(day) === text ? day : undefined;
}

/** The first moment of a day number in `zone` (local midnight, or where a clock change skips it). */
export function startOfDay(day: number, zone: TimeZone = SYSTEM_TIME_ZONE): Date {
  const { year, month, day: date } = dateOfDayNumber(day);
  return new Date(startOfLocalDay(year, month, date, zone));
}

/** 0 for Monday … 6 for Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** The day number of the Monday of the ISO week holding `day`. */
export function mondayOf(day: number): number {
  return day - weekdayOf(day);
}

/**
 * `day` at the current local time of `now` in `zone` (an entry for another day keeps the time it
 * was written at). Where that time does not exist on that day (a daylight saving change), the
 * nearest time after it on the same day, else noon.
 */
export function momentOnDay(day: number, now: Date, zone: TimeZone = SYSTEM_TIME_ZONE): Date {
  const { hours, minutes, seconds } = wallClock(now.getTime(), zone);
  const { year, month, day: date } = dateOfDayNumber(day);
  const wall = Date.UTC(year, month, date, hours, minutes, seconds);
  // The offsets in force either side of that wall time; a change in between is one of them.
  const offsets = [zone.offsetMinutes(wall - 86_400_000), zone.offsetMinutes(wall + 86_400_000), zone.offsetMinutes(wall)];
  const exact = offsets.map((offset) => wall - offset * MINUTE_MS).filter((time) => wall - zone.offsetMinutes(time) * MINUTE_MS === time);
  if (exact.length > 0) return new Date(Math.min(...exact));
  // Skipped by the clocks: where they jump to, on the same day.
  const jumped = wall - offsets[0] * MINUTE_MS;
  if (localDayNumber(jumped, zone) === day) return new Date(jumped);
  return new Date(startOfLocalDay(year, month, date, zone) + 12 * 60 * MINUTE_MS);
}

// -------------------------------------------------------------------------------------------
// ISO weeks

export interface IsoWeek {
  readonly year: number;
  /** 1 to 52, or 53 in a long year. */
  readonly week: number;
}

/**
 * The ISO 8601 week of `date`'s LOCAL calendar day (in `zone`): weeks start on Monday, and week 1
 * is the week with the year's first Thursday, so 1 to 3 January may belong to the previous year's
 * last week and 29 to 31 December to the next year's week 1.
 */
export function isoWeek(date: Date, zone: TimeZone = SYSTEM_TIME_ZONE): IsoWeek {
  return isoWeekOfDay(localDayNumber(date.getTime(), zone));
}

/** The ISO week of a day number. */
export function isoWeekOfDay(day: number): IsoWeek {
  const thursday = mondayOf(day) + 3;
  const year = dateOfDayNumber(thursday).year;
  return { year, week: 1 + Math.floor((thursday - dayNumber(year, 0, 1)) / 7) };
}

/** 52 or 53. */
export function weeksInYear(year: number): number {
  return isoWeekOfDay(dayNumber(year, 11, 28)).week;
}

/** The day number of the Monday of `year`-W`week`. */
export function mondayOfWeek(year: number, week: number): number {
  if (!Number.isInteger(year) || !Number.isInteger(week) || week < 1 || week > weeksInYear(year)) {
    throw new RangeError(`There is no ISO week ${week} in ${year}.`);
  }
  // 4 January is always in week 1.
  return mondayOf(dayNumber(year, 0, 4)) + (week - 1) * 7;
}

/** The week's days in local time (`zone`): Monday 00:00 up to (not including) the next Monday 00:00. */
export function weekRange(year: number, week: number, zone: TimeZone = SYSTEM_TIME_ZONE): { start: Date; end: Date } {
  const monday = mondayOfWeek(year, week);
  return { start: startOfDay(monday, zone), end: startOfDay(monday + 7, zone) };
}

/** `2026-W05`. */
export function weekLabel(year: number, week: number): string {
  return `${pad(year, 4)}-W${pad(week)}`;
}

/** `Nov 23 – 29, 2026`: the week's Monday to Sunday, in the display language (core/dates). */
export function weekSpan(year: number, week: number): string {
  const monday = mondayOfWeek(year, week);
  return formatWeek(dayString(monday), dayString(monday + 6));
}

// -------------------------------------------------------------------------------------------
// Periods: a week, a month or a quarter

export type PeriodKind = 'week' | 'month' | 'quarter';
export const PERIOD_KINDS: readonly PeriodKind[] = ['week', 'month', 'quarter'];

export const DEFAULT_FISCAL_YEAR_START_MONTH = 1;

/** The setting as a month 1 to 12; anything else is January. */
export function fiscalYearStartMonth(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 12 ? value : DEFAULT_FISCAL_YEAR_START_MONTH;
}

export interface Period {
  readonly kind: PeriodKind;
  /** The ISO year of a week, the calendar year of a month, the fiscal year (named by the calendar year it starts in) of a quarter. */
  readonly year: number;
  /** The ISO week (1–53), the month (1–12) or the quarter (1–4). */
  readonly number: number;
  /** Day numbers of the first day and of the day after the last. */
  readonly firstDay: number;
  readonly endDay: number;
  /** `2026-W05`, `2026-05` or `2026-Q2`: the review's file name and front matter. */
  readonly label: string;
  /** The month (1–12) quarters start from; 1 for weeks and months. */
  readonly fiscalYearStartMonth: number;
}

function monthPeriod(year: number, monthIndex: number): Period {
  const { year: y, month: m } = dateOfDayNumber(dayNumber(year, monthIndex, 1));
  return { kind: 'month', year: y, number: m + 1, firstDay: dayNumber(y, m, 1), endDay: dayNumber(y, m + 1, 1), label: `${pad(y, 4)}-${pad(m + 1)}`, fiscalYearStartMonth: 1 };
}

function quarterPeriod(year: number, monthIndex: number, startMonth: number): Period {
  const fiscalStart = startMonth - 1;
  const offset = (((monthIndex - fiscalStart) % 12) + 12) % 12;
  const quarter = Math.floor(offset / 3) + 1;
  const fiscalYear = monthIndex >= fiscalStart ? year : year - 1;
  const firstMonth = fiscalStart + (quarter - 1) * 3;
  return {
    kind: 'quarter',
    year: fiscalYear,
    number: quarter,
    firstDay: dayNumber(fiscalYear, firstMonth, 1),
    endDay: dayNumber(fiscalYear, firstMonth + 3, 1),
    label: `${pad(fiscalYear, 4)}-Q${quarter}`,
    fiscalYearStartMonth: startMonth,
  };
}

/** The week, month or quarter holding `date`'s local day in `zone`. */
export function periodOf(kind: PeriodKind, date: Date | number, startMonth = DEFAULT_FISCAL_YEAR_START_MONTH, zone: TimeZone = SYSTEM_TIME_ZONE): Period {
  return periodOfDay(kind, localDayNumber(new Date(date).getTime(), zone), startMonth);
}

/** The week, month or quarter holding a day number. */
export function periodOfDay(kind: PeriodKind, day: number, startMonth = DEFAULT_FISCAL_YEAR_START_MONTH): Period {
  const { year, month } = dateOfDayNumber(day);
  switch (kind) {
    case 'week': {
      const week = isoWeekOfDay(day);
      const monday = mondayOf(day);
      return { kind, year: week.year, number: week.week, firstDay: monday, endDay: monday + 7, label: weekLabel(week.year, week.week), fiscalYearStartMonth: 1 };
    }
    case 'month':
      return monthPeriod(year, month);
    case 'quarter':
      return quarterPeriod(year, month, fiscalYearStartMonth(startMonth));
  }
}

/** The ISO week `year`-W`week` as a period. */
export function weekPeriod(year: number, week: number): Period {
  return periodOfDay('week', mondayOfWeek(year, week));
}

/** The period just before. */
export function previousPeriod(period: Period): Period {
  return periodOfDay(period.kind, period.firstDay - 1, period.fiscalYearStartMonth);
}

/** The first moment of the first day, and of the day after the last, in `zone`. */
export function periodRange(period: Period, zone: TimeZone = SYSTEM_TIME_ZONE): { start: Date; end: Date } {
  return { start: startOfDay(period.firstDay, zone), end: startOfDay(period.endDay, zone) };
}

/** Whether a `YYYY-MM-DD` day is in the period. */
export function inPeriod(period: Period, day: string | undefined): boolean {
  const number = day === undefined ? undefined : parseDay(day);
  return number !== undefined && number >= period.firstDay && number < period.endDay;
}

/** The period's days in words (core/dates): `Nov 23 – 29, 2026`, `November 2026`, `October – December 2026`. */
export function periodSpan(period: Period): string {
  if (period.kind === 'week') return weekSpan(period.year, period.number);
  return formatMonths(dayString(period.firstDay), dayString(period.endDay - 1));
}
