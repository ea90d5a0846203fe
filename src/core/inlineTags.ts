import { Fence, closesFence, mayBeFenceLine, openingFence } from './markdownBlocks';

// Inline `#tags` in Markdown text, skipping code and anything that is not a tag by Markdown's
// reading: headings (`# Title`), words (`a#b`), URLs (`https://x/#y`), link anchors (`](#id)`),
// escapes (`\#`), fenced code blocks and code spans (which may continue over lines).

export interface InlineTagMatch {
  /** The tag as written, without `#`. */
  readonly raw: string;
  /** Offset of the `#` in the scanned text. */
  readonly start: number;
  /** Offset just past the tag. */
  readonly end: number;
}

const TAG_BODY = /\p{L}[\p{L}\p{N}_/-]*/uy;
// A tag starts a word: at a line start, after white space, or after opening punctuation.
const ALLOWED_BEFORE = /[\s([{"'*_>,;!]/;

function lineText(text: string, start: number, end: number): string {
  return text.slice(start, text[end - 1] === '\r' ? end - 1 : end);
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let at = start; at < end; at++) {
    const ch = text[at];
    if (ch !== ' ' && ch !== '\t' && ch !== '\r') return false;
  }
  return true;
}

/**
 * Calls `visit` for every inline tag in `text`, in order. `text` is Markdown without front
 * matter; offsets are relative to it.
 */
export function forEachInlineTag(text: string, visit: (match: InlineTagMatch) => void): void {
  if (!text.includes('#')) return;
  let fence: Fence | undefined;
  let paragraphStart = -1;
  const endParagraph = (end: number) => {
    if (paragraphStart !== -1) scanParagraph(text, paragraphStart, end, visit);
    paragraphStart = -1;
  };
  for (let lineStart = 0; lineStart <= text.length; ) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    if (fence) {
      if (mayBeFenceLine(text, lineStart) && closesFence(lineText(text, lineStart, lineEnd), fence)) fence = undefined;
    } else {
      const opened = mayBeFenceLine(text, lineStart) ? openingFence(lineText(text, lineStart, lineEnd)) : undefined;
      if (opened || isBlank(text, lineStart, lineEnd)) {
        // A fence or a blank line ends the paragraph; code spans never cross either.
        endParagraph(lineStart);
        fence = opened;
      } else if (paragraphStart === -1) {
        paragraphStart = lineStart;
      }
    }
    lineStart = lineEnd + 1;
  }
  endParagraph(text.length);
}

function scanParagraph(text: string, start: number, end: number, visit: (match: InlineTagMatch) => void): void {
  let at = start;
  let nextTick = -2; // not looked up yet
  while (at < end) {
    const hash = text.indexOf('#', at);
    if (hash === -1 || hash >= end) return;
    if (nextTick !== -1 && nextTick < at) nextTick = text.indexOf('`', at);
    if (nextTick !== -1 && nextTick < hash) {
      // A code span: a run of N backticks up to the next run of exactly N in the paragraph.
      let run = 1;
      while (text[nextTick + run] === '`') run++;
      const close = findBacktickRun(text, nextTick + run, end, run);
      at = close === -1 ? nextTick + run : close + run;
      continue;
    }
    if (isTagBoundary(text, hash, start)) {
      TAG_BODY.lastIndex = hash + 1;
      const body = TAG_BODY.exec(text);
      if (body) {
        const raw = body[0].replace(/[-/]+$/, '');
        visit({ raw, start: hash, end: hash + 1 + raw.length });
        at = hash + 1 + body[0].length;
        continue;
      }
    }
    at = hash + 1;
  }
}

function isTagBoundary(text: string, index: number, paragraphStart: number): boolean {
  if (index === paragraphStart) return true;
  const before = text[index - 1];
  if (!ALLOWED_BEFORE.test(before)) return false;
  // `](#anchor)` is a link destination, not a tag.
  return !(before === '(' && text[index - 2] === ']');
}

function findBacktickRun(text: string, from: number, end: number, length: number): number {
  for (let at = text.indexOf('`', from); at !== -1 && at < end; at = text.indexOf('`', at + 1)) {
    let run = 1;
    while (text[at + run] === '`') run++;
    if (run === length) return at;
    at += run - 1;
  }
  return -1;
}

export function inlineTags(text: string): InlineTagMatch[] {
  const found: InlineTagMatch[] = [];
  forEachInlineTag(text, (match) => found.push(match));
  return found;
}
