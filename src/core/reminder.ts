// A nudge, only if asked: `balanceJournal.reminder` (off by default) names a local time and the
// days it applies. At that time, if no entry was written today, one quiet status-bar item (and,
// if asked, a notification) offers New Entry; never twice a day, never when an entry already
// exists, gone once one is written.
//
// Pure: no vscode, no I/O; `now` is always passed in.

import * as l10n from '@vscode/l10n';
import { localDay } from './entryFactory';

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
/** In the order of `Date.getDay()` (Sunday first). */
const WEEKDAYS_BY_INDEX: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
export const WORKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

export interface Reminder {
  /** Minutes after local midnight. */
  readonly minutes: number;
  readonly days: ReadonlySet<Weekday>;
  /** Also a notification, not only the status bar item. */
  readonly notify: boolean;
}

/**
 * The setting, read: `undefined` when off (the default: `null`, `false`, `""`), or the reminder,
 * or why it cannot be used. Accepts `"17:30"` (workdays) or `{ "time": "17:30", "days": ["mon",
 * …], "notify": true }`.
 */
export function readReminder(value: unknown): { reminder?: Reminder; error?: string } {
  if (value === undefined || value === null || value === false || value === '') return {};
  const object = typeof value === 'string' ? { time: value } : typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  if (!object) return { error: l10n.t('balanceJournal.reminder should be a time like "17:30", or {0}.', '{ "time": "17:30", "days": ["mon", "tue", "wed", "thu", "fri"] }') };
  const match = typeof object.time === 'string' ? /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(object.time.trim()) : null;
  if (!match) return { error: l10n.t('balanceJournal.reminder: "time" should be a local time like "17:30".') };
  let days: Weekday[] = [...WORKDAYS];
  if (object.days !== undefined) {
    if (!Array.isArray(object.days) || object.days.length === 0) return { error: l10n.t('balanceJournal.reminder: "days" should list days like "mon", "tue".') };
    days = [];
    for (const day of object.days) {
      const name = typeof day === 'string' ? day.trim().toLowerCase().slice(0, 3) : '';
      if (!(WEEKDAYS_BY_INDEX as readonly string[]).includes(name)) return { error: l10n.t('balanceJournal.reminder: "{0}" is not a day; use mon, tue, wed, thu, fri, sat or sun.', String(day)) };
      days.push(name as Weekday);
    }
  }
  return { reminder: { minutes: Number(match[1]) * 60 + Number(match[2]), days: new Set(days), notify: object.notify === true } };
}

/** Whether to show the reminder at `now`: a listed day, the time reached, no entry today, not shown today yet. */
export function reminderDue(reminder: Reminder, now: Date, state: { hasEntryToday: boolean; lastShownDay: string | undefined }): boolean {
  if (state.hasEntryToday || state.lastShownDay === localDay(now)) return false;
  if (!reminder.days.has(WEEKDAYS_BY_INDEX[now.getDay()])) return false;
  return now.getHours() * 60 + now.getMinutes() >= reminder.minutes;
}

/** Milliseconds from `now` to the next time the reminder could be due (today's time or tomorrow's). */
export function msUntilNextCheck(reminder: Reminder, now: Date): number {
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate(), Math.floor(reminder.minutes / 60), reminder.minutes % 60);
  const next = today.getTime() > now.getTime() ? today : new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, Math.floor(reminder.minutes / 60), reminder.minutes % 60);
  return Math.max(1000, next.getTime() - now.getTime());
}
