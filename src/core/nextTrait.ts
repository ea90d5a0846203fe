// THE rule for "what to reflect on next": the report's focus, the hover's "Try next", the Balance
// tooltip, the order of tag completion and the weekly review's question all ask it, so they never
// disagree. Pure: the clock and the journal are handed in.
//
// The rule, in order of what weighs most:
//   1. never the trait being hovered, and a trait reflected on today only when nothing else is left;
//   2. the weaker side first: the side with fewer trait tags in the last four weeks (recent weeks
//      weigh over all time; all time decides only when the last four weeks are even);
//   3. a neglected trait first (none for `neglectDays` days, or never);
//   4. fewer entries in the last four weeks;
//   5. longer since it was last reflected on (never is longest);
//   6. fewer entries of all time; then the source's order.

import * as l10n from '@vscode/l10n';
import { pluralEntries } from './balance';
import { SYSTEM_TIME_ZONE, TimeZone, localDayNumber } from './localTime';
import { DEFAULT_NEGLECT_DAYS } from './reflection';
import { SIDES, Side, allTraits, Trait, sideLabelInSentence } from './traits';

/** The recent weeks that weigh over all time. */
export const RECENT_WEEKS = 4;
const RECENT_DAYS = RECENT_WEEKS * 7;

/** How one trait stands in the journal at a moment. */
export interface TraitActivity {
  readonly trait: Trait;
  /** Entries of all time. */
  readonly count: number;
  /** Entries in the last four weeks: today and the 27 days before it. */
  readonly recent: number;
  /**
   * Whole local days since the newest dated entry (0: today); undefined when none is dated. An
   * entry dated after `now` counts as today.
   */
  readonly daysSince: number | undefined;
}

/** A dated note, as the index keeps it. */
export interface DatedEntry {
  /** Epoch milliseconds; NaN when the entry has no readable date. */
  readonly time: number;
}

/** What the rule reads from a journal: `JournalIndex` fits. */
export interface ActivitySource {
  countOf(tag: string): number;
  /** Reflections carrying `tag`, newest first. */
  entriesTagged(tag: string): readonly DatedEntry[];
}

/**
 * Every trait's activity from the index: its newest entries only (those of the last four weeks
 * and the first dated one), never a walk over the journal. Days are local days in `zone`
 * (core/localTime): the machine's unless a review or report passes its own.
 */
export function traitActivity(source: ActivitySource, now: Date | number, zone: TimeZone = SYSTEM_TIME_ZONE): TraitActivity[] {
  const today = localDayNumber(new Date(now).getTime(), zone);
  return allTraits().map((trait) => {
    let recent = 0;
    let daysSince: number | undefined;
    for (const entry of source.entriesTagged(trait.id)) {
      if (Number.isNaN(entry.time)) continue; // undated entries sort last: nothing newer follows
      const days = Math.max(0, today - localDayNumber(entry.time, zone));
      daysSince ??= days;
      if (days >= RECENT_DAYS) break;
      recent++;
    }
    return { trait, count: source.countOf(trait.id), recent, daysSince };
  });
}

/** The same from a list of reflections (one workspace folder's, for the weekly review). */
export function activityOf(entries: Iterable<DatedEntry & { readonly tags: readonly string[] }>, now: Date | number, zone: TimeZone = SYSTEM_TIME_ZONE): TraitActivity[] {
  const today = localDayNumber(new Date(now).getTime(), zone);
  const byTrait = new Map<string, { count: number; recent: number; daysSince: number | undefined }>(allTraits().map((trait) => [trait.id, { count: 0, recent: 0, daysSince: undefined }]));
  for (const entry of entries) {
    const days = Number.isNaN(entry.time) ? undefined : Math.max(0, today - localDayNumber(entry.time, zone));
    for (const tag of new Set(entry.tags)) {
      const tally = byTrait.get(tag);
      if (!tally) continue;
      tally.count++;
      if (days === undefined) continue;
      if (days < RECENT_DAYS) tally.recent++;
      if (tally.daysSince === undefined || days < tally.daysSince) tally.daysSince = days;
    }
  }
  return allTraits().map((trait) => ({ trait, ...byTrait.get(trait.id)! }));
}

/** Not reflected on for `neglectDays` or more, or never. Entries without a date are not "never". */
export function isNeglected(activity: TraitActivity, neglectDays = DEFAULT_NEGLECT_DAYS): boolean {
  if (activity.daysSince === undefined) return activity.count === 0;
  return activity.daysSince >= neglectDays;
}

export type WeakerSideBasis = 'recent' | 'allTime';

/**
 * The side with fewer trait tags in the last four weeks; when they are even there, the side with
 * fewer of all time; undefined when even both ways.
 */
export function weakerSideOf(activity: readonly TraitActivity[]): { side: Side; basis: WeakerSideBasis } | undefined {
  const sum = (side: Side, key: 'recent' | 'count') => activity.reduce((total, a) => total + (a.trait.side === side ? a[key] : 0), 0);
  for (const [key, basis] of [['recent', 'recent'], ['count', 'allTime']] as const) {
    const [leadership, management] = SIDES.map((side) => sum(side, key));
    if (leadership !== management) return { side: leadership < management ? 'leadership' : 'management', basis };
  }
  return undefined;
}

export interface NextTraitOptions {
  /** Days without a reflection after which a trait counts as neglected. */
  readonly neglectDays?: number;
  /** A trait never to suggest: the one being hovered. */
  readonly exclude?: string;
}

export interface Suggestion {
  readonly trait: Trait;
  readonly activity: TraitActivity;
  readonly neglected: boolean;
  /** Reflected on today: suggested only when nothing else is left. */
  readonly today: boolean;
  /** The side the rule leaned to, if any (see weakerSideOf). */
  readonly weakerSide: Side | undefined;
  /** One sentence: why this trait. */
  readonly why: string;
}

/**
 * Every trait (but `exclude`) in the order the rule prefers them, best first; the traits reflected
 * on today come last. Completion offers them in this order; the first is the suggestion.
 */
export function rankTraits(activity: readonly TraitActivity[], options: NextTraitOptions = {}): Suggestion[] {
  const neglectDays = options.neglectDays ?? DEFAULT_NEGLECT_DAYS;
  const weaker = weakerSideOf(activity);
  const order = new Map(allTraits().map((trait, i) => [trait.id, i]));
  const since = (a: TraitActivity) => (a.daysSince === undefined ? (a.count === 0 ? Infinity : -1) : a.daysSince);
  const ranked = activity
    .filter((a) => a.trait.id !== options.exclude)
    .map((a) => ({ a, neglected: isNeglected(a, neglectDays), today: a.daysSince === 0 }))
    .sort(
      (x, y) =>
        Number(x.today) - Number(y.today) ||
        Number(x.a.trait.side !== weaker?.side) - Number(y.a.trait.side !== weaker?.side) ||
        Number(!x.neglected) - Number(!y.neglected) ||
        x.a.recent - y.a.recent ||
        since(y.a) - since(x.a) ||
        x.a.count - y.a.count ||
        (order.get(x.a.trait.id) ?? 0) - (order.get(y.a.trait.id) ?? 0),
    );
  return ranked.map(({ a, neglected, today }) => ({
    trait: a.trait,
    activity: a,
    neglected,
    today,
    weakerSide: weaker?.side,
    why: whyOf(a, neglected, weaker),
  }));
}

/** The trait to reflect on next, with why; undefined only when there is no trait to suggest. */
export function nextTrait(activity: readonly TraitActivity[], options: NextTraitOptions = {}): Suggestion | undefined {
  return rankTraits(activity, options)[0];
}

/** `3 weeks`, `10 days`: how long ago, in words a sentence can hold. */
export function durationSince(days: number): string {
  if (days >= 14) return l10n.t('{0} weeks', Math.floor(days / 7));
  return days === 1 ? l10n.t('1 day') : l10n.t('{0} days', days);
}

function whyOf(activity: TraitActivity, neglected: boolean, weaker: { side: Side; basis: WeakerSideBasis } | undefined): string {
  const { trait } = activity;
  const onWeakerSide = weaker !== undefined && weaker.side === trait.side;
  const side = sideLabelInSentence(trait.side);
  // What is true of the trait itself.
  let state: string;
  if (activity.count === 0) state = l10n.t('{0} has no entries yet', trait.label);
  else if (neglected && activity.daysSince !== undefined) state = l10n.t('you last reflected on {0} {1} ago', trait.label, durationSince(activity.daysSince));
  else if (activity.daysSince === 0) state = l10n.t('you reflected on {0} today, and every other trait too', trait.label);
  else state = l10n.t('{0} has {1} in the last four weeks, fewer than the rest', trait.label, pluralEntries(activity.recent));
  // Why its side.
  let because: string;
  if (!weaker) because = l10n.t('both sides are even');
  else if (!onWeakerSide) because = l10n.t('every {0} trait has been written about today', sideLabelInSentence(weaker.side));
  else if (weaker.basis === 'recent') because = l10n.t('{0} is the side you wrote less about in the last four weeks', side);
  else because = l10n.t('{0} is the side you wrote less about overall', side);
  return capitalise(l10n.t({ message: '{0}, and {1}.', args: [state, because], comment: ['Why a trait is suggested: what is true of the trait, and why its side.'] }));
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
