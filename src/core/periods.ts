// What a day, a week, a month and a quarter are: the one owner of the journal's calendar rules.
//
// Every rule is in the user's LOCAL time: an entry written on Sunday at 23:30 belongs to that
// Sunday. Weeks are ISO 8601 (Monday to Sunday; week 1 holds the year's first Thursday). Quarters
// follow the fiscal year, which starts in any month (setting balanceJournal.fiscalYearStartMonth)
// and is named by the calendar year it starts in. Calendar days are handled as whole day numbers
// (days since 1970-01-01), which daylight saving time cannot move.

import * as l10n from '@vscode/l10n';

const MS_PER_DAY = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(value: number, width = 2): string {
  return String(Math.abs(value)).padStart(width, '0');
}

/** The user's local calendar day of `now`, `YYYY-MM-DD` (never the UTC day). */
export function localDay(now: Date): string {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** ISO 8601 local time with its UTC offset, e.g. `2026-11-27T09:05:00+01:00`. */
export function localIsoTimestamp(now: Date): string {
  const offsetMinutes = -now.getTimezoneOffset();
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const offset = `${sign}${pad(Math.trunc(offsetMinutes / 60))}:${pad(offsetMinutes % 60)}`;
  return `${localDay(now)}T${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}${offset}`;
}

// -------------------------------------------------------------------------------------------
// Day numbers

/** Whole days since 1970-01-01 of a calendar date (month 0-based, overflow allowed). */
export function dayNumber(year: number, monthIndex: number, date: number): number {
  return Math.round(Date.UTC(year, monthIndex, date) / MS_PER_DAY);
}

/** The day number of `date`'s LOCAL calendar day. */
export function localDayNumber(date: Date | number): number {
  const at = new Date(date);
  return dayNumber(at.getFullYear(), at.getMonth(), at.getDate());
}

/** `YYYY-MM-DD` of a day number. */
export function dayString(day: number): string {
  const at = new Date(day * MS_PER_DAY);
  return `${pad(at.getUTCFullYear(), 4)}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`;
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

/** Local midnight starting a day number. */
export function startOfDay(day: number): Date {
  const at = new Date(day * MS_PER_DAY);
  return new Date(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
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
 * `day` at the current local time of `now` (an entry for another day keeps the time it was
 * written at). Where that time does not exist on that day (a daylight saving change at
 * midnight), the nearest time on the same day.
 */
export function momentOnDay(day: number, now: Date): Date {
  const at = new Date(day * MS_PER_DAY);
  const [year, month, date] = [at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()];
  const moment = new Date(year, month, date, now.getHours(), now.getMinutes(), now.getSeconds());
  return localDayNumber(moment) === day ? moment : new Date(year, month, date, 12);
}

// -------------------------------------------------------------------------------------------
// Names

/** A list whose items are translated when read (the bundle is configured after this module loads). */
export function translatedList(items: readonly (() => string)[]): readonly string[] {
  const list: string[] = new Array<string>(items.length);
  items.forEach((item, i) => Object.defineProperty(list, i, { get: item, enumerable: true }));
  return Object.freeze(list);
}

export const MONTHS = translatedList([
  () => l10n.t('January'),
  () => l10n.t('February'),
  () => l10n.t('March'),
  () => l10n.t('April'),
  () => l10n.t({ message: 'May', comment: ['The full name of the month.'] }),
  () => l10n.t('June'),
  () => l10n.t('July'),
  () => l10n.t('August'),
  () => l10n.t('September'),
  () => l10n.t('October'),
  () => l10n.t('November'),
  () => l10n.t('December'),
]);

export const SHORT_MONTHS = translatedList([
  () => l10n.t({ message: 'Jan', comment: ['Short name of January.'] }),
  () => l10n.t({ message: 'Feb', comment: ['Short name of February.'] }),
  () => l10n.t({ message: 'Mar', comment: ['Short name of March.'] }),
  () => l10n.t({ message: 'Apr', comment: ['Short name of April.'] }),
  () => l10n.t({ message: 'May', comment: ['Short name of May.'] }),
  () => l10n.t({ message: 'Jun', comment: ['Short name of June.'] }),
  () => l10n.t({ message: 'Jul', comment: ['Short name of July.'] }),
  () => l10n.t({ message: 'Aug', comment: ['Short name of August.'] }),
  () => l10n.t({ message: 'Sep', comment: ['Short name of September.'] }),
  () => l10n.t({ message: 'Oct', comment: ['Short name of October.'] }),
  () => l10n.t({ message: 'Nov', comment: ['Short name of November.'] }),
  () => l10n.t({ message: 'Dec', comment: ['Short name of December.'] }),
]);

/** Monday first. */
export const WEEKDAYS = translatedList([
  () => l10n.t({ message: 'Mon', comment: ['Short name of Monday.'] }),
  () => l10n.t({ message: 'Tue', comment: ['Short name of Tuesday.'] }),
  () => l10n.t({ message: 'Wed', comment: ['Short name of Wednesday.'] }),
  () => l10n.t({ message: 'Thu', comment: ['Short name of Thursday.'] }),
  () => l10n.t({ message: 'Fri', comment: ['Short name of Friday.'] }),
  () => l10n.t({ message: 'Sat', comment: ['Short name of Saturday.'] }),
  () => l10n.t({ message: 'Sun', comment: ['Short name of Sunday.'] }),
]);

/** Monday first. */
export const LONG_WEEKDAYS = translatedList([
  () => l10n.t('Monday'),
  () => l10n.t('Tuesday'),
  () => l10n.t('Wednesday'),
  () => l10n.t('Thursday'),
  () => l10n.t('Friday'),
  () => l10n.t('Saturday'),
  () => l10n.t('Sunday'),
]);

/** `Tuesday 3 November 2026`. */
export function longDate(day: number): string {
  const at = new Date(day * MS_PER_DAY);
  return l10n.t({
    message: '{weekday} {day} {month} {year}',
    args: { weekday: LONG_WEEKDAYS[weekdayOf(day)], day: at.getUTCDate(), month: MONTHS[at.getUTCMonth()], year: at.getUTCFullYear() },
    comment: ['A full date, e.g. "Tuesday 3 November 2026".'],
  });
}

/** `Tue 3`: the short weekday and the day of the month. */
export function shortDayName(date: Date): string {
  return l10n.t({ message: '{0} {1}', args: [WEEKDAYS[(date.getDay() + 6) % 7], date.getDate()], comment: ['A day: the short weekday, then the day of the month, e.g. "Mon 23".'] });
}

// -------------------------------------------------------------------------------------------
// ISO weeks

export interface IsoWeek {
  readonly year: number;
  /** 1 to 52, or 53 in a long year. */
  readonly week: number;
}

/**
 * The ISO 8601 week of `date`'s LOCAL calendar day: weeks start on Monday, and week 1 is the week
 * with the year's first Thursday, so 1 to 3 January may belong to the previous year's last week
 * and 29 to 31 December to the next year's week 1.
 */
export function isoWeek(date: Date): IsoWeek {
  return isoWeekOfDay(localDayNumber(date));
}

/** The ISO week of a day number. */
export function isoWeekOfDay(day: number): IsoWeek {
  const thursday = mondayOf(day) + 3;
  const year = new Date(thursday * MS_PER_DAY).getUTCFullYear();
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

/** The week's days in local time: Monday 00:00 up to (not including) the next Monday 00:00. */
export function weekRange(year: number, week: number): { start: Date; end: Date } {
  const monday = mondayOfWeek(year, week);
  return { start: startOfDay(monday), end: startOfDay(monday + 7) };
}

/** `2026-W05`. */
export function weekLabel(year: number, week: number): string {
  return `${pad(year, 4)}-W${pad(week)}`;
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
  const first = new Date(year, monthIndex, 1);
  const [y, m] = [first.getFullYear(), first.getMonth()];
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

/** The week, month or quarter holding `date`'s local day. */
export function periodOf(kind: PeriodKind, date: Date | number, startMonth = DEFAULT_FISCAL_YEAR_START_MONTH): Period {
  return periodOfDay(kind, localDayNumber(date), startMonth);
}

/** The week, month or quarter holding a day number. */
export function periodOfDay(kind: PeriodKind, day: number, startMonth = DEFAULT_FISCAL_YEAR_START_MONTH): Period {
  const at = new Date(day * MS_PER_DAY);
  switch (kind) {
    case 'week': {
      const { year, week } = isoWeekOfDay(day);
      const monday = mondayOf(day);
      return { kind, year, number: week, firstDay: monday, endDay: monday + 7, label: weekLabel(year, week), fiscalYearStartMonth: 1 };
    }
    case 'month':
      return monthPeriod(at.getUTCFullYear(), at.getUTCMonth());
    case 'quarter':
      return quarterPeriod(at.getUTCFullYear(), at.getUTCMonth(), fiscalYearStartMonth(startMonth));
  }
}

/** The period just before. */
export function previousPeriod(period: Period): Period {
  return periodOfDay(period.kind, period.firstDay - 1, period.fiscalYearStartMonth);
}

/** Local midnight of the first day, and of the day after the last. */
export function periodRange(period: Period): { start: Date; end: Date } {
  return { start: startOfDay(period.firstDay), end: startOfDay(period.endDay) };
}

/** Whether a `YYYY-MM-DD` day is in the period. */
export function inPeriod(period: Period, day: string | undefined): boolean {
  const number = day === undefined ? undefined : parseDay(day);
  return number !== undefined && number >= period.firstDay && number < period.endDay;
}

function monthYear(day: number): string {
  const at = new Date(day * MS_PER_DAY);
  return l10n.t({ message: '{0} {1}', args: [MONTHS[at.getUTCMonth()], at.getUTCFullYear()], comment: ['A month and its year, e.g. "November 2026".'] });
}

/** `Mon 23 – Sun 29 November`, `Mon 30 November – Sun 6 December`, across years with them. */
export function weekSpan(year: number, week: number): string {
  const { start } = weekRange(year, week);
  const sunday = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 6);
  const month = (date: Date) => MONTHS[date.getMonth()];
  if (start.getFullYear() !== sunday.getFullYear()) {
    return l10n.t({
      message: '{startDay} {startMonth} {startYear} – {endDay} {endMonth} {endYear}',
      args: { startDay: shortDayName(start), startMonth: month(start), startYear: start.getFullYear(), endDay: shortDayName(sunday), endMonth: month(sunday), endYear: sunday.getFullYear() },
      comment: ['A week across two years, e.g. "Mon 29 December 2025 – Sun 4 January 2026".'],
    });
  }
  if (start.getMonth() !== sunday.getMonth()) {
    return l10n.t({
      message: '{startDay} {startMonth} – {endDay} {endMonth}',
      args: { startDay: shortDayName(start), startMonth: month(start), endDay: shortDayName(sunday), endMonth: month(sunday) },
      comment: ['A week across two months, e.g. "Mon 30 November – Sun 6 December".'],
    });
  }
  return l10n.t({
    message: '{startDay} – {endDay} {month}',
    args: { startDay: shortDayName(start), endDay: shortDayName(sunday), month: month(sunday) },
    comment: ['A week within one month, e.g. "Mon 23 – Sun 29 November".'],
  });
}

/** The period's days in words: a week's span, `November 2026`, `January – March 2027`, `November 2026 – January 2027`. */
export function periodSpan(period: Period): string {
  switch (period.kind) {
    case 'week':
      return weekSpan(period.year, period.number);
    case 'month':
      return monthYear(period.firstDay);
    case 'quarter': {
      const first = new Date(period.firstDay * MS_PER_DAY);
      const last = new Date((period.endDay - 1) * MS_PER_DAY);
      if (first.getUTCFullYear() === last.getUTCFullYear()) {
        return l10n.t({
          message: '{0} – {1} {2}',
          args: [MONTHS[first.getUTCMonth()], MONTHS[last.getUTCMonth()], last.getUTCFullYear()],
          comment: ['A quarter within one year, e.g. "January – March 2027".'],
        });
      }
      return `${monthYear(period.firstDay)} – ${monthYear(period.endDay - 1)}`;
    }
  }
}
