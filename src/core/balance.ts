import * as l10n from '@vscode/l10n';
import { Side, Trait, traitsOfSide } from './traits';

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

/** The verdict at the start of a line: `Balanced`, `Leaning leadership`, `No entries yet`. */
export function verdict(state: BalanceState): string {
  switch (state) {
    case 'empty':
      return l10n.t('No entries yet');
    case 'balanced':
      return l10n.t('Balanced');
    case 'leaning-leadership':
      return l10n.t('Leaning leadership');
    case 'leaning-management':
      return l10n.t('Leaning management');
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

/** What a tooltip says after the counts: the one suggestion, then the other neglected traits. */
export interface BalanceAdvice {
  readonly suggestion?: { readonly trait: Trait; readonly why: string };
  /** Neglected traits, in the source's order (the suggestion is left out of the list). */
  readonly neglected?: readonly Trait[];
  readonly neglectDays?: number;
}

/** Plain-text lines for a tooltip: the counts, what to reflect on next and why, what is due. */
export function balanceDetails(balance: Balance, advice: BalanceAdvice = {}): string[] {
  if (balance.state === 'empty') return [l10n.t('No trait tags yet. Write an entry tagged with a trait to see your balance.')];
  const lines = [
    l10n.t('Leadership: {0} trait tags ({1}%)', balance.leadership, balance.leadershipPercent),
    l10n.t('Management: {0} trait tags ({1}%)', balance.management, balance.managementPercent),
  ];
  const { suggestion } = advice;
  if (suggestion) lines.push(l10n.t('Try next: {0}. {1}', suggestion.trait.label, suggestion.why));
  const others = (advice.neglected ?? []).filter((trait) => trait.id !== suggestion?.trait.id);
  if (others.length > 0) {
    lines.push(
      suggestion
        ? l10n.t('Also due (no entry for {0} days or more): {1}.', advice.neglectDays ?? DEFAULT_NEGLECT_DAYS_FOR_TEXT, others.map((trait) => trait.label).join(', '))
        : l10n.t('Due (no entry for {0} days or more): {1}.', advice.neglectDays ?? DEFAULT_NEGLECT_DAYS_FOR_TEXT, others.map((trait) => trait.label).join(', ')),
    );
  }
  return lines;
}

// reflection.ts imports this module; its default is repeated here rather than imported back.
const DEFAULT_NEGLECT_DAYS_FOR_TEXT = 14;
