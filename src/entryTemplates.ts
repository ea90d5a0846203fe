import * as vscode from 'vscode';
import { findSymbolicLink } from './config';
import { templateProblems } from './core/entryFactory';
import { Trait } from './core/traits';

/** Where a workspace keeps its entry templates, relative to the workspace folder. */
export const TEMPLATE_FOLDER = ['.balance-journal', 'templates'];
const MAX_TEMPLATE_BYTES = 64 * 1024;

/**
 * Entry templates from the workspace: `.balance-journal/templates/<trait-id>.md` for the first
 * trait, else `default.md`. Unknown `{{variables}}` become warnings on the template file.
 */
export class EntryTemplates implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('balance-journal-templates');
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly log: vscode.LogOutputChannel) {
    const check = (document: vscode.TextDocument) => {
      if (isTemplate(document.uri)) this.check(document.uri, document.getText());
    };
    this.subscriptions = [vscode.workspace.onDidOpenTextDocument(check), vscode.workspace.onDidSaveTextDocument(check)];
    vscode.workspace.textDocuments.forEach(check);
  }

  /** The template for a new entry, or undefined for the built-in one. */
  async templateFor(folder: vscode.WorkspaceFolder, traits: readonly Trait[]): Promise<string | undefined> {
    // A cloned repository must not choose what goes into the user's entries until trusted.
    if (!vscode.workspace.isTrusted) return undefined;
    if (await findSymbolicLink(folder.uri, TEMPLATE_FOLDER)) {
      this.log.warn('.balance-journal/templates is a symbolic link: templates are not read through links.');
      return undefined;
    }
    for (const name of [`${traits[0].id}.md`, 'default.md']) {
      const uri = vscode.Uri.joinPath(folder.uri, ...TEMPLATE_FOLDER, name);
      let bytes: Uint8Array;
      try {
        bytes = await vscode.workspace.fs.readFile(uri);
      } catch {
        continue;
      }
      if (bytes.byteLength > MAX_TEMPLATE_BYTES) {
        this.log.warn(`${uri.toString()} is over ${MAX_TEMPLATE_BYTES / 1024} KB; the built-in template is used.`);
        return undefined;
      }
      const text = new TextDecoder().decode(bytes);
      this.check(uri, text);
      this.log.info(`New entry from the template ${uri.toString()}`);
      return text;
    }
    return undefined;
  }

  private check(uri: vscode.Uri, text: string): void {
    const problems = templateProblems(text);
    if (problems.length === 0) {
      this.diagnostics.delete(uri);
      return;
    }
    const positionAt = (offset: number) => {
      const before = text.slice(0, offset).split('\n');
      return new vscode.Position(before.length - 1, before[before.length - 1].length);
    };
    this.diagnostics.set(
      uri,
      problems.map((problem) => {
        const diagnostic = new vscode.Diagnostic(new vscode.Range(positionAt(problem.offset), positionAt(problem.offset + problem.length)), problem.message, vscode.DiagnosticSeverity.Warning);
        diagnostic.source = 'Balance Journal';
        return diagnostic;
      }),
    );
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.diagnostics.dispose();
  }
}

function isTemplate(uri: vscode.Uri): boolean {
  return /\/\.balance-journal\/templates\/[^/]+\.md$/.test(uri.path);
}
