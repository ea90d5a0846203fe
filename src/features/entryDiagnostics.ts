import * as vscode from 'vscode';
import { EntryProblem } from '../core/entryParser';
import { Disposable } from '../util/dispose';

/** What the indexer tells about each file it reads: its problems, or that it left the journal. */
export interface ProblemSink {
  problems(uri: vscode.Uri, problems: readonly EntryProblem[]): void;
  forgotten(key: string): void;
}

/**
 * An entry's problems (broken YAML, tags of the wrong type, a binary or oversized file) as
 * warnings in the Problems panel, cleared when the file is fixed or leaves the journal.
 */
export class EntryDiagnostics extends Disposable implements ProblemSink {
  private readonly collection = this._register(vscode.languages.createDiagnosticCollection('balance-journal'));
  private readonly withDiagnostics = new Set<string>();

  problems(uri: vscode.Uri, problems: readonly EntryProblem[]): void {
    const key = uri.toString();
    if (problems.length === 0) {
      // Only touch the collection when needed: each call is a message to the window.
      if (this.withDiagnostics.delete(key)) this.collection.delete(uri);
      return;
    }
    this.withDiagnostics.add(key);
    this.collection.set(
      uri,
      problems.map((problem) => {
        const range = new vscode.Range(problem.line, 0, problem.line, Number.MAX_SAFE_INTEGER);
        const diagnostic = new vscode.Diagnostic(range, problem.message, vscode.DiagnosticSeverity.Warning);
        diagnostic.source = 'Balance Journal';
        return diagnostic;
      }),
    );
  }

  forgotten(key: string): void {
    if (this.withDiagnostics.delete(key)) this.collection.delete(vscode.Uri.parse(key));
  }
}
