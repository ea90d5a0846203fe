// Finding entries by tags and a period, for Find Entries and Export Evidence. Pure: the periods
// are periods.ts's (local time), the entries are the index's reflections.

import * as l10n from '@vscode/l10n';
import { escapeMarkdown } from './hoverText';
import { formatLongDay } from './dates';
import { SYSTEM_TIME_ZONE, TimeZone, wallClock } from './localTime';
import { dayString, localDayNumber, parseDay, periodOf } from './periods';
import { traitById } from './traits';

/** A period to search: the current week, month, quarter or year, or all time. */
export type PeriodChoice = 'week' | 'month' | 'quarter' | 'year' | 'all';
export const PERIOD_CHOICES: readonly PeriodChoice[] = ['week', 'month', 'quarter', 'year', 'all'];

/** Days from `from` to `to`, both included (day numbers); `all` has neither bound. */
export interface DayRange {
  readonly from: number;
  readonly to: number;
}

export const ALL_TIME: DayRange = { from: -Infinity, to: Infinity };

/** The days of the current week, month, (fiscal) quarter or calendar year of `now`, or all time. */
export function rangeOf(choice: PeriodChoice, now: Date, fiscalYearStartMonth = 1, zone: TimeZone = SYSTEM_TIME_ZONE): DayRange {
  if (choice === 'all') return ALL_TIME;
  if (choice === 'year') {
    const { year } = wallClock(now.getTime(), zone);
    return { from: parseDay(`${String(year).padStart(4, '0')}-01-01`)!, to: parseDay(`${String(year).padStart(4, '0')}-12-31`)! };
  }
  const period = periodOf(choice, now, fiscalYearStartMonth, zone);
  return { from: period.firstDay, to: period.endDay - 1 };
}

/** The name of a period choice, for the picker. */
export function periodChoiceLabel(choice: PeriodChoice): string {
  switch (choice) {
    case 'week':
      return l10n.t('This week');
    case 'month':
      return l10n.t('This month');
    case 'quarter':
      return l10n.t('This quarter');
    case 'year':
      return l10n.t('This year');
    case 'all':
      return l10n.t('All time');
  }
}

/**
 * A range typed as `YYYY-MM-DD to YYYY-MM-DD` (or `..`, or one day alone): real days, the first
 * not after the second, and not starting after today.
 */
export function parseRange(text: string, now: Date, zone: TimeZone = SYSTEM_TIME_ZONE): DayRange | { error: string } {
  const parts = text.trim().split(/\s*(?:\.\.|\bto\b|–|—)\s*/i).filter((part) => part !== '');
  if (parts.length < 1 || parts.length > 2) return { error: l10n.t('Type two days, e.g. 2026-01-01 to 2026-03-31.') };
  const days = parts.map((part) => parseDay(part));
  const bad = parts.find((_, i) => days[i] === undefined);
  if (bad !== undefined) return { error: l10n.t('"{0}" is not a day: write YYYY-MM-DD, e.g. 2026-01-01 to 2026-03-31.', bad) };
  const from = days[0]!;
  const to = days[days.length - 1]!;
  if (from > to) return { error: l10n.t('The period is empty: {0} is after {1}.', parts[0], parts[parts.length - 1]) };
  if (from > localDayNumber(now.getTime(), zone)) return { error: l10n.t('{0} is in the future: no entries can be there yet.', parts[0]) };
  return { from, to };
}

/** `2026-01-01 to 2026-03-31`, or `all time`. */
export function describeRange(range: DayRange): string {
  if (!Number.isFinite(range.from) && !Number.isFinite(range.to)) return l10n.t('all time');
  if (range.from === range.to) return formatLongDay(dayString(range.from));
  return l10n.t('{0} to {1}', Number.isFinite(range.from) ? dayString(range.from) : '…', Number.isFinite(range.to) ? dayString(range.to) : '…');
}

/** What Find Entries reads of a note (`IndexedEntry` fits). */
export interface FindableEntry {
  readonly key: string;
  readonly title: string;
  readonly day: string | undefined;
  readonly time: number;
  readonly tags: readonly string[];
}

/** Whether a `YYYY-MM-DD` day is in the range (by string: no date is made per entry). */
function rangeTest(range: DayRange): (day: string | undefined) => boolean {
  const from = Number.isFinite(range.from) ? dayString(range.from) : '';
  const to = Number.isFinite(range.to) ? dayString(range.to) : '\uffff';
  return (day) => day !== undefined && day >= from && day <= to;
}

/**
 * The entries carrying EVERY tag of `tags` (normalised; none: any entry) dated in `range`,
 * newest first. Undated entries are in `all time` only.
 */
export function findEntries<T extends FindableEntry>(entries: Iterable<T>, tags: readonly string[], range: DayRange): T[] {
  const allTime = !Number.isFinite(range.from) && !Number.isFinite(range.to);
  const inRange = rangeTest(range);
  const found: T[] = [];
  for (const entry of entries) {
    if (!allTime && !inRange(entry.day)) continue;
    if (tags.some((tag) => !entry.tags.includes(tag))) continue;
    found.push(entry);
  }
  // Newest first; the same moment by title, then key. Times are read once, not per comparison.
  const keyed = found.map((entry) => ({ entry, at: Number.isNaN(entry.time) ? -Infinity : entry.time }));
  keyed.sort((a, b) => b.at - a.at || (a.entry.title < b.entry.title ? -1 : a.entry.title > b.entry.title ? 1 : 0) || (a.entry.key < b.entry.key ? -1 : a.entry.key > b.entry.key ? 1 : 0));
  return keyed.map(({ entry }) => entry);
}

/** One line of text: control characters (line breaks) as spaces, Markdown escaped. */
function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return escapeMarkdown(text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim());
}

/** A link destination Markdown reads as one: in angle brackets, which it may not hold itself. */
export function destination(target: string): string {
  // eslint-disable-next-line no-control-regex
  return `<${target.replace(/[<>\u0000-\u001f\u007f]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)}>`;
}

/**
 * The entries found as a Markdown list (Find Entries' Open All, shown in the preview): each
 * entry's day, title as a link, and traits. `link` gives an entry's link destination, already
 * URL-encoded (an absolute URI), or undefined for none.
 */
export function entryListMarkdown(found: readonly FindableEntry[], tags: readonly string[], range: DayRange, link: (key: string) => string | undefined): string {
  const lines = [`# ${l10n.t('Entries found')}`, ''];
  const tagNames = tags.map((tag) => traitById(tag)?.label ?? tag).map(plain);
  lines.push(
    tags.length > 0
      ? l10n.t('{0} tagged {1}, {2}.', found.length === 1 ? l10n.t('1 entry') : l10n.t('{0} entries', found.length), tagNames.join(' + '), describeRange(range))
      : l10n.t('{0}, {1}.', found.length === 1 ? l10n.t('1 entry') : l10n.t('{0} entries', found.length), describeRange(range)),
    '',
  );
  for (const entry of found) {
    const title = plain(entry.title) || l10n.t('Untitled');
    const target = link(entry.key);
    const traits = entry.tags.flatMap((tag) => traitById(tag)?.label ?? []).map(plain);
    lines.push(`- ${entry.day ?? l10n.t('date unknown')}: ${target ? `[${title}](${destination(target)})` : title}${traits.length > 0 ? ` · ${traits.join(', ')}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
