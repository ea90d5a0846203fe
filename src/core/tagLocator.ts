import { forEachInlineTag } from './inlineTags';
import { normalizeTag } from './traits';

export interface TagAtOffset {
  /** Normalised tag. */
  readonly tag: string;
  /** Offsets in the document text of the tag as written (without `#` or quotes). */
  readonly start: number;
  readonly end: number;
}

/**
 * The tag under `offset` in a Markdown document: an item of the front matter `tags` (block
 * list, flow list or comma-separated text) or an inline `#tag` in the body.
 */
export function findTagAt(text: string, offset: number): TagAtOffset | undefined {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const frontMatterEnd = frontMatterEndOffset(text, bom);
  if (frontMatterEnd !== undefined && offset < frontMatterEnd) {
    return findFrontMatterTag(text, bom, frontMatterEnd, offset);
  }
  const bodyStart = frontMatterEnd ?? bom;
  let found: TagAtOffset | undefined;
  // The whole body: fences and code spans around the offset decide; entries are small.
  const scanned = text.slice(bodyStart);
  forEachInlineTag(scanned, (match) => {
    const start = bodyStart + match.start;
    const end = bodyStart + match.end;
    if (offset >= start && offset <= end) found = { tag: normalizeTag(match.raw), start: start + 1, end };
  });
  return found;
}

function frontMatterEndOffset(text: string, from: number): number | undefined {
  if (!/^---[ \t]*\r?\n/.test(text.slice(from, from + 8))) return undefined;
  const close = /\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/g;
  close.lastIndex = from + 3;
  const match = close.exec(text);
  return match ? match.index + match[0].length : undefined;
}

interface Line {
  readonly start: number;
  readonly text: string;
}

function linesBetween(text: string, from: number, to: number): Line[] {
  const lines: Line[] = [];
  let start = from;
  while (start < to) {
    let end = text.indexOf('\n', start);
    if (end === -1 || end > to) end = to;
    lines.push({ start, text: text.slice(start, end).replace(/\r$/, '') });
    start = end + 1;
  }
  return lines;
}

function findFrontMatterTag(text: string, from: number, to: number, offset: number): TagAtOffset | undefined {
  const lines = linesBetween(text, from, to);
  const keyIndex = lines.findIndex((line) => /^tags\s*:/.test(line.text));
  if (keyIndex === -1) return undefined;

  const keyLine = lines[keyIndex];
  const afterColon = keyLine.text.indexOf(':') + 1;
  if (keyLine.text.slice(afterColon).trim() !== '') {
    // `tags: [a, b]` or `tags: a, b`
    if (offset < keyLine.start + afterColon || offset > keyLine.start + keyLine.text.length) return undefined;
    return itemAt(keyLine.text, afterColon, keyLine.text.length, keyLine.start, offset, /[,[\]]/);
  }
  // A block list: `  - a` lines until the next key.
  for (let i = keyIndex + 1; i < lines.length; i++) {
    const line = lines[i];
    const item = /^(\s*-\s+)(.*)$/.exec(line.text);
    if (!item) {
      if (/^\S/.test(line.text)) break;
      continue;
    }
    if (offset < line.start || offset > line.start + line.text.length) continue;
    return itemAt(line.text, item[1].length, line.text.length, line.start, offset, /$^/);
  }
  return undefined;
}

/** The item around `offset` in `line[from, to)`, items separated by `separators`. */
function itemAt(line: string, from: number, to: number, lineStart: number, offset: number, separators: RegExp): TagAtOffset | undefined {
  let itemStart = from;
  for (let i = from; i <= to; i++) {
    if (i === to || separators.test(line[i])) {
      const raw = line.slice(itemStart, i);
      const leading = raw.length - raw.trimStart().length;
      let value = raw.trim();
      let start = lineStart + itemStart + leading;
      const quoted = /^(['"])(.*)\1$/.exec(value);
      if (quoted) {
        value = quoted[2];
        start += 1;
      }
      value = value.replace(/\s+#.*$/, '');
      const end = start + value.length;
      if (value && offset >= start && offset <= end) return { tag: normalizeTag(value), start, end };
      itemStart = i + 1;
    }
  }
  return undefined;
}
