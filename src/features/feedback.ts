import * as vscode from 'vscode';
import { symbolicLinkError } from '../config';
import { localDay } from '../core/entryFactory';
import { FEEDBACK_FOLDER, FEEDBACK_SOURCES, FeedbackSource, MAX_FEEDBACK_TEXT, buildFeedback, feedbackSourceLabel } from '../core/feedback';
import { JournalModel } from '../core/journalModel';
import { SIDES, SIDE_LABELS, Trait, normalizeTag, traitById, traitsOfSide } from '../core/traits';
import { Commands } from '../ids';
import { JournalWriter, chooseJournal, offerSettings } from '../journalFiles';
import { showError } from '../userMessages';
import type { Services } from './services';

interface FeedbackArgs {
  from: FeedbackSource;
  traits: Trait[];
  text: string;
}

function parseFeedbackArgs(value: Record<string, unknown>): FeedbackArgs | { error: string } {
  const from = typeof value.from === 'string' ? value.from.trim().toLowerCase() : undefined;
  if (!from || !(FEEDBACK_SOURCES as readonly string[]).includes(from)) return { error: vscode.l10n.t('"from" must be one of {0}.', FEEDBACK_SOURCES.join(', ')) };
  if (!Array.isArray(value.traits) || value.traits.length === 0) return { error: vscode.l10n.t('"traits" must be a non-empty list of trait ids, e.g. ["empathy"].') };
  const traits: Trait[] = [];
  for (const id of value.traits) {
    const trait = typeof id === 'string' ? traitById(normalizeTag(id)) : undefined;
    if (!trait) return { error: vscode.l10n.t('Unknown trait {0}.', JSON.stringify(id)) };
    if (!traits.includes(trait)) traits.push(trait);
  }
  if (typeof value.text !== 'string' || !value.text.trim()) return { error: vscode.l10n.t('"text" must say what was said.') };
  return { from: from as FeedbackSource, traits, text: value.text };
}

/**
 * `balanceJournal.recordFeedback`: who said it, which traits, what was said; written as a note of
 * kind `feedback` at `<journal>/feedback/YYYY-MM-DD-feedback-<from>-<trait>.md`, never over a
 * file. Counted per trait apart from your reflections. Returns the new file.
 */
export function registerFeedback({ model, log, writer }: Services): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.recordFeedback, (arg?: unknown) => recordFeedback(model, log, writer, arg));
}

async function recordFeedback(model: JournalModel, log: vscode.LogOutputChannel, writer: JournalWriter, arg: unknown): Promise<vscode.Uri | undefined> {
  const given = typeof arg === 'object' && arg !== null && !(arg instanceof vscode.Uri) ? parseFeedbackArgs(arg as Record<string, unknown>) : undefined;
  if (given && 'error' in given) {
    void showError(log, vscode.l10n.t('No feedback was recorded: {0}', given.error));
    return undefined;
  }
  const root = await chooseJournal(!given, vscode.l10n.t("Which workspace folder's journal keeps this feedback?"));
  if (!root) return undefined;
  if ('error' in root) {
    void offerSettings(log, vscode.l10n.t('No feedback was recorded. {0}', root.error));
    return undefined;
  }
  const feedback = given ?? (await askFeedback(model));
  if (!feedback) return undefined;
  const now = new Date();
  try {
    const built = buildFeedback({ ...feedback, now });
    const day = localDay(now);
    const written = await writer.createUnique(root, [FEEDBACK_FOLDER], (attempt) => `${day}-${built.slug}${attempt > 1 ? `-${attempt}` : ''}.md`, new TextEncoder().encode(built.text), 1000);
    if ('link' in written) {
      void offerSettings(log, vscode.l10n.t('No feedback was recorded. {0}', symbolicLinkError(written.link)));
      return undefined;
    }
    log.info(`Recorded feedback ${written.uri.toString()}`);
    if (!given) {
      try {
        await vscode.window.showTextDocument(written.uri, { preview: false });
      } catch (error) {
        log.warn(`Recorded ${written.uri.toString()} but could not open it: ${String(error)}`);
      }
    }
    return written.uri;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    void showError(log, vscode.l10n.t('Could not record the feedback ({0}). Check that the journal folder can be written to, then try again.', reason));
    return undefined;
  }
}

interface TraitItem extends vscode.QuickPickItem {
  trait?: Trait;
}

async function askFeedback(model: JournalModel): Promise<FeedbackArgs | undefined> {
  const source = await vscode.window.showQuickPick(
    FEEDBACK_SOURCES.map((from) => ({ label: feedbackSourceLabel(from), from })),
    { title: vscode.l10n.t('Record Feedback (1/3)'), placeHolder: vscode.l10n.t('Who gave the feedback?') },
  );
  if (!source) return undefined;
  const items: TraitItem[] = [];
  for (const side of SIDES) {
    items.push({ label: SIDE_LABELS[side], kind: vscode.QuickPickItemKind.Separator });
    for (const trait of traitsOfSide(side)) items.push({ label: trait.label, description: trait.description, detail: vscode.l10n.t('{0} feedback so far', model.index.feedbackCountOf(trait.id)), trait });
  }
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Record Feedback (2/3)'), placeHolder: vscode.l10n.t('Which traits was it about?'), canPickMany: true, matchOnDescription: true });
  const traits = (picked ?? []).flatMap((item) => (item.trait ? [item.trait] : []));
  if (traits.length === 0) return undefined;
  const text = await vscode.window.showInputBox({
    title: vscode.l10n.t('Record Feedback (3/3)'),
    prompt: vscode.l10n.t('What was said? As close to their words as you can.'),
    validateInput: (value) => (!value.trim() ? vscode.l10n.t('Write what was said.') : value.length > MAX_FEEDBACK_TEXT ? vscode.l10n.t('At most {0} characters.', MAX_FEEDBACK_TEXT) : undefined),
  });
  if (text === undefined) return undefined;
  return { from: source.from, traits, text };
}
