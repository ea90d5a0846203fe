// The day an entry is for, as a person types it: `today`, `yesterday`, a weekday name (the last
// one before today), or `YYYY-MM-DD`; never a day in the future. Pure: `now` is injected, and
// every rule is in the user's local time (periods.ts).

import * as l10n from '@vscode/l10n';
import { formatLongDay, weekdayNames } from './dates';
import { SYSTEM_TIME_ZONE, TimeZone } from './localTime';
import { dayString, localDayNumber, parseDay, weekdayOf } from './periods';

export type DayInput = { readonly day: number } | { readonly error: string };

const ENGLISH_WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

interface Keyword {
  /** Lower case, as matched. */
  readonly word: string;
  /** The full word, as shown when a prefix names more than one day. */
  readonly name: string;
  readonly resolve: (today: number) => number;
}

/** Words and the day they stand for, relative to today: today, yesterday, the weekdays. */
function keywords(): Keyword[] {
  const words: Keyword[] = [];
  const add = (names: readonly string[], resolve: (today: number) => number) => {
    const name = normalise(names[names.length > 1 ? 1 : 0]) || normalise(names[0]);
    for (const word of names.map(normalise)) {
      if (word && !words.some((known) => known.word === word)) words.push({ word, name, resolve });
    }
  };
  add(['today', l10n.t({ message: 'today', comment: ['A word the date box of New Entry for Another Day accepts.'] })], (today) => today);
  add(['yesterday', l10n.t({ message: 'yesterday', comment: ['A word the date box of New Entry for Another Day accepts.'] })], (today) => today - 1);
  const [long, short] = [weekdayNames('long'), weekdayNames('short')];
  for (let weekday = 0; weekday < 7; weekday++) {
    add([ENGLISH_WEEKDAYS[weekday], long[weekday], short[weekday]], (today) => lastWeekday(today, weekday));
  }
  return words;
}

function normalise(text: string): string {
  return text.normalize('NFC').trim().toLocaleLowerCase().replace(/\.$/, '');
}

/** The last `weekday` (0 Monday … 6 Sunday) before `today`: one to seven days back. */
export function lastWeekday(today: number, weekday: number): number {
  const back = (((weekdayOf(today) - weekday) % 7) + 7) % 7;
  return today - (back === 0 ? 7 : back);
}

/**
 * The day a person typed, relative to `now`. A word may be cut short while it names one day only
 * (`yes`, `tu`, `fri`): the box validates as you type.
 */
export function parseDayInput(text: string, now: Date, zone: TimeZone = SYSTEM_TIME_ZONE): DayInput {
  const typed = normalise(text);
  const today = localDayNumber(now.getTime(), zone);
  if (typed === '') return { error: l10n.t('Type a day: today, yesterday, a weekday such as monday, or a date such as 2026-11-03.') };
  if (/^\d/.test(typed)) return checkedDay(typed, today);
  const matches = keywords().filter((known) => known.word.startsWith(typed));
  const resolved = new Set(matches.map((known) => known.resolve(today)));
  if (resolved.size === 1) return { day: [...resolved][0] };
  if (resolved.size > 1) return { error: l10n.t('"{0}" could be {1}: type a little more.', text.trim(), [...new Set(matches.map((known) => known.name))].join(', ')) };
  return { error: l10n.t('"{0}" is not a day. Type today, yesterday, a weekday such as monday, or a date such as 2026-11-03.', text.trim()) };
}

/** A `YYYY-MM-DD` day that exists and is not after today. */
function checkedDay(text: string, today: number): DayInput {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return { error: l10n.t('Write the date as YYYY-MM-DD, e.g. 2026-11-03.') };
  const day = parseDay(text);
  if (day === undefined) return { error: l10n.t('{0} is not a date in the calendar.', text) };
  if (day > today) return { error: l10n.t('{0} is in the future: an entry is for a day that has happened.', text) };
  return { day };
}

/**
 * The `date` of New Entry's argument: exactly `YYYY-MM-DD`, a real day, not in the future.
 * Undefined (absent) is today.
 */
export function parseDayArgument(value: unknown, now: Date, zone: TimeZone = SYSTEM_TIME_ZONE): DayInput {
  const today = localDayNumber(now.getTime(), zone);
  if (value === undefined || value === null) return { day: today };
  if (typeof value !== 'string') return { error: l10n.t('"date" must be a day written YYYY-MM-DD, e.g. "2026-11-03".') };
  return checkedDay(value.trim(), today);
}

/** What the date box says under a valid day: `Tuesday, November 3, 2026 (yesterday)`. */
export function describeDayInput(day: number, now: Date, zone: TimeZone = SYSTEM_TIME_ZONE): string {
  const ago = localDayNumber(now.getTime(), zone) - day;
  if (ago === 0) return l10n.t('{0} (today)', formatLongDay(dayString(day)));
  if (ago === 1) return l10n.t('{0} (yesterday)', formatLongDay(dayString(day)));
  return l10n.t('{0} ({1} days ago)', formatLongDay(dayString(day)), ago);
}
