import * as l10n from '@vscode/l10n';
import { Balance, CountOf, describeBalance, leastReflectedTrait, pluralEntries } from './balance';
import { SIDE_LABELS, STRATEGIES, Trait, anyoneCanShowBoth, otherSide, sideLabelInSentence } from './traits';

/** Escapes Markdown syntax so that text is shown as written, never as links or HTML. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>&~]/g, (ch) => `\\${ch}`);
}

/**
 * The hover for a trait tag, as Markdown: the trait, the source's description, our prompts,
 * the source's strategies for balancing both sides, and where the journal stands.
 */
export interface TraitHoverExtras {
  /** The trait's open goal: its text and progress (`2 of 4 this month`). */
  readonly goal?: { readonly text: string; readonly label: string };
  /** Feedback notes on the trait, counted apart. */
  readonly feedback?: number;
}

export function traitHoverMarkdown(trait: Trait, balance: Balance, countOf: CountOf, extras: TraitHoverExtras = {}): string {
  const side = SIDE_LABELS[trait.side];
  const suggestion = leastReflectedTrait(otherSide(trait.side), countOf);
  // Where the journal stands comes before the prompts and strategies, so it shows without scrolling.
  const lines = [
    `**${escapeMarkdown(trait.label)}** · ${l10n.t('{0} trait', side)}`,
    '',
    `*${escapeMarkdown(trait.description)}*`,
    '',
    `**${l10n.t('Your journal:')}** ${l10n.t('{0} in {1}', escapeMarkdown(trait.label), pluralEntries(countOf(trait.id)))} · ${escapeMarkdown(describeBalance(balance))}`,
    '',
    ...(extras.feedback ? [`**${l10n.t('Feedback:')}** ${l10n.t('{0} from others, counted apart from your reflections', extras.feedback)}`, ''] : []),
    ...(extras.goal ? [`**${l10n.t('Your goal:')}** ${escapeMarkdown(extras.goal.text)} · ${escapeMarkdown(extras.goal.label)}`, ''] : []),
    `**${l10n.t('Try next:')}** ${l10n.t('{0} ({1}, {2}), the least reflected {3} trait.', escapeMarkdown(suggestion.label), SIDE_LABELS[suggestion.side], pluralEntries(countOf(suggestion.id)), sideLabelInSentence(suggestion.side))}`,
    '',
    '---',
    '',
    `**${l10n.t('Reflect on')}**`,
    '',
    ...trait.prompts.map((prompt) => `- ${escapeMarkdown(prompt)}`),
    '',
    `**${l10n.t('Balancing both')}** ${l10n.t('(strategies from the source)')}`,
    '',
    ...STRATEGIES.map((strategy) => `- **${escapeMarkdown(strategy.name)}:** ${escapeMarkdown(strategy.text)}`),
    '',
    `*${escapeMarkdown(anyoneCanShowBoth())}*`,
  ];
  return lines.join('\n');
}
