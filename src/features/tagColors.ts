import * as vscode from 'vscode';
import type { Services } from './services';
import { JournalModel } from '../core/journalModel';
import { tagOccurrences } from '../core/tagLocator';
import { Side, traitById } from '../core/traits';
import { Settings } from '../ids';
import { JournalIndexer } from '../journalIndexer';
import { Disposable } from '../util/dispose';

/** balanceJournal.tagColors: where trait tags are coloured by their side. */
export type TagColorsSetting = 'journal' | 'allMarkdown' | 'off';

/** Typing waits this long before the colours follow. */
export const TAG_COLORS_DELAY_MS = 150;

export const TAG_COLOR_IDS: Readonly<Record<Side, string>> = {
  leadership: 'balanceJournal.leadershipTag',
  management: 'balanceJournal.managementTag',
};

function setting(): TagColorsSetting {
  const value = vscode.workspace.getConfiguration(Settings.section).get<unknown>(Settings.tagColors);
  return value === 'allMarkdown' || value === 'off' ? value : 'journal';
}

/**
 * Trait tags coloured by side in the editor (theme colours balanceJournal.leadershipTag and
 * balanceJournal.managementTag, for light, dark and high contrast themes), in the journal's files
 * (or every Markdown file, or none: balanceJournal.tagColors), following the text as you type.
 */
export class TagColors extends Disposable {
  private readonly types: Record<Side, vscode.TextEditorDecorationType> = {
    leadership: this._register(vscode.window.createTextEditorDecorationType({ color: new vscode.ThemeColor(TAG_COLOR_IDS.leadership), fontWeight: '600' })),
    management: this._register(vscode.window.createTextEditorDecorationType({ color: new vscode.ThemeColor(TAG_COLOR_IDS.management), fontWeight: '600' })),
  };
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** What each document was last given (tests read it through the API). */
  private readonly applied = new Map<string, Record<Side, vscode.Range[]>>();

  constructor(
    model: JournalModel,
    private readonly indexer: Pick<JournalIndexer, 'contains' | 'onDidChangeState'>,
  ) {
    super();
    this._register(vscode.window.onDidChangeVisibleTextEditors(() => this.updateAll()));
    this._register(vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document)));
    this._register(vscode.workspace.onDidCloseTextDocument((document) => this.applied.delete(document.uri.toString())));
    this._register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${Settings.section}.${Settings.tagColors}`) || event.affectsConfiguration(`${Settings.section}.${Settings.folder}`)) this.updateAll();
      }),
    );
    // Your own traits come and go; the journal's folders are known once indexing starts.
    this._register(model.onDidChange(() => this.updateAll()));
    this._register(indexer.onDidChangeState(() => this.updateAll()));
    this._register({ dispose: () => this.timers.forEach((timer) => clearTimeout(timer)) });
    this.updateAll();
  }

  /** The ranges last coloured in a document, by side; undefined when it has none. */
  rangesOf(uri: vscode.Uri): Readonly<Record<Side, readonly vscode.Range[]>> | undefined {
    return this.applied.get(uri.toString());
  }

  private schedule(document: vscode.TextDocument): void {
    if (this.isDisposed) return;
    const key = document.uri.toString();
    if (!vscode.window.visibleTextEditors.some((editor) => editor.document === document)) return;
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        for (const editor of vscode.window.visibleTextEditors) if (editor.document === document) this.update(editor);
      }, TAG_COLORS_DELAY_MS),
    );
  }

  private updateAll(): void {
    if (this.isDisposed) return;
    for (const editor of vscode.window.visibleTextEditors) this.update(editor);
  }

  private update(editor: vscode.TextEditor): void {
    const document = editor.document;
    const mode = setting();
    const ranges: Record<Side, vscode.Range[]> = { leadership: [], management: [] };
    const wanted = document.languageId === 'markdown' && mode !== 'off' && (mode === 'allMarkdown' || this.indexer.contains(document.uri));
    if (wanted) {
      for (const occurrence of tagOccurrences(document.getText())) {
        const trait = traitById(occurrence.tag);
        if (trait) ranges[trait.side].push(new vscode.Range(document.positionAt(occurrence.start), document.positionAt(occurrence.end)));
      }
    }
    editor.setDecorations(this.types.leadership, ranges.leadership);
    editor.setDecorations(this.types.management, ranges.management);
    if (wanted) this.applied.set(document.uri.toString(), ranges);
    else this.applied.delete(document.uri.toString());
  }
}

export function registerTagColors(services: Services): vscode.Disposable {
  const colors = new TagColors(services.model, services.indexer);
  services.exposed.tagColors = colors;
  return colors;
}
