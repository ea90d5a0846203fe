// Inline `#tags` in Markdown text, skipping code and anything that is not a tag by Markdown's
// reading: headings (`# Title`), words (`a#b`), URLs (`https://x/#y`), link anchors (`](#id)`),
// escapes (`\#`), fenced code blocks and inline code spans.

export interface InlineTagMatch {
  /** The tag as written, without `#`. */
  readonly raw: string;
  /** Offset of the `#` in the scanned text. */
  readonly start: number;
  /** Offset just past the tag. */
  readonly end: number;
}

const TAG_BODY = /^\p{L}[\p{L}\p{N}_/-]*/u;
// A tag starts a word: at the line start, after white space, or after opening punctuation.
const ALLOWED_BEFORE = /[\s([{"'*_>,;!]/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/**
 * Calls `visit` for every inline tag in `text`, in order. `text` is Markdown without front
 * matter; offsets are relative to it.
 */
export function forEachInlineTag(text: string, visit: (match: InlineTagMatch) => void): void {
  if (!text.includes('#')) return;
  let fence: { char: string; length: number } | undefined;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');

    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (close && close[1][0] === fence.char && close[1].length >= fence.length) fence = undefined;
    } else {
      const open = FENCE_OPEN.exec(line);
      // A backtick fence's info string may not contain backticks (CommonMark).
      if (open && !(open[1][0] === '`' && open[2].includes('`'))) {
        fence = { char: open[1][0], length: open[1].length };
      } else if (line.includes('#')) {
        scanLine(line, lineStart, visit);
      }
    }
    lineStart = lineEnd + 1;
  }
}

function scanLine(line: string, lineOffset: number, visit: (match: InlineTagMatch) => void): void {
  let i = 0;
  while (i < line.length) {
    const ch = line[i];
    if (ch === '`') {
      // Skip an inline code span: a run of N backticks up to the next run of exactly N.
      let run = 1;
      while (line[i + run] === '`') run++;
      const close = findBacktickRun(line, i + run, run);
      i = close === -1 ? i + run : close + run;
      continue;
    }
    if (ch === '#' && isTagBoundary(line, i)) {
      const body = TAG_BODY.exec(line.slice(i + 1));
      if (body) {
        const raw = body[0].replace(/[-/]+$/, '');
        visit({ raw, start: lineOffset + i, end: lineOffset + i + 1 + raw.length });
        i += 1 + body[0].length;
        continue;
      }
    }
    i++;
  }
}

function isTagBoundary(line: string, index: number): boolean {
  if (index === 0) return true;
  const before = line[index - 1];
  if (!ALLOWED_BEFORE.test(before)) return false;
  // `](#anchor)` is a link destination, not a tag.
  return !(before === '(' && line[index - 2] === ']');
}

function findBacktickRun(line: string, from: number, length: number): number {
  for (let i = line.indexOf('`', from); i !== -1; i = line.indexOf('`', i + 1)) {
    let run = 1;
    while (line[i + run] === '`') run++;
    if (run === length) return i;
    i += run - 1;
  }
  return -1;
}

export function inlineTags(text: string): InlineTagMatch[] {
  const found: InlineTagMatch[] = [];
  forEachInlineTag(text, (match) => found.push(match));
  return found;
}
