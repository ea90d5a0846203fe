import * as l10n from '@vscode/l10n';
import { Balance, CountOf, pluralEntries, weakerSide } from './balance';
import { TagCount } from './journalIndex';
import { Fence, closesFence, openingFence } from './markdownBlocks';
import { SIDE_LABELS, TRAITS, Trait, otherSide } from './traits';

export interface TagSuggestion {
  readonly tag: string;
  /** e.g. "Leadership · 3 entries", or "your tag · 5 entries". */
  readonly detail: string;
  readonly trait?: Trait;
}

/**
 * Tags to offer, best first, so that completion itself coaches: the weaker side's traits, least
 * reflected first, then the other side's, then the journal's own tags, most used first.
 */
export function tagSuggestions(balance: Balance, countOf: CountOf, otherTags: readonly TagCount[]): TagSuggestion[] {
  const weaker = weakerSide(balance);
  const byCount = (traits: readonly Trait[]) => [...traits].sort((a, b) => countOf(a.id) - countOf(b.id));
  const ordered = weaker
    ? [...byCount(TRAITS.filter((trait) => trait.side === weaker)), ...byCount(TRAITS.filter((trait) => trait.side === otherSide(weaker)))]
    : byCount(TRAITS);
  return [
    ...ordered.map((trait) => ({ tag: trait.id, detail: l10n.t('{0} · {1}', SIDE_LABELS[trait.side], pluralEntries(countOf(trait.id))), trait })),
    ...otherTags.map(({ tag, count }) => ({ tag, detail: l10n.t('your tag · {0}', pluralEntries(count)) })),
  ];
}

export type CompletionSite =
  /** After `#` in the body: replace from `start` (just after the `#`) to the cursor. */
  | { readonly kind: 'inline'; readonly start: number }
  /** An item of the front matter `tags`: replace from `start` to the cursor. */
  | { readonly kind: 'frontMatter'; readonly start: number };

const PARTIAL_TAG = /[\p{L}\p{N}_/-]*$/u;

/** Where a tag is being typed at `offset`, if anywhere. */
export function completionSite(text: string, offset: number): CompletionSite | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const frontMatterEnd = frontMatterEndOffset(text);
  if (frontMatterEnd !== undefined && offset < frontMatterEnd) return frontMatterSite(text, lineStart, before);

  const partial = PARTIAL_TAG.exec(before)![0];
  const hashAt = before.length - partial.length - 1;
  if (hashAt < 0 || before[hashAt] !== '#') return undefined;
  if (hashAt > 0 && !/[\s([{"'*_>,;!]/.test(before[hashAt - 1])) return undefined;
  if (isInCode(text, frontMatterEnd ?? 0, lineStart, before.slice(0, hashAt))) return undefined;
  return { kind: 'inline', start: offset - partial.length };
}

function frontMatterEndOffset(text: string): number | undefined {
  const from = text.startsWith('\uFEFF') ? 1 : 0;
  if (!/^---[ \t]*\r?\n/.test(text.slice(from, from + 8))) return undefined;
  const close = /\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/g;
  close.lastIndex = from + 3;
  const match = close.exec(text);
  return match ? match.index + 1 : undefined;
}

function frontMatterSite(text: string, lineStart: number, before: string): CompletionSite | undefined {
  const partial = /[^\s,[\]'"-][^,[\]'"]*$|$/.exec(before)![0];
  const start = lineStart + before.length - partial.length;
  // `tags: [a, |` or `tags: a, |`
  if (/^tags\s*:/.test(before)) return /^tags\s*:\s*\[?(?:[^\]]*,)?\s*['"]?[^,\]]*$/.test(before) ? { kind: 'frontMatter', start } : undefined;
  // `  - |` under `tags:`
  if (!/^\s*-\s+['"]?[^,]*$/.test(before)) return undefined;
  const above = text.slice(0, lineStart).split('\n').reverse();
  for (const line of above.slice(1)) {
    if (/^tags\s*:\s*$/.test(line.replace(/\r$/, ''))) return { kind: 'frontMatter', start };
    if (!/^\s*-/.test(line)) return undefined;
  }
  return undefined;
}

/** Whether the text before the cursor on its line is inside a fenced block or a code span. */
function isInCode(text: string, bodyStart: number, lineStart: number, beforeOnLine: string): boolean {
  let fence: Fence | undefined;
  for (const line of text.slice(bodyStart, lineStart).split('\n')) {
    const clean = line.replace(/\r$/, '');
    if (fence) {
      if (closesFence(clean, fence)) fence = undefined;
    } else {
      fence = openingFence(clean);
    }
  }
  if (fence) return true;
  // An odd number of backtick runs before the cursor leaves a code span open.
  return (beforeOnLine.match(/`+/g) ?? []).length % 2 === 1;
}
