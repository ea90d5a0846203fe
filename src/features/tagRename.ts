import * as vscode from 'vscode';
import type { Services } from './services';
import { tagKey } from '../core/entryParser';
import { JournalModel } from '../core/journalModel';
import { findTagAt } from '../core/tagLocator';
import { LineIndex, TextEdit, renameTagEdits, tagNameProblem, traitRenameQuestion, writtenName } from '../core/tagRename';
import { SIDE_LABELS, traitById } from '../core/traits';
import { JournalIndexer } from '../journalIndexer';
import { ReadJournalText, displayPath, openDocument, readJournalTexts } from '../journalTexts';
import { Platform } from '../platform/platform';

export interface RenamePlan {
  readonly edit: vscode.WorkspaceEdit;
  /** On every edit: needsConfirmation, so the Refactor Preview shows first. */
  readonly metadata: vscode.WorkspaceEditEntryMetadata;
  /** Files that hold the tag but are not changed, each with why. */
  readonly notChanged: readonly string[];
}

/** Asks before a trait's tag is renamed; resolves to true to go on. */
export type AskTraitRename = (question: string) => Thenable<boolean>;

const askModal: AskTraitRename = async (question) => {
  const rename = vscode.l10n.t('Rename');
  return (await vscode.window.showWarningMessage(question, { modal: true }, rename)) === rename;
};

/**
 * F2 on a tag (a front matter `tags` item or an inline `#tag`) in a journal entry: one
 * WorkspaceEdit over every note of the journal that holds it (the index knows which; only those
 * files are read), shown in the Refactor Preview first (each edit `needsConfirmation`), undone
 * as one step. Only tag occurrences change (core/tagRename).
 */
export class TagRenameProvider implements vscode.RenameProvider {
  constructor(
    private readonly model: JournalModel,
    private readonly indexer: Pick<JournalIndexer, 'contains'>,
    private readonly platform: Platform,
    private readonly log: vscode.LogOutputChannel,
    private readonly ask: AskTraitRename = askModal,
  ) {}

  prepareRename(document: vscode.TextDocument, position: vscode.Position): { range: vscode.Range; placeholder: string } | undefined {
    // Outside the journal, a word that is no tag is none of our business: other providers (the
    // Markdown extension's headings and links) answer without a message from us.
    if (!this.indexer.contains(document.uri) && !findTagAt(document.getText(), document.offsetAt(position))) return undefined;
    const found = this.tagUnder(document, position);
    return { range: new vscode.Range(document.positionAt(found.start), document.positionAt(found.end)), placeholder: found.tag };
  }

  async provideRenameEdits(document: vscode.TextDocument, position: vscode.Position, newName: string, token: vscode.CancellationToken): Promise<vscode.WorkspaceEdit | undefined> {
    return (await this.plan(document, position, newName, token))?.edit;
  }

  /** The rename's WorkspaceEdit, with what it tells the Refactor Preview and the files it leaves alone. */
  async plan(document: vscode.TextDocument, position: vscode.Position, newName: string, token: vscode.CancellationToken): Promise<RenamePlan | undefined> {
    const found = this.tagUnder(document, position);
    const problem = tagNameProblem(newName);
    if (problem) throw new Error(problem);
    const oldTag = found.tag;
    const name = writtenName(newName);
    const newTag = tagKey(name);
    const index = this.model.index;

    const trait = traitById(oldTag);
    if (trait && newTag !== oldTag) {
      const question = traitRenameQuestion(trait, SIDE_LABELS[trait.side], oldTag, newTag, index.countOf(oldTag), traitById(newTag));
      if (!(await this.ask(question))) throw new Error(vscode.l10n.t('Nothing was renamed: #{0} keeps its entries.', oldTag));
    }

    // The files that hold the tag or a tag nested under it (the index knows which), and the
    // journal's open documents (their unsaved text may hold it too).
    const keys = new Set<string>();
    for (const { tag } of index.allTags()) {
      if (tag === oldTag || tag.startsWith(`${oldTag}/`)) for (const note of index.notesTagged(tag)) keys.add(note.key);
    }
    for (const open of vscode.workspace.textDocuments) if (this.indexer.contains(open.uri)) keys.add(open.uri.toString());
    keys.add(document.uri.toString());
    const uris = [...keys].map((key) => vscode.Uri.parse(key)).filter((uri) => this.indexer.contains(uri));
    const texts = await readJournalTexts(this.platform, uris, token);
    if (token.isCancellationRequested) return undefined;

    const merging = newTag !== oldTag && index.notesTagged(newTag).length > 0;
    const metadata: vscode.WorkspaceEditEntryMetadata = {
      needsConfirmation: true,
      label: merging ? vscode.l10n.t('Merge #{0} into #{1}', oldTag, newTag) : vscode.l10n.t('Rename #{0} to #{1}', oldTag, newTag),
      description: merging
        ? vscode.l10n.t('#{0} is already in {1} note(s): the two tags become one', newTag, index.notesTagged(newTag).length)
        : vscode.l10n.t('only tags change; undo with Ctrl+Z'),
      iconPath: new vscode.ThemeIcon('tag'),
    };

    const edit = new vscode.WorkspaceEdit();
    const notChanged: string[] = [];
    const changed: Array<{ file: ReadJournalText; edits: readonly TextEdit[] }> = [];
    for (const file of texts) {
      if ('skipped' in file) {
        notChanged.push(`${displayPath(file.uri)}: ${file.skipped}`);
        continue;
      }
      const result = renameTagEdits(file.text, oldTag, name);
      if ('refused' in result) notChanged.push(`${displayPath(file.uri)}: ${result.refused}`);
      else if (result.edits.length > 0) changed.push({ file, edits: result.edits });
    }
    const readOnly = await this.readOnlyFiles(changed.map(({ file }) => file.uri));
    if (readOnly.length > 0) {
      // Nothing half-applied: a rename that cannot change every file changes none.
      throw new Error(vscode.l10n.t('Nothing was renamed: {0} cannot be written (read-only). Make it writable, then rename again.', readOnly.map(displayPath).join(', ')));
    }
    for (const { file, edits } of changed) {
      const lines = file.document ? undefined : new LineIndex(file.text);
      const position = (offset: number) => {
        if (file.document) return file.document.positionAt(offset);
        const { line, character } = lines!.position(offset);
        return new vscode.Position(line, character);
      };
      for (const change of edits) edit.replace(file.uri, new vscode.Range(position(change.start), position(change.end)), change.newText, metadata);
    }
    if (notChanged.length > 0) {
      const message = vscode.l10n.t('#{0} stays in {1} file(s) rename may not change: {2}', oldTag, notChanged.length, notChanged.join('; '));
      this.log.warn(message);
      void vscode.window.showWarningMessage(vscode.l10n.t('Balance Journal: {0}', message));
    }
    this.log.info(`Rename #${oldTag} -> #${newTag}: ${edit.size} file(s), previewed before they change.`);
    return { edit, metadata, notChanged };
  }

  /** The tag under the cursor in a journal file, or an error that says why there is none. */
  private tagUnder(document: vscode.TextDocument, position: vscode.Position) {
    if (!this.indexer.contains(document.uri)) {
      throw new Error(vscode.l10n.t('Balance Journal renames tags only in the journal folder (balanceJournal.folder); this file is outside it.'));
    }
    const found = findTagAt(document.getText(), document.offsetAt(position));
    if (!found || found.tag === '') throw new Error(vscode.l10n.t('Not a tag here: put the cursor on a #tag, or on an item of the front matter "tags", to rename it.'));
    return found;
  }

  private async readOnlyFiles(uris: readonly vscode.Uri[]): Promise<vscode.Uri[]> {
    const readOnly: vscode.Uri[] = [];
    let next = 0;
    const workers = Array.from({ length: Math.min(32, uris.length) }, async () => {
      while (next < uris.length) {
        const uri = uris[next++];
        if (vscode.workspace.fs.isWritableFileSystem(uri.scheme) === false) {
          readOnly.push(uri);
          continue;
        }
        if (openDocument(uri)) continue;
        try {
          const stat = await vscode.workspace.fs.stat(uri);
          if ((stat.permissions ?? 0) & vscode.FilePermission.Readonly) readOnly.push(uri);
        } catch {
          // Gone meanwhile: the edit fails as a whole when it is applied, and says so.
        }
      }
    });
    await Promise.all(workers);
    return readOnly;
  }
}

export function registerTagRename({ model, indexer, platform, log }: Services): vscode.Disposable {
  return vscode.languages.registerRenameProvider({ language: 'markdown' }, new TagRenameProvider(model, indexer, platform, log));
}
