import * as vscode from 'vscode';
import { journalRoots, symbolicLinkError } from '../config';
import { Commitment, DueCommitment, buildFollowUpEntry, followsPath, openCheckboxAt } from '../core/commitments';
import { entryPathSegments } from '../core/entryFactory';
import { readFrontMatter } from '../core/frontMatter';
import { IndexedEntry } from '../core/journalIndex';
import { JournalModel } from '../core/journalModel';
import { pathUnder } from '../core/noteKinds';
import { traitById } from '../core/traits';
import { Commands } from '../ids';
import { JournalWriter, UsableRoot } from '../journalFiles';
import { showError } from '../userMessages';
import { Disposable } from '../util/dispose';
import type { Services } from './services';

const MAX_NAME_ATTEMPTS = 1000;

/** What the commands take: a Follow up row of the Traits view (`{ kind: 'commitment', due }`). */
function dueOf(arg: unknown): DueCommitment | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const due = (arg as { due?: DueCommitment }).due;
  return due && typeof due.entry?.key === 'string' && typeof due.commitment?.line === 'number' ? due : undefined;
}

/** The journal folder that holds `key`, if any. */
function rootOf(key: string): UsableRoot | undefined {
  for (const root of journalRoots()) {
    if ('uri' in root && key.startsWith(`${root.uri.toString().replace(/\/$/, '')}/`)) return root;
  }
  return undefined;
}

/**
 * The Follow up section's commands, `balanceJournal.followUp` (a new entry that follows the
 * original) and `balanceJournal.markDone` (ticks the one checkbox), and the links on `follows:`.
 */
export function registerFollowUp({ model, log, writer }: Services): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(Commands.followUp, (arg?: unknown) => followUp(model, log, writer, arg)),
    vscode.commands.registerCommand(Commands.markDone, (arg?: unknown) => markDone(model, log, arg)),
    vscode.languages.registerDocumentLinkProvider({ language: 'markdown' }, new FollowsLinkProvider(model)),
    new MissingOriginals(model),
  ];
}

async function followUp(model: JournalModel, log: vscode.LogOutputChannel, writer: JournalWriter, arg: unknown): Promise<vscode.Uri | undefined> {
  const due = dueOf(arg);
  if (!due) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Choose a commitment in the Follow up section of the Traits view, then use its Follow up button.'));
    return undefined;
  }
  const entry = model.index.get(due.entry.key) ?? due.entry;
  const root = rootOf(entry.key);
  const path = root && pathUnder(`${root.uri.toString().replace(/\/$/, '')}/`, entry.key);
  if (!root || !path || 'error' in followsPath(path)) {
    void showError(log, vscode.l10n.t('No follow-up was written: {0} is not inside a journal folder.', vscode.workspace.asRelativePath(vscode.Uri.parse(entry.key))));
    return undefined;
  }
  const now = new Date();
  const traits = entry.tags.flatMap((tag) => {
    const trait = traitById(tag);
    return trait ? [trait] : [];
  });
  const built = buildFollowUpEntry({ traits, followsPath: path, commitment: due.commitment.text, originalTitle: entry.title, originalDay: entry.day, now });
  try {
    const [year, month] = entryPathSegments(now, built.slug);
    const written = await writer.createUnique(root, [year, month], (attempt) => entryPathSegments(now, built.slug, attempt)[2], new TextEncoder().encode(built.text), MAX_NAME_ATTEMPTS);
    if ('link' in written) {
      void showError(log, vscode.l10n.t('No follow-up was written. {0}', symbolicLinkError(written.link)));
      return undefined;
    }
    log.info(`Created the follow-up ${written.uri.toString()} of ${entry.key}`);
    const cursor = new vscode.Position(built.cursorLine, 0);
    try {
      await vscode.window.showTextDocument(written.uri, { preview: false, selection: new vscode.Range(cursor, cursor) });
    } catch (error) {
      log.warn(`Created ${written.uri.toString()} but could not open it: ${String(error)}`);
    }
    return written.uri;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    void showError(log, vscode.l10n.t('Could not write the follow-up ({0}). Check that the journal folder can be written to, then try again.', reason));
    return undefined;
  }
}

/**
 * Ticks exactly one checkbox: the one read at `commitment.line`, only if that line still holds it
 * unticked with the same text (the editor's text, saved or not). One WorkspaceEdit replacing one
 * character, undoable; the file is saved only when it had no unsaved changes before. True when
 * ticked.
 */
async function markDone(model: JournalModel, log: vscode.LogOutputChannel, arg: unknown): Promise<boolean> {
  const due = dueOf(arg);
  if (!due) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Choose a commitment in the Follow up section of the Traits view, then use its Mark Done button.'));
    return false;
  }
  const entry: IndexedEntry = model.index.get(due.entry.key) ?? due.entry;
  const commitment: Commitment = due.commitment;
  const uri = vscode.Uri.parse(entry.key);
  if (!rootOf(entry.key)) {
    void showError(log, vscode.l10n.t('Not marked done: {0} is not inside a journal folder.', vscode.workspace.asRelativePath(uri)));
    return false;
  }
  let document: vscode.TextDocument;
  try {
    document = await vscode.workspace.openTextDocument(uri);
  } catch (error) {
    void showError(log, vscode.l10n.t('Not marked done: {0} could not be opened ({1}).', vscode.workspace.asRelativePath(uri), String(error)));
    return false;
  }
  const refuse = (reason: string) => {
    void showError(log, vscode.l10n.t('Not marked done, nothing was changed: {0} Open {1} at line {2} to tick it yourself.', reason, vscode.workspace.asRelativePath(uri), commitment.line + 1));
    return false;
  };
  if (commitment.line >= document.lineCount) return refuse(vscode.l10n.t('The file is shorter than when it was read.'));
  const checked = openCheckboxAt(document.lineAt(commitment.line).text, commitment);
  if ('error' in checked) return refuse(checked.error);
  const wasDirty = document.isDirty;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(commitment.line, checked.offset, commitment.line, checked.offset + 1), 'x');
  if (!(await vscode.workspace.applyEdit(edit))) return refuse(vscode.l10n.t('The editor did not apply the change.'));
  if (!wasDirty) await document.save();
  log.info(`Marked done: line ${commitment.line + 1} of ${entry.key}`);
  return true;
}

/** Where `follows:` points in an open document: its value's range and the original's URI. */
function followsTarget(document: vscode.TextDocument): { range: vscode.Range; target: vscode.Uri } | undefined {
  const root = rootOf(document.uri.toString());
  if (!root) return undefined;
  const text = document.getText();
  if (!text.startsWith('---') && !text.startsWith('\uFEFF---')) return undefined;
  const front = readFrontMatter(text);
  if (!front.data || front.data.follows === undefined) return undefined;
  const path = followsPath(front.data.follows);
  if ('error' in path) return undefined;
  for (let line = 1; line < Math.min(front.bodyLine, document.lineCount); line++) {
    const lineText = document.lineAt(line).text;
    const match = /^follows[ \t]*:[ \t]*(['"]?)(.*?)\1[ \t]*$/.exec(lineText);
    if (!match || !match[2]) continue;
    const start = lineText.indexOf(match[2], lineText.indexOf(':'));
    return { range: new vscode.Range(line, start, line, start + match[2].length), target: vscode.Uri.joinPath(root.uri, ...path.path.split('/')) };
  }
  return undefined;
}

/**
 * A link on the value of `follows:` in a follow-up entry's front matter, to the original. Only
 * for files inside a journal folder, only to an entry of the same journal folder that exists.
 */
export class FollowsLinkProvider implements vscode.DocumentLinkProvider {
  constructor(private readonly model: JournalModel) {}

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    const found = followsTarget(document);
    if (!found || !this.model.index.get(found.target.toString())) return [];
    const link = new vscode.DocumentLink(found.range, found.target);
    link.tooltip = vscode.l10n.t('Open the entry this one follows up');
    return [link];
  }
}

/** An Information diagnostic on a `follows:` that names no entry of the journal (moved, renamed, deleted). */
class MissingOriginals extends Disposable {
  private readonly collection = this._register(vscode.languages.createDiagnosticCollection('balance-journal-follows'));

  constructor(private readonly model: JournalModel) {
    super();
    this._register(vscode.workspace.onDidOpenTextDocument((document) => this.update(document)));
    this._register(vscode.workspace.onDidChangeTextDocument((event) => this.update(event.document)));
    this._register(vscode.workspace.onDidCloseTextDocument((document) => this.collection.delete(document.uri)));
    this._register(model.onDidChange(() => vscode.workspace.textDocuments.forEach((document) => this.update(document))));
    vscode.workspace.textDocuments.forEach((document) => this.update(document));
  }

  private update(document: vscode.TextDocument): void {
    if (document.languageId !== 'markdown') return;
    const found = followsTarget(document);
    if (found && !this.model.index.get(found.target.toString())) {
      const diagnostic = new vscode.Diagnostic(found.range, vscode.l10n.t('"follows" names no entry in the journal: was the original moved or renamed?'), vscode.DiagnosticSeverity.Information);
      diagnostic.source = 'Balance Journal';
      this.collection.set(document.uri, [diagnostic]);
    } else if (this.collection.has(document.uri)) {
      this.collection.delete(document.uri);
    }
  }
}
