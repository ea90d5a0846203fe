import * as vscode from 'vscode';
import { balanceTolerance } from './config';
import { traitHoverMarkdown } from './core/hoverText';
import { JournalIndex } from './core/journalIndex';
import { findTagAt } from './core/tagLocator';
import { traitById } from './core/traits';

/** Coaching hovers on trait tags in Markdown: front matter `tags` items and inline `#tags`. */
export class TraitHoverProvider implements vscode.HoverProvider {
  constructor(private readonly index: JournalIndex) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const found = findTagAt(document.getText(), document.offsetAt(position));
    const trait = found && traitById(found.tag);
    if (!found || !trait) return undefined;
    const markdown = new vscode.MarkdownString(traitHoverMarkdown(trait, this.index.balance(balanceTolerance()), this.index.countOf));
    // Never trusted: no command links, no HTML, whatever the file holds.
    markdown.isTrusted = false;
    markdown.supportHtml = false;
    return new vscode.Hover(markdown, new vscode.Range(document.positionAt(found.start), document.positionAt(found.end)));
  }
}

export function registerTraitHover(index: JournalIndex): vscode.Disposable {
  return vscode.languages.registerHoverProvider({ language: 'markdown' }, new TraitHoverProvider(index));
}
