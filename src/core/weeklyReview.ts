import * as l10n from '@vscode/l10n';
import { Balance, CountOf, computeBalance, describeBalance, pluralEntries, stateLabel, weakerSide } from './balance';
import { localDay, localIsoTimestamp } from './entryFactory';
import { writeFrontMatter } from './frontMatter';
import { NoteKind, noteKind } from './noteKinds';
import { escapeMarkdown } from './hoverText';
import { SYSTEM_TIME_ZONE, TimeZone, UTC_TIME_ZONE, startOfLocalDay, wallClock } from './localTime';
import { SIDES, SIDE_LABELS, STRATEGIES, Side, Strategy, TRAITS, Trait, otherSide, sideLabelInSentence, traitById, traitsOfSide } from './traits';

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
const MONTHS = translatedList([
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
const WEEKDAYS = translatedList([
  () => l10n.t({ message: 'Mon', comment: ['Short name of Monday.'] }),
  () => l10n.t({ message: 'Tue', comment: ['Short name of Tuesday.'] }),
  () => l10n.t({ message: 'Wed', comment: ['Short name of Wednesday.'] }),
  () => l10n.t({ message: 'Thu', comment: ['Short name of Thursday.'] }),
  () => l10n.t({ message: 'Fri', comment: ['Short name of Friday.'] }),
  () => l10n.t({ message: 'Sat', comment: ['Short name of Saturday.'] }),
  () => l10n.t({ message: 'Sun', comment: ['Short name of Sunday.'] }),
]);

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
  /** Any moment of the week to review; also the review's `date`. */
  readonly now: Date;
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

/** What is shown as written: Markdown escaped, control characters (line breaks) as spaces. */
function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return escapeMarkdown(text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim());
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

/** `Mon 23`, of a UTC-midnight date standing for a calendar day. */
function dayName(date: Date): string {
  return l10n.t({ message: '{0} {1}', args: [WEEKDAYS[isoWeekday(date.getTime())], date.getUTCDate()], comment: ['A day: the short weekday, then the day of the month, e.g. "Mon 23".'] });
}

/** `Mon 23 – Sun 29 November`, `Mon 30 November – Sun 6 December`, across years with them. */
export function weekSpan(year: number, week: number): string {
  const start = new Date(mondayOf(year, week));
  const sunday = new Date(start.getTime() + 6 * DAY_MS);
  const month = (date: Date) => MONTHS[date.getUTCMonth()];
  if (start.getUTCFullYear() !== sunday.getUTCFullYear()) {
    return l10n.t({
      message: '{startDay} {startMonth} {startYear} – {endDay} {endMonth} {endYear}',
      args: { startDay: dayName(start), startMonth: month(start), startYear: start.getUTCFullYear(), endDay: dayName(sunday), endMonth: month(sunday), endYear: sunday.getUTCFullYear() },
      comment: ['A week across two years, e.g. "Mon 29 December 2025 – Sun 4 January 2026".'],
    });
  }
  if (start.getUTCMonth() !== sunday.getUTCMonth()) {
    return l10n.t({
      message: '{startDay} {startMonth} – {endDay} {endMonth}',
      args: { startDay: dayName(start), startMonth: month(start), endDay: dayName(sunday), endMonth: month(sunday) },
      comment: ['A week across two months, e.g. "Mon 30 November – Sun 6 December".'],
    });
  }
  return l10n.t({
    message: '{startDay} – {endDay} {month}',
    args: { startDay: dayName(start), endDay: dayName(sunday), month: month(sunday) },
    comment: ['A week within one month, e.g. "Mon 23 – Sun 29 November".'],
  });
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

/** Least this week first; then fewer all-time; then the source's order. */
function byNeed(weekCountOf: CountOf, countOf: CountOf): (a: Trait, b: Trait) => number {
  return (a, b) => weekCountOf(a.id) - weekCountOf(b.id) || countOf(a.id) - countOf(b.id) || TRAITS.indexOf(a) - TRAITS.indexOf(b);
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

/** The text of this week's review: YAML front matter (date, tags, week), then Markdown. */
export function buildWeeklyReview(input: WeeklyReviewInput): string {
  const { countOf, balance, now, relativeLink } = input;
  const zone = input.zone ?? SYSTEM_TIME_ZONE;
  const { year, week } = isoWeek(now, zone);
  const label = weekLabel(year, week);
  const monday = mondayOf(year, week);
  const days = new Set<string>();
  for (let i = 0; i < 7; i++) days.add(localDay(new Date(monday + i * DAY_MS), UTC_TIME_ZONE));

  const entries = entriesOfWeek(input.entries, days);
  const weekCounts = new Map<string, number>();
  for (const entry of entries) {
    for (const tag of entry.tags) weekCounts.set(tag, (weekCounts.get(tag) ?? 0) + 1);
  }
  const weekCountOf: CountOf = (tag) => weekCounts.get(tag) ?? 0;
  const weekBalance = computeBalance(weekCountOf, input.tolerance);
  // Weaker side this week; when even, the weaker side of all time; when even too, leadership.
  const focusSide: Side = weakerSide(weekBalance) ?? weakerSide(balance) ?? SIDES[0];
  const need = byNeed(weekCountOf, countOf);
  const focusTrait = [...traitsOfSide(focusSide)].sort(need)[0];

  const lines: string[] = [`# ${l10n.t('Weekly review {0} ({1})', label, weekSpan(year, week))}`, ''];

  // Tallies.
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
  lines.push(`- ${l10n.t('All time: {0}', describeBalance(balance))}`, '');
  lines.push(`| ${l10n.t('Trait')} | ${l10n.t('Side')} | ${l10n.t('This week')} | ${l10n.t('All time')} |`, '| --- | --- | ---: | ---: |');
  for (const trait of TRAITS) {
    lines.push(`| ${trait.label} | ${SIDE_LABELS[trait.side]} | ${weekCountOf(trait.id)} | ${countOf(trait.id)} |`);
  }
  lines.push('');

  // The week's entries.
  lines.push(`## ${l10n.t('Entries this week')}`, '');
  if (entries.length === 0) lines.push(l10n.t('None yet.'));
  for (const entry of entries) {
    const [y, m, d] = entry.day!.split('-').map(Number);
    const when = dayName(new Date(Date.UTC(y, m - 1, d)));
    const title = plain(entry.title) || l10n.t('Untitled');
    const path = relativeLink(entry.key);
    const traits = entry.tags.flatMap((tag) => traitById(tag)?.label ?? []);
    const link = path ? `[${title}](${linkTarget(path)})` : title;
    lines.push(`- ${when}: ${link}${traits.length > 0 ? ` · ${traits.join(', ')}` : ''}`);
  }
  lines.push('');

  // Least reflected, weaker side first.
  lines.push(`## ${l10n.t('Least reflected this week')}`, '');
  for (const side of [focusSide, otherSide(focusSide)]) {
    const traits = traitsOfSide(side);
    const least = Math.min(...traits.map((trait) => weekCountOf(trait.id)));
    const names = [...traits].filter((trait) => weekCountOf(trait.id) === least).sort(need).map((trait) => trait.label);
    const weaker = side === weakerSide(weekBalance) ? ` ${l10n.t('(the weaker side this week)')}` : '';
    lines.push(`- **${SIDE_LABELS[side]}**${weaker}: ${names.join(', ')}, ${pluralEntries(least)}`);
  }
  lines.push('');

  // One strategy from the source, in turn by week, as a question about the focus trait.
  const strategy = strategyOfWeek(week);
  lines.push(`## ${l10n.t('Strategy of the week: {0}', strategy.name)}`, '', `> ${strategy.text}`, '');
  lines.push(`**${strategyQuestion(strategy, focusTrait)}**`, '');

  // Room to write.
  for (const heading of REFLECTION_HEADINGS) lines.push(`## ${heading}`, '', '', '');

  const body = lines.join('\n').replace(/\n+$/, '\n');
  return writeFrontMatter(body, { date: localIsoTimestamp(now, zone), kind: 'review', tags: [WEEKLY_REVIEW_TAG], week: label });
}

/** The 0-based line to start writing on: the empty line under the first reflection heading. */
export function reviewCursorLine(text: string): number | undefined {
  const lines = text.split(/\r?\n/);
  const heading = lines.indexOf(`## ${REFLECTION_HEADINGS[0]}`);
  if (heading === -1) return undefined;
  return Math.min(heading + 2, lines.length - 1);
}
