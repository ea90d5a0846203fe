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
  /** Find the headings too (default false); the whole text is read. */
  readonly headings?: boolean;
}

export const MAX_TITLE_LENGTH = 200;

/** Block quotes and list items nested deeper than this are read as text (bounds the work per line). */
export const MAX_CONTAINER_DEPTH = 64;

/** Scans Markdown (without front matter) for tags and the title. Never throws. */
export function scanMarkdown(text: string, options: ScanOptions = {}): MarkdownScan {
  const wantTags = options.tags ?? true;
  const wantTitle = options.title ?? true;
  const candidates = wantTags ? tagCandidates(text, options.hashesIn) : [];
  const wantHeadings = options.headings ?? false;
  if (candidates.length === 0 && !wantTitle && !wantHeadings) return { tags: [], title: undefined };
  const scanner = new BlockScanner(text, candidates, wantTitle);
  if (wantHeadings) scanner.headings = [];
  scanner.run(!wantHeadings);
  const tags: InlineTag[] = [];
  if (candidates.length > 0) {
    const [from, to] = options.hashesIn ?? [0, text.length];
    for (const leaf of scanner.leaves) {
      scanLeaf(scanner, leaf, (tag) => {
        if (tag.start >= from && tag.start <= to) tags.push(tag);
      });
    }
  }
  return scanner.headings ? { tags, title: scanner.title, headings: scanner.headings } : { tags, title: scanner.title };
}

/** The tag whose `#`, name or end is at `offset` (the hover and rename use it). */
export function tagAt(text: string, offset: number): InlineTag | undefined {
  if (offset < 0 || offset > text.length) return undefined;
  const hash = hashBefore(text, offset);
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

/**
 * The `#` that a tag under `offset` would start at: the `#` before the run of tag characters
 * that ends at `offset`, else `offset` itself when it is a `#`; -1 when there is none.
 */
function hashBefore(text: string, offset: number): number {
  const before = hashBeforeCursor(text, offset);
  if (before !== -1) return before;
  return text.charCodeAt(offset) === HASH ? offset : -1;
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

// ---------------------------------------------------------------------------------------------
// The tag rule
// ---------------------------------------------------------------------------------------------

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const BANG = 33;
const QUOTE = 34;
const HASH = 35;
const APOS = 39;
const LPAREN = 40;
const RPAREN = 41;
const STAR = 42;
const PLUS = 43;
const DASH = 45;
const DOT = 46;
const SLASH = 47;
const COLON = 58;
const LT = 60;
const EQ = 61;
const GT = 62;
const QUESTION = 63;
const AT = 64;
const LBRACKET = 91;
const BACKSLASH = 92;
const RBRACKET = 93;
const UNDERSCORE = 95;
const BACKTICK = 96;
const TILDE = 126;

const LETTER = /\p{L}/u;
const TAG_CHAR = /[\p{L}\p{M}\p{N}]/u;
const OPENS_OR_QUOTES = /[\p{Ps}\p{Pi}\p{Pf}]/u;
const WHITE_SPACE = /\s/u;

// ASCII characters a tag may follow: white space, ( [ { " ' * _ > , ; !
const ASCII_BEFORE_TAG = new Uint8Array(128);
for (const ch of ' \t\n\v\f\r([{"\'*_>,;!') ASCII_BEFORE_TAG[ch.charCodeAt(0)] = 1;

function isAsciiLetter(code: number): boolean {
  const lower = code | 32;
  return lower >= 97 && lower <= 122;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** A letter a tag may start with: \p{L}. */
export function isTagLetter(codePoint: number): boolean {
  if (codePoint < 128) return isAsciiLetter(codePoint);
  return LETTER.test(String.fromCodePoint(codePoint));
}

/** A character a tag may continue with: \p{L}, \p{M}, \p{N}, `_`, `-`, `/`. */
export function isTagChar(codePoint: number): boolean {
  if (codePoint < 128) return isAsciiLetter(codePoint) || isDigit(codePoint) || codePoint === UNDERSCORE || codePoint === DASH || codePoint === SLASH;
  return TAG_CHAR.test(String.fromCodePoint(codePoint));
}

/** A character a `#` may follow and still start a tag: white space, opening or quoting punctuation, `*_>,;!`. */
export function mayPrecedeTag(codePoint: number): boolean {
  if (codePoint < 128) return ASCII_BEFORE_TAG[codePoint] === 1;
  const ch = String.fromCodePoint(codePoint);
  return WHITE_SPACE.test(ch) || OPENS_OR_QUOTES.test(ch);
}

function codePointBefore(text: string, at: number): number {
  const code = text.charCodeAt(at - 1);
  if (isLowSurrogate(code) && at >= 2 && isHighSurrogate(text.charCodeAt(at - 2))) return text.codePointAt(at - 2)!;
  return code;
}

/** Offsets of every `#` followed by a letter, in [from, to]. */
function tagCandidates(text: string, range: readonly [number, number] | undefined): number[] {
  const found: number[] = [];
  const from = Math.max(0, range?.[0] ?? 0);
  const to = range?.[1] ?? text.length;
  for (let at = text.indexOf('#', from); at !== -1 && at <= to; at = text.indexOf('#', at + 1)) {
    const next = text.codePointAt(at + 1);
    if (next !== undefined && isTagLetter(next)) found.push(at);
  }
  return found;
}

/** The end of the tag characters after the `#` at `hash`, or -1 when no letter follows it. */
function tagNameEnd(text: string, hash: number, limit: number): number {
  let at = hash + 1;
  if (at >= limit) return -1;
  const first = text.codePointAt(at)!;
  if (!isTagLetter(first)) return -1;
  at += first > 0xffff ? 2 : 1;
  while (at < limit) {
    const code = text.charCodeAt(at);
    if (code < 128) {
      if (isAsciiLetter(code) || isDigit(code) || code === UNDERSCORE || code === DASH || code === SLASH) {
        at++;
        continue;
      }
      break;
    }
    const point = text.codePointAt(at)!;
    if (!isTagChar(point)) break;
    at += point > 0xffff ? 2 : 1;
  }
  return at;
}

/** Trailing `-`, `/` and `_` are not part of a tag (`#retro-` is `retro`). */
function trimTagEnd(text: string, hash: number, end: number): number {
  let at = end;
  while (at > hash + 2) {
    const code = text.charCodeAt(at - 1);
    if (code !== DASH && code !== SLASH && code !== UNDERSCORE) break;
    at--;
  }
  return at;
}

// ---------------------------------------------------------------------------------------------
// Shared small parsers (destinations, titles, labels, HTML), all bounded and linear
// ---------------------------------------------------------------------------------------------

function isSpaceOrTab(code: number): boolean {
  return code === SPACE || code === TAB;
}

function isAsciiPunctuation(code: number): boolean {
  return (code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126);
}

/** JavaScript's `\s`, which both reference parsers use inside HTML tags. */
function isJsWhiteSpace(code: number): boolean {
  if (code < 128) return code === SPACE || (code >= 9 && code <= 13);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Spaces and tabs, then at most one line break and spaces and tabs. */
function skipSpacesAndOneLineBreak(text: string, at: number, end: number): number {
  while (at < end && isSpaceOrTab(text.charCodeAt(at))) at++;
  if (at < end && text.charCodeAt(at) === LF) {
    at++;
    while (at < end && isSpaceOrTab(text.charCodeAt(at))) at++;
  }
  return at;
}

/** markdown-it's limit, which also keeps scans linear: deeper parentheses end a destination. */
const MAX_DESTINATION_PARENS = 32;

/** The end of a link destination starting at `at`, or -1. An empty destination fails. */
function destinationEnd(text: string, at: number, end: number): number {
  if (at >= end) return -1;
  if (text.charCodeAt(at) === LT) {
    for (let i = at + 1; i < end; i++) {
      const code = text.charCodeAt(i);
      if (code === GT) return i + 1;
      if (code === LT || code === LF) return -1;
      if (code === BACKSLASH && i + 1 < end && isAsciiPunctuation(text.charCodeAt(i + 1))) i++;
    }
    return -1;
  }
  let depth = 0;
  let i = at;
  for (; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code <= SPACE || code === 0x7f) break;
    if (code === BACKSLASH && i + 1 < end && isAsciiPunctuation(text.charCodeAt(i + 1))) {
      i++;
    } else if (code === LPAREN) {
      if (++depth > MAX_DESTINATION_PARENS) return -1;
    } else if (code === RPAREN) {
      if (depth === 0) break;
      depth--;
    }
  }
  return i === at || depth !== 0 ? -1 : i;
}

/** The end of a link title (`"…"`, `'…'` or `(…)`) starting at `at`, or -1. */
function titleEnd(text: string, at: number, end: number): number {
  const open = text.charCodeAt(at);
  const close = open === LPAREN ? RPAREN : open;
  for (let i = at + 1; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === close) return i + 1;
    if (open === LPAREN && code === LPAREN) return -1;
    if (code === BACKSLASH && i + 1 < end) i++;
  }
  return -1;
}

/** The offset of the `]` that closes a link label opened at `at` (`[`), or -1. */
function labelEnd(text: string, at: number, end: number): number {
  const limit = Math.min(end, at + 1 + 999 + 1);
  for (let i = at + 1; i < limit; i++) {
    const code = text.charCodeAt(i);
    if (code === RBRACKET) return i;
    if (code === LBRACKET) return -1;
    if (code === BACKSLASH && i + 1 < end) i++;
  }
  return -1;
}

/** CommonMark's label matching: case-folded, white space collapsed. */
function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase().toUpperCase();
}

/** Remembers each search for a fixed string, so that repeated searches stay linear. */
class Finder {
  private readonly last = new Map<string, { from: number; found: number }>();
  constructor(private readonly text: string) {}

  indexOf(needle: string, from: number): number {
    const cached = this.last.get(needle);
    if (cached && from >= cached.from && (cached.found === -1 || from <= cached.found)) return cached.found;
    const found = this.text.indexOf(needle, from);
    this.last.set(needle, { from, found });
    return found;
  }
}

/** The end of an HTML tag name ([A-Za-z][A-Za-z0-9-]*) at `at`, or -1. */
function tagNameEndAt(text: string, at: number, end: number): number {
  if (at >= end || !isAsciiLetter(text.charCodeAt(at))) return -1;
  let i = at + 1;
  while (i < end) {
    const code = text.charCodeAt(i);
    if (!(isAsciiLetter(code) || isDigit(code) || code === DASH)) break;
    i++;
  }
  return i;
}

function skipJsWhiteSpace(text: string, at: number, end: number): number {
  while (at < end && isJsWhiteSpace(text.charCodeAt(at))) at++;
  return at;
}

/** The end of an open tag (`<a b="c">`) or closing tag (`</a>`) at `at` (`<`), or -1. */
function openOrClosingTagEnd(text: string, at: number, end: number): number {
  let i = at + 1;
  if (text.charCodeAt(i) === SLASH) {
    i = tagNameEndAt(text, i + 1, end);
    if (i === -1) return -1;
    i = skipJsWhiteSpace(text, i, end);
    return i < end && text.charCodeAt(i) === GT ? i + 1 : -1;
  }
  i = tagNameEndAt(text, i, end);
  if (i === -1) return -1;
  for (;;) {
    // An attribute needs white space before it.
    const afterSpace = skipJsWhiteSpace(text, i, end);
    if (afterSpace === i) break;
    const nameStart = afterSpace;
    const first = nameStart < end ? text.charCodeAt(nameStart) : -1;
    if (!(isAsciiLetter(first) || first === UNDERSCORE || first === COLON)) {
      i = afterSpace;
      break;
    }
    let j = nameStart + 1;
    while (j < end) {
      const code = text.charCodeAt(j);
      if (!(isAsciiLetter(code) || isDigit(code) || code === UNDERSCORE || code === DOT || code === COLON || code === DASH)) break;
      j++;
    }
    i = j;
    // An optional value: white space, `=`, white space, then a quoted or unquoted value.
    const beforeEquals = skipJsWhiteSpace(text, j, end);
    if (beforeEquals < end && text.charCodeAt(beforeEquals) === EQ) {
      const valueStart = skipJsWhiteSpace(text, beforeEquals + 1, end);
      if (valueStart >= end) return -1;
      const quote = text.charCodeAt(valueStart);
      if (quote === QUOTE || quote === APOS) {
        let k = valueStart + 1;
        while (k < end && text.charCodeAt(k) !== quote) k++;
        if (k >= end) return -1;
        i = k + 1;
      } else {
        let k = valueStart;
        while (k < end) {
          const code = text.charCodeAt(k);
          if (code <= SPACE || code === QUOTE || code === APOS || code === EQ || code === LT || code === GT || code === BACKTICK) break;
          k++;
        }
        if (k === valueStart) return -1;
        i = k;
      }
    }
  }
  if (i < end && text.charCodeAt(i) === SLASH) i++;
  return i < end && text.charCodeAt(i) === GT ? i + 1 : -1;
}

/** The end of inline raw HTML at `at` (`<`): a tag, comment, processing instruction, declaration or CDATA; or -1. */
function rawHtmlEnd(text: string, at: number, end: number, finder: Finder): number {
  const next = text.charCodeAt(at + 1);
  if (next === BANG) {
    if (text.startsWith('!--', at + 1)) {
      // <!-->, <!---> and <!-- … -->
      const close = finder.indexOf('-->', at + 2);
      return close !== -1 && close + 3 <= end ? close + 3 : -1;
    }
    if (text.startsWith('![CDATA[', at + 1)) {
      const close = finder.indexOf(']]>', at + 9);
      return close !== -1 && close + 3 <= end ? close + 3 : -1;
    }
    if (isAsciiLetter(text.charCodeAt(at + 2))) {
      const close = finder.indexOf('>', at + 3);
      return close !== -1 && close < end ? close + 1 : -1;
    }
    return -1;
  }
  if (next === QUESTION) {
    const close = finder.indexOf('?>', at + 2);
    return close !== -1 && close + 2 <= end ? close + 2 : -1;
  }
  return openOrClosingTagEnd(text, at, end);
}

/** The end of an autolink (`<scheme:…>` or `<a@b.c>`) at `at` (`<`), or -1. */
function autolinkEnd(text: string, at: number, end: number): number {
  let i = at + 1;
  // URI: a scheme of 2–32 characters, `:`, then no white space, control characters, `<` or `>`.
  if (i < end && isAsciiLetter(text.charCodeAt(i))) {
    let j = i + 1;
    while (j < end && j - i <= 32) {
      const code = text.charCodeAt(j);
      if (!(isAsciiLetter(code) || isDigit(code) || code === PLUS || code === DOT || code === DASH)) break;
      j++;
    }
    const schemeLength = j - i;
    if (schemeLength >= 2 && schemeLength <= 32 && j < end && text.charCodeAt(j) === COLON) {
      for (let k = j + 1; k < end; k++) {
        const code = text.charCodeAt(k);
        if (code === GT) return k + 1;
        if (code <= SPACE || code === LT) break;
      }
    }
  }
  // E-mail: local part, `@`, then labels of letters, digits and inner hyphens, separated by dots.
  let j = i;
  while (j < end && isEmailLocalChar(text.charCodeAt(j))) j++;
  if (j === i || j >= end || text.charCodeAt(j) !== AT) return -1;
  i = j + 1;
  for (;;) {
    let k = i;
    while (k < end && (isAsciiLetter(text.charCodeAt(k)) || isDigit(text.charCodeAt(k)) || text.charCodeAt(k) === DASH)) k++;
    const length = k - i;
    if (length < 1 || length > 63 || text.charCodeAt(i) === DASH || text.charCodeAt(k - 1) === DASH) return -1;
    if (k >= end) return -1;
    const code = text.charCodeAt(k);
    if (code === GT) return k + 1;
    if (code !== DOT) return -1;
    i = k + 1;
  }
}

function isEmailLocalChar(code: number): boolean {
  return isAsciiLetter(code) || isDigit(code) || (code < 128 && ".!#$%&'*+/=?^_`{|}~-".includes(String.fromCharCode(code)));
}

// ---------------------------------------------------------------------------------------------
// Block structure
// ---------------------------------------------------------------------------------------------

const enum Kind {
  Document,
  BlockQuote,
  ListItem,
  Paragraph,
  FencedCode,
  IndentedCode,
  HtmlBlock,
}

const enum Continue {
  Matched,
  Failed,
  LineDone,
}

class Block {
  // List item
  contentIndent = 0;
  hasChild = false;
  // Fenced code
  fenceChar = 0;
  fenceLength = 0;
  fenceOffset = 0;
  // HTML block (1–7)
  htmlType = 0;
  constructor(readonly kind: Kind) {}
}

/** Paragraph or heading text: line pieces [start, end) of the text, joined by line breaks. */
class Leaf extends Block {
  readonly segments: number[] = [];
  /** Where the inline content starts in `content`, after link reference definitions. */
  from = 0;
  private joined: string | undefined;
  constructor(private readonly text: string) {
    super(Kind.Paragraph);
  }

  add(start: number, end: number): void {
    this.segments.push(start, end);
    this.joined = undefined;
  }

  get length(): number {
    let length = -1;
    for (let i = 0; i < this.segments.length; i += 2) length += this.segments[i + 1] - this.segments[i] + 1;
    return Math.max(0, length);
  }

  get content(): string {
    if (this.joined === undefined) {
      const segments = this.segments;
      if (segments.length === 2) {
        this.joined = this.text.slice(segments[0], segments[1]);
      } else {
        const parts: string[] = [];
        for (let i = 0; i < segments.length; i += 2) parts.push(this.text.slice(segments[i], segments[i + 1]));
        this.joined = parts.join('\n');
      }
    }
    return this.joined;
  }

  // A cursor over the segments: offsets are asked for in increasing order.
  private segment = 0;
  private segmentStart = 0;

  /** The offset in the text of `content[at]`. */
  sourceOffset(at: number): number {
    if (at < this.segmentStart) {
      this.segment = 0;
      this.segmentStart = 0;
    }
    const segments = this.segments;
    while (this.segment + 2 < segments.length) {
      const length = segments[this.segment + 1] - segments[this.segment];
      if (at <= this.segmentStart + length) break;
      this.segmentStart += length + 1;
      this.segment += 2;
    }
    return segments[this.segment] + (at - this.segmentStart);
  }
}

const HTML_BLOCK_NAMES = new Set(
  ('address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt ' +
    'fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link ' +
    'main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead ' +
    'title tr track ul').split(' '),
);
const HTML_RAW_NAMES = ['script', 'pre', 'style', 'textarea'];

class BlockScanner {
  readonly n: number;
  readonly finder: Finder;
  readonly open: Block[] = [new Block(Kind.Document)];
  /** Paragraphs and headings that hold a tag candidate, in order. */
  readonly leaves: Leaf[] = [];
  title: string | undefined;
  titleFound: boolean;
  /** Collected only when asked for. */
  headings: Heading[] | undefined;
  refs = new Set<string>();
  ended = false;

  private candidate = 0;
  private readonly lastCandidate: number;
  private nextLine = 0;
  private nextCr = -2;
  // The current line
  private lineEnd = 0;
  private offset = 0;
  private column = 0;
  private nextNonspace = 0;
  private nextNonspaceColumn = 0;
  private indent = 0;
  private indented = false;
  private blank = false;
  private allClosed = true;
  private lastMatched = 1;
  private lineDone = false;

  constructor(
    readonly text: string,
    private readonly candidates: readonly number[],
    wantTitle: boolean,
  ) {
    this.n = text.length;
    this.finder = new Finder(text);
    this.titleFound = !wantTitle;
    this.lastCandidate = candidates.length > 0 ? candidates[candidates.length - 1] : -1;
  }

  /** Reads lines; with `stopEarly`, only until the tags and the title asked for are known. */
  run(stopEarly: boolean): void {
    const text = this.text;
    while (!this.ended) {
      if (stopEarly && this.titleFound && this.nextLine > this.lastCandidate && this.tip().kind !== Kind.Paragraph) return;
      const start = this.nextLine;
      if (start > this.n || (start === this.n && start > 0)) {
        this.finishDocument();
        return;
      }
      let end = text.indexOf('\n', start);
      if (end === -1) end = this.n;
      if (this.nextCr !== -1 && this.nextCr < start) this.nextCr = text.indexOf('\r', start);
      if (this.nextCr !== -1 && this.nextCr < end) end = this.nextCr;
      this.nextLine = text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
      this.processLine(start, end);
    }
  }

  /** Link reference definitions are known only once every line is read. */
  allRefs(): Set<string> {
    if (!this.ended) this.run(false);
    return this.refs;
  }

  private tip(): Block {
    return this.open[this.open.length - 1];
  }

  private finishDocument(): void {
    while (this.open.length > 1) this.finalize(this.open.pop()!);
    this.ended = true;
  }

  private charAt(at: number): number {
    return at < this.lineEnd ? this.text.charCodeAt(at) : -1;
  }

  private findNextNonspace(): void {
    let i = this.offset;
    let columns = this.column;
    while (i < this.lineEnd) {
      const code = this.text.charCodeAt(i);
      if (code === SPACE) {
        i++;
        columns++;
      } else if (code === TAB) {
        i++;
        columns += 4 - (columns % 4);
      } else {
        break;
      }
    }
    this.blank = i >= this.lineEnd;
    this.nextNonspace = i;
    this.nextNonspaceColumn = columns;
    this.indent = columns - this.column;
    this.indented = this.indent >= 4;
  }

  private advanceNextNonspace(): void {
    this.offset = this.nextNonspace;
    this.column = this.nextNonspaceColumn;
  }

  /** Advances `count` characters, or with `columns` `count` columns (a tab may be partly used). */
  private advanceOffset(count: number, columns: boolean): void {
    const text = this.text;
    while (count > 0 && this.offset < this.lineEnd) {
      if (text.charCodeAt(this.offset) === TAB) {
        const toTab = 4 - (this.column % 4);
        if (columns) {
          const partial = toTab > count;
          const advance = partial ? count : toTab;
          this.column += advance;
          if (!partial) this.offset++;
          count -= advance;
        } else {
          this.column += toTab;
          this.offset++;
          count--;
        }
      } else {
        this.offset++;
        this.column++;
        count--;
      }
    }
  }

  private processLine(start: number, end: number): void {
    this.lineEnd = end;
    this.offset = start;
    this.column = 0;
    this.lineDone = false;
    const open = this.open;

    // 1. Which open blocks does this line continue?
    let matched = 1;
    let allMatched = true;
    for (; matched < open.length; matched++) {
      this.findNextNonspace();
      const result = this.continues(open[matched]);
      if (result === Continue.Failed) {
        allMatched = false;
        break;
      }
      if (result === Continue.LineDone) return;
    }
    this.lastMatched = matched;
    this.allClosed = allMatched;

    // 2. New block starts.
    let container = open[matched - 1];
    let inLeaf = container.kind === Kind.FencedCode || container.kind === Kind.IndentedCode || container.kind === Kind.HtmlBlock;
    while (!inLeaf) {
      this.findNextNonspace();
      if (!this.indented && !mayStartBlock(this.charAt(this.nextNonspace))) {
        this.advanceNextNonspace();
        break;
      }
      const started = this.blockStart(container);
      if (started === 0) {
        this.advanceNextNonspace();
        break;
      }
      container = this.tip();
      if (started === 2) inLeaf = true;
    }

    // 3. The rest of the line: lazy continuation, a line of a leaf, or a new paragraph.
    const tip = this.tip();
    if (!this.allClosed && !this.blank && tip.kind === Kind.Paragraph) {
      this.addParagraphLine(tip as Leaf);
      return;
    }
    this.closeUnmatched();
    if (this.lineDone) return;
    container = this.tip();
    switch (container.kind) {
      case Kind.Paragraph:
        this.addParagraphLine(container as Leaf);
        break;
      case Kind.FencedCode:
      case Kind.IndentedCode:
        break;
      case Kind.HtmlBlock:
        if (container.htmlType <= 5 && this.htmlBlockEnds(container.htmlType, this.offset, end)) this.finalize(open.pop()!);
        break;
      default:
        if (!this.blank) {
          this.advanceNextNonspace();
          const paragraph = new Leaf(this.text);
          this.push(paragraph);
          this.addParagraphLine(paragraph);
        }
    }
  }

  private addParagraphLine(paragraph: Leaf): void {
    let at = this.offset;
    while (at < this.lineEnd && isSpaceOrTab(this.text.charCodeAt(at))) at++;
    paragraph.add(at, this.lineEnd);
  }

  /** Adds a block to the innermost container; a paragraph there ends first. */
  private push(block: Block): void {
    this.markChild();
    this.open.push(block);
  }

  /** A new block in the innermost container: a paragraph there ends, a list item has a child. */
  private markChild(): void {
    if (this.tip().kind === Kind.Paragraph) this.finalize(this.open.pop()!);
    const parent = this.tip();
    if (parent.kind === Kind.ListItem) parent.hasChild = true;
  }

  private closeUnmatched(): void {
    if (this.allClosed) return;
    while (this.open.length > this.lastMatched) this.finalize(this.open.pop()!);
    this.allClosed = true;
  }

  private continues(block: Block): Continue {
    switch (block.kind) {
      case Kind.BlockQuote:
        if (this.indented || this.charAt(this.nextNonspace) !== GT) return Continue.Failed;
        this.advanceNextNonspace();
        this.advanceOffset(1, false);
        if (isSpaceOrTab(this.charAt(this.offset))) this.advanceOffset(1, true);
        return Continue.Matched;
      case Kind.ListItem:
        if (this.blank) {
          if (!block.hasChild) return Continue.Failed;
          this.advanceNextNonspace();
        } else if (this.indent >= block.contentIndent) {
          this.advanceOffset(block.contentIndent, true);
        } else {
          return Continue.Failed;
        }
        return Continue.Matched;
      case Kind.FencedCode: {
        if (this.indent <= 3 && this.charAt(this.nextNonspace) === block.fenceChar) {
          let at = this.nextNonspace;
          while (this.charAt(at) === block.fenceChar) at++;
          if (at - this.nextNonspace >= block.fenceLength) {
            while (isSpaceOrTab(this.charAt(at))) at++;
            if (at >= this.lineEnd) {
              this.open.pop();
              return Continue.LineDone;
            }
          }
        }
        for (let i = block.fenceOffset; i > 0 && isSpaceOrTab(this.charAt(this.offset)); i--) this.advanceOffset(1, true);
        return Continue.Matched;
      }
      case Kind.IndentedCode:
        if (this.indent >= 4) this.advanceOffset(4, true);
        else if (this.blank) this.advanceNextNonspace();
        else return Continue.Failed;
        return Continue.Matched;
      case Kind.HtmlBlock:
        return this.blank && (block.htmlType === 6 || block.htmlType === 7) ? Continue.Failed : Continue.Matched;
      case Kind.Paragraph:
        return this.blank ? Continue.Failed : Continue.Matched;
      default:
        return Continue.Matched;
    }
  }

  /** Tries each block start at the current position: 0 none, 1 a container, 2 a leaf. */
  private blockStart(container: Block): 0 | 1 | 2 {
    const text = this.text;
    const at = this.nextNonspace;
    const end = this.lineEnd;
    const code = this.charAt(at);
    const roomForContainer = this.open.length < MAX_CONTAINER_DEPTH;
    if (!this.indented) {
      // Block quote
      if (code === GT && roomForContainer) {
        this.advanceNextNonspace();
        this.advanceOffset(1, false);
        if (isSpaceOrTab(this.charAt(this.offset))) this.advanceOffset(1, true);
        this.closeUnmatched();
        this.push(new Block(Kind.BlockQuote));
        return 1;
      }
      // ATX heading
      if (code === HASH) {
        let level = 0;
        while (level < 7 && this.charAt(at + level) === HASH) level++;
        const after = this.charAt(at + level);
        if (level <= 6 && (after === -1 || isSpaceOrTab(after))) {
          this.closeUnmatched();
          this.addHeading(level, at + level, end);
          this.lineDone = true;
          return 2;
        }
      }
      // Fenced code
      if (code === BACKTICK || code === TILDE) {
        let length = 0;
        while (this.charAt(at + length) === code) length++;
        if (length >= 3) {
          const backtick = code === BACKTICK ? this.finder.indexOf('`', at + length) : -1;
          if (code === TILDE || backtick === -1 || backtick >= end) {
            this.closeUnmatched();
            const fence = new Block(Kind.FencedCode);
            fence.fenceChar = code;
            fence.fenceLength = length;
            fence.fenceOffset = this.indent;
            this.push(fence);
            this.lineDone = true;
            return 2;
          }
        }
      }
      // HTML block
      if (code === LT) {
        const type = this.htmlBlockStart(at, end, container);
        if (type !== 0) {
          this.closeUnmatched();
          const html = new Block(Kind.HtmlBlock);
          html.htmlType = type;
          this.push(html);
          return 2;
        }
      }
      // Setext heading underline
      if ((code === EQ || code === DASH) && container.kind === Kind.Paragraph && isSetextUnderline(text, at, end, code)) {
        this.closeUnmatched();
        const paragraph = container as Leaf;
        this.readDefinitions(paragraph);
        if (paragraph.from < paragraph.length) {
          this.open.pop();
          this.addLeaf(paragraph, code === EQ ? 1 : 2);
          this.lineDone = true;
          return 2;
        }
      }
      // Thematic break
      if ((code === STAR || code === DASH || code === UNDERSCORE) && isThematicBreak(text, at, end, code)) {
        this.closeUnmatched();
        this.markChild();
        this.lineDone = true;
        return 2;
      }
      // List item
      if (roomForContainer && (code === STAR || code === PLUS || code === DASH || isDigit(code))) {
        const contentIndent = this.listMarker(container);
        if (contentIndent > 0) {
          this.closeUnmatched();
          const item = new Block(Kind.ListItem);
          item.contentIndent = contentIndent;
          this.push(item);
          return 1;
        }
      }
    } else if (this.tip().kind !== Kind.Paragraph && !this.blank) {
      // Indented code
      this.advanceOffset(4, true);
      this.closeUnmatched();
      this.push(new Block(Kind.IndentedCode));
      return 2;
    }
    return 0;
  }

  /** An ATX heading: its text is [from, end) without the closing `#`s. */
  private addHeading(level: number, from: number, end: number): void {
    const text = this.text;
    let start = from;
    while (start < end && isSpaceOrTab(text.charCodeAt(start))) start++;
    let stop = end;
    while (stop > start && isSpaceOrTab(text.charCodeAt(stop - 1))) stop--;
    let hashes = stop;
    while (hashes > start && text.charCodeAt(hashes - 1) === HASH) hashes--;
    if (hashes < stop) {
      if (hashes === start) {
        stop = start;
      } else if (isSpaceOrTab(text.charCodeAt(hashes - 1))) {
        stop = hashes;
        while (stop > start && isSpaceOrTab(text.charCodeAt(stop - 1))) stop--;
      }
    }
    this.markChild();
    const heading = new Leaf(text);
    heading.add(start, stop);
    this.addLeaf(heading, level);
  }

  /** A closed paragraph or heading: keep it when it holds a candidate, and take the title. */
  private addLeaf(leaf: Leaf, headingLevel: number): void {
    const segments = leaf.segments;
    const start = segments[0];
    const end = segments[segments.length - 1];
    const candidates = this.candidates;
    while (this.candidate < candidates.length && candidates[this.candidate] < start) this.candidate++;
    if (this.candidate < candidates.length && candidates[this.candidate] < end) this.leaves.push(leaf);
    if (headingLevel > 0 && this.headings && this.open.length === 1) {
      this.headings.push({ level: headingLevel, text: headingTitle(leaf) ?? '', start, end });
    }
    if (headingLevel === 1 && !this.titleFound && this.open.length === 1) {
      const title = headingTitle(leaf);
      if (title) {
        this.title = title;
        this.titleFound = true;
      }
    }
  }

  private finalize(block: Block): void {
    if (block.kind !== Kind.Paragraph) return;
    const paragraph = block as Leaf;
    this.readDefinitions(paragraph);
    if (paragraph.from < paragraph.length) this.addLeaf(paragraph, 0);
  }

  /** Reads the link reference definitions at the start of a paragraph. */
  private readDefinitions(paragraph: Leaf): void {
    if (this.text.charCodeAt(paragraph.segments[0]) !== LBRACKET) return;
    const content = paragraph.content;
    let at = paragraph.from;
    while (at < content.length && content.charCodeAt(at) === LBRACKET) {
      const next = this.definition(content, at);
      if (next === -1) break;
      at = next;
    }
    paragraph.from = at;
  }

  /** A link reference definition at `at` of a paragraph's text: the offset after it, or -1. */
  private definition(content: string, at: number): number {
    const end = content.length;
    const close = labelEnd(content, at, end);
    if (close === -1 || content.charCodeAt(close + 1) !== COLON) return -1;
    const label = normalizeLabel(content.slice(at + 1, close));
    if (label === '') return -1;
    const destination = skipSpacesAndOneLineBreak(content, close + 2, end);
    const afterDestination = destinationEnd(content, destination, end);
    if (afterDestination === -1) return -1;
    const beforeTitle = skipSpacesAndOneLineBreak(content, afterDestination, end);
    if (beforeTitle > afterDestination && beforeTitle < end) {
      const quote = content.charCodeAt(beforeTitle);
      if (quote === QUOTE || quote === APOS || quote === LPAREN) {
        const afterTitle = titleEnd(content, beforeTitle, end);
        const lineEnd = afterTitle === -1 ? -1 : restOfLineBlank(content, afterTitle, end);
        if (lineEnd !== -1) {
          this.refs.add(label);
          return lineEnd;
        }
      }
    }
    const lineEnd = restOfLineBlank(content, afterDestination, end);
    if (lineEnd === -1) return -1;
    this.refs.add(label);
    return lineEnd;
  }

  /** The number of columns from the container's start to the item's content, or 0 if no list item starts here. */
  private listMarker(container: Block): number {
    if (this.indent >= 4) return 0;
    const at = this.nextNonspace;
    const code = this.charAt(at);
    let markerLength: number;
    if (code === STAR || code === PLUS || code === DASH) {
      markerLength = 1;
    } else {
      let digits = 0;
      while (digits < 10 && isDigit(this.charAt(at + digits))) digits++;
      const delimiter = this.charAt(at + digits);
      if (digits === 0 || digits > 9 || (delimiter !== DOT && delimiter !== RPAREN)) return 0;
      // Only a list starting at 1 may interrupt a paragraph.
      if (container.kind === Kind.Paragraph && !(digits === 1 ? this.text.charCodeAt(at) === 49 : Number(this.text.slice(at, at + digits)) === 1)) return 0;
      markerLength = digits + 1;
    }
    const after = this.charAt(at + markerLength);
    if (after !== -1 && !isSpaceOrTab(after)) return 0;
    if (container.kind === Kind.Paragraph) {
      // An empty item may not interrupt a paragraph.
      let i = at + markerLength;
      while (i < this.lineEnd && (isSpaceOrTab(this.text.charCodeAt(i)) || this.text.charCodeAt(i) === 11 || this.text.charCodeAt(i) === 12)) i++;
      if (i >= this.lineEnd) return 0;
    }
    const markerOffset = this.indent;
    this.advanceNextNonspace();
    this.advanceOffset(markerLength, true);
    const spacesStartColumn = this.column;
    const spacesStartOffset = this.offset;
    do {
      this.advanceOffset(1, true);
    } while (this.column - spacesStartColumn < 5 && isSpaceOrTab(this.charAt(this.offset)));
    const blankItem = this.charAt(this.offset) === -1;
    const spacesAfterMarker = this.column - spacesStartColumn;
    let padding: number;
    if (spacesAfterMarker >= 5 || spacesAfterMarker < 1 || blankItem) {
      padding = markerLength + 1;
      this.column = spacesStartColumn;
      this.offset = spacesStartOffset;
      if (isSpaceOrTab(this.charAt(this.offset))) this.advanceOffset(1, true);
    } else {
      padding = markerLength + spacesAfterMarker;
    }
    return markerOffset + padding;
  }

  /** The kind of HTML block (1–7) that starts at `at`, or 0. */
  private htmlBlockStart(at: number, end: number, container: Block): number {
    const text = this.text;
    const next = this.charAt(at + 1);
    if (next === BANG) {
      if (text.startsWith('!--', at + 1)) return 2;
      if (text.startsWith('![CDATA[', at + 1)) return 5;
      if (isAsciiLetter(this.charAt(at + 2))) return 4;
      return 0;
    }
    if (next === QUESTION) return 3;
    const closing = next === SLASH;
    const nameStart = closing ? at + 2 : at + 1;
    let nameEnd = nameStart;
    while (nameEnd < end && (isAsciiLetter(text.charCodeAt(nameEnd)) || isDigit(text.charCodeAt(nameEnd)))) nameEnd++;
    if (nameEnd > nameStart && nameEnd - nameStart <= 10) {
      const name = text.slice(nameStart, nameEnd).toLowerCase();
      const after = this.charAt(nameEnd);
      const ends = after === -1 || isJsWhiteSpace(after) || after === GT;
      if (!closing && HTML_RAW_NAMES.includes(name) && ends) return 1;
      if (HTML_BLOCK_NAMES.has(name) && (ends || (after === SLASH && this.charAt(nameEnd + 1) === GT))) return 6;
    }
    // Kind 7, a whole open or closing tag alone on its line, may not interrupt a paragraph.
    if (container.kind === Kind.Paragraph || (!this.allClosed && this.tip().kind === Kind.Paragraph)) return 0;
    const tagEnd = openOrClosingTagEnd(text, at, end);
    if (tagEnd === -1) return 0;
    return skipJsWhiteSpace(text, tagEnd, end) >= end ? 7 : 0;
  }

  /** Whether the line [from, end) ends an HTML block of kind 1–5. */
  private htmlBlockEnds(type: number, from: number, end: number): boolean {
    const needle = type === 2 ? '-->' : type === 3 ? '?>' : type === 4 ? '>' : type === 5 ? ']]>' : undefined;
    if (needle) {
      const found = this.finder.indexOf(needle, from);
      return found !== -1 && found + needle.length <= end;
    }
    for (let at = this.finder.indexOf('</', from); at !== -1 && at < end; at = this.finder.indexOf('</', at + 2)) {
      for (const name of HTML_RAW_NAMES) {
        const close = at + 2 + name.length;
        if (close < end && this.text.charCodeAt(close) === GT && this.text.slice(at + 2, close).toLowerCase() === name) return true;
      }
    }
    return false;
  }
}

/** Characters that may start a block other than a paragraph (when not indented). */
function mayStartBlock(code: number): boolean {
  return code === HASH || code === BACKTICK || code === TILDE || code === STAR || code === PLUS || code === UNDERSCORE || code === EQ || code === LT || code === GT || code === DASH || isDigit(code);
}

function isSetextUnderline(text: string, at: number, end: number, char: number): boolean {
  let i = at;
  while (i < end && text.charCodeAt(i) === char) i++;
  while (i < end && isSpaceOrTab(text.charCodeAt(i))) i++;
  return i >= end;
}

function isThematicBreak(text: string, at: number, end: number, char: number): boolean {
  let count = 0;
  for (let i = at; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === char) count++;
    else if (!isSpaceOrTab(code)) return false;
  }
  return count >= 3;
}

/** After a definition: spaces or tabs to the end of the line; the offset of the next line, or -1. */
function restOfLineBlank(text: string, at: number, end: number): number {
  let i = at;
  while (i < end && isSpaceOrTab(text.charCodeAt(i))) i++;
  if (i >= end) return end;
  return text.charCodeAt(i) === LF ? i + 1 : -1;
}

/** A heading's text as a title: escapes removed, lines joined, at most MAX_TITLE_LENGTH characters. */
function headingTitle(leaf: Leaf): string | undefined {
  // Each escape shortens the text by one, so twice the length is enough to fill a title.
  const content = leaf.content;
  const head = content.slice(leaf.from, leaf.from + 2 * MAX_TITLE_LENGTH + 2);
  const lines = head.split('\n').map((line) => line.trim());
  const title = lines.join(' ').trim().replace(/\\([!-/:-@[-`{-~])/g, '$1').slice(0, MAX_TITLE_LENGTH);
  return title === '' ? undefined : title;
}

// ---------------------------------------------------------------------------------------------
// Inline content: what hides text, and the tags in the rest
// ---------------------------------------------------------------------------------------------

interface Bracket {
  readonly at: number;
  readonly image: boolean;
  bracketAfter: boolean;
}

// ASCII characters the inline scan stops at.
const INLINE_SPECIAL = new Uint8Array(128);
for (const ch of '\\`<[]!#') INLINE_SPECIAL[ch.charCodeAt(0)] = 1;

/** Backtick runs of a paragraph by length, each with a cursor that only moves forward. */
class BacktickRuns {
  private readonly runs = new Map<number, { at: number[]; next: number }>();
  constructor(text: string, from: number) {
    for (let at = text.indexOf('`', from); at !== -1; ) {
      let end = at + 1;
      while (text.charCodeAt(end) === BACKTICK) end++;
      const length = end - at;
      let list = this.runs.get(length);
      if (!list) this.runs.set(length, (list = { at: [], next: 0 }));
      list.at.push(at);
      at = text.indexOf('`', end);
    }
  }

  /** The first run of exactly `length` backticks starting at or after `from`, or -1. */
  find(length: number, from: number): number {
    const list = this.runs.get(length);
    if (!list) return -1;
    while (list.next < list.at.length && list.at[list.next] < from) list.next++;
    return list.next < list.at.length ? list.at[list.next] : -1;
  }
}

function scanLeaf(scanner: BlockScanner, leaf: Leaf, visit: (tag: InlineTag) => void): void {
  const text = leaf.content;
  const end = text.length;
  let finder: Finder | undefined;
  let backticks: BacktickRuns | undefined;
  const brackets: Bracket[] = [];
  let inactiveBefore = -1;
  let at = leaf.from;
  // A tag may start where a run of text starts: after a code span, raw HTML, an autolink or a link.
  let runStart = at;

  while (at < end) {
    const code = text.charCodeAt(at);
    if (code >= 128 || INLINE_SPECIAL[code] === 0) {
      at++;
      continue;
    }
    switch (code) {
      case BACKSLASH:
        at += at + 1 < end && isAsciiPunctuation(text.charCodeAt(at + 1)) ? 2 : 1;
        break;
      case BACKTICK: {
        let length = 1;
        while (text.charCodeAt(at + length) === BACKTICK) length++;
        backticks ??= new BacktickRuns(text, at);
        const close = backticks.find(length, at + length);
        if (close === -1) {
          at += length;
        } else {
          at = close + length;
          runStart = at;
        }
        break;
      }
      case LT: {
        let close = autolinkEnd(text, at, end);
        if (close === -1) close = rawHtmlEnd(text, at, end, (finder ??= new Finder(text)));
        if (close === -1) {
          at++;
        } else {
          at = close;
          runStart = at;
        }
        break;
      }
      case LBRACKET:
      case BANG: {
        const image = code === BANG;
        if (image && text.charCodeAt(at + 1) !== LBRACKET) {
          at++;
          break;
        }
        const open = image ? at + 1 : at;
        if (brackets.length > 0) brackets[brackets.length - 1].bracketAfter = true;
        brackets.push({ at: open, image, bracketAfter: false });
        at = open + 1;
        break;
      }
      case RBRACKET: {
        const opener = brackets.pop();
        if (!opener || (!opener.image && opener.at < inactiveBefore)) {
          at++;
          break;
        }
        const linkEnd = closeLink(scanner, text, opener, at, end);
        if (linkEnd === -1) {
          at++;
          break;
        }
        // Links may not contain links: every `[` before this one stops being an opener.
        if (!opener.image) inactiveBefore = opener.at;
        at = linkEnd;
        runStart = at;
        break;
      }
      case HASH: {
        if (at === runStart || mayPrecedeTag(codePointBefore(text, at))) {
          const nameEnd = tagNameEnd(text, at, end);
          if (nameEnd !== -1) {
            const tagEnd = trimTagEnd(text, at, nameEnd);
            const start = leaf.sourceOffset(at);
            visit({ raw: text.slice(at + 1, tagEnd), start, end: start + (tagEnd - at) });
            at = nameEnd;
            break;
          }
        }
        at++;
        break;
      }
    }
  }
}

/**
 * After the `]` at `close` of a bracket opened at `opener`: the end of the inline link's
 * destination and title, or of the reference label, when this is a link; else -1.
 */
function closeLink(scanner: BlockScanner, text: string, opener: Bracket, close: number, end: number): number {
  const after = close + 1;
  // Inline link: ( destination "title" )
  if (text.charCodeAt(after) === LPAREN) {
    let at = skipSpacesAndOneLineBreak(text, after + 1, end);
    if (at < end && text.charCodeAt(at) === RPAREN) return at + 1;
    const destination = destinationEnd(text, at, end);
    if (destination !== -1) {
      at = skipSpacesAndOneLineBreak(text, destination, end);
      if (at > destination && at < end) {
        const quote = text.charCodeAt(at);
        if (quote === QUOTE || quote === APOS || quote === LPAREN) {
          const title = titleEnd(text, at, end);
          if (title !== -1) at = skipSpacesAndOneLineBreak(text, title, end);
        }
      }
      if (at < end && text.charCodeAt(at) === RPAREN) return at + 1;
    }
  }
  // Reference link: [text][label], [text][] or [text]
  let label: string | undefined;
  let linkEnd = after;
  const labelClose = text.charCodeAt(after) === LBRACKET ? labelEnd(text, after, end) : -1;
  if (labelClose > after + 1) {
    label = text.slice(after + 1, labelClose);
    linkEnd = labelClose + 1;
  } else if (!opener.bracketAfter) {
    label = text.slice(opener.at + 1, close);
    if (labelClose === after + 1) linkEnd = labelClose + 1;
  }
  // A label has at most 999 characters.
  if (label === undefined || label.length > 999) return -1;
  const refs = scanner.allRefs();
  return refs.size > 0 && refs.has(normalizeLabel(label)) ? linkEnd : -1;
}
