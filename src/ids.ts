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
} as const;

export const Settings = {
  section: 'balanceJournal',
  folder: 'folder',
  balanceTolerance: 'balanceTolerance',
  maxFileSizeKB: 'maxFileSizeKB',
  neglectDays: 'neglectDays',
  traits: 'traits',
  askForDate: 'askForDate',
  fiscalYearStartMonth: 'fiscalYearStartMonth',
} as const;
