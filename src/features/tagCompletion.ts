import * as vscode from 'vscode';
import type { Services } from './services';
import { completionSite, tagSuggestions } from '../core/tagCompletion';
import { JournalModel } from '../core/journalModel';
import { SIDE_LABELS } from '../core/traits';

/**
 * Tag completion in Markdown, after `#` in the body and in the front matter `tags`: the traits
 * the journal needs most come first, so completion itself coaches.
 */
export class TagCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly model: JournalModel) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const offset = document.offsetAt(position);
    const site = completionSite(document.getText(), offset);
    if (!site) return undefined;
    const range = new vscode.Range(document.positionAt(site.start), position);
    const typed = document.getText(range);
    const suggestions = tagSuggestions(this.model.rankedTraits(), this.model.index.otherTags(), typed);
    return suggestions.map((suggestion, rank) => {
      // The count shows in the list itself: it is why this order.
      const item = new vscode.CompletionItem({ label: suggestion.tag, description: suggestion.detail }, suggestion.trait ? vscode.CompletionItemKind.EnumMember : vscode.CompletionItemKind.Keyword);
      item.detail = suggestion.detail;
      if (suggestion.trait) {
        item.documentation = new vscode.MarkdownString().appendText(`${suggestion.trait.label} (${SIDE_LABELS[suggestion.trait.side]}): ${suggestion.trait.description}`);
      }
      item.range = range;
      // Our order, not the alphabet: what core/nextTrait suggests first.
      item.sortText = String(rank).padStart(4, '0');
      item.filterText = suggestion.tag;
      return item;
    });
  }
}

export function registerTagCompletion({ model }: Services): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider({ language: 'markdown' }, new TagCompletionProvider(model), '#', '-', ' ', '[', ',', '/');
}
