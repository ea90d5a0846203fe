import { tagKey } from './entryParser';
import { bodyStartOffset } from './frontMatter';
import { scanMarkdown, tagAt } from './markdownScanner';

export interface TagAtOffset {
  /** Normalised tag. */
  readonly tag: string;
  /** Offsets in the document text of the tag as written (without `#` or quotes). */
  readonly start: number;
  readonly end: number;
}

export interface TagOccurrence extends TagAtOffset {
  /** Where it is written: an item of the front matter `tags`, or an inline `#tag` in the body. */
  readonly where: 'frontMatter' | 'inline';
}

/**
 * The tag under `offset` in a Markdown document: an item of the front matter `tags` (block
 * list, flow list or comma-separated text) or an inline `#tag` in the body, exactly where the
 * index counts one (core/markdownScanner). Linear in the text.
 */
export function findTagAt(text: string, offset: number): TagAtOffset | undefined {
  const bodyStart = bodyStartOffset(text);
  const frontMatterStart = text.startsWith('\uFEFF') ? 1 : 0;
  if (offset < bodyStart) {
    if (offset < frontMatterStart) return undefined;
    const item = frontMatterTagItems(text, bodyStart).find((candidate) => candidate.start <= offset && offset <= candidate.end);
    return item && { tag: item.tag, start: item.start, end: item.end };
  }
  const found = tagAt(text.slice(bodyStart), offset - bodyStart);
  if (!found) return undefined;
  return { tag: tagKey(found.raw), start: bodyStart + found.start + 1, end: bodyStart + found.end };
}

/**
 * Every tag of a Markdown document, in order: the front matter `tags` items (as written, without
 * quotes), then the inline `#tags` of the body (without the `#`), exactly where the index counts
 * them (core/markdownScanner). Rename, references and the editor's colours all ask this. Linear in
 * the text.
 */
export function tagOccurrences(text: string): TagOccurrence[] {
  const bodyStart = bodyStartOffset(text);
  const occurrences: TagOccurrence[] = frontMatterTagItems(text, bodyStart).filter((item) => item.tag !== '');
  const { tags } = scanMarkdown(text.slice(bodyStart), { title: false });
  for (const tag of tags) {
    const key = tagKey(tag.raw);
    if (key) occurrences.push({ tag: key, start: bodyStart + tag.start + 1, end: bodyStart + tag.end, where: 'inline' });
  }
  return occurrences;
}

/** Whether the line [start, end) is `tags` + optional spaces + `:`; the offset after the colon, or -1. */
function tagsKeyEnd(text: string, start: number, end: number): number {
  if (!text.startsWith('tags', start)) return -1;
  let at = start + 4;
  while (at < end && /\s/.test(text[at])) at++;
  return at < end && text.charCodeAt(at) === 58 ? at + 1 : -1;
}

function lineEndAt(text: string, start: number, to: number): number {
  let end = text.indexOf('\n', start);
  if (end === -1 || end > to) end = to;
  return end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}

/**
 * The items of the front matter `tags` (which ends at `bodyStart`): a flow list or comma text on
 * the key's line, or the `- item` lines of a block list below it. Lexical: a form this does not
 * read (a flow list over several lines, a block scalar) yields fewer items than the YAML holds,
 * never other text.
 */
export function frontMatterTagItems(text: string, bodyStart = bodyStartOffset(text)): TagOccurrence[] {
  const from = text.startsWith('\uFEFF') ? 1 : 0;
  const to = bodyStart;
  const items: TagOccurrence[] = [];
  if (to <= from) return items;
  // The `tags` key: its line, and whether its value is on that line or in the lines below.
  let start = text.indexOf('\n', from) + 1 || to;
  let keyEnd = -1;
  let lineEnd = start;
  for (; start < to; start = text.indexOf('\n', start) + 1 || to) {
    lineEnd = lineEndAt(text, start, to);
    keyEnd = tagsKeyEnd(text, start, lineEnd);
    if (keyEnd !== -1) break;
  }
  if (keyEnd === -1) return items;

  let valueStart = keyEnd;
  while (valueStart < lineEnd && /\s/.test(text[valueStart])) valueStart++;
  // `tags: # a comment` has no value on its line: the list, if any, is below.
  const commentOnly = valueStart > keyEnd && text.charCodeAt(valueStart) === 35; /* # */
  if (valueStart < lineEnd && !commentOnly) {
    // `tags: [a, b]` or `tags: a, b`
    collectItems(text, keyEnd, lineEnd, true, items);
    return items;
  }
  // A block list: `  - a` lines until the next key.
  for (start = text.indexOf('\n', start) + 1 || to; start < to; start = text.indexOf('\n', start) + 1 || to) {
    lineEnd = lineEndAt(text, start, to);
    let at = start;
    while (at < lineEnd && /\s/.test(text[at])) at++;
    // `-` then a blank or the line's end is an item, perhaps empty (a lone `-` is a null item).
    if (at === lineEnd || text.charCodeAt(at) !== 45 /* - */ || !/\s/.test(text[at + 1])) {
      // Text at the line's start ends the list (the next key), but a comment line does not.
      if (at === start && at < lineEnd && text.charCodeAt(at) !== 35 /* # */) break;
      continue;
    }
    at++;
    while (at < lineEnd && /\s/.test(text[at])) at++;
    collectItems(text, at, lineEnd, false, items);
  }
  return items;
}

/** The items of [from, to): separated by `,`, `[` and `]` in a flow value, the whole range in a block item. */
function collectItems(text: string, from: number, to: number, flow: boolean, items: TagOccurrence[]): void {
  // ` #` outside quotes starts a YAML comment: the rest of the line is not read.
  let itemStart = from;
  let quote = 0;
  for (let i = from; i <= to; i++) {
    const code = i < to ? text.charCodeAt(i) : -1;
    if (quote !== 0) {
      if (code === quote) quote = 0;
      if (i < to) continue;
    } else if ((code === 34 || code === 39) && isItemStart(text, itemStart, i)) {
      quote = code;
      continue;
    }
    // Also at `from`: in a block item a blank always precedes it (`- #x` is an empty item and a comment).
    const comment = code === 35 && /\s/.test(text[i - 1]);
    if (i < to && !comment && !(flow && (code === 44 || code === 91 || code === 93))) continue;
    const item = trimItem(text, itemStart, i);
    if (item) items.push(item);
    if (comment) return;
    itemStart = i + 1;
  }
}

/** Whether only white space lies in [itemStart, at). */
function isItemStart(text: string, itemStart: number, at: number): boolean {
  for (let i = itemStart; i < at; i++) if (!/\s/.test(text[i])) return false;
  return true;
}

function trimItem(text: string, from: number, to: number): TagOccurrence | undefined {
  let start = from;
  let end = to;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  const quote = text.charCodeAt(start);
  if (end - start >= 2 && (quote === 34 || quote === 39) && text.charCodeAt(end - 1) === quote) {
    start++;
    end--;
  }
  if (start >= end) return undefined;
  return { tag: tagKey(text.slice(start, end)), start, end, where: 'frontMatter' };
}
