import * as l10n from '@vscode/l10n';
import { Balance, CountOf, computeBalance, describeBalance, pluralEntries, stateLabel, weakerSide } from './balance';
import { formatDayInWeek } from './dates';
import { localIsoTimestamp } from './entryFactory';
import { writeFrontMatter } from './frontMatter';
import { markdownText } from './markdownText';
import { activityOf, rankTraits } from './nextTrait';
import { NoteKind, noteKind } from './noteKinds';
import { SYSTEM_TIME_ZONE, TimeZone } from './localTime';
import { IsoWeek, Period, PeriodKind, dayString, isoWeekOfDay, localDayNumber, periodOf, periodSpan, previousPeriod, startOfDay, weekLabel, weekPeriod, weekdayOf } from './periods';
import { DEFAULT_NEGLECT_DAYS } from './reflection';
import type { ReportGoal } from './reportGoals';
import { MONTHLY_REVIEW_TAG, QUARTERLY_REVIEW_TAG, REVIEWS_FOLDER, WEEKLY_REVIEW_TAG, WORDS } from './reviewWords';
import { SIDES, SIDE_LABELS, STRATEGIES, Side, Strategy, allTraits, Trait, otherSide, traitById, traitsOfSide } from './traits';

// The reviews of a period (a week, a month or a quarter: core/periods says what each is): its
// tallies (and, for a month or a quarter, how they moved against the period before), links to
// its entries, the least reflected traits, and a question from one of the source's strategies
// about the trait core/nextTrait suggests. Pure: the VS Code layer injects the entries, the
// counts and how to link from the review to an entry.

export { MONTHLY_REVIEW_TAG, QUARTERLY_REVIEW_TAG, REVIEWS_FOLDER, WEEKLY_REVIEW_TAG };

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

/** Where the weekly review goes, relative to the journal folder: `['reviews', '2026-W05.md']`. */
export function reviewPath(year: number, week: number): string[] {
  return [REVIEWS_FOLDER, `${weekLabel(year, week)}.md`];
}

/** Where a review goes, relative to the journal folder: `['reviews', '2026-W05.md']`, `2026-05.md`, `2026-Q2.md`. */
export function periodReviewPath(period: Period): string[] {
  return [REVIEWS_FOLDER, `${period.label}.md`];
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
  /** Its task items (core/commitments), when it has some: a month's or a quarter's review counts them. */
  readonly commitments?: readonly { readonly text: string; readonly done: boolean }[];
}

export interface WeeklyReviewInput {
  /** Every entry of the journal; the review picks the period's own. */
  readonly entries: Iterable<ReviewEntry>;
  /** All-time count of entries per tag. */
  readonly countOf: CountOf;
  /** The all-time balance (breaks ties when both sides are even in the period). */
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

export interface PeriodReviewInput extends WeeklyReviewInput {
  readonly kind: PeriodKind;
  /** The period to review; `now`'s (or `week`'s) when absent. */
  readonly period?: Period;
  /** The month (1–12) the fiscal year starts in, for quarters; January when absent. */
  readonly fiscalYearStartMonth?: number;
  /** The open goals and their progress (core/reportGoals), for a month's or a quarter's review. */
  readonly goals?: readonly ReportGoal[];
  /** Feedback notes (kind feedback), for a month's or a quarter's review: it lists the period's. */
  readonly feedback?: Iterable<ReviewEntry>;
}

/** The period a review covers: the one given, else `week`'s, else `now`'s. */
export function reviewPeriod(input: PeriodReviewInput): Period {
  if (input.period) return input.period;
  if (input.kind === 'week' && input.week) return weekPeriod(input.week.year, input.week.week);
  return periodOf(input.kind, input.now, input.fiscalYearStartMonth, input.zone ?? SYSTEM_TIME_ZONE);
}

/** What is shown as written, on one line, escaped only where Markdown would misread it. */
function plain(text: string): string {
  return markdownText(text);
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
  const [first, last] = [dayString(period.firstDay), dayString(period.endDay - 1)];
  const found: ReviewEntry[] = [];
  for (const entry of entries) {
    // `YYYY-MM-DD` days compare as strings.
    if (entry.day === undefined || entry.day < first || entry.day > last || !/^\d{4}-\d{2}-\d{2}$/.test(entry.day) || !isReflection(entry)) continue;
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

function tally(entries: readonly ReviewEntry[], period: Period, tolerance: number | undefined): Tally {
  const found = entriesOfPeriod(entries, period);
  const counts = new Map<string, number>();
  for (const entry of found) {
    for (const tag of new Set(entry.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  const countOf: CountOf = (tag) => counts.get(tag) ?? 0;
  return { entries: found, countOf, balance: computeBalance(countOf, tolerance) };
}

/** The strategy of a period: the source's three in turn, by week, month or quarter number. */
export function strategyOfPeriod(number: number): Strategy {
  return STRATEGIES[(((number - 1) % STRATEGIES.length) + STRATEGIES.length) % STRATEGIES.length];
}

/** The strategy of the week: the source's three in turn, by week number. */
export function strategyOfWeek(week: number): Strategy {
  return strategyOfPeriod(week);
}

/** The strategy as a question about `trait`, looking ahead to the next week, month or quarter. */
export function strategyQuestion(strategy: Strategy, trait: Trait, kind: PeriodKind = 'week'): string {
  const words = WORDS[kind];
  const question = words.questions[strategy.id];
  return question ? question(trait) : words.otherQuestion(strategy.name, trait.label);
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

/** The period's feedback notes, oldest first. */
function feedbackOfPeriod(notes: Iterable<ReviewEntry>, period: Period): ReviewEntry[] {
  const [first, last] = [dayString(period.firstDay), dayString(period.endDay - 1)];
  const found = [...notes].filter((note) => note.day !== undefined && note.day >= first && note.day <= last && /^\d{4}-\d{2}-\d{2}$/.test(note.day));
  return found.sort((a, b) => a.day!.localeCompare(b.day!) || a.title.localeCompare(b.title) || a.key.localeCompare(b.key));
}

/**
 * A month's or a quarter's goals (with their progress now), the commitments its entries made
 * (and how many are done), and the feedback received in it. Never a `- [ ]` line: a review's own
 * text is not a commitment.
 */
function goalsCommitmentsFeedback(input: PeriodReviewInput, period: Period, entries: readonly ReviewEntry[], link: (entry: ReviewEntry) => string): string[] {
  const lines: string[] = [`## ${l10n.t('Goals, commitments and feedback')}`, '', `**${l10n.t('Goals')}**`, ''];
  const goals = input.goals ?? [];
  if (goals.length === 0) lines.push(l10n.t('No open goals.'));
  for (const { label, progress } of goals) {
    const text = markdownText(progress.goal.text);
    lines.push(`- ${markdownText(label)}${text ? `: ${text}` : ''} · ${markdownText(progress.label)}`);
  }
  const made = entries.flatMap((entry) => (entry.commitments ?? []).map((commitment) => ({ entry, commitment })));
  const done = made.filter(({ commitment }) => commitment.done).length;
  lines.push('', `**${l10n.t('Commitments')}**`, '');
  if (made.length === 0) lines.push(l10n.t('None made in these entries.'));
  else lines.push(l10n.t('{0} made in these entries, {1} done, {2} still open.', made.length, done, made.length - done));
  for (const { entry, commitment } of made) {
    if (!commitment.done) lines.push(`- ${l10n.t('Open: {0} (from {1})', markdownText(commitment.text), link(entry))}`);
  }
  const feedback = feedbackOfPeriod(input.feedback ?? [], period);
  lines.push('', `**${l10n.t('Feedback received')}**`, '');
  if (feedback.length === 0) lines.push(l10n.t('None in this period.'));
  for (const note of feedback) {
    const traits = note.tags.flatMap((tag) => traitById(tag)?.label ?? []).map((label) => markdownText(label));
    lines.push(`- ${formatDayInWeek(note.day!)}: ${link(note)}${traits.length > 0 ? ` · ${traits.join(', ')}` : ''}`);
  }
  lines.push('');
  return lines;
}

/**
 * The generated part of a review, between GENERATED_START and GENERATED_END: the period in
 * numbers (for a month or a quarter, against the one before), its entries, the least reflected
 * traits, and the strategy of the period as a question about the trait core/nextTrait suggests.
 */
export function reviewGeneratedPart(input: WeeklyReviewInput | PeriodReviewInput): string {
  const kind: PeriodKind = 'kind' in input ? input.kind : 'week';
  const { countOf, balance, relativeLink } = input;
  const words = WORDS[kind];
  const zone = input.zone ?? SYSTEM_TIME_ZONE;
  const all = [...input.entries];
  const period = reviewPeriod({ ...input, kind });
  const current = tally(all, period, input.tolerance);
  const { entries, countOf: periodCountOf, balance: periodBalance } = current;
  // The one rule, as it stood at the end of the period (or now, for the current period).
  const last = new Date(startOfDay(period.endDay, zone).getTime() - 1000);
  const reference = input.now.getTime() < last.getTime() ? input.now : last;
  const ranked = rankTraits(activityOf(all.filter(isReflection), reference, zone), { neglectDays: input.neglectDays ?? DEFAULT_NEGLECT_DAYS });
  const rank = new Map(ranked.map((suggestion, i) => [suggestion.trait.id, i]));
  const byRule = (a: Trait, b: Trait) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0);
  const suggestion = ranked[0];
  // Weaker side in the period first; when even, the weaker side of all time; when even too, leadership.
  const focusSide: Side = weakerSide(periodBalance) ?? weakerSide(balance) ?? SIDES[0];
  // A month or a quarter says how it moved against the one before; a week stands on its own.
  const previous = kind === 'week' ? undefined : previousPeriod(period);
  const before = previous && tally(all, previous, input.tolerance);

  const lines: string[] = [GENERATED_START, ''];

  // Tallies: reflections only (reviews and reports are notes of their own kind).
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
  if (previous && before) {
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
  }
  lines.push(`- ${l10n.t('All time: {0}', markdownText(describeBalance(balance)))}`, '');
  if (before) {
    lines.push(
      `| ${l10n.t('Trait')} | ${l10n.t('Side')} | ${words.column()} | ${l10n.t('All time')} | ${words.previousColumn()} | ${l10n.t('Change')} |`,
      '| --- | --- | ---: | ---: | ---: | ---: |',
    );
    for (const trait of allTraits()) {
      const [now, then] = [periodCountOf(trait.id), before.countOf(trait.id)];
      lines.push(`| ${markdownText(trait.label, 'cell')} | ${SIDE_LABELS[trait.side]} | ${now} | ${countOf(trait.id)} | ${then} | ${change(now, then)} |`);
    }
  } else {
    lines.push(`| ${l10n.t('Trait')} | ${l10n.t('Side')} | ${words.column()} | ${l10n.t('All time')} |`, '| --- | --- | ---: | ---: |');
    for (const trait of allTraits()) {
      lines.push(`| ${markdownText(trait.label, 'cell')} | ${SIDE_LABELS[trait.side]} | ${periodCountOf(trait.id)} | ${countOf(trait.id)} |`);
    }
  }
  lines.push('');

  // The period's entries.
  const linked = (note: ReviewEntry) => {
    const title = plain(note.title) || l10n.t('Untitled');
    const path = relativeLink(note.key);
    return path ? `[${title}](${linkTarget(path)})` : title;
  };
  lines.push(`## ${words.entriesHeading()}`, '');
  if (entries.length === 0) lines.push(l10n.t('None yet.'));
  for (const entry of entries) {
    const when = formatDayInWeek(entry.day!);
    const traits = entry.tags.flatMap((tag) => traitById(tag)?.label ?? []).map((label) => markdownText(label));
    lines.push(`- ${when}: ${linked(entry)}${traits.length > 0 ? ` · ${traits.join(', ')}` : ''}`);
  }
  lines.push('');

  // A month or a quarter: goals, commitments and feedback too (a week stays short).
  if (kind !== 'week') lines.push(...goalsCommitmentsFeedback({ ...input, kind }, period, entries, linked));

  // Least reflected, weaker side first; ties name at most three traits, in the rule's order.
  lines.push(`## ${words.leastHeading()}`, '');
  for (const side of [focusSide, otherSide(focusSide)]) {
    const traits = traitsOfSide(side);
    const least = Math.min(...traits.map((trait) => periodCountOf(trait.id)));
    const tied = traits.filter((trait) => periodCountOf(trait.id) === least).sort(byRule);
    const weaker = side === weakerSide(periodBalance) ? ` ${words.weakerSide()}` : '';
    let what: string;
    if (tied.length === traits.length) what = least === 0 ? l10n.t('none of its traits yet') : l10n.t('each trait in {0}', pluralEntries(least));
    else what = l10n.t('{0} ({1})', namesWithMore(tied.map((trait) => markdownText(trait.label))), tied.length === 1 ? pluralEntries(least) : l10n.t('{0} each', pluralEntries(least)));
    lines.push(`- **${SIDE_LABELS[side]}**${weaker}: ${what}`);
  }
  lines.push('');

  // One strategy from the source, in turn by period number, as a question about the suggested trait.
  const strategy = strategyOfPeriod(period.number);
  lines.push(`## ${words.strategyHeading(markdownText(strategy.name))}`, '', `> ${markdownText(strategy.text)}`, '');
  if (suggestion) {
    lines.push(`**${markdownText(strategyQuestion(strategy, suggestion.trait, kind))}**`, '', `*${markdownText(suggestion.why)}*`, '');
  }
  lines.push(GENERATED_END);
  return lines.join('\n');
}

function isReflection(entry: ReviewEntry): boolean {
  return (entry.kind ?? noteKind(undefined, undefined, entry.tags)) === 'entry';
}

/** The text of a week's review: YAML front matter (date, kind, tags, week), then Markdown. */
export function buildWeeklyReview(input: WeeklyReviewInput): string {
  return buildPeriodReview({ ...input, kind: 'week' });
}

/**
 * The text of the review of a week, a month or a quarter: YAML front matter (date, kind, tags,
 * and `week`, `month` or `quarter`), then Markdown.
 */
export function buildPeriodReview(input: PeriodReviewInput): string {
  const words = WORDS[input.kind];
  const period = reviewPeriod(input);
  const lines: string[] = [`# ${words.title(period.label, periodSpan(period))}`, '', reviewGeneratedPart({ ...input, period }), ''];
  // Room to write.
  for (const heading of words.headings) lines.push(`## ${heading}`, '', '', '');
  const body = lines.join('\n').replace(/\n+$/, '\n');
  return writeFrontMatter(body, { date: localIsoTimestamp(input.now, input.zone ?? SYSTEM_TIME_ZONE), kind: 'review', tags: [words.tag], [input.kind]: period.label });
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
export function reviewWeeksOffered(now: Date, lastWeekDays: number, zone: TimeZone = SYSTEM_TIME_ZONE): IsoWeek[] {
  const today = localDayNumber(now.getTime(), zone);
  const thisWeek = isoWeekOfDay(today);
  if (!(weekdayOf(today) < lastWeekDays)) return [thisWeek];
  return [thisWeek, isoWeekOfDay(today - 7)];
}

/** The 0-based line to start writing on: the empty line under the first reflection heading of any kind of review. */
export function reviewCursorLine(text: string): number | undefined {
  const lines = text.split(/\r?\n/);
  const firsts = new Set(Object.values(WORDS).map((words) => `## ${words.headings[0]}`));
  const heading = lines.findIndex((line) => firsts.has(line));
  if (heading === -1) return undefined;
  return Math.min(heading + 2, lines.length - 1);
}
