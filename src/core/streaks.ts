// Streaks, counted in ISO weeks: a reflective journal is weekly, not daily. A week counts when it
// holds at least one reflection. The current streak is the run of weeks up to this one; while
// this week has none yet, the run up to last week is still alive (the week is not over).

import * as l10n from '@vscode/l10n';
import { SYSTEM_TIME_ZONE, TimeZone } from './localTime';
import { isoWeekOfDay, localDayNumber, mondayOf, parseDay, weekLabel } from './periods';

export interface WeekStreaks {
  /** Weeks in the current run (0 when neither this week nor last week has a reflection). */
  readonly current: number;
  /** Whether this week already has a reflection. */
  readonly thisWeek: boolean;
  /** Weeks in the longest run ever, up to this week. */
  readonly longest: number;
  /** The longest run's first and last ISO weeks, `2026-W05` (the latest run when several are as long). */
  readonly longestFrom?: string;
  readonly longestTo?: string;
}

const NO_STREAK: WeekStreaks = { current: 0, thisWeek: false, longest: 0 };

function label(monday: number): string {
  const { year, week } = isoWeekOfDay(monday);
  return weekLabel(year, week);
}

/**
 * The streaks of the days that hold reflections (`YYYY-MM-DD`, in any order, repeats allowed),
 * as of `now`'s local week. Days after this week are left out: a date in the future is a typo.
 */
export function weekStreaks(days: Iterable<string>, now: Date, zone: TimeZone = SYSTEM_TIME_ZONE): WeekStreaks {
  const thisMonday = mondayOf(localDayNumber(now.getTime(), zone));
  const mondays = new Set<number>();
  for (const day of days) {
    const number = parseDay(day);
    if (number === undefined) continue;
    const monday = mondayOf(number);
    if (monday <= thisMonday) mondays.add(monday);
  }
  if (mondays.size === 0) return NO_STREAK;
  const sorted = [...mondays].sort((a, b) => a - b);
  let longest = 0;
  let longestEnd = sorted[0];
  let run = 0;
  for (let i = 0; i < sorted.length; i++) {
    run = i > 0 && sorted[i] - sorted[i - 1] === 7 ? run + 1 : 1;
    if (run >= longest) {
      longest = run;
      longestEnd = sorted[i];
    }
  }
  const thisWeek = mondays.has(thisMonday);
  let current = 0;
  for (let monday = thisWeek ? thisMonday : thisMonday - 7; mondays.has(monday); monday -= 7) current++;
  return { current, thisWeek, longest, longestFrom: label(longestEnd - 7 * (longest - 1)), longestTo: label(longestEnd) };
}

function weeks(count: number): string {
  return count === 1 ? l10n.t('1 week') : l10n.t('{0} weeks', count);
}

/** `Current streak: 3 weeks (this week included).` and the like, for tooltips and the report. */
export function describeCurrentStreak(streaks: WeekStreaks): string {
  if (streaks.current === 0) return l10n.t('Current streak: none. Write one entry this week to start one.');
  if (streaks.thisWeek) return l10n.t('Current streak: {0} with at least one entry, this week included.', weeks(streaks.current));
  return l10n.t('Current streak: {0} with at least one entry; write one this week to keep it going.', weeks(streaks.current));
}

/** `Longest streak: 10 weeks (2026-W01 to 2026-W10).` */
export function describeLongestStreak(streaks: WeekStreaks): string {
  if (streaks.longest === 0) return l10n.t('Longest streak: none yet.');
  if (streaks.longest === 1) return l10n.t('Longest streak: 1 week ({0}).', streaks.longestTo!);
  return l10n.t('Longest streak: {0} ({1} to {2}).', weeks(streaks.longest), streaks.longestFrom!, streaks.longestTo!);
}
