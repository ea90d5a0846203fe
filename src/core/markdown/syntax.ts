// Small CommonMark parsers shared by the block and the inline scan: link destinations, titles and
// labels, raw HTML and autolinks. Each is bounded and linear. Part of markdownScanner.ts.

import { APOS, AT, BACKSLASH, BACKTICK, BANG, COLON, DASH, DOT, EQ, GT, LBRACKET, LF, LPAREN, LT, PLUS, QUESTION, QUOTE, RBRACKET, RPAREN, SLASH, SPACE, TAB, UNDERSCORE, isAsciiLetter, isDigit } from './characters';

export function isSpaceOrTab(code: number): boolean {
  return code === SPACE || code === TAB;
}

export function isAsciiPunctuation(code: number): boolean {
  return (code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126);
}

/** JavaScript's `\s`, which both reference parsers use inside HTML tags. */
export function isJsWhiteSpace(code: number): boolean {
  if (code < 128) return code === SPACE || (code >= 9 && code <= 13);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Spaces and tabs, then at most one line break and spaces and tabs. */
export function skipSpacesAndOneLineBreak(text: string, at: number, end: number): number {
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
export function destinationEnd(text: string, at: number, end: number): number {
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
export function titleEnd(text: string, at: number, end: number): number {
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
export function labelEnd(text: string, at: number, end: number): number {
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
export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase().toUpperCase();
}

/** Remembers each search for a fixed string, so that repeated searches stay linear. */
export class Finder {
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

export function skipJsWhiteSpace(text: string, at: number, end: number): number {
  while (at < end && isJsWhiteSpace(text.charCodeAt(at))) at++;
  return at;
}

/** The end of an open tag (`<a b="c">`) or closing tag (`</a>`) at `at` (`<`), or -1. */
export function openOrClosingTagEnd(text: string, at: number, end: number): number {
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
export function rawHtmlEnd(text: string, at: number, end: number, finder: Finder): number {
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
export function autolinkEnd(text: string, at: number, end: number): number {
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

