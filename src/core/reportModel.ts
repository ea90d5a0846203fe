// The Balance Report's numbers: what the journal says over the last weeks, and what to do next.
//
// Pure: no vscode, no I/O. `now` is injected, and every calendar computation is in the user's
// LOCAL time (an entry written on Sunday at 23:30 belongs to that Sunday's week), with ISO weeks
// running Monday to Sunday. The Markdown export is reportMarkdown.ts, the charts reportCharts.ts,
// the panel's page reportHtml.ts.

import * as l10n from '@vscode/l10n';
import { Balance, DEFAULT_BALANCE_TOLERANCE, describeBalance, pluralEntries } from './balance';
import { formatWeek } from './dates';
import { localDay, localIsoTimestamp } from './entryFactory';
import { IndexedEntry } from './journalIndex';
import { SYSTEM_TIME_ZONE, TimeZone } from './localTime';
import { DatedEntry, Suggestion, nextTrait, traitActivity } from './nextTrait';
import { dayNumber, dayString, isoWeekOfDay, localDayNumber, mondayOf, weekLabel } from './periods';
import { DEFAULT_NEGLECT_DAYS } from './reflection';
import { YearCalendar, buildYearCalendar, currentCalendarYear } from './reportCalendar';
import { WeekStreaks, weekStreaks } from './streaks';
import { STRATEGIES, Side, Strategy, allTraits, Trait, otherSide, traitById } from './traits';

/** The tag of an exported report, so the journal can tell reports from entries. */
// Stryker disable next-line all: read once at import: Stryker's vitest runner does not load the module again per mutant (reportModel.test.ts fails on each, checked by hand)
export const REPORT_TAG = 'balance-report';
export const REPORT_WEEKS = 12;
/** The range control's choices: weeks, or every week since the first entry. */
// Stryker disable next-line all: read once at import: Stryker's vitest runner does not load the module again per mutant (reportModel.test.ts fails on each, checked by hand)
export const REPORT_RANGES: readonly ReportRange[] = [4, 12, 52, 'all'];
export type ReportRange = number | 'all';
/** Entry titles listed in a week's tooltip, at most. */
const TITLES_PER_WEEK = 5;
const OTHER_TAGS_SHOWN = 10;

/** What the report reads from the index: `JournalIndex` satisfies it. */
export interface ReportSource {
  /** The reflections only: reviews and exported reports are notes of their own kind. */
  reflections(): Iterable<IndexedEntry>;
  countOf(tag: string): number;
  balance(tolerance?: number): Balance;
  /** Reflections carrying `tag`, newest first (for core/nextTrait). */
  entriesTagged(tag: string): readonly DatedEntry[];
  /** A local day's reflections; when there, the calendar looks its days up instead of walking every entry. */
  entriesOn?(day: string): readonly IndexedEntry[];
}

export interface ReportWeek {
  /** ISO week label, `2026-W48`. */
  readonly label: string;
  readonly isoYear: number;
  readonly isoWeek: number;
  /** Local Monday and Sunday, `YYYY-MM-DD`. */
  readonly start: string;
  readonly end: string;
  /** Trait tags per side in this week: an entry counts once per trait tag. */
  readonly leadership: number;
  readonly management: number;
  /** Entries dated in this week, with or without trait tags. */
  readonly entries: number;
  /** A few entry titles of the week, newest first (for tooltips). */
  readonly titles: readonly string[];
}

export interface ReportTrait {
  readonly trait: Trait;
  /** All time. */
  readonly count: number;
  /** In the report's weeks. */
  readonly recent: number;
}

export interface ReportStep {
  readonly strategy: Strategy;
  /** A concrete next step that names the focus trait. */
  readonly nextStep: string;
}

export interface BalanceReport {
  /** Local day the report was made, `YYYY-MM-DD`. */
  readonly day: string;
  /** ISO 8601 local time with offset. */
  readonly generatedAt: string;
  /** Oldest first; the last one is the current week. */
  readonly weeks: readonly ReportWeek[];
  /** In the source's order. */
  readonly traits: readonly ReportTrait[];
  readonly balance: Balance;
  /** `Leadership 52% · Management 48% · balanced`, or `no entries yet`. */
  readonly headline: string;
  /** The side core/nextTrait leaned to: fewer trait tags in the last four weeks, else all time. */
  readonly weakerSide: Side | undefined;
  /** What to reflect on next, by core/nextTrait. */
  readonly focus: Trait;
  /** One sentence: why the focus. */
  readonly focusWhy: string;
  /** The range asked for (`weeks` holds one bucket per week of it). */
  readonly range: ReportRange;
  readonly steps: readonly ReportStep[];
  readonly totalEntries: number;
  /** Tags that are not traits, most used first (at most 10); reports are left out. */
  readonly otherTags: readonly { readonly tag: string; readonly count: number }[];
  /** Runs of ISO weeks with at least one reflection. */
  readonly streaks: WeekStreaks;
  /** Every day of one ISO year (this one unless `calendarYear` says otherwise). */
  readonly calendar: YearCalendar;
}

export interface ReportOptions {
  readonly now: Date | number;
  readonly tolerance?: number;
  readonly neglectDays?: number;
  /** Weeks to show (12 by default), or `all`: every week since the first dated entry. */
  readonly weeks?: ReportRange;
  /** The user's time zone: the machine's when absent. */
  readonly zone?: TimeZone;
  /** The ISO year the calendar shows; the current one when absent. */
  readonly calendarYear?: number;
}

// Stryker disable next-line all: read once at import: Stryker's vitest runner does not load the module again per mutant (reportModel.test.ts fails on each, checked by hand)
const DAY_PREFIX = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar day an entry belongs to, in local time: its `time`, else its `day`. */
function entryDayNumber(entry: IndexedEntry, zone: TimeZone): number | undefined {
  if (Number.isFinite(entry.time)) return localDayNumber(entry.time, zone);
  const match = entry.day ? DAY_PREFIX.exec(entry.day) : null;
  if (!match) return undefined;
  return dayNumber(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/** ISO 8601 week of the Monday `monday` (a day number): the week belongs to its Thursday's year. */
export function isoWeekOf(monday: number): { isoYear: number; isoWeek: number } {
  // One ISO-week rule for the journal: periods.ts.
  const { year, week } = isoWeekOfDay(monday);
  return { isoYear: year, isoWeek: week };
}

export function buildBalanceReport(source: ReportSource, options: ReportOptions): BalanceReport {
  const now = new Date(options.now);
  const range = options.weeks ?? REPORT_WEEKS;
  const tolerance = options.tolerance ?? DEFAULT_BALANCE_TOLERANCE;
  const zone = options.zone ?? SYSTEM_TIME_ZONE;
  const currentMonday = mondayOf(localDayNumber(now.getTime(), zone));
  const weekCount = range === 'all' ? weeksSinceFirstEntry(source, currentMonday, zone) : Math.max(1, Math.floor(Number.isFinite(range) ? range : REPORT_WEEKS));
  const firstMonday = currentMonday - 7 * (weekCount - 1);

  const buckets = Array.from({ length: weekCount }, () => ({ leadership: 0, management: 0, entries: 0, titled: [] as IndexedEntry[] }));
  const recent = new Map<string, number>();
  const otherCounts = new Map<string, number>();
  let totalEntries = 0;
  const days = new Set<string>();
  for (const entry of source.reflections()) {
    const tags = new Set(entry.tags);
    totalEntries++;
    if (entry.day) days.add(entry.day);
    for (const tag of tags) if (!traitById(tag)) otherCounts.set(tag, (otherCounts.get(tag) ?? 0) + 1);
    const dayNum = entryDayNumber(entry, zone);
    if (dayNum === undefined) continue;
    const week = Math.floor((dayNum - firstMonday) / 7);
    if (week < 0 || week >= weekCount) continue;
    const bucket = buckets[week];
    bucket.entries++;
    bucket.titled.push(entry);
    for (const tag of tags) {
      const trait = traitById(tag);
      if (!trait) continue;
      bucket[trait.side]++;
      recent.set(trait.id, (recent.get(trait.id) ?? 0) + 1);
    }
  }

  const weeks: ReportWeek[] = buckets.map((bucket, i) => {
    const monday = firstMonday + 7 * i;
    const { isoYear, isoWeek } = isoWeekOf(monday);
    const titles = bucket.titled
      .sort((a, b) => (Number.isFinite(b.time) ? b.time : -Infinity) - (Number.isFinite(a.time) ? a.time : -Infinity))
      .slice(0, TITLES_PER_WEEK)
      .map((entry) => entry.title);
    return {
      label: weekLabel(isoYear, isoWeek),
      isoYear,
      isoWeek,
      start: dayString(monday),
      end: dayString(monday + 6),
      leadership: bucket.leadership,
      management: bucket.management,
      entries: bucket.entries,
      titles,
    };
  });

  const balance = source.balance(tolerance);
  const countOf = (tag: string) => source.countOf(tag);
  const suggestion: Suggestion = nextTrait(traitActivity(source, now, zone), { neglectDays: options.neglectDays ?? DEFAULT_NEGLECT_DAYS })!;
  const focus = suggestion.trait;
  const otherTags = [...otherCounts]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag))
    .slice(0, OTHER_TAGS_SHOWN);
  return {
    day: localDay(now, zone),
    generatedAt: localIsoTimestamp(now, zone),
    weeks,
    traits: allTraits().map((trait) => ({ trait, count: source.countOf(trait.id), recent: recent.get(trait.id) ?? 0 })),
    balance,
    headline: describeBalance(balance),
    weakerSide: suggestion.weakerSide,
    focus,
    focusWhy: suggestion.why,
    range,
    steps: nextSteps(focus, countOf),
    totalEntries,
    otherTags,
    streaks: weekStreaks(days, now, zone),
    calendar: buildYearCalendar(source.entriesOn ? { entriesOn: (day: string) => source.entriesOn!(day) } : source.reflections(), options.calendarYear ?? currentCalendarYear(now, zone), now, zone),
  };
}

/** Weeks from the one of the oldest dated reflection to the current one (at least 1). */
function weeksSinceFirstEntry(source: ReportSource, currentMonday: number, zone: TimeZone): number {
  let oldest = currentMonday;
  for (const entry of source.reflections()) {
    const dayNum = entryDayNumber(entry, zone);
    if (dayNum !== undefined && dayNum < oldest) oldest = dayNum;
  }
  return Math.floor((currentMonday - mondayOf(oldest)) / 7) + 1;
}

/** The trait of `side` reflected on most; ties go to the source's order. */
function strongestTrait(side: Side, countOf: (tag: string) => number): Trait {
  return allTraits().filter((t) => t.side === side).reduce((best, trait) => (countOf(trait.id) > countOf(best.id) ? trait : best));
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** One concrete step per strategy of the source, each naming the focus trait. */
export function nextSteps(focus: Trait, countOf: (tag: string) => number): ReportStep[] {
  const strength = strongestTrait(otherSide(focus.side), countOf);
  // Keyed by strategy id (never translated).
  const steps: Record<string, () => string> = {
    'develop-dual-skills': () =>
      l10n.t(
        'This week, write one entry about {0} ({1} so far). Start from the prompt: “{2}”',
        focus.label,
        pluralEntries(countOf(focus.id)),
        focus.prompts[0],
      ),
    'foster-collaboration': () =>
      l10n.t(
        'Ask a colleague who is strong in {0} ({1}) how they approach it, and offer your {2} in return; then write down one thing you will try from their way of working.',
        focus.label,
        lowerFirst(focus.description).replace(/\.$/, ''),
        strength.label,
      ),
    'continuous-learning': () =>
      l10n.t('Pick one talk, article or course module on {0} this month, try one idea from it at work within a week, and reflect in an entry tagged {1} on what changed.', focus.label, focus.id),
  };
  return STRATEGIES.map((strategy) => ({ strategy, nextStep: steps[strategy.id]?.() ?? l10n.t('Practise {0} this week.', focus.label) }));
}

/** `Nov 23 – 29, 2026`: the week's days, in the display language (core/dates). */
export function weekRange(week: ReportWeek): string {
  return formatWeek(week.start, week.end);
}
