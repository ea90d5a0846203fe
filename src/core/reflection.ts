import * as l10n from '@vscode/l10n';
import { localDay } from './entryFactory';
import { JournalIndex } from './journalIndex';
import { TRAITS, Trait } from './traits';

export const DEFAULT_NEGLECT_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

function startOfLocalDay(time: number): number {
  const date = new Date(time);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** Whole local days from the newest entry carrying `tag` to `now`; undefined when none is dated. */
export function daysSinceLastReflected(index: JournalIndex, tag: string, now: Date): number | undefined {
  const newest = index.entriesTagged(tag).find((entry) => !Number.isNaN(entry.time));
  if (!newest) return undefined;
  return Math.max(0, Math.round((startOfLocalDay(now.getTime()) - startOfLocalDay(newest.time)) / DAY_MS));
}

export function describeDaysAgo(days: number | undefined): string {
  if (days === undefined) return l10n.t('not yet');
  if (days === 0) return l10n.t('today');
  if (days === 1) return l10n.t('yesterday');
  return l10n.t('{0} days ago', days);
}

/** The Traits view's short form, within a narrow sidebar: `today`, `4d ago`, `3w ago`, `5mo ago`, `never`. */
export function shortDaysAgo(days: number | undefined): string {
  if (days === undefined) return l10n.t({ message: 'never', comment: ['No entry for this trait yet, in the Traits view.'] });
  if (days === 0) return l10n.t('today');
  if (days < 14) return l10n.t({ message: '{0}d ago', args: [days], comment: ['Days ago, short: "4d ago".'] });
  if (days < 60) return l10n.t({ message: '{0}w ago', args: [Math.floor(days / 7)], comment: ['Weeks ago, short: "3w ago".'] });
  if (days < 730) return l10n.t({ message: '{0}mo ago', args: [Math.floor(days / 30)], comment: ['Months ago, short: "5mo ago".'] });
  return l10n.t({ message: '{0}y ago', args: [Math.floor(days / 365)], comment: ['Years ago, short: "2y ago".'] });
}

/** Traits not reflected on for `neglectDays` or more (or never), in the source's order. */
export function neglectedTraits(index: JournalIndex, now: Date, neglectDays = DEFAULT_NEGLECT_DAYS): Trait[] {
  return TRAITS.filter((trait) => {
    const days = daysSinceLastReflected(index, trait.id, now);
    return days === undefined || days >= neglectDays;
  });
}

/** The same calendar day `months` months earlier; the month's last day when it has no such day. */
export function sameDayMonthsAgo(now: Date, months: number): string {
  const target = new Date(now.getFullYear(), now.getMonth() - months, 1);
  const lastDay = new Date(target.getFullYear(), target.getMonth() + 1, 0).getDate();
  target.setDate(Math.min(now.getDate(), lastDay));
  return localDay(target);
}

export interface LookBack {
  readonly label: string;
  readonly day: string;
}

/** The days to look back on: one month and one year ago. */
export function lookBackDays(now: Date): LookBack[] {
  return [
    { label: l10n.t('One month ago'), day: sameDayMonthsAgo(now, 1) },
    { label: l10n.t('One year ago'), day: sameDayMonthsAgo(now, 12) },
  ];
}
