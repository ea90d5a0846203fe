import * as vscode from 'vscode';
import { journalRoots } from '../config';
import { JournalModel } from '../core/journalModel';
import { actionSection } from '../core/reflectionStructures';
import { Commands, Settings } from '../ids';
import { Disposable } from '../util/dispose';
import type { Services } from './services';

const DAY_MS = 86_400_000;
const UPDATE_DELAY_MS = 300;
export const NEXT_STEP_CODE = 'no-next-step';

function inJournal(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return journalRoots().some((root) => 'uri' in root && key.startsWith(`${root.uri.toString().replace(/\/$/, '')}/`));
}

/**
 * An Information diagnostic (never a warning) on open reflections more than a day old whose action
 * section (`## Now what?`, `## Action plan`) is still empty: "No next step yet". Its quick fix
 * puts the cursor there. Setting balanceJournal.nextStepHints turns it off.
 */
export class NextStepHints extends Disposable implements vscode.CodeActionProvider {
  private readonly collection = this._register(vscode.languages.createDiagnosticCollection('balance-journal-next-step'));
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly model: JournalModel) {
    super();
    this._register(vscode.workspace.onDidOpenTextDocument((document) => this.update(document)));
    this._register(vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document)));
    this._register(vscode.workspace.onDidCloseTextDocument((document) => this.collection.delete(document.uri)));
    this._register(vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration(`${Settings.section}.${Settings.nextStepHints}`) && this.updateAll()));
    // An entry becomes "more than a day old" as the index learns its date.
    this._register(model.onDidChange(() => this.updateAll()));
    this._register({ dispose: () => this.timers.forEach((timer) => clearTimeout(timer)) });
    this._register(vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, this, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }));
    this._register(
      vscode.commands.registerCommand(Commands.goToActionSection, async (uri?: vscode.Uri, line?: number, column?: number) => {
        if (!(uri instanceof vscode.Uri) || typeof line !== 'number') return;
        const at = new vscode.Position(line, typeof column === 'number' ? column : 0);
        await vscode.window.showTextDocument(uri, { selection: new vscode.Range(at, at), preview: false });
      }),
    );
    this.updateAll();
  }

  private enabled(): boolean {
    return vscode.workspace.getConfiguration(Settings.section).get<boolean>(Settings.nextStepHints) !== false;
  }

  private updateAll(): void {
    for (const document of vscode.workspace.textDocuments) this.update(document);
  }

  private schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.update(document);
      }, UPDATE_DELAY_MS),
    );
  }

  /** The diagnostic for `document`, if it needs one. */
  diagnosticFor(document: vscode.TextDocument, now = new Date()): vscode.Diagnostic | undefined {
    if (!this.enabled() || document.languageId !== 'markdown' || document.isClosed || !inJournal(document.uri)) return undefined;
    const entry = this.model.index.get(document.uri.toString());
    // Reflections only, dated, and more than a day old: never on today's entries.
    if (!entry || entry.kind !== 'entry' || !Number.isFinite(entry.time) || now.getTime() - entry.time < DAY_MS) return undefined;
    const section = actionSection(document.getText());
    if (!section || !section.empty) return undefined;
    const diagnostic = new vscode.Diagnostic(document.lineAt(section.headingLine).range, vscode.l10n.t('No next step yet: what will you try?'), vscode.DiagnosticSeverity.Information);
    diagnostic.source = 'Balance Journal';
    diagnostic.code = NEXT_STEP_CODE;
    return diagnostic;
  }

  private update(document: vscode.TextDocument): void {
    if (document.uri.scheme === 'output' || document.uri.scheme === 'vscode-userdata') return;
    const diagnostic = this.diagnosticFor(document);
    if (diagnostic) this.collection.set(document.uri, [diagnostic]);
    else if (this.collection.has(document.uri)) this.collection.delete(document.uri);
  }

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const diagnostic = context.diagnostics.find((candidate) => candidate.code === NEXT_STEP_CODE);
    if (!diagnostic) return [];
    const section = actionSection(document.getText());
    if (!section) return [];
    const action = new vscode.CodeAction(vscode.l10n.t('Write the next step'), vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.isPreferred = true;
    action.command = { command: Commands.goToActionSection, title: vscode.l10n.t('Write the next step'), arguments: [document.uri, section.line, section.column] };
    return [action];
  }
}

export function registerNextStepHints({ model }: Services): vscode.Disposable {
  return new NextStepHints(model);
}
