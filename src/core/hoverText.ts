import * as l10n from '@vscode/l10n';
import { Balance, CountOf, describeBalance, pluralEntries } from './balance';
import { Suggestion } from './nextTrait';
import { SIDE_LABELS, STRATEGIES, Trait, anyoneCanShowBoth } from './traits';

/** Escapes Markdown syntax so that text is shown as written, never as links or HTML. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>&~]/g, (ch) => `\\${ch}`);
}

export interface HoverOptions {
  /**
   * The suggestion of core/nextTrait for this hover (never the hovered trait itself); none: the
   * hover says nothing about what to try next.
   */
  readonly suggestion?: Suggestion;
  /** A `command:` URI that starts an entry about a trait: the "Write about it" link. */
  readonly writeLink?: (traitId: string) => string;
  /** The trait's open goal: its text and progress (`2 of 4 this month`). */
  readonly goal?: { readonly text: string; readonly label: string };
  /** Feedback notes on the trait, counted apart. */
  readonly feedback?: number;
}

/**
 * The hover for a trait tag, as Markdown: the trait, the source's description, our prompts,
 * the source's strategies for balancing both sides, and where the journal stands.
 */
export function traitHoverMarkdown(trait: Trait, balance: Balance, countOf: CountOf, options: HoverOptions = {}): string {
  const side = SIDE_LABELS[trait.side];
  const { suggestion, writeLink } = options;
  const tryNext = suggestion
    ? [
        `**${l10n.t('Try next:')}** ${escapeMarkdown(suggestion.trait.label)} (${SIDE_LABELS[suggestion.trait.side]}). ${escapeMarkdown(suggestion.why)}` +
          (writeLink ? ` [${escapeMarkdown(l10n.t('Write about it'))}](${writeLink(suggestion.trait.id)} "${escapeMarkdown(l10n.t('Start an entry about {0}', suggestion.trait.label)).replace(/"/g, '\\"')}")` : ''),
        '',
      ]
    : [];
  // Where the journal stands comes before the prompts and strategies, so it shows without scrolling.
  const lines = [
    `**${escapeMarkdown(trait.label)}** · ${l10n.t('{0} trait', side)}`,
    '',
    `*${escapeMarkdown(trait.description)}*`,
    '',
    `**${l10n.t('Your journal:')}** ${l10n.t('{0} in {1}', escapeMarkdown(trait.label), pluralEntries(countOf(trait.id)))} · ${escapeMarkdown(describeBalance(balance))}`,
    '',
    ...(options.feedback ? [`**${l10n.t('Feedback:')}** ${l10n.t('{0} from others, counted apart from your reflections', options.feedback)}`, ''] : []),
    ...(options.goal ? [`**${l10n.t('Your goal:')}** ${escapeMarkdown(options.goal.text)} · ${escapeMarkdown(options.goal.label)}`, ''] : []),
    ...tryNext,
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
