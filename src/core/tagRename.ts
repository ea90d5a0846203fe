// Renaming a tag: where the text changes (only the tag occurrences core/tagLocator finds, which
// are where the index counts tags), which names are allowed, and what the rename does to the
// journal (a merge, a trait). Pure: the VS Code layer reads the files and builds the WorkspaceEdit.

import * as l10n from '@vscode/l10n';
import { pluralEntries } from './balance';
import { parseEntry, tagKey } from './entryParser';
import { isTagChar, isTagLetter } from './markdownScanner';
import { tagOccurrences } from './tagLocator';

/** Replace [start, end) of the text with `newText`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/**
 * The tag a rename of `oldTag` (normalised) to `newName` (as the user wrote it) turns `tag`
 * (normalised) into: `newName` for the tag itself, `newName/rest` for a nested tag under it
 * (`one-on-one/alex` under `one-on-one`), undefined for any other tag.
 */
export function renamedTag(tag: string, oldTag: string, newName: string): string | undefined {
  if (tag === oldTag) return tagKey(newName);
  if (tag.startsWith(`${oldTag}/`)) return tagKey(`${newName}${tag.slice(oldTag.length)}`);
  return undefined;
}

/** The last character of a tag may not be one of these (`#retro-` is `retro`). */
const TRAILING = new Set(['-', '/', '_']);

/**
 * Checks a new tag name: a letter, then letters, marks, digits, `-`, `_` and `/` (the tag rule of
 * README "File format"), each `/`-separated part starting with a letter, no `-`, `_` or `/` at
 * the end, no spaces at the ends. Returns the rule it breaks, or undefined when it is a tag.
 */
export function tagNameProblem(name: string): string | undefined {
  const rule = l10n.t('A tag starts with a letter and continues with letters, digits, "-", "_" or "/" (each part after a "/" starts with a letter), with no spaces.');
  if (name === '') return l10n.t('Type a name. {0}', rule);
  if (name.trim() !== name) return l10n.t('"{0}" has spaces at its ends. {1}', name, rule);
  const clean = name.startsWith('#') ? name.slice(1) : name;
  let partStart = true;
  for (const char of clean) {
    const point = char.codePointAt(0)!;
    if (partStart) {
      if (!isTagLetter(point)) return l10n.t('"{0}" has "{1}" where a letter must start the tag or one of its parts. {2}', name, char, rule);
      partStart = false;
      continue;
    }
    if (!isTagChar(point)) return l10n.t('"{0}" has "{1}", which a tag may not contain. {2}', name, char, rule);
    if (char === '/') partStart = true;
  }
  if (clean === '') return l10n.t('Type a name. {0}', rule);
  if (TRAILING.has(clean[clean.length - 1])) return l10n.t('"{0}" ends with "{1}", which would not be part of the tag. {2}', name, clean[clean.length - 1], rule);
  return undefined;
}

/** A rename's new name as it is written into the files: without a leading `#`. */
export function writtenName(name: string): string {
  return name.startsWith('#') ? name.slice(1) : name;
}

export type RenameResult =
  | { readonly edits: readonly TextEdit[] }
  /** The file holds the tag in a form the rename cannot change exactly (a flow list over several lines). */
  | { readonly refused: string };

/**
 * The edits that rename `oldTag` (normalised) to `newName` (a tag as the user wrote it, see
 * tagNameProblem) in one document: each occurrence of the tag, and of the tags nested under it,
 * gets the new name; nothing else changes. Checked by parsing the result: when the document's
 * tags would not become exactly the renamed set (a front matter form the locator cannot read, or
 * a tag that is a reference link's text, whose link would break), the document is refused
 * instead, with the reason.
 */
export function renameTagEdits(text: string, oldTag: string, newName: string): RenameResult {
  const name = writtenName(newName);
  const edits: TextEdit[] = [];
  for (const occurrence of tagOccurrences(text)) {
    if (renamedTag(occurrence.tag, oldTag, name) === undefined) continue;
    const written = text.slice(occurrence.start, occurrence.end);
    edits.push({ start: occurrence.start, end: occurrence.end, newText: name + nestedRest(written, occurrence.tag, oldTag) });
  }
  const before = parseEntry(text).tags;
  if (edits.length === 0 && before.every((tag) => renamedTag(tag, oldTag, name) === undefined)) return { edits };
  const expected = expectedTags(before, oldTag, name);
  const after = [...new Set(parseEntry(applyEdits(text, edits)).tags)].sort();
  if (after.length !== expected.length || after.some((tag, i) => tag !== expected[i])) {
    return {
      refused: l10n.t(
        'renamed here, the note would not hold exactly the renamed tags: its front matter writes "tags" in a form rename cannot change exactly (such as a list over several lines), or the tag is a reference link\'s text; rename it there by hand',
      ),
    };
  }
  return { edits };
}

/** The part of a nested tag as written after its parent's parts (`/Alex` of `One-On-One/Alex`). */
function nestedRest(written: string, tag: string, oldTag: string): string {
  if (tag === oldTag) return '';
  let slashes = 0;
  for (let i = 0; i < oldTag.length; i++) if (oldTag[i] === '/') slashes++;
  let at = -1;
  for (let seen = 0; seen <= slashes; seen++) {
    at = written.indexOf('/', at + 1);
    if (at === -1) return '';
  }
  return written.slice(at);
}

/** The document's tags after the rename, each once, sorted. */
export function expectedTags(tags: readonly string[], oldTag: string, newName: string): string[] {
  return [...new Set(tags.map((tag) => renamedTag(tag, oldTag, newName) ?? tag))].sort();
}

/** Applies non-overlapping edits (in any order) to `text`. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let result = '';
  let at = 0;
  for (const edit of sorted) {
    result += text.slice(at, edit.start) + edit.newText;
    at = edit.end;
  }
  return result + text.slice(at);
}

/** Offsets to 0-based lines and characters, as VS Code counts them (`\r\n`, `\n` and a lone `\r` end a line). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let at = 0; at < text.length; at++) {
      const code = text.charCodeAt(at);
      if (code === 10) this.starts.push(at + 1);
      else if (code === 13) {
        if (text.charCodeAt(at + 1) === 10) at++;
        this.starts.push(at + 1);
      }
    }
  }

  position(offset: number): { line: number; character: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (this.starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: offset - this.starts[low] };
  }
}

/** The question asked before renaming a trait's tag: its entries stop counting for the trait. */
export function traitRenameQuestion(trait: { label: string; side: string }, sideLabel: string, oldTag: string, newTag: string, entries: number, newTrait?: { label: string }): string {
  const moves = newTrait
    ? l10n.t('Its {0} will count for {1} instead.', pluralEntries(entries), newTrait.label)
    : l10n.t('Its {0} will no longer count for {1}, or for your balance.', pluralEntries(entries), trait.label);
  return l10n.t('#{0} is the trait {1} ({2}). Rename it to #{3}? {4}', oldTag, trait.label, sideLabel, newTag, moves);
}
