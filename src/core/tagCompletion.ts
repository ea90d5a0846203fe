import * as l10n from '@vscode/l10n';
import { pluralEntries } from './balance';
import { TagCount } from './journalIndex';
import { tagKey } from './entryParser';
import { bodyStartOffset } from './frontMatter';
import { tagBeingTyped } from './markdownScanner';
import { Suggestion } from './nextTrait';
import { SIDE_LABELS, Trait } from './traits';

export interface TagSuggestion {
  readonly tag: string;
  /** e.g. "Leadership · 3 entries", or "your tag · 5 entries". */
  readonly detail: string;
  readonly trait?: Trait;
}

/**
 * Tags to offer, best first, so that completion itself coaches: the traits in the order of
 * core/nextTrait (`ranked`: the suggestion first, today's traits last), then the journal's own
 * tags, most used first.
 */
export function tagSuggestions(ranked: readonly Suggestion[], otherTags: readonly TagCount[], typed = ''): TagSuggestion[] {
  // After `parent/`: the tags nested under it first (`#one-on-one/` offers `one-on-one/alex`).
  const slash = typed.lastIndexOf('/');
  if (slash > 0) {
    const parent = tagKey(typed.slice(0, slash));
    const children = otherTags.filter(({ tag }) => tag.startsWith(`${parent}/`));
    if (children.length > 0) {
      const rest = tagSuggestions(ranked, otherTags.filter(({ tag }) => !tag.startsWith(`${parent}/`)));
      return [...children.map(({ tag, count }) => ({ tag, detail: l10n.t('under #{0} · {1}', parent, pluralEntries(count)) })), ...rest];
    }
  }
  return [
    ...ranked.map(({ trait, activity }) => ({ tag: trait.id, detail: l10n.t('{0} · {1}', SIDE_LABELS[trait.side], pluralEntries(activity.count)), trait })),
    ...otherTags.map(({ tag, count }) => ({ tag, detail: l10n.t('your tag · {0}', pluralEntries(count)) })),
  ];
}

export type CompletionSite =
  /** After `#` in the body: replace from `start` (just after the `#`) to the cursor. */
  | { readonly kind: 'inline'; readonly start: number }
  /** An item of the front matter `tags`: replace from `start` to the cursor. */
  | { readonly kind: 'frontMatter'; readonly start: number };

/**
 * Where a tag is being typed at `offset`, if anywhere. In the body: exactly where the index would
 * count a tag starting at the `#` before the cursor once a letter is typed (core/markdownScanner).
 * Linear in the text.
 */
export function completionSite(text: string, offset: number): CompletionSite | undefined {
  const bodyStart = bodyStartOffset(text);
  if (offset < bodyStart) return offset >= (text.startsWith('\uFEFF') ? 1 : 0) ? frontMatterSite(text, offset) : undefined;
  const start = tagBeingTyped(text.slice(bodyStart), offset - bodyStart);
  return start === undefined ? undefined : { kind: 'inline', start: bodyStart + start };
}

function isWhiteSpace(ch: string): boolean {
  return /\s/.test(ch);
}

/** Whether `line` is `tags`, optional white space and `:`; the offset after the colon, or -1. */
function afterTagsKey(line: string): number {
  if (!line.startsWith('tags')) return -1;
  let at = 4;
  while (at < line.length && isWhiteSpace(line[at])) at++;
  return line[at] === ':' ? at + 1 : -1;
}

/** A block list item line so far: white space, `-`, white space, then no `,`. */
function isListItemSoFar(before: string): boolean {
  let at = 0;
  while (at < before.length && isWhiteSpace(before[at])) at++;
  if (before[at] !== '-' || at + 1 >= before.length || !isWhiteSpace(before[at + 1])) return false;
  return !before.includes(',', at);
}

function frontMatterSite(text: string, offset: number): CompletionSite | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  // The partial item: after the last `,`, `[`, `]` or quote, from its first character that is
  // neither white space nor `-`.
  let from = before.length;
  while (from > 0 && !',[]\'"'.includes(before[from - 1])) from--;
  while (from < before.length && (isWhiteSpace(before[from]) || before[from] === '-')) from++;
  const start = lineStart + from;
  // `tags: [a, |` or `tags: a, |`
  const keyEnd = afterTagsKey(before);
  if (keyEnd !== -1) {
    let value = keyEnd;
    while (value < before.length && isWhiteSpace(before[value])) value++;
    if (before[value] === '[') value++;
    // The first item (`tags: em|`) starts after the key and its white space, not at the line start.
    return before.includes(']', value) ? undefined : { kind: 'frontMatter', start: lineStart + Math.max(from, value) };
  }
  // `  - |` under `tags:`
  if (!isListItemSoFar(before)) return undefined;
  for (let end = lineStart - 1; end > 0; ) {
    const previous = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(previous, text[end - 1] === '\r' ? end - 1 : end);
    const keyEnd = afterTagsKey(line);
    if (keyEnd !== -1) return line.slice(keyEnd).trim() === '' ? { kind: 'frontMatter', start } : undefined;
    if (!/^\s*-/.test(line)) return undefined;
    end = previous - 1;
  }
  return undefined;
}
