import * as vscode from 'vscode';
import { maxFileBytes, symbolicLinkError } from '../config';
import { pluralEntries } from '../core/balance';
import { EXPORTS_FOLDER, EvidenceEntry, buildEvidence, evidenceEntries, evidenceFileName, evidenceTraits, sectionParagraphs } from '../core/evidence';
import { DayRange, describeRange } from '../core/findEntries';
import { IndexedEntry } from '../core/journalIndex';
import { JournalModel } from '../core/journalModel';
import { allTraits, Trait } from '../core/traits';
import { Commands } from '../ids';
import { JournalWriter, UsableRoot, chooseJournal, offerSettings, relativeLinkFrom } from '../journalFiles';
import { Platform } from '../platform/platform';
import { PeriodArgument, periodFromArgument, pickPeriod } from '../periodPicker';
import { showError } from '../userMessages';
import type { Services } from './services';

const MAX_NAME_ATTEMPTS = 1000;
/** Entries read at once. */
const READ_BATCH = 32;

interface TraitPick extends vscode.QuickPickItem {
  readonly id: string;
}

/**
 * `balanceJournal.exportEvidence`: a trait (or all) and a period, then
 * `<journal>/exports/evidence-<trait>-<from>-<to>.md` (never over a file, `kind: export`), opened
 * with the Markdown preview beside it. With `{ trait, period | from/to }` it asks nothing.
 * Returns the new file, or undefined when cancelled, empty or refused (then nothing is written).
 */
export function registerExportEvidence({ model, log, writer, platform, indexer }: Services): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.exportEvidence, async (arg?: unknown) => {
    await indexer.settle();
    return exportEvidence(model, log, writer, platform, arg);
  });
}

async function exportEvidence(model: JournalModel, log: vscode.LogOutputChannel, writer: JournalWriter, platform: Platform, arg: unknown): Promise<vscode.Uri | undefined> {
  const given = typeof arg === 'object' && arg !== null && !Array.isArray(arg) && !(arg instanceof vscode.Uri) ? (arg as PeriodArgument & { trait?: unknown }) : undefined;
  let chosen: { id: string; traits: readonly Trait[] };
  let range: DayRange;
  if (given) {
    const traits = evidenceTraits(given.trait);
    if ('error' in traits) {
      void showError(log, vscode.l10n.t('No evidence was exported: {0}', traits.error));
      return undefined;
    }
    const period = periodFromArgument(given);
    if ('error' in period) {
      void showError(log, vscode.l10n.t('No evidence was exported: {0}', period.error));
      return undefined;
    }
    [chosen, range] = [traits, period];
  } else {
    const items: TraitPick[] = [{ label: vscode.l10n.t('All traits'), id: 'all' }, ...allTraits().map((trait) => ({ label: trait.label, description: trait.id, detail: pluralEntries(model.index.countOf(trait.id)), id: trait.id }))];
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export Evidence: trait (1/2)'), placeHolder: vscode.l10n.t('Which trait is the evidence for?') });
    if (!picked) return undefined;
    const period = await pickPeriod(vscode.l10n.t('Export Evidence: period (2/2)'));
    if (!period) return undefined;
    const traits = evidenceTraits(picked.id);
    if ('error' in traits) return undefined;
    [chosen, range] = [traits, period];
  }

  const root = await chooseJournal(!given, vscode.l10n.t("Which workspace folder's journal should keep the evidence?"));
  if (!root) return undefined;
  if ('error' in root) {
    void offerSettings(log, vscode.l10n.t('No evidence was exported. {0}', root.error));
    return undefined;
  }
  try {
    return await write(root, model, log, writer, platform, chosen, range);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    void showError(log, vscode.l10n.t('Could not export the evidence ({0}). Check that the journal folder can be written to, then try again.', reason));
    return undefined;
  }
}

/** This journal's notes (other workspace folders keep their own). */
function ofJournal(root: UsableRoot, notes: Iterable<IndexedEntry>): IndexedEntry[] {
  const prefix = `${root.uri.toString()}/`;
  return [...notes].filter((note) => note.key.startsWith(prefix));
}

async function write(root: UsableRoot, model: JournalModel, log: vscode.LogOutputChannel, writer: JournalWriter, platform: Platform, chosen: { id: string; traits: readonly Trait[] }, range: DayRange): Promise<vscode.Uri | undefined> {
  const entries = evidenceEntries(ofJournal(root, model.index.reflections()), chosen.traits, range);
  if (entries.length === 0) {
    const who = chosen.traits.length === 1 ? chosen.traits[0].label : vscode.l10n.t('any trait');
    void vscode.window.showInformationMessage(vscode.l10n.t('No entries for {0}, {1}: no evidence was exported.', who, describeRange(range)));
    return undefined;
  }
  const folder = vscode.Uri.joinPath(root.uri, EXPORTS_FOLDER);
  const stat = await Promise.resolve(vscode.workspace.fs.stat(folder)).catch(() => undefined);
  if (stat && !(stat.type & vscode.FileType.SymbolicLink) && !(stat.type & vscode.FileType.Directory)) {
    void showError(log, vscode.l10n.t('No evidence was exported: "{0}" is a file, not a folder. Move or rename it, then try again.', vscode.workspace.asRelativePath(folder, false)));
    return undefined;
  }
  const withSections = await readSections(entries, platform, log);
  const text = buildEvidence({
    traits: chosen.traits,
    traitId: chosen.id,
    range,
    entries: withSections,
    goals: ofJournal(root, model.index.notesOf('goal')),
    feedback: ofJournal(root, model.index.notesOf('feedback')),
    now: new Date(),
    relativeLink: relativeLinkFrom(folder),
  });
  const written = await writer.createUnique(root, [EXPORTS_FOLDER], (attempt) => evidenceFileName(chosen.id, range, attempt), new TextEncoder().encode(text), MAX_NAME_ATTEMPTS);
  if ('link' in written) {
    void offerSettings(log, vscode.l10n.t('No evidence was exported. {0}', symbolicLinkError(written.link)));
    return undefined;
  }
  log.info(`Exported evidence to ${written.uri.fsPath || written.uri.toString()}`);
  try {
    await vscode.window.showTextDocument(written.uri, { preview: false });
    // The preview beside it: printing to PDF is one step from there.
    await vscode.commands.executeCommand('markdown.showPreviewToSide', written.uri);
  } catch (error) {
    log.warn(`Exported ${written.uri.toString()} but could not open it: ${String(error)}`);
  }
  return written.uri;
}

/** Each entry's sections, read from its file (never through a link, never past the size limit). */
async function readSections(entries: readonly IndexedEntry[], platform: Platform, log: vscode.LogOutputChannel): Promise<EvidenceEntry[]> {
  const limit = maxFileBytes();
  const result: EvidenceEntry[] = [];
  for (let start = 0; start < entries.length; start += READ_BATCH) {
    const batch = entries.slice(start, start + READ_BATCH);
    const read = await Promise.all(
      batch.map(async (entry) => {
        try {
          const { bytes } = await platform.readFile(vscode.Uri.parse(entry.key, true), limit, limit);
          return { ...entry, sections: sectionParagraphs(new TextDecoder().decode(bytes)) };
        } catch (error) {
          log.warn(`Evidence: ${entry.key} not read: ${String(error)}`);
          return entry;
        }
      }),
    );
    result.push(...read);
  }
  return result;
}
