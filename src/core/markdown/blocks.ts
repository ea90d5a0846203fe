// CommonMark 0.31 block structure: containers (block quotes, list items, lazy continuation, tabs)
// and leaves (fenced and indented code, HTML blocks, reference definitions, headings, paragraphs).
// One class, since the spec's algorithm is one state machine over lines. Part of markdownScanner.ts.

import { APOS, BACKTICK, BANG, COLON, CR, DASH, DOT, EQ, GT, HASH, LBRACKET, LF, LPAREN, LT, MAX_CONTAINER_DEPTH, MAX_TITLE_LENGTH, PLUS, QUESTION, QUOTE, RBRACKET, RPAREN, SLASH, SPACE, STAR, TAB, TILDE, UNDERSCORE, isAsciiLetter, isDigit } from './characters';
import type { Heading } from '../markdownScanner';
import { Finder, destinationEnd, isJsWhiteSpace, isSpaceOrTab, labelEnd, normalizeLabel, openOrClosingTagEnd, skipJsWhiteSpace, skipSpacesAndOneLineBreak, titleEnd } from './syntax';

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

export class Block {
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
export class Leaf extends Block {
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

export class BlockScanner {
  readonly n: number;
  readonly finder: Finder;
  readonly open: Block[] = [new Block(Kind.Document)];
  /** Paragraphs and headings that hold a tag candidate, in order. */
  readonly leaves: Leaf[] = [];
  title: string | undefined;
  titleFound: boolean;
  refs = new Set<string>();
  ended = false;
  /** Offsets of task list items' `[`, when asked for. */
  tasks: number[] | undefined;
  /** The headings outside block quotes and list items, when asked for. */
  headings: Heading[] | undefined;

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
          if (this.tasks && container.kind === Kind.ListItem && !container.hasChild && this.isTaskMarker(this.offset)) this.tasks.push(this.offset);
          const paragraph = new Leaf(this.text);
          this.push(paragraph);
          this.addParagraphLine(paragraph);
        }
    }
  }

  /** `[ ]`, `[x]` or `[X]` at `at`, then a space, a tab or the end of the line. */
  private isTaskMarker(at: number): boolean {
    const text = this.text;
    if (text.charCodeAt(at) !== LBRACKET || text.charCodeAt(at + 2) !== RBRACKET) return false;
    const mark = text.charCodeAt(at + 1);
    if (mark !== SPACE && mark !== 120 && mark !== 88) return false;
    return at + 3 >= this.lineEnd || isSpaceOrTab(text.charCodeAt(at + 3));
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
    // open[0] is the document: room while fewer than MAX_CONTAINER_DEPTH containers are open.
    const roomForContainer = this.open.length <= MAX_CONTAINER_DEPTH;
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
  // Each escape shortens the text by one, so twice the length is enough to fill a title. It is
  // counted after each line is trimmed: white space at a line's end is not part of the title.
  const content = leaf.content;
  const enough = 2 * MAX_TITLE_LENGTH + 2;
  const lines: string[] = [];
  let length = 0;
  for (let at = leaf.from; at <= content.length && length < enough; ) {
    const lineEnd = content.indexOf('\n', at);
    const end = lineEnd === -1 ? content.length : lineEnd;
    const line = content.slice(at, Math.min(end, at + enough)).trim();
    lines.push(line);
    length += line.length + 1;
    at = end + 1;
  }
  const title = lines.join(' ').trim().replace(/\\([!-/:-@[-`{-~])/g, '$1').slice(0, MAX_TITLE_LENGTH);
  return title === '' ? undefined : title;
}

