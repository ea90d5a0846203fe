import * as l10n from '@vscode/l10n';
import { Balance, CountOf, computeBalance, describeBalance, pluralEntries, stateLabel, weakerSide } from './balance';
import { writeFrontMatter } from './frontMatter';
import { NoteKind, noteKind } from './noteKinds';
import { escapeMarkdown } from './hoverText';
import { MONTHS, Period, PeriodKind, inPeriod, localIsoTimestamp, parseDay, periodOf, periodSpan, previousPeriod, shortDayName, startOfDay, translatedList } from './periods';
import { SIDES, SIDE_LABELS, STRATEGIES, Side, Strategy, TRAITS, Trait, otherSide, sideLabelInSentence, traitById, traitsOfSide } from './traits';

// The reviews of a period (a week, a month, a quarter; periods.ts says what each is): its tallies
// and how they moved against the period before, links to its entries, the least reflected
// traits, and a question from one of the source's strategies for the side reflected on less.
// Pure: the VS Code layer injects the entries, the counts and how to link to an entry.

// What is here is moved from the weekly review, which stays one kind of review among three.
export { isoWeek, weekLabel, weekRange, weekSpan, weeksInYear } from './periods';
export type { IsoWeek } from './periods';

/** The tag every weekly review carries; entries with it are never counted as entries. */
export const WEEKLY_REVIEW_TAG = 'weekly-review';
export const MONTHLY_REVIEW_TAG = 'monthly-review';
export const QUARTERLY_REVIEW_TAG = 'quarterly-review';

/** The folder, below the journal folder, that keeps the reviews. */
export const REVIEWS_FOLDER = 'reviews';

/** The words that differ between a weekly, a monthly and a quarterly review. */
interface ReviewWords {
  readonly tag: string;
  readonly title: (label: string, span: string) => string;
  readonly inNumbers: () => string;
  readonly noEntries: () => string;
  readonly written: () => string;
  readonly noTraitTags: () => string;
  readonly thisPeriod: (state: string) => string;
  readonly column: () => string;
  readonly previousColumn: () => string;
  readonly against: (label: string) => string;
  readonly entriesHeading: () => string;
  readonly leastHeading: () => string;
  readonly weakerSide: () => string;
  readonly strategyHeading: (name: string) => string;
  readonly headings: readonly string[];
  /** Keyed by strategy id (never translated). */
  readonly questions: Readonly<Record<string, (trait: Trait) => string>>;
  readonly otherQuestion: (strategy: string, trait: string) => string;
}

const WORDS: Readonly<Record<PeriodKind, ReviewWords>> = {
  week: {
    tag: WEEKLY_REVIEW_TAG,
    title: (label, span) => l10n.t('Weekly review {0} ({1})', label, span),
    inNumbers: () => l10n.t('This week in numbers'),
    noEntries: () => l10n.t('No entries this week yet.'),
    written: () => l10n.t('written this week.'),
    noTraitTags: () => l10n.t('No trait tags this week.'),
    thisPeriod: (state) => l10n.t('This week: {0}', state),
    column: () => l10n.t('This week'),
    previousColumn: () => l10n.t('Last week'),
    against: (label) => l10n.t('Against last week ({0})', label),
    entriesHeading: () => l10n.t('Entries this week'),
    leastHeading: () => l10n.t('Least reflected this week'),
    weakerSide: () => l10n.t('(the weaker side this week)'),
    strategyHeading: (name) => l10n.t('Strategy of the week: {0}', name),
    headings: translatedList([
      () => l10n.t('What went well this week?'),
      () => l10n.t('What would I do differently next week?'),
      () => l10n.t('Which trait will I practise next week, and how?'),
    ]),
    questions: {
      'develop-dual-skills': (trait) =>
        l10n.t('What is one small thing you could do next week to practise {0}, so that your {1} skills grow alongside the other side?', trait.label, sideLabelInSentence(trait.side)),
      'foster-collaboration': (trait) => l10n.t('Who around you is strong in {0}, and how could you work with them next week to learn from it?', trait.label),
      'continuous-learning': (trait) => l10n.t('What could you read, watch or try next week to keep learning {0}, and when will you make time for it?', trait.label),
    },
    otherQuestion: (strategy, trait) => l10n.t('How could "{0}" help you practise {1} next week?', strategy, trait),
  },
  month: {
    tag: MONTHLY_REVIEW_TAG,
    title: (label, span) => l10n.t('Monthly review {0} ({1})', label, span),
    inNumbers: () => l10n.t('This month in numbers'),
    noEntries: () => l10n.t('No entries this month yet.'),
    written: () => l10n.t('written this month.'),
    noTraitTags: () => l10n.t('No trait tags this month.'),
    thisPeriod: (state) => l10n.t('This month: {0}', state),
    column: () => l10n.t('This month'),
    previousColumn: () => l10n.t('Last month'),
    against: (label) => l10n.t('Against last month ({0})', label),
    entriesHeading: () => l10n.t('Entries this month'),
    leastHeading: () => l10n.t('Least reflected this month'),
    weakerSide: () => l10n.t('(the weaker side this month)'),
    strategyHeading: (name) => l10n.t('Strategy of the month: {0}', name),
    headings: translatedList([
      () => l10n.t('What went well this month?'),
      () => l10n.t('What would I do differently next month?'),
      () => l10n.t('Which trait will I practise next month, and how?'),
    ]),
    questions: {
      'develop-dual-skills': (trait) =>
        l10n.t('What is one thing you could do each week next month to practise {0}, so that your {1} skills grow alongside the other side?', trait.label, sideLabelInSentence(trait.side)),
      'foster-collaboration': (trait) => l10n.t('Who around you is strong in {0}, and how could you work with them next month to learn from it?', trait.label),
      'continuous-learning': (trait) => l10n.t('What could you read, watch or try next month to keep learning {0}, and when will you make time for it?', trait.label),
    },
    otherQuestion: (strategy, trait) => l10n.t('How could "{0}" help you practise {1} next month?', strategy, trait),
  },
  quarter: {
    tag: QUARTERLY_REVIEW_TAG,
    title: (label, span) => l10n.t('Quarterly review {0} ({1})', label, span),
    inNumbers: () => l10n.t('This quarter in numbers'),
    noEntries: () => l10n.t('No entries this quarter yet.'),
    written: () => l10n.t('written this quarter.'),
    noTraitTags: () => l10n.t('No trait tags this quarter.'),
    thisPeriod: (state) => l10n.t('This quarter: {0}', state),
    column: () => l10n.t('This quarter'),
    previousColumn: () => l10n.t('Last quarter'),
    against: (label) => l10n.t('Against last quarter ({0})', label),
    entriesHeading: () => l10n.t('Entries this quarter'),
    leastHeading: () => l10n.t('Least reflected this quarter'),
    weakerSide: () => l10n.t('(the weaker side this quarter)'),
    strategyHeading: (name) => l10n.t('Strategy of the quarter: {0}', name),
    headings: translatedList([
      () => l10n.t('What went well this quarter?'),
      () => l10n.t('What would I do differently next quarter?'),
      () => l10n.t('Which trait will I practise next quarter, and how?'),
    ]),
    questions: {
      'develop-dual-skills': (trait) =>
        l10n.t('What habit could you build next quarter to practise {0}, so that your {1} skills grow alongside the other side?', trait.label, sideLabelInSentence(trait.side)),
      'foster-collaboration': (trait) => l10n.t('Who around you is strong in {0}, and how could you work with them next quarter to learn from it?', trait.label),
      'continuous-learning': (trait) => l10n.t('Which course, book or project could help you keep learning {0} next quarter, and when will you make time for it?', trait.label),
    },
    otherQuestion: (strategy, trait) => l10n.t('How could "{0}" help you practise {1} next quarter?', strategy, trait),
  },
};

/** The weekly review's headings the user writes under; the cursor starts under the first. */
export const REFLECTION_HEADINGS: readonly string[] = WORDS.week.headings;

/** The headings of a kind of review. */
export function reflectionHeadings(kind: PeriodKind): readonly string[] {
  return WORDS[kind].headings;
}

/** The tag a kind of review carries in its front matter (beside `kind: review`). */
export function reviewTag(kind: PeriodKind): string {
  return WORDS[kind].tag;
}

/** Where a review goes, relative to the journal folder: `['reviews', '2026-W05.md']`, `2026-05.md`, `2026-Q2.md`. */
export function periodReviewPath(period: Period): string[] {
  return [REVIEWS_FOLDER, `${period.label}.md`];
}

/** Where the weekly review goes: `['reviews', '2026-W05.md']`. */
export function reviewPath(year: number, week: number): string[] {
  return [REVIEWS_FOLDER, `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}.md`];
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

export interface ReviewInput {
  /** Every entry of the journal; the review picks the period's own. */
  readonly entries: Iterable<ReviewEntry>;
  /** All-time count of entries per tag. */
  readonly countOf: CountOf;
  /** The all-time balance (breaks ties when both sides are even in the period). */
  readonly balance: Balance;
  /** Any moment of the period to review; also the review's `date`. */
  readonly now: Date;
  /**
   * The path from the review's folder to an entry, `/`-separated and NOT URL-encoded (e.g.
   * `../2026/11/2026-11-27-retro #2.md`): the review encodes it. Undefined: listed without a link.
   */
  readonly relativeLink: (entryKey: string) => string | undefined;
  /** Percentage points from 50% that still count as balanced; the default when absent. */
  readonly tolerance?: number;
}

/** The weekly review's input (the week is the one of `now`). */
export type WeeklyReviewInput = ReviewInput;

export interface PeriodReviewInput extends ReviewInput {
  readonly kind: PeriodKind;
  /** The month (1–12) the fiscal year starts in, for quarters; January when absent. */
  readonly fiscalYearStartMonth?: number;
}

/** What is shown as written: Markdown escaped, control characters (line breaks) as spaces. */
function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return escapeMarkdown(text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim());
}

/** A link destination that Markdown reads as one relative path: every segment URL-encoded. */
export function linkTarget(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

function traitTags(count: number): string {
  return count === 1 ? l10n.t('1 trait tag') : l10n.t('{0} trait tags', count);
}

/** `+2`, `-1`, `±0`. */
function change(now: number, before: number): string {
  const delta = now - before;
  return delta > 0 ? `+${delta}` : delta < 0 ? `-${-delta}` : '±0';
}

/** The period's entries (not reviews), oldest first. */
function entriesOfPeriod(entries: Iterable<ReviewEntry>, period: Period): ReviewEntry[] {
  const found: ReviewEntry[] = [];
  for (const entry of entries) {
    if (!inPeriod(period, entry.day) || (entry.kind ?? noteKind(undefined, undefined, entry.tags)) !== 'entry') continue;
    found.push(entry);
  }
  const at = (entry: ReviewEntry) => (Number.isNaN(entry.time) ? -Infinity : entry.time);
  return found.sort((a, b) => a.day!.localeCompare(b.day!) || at(a) - at(b) || a.title.localeCompare(b.title) || a.key.localeCompare(b.key));
}

interface Tally {
  readonly entries: ReviewEntry[];
  readonly countOf: CountOf;
  readonly balance: Balance;
}

function tally(entries: Iterable<ReviewEntry>, period: Period, tolerance: number | undefined): Tally {
  const found = entriesOfPeriod(entries, period);
  const counts = new Map<string, number>();
  for (const entry of found) {
    for (const tag of entry.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  const countOf: CountOf = (tag) => counts.get(tag) ?? 0;
  return { entries: found, countOf, balance: computeBalance(countOf, tolerance) };
}

/** Least in the period first; then fewer all-time; then the source's order. */
function byNeed(periodCountOf: CountOf, countOf: CountOf): (a: Trait, b: Trait) => number {
  return (a, b) => periodCountOf(a.id) - periodCountOf(b.id) || countOf(a.id) - countOf(b.id) || TRAITS.indexOf(a) - TRAITS.indexOf(b);
}

/** The strategy of a period: the source's three in turn, by week, month or quarter number. */
export function strategyOfPeriod(number: number): Strategy {
  return STRATEGIES[(((number - 1) % STRATEGIES.length) + STRATEGIES.length) % STRATEGIES.length];
}

/** The strategy of the week: the source's three in turn, by week number. */
export const strategyOfWeek = strategyOfPeriod;

/** The strategy as a question about `trait`, looking ahead to the next week, month or quarter. */
export function strategyQuestion(strategy: Strategy, trait: Trait, kind: PeriodKind = 'week'): string {
  const words = WORDS[kind];
  const question = words.questions[strategy.id];
  return question ? question(trait) : words.otherQuestion(strategy.name, trait.label);
}

/** How an entry's day is shown: `Tue 24` in a week or a month, `Tue 24 November` in a quarter. */
function entryDay(day: string, kind: PeriodKind): string {
  const date = startOfDay(parseDay(day)!);
  return kind === 'quarter' ? `${shortDayName(date)} ${MONTHS[date.getMonth()]}` : shortDayName(date);
}

/** The text of this week's review: YAML front matter (date, kind, tags, week), then Markdown. */
export function buildWeeklyReview(input: WeeklyReviewInput): string {
  return buildPeriodReview({ ...input, kind: 'week' });
}

/**
 * The text of the review of the week, month or quarter holding `now`: YAML front matter (date,
 * kind, tags, and `week`, `month` or `quarter`), then Markdown.
 */
export function buildPeriodReview(input: PeriodReviewInput): string {
  const { countOf, balance, now, relativeLink, kind, tolerance } = input;
  const words = WORDS[kind];
  const period = periodOf(kind, now, input.fiscalYearStartMonth);
  const previous = previousPeriod(period);
  const all = [...input.entries];
  const current = tally(all, period, tolerance);
  const before = tally(all, previous, tolerance);
  const periodCountOf = current.countOf;
  const periodBalance = current.balance;
  const entries = current.entries;
  // Weaker side in the period; when even, the weaker side of all time; when even too, leadership.
  const focusSide: Side = weakerSide(periodBalance) ?? weakerSide(balance) ?? SIDES[0];
  const need = byNeed(periodCountOf, countOf);
  const focusTrait = [...traitsOfSide(focusSide)].sort(need)[0];

  const lines: string[] = [`# ${words.title(period.label, periodSpan(period))}`, ''];

  // Tallies, and how they moved.
  lines.push(`## ${words.inNumbers()}`, '');
  if (entries.length === 0) lines.push(words.noEntries());
  else lines.push(`**${pluralEntries(entries.length)}** ${words.written()}`);
  lines.push('');
  if (periodBalance.total === 0) {
    lines.push(words.noTraitTags());
  } else {
    lines.push(
      `- ${l10n.t('Leadership: {0} ({1}%)', traitTags(periodBalance.leadership), periodBalance.leadershipPercent)}`,
      `- ${l10n.t('Management: {0} ({1}%)', traitTags(periodBalance.management), periodBalance.managementPercent)}`,
      `- ${words.thisPeriod(stateLabel(periodBalance.state))}`,
    );
  }
  const b = before.balance;
  lines.push(
    `- ${words.against(previous.label)}: ${l10n.t(
      'entries {0} → {1} ({2}), leadership {3} → {4} ({5}), management {6} → {7} ({8})',
      before.entries.length,
      entries.length,
      change(entries.length, before.entries.length),
      b.leadership,
      periodBalance.leadership,
      change(periodBalance.leadership, b.leadership),
      b.management,
      periodBalance.management,
      change(periodBalance.management, b.management),
    )}`,
  );
  lines.push(`- ${l10n.t('All time: {0}', describeBalance(balance))}`, '');
  lines.push(
    `| ${l10n.t('Trait')} | ${l10n.t('Side')} | ${words.column()} | ${l10n.t('All time')} | ${words.previousColumn()} | ${l10n.t('Change')} |`,
    '| --- | --- | ---: | ---: | ---: | ---: |',
  );
  for (const trait of TRAITS) {
    const [now, then] = [periodCountOf(trait.id), before.countOf(trait.id)];
    lines.push(`| ${trait.label} | ${SIDE_LABELS[trait.side]} | ${now} | ${countOf(trait.id)} | ${then} | ${change(now, then)} |`);
  }
  lines.push('');

  // The period's entries.
  lines.push(`## ${words.entriesHeading()}`, '');
  if (entries.length === 0) lines.push(l10n.t('None yet.'));
  for (const entry of entries) {
    const title = plain(entry.title) || l10n.t('Untitled');
    const path = relativeLink(entry.key);
    const traits = entry.tags.flatMap((tag) => traitById(tag)?.label ?? []);
    const link = path ? `[${title}](${linkTarget(path)})` : title;
    lines.push(`- ${entryDay(entry.day!, kind)}: ${link}${traits.length > 0 ? ` · ${traits.join(', ')}` : ''}`);
  }
  lines.push('');

  // Least reflected, weaker side first.
  lines.push(`## ${words.leastHeading()}`, '');
  for (const side of [focusSide, otherSide(focusSide)]) {
    const traits = traitsOfSide(side);
    const least = Math.min(...traits.map((trait) => periodCountOf(trait.id)));
    const names = [...traits].filter((trait) => periodCountOf(trait.id) === least).sort(need).map((trait) => trait.label);
    const weaker = side === weakerSide(periodBalance) ? ` ${words.weakerSide()}` : '';
    lines.push(`- **${SIDE_LABELS[side]}**${weaker}: ${names.join(', ')}, ${pluralEntries(least)}`);
  }
  lines.push('');

  // One strategy from the source, in turn by period number, as a question about the focus trait.
  const strategy = strategyOfPeriod(period.number);
  lines.push(`## ${words.strategyHeading(strategy.name)}`, '', `> ${strategy.text}`, '');
  lines.push(`**${strategyQuestion(strategy, focusTrait, kind)}**`, '');

  // Room to write.
  for (const heading of words.headings) lines.push(`## ${heading}`, '', '', '');

  const body = lines.join('\n').replace(/\n+$/, '\n');
  return writeFrontMatter(body, { date: localIsoTimestamp(now), kind: 'review', tags: [words.tag], [kind]: period.label });
}

/** The 0-based line to start writing on: the empty line under the first reflection heading of any kind of review. */
export function reviewCursorLine(text: string): number | undefined {
  const lines = text.split(/\r?\n/);
  const firsts = new Set(Object.values(WORDS).map((words) => `## ${words.headings[0]}`));
  const heading = lines.findIndex((line) => firsts.has(line));
  if (heading === -1) return undefined;
  return Math.min(heading + 2, lines.length - 1);
}
