// Every identifier the manifest (package.json) declares, in one place.
export const Commands = {
  newEntry: 'balanceJournal.newEntry',
  newEntryForTrait: 'balanceJournal.newEntryForTrait',
  newEntryForAnotherDay: 'balanceJournal.newEntryForAnotherDay',
  refresh: 'balanceJournal.refresh',
  showTraits: 'balanceJournal.showTraits',
  showMoreEntries: 'balanceJournal.showMoreEntries',
  weeklyReview: 'balanceJournal.weeklyReview',
  monthlyReview: 'balanceJournal.monthlyReview',
  quarterlyReview: 'balanceJournal.quarterlyReview',
  showReport: 'balanceJournal.showReport',
  exportReport: 'balanceJournal.exportReport',
  setGoal: 'balanceJournal.setGoal',
  followUp: 'balanceJournal.followUp',
  markDone: 'balanceJournal.markDone',
  recordFeedback: 'balanceJournal.recordFeedback',
  goToActionSection: 'balanceJournal.goToActionSection',
  writeSuggested: 'balanceJournal.writeSuggested',
  showTraitEntries: 'balanceJournal.showTraitEntries',
  openDay: 'balanceJournal.openDay',
  findEntries: 'balanceJournal.findEntries',
  exportEvidence: 'balanceJournal.exportEvidence',
} as const;

export const Views = {
  container: 'balanceJournal',
  traits: 'balanceJournal.traits',
} as const;

export const ContextKeys = {
  /** True once the first scan has finished, so the welcome view does not flash "no entries". */
  ready: 'balanceJournal.ready',
  hasEntries: 'balanceJournal.hasEntries',
  /** True once a trait hover has been shown: the walkthrough's hover step completes on it. */
  hoverShown: 'balanceJournal.hoverShown',
} as const;

export const Settings = {
  section: 'balanceJournal',
  folder: 'folder',
  balanceTolerance: 'balanceTolerance',
  maxFileSizeKB: 'maxFileSizeKB',
  neglectDays: 'neglectDays',
  lastWeekReviewDays: 'lastWeekReviewDays',
  traits: 'traits',
  followUpDays: 'followUpDays',
  reflectionStructure: 'reflectionStructure',
  nextStepHints: 'nextStepHints',
  reminder: 'reminder',
  tagColors: 'tagColors',
  askForDate: 'askForDate',
  fiscalYearStartMonth: 'fiscalYearStartMonth',
} as const;
