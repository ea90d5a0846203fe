// Tags as badges in the Markdown preview: a markdown-it plugin (VS Code's preview loads it through
// `markdown.markdownItPlugins` and the extension's `extendMarkdownIt`). It reads tags by the same
// rule as core/markdownScanner (its isTagLetter, isTagChar and mayPrecedeTag), and it changes
// nothing but the tags: once markdown-it has read the document, each tag in its visible text
// becomes a <span> around the same text. markdown-it itself has decided what code, HTML, links,
// autolinks and escapes hide (they are not text tokens), so a tag there stays as it was; image
// descriptions are left alone too (they become an `alt` attribute).
//
// No import of markdown-it: the preview passes its own instance, and the types below are the
// little of it this plugin touches.

import { isTagChar, isTagLetter, mayPrecedeTag } from './markdownScanner';
import { tagKey } from './entryParser';
import { traitById } from './traits';

interface Token {
  type: string;
  content: string;
  markup: string;
  info: string;
  children: Token[] | null;
}

interface CoreState {
  tokens: Token[];
  Token: new (type: string, tag: string, nesting: number) => Token;
}

export interface MarkdownItLike {
  core: { ruler: { before(beforeName: string, name: string, rule: (state: CoreState) => void): void; push(name: string, rule: (state: CoreState) => void): void } };
  renderer: { rules: Record<string, ((tokens: Token[], index: number) => string) | undefined> };
  utils: { escapeHtml(text: string): string };
}

export const BADGE_TOKEN = 'balance_journal_tag';
export const BADGE_CLASS = 'balance-journal-tag';
const HASH = 0x23;

function codePointBefore(text: string, at: number): number {
  const code = text.charCodeAt(at - 1);
  if (code >= 0xdc00 && code <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(at - 2)!;
  }
  return code;
}

/** The end of the tag whose `#` is at `hash` in `text`, or -1. */
function tagEnd(text: string, hash: number): number {
  let at = hash + 1;
  if (at >= text.length) return -1;
  const first = text.codePointAt(at)!;
  if (!isTagLetter(first)) return -1;
  at += first > 0xffff ? 2 : 1;
  while (at < text.length) {
    const point = text.codePointAt(at)!;
    if (!isTagChar(point)) break;
    at += point > 0xffff ? 2 : 1;
  }
  // Trailing `-`, `/` and `_` are not part of the tag.
  while (at > hash + 2 && '-/_'.includes(text[at - 1])) at--;
  return at;
}

/**
 * Whether a tag may start right after `token` (the sibling before a text token): after the
 * character it ends with, or at the start of a run of text (after a code span, raw HTML, a link or
 * an image; at a line break; at the start of the inline content).
 */
function mayFollow(token: Token | undefined): boolean {
  if (token === undefined) return true;
  switch (token.type) {
    case 'text':
      return token.content === '' || mayPrecedeTag(codePointBefore(token.content, token.content.length));
    case 'text_special':
      // An escaped character is the character; an entity (`&amp;`) ends with `;`.
      return token.info === 'entity' ? true : mayPrecedeTag(codePointBefore(token.content, token.content.length));
    case 'em_open':
    case 'em_close':
    case 'strong_open':
    case 'strong_close':
    case 's_open':
    case 's_close':
      // Their last marker character: `*` and `_` may stand before a tag, `~` may not.
      return token.markup === '' || mayPrecedeTag(codePointBefore(token.markup, token.markup.length));
    default:
      // `[` of a link, the end of a code span, raw HTML, a link or an image, a line break.
      return true;
  }
}

/** Splits the text tokens of one inline's children around their tags. */
function badgeChildren(children: Token[], TokenClass: CoreState['Token']): Token[] {
  const out: Token[] = [];
  let inAutolink = false;
  for (const token of children) {
    if (token.type === 'link_open' && (token.markup === 'autolink' || token.markup === 'linkify')) inAutolink = true;
    if (token.type === 'link_close' && inAutolink) inAutolink = false;
    if (token.type !== 'text' || inAutolink || token.content.indexOf('#') === -1) {
      out.push(token);
      continue;
    }
    const text = token.content;
    let from = 0;
    for (let at = text.indexOf('#'); at !== -1; at = text.indexOf('#', at + 1)) {
      if (text.charCodeAt(at) !== HASH) continue;
      const allowed = at === 0 ? mayFollow(out[out.length - 1]) : mayPrecedeTag(codePointBefore(text, at));
      if (!allowed) continue;
      const end = tagEnd(text, at);
      if (end === -1) continue;
      if (at > from) out.push(textToken(TokenClass, text.slice(from, at)));
      const badge = new TokenClass(BADGE_TOKEN, 'span', 0);
      badge.content = text.slice(at, end);
      out.push(badge);
      from = end;
      at = end - 1;
    }
    if (from === 0) out.push(token);
    else if (from < text.length) out.push(textToken(TokenClass, text.slice(from)));
  }
  return out;
}

function textToken(TokenClass: CoreState['Token'], content: string): Token {
  const token = new TokenClass('text', '', 0);
  token.content = content;
  return token;
}

/** After markdown-it has read everything (and its typographer has run), before text is joined. */
function badgeRule(state: CoreState): void {
  for (const token of state.tokens) {
    if (token.type === 'inline' && token.children) token.children = badgeChildren(token.children, state.Token);
  }
}

/** What a badge says on hover: the trait and its side, or nothing for another tag. */
export type DescribeTag = (tag: string) => { side: string; title: string } | undefined;

/** Trait tags named by their label and side (the traits configured now, your own included). */
export const describeTraitTag: DescribeTag = (tag) => {
  const trait = traitById(tagKey(tag));
  return trait && { side: trait.side, title: trait.label };
};

/** The plugin: `md.use(previewBadges)`, or with how to describe a tag. */
export function previewBadges(md: MarkdownItLike, describe: DescribeTag = describeTraitTag): void {
  // Before `text_join` (markdown-it 13+), while escapes (`\#`) are still tokens of their own.
  try {
    md.core.ruler.before('text_join', BADGE_TOKEN, badgeRule);
  } catch {
    md.core.ruler.push(BADGE_TOKEN, badgeRule);
  }
  md.renderer.rules[BADGE_TOKEN] = (tokens, index) => {
    const raw = tokens[index].content.slice(1);
    const about = describe(raw);
    const escape = md.utils.escapeHtml;
    const classes = about ? `${BADGE_CLASS} ${BADGE_CLASS}-${about.side}` : BADGE_CLASS;
    const title = about ? ` title="${escape(about.title)}"` : '';
    return `<span class="${classes}" data-tag="${escape(tagKey(raw))}"${title}>#${escape(raw)}</span>`;
  };
}
