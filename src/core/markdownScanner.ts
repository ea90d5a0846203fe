// The one owner of "where a tag is" in Markdown: CommonMark 0.31 block structure (block quotes and
// list items as containers, lazy continuation, tabs, fenced and indented code, the seven kinds of
// HTML blocks, link reference definitions, ATX and setext headings, thematic breaks, paragraphs)
// and the inline constructs that hide text (code spans, link destinations, titles and reference
// labels, autolinks, raw HTML, backslash escapes). The index (entryParser), the hover (tagLocator)
// and completion (tagCompletion) all ask this module, so they cannot disagree.
//
// Every step runs in time linear in the text: no regular expression that can backtrack runs on
// the text; backtick runs are indexed once per paragraph; searches for a terminator (`-->`, `?>`,
// `]]>`, `>`, a line break) remember their last answer; container nesting is capped.
//
// README's "File format" states the tag rule and the few decisions that differ from a plain
// CommonMark reading; test/unit/markdownScanner.differential.test.ts checks the rest against
// markdown-it.

import { HASH, isHighSurrogate, isLowSurrogate, isTagChar, tagCandidates } from './markdown/characters';
import { BlockScanner } from './markdown/blocks';
import { scanLeaf } from './markdown/inline';
export { MAX_CONTAINER_DEPTH, MAX_TITLE_LENGTH, isTagChar, isTagLetter, mayPrecedeTag } from './markdown/characters';

/** A `#tag` in the scanned text. */
export interface InlineTag {
  /** The tag as written, without `#` (trailing `-`, `/` and `_` are not part of it). */
  readonly raw: string;
  /** Offset of the `#`. */
  readonly start: number;
  /** Offset just past the tag. */
  readonly end: number;
}

export interface MarkdownScan {
  /** Every tag, in order. */
  readonly tags: readonly InlineTag[];
  /**
   * The text of the first level-1 heading (`# Title` or `Title` over `===`) that is not inside a
   * block quote or list item: backslash escapes removed, lines joined by a space, at most
   * MAX_TITLE_LENGTH characters. A slice of the text (the caller detaches it if it keeps it).
   */
  readonly title: string | undefined;
  /**
   * With the `tasks` option: the offset of the `[` of each task list item (`- [ ] …`, `- [x] …`),
   * in order. A task item is a list item whose first block is a paragraph that starts with `[ ]`,
   * `[x]` or `[X]` and then white space or the end of the line (GitHub's rule); never in code or
   * HTML blocks, since those hold no paragraphs.
   */
  readonly tasks?: readonly number[];
  /** With the option `headings`: the headings outside block quotes and list items, in order. */
  readonly headings?: readonly Heading[];
}

/** A heading (ATX or setext) that is not inside a block quote or list item. */
export interface Heading {
  /** 1–6. */
  readonly level: number;
  /** Its text, as for the title (escapes removed, lines joined, at most MAX_TITLE_LENGTH characters); '' when empty. */
  readonly text: string;
  /** Offsets of its text in the scanned text (after the `#` markers, before a closing sequence). */
  readonly start: number;
  readonly end: number;
}

export interface ScanOptions {
  /** Find tags (default true). */
  readonly tags?: boolean;
  /** Find the title (default true). */
  readonly title?: boolean;
  /** Only tags whose `#` is at an offset in [from, to]; the scan stops after their block. */
  readonly hashesIn?: readonly [number, number];
  /** Find task list items (default false); the whole text is then read. */
  readonly tasks?: boolean;
  /** Find the headings too (default false); the whole text is then read. */
  readonly headings?: boolean;
}



/** Scans Markdown (without front matter) for tags and the title. Never throws. */
export function scanMarkdown(text: string, options: ScanOptions = {}): MarkdownScan {
  const wantTags = options.tags ?? true;
  const wantTitle = options.title ?? true;
  const wantTasks = options.tasks ?? false;
  const wantHeadings = options.headings ?? false;
  const candidates = wantTags ? tagCandidates(text, options.hashesIn) : [];
  if (candidates.length === 0 && !wantTitle && !wantTasks && !wantHeadings) return { tags: [], title: undefined };
  const scanner = new BlockScanner(text, candidates, wantTitle);
  if (wantTasks) scanner.tasks = [];
  if (wantHeadings) scanner.headings = [];
  scanner.run(!wantTasks && !wantHeadings);
  const tags: InlineTag[] = [];
  if (candidates.length > 0) {
    const [from, to] = options.hashesIn ?? [0, text.length];
    for (const leaf of scanner.leaves) {
      scanLeaf(scanner, leaf, (tag) => {
        if (tag.start >= from && tag.start <= to) tags.push(tag);
      });
    }
  }
  const { title, tasks, headings } = scanner;
  if (!tasks && !headings) return { tags, title };
  return { tags, title, ...(tasks && { tasks }), ...(headings && { headings }) };
}

/** The tag whose `#`, name or end is at `offset` (the hover and rename use it). */
export function tagAt(text: string, offset: number): InlineTag | undefined {
  if (offset < 0 || offset > text.length) return undefined;
  // A tag covering `offset` starts at the `#` before the run of tag characters that ends there,
  // or at `offset` itself (the cursor on its `#`).
  const hash = hashBeforeCursor(text, offset);
  const from = hash === -1 ? offset : hash;
  const found = scanMarkdown(text, { title: false, hashesIn: [from, offset] }).tags;
  return found.find((tag) => tag.start <= offset && offset <= tag.end);
}

/**
 * Where a tag is being typed at `offset`: the offset just after its `#`, when the index would
 * count a tag starting at that `#` once a letter is typed at `offset`; otherwise undefined.
 */
export function tagBeingTyped(text: string, offset: number): number | undefined {
  if (offset < 0 || offset > text.length) return undefined;
  const hash = hashBeforeCursor(text, offset);
  if (hash === -1) return undefined;
  const typed = `${text.slice(0, offset)}x${text.slice(offset)}`;
  const found = scanMarkdown(typed, { title: false, hashesIn: [hash, hash] }).tags;
  return found.length > 0 ? hash + 1 : undefined;
}

/** The `#` before the run of tag characters that ends at `offset`, or -1. */
function hashBeforeCursor(text: string, offset: number): number {
  let at = offset;
  while (at > 0) {
    const code = text.charCodeAt(at - 1);
    if (code === HASH) return at - 1;
    const width = isLowSurrogate(code) && at >= 2 && isHighSurrogate(text.charCodeAt(at - 2)) ? 2 : 1;
    if (!isTagChar(text.codePointAt(at - width)!)) break;
    at -= width;
  }
  return -1;
}

