import * as l10n from '@vscode/l10n';
import { localDay } from './entryFactory';
import { JournalIndex } from './journalIndex';
import { DAY_MS, SYSTEM_TIME_ZONE, TimeZone, UTC_TIME_ZONE, dayNumber, localDayNumber, wallClock } from './localTime';
import { allTraits, Trait } from './traits';

export const DEFAULT_NEGLECT_DAYS = 14;

/**
 * Whole local calendar days (in `zone`) from the newest entry carrying `tag` to `now`, counted on
 * the calendar, so a day of 23 or 25 hours is one day; undefined when no entry is dated.
 */
export function daysSinceLastReflected(index: JournalIndex, tag: string, now: Date, zone: TimeZone = SYSTEM_TIME_ZONE): number | undefined {
  const newest = index.entriesTagged(tag).find((entry) => !Number.isNaN(entry.time));
  if (!newest) return undefined;
  return Math.max(0, localDayNumber(now.getTime(), zone) - localDayNumber(newest.time, zone));
}

export function describeDaysAgo(days: number | undefined): string {
  if (days === undefined) return l10n.t('not yet');
  if (days === 0) return l10n.t('today');
  if (days === 1) return l10n.t('yesterday');
  return l10n.t('{0} days ago', days);
}

/** The Traits view's short form, within a narrow sidebar: `today`, `4d ago`, `3w ago`, `5mo ago`, `never`. */
export function shortDaysAgo(days: number | undefined): string {
  if (days === undefined) return l10n.t({ message: 'never', comment: ['No entry for this trait yet, in the Traits view.'] });
  if (days === 0) return l10n.t('today');
  if (days < 14) return l10n.t({ message: '{0}d ago', args: [days], comment: ['Days ago, short: "4d ago".'] });
  if (days < 60) return l10n.t({ message: '{0}w ago', args: [Math.floor(days / 7)], comment: ['Weeks ago, short: "3w ago".'] });
  if (days < 730) return l10n.t({ message: '{0}mo ago', args: [Math.floor(days / 30)], comment: ['Months ago, short: "5mo ago".'] });
  return l10n.t({ message: '{0}y ago', args: [Math.floor(days / 365)], comment: ['Years ago, short: "2y ago".'] });
}

/** Traits not reflected on for `neglectDays` or more (or never), in the source's order. */
export function neglectedTraits(index: JournalIndex, now: Date, neglectDays = DEFAULT_NEGLECT_DAYS, zone: TimeZone = SYSTEM_TIME_ZONE): Trait[] {
  return allTraits().filter((trait) => {
    const days = daysSinceLastReflected(index, trait.id, now, zone);
    return days === undefined || days >= neglectDays;
  });
}

/**
 * The same local calendar day (in `zone`) `months` months earlier, `YYYY-MM-DD`; the month's last
 * day when it has no such day.
 */
export function sameDayMonthsAgo(now: Date, months: number, zone: TimeZone = SYSTEM_TIME_ZONE): string {
  const today = wallClock(now.getTime(), zone);
  // Calendar arithmetic on UTC dates: no clock change can move a day.
  const first = new Date(Date.UTC(today.year, today.month - months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  const target = dayNumber(first.getUTCFullYear(), first.getUTCMonth(), Math.min(today.day, lastDay));
  return localDay(new Date(target * DAY_MS), UTC_TIME_ZONE);
}

export interface LookBack {
  readonly label: string;
  readonly day: string;
}

/** The days to look back on from today (in `zone`): one month and one year ago. */
export function lookBackDays(now: Date, zone: TimeZone = SYSTEM_TIME_ZONE): LookBack[] {
  return [
    { label: l10n.t('One month ago'), day: sameDayMonthsAgo(now, 1, zone) },
    { label: l10n.t('One year ago'), day: sameDayMonthsAgo(now, 12, zone) },
  ];
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The days to look back on from a day (`YYYY-MM-DD`, the open entry's): one month before it, and
 * the same day in every earlier year down to `oldestYear` (the journal's first), nearest first.
 * A day a month or year does not have (31 March, 29 February) becomes that month's last day.
 * Empty for a day that is not one.
 */
export function lookBackFrom(day: string, oldestYear: number): LookBack[] {
  const match = DAY_PATTERN.exec(day);
  if (!match) return [];
  const [year, month, date] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const at = (monthsBack: number) => {
    const first = new Date(Date.UTC(year, month - monthsBack, 1));
    const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
    return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(date, lastDay))).toISOString().slice(0, 10);
  };
  const days: LookBack[] = [{ label: l10n.t('One month before'), day: at(1) }];
  // At most a century back: a mistyped year (0001) must not make a million rows.
  for (let years = 1; year - years >= Math.max(oldestYear, year - 100); years++) {
    days.push({ label: years === 1 ? l10n.t('One year before') : l10n.t('{0} years before', years), day: at(12 * years) });
  }
  return days;
}
