import * as l10n from '@vscode/l10n';
import { Balance, CountOf, computeBalance, describeBalance, pluralEntries, stateLabel, weakerSide } from './balance';
import { formatDayInWeek, formatWeek } from './dates';
import { localDay, localIsoTimestamp } from './entryFactory';
import { writeFrontMatter } from './frontMatter';
import { markdownText } from './markdownText';
import { activityOf, rankTraits } from './nextTrait';
import { NoteKind, noteKind } from './noteKinds';
import { SYSTEM_TIME_ZONE, TimeZone, UTC_TIME_ZONE, startOfLocalDay, wallClock } from './localTime';
import { DEFAULT_NEGLECT_DAYS } from './reflection';
import { SIDES, SIDE_LABELS, STRATEGIES, Side, Strategy, allTraits, Trait, otherSide, sideLabelInSentence, traitById, traitsOfSide } from './traits';

// The weekly review: an ISO 8601 week in the user's local time, its tallies, links to its
// entries, and a prompt to balance the side reflected on less. Pure: the VS Code layer injects
// the entries, the counts and how to link from the review to an entry.

/** The tag every weekly review carries; entries with it are never counted as entries. */
export const WEEKLY_REVIEW_TAG = 'weekly-review';

/** The folder, below the journal folder, that keeps the reviews. */
export const REVIEWS_FOLDER = 'reviews';

/** The headings the user writes under; the cursor starts under the first. */
export const REFLECTION_HEADINGS: readonly string[] = translatedList([
  () => l10n.t('What went well this week?'),
  () => l10n.t('What would I do differently next week?'),
  () => l10n.t('Which trait will I practise next week, and how?'),
]);

/** A list whose items are translated when read (the bundle is configured after this module loads). */
function translatedList(items: readonly (() => string)[]): readonly string[] {
  const list: string[] = new Array<string>(items.length);
  items.forEach((item, i) => Object.defineProperty(list, i, { get: item, enumerable: true }));
  return Object.freeze(list);
}

export interface IsoWeek {
  readonly year: number;
  /** 1 to 52, or 53 in a long year. */
  readonly week: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** 0 for Monday … 6 for Sunday, of a UTC-midnight time standing for a calendar day. */
function isoWeekday(utcDay: number): number {
  return (new Date(utcDay).getUTCDay() + 6) % 7;
}

/**
 * The ISO 8601 week of `date`'s LOCAL calendar day (in `zone`): weeks start on Monday, and week 1
 * is the week with the year's first Thursday, so 1 to 3 January may belong to the previous year's
 * last week and 29 to 31 December to the next year's week 1.
 */
export function isoWeek(date: Date, zone: TimeZone = SYSTEM_TIME_ZONE): IsoWeek {
  const { year, month, day } = wallClock(date.getTime(), zone);
  return isoWeekOfDay(year, month, day);
}

/** The ISO 8601 week of the calendar day `year`-`month` (0-based)-`day`. */
export function isoWeekOfDay(year: number, month: number, day: number): IsoWeek {
  // The calendar day as a UTC midnight: day arithmetic without DST surprises.
  const utcDay = Date.UTC(year, month, day);
  const thursday = utcDay + (3 - isoWeekday(utcDay)) * DAY_MS;
  const weekYear = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(weekYear, 0, 1)) / (7 * DAY_MS));
  return { year: weekYear, week };
}

/** 52 or 53. */
export function weeksInYear(year: number): number {
  return isoWeekOfDay(year, 11, 28).week;
}

/** The UTC-midnight time standing for the Monday of `year`-W`week`. */
function mondayOf(year: number, week: number): number {
  if (!Number.isInteger(year) || !Number.isInteger(week) || week < 1 || week > weeksInYear(year)) {
    throw new RangeError(`There is no ISO week ${week} in ${year}.`);
  }
  // 4 January is always in week 1.
  const january4 = Date.UTC(year, 0, 4);
  return january4 - isoWeekday(january4) * DAY_MS + (week - 1) * 7 * DAY_MS;
}

/** The week's days in local time (`zone`): Monday 00:00 up to (not including) the next Monday 00:00. */
export function weekRange(year: number, week: number, zone: TimeZone = SYSTEM_TIME_ZONE): { start: Date; end: Date } {
  const monday = new Date(mondayOf(year, week));
  const y = monday.getUTCFullYear();
  const m = monday.getUTCMonth();
  const d = monday.getUTCDate();
  return { start: new Date(startOfLocalDay(y, m, d, zone)), end: new Date(startOfLocalDay(y, m, d + 7, zone)) };
}

/** `2026-W05`. */
export function weekLabel(year: number, week: number): string {
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/** Where the review goes, relative to the journal folder: `['reviews', '2026-W05.md']`. */
export function reviewPath(year: number, week: number): string[] {
  return [REVIEWS_FOLDER, `${weekLabel(year, week)}.md`];
}

/** The part of an indexed entry a review reads (`IndexedEntry` fits). */
export interface ReviewEntry {
  /** Unique key of the file, handed to `relativeLink`. */
  readonly key: string;
  readonly title: string;
  /** Local calendar day, `YYYY-MM-DD`. */
  readonly day: string | undefined;
  readonly time: number;
  /** Normalised tags. */
  readonly tags: readonly string[];
  /** Its kind as the index decided it; when missing, decided from the tags (core/noteKinds). */
  readonly kind?: NoteKind;
}

export interface WeeklyReviewInput {
  /** Every entry of the journal; the review picks the week's own. */
  readonly entries: Iterable<ReviewEntry>;
  /** All-time count of entries per tag. */
  readonly countOf: CountOf;
  /** The all-time balance (breaks ties when both sides are even this week). */
  readonly balance: Balance;
  /** When the review is written: its `date`. */
  readonly now: Date;
  /** The week to review; `now`'s week when absent (last week on a Monday, when asked). */
  readonly week?: IsoWeek;
  /** Days without a reflection after which a trait counts as neglected (core/nextTrait). */
  readonly neglectDays?: number;
  /**
   * The path from the review's folder to an entry, `/`-separated and NOT URL-encoded (e.g.
   * `../2026/11/2026-11-27-retro #2.md`): the review encodes it. Undefined: listed without a link.
   */
  readonly relativeLink: (entryKey: string) => string | undefined;
  /** Percentage points from 50% that still count as balanced; the default when absent. */
  readonly tolerance?: number;
  /** The user's time zone: the machine's when absent. */
  readonly zone?: TimeZone;
}

/** What is shown as written, on one line, escaped only where Markdown would misread it. */
function plain(text: string): string {
  return markdownText(text);
}

/** A link destination that Markdown reads as one relative path: every segment URL-encoded. */
function linkTarget(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

function traitTags(count: number): string {
  return count === 1 ? l10n.t('1 trait tag') : l10n.t('{0} trait tags', count);
}

/** `Nov 23 – 29, 2026`: the week's Monday to Sunday, in the display language (core/dates). */
export function weekSpan(year: number, week: number): string {
  const { start } = weekRange(year, week);
  return formatWeek(start, new Date(start.getFullYear(), start.getMonth(), start.getDate() + 6));
}

/** The week's entries (not reviews), oldest first. */
function entriesOfWeek(entries: Iterable<ReviewEntry>, days: ReadonlySet<string>): ReviewEntry[] {
  const found: ReviewEntry[] = [];
  for (const entry of entries) {
    if (entry.day === undefined || !days.has(entry.day) || (entry.kind ?? noteKind(undefined, undefined, entry.tags)) !== 'entry') continue;
    found.push(entry);
  }
  const at = (entry: ReviewEntry) => (Number.isNaN(entry.time) ? -Infinity : entry.time);
  return found.sort((a, b) => a.day!.localeCompare(b.day!) || at(a) - at(b) || a.title.localeCompare(b.title) || a.key.localeCompare(b.key));
}

/** Keyed by strategy id (never translated). */
const QUESTIONS: Readonly<Record<string, (trait: Trait) => string>> = {
  'develop-dual-skills': (trait) =>
    l10n.t('What is one small thing you could do next week to practise {0}, so that your {1} skills grow alongside the other side?', trait.label, sideLabelInSentence(trait.side)),
  'foster-collaboration': (trait) => l10n.t('Who around you is strong in {0}, and how could you work with them next week to learn from it?', trait.label),
  'continuous-learning': (trait) => l10n.t('What could you read, watch or try next week to keep learning {0}, and when will you make time for it?', trait.label),
};

/** The strategy of the week: the source's three in turn, by week number. */
export function strategyOfWeek(week: number): Strategy {
  return STRATEGIES[(((week - 1) % STRATEGIES.length) + STRATEGIES.length) % STRATEGIES.length];
}

/** The strategy as a question about `trait`. */
export function strategyQuestion(strategy: Strategy, trait: Trait): string {
  const question = QUESTIONS[strategy.id];
  return question ? question(trait) : l10n.t('How could "{0}" help you practise {1} next week?', strategy.name, trait.label);
}

/** The comment lines around the part of a review that "Update Numbers" may rewrite. */
export const GENERATED_START = '<!-- balance-journal: generated; "Update Numbers" rewrites up to the end marker, never what you write below it -->';
export const GENERATED_END = '<!-- balance-journal: end of generated part -->';

/** Traits named when several tie, at most. */
const TIES_NAMED = 3;

/** `A`, `A and B`, `A, B and C`, `A, B, C and 2 more`. */
function namesWithMore(names: readonly string[]): string {
  const shown = names.slice(0, TIES_NAMED);
  const more = names.length - shown.length;
  if (more > 0) return l10n.t('{0} and {1} more', shown.join(', '), more);
  if (shown.length === 1) return shown[0];
  return l10n.t('{0} and {1}', shown.slice(0, -1).join(', '), shown[shown.length - 1]);
}

/** The week's days in local time, and its entries (reflections only), oldest first. */
function weekOf(input: WeeklyReviewInput): { year: number; week: number; entries: ReviewEntry[]; sunday: Date } {
  const zone = input.zone ?? SYSTEM_TIME_ZONE;
  const { year, week } = input.week ?? isoWeek(input.now, zone);
  // The week's calendar days do not depend on the zone: count them from its Monday in UTC.
  const monday = mondayOf(year, week);
  const days = new Set<string>();
  for (let i = 0; i < 7; i++) days.add(localDay(new Date(monday + i * DAY_MS), UTC_TIME_ZONE));
  const { end } = weekRange(year, week, zone);
  return { year, week, entries: entriesOfWeek(input.entries, days), sunday: new Date(end.getTime() - 1000) };
}

/**
 * The generated part of a review, between GENERATED_START and GENERATED_END: the week in numbers,
 * its entries, the least reflected traits, and the strategy of the week as a question about the
 * trait core/nextTrait suggests.
 */
export function reviewGeneratedPart(input: WeeklyReviewInput): string {
  const { countOf, balance, relativeLink } = input;
  const all = [...input.entries];
  const { week, entries, sunday } = weekOf({ ...input, entries: all });
  const weekCounts = new Map<string, number>();
  for (const entry of entries) {
    for (const tag of new Set(entry.tags)) weekCounts.set(tag, (weekCounts.get(tag) ?? 0) + 1);
  }
  const weekCountOf: CountOf = (tag) => weekCounts.get(tag) ?? 0;
  const weekBalance = computeBalance(weekCountOf, input.tolerance);
  // The one rule, as it stood at the end of the week (or now, for the current week).
  const reference = input.now.getTime() < sunday.getTime() ? input.now : sunday;
  const ranked = rankTraits(activityOf(all.filter(isReflection), reference), { neglectDays: input.neglectDays ?? DEFAULT_NEGLECT_DAYS });
  const rank = new Map(ranked.map((suggestion, i) => [suggestion.trait.id, i]));
  const byRule = (a: Trait, b: Trait) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0);
  const suggestion = ranked[0];
  // Weaker side this week first; when even, the weaker side of all time; when even too, leadership.
  const focusSide: Side = weakerSide(weekBalance) ?? weakerSide(balance) ?? SIDES[0];

  const lines: string[] = [GENERATED_START, ''];

  // Tallies: reflections only (reviews and reports are notes of their own kind).
  lines.push(`## ${l10n.t('This week in numbers')}`, '');
  if (entries.length === 0) lines.push(l10n.t('No entries this week yet.'));
  else lines.push(`**${pluralEntries(entries.length)}** ${l10n.t('written this week.')}`);
  lines.push('');
  if (weekBalance.total === 0) {
    lines.push(l10n.t('No trait tags this week.'));
  } else {
    lines.push(
      `- ${l10n.t('Leadership: {0} ({1}%)', traitTags(weekBalance.leadership), weekBalance.leadershipPercent)}`,
      `- ${l10n.t('Management: {0} ({1}%)', traitTags(weekBalance.management), weekBalance.managementPercent)}`,
      `- ${l10n.t('This week: {0}', stateLabel(weekBalance.state))}`,
    );
  }
  lines.push(`- ${l10n.t('All time: {0}', markdownText(describeBalance(balance)))}`, '');
  lines.push(`| ${l10n.t('Trait')} | ${l10n.t('Side')} | ${l10n.t('This week')} | ${l10n.t('All time')} |`, '| --- | --- | ---: | ---: |');
  for (const trait of allTraits()) {
    lines.push(`| ${markdownText(trait.label, 'cell')} | ${SIDE_LABELS[trait.side]} | ${weekCountOf(trait.id)} | ${countOf(trait.id)} |`);
  }
  lines.push('');

  // The week's entries.
  lines.push(`## ${l10n.t('Entries this week')}`, '');
  if (entries.length === 0) lines.push(l10n.t('None yet.'));
  for (const entry of entries) {
    const when = formatDayInWeek(entry.day!);
    const title = plain(entry.title) || l10n.t('Untitled');
    const path = relativeLink(entry.key);
    const traits = entry.tags.flatMap((tag) => traitById(tag)?.label ?? []).map((label) => markdownText(label));
    const link = path ? `[${title}](${linkTarget(path)})` : title;
    lines.push(`- ${when}: ${link}${traits.length > 0 ? ` · ${traits.join(', ')}` : ''}`);
  }
  lines.push('');

  // Least reflected, weaker side first; ties name at most three traits, in the rule's order.
  lines.push(`## ${l10n.t('Least reflected this week')}`, '');
  for (const side of [focusSide, otherSide(focusSide)]) {
    const traits = traitsOfSide(side);
    const least = Math.min(...traits.map((trait) => weekCountOf(trait.id)));
    const tied = traits.filter((trait) => weekCountOf(trait.id) === least).sort(byRule);
    const weaker = side === weakerSide(weekBalance) ? ` ${l10n.t('(the weaker side this week)')}` : '';
    let what: string;
    if (tied.length === traits.length) what = least === 0 ? l10n.t('none of its traits yet') : l10n.t('each trait in {0}', pluralEntries(least));
    else what = l10n.t('{0} ({1})', namesWithMore(tied.map((trait) => markdownText(trait.label))), tied.length === 1 ? pluralEntries(least) : l10n.t('{0} each', pluralEntries(least)));
    lines.push(`- **${SIDE_LABELS[side]}**${weaker}: ${what}`);
  }
  lines.push('');

  // One strategy from the source, in turn by week, as a question about the suggested trait.
  const strategy = strategyOfWeek(week);
  lines.push(`## ${l10n.t('Strategy of the week: {0}', markdownText(strategy.name))}`, '', `> ${markdownText(strategy.text)}`, '');
  if (suggestion) {
    lines.push(`**${markdownText(strategyQuestion(strategy, suggestion.trait))}**`, '', `*${markdownText(suggestion.why)}*`, '');
  }
  lines.push(GENERATED_END);
  return lines.join('\n');
}

function isReflection(entry: ReviewEntry): boolean {
  return (entry.kind ?? noteKind(undefined, undefined, entry.tags)) === 'entry';
}

/** The text of a week's review: YAML front matter (date, kind, tags, week), then Markdown. */
export function buildWeeklyReview(input: WeeklyReviewInput): string {
  const { year, week } = input.week ?? isoWeek(input.now, input.zone ?? SYSTEM_TIME_ZONE);
  const label = weekLabel(year, week);
  const lines: string[] = [`# ${l10n.t('Weekly review {0} ({1})', label, weekSpan(year, week))}`, '', reviewGeneratedPart(input), ''];
  // Room to write.
  for (const heading of REFLECTION_HEADINGS) lines.push(`## ${heading}`, '', '', '');
  const body = lines.join('\n').replace(/\n+$/, '\n');
  return writeFrontMatter(body, { date: localIsoTimestamp(input.now, input.zone ?? SYSTEM_TIME_ZONE), kind: 'review', tags: [WEEKLY_REVIEW_TAG], week: label });
}

/**
 * Where the generated part of a review is: the offsets of its start marker's line and just past
 * its end marker. Undefined when either marker is missing (a review from an earlier version, or
 * one whose markers were edited): then nothing is ever rewritten.
 */
export function generatedPartRange(text: string): { start: number; end: number } | undefined {
  const start = text.indexOf(GENERATED_START);
  if (start === -1 || (start > 0 && text[start - 1] !== '\n')) return undefined;
  const endMarker = text.indexOf(GENERATED_END, start);
  if (endMarker === -1 || text.indexOf(GENERATED_START, start + 1) !== -1) return undefined;
  return { start, end: endMarker + GENERATED_END.length };
}

/** `existing` with its generated part replaced by `fresh`'s, or undefined when either has none. */
export function withGeneratedPart(existing: string, freshPart: string): string | undefined {
  const range = generatedPartRange(existing);
  if (!range) return undefined;
  return existing.slice(0, range.start) + freshPart + existing.slice(range.end);
}

/**
 * The weeks Weekly Review offers on `now`: this week, and on the first `lastWeekDays` days of a
 * week (Monday first) last week too.
 */
export function reviewWeeksOffered(now: Date, lastWeekDays: number): IsoWeek[] {
  const thisWeek = isoWeek(now);
  const weekday = (now.getDay() + 6) % 7; // Monday 0
  if (!(weekday < lastWeekDays)) return [thisWeek];
  return [thisWeek, isoWeek(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 7))];
}

/** The 0-based line to start writing on: the empty line under the first reflection heading. */
export function reviewCursorLine(text: string): number | undefined {
  const lines = text.split(/\r?\n/);
  const heading = lines.indexOf(`## ${REFLECTION_HEADINGS[0]}`);
  if (heading === -1) return undefined;
  return Math.min(heading + 2, lines.length - 1);
}
