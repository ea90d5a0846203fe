// Text written into a Markdown file the user reads in its source (an exported report, a weekly
// review): escaped only where Markdown would misread it, so `Decision-Making (5 entries so far).`
// stays as it is written, while `*`, `[`, `<` and a `#word` that would become a tag do not turn
// into emphasis, links, HTML or tags. Hovers and tooltips, which are rendered and never read as
// source, keep core/hoverText's escapeMarkdown, which escapes every punctuation mark.

/** Where the text goes: a paragraph or heading (its start is a line's start), or a table cell. */
export type MarkdownTextContext = 'text' | 'cell';

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const WORD = /[\p{L}\p{N}]/u;
const TAG_CHARACTER = /[\p{L}\p{M}\p{N}_\-/]/u;
const ENTITY = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;

/**
 * `text` on one line (control characters and runs of white space become one space), with a
 * backslash only before what CommonMark or GFM would read as syntax in `context`. Linear.
 */
function previousCodePoint(text: string, at: number): string {
  const low = text.charCodeAt(at - 1);
  if (low >= 0xdc00 && low <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(at - 2, at);
  }
  return text[at - 1];
}

export function markdownText(text: string, context: MarkdownTextContext = 'text'): string {
  // eslint-disable-next-line no-control-regex
  const line = text.replace(/[\u0000-\u001f\u007f\u2028\u2029\s]+/g, ' ').trim();
  // Where the closing run of `#` of a heading would start (a space before it), if the text ends with one.
  let closingRun = line.length;
  while (closingRun > 0 && line[closingRun - 1] === '#') closingRun--;
  if (closingRun === line.length || (closingRun > 0 && line[closingRun - 1] !== ' ')) closingRun = -1;
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    // The next and previous characters as code points (a letter may be a surrogate pair).
    const next = i + 1 < line.length ? String.fromCodePoint(line.codePointAt(i + 1)!) : undefined;
    const previous = i > 0 ? previousCodePoint(line, i) : undefined;
    let escape = false;
    switch (ch) {
      case '\\':
        // A backslash escapes the punctuation after it, or breaks the line at its end.
        escape = next === undefined || ASCII_PUNCTUATION.test(next);
        break;
      case '`':
      case '*':
      case '[':
      case ']':
      case '<':
      case '~':
        // Code spans, emphasis, links, HTML and autolinks, strikethrough: anywhere.
        escape = true;
        break;
      case '_':
        // `_` between letters or digits can neither open nor close emphasis (snake_case stays).
        escape = !(previous !== undefined && WORD.test(previous) && next !== undefined && WORD.test(next));
        break;
      case '&':
        escape = ENTITY.test(line.slice(i, i + 40));
        break;
      case '|':
        escape = context === 'cell';
        break;
      case '#':
        // A tag (`#retro`: the journal would count it), a heading at the start, a heading's
        // closing run at the end.
        escape = (next !== undefined && TAG_CHARACTER.test(next)) || (context === 'text' && (i === 0 || i === closingRun));
        break;
      case '>':
      case '+':
      case '=':
        // A block quote, a list item, a setext underline: only at the start of a line.
        escape = i === 0 && context === 'text';
        break;
      case '-':
        escape = i === 0 && context === 'text';
        break;
      case '.':
      case ')':
        // `1. ` and `1) ` start an ordered list.
        escape = context === 'text' && i > 0 && i <= 9 && /^\d+$/.test(line.slice(0, i)) && (next === undefined || next === ' ');
        break;
    }
    out += escape ? `\\${ch}` : ch;
  }
  return out;
}
