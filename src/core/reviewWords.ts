import * as l10n from '@vscode/l10n';
import type { PeriodKind } from './periods';
import { Trait, sideLabelInSentence } from './traits';

// The words that differ between a weekly, a monthly and a quarterly review: headings, tags,
// titles and questions, one table (data) that core/reviews reads.
/** The tag every weekly review carries; entries with it are never counted as entries. */
export const WEEKLY_REVIEW_TAG = 'weekly-review';
export const MONTHLY_REVIEW_TAG = 'monthly-review';
export const QUARTERLY_REVIEW_TAG = 'quarterly-review';

/** The folder, below the journal folder, that keeps the reviews. */
export const REVIEWS_FOLDER = 'reviews';

/** A list whose items are translated when read (the bundle is configured after this module loads). */
function translatedList(items: readonly (() => string)[]): readonly string[] {
  const list: string[] = new Array<string>(items.length);
  items.forEach((item, i) => Object.defineProperty(list, i, { get: item, enumerable: true }));
  return Object.freeze(list);
}

/** The words that differ between a weekly, a monthly and a quarterly review. */
export interface ReviewWords {
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

export const WORDS: Readonly<Record<PeriodKind, ReviewWords>> = {
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
