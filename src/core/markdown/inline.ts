// Inline content: what hides text inside a paragraph or heading (code spans, link destinations,
// titles and labels, autolinks, raw HTML, escapes), and the tags in the rest.
// Part of markdownScanner.ts.

import type { InlineTag } from '../markdownScanner';
import { APOS, BACKSLASH, BACKTICK, BANG, HASH, LBRACKET, LPAREN, LT, QUOTE, RBRACKET, RPAREN, codePointBefore, mayPrecedeTag, tagNameEnd, trimTagEnd } from './characters';
import { Finder, autolinkEnd, destinationEnd, isAsciiPunctuation, labelEnd, normalizeLabel, rawHtmlEnd, skipSpacesAndOneLineBreak, titleEnd } from './syntax';
import { BlockScanner, Leaf } from './blocks';

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

export function scanLeaf(scanner: BlockScanner, leaf: Leaf, visit: (tag: InlineTag) => void): void {
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

