import * as l10n from '@vscode/l10n';
import { SIDE_LABELS, Side, TRAITS, Trait, traitsOfSide } from './traits';

export type BalanceState = 'empty' | 'balanced' | 'leaning-leadership' | 'leaning-management';

export interface Balance {
  readonly leadership: number;
  readonly management: number;
  readonly total: number;
  /** Whole percents that add up to 100 (0 and 0 when empty). */
  readonly leadershipPercent: number;
  readonly managementPercent: number;
  readonly state: BalanceState;
}

export const DEFAULT_BALANCE_TOLERANCE = 10;

/** How many entries carry a tag. */
export type CountOf = (tag: string) => number;

export function sideTotal(side: Side, countOf: CountOf): number {
  return traitsOfSide(side).reduce((sum, trait) => sum + countOf(trait.id), 0);
}

/**
 * The split of trait tags between the sides. `balanced` when each side is within `tolerance`
 * percentage points of 50%, judged on the whole percents shown to the user.
 */
export function computeBalance(countOf: CountOf, tolerance = DEFAULT_BALANCE_TOLERANCE): Balance {
  const leadership = sideTotal('leadership', countOf);
  const management = sideTotal('management', countOf);
  const total = leadership + management;
  if (total === 0) {
    return { leadership, management, total, leadershipPercent: 0, managementPercent: 0, state: 'empty' };
  }
  const leadershipPercent = Math.round((100 * leadership) / total);
  const managementPercent = 100 - leadershipPercent;
  const safeTolerance = Number.isFinite(tolerance) ? Math.min(50, Math.max(0, tolerance)) : DEFAULT_BALANCE_TOLERANCE;
  let state: BalanceState = 'balanced';
  if (Math.abs(leadershipPercent - 50) > safeTolerance) {
    state = leadershipPercent > 50 ? 'leaning-leadership' : 'leaning-management';
  }
  return { leadership, management, total, leadershipPercent, managementPercent, state };
}

/** The side with fewer trait tags; undefined when both have the same. */
export function weakerSide(balance: Balance): Side | undefined {
  if (balance.leadership === balance.management) return undefined;
  return balance.leadership < balance.management ? 'leadership' : 'management';
}

/** The trait of `side` with the fewest entries; ties go to the source's order. */
export function leastReflectedTrait(side: Side, countOf: CountOf): Trait {
  return traitsOfSide(side).reduce((least, trait) => (countOf(trait.id) < countOf(least.id) ? trait : least));
}

/** The trait to suggest next: least reflected on the weaker side, or overall when even. */
export function suggestedTrait(balance: Balance, countOf: CountOf): Trait {
  const side = weakerSide(balance);
  if (side) return leastReflectedTrait(side, countOf);
  return TRAITS.reduce((least, trait) => (countOf(trait.id) < countOf(least.id) ? trait : least));
}

export function stateLabel(state: BalanceState): string {
  switch (state) {
    case 'empty':
      return l10n.t('no entries yet');
    case 'balanced':
      return l10n.t('balanced');
    case 'leaning-leadership':
      return l10n.t('leaning leadership');
    case 'leaning-management':
      return l10n.t('leaning management');
  }
}

/** `Leadership 44% · Management 56% · balanced`, or `no entries yet`. */
export function describeBalance(balance: Balance): string {
  if (balance.state === 'empty') return stateLabel('empty');
  return l10n.t('Leadership {0}% · Management {1}% · {2}', balance.leadershipPercent, balance.managementPercent, stateLabel(balance.state));
}

/** The status bar's short form: `L 44% · M 56%`. */
export function shortBalance(balance: Balance): string {
  if (balance.state === 'empty') return l10n.t('L – · M –');
  return l10n.t('L {0}% · M {1}%', balance.leadershipPercent, balance.managementPercent);
}

export function pluralEntries(count: number): string {
  return count === 1 ? l10n.t('1 entry') : l10n.t('{0} entries', count);
}

/** Plain-text lines for a tooltip: the counts and what to reflect on next. */
export function balanceDetails(balance: Balance, countOf: CountOf): string[] {
  if (balance.state === 'empty') return [l10n.t('No trait tags yet. Write an entry tagged with a trait to see your balance.')];
  const suggestion = suggestedTrait(balance, countOf);
  const weaker = weakerSide(balance);
  const lines = [
    l10n.t('Leadership: {0} trait tags ({1}%)', balance.leadership, balance.leadershipPercent),
    l10n.t('Management: {0} trait tags ({1}%)', balance.management, balance.managementPercent),
    weaker
      ? l10n.t('Least reflected on the weaker side ({0}): {1}, {2}.', SIDE_LABELS[weaker], suggestion.label, pluralEntries(countOf(suggestion.id)))
      : l10n.t('Least reflected: {0}, {1}.', suggestion.label, pluralEntries(countOf(suggestion.id))),
  ];
  return lines;
}
