import * as vscode from 'vscode';
import type { Services } from './services';
import { goalProgress, openGoals } from '../core/goals';
import { traitHoverMarkdown } from '../core/hoverText';
import { JournalModel } from '../core/journalModel';
import { findTagAt } from '../core/tagLocator';
import { traitById } from '../core/traits';
import { Commands, ContextKeys } from '../ids';

/**
 * The "Write about it" link: `balanceJournal.newEntry` with `{ traits: [id], askTitle: true }`,
 * which the command checks like any argument (core/entryFactory.parseNewEntryArgs).
 */
export function writeAboutLink(traitId: string): string {
  return `command:${Commands.newEntry}?${encodeURIComponent(JSON.stringify([{ traits: [traitId], askTitle: true }]))}`;
}

/** Coaching hovers on trait tags in Markdown: front matter `tags` items and inline `#tags`. */
export class TraitHoverProvider implements vscode.HoverProvider {
  private shown = false;

  constructor(private readonly model: JournalModel) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const found = findTagAt(document.getText(), document.offsetAt(position));
    const trait = found && traitById(found.tag);
    if (!found || !trait) return undefined;
    const open = openGoals(this.model.index).get(trait.id);
    const progress = open && goalProgress(open.goal, this.model.index.entriesTagged(trait.id), new Date());
    // What to try next, by the one rule, never the trait under the cursor.
    const suggestion = this.model.nextTrait({ exclude: trait.id });
    const markdown = new vscode.MarkdownString(
      traitHoverMarkdown(trait, this.model.balance(), this.model.countOf, {
        suggestion,
        writeLink: writeAboutLink,
        feedback: this.model.index.feedbackCountOf(trait.id),
        ...(progress && { goal: { text: open.goal.text, label: progress.label } }),
      }),
    );
    // Trusted for one command only, whose arguments it checks: whatever the file or a setting
    // holds, no other command link and no HTML can run from the hover.
    markdown.isTrusted = { enabledCommands: [Commands.newEntry] };
    markdown.supportHtml = false;
    if (!this.shown) {
      // The walkthrough's "Hover a trait tag" step completes on this context key.
      this.shown = true;
      void vscode.commands.executeCommand('setContext', ContextKeys.hoverShown, true);
    }
    return new vscode.Hover(markdown, new vscode.Range(document.positionAt(found.start), document.positionAt(found.end)));
  }
}

export function registerTraitHover({ model }: Services): vscode.Disposable {
  return vscode.languages.registerHoverProvider({ language: 'markdown' }, new TraitHoverProvider(model));
}
