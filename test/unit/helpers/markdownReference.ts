// The reference reading of where tags are, for the differential tests: markdown-it (CommonMark
// preset) parses the document; tags are looked for, by README's tag rule, only in the text a
// reader sees: `text` tokens of inline content (link text and image descriptions included), not
// in code spans, raw HTML, autolinks, code blocks, HTML blocks, link destinations or titles.
//
// The tag rule is written here a second time, on purpose, with regular expressions (fine on the
// small test documents): the scanner's hand-written loops are checked against it too.
import * as commonmark from 'commonmark';
import markdownIt from 'markdown-it';
import type { Token } from 'markdown-it';

const md = markdownIt('commonmark', { maxNesting: 1000 });
// Keep escapes (`\#`) as their own tokens, to tell them from the characters they stand for.
md.core.ruler.disable('text_join');
// markdown-it refuses `javascript:` and similar destinations and then reads the link as text;
// CommonMark does not: it is a link, whatever its destination.
md.validateLink = () => true;

const LETTER = /^\p{L}$/u;
const TAG_CHAR = /^[\p{L}\p{M}\p{N}_/-]$/u;
const BEFORE_TAG = /^(?:\s|[\p{Ps}\p{Pi}\p{Pf}"'*_>,;!])$/u;

interface Char {
  readonly ch: string;
  /** Written with a backslash: never part of a tag, but it may stand before one. */
  readonly escaped: boolean;
}

/** Tags in one run of visible text, by README's rule. */
export function tagsInRun(run: readonly Char[]): string[] {
  const tags: string[] = [];
  for (let i = 0; i < run.length; i++) {
    if (run[i].ch !== '#' || run[i].escaped) continue;
    if (i > 0 && !BEFORE_TAG.test(run[i - 1].ch)) continue;
    if (i + 1 >= run.length || run[i + 1].escaped || !LETTER.test(run[i + 1].ch)) continue;
    let end = i + 2;
    while (end < run.length && !run[end].escaped && TAG_CHAR.test(run[end].ch)) end++;
    while (end > i + 2 && '-/_'.includes(run[end - 1].ch)) end--;
    tags.push(run.slice(i + 1, end).map((c) => c.ch).join(''));
  }
  return tags;
}

function inlineTags(children: readonly Token[], out: string[]): void {
  let run: Char[] = [];
  const flush = () => {
    out.push(...tagsInRun(run));
    run = [];
  };
  let inAutolink = false;
  for (const token of children) {
    if (inAutolink) {
      if (token.type === 'link_close') inAutolink = false;
      continue;
    }
    if (token.type === 'text') {
      for (const ch of token.content) run.push({ ch, escaped: false });
    } else if (token.type === 'text_special' && token.info === 'escape') {
      for (const ch of token.content) run.push({ ch, escaped: true });
    } else {
      // Everything else ends a run of text: code spans, HTML, breaks, emphasis, links, entities.
      flush();
      if (token.type === 'link_open' && token.markup === 'autolink') inAutolink = true;
      if (token.type === 'image' && token.children) inlineTags(token.children, out);
    }
  }
  flush();
}

/** The tags markdown-it's reading of `markdown` shows, in order, as written (without `#`). */
export function referenceTags(markdown: string): string[] {
  const out: string[] = [];
  for (const token of md.parse(markdown, {})) {
    if (token.type === 'inline' && token.children) inlineTags(token.children, out);
  }
  return out;
}

/** markdown-it's HTML, to show in a failure message. */
export function referenceHtml(markdown: string): string {
  return md.render(markdown);
}

// commonmark.js, the CommonMark spec's own reference implementation, read the same way. It
// decides where markdown-it departs from the spec. Its inline parser is wrapped to mark the text
// of backslash escapes, entities and autolinks, which its tree does not tell apart.
interface MarkedNode extends commonmark.Node {
  bjEscaped?: boolean;
  bjBoundary?: boolean;
}

const cmParser = new commonmark.Parser();
{
  const inline = (cmParser as unknown as { inlineParser: Record<string, (block: commonmark.Node) => boolean> & { subject: string; pos: number } }).inlineParser;
  const wrap = (name: string, mark: (node: MarkedNode, start: number) => void) => {
    const original = inline[name];
    inline[name] = function (this: typeof inline, block: commonmark.Node) {
      const before = block.lastChild;
      const start = this.pos;
      const result = original.call(this, block);
      const added = block.lastChild as MarkedNode | null;
      if (result && added && added !== before) mark(added, start);
      return result;
    };
  };
  wrap('parseBackslash', (node, start) => {
    if (node.type === 'text' && /^[!-/:-@[-`{-~]$/.test(inline.subject.charAt(start + 1))) node.bjEscaped = true;
  });
  wrap('parseEntity', (node) => void (node.bjBoundary = true));
  // commonmark.js 0.31.2 accepts only spaces around a link destination (`[a]:\t/u` is text to it);
  // the spec says "spaces or tabs, including up to one line ending". Read it as the spec does.
  (inline as unknown as { spnl: () => boolean }).spnl = function (this: { subject: string; pos: number }) {
    const rest = /^[ \t]*(?:\n[ \t]*)?/.exec(this.subject.slice(this.pos));
    this.pos += rest ? rest[0].length : 0;
    return true;
  };
  wrap('parseAutolink', (node) => void (node.bjBoundary = true));
}

function cmInline(node: commonmark.Node, out: string[], run: Char[]): Char[] {
  for (let child = node.firstChild as MarkedNode | null; child; child = child.next as MarkedNode | null) {
    if (child.type === 'text' && !child.bjBoundary) {
      for (const ch of child.literal ?? '') run.push({ ch, escaped: child.bjEscaped === true });
      continue;
    }
    out.push(...tagsInRun(run));
    run = [];
    if (!child.bjBoundary && (child.type === 'emph' || child.type === 'strong' || child.type === 'link' || child.type === 'image')) {
      out.push(...tagsInRun(cmInline(child, out, [])));
    }
  }
  return run;
}

function cmBlocks(node: commonmark.Node, out: string[]): void {
  for (let child = node.firstChild; child; child = child.next) {
    if (child.type === 'paragraph' || child.type === 'heading') out.push(...tagsInRun(cmInline(child, out, [])));
    else cmBlocks(child, out);
  }
}

/** The tags commonmark.js's reading of `markdown` shows, in order. */
export function commonmarkTags(markdown: string): string[] {
  const out: string[] = [];
  cmBlocks(cmParser.parse(markdown), out);
  return out;
}

export function commonmarkHtml(markdown: string): string {
  return new commonmark.HtmlRenderer().render(cmParser.parse(markdown));
}

/** Tags put into a spec example: words replaced, tags appended and prepended, after and before punctuation. */
export function withTags(markdown: string): string[] {
  let n = 0;
  return [
    markdown,
    markdown.replace(/\b(foo|bar|baz|bim|hello|world|a|b|c|link|title|code|url|uri)\b/g, (word) => `#${word}`),
    markdown.split('\n').map((line) => (line ? `${line} #t${n++}` : line)).join('\n'),
    markdown.split('\n').map((line) => (line ? `#t${n++} ${line}` : line)).join('\n'),
    markdown.replace(/[[(<`"*_>!{]/g, (ch) => `${ch}#p${n++}`),
    markdown.replace(/[\])>`"*_}]/g, (ch) => `#q${n++}${ch}`),
    markdown.replace(/ /g, () => ` #s${n++} `),
    markdown.replace(/\n/g, () => ` #n${n++}é\u0301\n`),
  ];
}
