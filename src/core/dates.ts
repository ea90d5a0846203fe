// Dates as people read them: one style per purpose, from Intl.DateTimeFormat in VS Code's display
// language (configured at activation, like the translations). Identifiers (`2026-W48`, the
// `YYYY-MM-DD` of file names and front matter) are not dates to read and stay as they are.
//
//   a day on its own             formatDay          Nov 25, 2026
//   a week                       formatWeek         Nov 23 – 29, 2026
//   a day inside a named week    formatDayInWeek    Mon, Nov 23
//   a week under a chart's bar   formatWeekStart    Nov 23
//   a day named in full          formatLongDay      Tuesday, November 3, 2026
//   a month, or months           formatMonths       November 2026, October – December 2026
//   a calendar's month column    formatShortMonth   Nov
//   weekday names, Monday first  weekdayNames       Monday … / Mon …

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

let locale: string | undefined;
const formats = new Map<string, Intl.DateTimeFormat>();

/** The display language (`vscode.env.language`); undefined: the runtime's default. */
export function configureDateLocale(language: string | undefined): void {
  let resolved: string | undefined;
  try {
    resolved = language ? Intl.DateTimeFormat.supportedLocalesOf([language])[0] : undefined;
  } catch {
    resolved = undefined; // not a language tag
  }
  if (resolved === locale) return;
  locale = resolved;
  formats.clear();
}

function format(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let found = formats.get(key);
  if (!found) formats.set(key, (found = new Intl.DateTimeFormat(locale, options)));
  return found;
}

/** The local calendar day `YYYY-MM-DD` as a Date at local midnight; undefined when not a day. */
export function parseDay(day: string): Date | undefined {
  const match = DAY.exec(day);
  if (!match) return undefined;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // 2026-02-30 is no day (Date would roll it over to March).
  return date.getDate() === Number(match[3]) && date.getMonth() === Number(match[2]) - 1 ? date : undefined;
}

/** ICU puts thin and narrow no-break spaces around range dashes: plain spaces read (and search) better in files. */
function plainSpaces(text: string): string {
  return text.replace(/[\u2009\u202f]/g, ' ');
}

function asDate(day: string | Date): Date | undefined {
  return typeof day === 'string' ? parseDay(day) : day;
}

/** `Nov 25, 2026`: a day on its own. Text that is not a day is returned as it is. */
export function formatDay(day: string | Date): string {
  const date = asDate(day);
  return date ? plainSpaces(format('day', { year: 'numeric', month: 'short', day: 'numeric' }).format(date)) : String(day);
}

/** `Nov 23 – 29, 2026`, `Nov 30 – Dec 6, 2026`, `Dec 28, 2026 – Jan 3, 2027`: a week (or any span of days). */
export function formatWeek(start: string | Date, end: string | Date): string {
  const from = asDate(start);
  const to = asDate(end);
  if (!from || !to) return `${String(start)} – ${String(end)}`;
  return plainSpaces(format('week', { year: 'numeric', month: 'short', day: 'numeric' }).formatRange(from, to));
}

/** `Mon, Nov 23`: a day inside a week that is already named. */
export function formatDayInWeek(day: string | Date): string {
  const date = asDate(day);
  return date ? plainSpaces(format('dayInWeek', { weekday: 'short', month: 'short', day: 'numeric' }).format(date)) : String(day);
}

/** `Nov 23`: the Monday that stands for a week under a chart's bars. */
export function formatWeekStart(day: string | Date): string {
  const date = asDate(day);
  return date ? plainSpaces(format('weekStart', { month: 'short', day: 'numeric' }).format(date)) : String(day);
}

/** `Tuesday, November 3, 2026`: a day named in full (the calendar's accessible names, the date box). */
export function formatLongDay(day: string | Date): string {
  const date = asDate(day);
  return date ? plainSpaces(format('longDay', { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }).format(date)) : String(day);
}

/** `November 2026` for one month, `October – December 2026` or `December 2026 – February 2027` for several. */
export function formatMonths(first: string | Date, last: string | Date): string {
  const from = asDate(first);
  const to = asDate(last);
  if (!from || !to) return `${String(first)} – ${String(last)}`;
  const months = format('months', { year: 'numeric', month: 'long' });
  if (from.getFullYear() === to.getFullYear() && from.getMonth() === to.getMonth()) return plainSpaces(months.format(from));
  return plainSpaces(months.formatRange(from, to));
}

/** `Nov`: a month (0-based) on its own, above a calendar's columns. */
export function formatShortMonth(month: number): string {
  return plainSpaces(format('shortMonth', { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, month, 15))));
}

/** The weekdays' names, Monday first: `long` (Monday) or `short` (Mon). */
export function weekdayNames(style: 'long' | 'short'): string[] {
  const weekday = format(`weekday-${style}`, { weekday: style, timeZone: 'UTC' });
  // 1 January 2024 was a Monday.
  return Array.from({ length: 7 }, (_, i) => plainSpaces(weekday.format(new Date(Date.UTC(2024, 0, 1 + i)))));
}
