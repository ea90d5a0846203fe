// The Balance Report's year calendar: every day of an ISO year (52 or 53 weeks × 7 days, Monday
// first), each coloured by its reflections' leadership/management mix, with a pattern as well as
// a colour, and an accessible name such as `Tuesday, November 3, 2026: 2 entries, leadership 1,
// management 1`. Built here as HTML so that its escaping is unit-tested; media/report.js moves
// between the days with the arrow keys and asks the extension to open a day's entries.

import * as l10n from '@vscode/l10n';
import { pluralEntries } from './balance';
import { escapeXml } from './markup';
import { formatDayInWeek, formatLongDay, formatShortMonth, weekdayNames } from './dates';
import { SYSTEM_TIME_ZONE, TimeZone } from './localTime';
import { dayString, isoWeekOfDay, localDayNumber, mondayOfWeek, weeksInYear } from './periods';
import { SIDE_LABELS, traitById } from './traits';

/** How a day's reflections lean: none, only one side, both, or entries without trait tags. */
export type DayMix = 'empty' | 'leadership' | 'management' | 'both' | 'untagged';

export interface CalendarDay {
  /** `YYYY-MM-DD`. */
  readonly day: string;
  readonly entries: number;
  /** Trait tags per side: an entry counts once per trait tag. */
  readonly leadership: number;
  readonly management: number;
  readonly mix: DayMix;
  /** After today: nothing to open. */
  readonly future: boolean;
  readonly today: boolean;
}

export interface YearCalendar {
  /** The ISO year. */
  readonly year: number;
  /** 52 or 53 weeks of 7 days, Monday first. */
  readonly weeks: readonly (readonly CalendarDay[])[];
  readonly entries: number;
  readonly daysWithEntries: number;
  readonly leadership: number;
  readonly management: number;
}

/** What the calendar reads of an entry (`IndexedEntry` fits). */
export interface CalendarEntry {
  /** The entry's local day, `YYYY-MM-DD`. */
  readonly day: string | undefined;
  readonly tags: readonly string[];
}

/** The calendar shows years from 1000 to 9999: the years a `YYYY-MM-DD` day can name. */
export function clampYear(year: number): number {
  return Math.min(9999, Math.max(1000, Math.trunc(year)));
}

/** The ISO year of `now`'s local day: the calendar's default. */
export function currentCalendarYear(now: Date, zone: TimeZone = SYSTEM_TIME_ZONE): number {
  return isoWeekOfDay(localDayNumber(now.getTime(), zone)).year;
}

export function mixOf(entries: number, leadership: number, management: number): DayMix {
  if (entries === 0) return 'empty';
  if (leadership > 0 && management > 0) return 'both';
  if (leadership > 0) return 'leadership';
  if (management > 0) return 'management';
  return 'untagged';
}

/** The reflections by day, when the source keeps them so (`JournalIndex` does). */
export interface CalendarByDay {
  entriesOn(day: string): readonly CalendarEntry[];
}

type Tally = { entries: number; leadership: number; management: number };

function add(tally: Tally, entry: CalendarEntry): void {
  tally.entries++;
  for (const tag of new Set(entry.tags)) {
    const trait = traitById(tag);
    if (trait) tally[trait.side]++;
  }
}

/**
 * The days of ISO year `year` with their reflections: from a source that keeps them by day, one
 * look-up per day; else one pass over the entries, where a day outside the year is left at a
 * string comparison.
 */
export function buildYearCalendar(reflections: Iterable<CalendarEntry> | CalendarByDay, year: number, now: Date, zone: TimeZone = SYSTEM_TIME_ZONE): YearCalendar {
  const isoYear = clampYear(year);
  const weekCount = weeksInYear(isoYear);
  const first = mondayOfWeek(isoYear, 1);
  const firstDay = dayString(first);
  const lastDay = dayString(first + weekCount * 7 - 1);
  const tallies = new Map<string, Tally>();
  if ('entriesOn' in reflections) {
    for (let number = first; number < first + weekCount * 7; number++) {
      const day = dayString(number);
      const entries = reflections.entriesOn(day);
      if (entries.length === 0) continue;
      const tally: Tally = { entries: 0, leadership: 0, management: 0 };
      for (const entry of entries) add(tally, entry);
      tallies.set(day, tally);
    }
  } else {
    for (const entry of reflections) {
      const day = entry.day;
      if (day === undefined || day < firstDay || day > lastDay) continue;
      let tally = tallies.get(day);
      if (!tally) tallies.set(day, (tally = { entries: 0, leadership: 0, management: 0 }));
      add(tally, entry);
    }
  }
  const today = localDayNumber(now.getTime(), zone);
  let [entries, daysWithEntries, leadership, management] = [0, 0, 0, 0];
  const weeks: CalendarDay[][] = [];
  for (let w = 0; w < weekCount; w++) {
    const week: CalendarDay[] = [];
    for (let d = 0; d < 7; d++) {
      const number = first + w * 7 + d;
      const day = dayString(number);
      const tally = tallies.get(day) ?? { entries: 0, leadership: 0, management: 0 };
      entries += tally.entries;
      leadership += tally.leadership;
      management += tally.management;
      if (tally.entries > 0) daysWithEntries++;
      week.push({ day, ...tally, mix: mixOf(tally.entries, tally.leadership, tally.management), future: number > today, today: number === today });
    }
    weeks.push(week);
  }
  return { year: isoYear, weeks, entries, daysWithEntries, leadership, management };
}

/** `Tuesday, November 3, 2026: 2 entries, leadership 1, management 1`, `…: no entries` (core/dates names the day). */
export function dayLabel(day: CalendarDay): string {
  const name = formatLongDay(day.day);
  if (day.entries === 0) return l10n.t('{0}: no entries', name);
  return l10n.t('{0}: {1}, {2} {3}, {4} {5}', name, pluralEntries(day.entries), SIDE_LABELS.leadership.toLowerCase(), day.leadership, SIDE_LABELS.management.toLowerCase(), day.management);
}

/** The words for each mix, in the legend. */
function mixLabel(mix: DayMix): string {
  switch (mix) {
    case 'empty':
      return l10n.t('No entries');
    case 'leadership':
      return l10n.t('Leadership only (solid)');
    case 'management':
      return l10n.t('Management only (striped)');
    case 'both':
      return l10n.t('Both sides (split)');
    case 'untagged':
      return l10n.t('Entries without trait tags (dotted)');
  }
}

// Stryker disable next-line all: read once at import: Stryker's vitest runner does not load the module again per mutant (reportCalendar.test.ts's whole legend fails on each, checked by hand)
const LEGEND: readonly DayMix[] = ['leadership', 'management', 'both', 'untagged', 'empty'];

/** 1, 2 or 3 for 1, 2, 3 or more entries: how strong the day's colour is. */
function level(entries: number): number {
  return Math.min(3, entries);
}

/** The short name of the month a week starts one in (and the first week's), for the column headers. */
function monthStarting(week: readonly CalendarDay[], index: number): string | undefined {
  const firstOfMonth = week.find((day) => day.day.endsWith('-01'));
  const day = firstOfMonth?.day ?? (index === 0 ? week[3].day : undefined);
  return day === undefined ? undefined : formatShortMonth(Number(day.slice(5, 7)) - 1);
}

/** The day that takes the keyboard first: today, else the last day with entries, else the first day. */
function focusDay(calendar: YearCalendar): string {
  const days = calendar.weeks.flat();
  return (days.find((day) => day.today) ?? [...days].reverse().find((day) => day.entries > 0 && !day.future) ?? days[0]).day;
}

/**
 * The calendar card: a heading with previous and next year buttons, a grid (`role="grid"`, one
 * row per weekday, one column per ISO week), and a legend. Every text is escaped; no inline
 * style or script (the page's CSP allows neither).
 */
export function calendarHtml(calendar: YearCalendar): string {
  const e = escapeXml;
  const { year } = calendar;
  const focus = focusDay(calendar);
  const heading = l10n.t('Year calendar {0}', year);
  const summary =
    calendar.entries === 0
      ? l10n.t('No entries in {0} (ISO weeks 1 to {1}).', year, calendar.weeks.length)
      : l10n.t('{0} on {1} days in {2} (ISO weeks 1 to {3}): {4} leadership and {5} management trait tags.', pluralEntries(calendar.entries), calendar.daysWithEntries, year, calendar.weeks.length, calendar.leadership, calendar.management);
  const help = l10n.t('Arrow keys move between days (up and down by day, left and right by week), Home and End to the first and last day; Enter opens the day\'s entries.');

  const header = calendar.weeks
    .map((week, i) => {
      const month = monthStarting(week, i);
      const name = l10n.t('Week {0}, from {1}', i + 1, formatDayInWeek(week[0].day));
      return `<th scope="col" class="bj-week-head" aria-label="${e(name)}">${month ? `<span aria-hidden="true">${e(month)}</span>` : ''}</th>`;
    })
    .join('');
  const rows = weekdayNames('short').map((weekday, d) => {
    const cells = calendar.weeks
      .map((week) => {
        const day = week[d];
        const classes = ['bj-day', `bj-mix-${day.mix}`];
        if (day.entries > 0) classes.push(`bj-level-${level(day.entries)}`);
        if (day.today) classes.push('bj-today');
        if (day.future) classes.push('bj-future');
        const label = dayLabel(day);
        return (
          `<td role="gridcell" class="${classes.join(' ')}" data-day="${e(day.day)}" data-entries="${day.entries}" tabindex="${day.day === focus ? 0 : -1}" ` +
          `aria-label="${e(label)}" title="${e(label)}"${day.future ? ' aria-disabled="true"' : ''}${day.today ? ' aria-current="date"' : ''}></td>`
        );
      })
      .join('');
    return `<tr><th scope="row" class="bj-weekday">${e(weekday)}</th>${cells}</tr>`;
  }).join('');
  const legend = LEGEND.map((mix) => `<li><span class="bj-day bj-swatch bj-mix-${mix}${mix === 'empty' ? '' : ' bj-level-2'}" aria-hidden="true"></span>${e(mixLabel(mix))}</li>`).join('');

  return `<section class="card calendar-card" aria-labelledby="calendar-heading">
  <div class="calendar-top">
    <h2 id="calendar-heading">${e(heading)}</h2>
    <div class="year-nav">
      <button id="prev-year" type="button" class="secondary" data-year="${year - 1}" aria-label="${e(l10n.t('Previous year, {0}', year - 1))}"${year <= 1000 ? ' disabled' : ''}>‹ ${year - 1}</button>
      <button id="next-year" type="button" class="secondary" data-year="${year + 1}" aria-label="${e(l10n.t('Next year, {0}', year + 1))}"${year >= 9999 ? ' disabled' : ''}>${year + 1} ›</button>
    </div>
  </div>
  <p class="help" id="calendar-summary">${e(summary)}</p>
  <p class="help" id="calendar-help">${e(help)}</p>
  <div class="calendar-wrap">
    <table id="calendar" class="calendar" role="grid" aria-labelledby="calendar-heading" aria-describedby="calendar-summary calendar-help" data-year="${year}">
      <thead><tr><td class="bj-corner"></td>${header}</tr></thead>
      <tbody>${rows}</tbody>
    </table>
  </div>
  <ul class="calendar-legend" aria-label="${e(l10n.t('Legend'))}">${legend}</ul>
</section>`;
}
