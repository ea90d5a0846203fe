import { tagKey } from './entryParser';
import { bodyStartOffset } from './frontMatter';
import { tagAt } from './markdownScanner';

export interface TagAtOffset {
  /** Normalised tag. */
  readonly tag: string;
  /** Offsets in the document text of the tag as written (without `#` or quotes). */
  readonly start: number;
  readonly end: number;
}

/**
 * The tag under `offset` in a Markdown document: an item of the front matter `tags` (block
 * list, flow list or comma-separated text) or an inline `#tag` in the body, exactly where the
 * index counts one (core/markdownScanner). Linear in the text.
 */
export function findTagAt(text: string, offset: number): TagAtOffset | undefined {
  const bodyStart = bodyStartOffset(text);
  const frontMatterStart = text.startsWith('\uFEFF') ? 1 : 0;
  if (offset < bodyStart) return offset >= frontMatterStart ? findFrontMatterTag(text, frontMatterStart, bodyStart, offset) : undefined;
  const found = tagAt(text.slice(bodyStart), offset - bodyStart);
  if (!found) return undefined;
  return { tag: tagKey(found.raw), start: bodyStart + found.start + 1, end: bodyStart + found.end };
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

function findFrontMatterTag(text: string, from: number, to: number, offset: number): TagAtOffset | undefined {
  // The `tags` key: its line, and whether its value is on that line or in the lines below.
  let start = from;
  let keyEnd = -1;
  let lineEnd = from;
  for (; start < to; start = text.indexOf('\n', start) + 1 || to) {
    lineEnd = lineEndAt(text, start, to);
    keyEnd = tagsKeyEnd(text, start, lineEnd);
    if (keyEnd !== -1) break;
  }
  if (keyEnd === -1) return undefined;

  let valueStart = keyEnd;
  while (valueStart < lineEnd && /\s/.test(text[valueStart])) valueStart++;
  if (valueStart < lineEnd) {
    // `tags: [a, b]` or `tags: a, b`
    if (offset < keyEnd || offset > lineEnd) return undefined;
    return itemAt(text, keyEnd, lineEnd, offset, true);
  }
  // A block list: `  - a` lines until the next key.
  for (start = text.indexOf('\n', start) + 1 || to; start < to; start = text.indexOf('\n', start) + 1 || to) {
    lineEnd = lineEndAt(text, start, to);
    let at = start;
    while (at < lineEnd && /\s/.test(text[at])) at++;
    if (at === lineEnd || text.charCodeAt(at) !== 45 /* - */ || at + 1 >= lineEnd || !/\s/.test(text[at + 1])) {
      if (at === start && at < lineEnd) break;
      continue;
    }
    at++;
    while (at < lineEnd && /\s/.test(text[at])) at++;
    if (offset < start || offset > lineEnd) continue;
    return itemAt(text, at, lineEnd, offset, false);
  }
  return undefined;
}

/** The item around `offset` in [from, to), items separated by `,`, `[` and `]` in a flow value. */
function itemAt(text: string, from: number, to: number, offset: number, flow: boolean): TagAtOffset | undefined {
  let itemStart = from;
  for (let i = from; i <= to; i++) {
    const code = i < to ? text.charCodeAt(i) : -1;
    if (i < to && !(flow && (code === 44 || code === 91 || code === 93))) continue;
    if (offset >= itemStart && offset <= i) {
      let start = itemStart;
      let end = i;
      while (start < end && /\s/.test(text[start])) start++;
      while (end > start && /\s/.test(text[end - 1])) end--;
      const quote = text.charCodeAt(start);
      if (end - start >= 2 && (quote === 34 || quote === 39) && text.charCodeAt(end - 1) === quote) {
        start++;
        end--;
      } else {
        // ` #` starts a YAML comment.
        for (let at = start + 1; at < end; at++) {
          if (text.charCodeAt(at) === 35 && /\s/.test(text[at - 1])) {
            end = at;
            while (end > start && /\s/.test(text[end - 1])) end--;
            break;
          }
        }
      }
      if (start < end && offset >= start && offset <= end) return { tag: tagKey(text.slice(start, end)), start, end };
      return undefined;
    }
    itemStart = i + 1;
  }
  return undefined;
}
