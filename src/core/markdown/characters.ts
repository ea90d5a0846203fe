// Character codes and the tag rule: which characters start a tag, continue it and may stand before
// its `#` (README's "File format"), and the scanner's limits. Part of markdownScanner.ts.


export const TAB = 9;
export const LF = 10;
export const CR = 13;
export const SPACE = 32;
export const BANG = 33;
export const QUOTE = 34;
export const HASH = 35;
export const APOS = 39;
export const LPAREN = 40;
export const RPAREN = 41;
export const STAR = 42;
export const PLUS = 43;
export const DASH = 45;
export const DOT = 46;
export const SLASH = 47;
export const COLON = 58;
export const LT = 60;
export const EQ = 61;
export const GT = 62;
export const QUESTION = 63;
export const AT = 64;
export const LBRACKET = 91;
export const BACKSLASH = 92;
export const RBRACKET = 93;
export const UNDERSCORE = 95;
export const BACKTICK = 96;
export const TILDE = 126;

const LETTER = /\p{L}/u;
const TAG_CHAR = /[\p{L}\p{M}\p{N}]/u;
const OPENS_OR_QUOTES = /[\p{Ps}\p{Pi}\p{Pf}]/u;
const WHITE_SPACE = /\s/u;

// ASCII characters a tag may follow: white space, ( [ { " ' * _ > , ; !
const ASCII_BEFORE_TAG = new Uint8Array(128);
for (const ch of ' \t\n\v\f\r([{"\'*_>,;!') ASCII_BEFORE_TAG[ch.charCodeAt(0)] = 1;

export function isAsciiLetter(code: number): boolean {
  const lower = code | 32;
  return lower >= 97 && lower <= 122;
}

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export function isLowSurrogate(code: number): boolean {
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

export function codePointBefore(text: string, at: number): number {
  const code = text.charCodeAt(at - 1);
  if (isLowSurrogate(code) && at >= 2 && isHighSurrogate(text.charCodeAt(at - 2))) return text.codePointAt(at - 2)!;
  return code;
}

/** Offsets of every `#` followed by a letter, in [from, to]. */
export function tagCandidates(text: string, range: readonly [number, number] | undefined): number[] {
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
export function tagNameEnd(text: string, hash: number, limit: number): number {
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
export function trimTagEnd(text: string, hash: number, end: number): number {
  let at = end;
  while (at > hash + 2) {
    const code = text.charCodeAt(at - 1);
    if (code !== DASH && code !== SLASH && code !== UNDERSCORE) break;
    at--;
  }
  return at;
}


export const MAX_TITLE_LENGTH = 200;

/** Block quotes and list items nested deeper than this are read as text (bounds the work per line). */
export const MAX_CONTAINER_DEPTH = 64;
