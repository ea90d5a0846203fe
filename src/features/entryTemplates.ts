import * as vscode from 'vscode';
import { findSymbolicLink } from '../config';
import { templateProblems } from '../core/entryFactory';
import { Trait, isTraitId } from '../core/traits';
import { Platform } from '../platform/platform';

/** Where a workspace keeps its entry templates, relative to the workspace folder. */
export const TEMPLATE_FOLDER = ['.balance-journal', 'templates'];
const MAX_TEMPLATE_BYTES = 64 * 1024;
/** Enough to show what is wrong; thousands of squiggles help no one. */
const MAX_TEMPLATE_DIAGNOSTICS = 100;

/**
 * Entry templates from the workspace: `.balance-journal/templates/<trait-id>.md` for the first
 * trait, else `default.md`. Unknown `{{variables}}` become warnings on the template file.
 */
export class EntryTemplates implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('balance-journal-templates');
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly platform: Platform,
  ) {
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
    // Trait ids are plain words (core/traits isTraitId); a name that is not stays unread.
    const names = [...(isTraitId(traits[0].id) ? [`${traits[0].id}.md`] : []), 'default.md'];
    for (const name of names) {
      const uri = vscode.Uri.joinPath(folder.uri, ...TEMPLATE_FOLDER, name);
      let read: { bytes: Uint8Array; size: number };
      try {
        // Never through a symbolic link (a committed `default.md -> ~/.ssh/id_rsa`), never past the limit.
        read = await this.platform.readFile(uri, MAX_TEMPLATE_BYTES, 0);
      } catch (error) {
        if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) this.log.warn(`Template ${uri.toString()} not read: ${String(error)}`);
        continue;
      }
      if (read.size > MAX_TEMPLATE_BYTES) {
        this.log.warn(`${uri.toString()} is over ${MAX_TEMPLATE_BYTES / 1024} KB; the built-in template is used.`);
        return undefined;
      }
      const text = new TextDecoder().decode(read.bytes);
      this.check(uri, text);
      this.log.info(`New entry from the template ${uri.toString()}`);
      return text;
    }
    return undefined;
  }

  private check(uri: vscode.Uri, text: string): void {
    // A template is at most MAX_TEMPLATE_BYTES when used; a larger open document gets one note.
    const problems = text.length > MAX_TEMPLATE_BYTES ? [] : templateProblems(text, MAX_TEMPLATE_DIAGNOSTICS);
    if (problems.length === 0) {
      this.diagnostics.delete(uri);
      return;
    }
    const positionAt = positionFinder(text);
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

/** Offsets to positions in one pass over the text, then a binary search per offset. */
function positionFinder(text: string): (offset: number) => vscode.Position {
  const lineStarts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return new vscode.Position(low, offset - lineStarts[low]);
  };
}

function isTemplate(uri: vscode.Uri): boolean {
  return /\/\.balance-journal\/templates\/[^/]+\.md$/.test(uri.path);
}
