import * as vscode from 'vscode';
import { Commands } from '../ids';
import { fiscalYearStartMonth, symbolicLinkError } from '../config';
import { computeBalance } from '../core/balance';
import { IndexedEntry } from '../core/journalIndex';
import { JournalModel } from '../core/journalModel';
import type { Services } from './services';
import { REVIEWS_FOLDER, buildPeriodReview, periodReviewPath, reviewCursorLine } from '../core/reviews';
import { PeriodKind, periodOf } from '../core/periods';
import { JournalWriter, UsableRoot, chooseJournal, offerSettings } from '../journalFiles';
import { showError } from '../userMessages';

const REVIEW_COMMANDS: readonly { readonly command: string; readonly kind: PeriodKind }[] = [
  { command: Commands.weeklyReview, kind: 'week' },
  { command: Commands.monthlyReview, kind: 'month' },
  { command: Commands.quarterlyReview, kind: 'quarter' },
];

/**
 * `balanceJournal.weeklyReview`, `monthlyReview` and `quarterlyReview`: each opens the review of
 * the current period at `<journal>/reviews/<2026-W48|2026-11|2026-Q4>.md`, creating it first
 * when there is none. An existing review is only opened, never rewritten. Each returns the
 * review's URI, or undefined when cancelled or refused.
 */
export function registerReviews({ model, log, indexer, writer }: Services): vscode.Disposable[] {
  return REVIEW_COMMANDS.map(({ command, kind }) =>
    vscode.commands.registerCommand(command, async () => {
      // Right after start-up the first scan may still run: the review needs the whole period.
      await indexer.settle();
      return review(kind, model, log, writer);
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

async function review(kind: PeriodKind, model: JournalModel, log: vscode.LogOutputChannel, writer: JournalWriter): Promise<vscode.Uri | undefined> {
  const root = await chooseJournal(true, vscode.l10n.t('Which workspace folder keeps the journal to review?'));
  if (!root) return undefined;
  if ('error' in root) {
    void offerSettings(log, notCreated(kind, root.error));
    return undefined;
  }
  try {
    return await openOrCreateReview(kind, root, model, log, writer);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    void showError(log, vscode.l10n.t('Could not open or create the review ({0}). Check that the journal folder can be written to, then try again.', reason));
    return undefined;
  }
}

async function openOrCreateReview(kind: PeriodKind, root: UsableRoot, model: JournalModel, log: vscode.LogOutputChannel, writer: JournalWriter): Promise<vscode.Uri | undefined> {
  const now = new Date();
  const startMonth = fiscalYearStartMonth(root.folder);
  const segments = periodReviewPath(periodOf(kind, now, startMonth));

  // Never read or write through a link that could lead outside the workspace: not the journal
  // folder, not `reviews`, not the review itself.
  const folder = vscode.Uri.joinPath(root.uri, REVIEWS_FOLDER);
  const review = await writer.openOrCreate(root, segments, () =>
    buildPeriodReview({ ...journalTallies(root, model), kind, fiscalYearStartMonth: startMonth, now, relativeLink: relativeLinkFrom(folder) }),
  );
  if ('link' in review) {
    void offerSettings(log, notCreated(kind, symbolicLinkError(review.link)));
    return undefined;
  }
  if (review.created) log.info(`Created ${review.uri.fsPath || review.uri.toString()}`);
  return open(review.uri, log);
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

/** The `/`-separated path from `folder` to an entry (unencoded: the review encodes it). */
export function relativeLinkFrom(folder: vscode.Uri): (key: string) => string | undefined {
  return (key) => {
    let target: vscode.Uri;
    try {
      target = vscode.Uri.parse(key, true);
    } catch {
      return undefined;
    }
    if (target.scheme !== folder.scheme || target.authority !== folder.authority) return undefined;
    const from = folder.path.split('/').filter(Boolean);
    const to = target.path.split('/').filter(Boolean);
    let common = 0;
    while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
    return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
  };
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


