// An entry's outline: its title and its sections (the headings outside block quotes and lists,
// from core/markdownScanner), nested by level, with the offsets the editor needs.

import { bodyStartOffset } from './frontMatter';
import { scanMarkdown } from './markdownScanner';

export interface OutlineSection {
  readonly name: string;
  readonly level: number;
  /** The heading's text in the document. */
  readonly selectionStart: number;
  readonly selectionEnd: number;
  /** From the heading to the next heading of the same or a higher level (or the end). */
  readonly start: number;
  readonly end: number;
  readonly children: OutlineSection[];
}

/**
 * The headings of a Markdown document (offsets in the whole text, front matter included), as a
 * tree: each heading holds the deeper headings after it. Empty headings are left out.
 */
export function entryOutline(text: string): OutlineSection[] {
  const bodyStart = bodyStartOffset(text);
  const headings = scanMarkdown(text.slice(bodyStart), { tags: false, title: false, headings: true }).headings ?? [];
  const roots: OutlineSection[] = [];
  const lineStart = (offset: number) => Math.max(bodyStart, text.lastIndexOf('\n', offset - 1) + 1);
  // Linear: a section ends when a heading of the same or a higher level pops it off the stack.
  const stack: Array<{ -readonly [K in keyof OutlineSection]: OutlineSection[K] }> = [];
  for (const heading of headings) {
    if (heading.text === '') continue;
    const start = lineStart(bodyStart + heading.start);
    while (stack.length > 0 && stack[stack.length - 1].level >= heading.level) {
      const closed = stack.pop()!;
      closed.end = Math.max(start, closed.selectionEnd);
    }
    const section = {
      name: heading.text,
      level: heading.level,
      selectionStart: bodyStart + heading.start,
      selectionEnd: bodyStart + heading.end,
      start,
      end: text.length,
      children: [],
    };
    (stack.length > 0 ? stack[stack.length - 1].children : roots).push(section);
    stack.push(section);
  }
  return roots;
}
