import { Balance, CountOf, describeBalance, leastReflectedTrait, pluralEntries } from './balance';
import { ANYONE_CAN_SHOW_BOTH, SIDE_LABELS, STRATEGIES, Trait, otherSide } from './traits';

/** Escapes Markdown syntax so that text is shown as written, never as links or HTML. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>&~]/g, (ch) => `\\${ch}`);
}

/**
 * The hover for a trait tag, as Markdown: the trait, the source's description, our prompts,
 * the source's strategies for balancing both sides, and where the journal stands.
 */
export function traitHoverMarkdown(trait: Trait, balance: Balance, countOf: CountOf): string {
  const side = SIDE_LABELS[trait.side];
  const suggestion = leastReflectedTrait(otherSide(trait.side), countOf);
  // Where the journal stands comes before the prompts and strategies, so it shows without scrolling.
  const lines = [
    `**${escapeMarkdown(trait.label)}** · ${side} trait`,
    '',
    `*${escapeMarkdown(trait.description)}*`,
    '',
    `**Your journal:** ${escapeMarkdown(trait.label)} in ${pluralEntries(countOf(trait.id))} · ${escapeMarkdown(describeBalance(balance))}`,
    '',
    `**Try next:** ${escapeMarkdown(suggestion.label)} (${SIDE_LABELS[suggestion.side]}, ${pluralEntries(countOf(suggestion.id))}), the least reflected ${SIDE_LABELS[suggestion.side].toLowerCase()} trait.`,
    '',
    '---',
    '',
    '**Reflect on**',
    '',
    ...trait.prompts.map((prompt) => `- ${escapeMarkdown(prompt)}`),
    '',
    '**Balancing both** (strategies from the source)',
    '',
    ...STRATEGIES.map((strategy) => `- **${escapeMarkdown(strategy.name)}:** ${escapeMarkdown(strategy.text)}`),
    '',
    `*${escapeMarkdown(ANYONE_CAN_SHOW_BOTH)}*`,
  ];
  return lines.join('\n');
}
