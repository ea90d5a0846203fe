import * as vscode from 'vscode';
import { Commands, Settings } from '../ids';
import { fiscalYearStartMonth, symbolicLinkError } from '../config';
import { computeBalance } from '../core/balance';
import { IndexedEntry } from '../core/journalIndex';
import { JournalModel } from '../core/journalModel';
import { reportGoals } from '../core/reportGoals';
import type { Services } from './services';
import { Period, PeriodKind, periodOf, weekLabel, weekPeriod, weekSpan } from '../core/periods';
import { PeriodReviewInput, REVIEWS_FOLDER, buildPeriodReview, generatedPartRange, periodReviewPath, reviewCursorLine, reviewGeneratedPart, reviewWeeksOffered } from '../core/reviews';
import { JournalWriter, UsableRoot, chooseJournal, offerSettings, relativeLinkFrom } from '../journalFiles';
import { showError } from '../userMessages';

/** What the command may be given: which week (`this`, `last`; Weekly Review only), and whether to update the numbers. */
interface ReviewArgs {
  readonly week?: 'this' | 'last';
  readonly updateNumbers?: boolean;
}

function parseArgs(arg: unknown): ReviewArgs {
  if (typeof arg !== 'object' || arg === null) return {};
  const { week, updateNumbers } = arg as { week?: unknown; updateNumbers?: unknown };
  return { week: week === 'this' || week === 'last' ? week : undefined, updateNumbers: updateNumbers === true ? true : undefined };
}

const REVIEW_COMMANDS: readonly { readonly command: string; readonly kind: PeriodKind }[] = [
  { command: Commands.weeklyReview, kind: 'week' },
  { command: Commands.monthlyReview, kind: 'month' },
  { command: Commands.quarterlyReview, kind: 'quarter' },
];

/**
 * `balanceJournal.weeklyReview`, `monthlyReview` and `quarterlyReview`: each opens a period's
 * review at `<journal>/reviews/<2026-W48|2026-11|2026-Q4>.md`, creating it first when there is
 * none. On the first days of a week (setting balanceJournal.lastWeekReviewDays) Weekly Review
 * offers last week as well; quarters start in the month of balanceJournal.fiscalYearStartMonth.
 * An existing review is opened as it is; its generated part (between the markers) is rewritten
 * only on request ("Update Numbers"), never what the user wrote. Each returns the review's URI,
 * or undefined when cancelled or refused.
 */
export function registerReviews({ model, log, indexer, writer }: Services): vscode.Disposable[] {
  return REVIEW_COMMANDS.map(({ command, kind }) =>
    vscode.commands.registerCommand(command, async (arg?: unknown) => {
      const args = parseArgs(arg);
      // Right after start-up the first scan may still run: the review needs the whole period.
      await indexer.settle();
      return review(kind, model, log, writer, args);
    }),
  );
}

function notCreated(kind: PeriodKind, reason: string): string {
  switch (kind) {
    case 'week':
      return vscode.l10n.t('No weekly review was created. {0}', reason);
    case 'month':
      return vscode.l10n.t('No monthly review was created. {0}', reason);
    case 'quarter':
      return vscode.l10n.t('No quarterly review was created. {0}', reason);
  }
}

function couldNotOpen(kind: PeriodKind, reason: string): string {
  switch (kind) {
    case 'week':
      return vscode.l10n.t('Could not open or create the weekly review ({0}). Check that the journal folder can be written to, then try again.', reason);
    case 'month':
      return vscode.l10n.t('Could not open or create the monthly review ({0}). Check that the journal folder can be written to, then try again.', reason);
    case 'quarter':
      return vscode.l10n.t('Could not open or create the quarterly review ({0}). Check that the journal folder can be written to, then try again.', reason);
  }
}

async function review(kind: PeriodKind, model: JournalModel, log: vscode.LogOutputChannel, writer: JournalWriter, args: ReviewArgs): Promise<vscode.Uri | undefined> {
  const now = new Date();
  const week = kind === 'week' ? await chooseWeek(now, args) : undefined;
  if (kind === 'week' && !week) return undefined;
  const root = await chooseJournal(true, vscode.l10n.t('Which workspace folder keeps the journal to review?'));
  if (!root) return undefined;
  if ('error' in root) {
    void offerSettings(log, notCreated(kind, root.error));
    return undefined;
  }
  try {
    const period = week ?? periodOf(kind, now, fiscalYearStartMonth(root.folder));
    return await openOrCreateReview(kind, root, model, log, writer, now, period, args);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    void showError(log, couldNotOpen(kind, reason));
    return undefined;
  }
}

/** This week; on the first days of a week, the user's choice of this week and last week. */
async function chooseWeek(now: Date, args: ReviewArgs): Promise<Period | undefined> {
  const days = vscode.workspace.getConfiguration(Settings.section).get<number>(Settings.lastWeekReviewDays, 1);
  const offered = reviewWeeksOffered(now, typeof days === 'number' && Number.isFinite(days) ? days : 1).map(({ year, week }) => weekPeriod(year, week));
  if (args.week === 'this') return offered[0];
  if (args.week === 'last') {
    const { year, week } = reviewWeeksOffered(now, 7)[1];
    return weekPeriod(year, week);
  }
  if (offered.length === 1) return offered[0];
  const [thisWeek, lastWeek] = offered;
  const items: (vscode.QuickPickItem & { week: Period })[] = [
    { label: vscode.l10n.t('Last week'), description: `${weekLabel(lastWeek.year, lastWeek.number)} · ${weekSpan(lastWeek.year, lastWeek.number)}`, week: lastWeek },
    { label: vscode.l10n.t('This week'), description: `${weekLabel(thisWeek.year, thisWeek.number)} · ${weekSpan(thisWeek.year, thisWeek.number)}`, week: thisWeek },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Weekly Review'), placeHolder: vscode.l10n.t('A new week has begun: review last week, or start this one?') });
  return picked?.week;
}

async function openOrCreateReview(
  kind: PeriodKind,
  root: UsableRoot,
  model: JournalModel,
  log: vscode.LogOutputChannel,
  writer: JournalWriter,
  now: Date,
  period: Period,
  args: ReviewArgs,
): Promise<vscode.Uri | undefined> {
  const segments = periodReviewPath(period);
  // Never read or write through a link that could lead outside the workspace: not the journal
  // folder, not `reviews`, not the review itself.
  const folder = vscode.Uri.joinPath(root.uri, REVIEWS_FOLDER);
  const input = (): PeriodReviewInput => ({
    ...journalTallies(root, model),
    kind,
    period,
    now,
    relativeLink: relativeLinkFrom(folder),
    neglectDays: model.neglectDays,
    // A month's or a quarter's review also names the goals, and the feedback of this journal.
    ...(kind !== 'week' && { goals: reportGoals(model.index, now), feedback: model.index.notesOf('feedback').filter((note) => note.key.startsWith(`${root.uri.toString()}/`)) }),
  });
  const review = await writer.openOrCreate(root, segments, () => buildPeriodReview(input()));
  if ('link' in review) {
    void offerSettings(log, notCreated(kind, symbolicLinkError(review.link)));
    return undefined;
  }
  if (review.created) log.info(`Created ${review.uri.fsPath || review.uri.toString()}`);
  const uri = await open(review.uri, log);
  if (!review.created) {
    // Asked for: done before returning. Otherwise offered in a notification the command does not wait for.
    const update = offerUpdate(uri, reviewGeneratedPart(input()), writer, log, args.updateNumbers === true);
    if (args.updateNumbers) await update;
    else void update.catch((error) => log.warn(`Could not offer to update ${uri.toString()}: ${String(error)}`));
  }
  return uri;
}

/**
 * When an existing review's generated part differs from the journal now, offers to update it
 * (or does, when asked by the command's argument). Only the part between the markers changes.
 */
async function offerUpdate(uri: vscode.Uri, fresh: string, writer: JournalWriter, log: vscode.LogOutputChannel, now: boolean): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const text = document.getText().replace(/\r\n/g, '\n');
  const range = generatedPartRange(text);
  if (!range || text.slice(range.start, range.end) === fresh) return;
  if (!now) {
    const update = vscode.l10n.t('Update Numbers');
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('The journal has changed since this review was written. Update its numbers? Only the part between its markers changes, never what you wrote.'), update);
    if (choice !== update) return;
  }
  const updated = await writer.rewrite(uri, fresh, (current) => generatedPartRange(current));
  if (updated) log.info(`Updated the numbers of ${uri.toString()}`);
  else log.warn(`Could not update the numbers of ${uri.toString()}: its markers were changed`);
}

/** The entries of this journal only (other workspace folders keep their own), and their counts. */
function journalTallies(root: UsableRoot, model: JournalModel) {
  const prefix = `${root.uri.toString()}/`;
  const entries: IndexedEntry[] = [];
  const counts = new Map<string, number>();
  for (const entry of model.index.reflections()) {
    if (!entry.key.startsWith(prefix)) continue;
    entries.push(entry);
    for (const tag of entry.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  const countOf = (tag: string) => counts.get(tag) ?? 0;
  const tolerance = model.tolerance;
  return { entries, countOf, balance: computeBalance(countOf, tolerance), tolerance };
}

/** Opens the review with the cursor under its first reflection heading, when it has one. */
async function open(uri: vscode.Uri, log: vscode.LogOutputChannel): Promise<vscode.Uri> {
  const stat = await vscode.workspace.fs.stat(uri);
  if (!(stat.type & vscode.FileType.File)) throw new Error(vscode.l10n.t('{0} exists but is not a file', uri.fsPath || uri.toString()));
  try {
    const document = await vscode.workspace.openTextDocument(uri);
    const line = reviewCursorLine(document.getText());
    const cursor = line === undefined ? undefined : new vscode.Position(line, 0);
    await vscode.window.showTextDocument(document, { preview: false, ...(cursor && { selection: new vscode.Range(cursor, cursor) }) });
  } catch (error) {
    // The review exists; opening it can be cancelled (another editor opened at the same moment).
    log.warn(`Could not open ${uri.toString()}: ${String(error)}`);
  }
  return uri;
}
