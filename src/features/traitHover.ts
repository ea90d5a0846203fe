import * as vscode from 'vscode';
import type { Services } from './services';
import { goalProgress, openGoals } from '../core/goals';
import { traitHoverMarkdown } from '../core/hoverText';
import { JournalModel } from '../core/journalModel';
import { findTagAt } from '../core/tagLocator';
import { traitById } from '../core/traits';

/** Coaching hovers on trait tags in Markdown: front matter `tags` items and inline `#tags`. */
export class TraitHoverProvider implements vscode.HoverProvider {
  constructor(private readonly model: JournalModel) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const found = findTagAt(document.getText(), document.offsetAt(position));
    const trait = found && traitById(found.tag);
    if (!found || !trait) return undefined;
    const open = openGoals(this.model.index).get(trait.id);
    const progress = open && goalProgress(open.goal, this.model.index.entriesTagged(trait.id), new Date());
    const extras = { feedback: this.model.index.feedbackCountOf(trait.id), ...(progress && { goal: { text: open.goal.text, label: progress.label } }) };
    const markdown = new vscode.MarkdownString(traitHoverMarkdown(trait, this.model.balance(), this.model.countOf, extras));
    // Never trusted: no command links, no HTML, whatever the file holds.
    markdown.isTrusted = false;
    markdown.supportHtml = false;
    return new vscode.Hover(markdown, new vscode.Range(document.positionAt(found.start), document.positionAt(found.end)));
  }
}

export function registerTraitHover({ model }: Services): vscode.Disposable {
  return vscode.languages.registerHoverProvider({ language: 'markdown' }, new TraitHoverProvider(model));
}
