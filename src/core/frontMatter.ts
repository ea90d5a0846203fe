import * as l10n from '@vscode/l10n';
import matter from 'gray-matter';
import yaml from 'js-yaml';

// js-yaml 3 quotes every string with a colon; a timestamp is valid YAML unquoted and reads as
// what it is in other tools (Jekyll, Hugo, Obsidian).
function unquoteTimestamps(yamlText: string): string {
  return yamlText.replace(/^(\w+): '(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[+-]\d\d:\d\d|Z))'$/gm, '$1: $2');
}

// gray-matter only writes here (readFrontMatter parses with js-yaml alone), and it is handed a file
// object, never a text it would parse, so its choice of engine by `---js` never comes up.
// CORE_SCHEMA keeps timestamps as the strings the user wrote (with their UTC offset) both ways:
// read back unchanged, and written unquoted.
const MATTER_OPTIONS = {
  engines: {
    yaml: {
      parse: (text: string) => yaml.safeLoad(text, { schema: yaml.CORE_SCHEMA }) as object,
      stringify: (data: object) => unquoteTimestamps(yaml.safeDump(data, { schema: yaml.CORE_SCHEMA, lineWidth: -1 })),
    },
  },
};

export interface FrontMatterResult {
  /** The parsed map, or undefined when there is none or it could not be parsed. */
  data: Record<string, unknown> | undefined;
  /** The Markdown after the front matter. */
  body: string;
  /** 0-based line in the file where `body` starts. */
  bodyLine: number;
  /** Set when the front matter exists but is unusable. */
  error?: { message: string; line: number };
}

const BOM = '\uFEFF';

function countLines(text: string, end: number): number {
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/** Where the front matter block closes: the offset just past the closing line, if any. */
function findClosingDelimiter(text: string): { closeStart: number; bodyStart: number } | undefined {
  // indexOf, not a regex over the whole text: this runs for every file of the journal.
  for (let at = text.indexOf('\n', 3); at !== -1; at = text.indexOf('\n', at + 1)) {
    const marker = text.startsWith('---', at + 1) ? '---' : text.startsWith('...', at + 1) ? '...' : undefined;
    if (!marker) continue;
    let end = at + 4;
    while (text[end] === ' ' || text[end] === '\t') end++;
    if (end === text.length) return { closeStart: at + 1, bodyStart: end };
    if (text[end] === '\n') return { closeStart: at + 1, bodyStart: end + 1 };
    if (text[end] === '\r' && text[end + 1] === '\n') return { closeStart: at + 1, bodyStart: end + 2 };
  }
  return undefined;
}

/**
 * The language named after the opening `---` (`---yaml`, `--- js`), or '' for none; undefined
 * when the first line is not a front matter opening. A hand-written scan: a regex with two
 * optional runs of blanks backtracks quadratically on a first line of spaces.
 */
function openingLanguage(text: string): string | undefined {
  if (!text.startsWith('---')) return undefined;
  let at = 3;
  while (text[at] === ' ' || text[at] === '\t') at++;
  const wordStart = at;
  while (at < text.length && /[A-Za-z]/.test(text[at])) at++;
  const language = text.slice(wordStart, at);
  while (text[at] === ' ' || text[at] === '\t') at++;
  if (at === text.length || text[at] === '\n' || (text[at] === '\r' && text[at + 1] === '\n')) return language;
  return undefined;
}

/**
 * Where the Markdown body starts in `text`: after a BOM and the front matter, exactly where
 * readFrontMatter splits it (an unclosed front matter is only its `---` line). The hover and
 * completion use it to tell the front matter from the body as the index does.
 */
export function bodyStartOffset(text: string): number {
  const bom = text.startsWith(BOM) ? 1 : 0;
  const rest = bom ? text.slice(1) : text;
  if (!hasFrontMatter(rest)) return bom;
  const closing = findClosingDelimiter(rest);
  if (closing) return bom + closing.bodyStart;
  const firstBreak = rest.indexOf('\n');
  return firstBreak === -1 ? text.length : bom + firstBreak + 1;
}

export function hasFrontMatter(text: string): boolean {
  return openingLanguage(text) !== undefined;
}

/** Front matter is a few lines; a huge block is not parsed (YAML parsing it could stall). */
export const MAX_FRONT_MATTER_BYTES = 64 * 1024;

/**
 * Splits and parses front matter; never throws. The YAML goes straight to js-yaml (the same
 * engine gray-matter writes with): gray-matter's own parse runs a backtracking scan for comment
 * lines (`/^\s*#[^\n]+/gm`) that is quadratic on blank lines, and would pick a JavaScript engine
 * for `---js`.
 */
export function readFrontMatter(input: string): FrontMatterResult {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const language = openingLanguage(text);
  if (language === undefined) return { data: undefined, body: text, bodyLine: 0 };

  const closing = findClosingDelimiter(text);
  if (!closing) {
    // Without a closing line the whole file would be swallowed as YAML; keep the body.
    const firstBreak = text.indexOf('\n');
    return {
      data: undefined,
      body: firstBreak === -1 ? '' : text.slice(firstBreak + 1),
      bodyLine: 1,
      error: { message: l10n.t('Front matter starts with "---" but has no closing "---" line.'), line: 0 },
    };
  }
  const body = text.slice(closing.bodyStart);
  const bodyLine = countLines(text, closing.bodyStart);
  if (language !== '' && !/^ya?ml$/i.test(language)) {
    // Never evaluated: `---js` front matter would be JavaScript run on opening a repository.
    return { data: undefined, body, bodyLine, error: { message: l10n.t('front matter in "{0}" is not supported; use YAML', language), line: 0 } };
  }
  if (closing.bodyStart > MAX_FRONT_MATTER_BYTES) {
    return {
      data: undefined,
      body,
      bodyLine,
      error: { message: l10n.t('Front matter is larger than {0} KB, so it was not read; keep it to a few lines.', MAX_FRONT_MATTER_BYTES / 1024), line: 0 },
    };
  }
  // The YAML lines: after the opening line, up to (not including) the closing one.
  const firstBreak = text.indexOf('\n');
  let yamlText = text.slice(firstBreak + 1, closing.closeStart);
  if (yamlText.includes('\r')) yamlText = yamlText.replace(/\r\n/g, '\n');
  try {
    const data = yaml.safeLoad(yamlText, { schema: yaml.CORE_SCHEMA }) as unknown;
    if (data === null || data === undefined || (typeof data === 'object' && !Array.isArray(data) && Object.keys(data).length === 0)) {
      return { data: {}, body, bodyLine };
    }
    if (typeof data !== 'object' || Array.isArray(data)) {
      return { data: undefined, body, bodyLine, error: { message: l10n.t('Front matter is not a map of "key: value" lines.'), line: 1 } };
    }
    return { data: data as Record<string, unknown>, body, bodyLine };
  } catch (error) {
    return { data: undefined, body, bodyLine, error: describeYamlError(error, yamlText) };
  }
}

/** A flow collection (`[`, `{`) or a quoted text that the YAML opens and never closes. */
interface Unclosed {
  readonly kind: '[' | '{' | '"' | "'";
  /** 0-based line in the YAML text. */
  readonly line: number;
  /** The key of the line it opens on (`tags`), if any. */
  readonly key: string | undefined;
}

/**
 * The first flow collection or quoted text that is not closed, in one pass over the YAML: a `[`,
 * `{` or quote opens only where a value starts (after `: `, `- `, `[`, `{`, `,` or at the start of
 * a line), and a collection is unclosed when a line at the left margin starts before it closes.
 */
export function findUnclosed(yamlText: string): Unclosed | undefined {
  const stack: Unclosed[] = [];
  let quote: Unclosed | undefined;
  let line = 0;
  let lineStart = 0;
  let key: string | undefined;
  let valueStart = true; // the next non-blank character starts a value
  for (let i = 0; i < yamlText.length; i++) {
    const ch = yamlText[i];
    if (ch === '\n') {
      line++;
      lineStart = i + 1;
      key = undefined;
      valueStart = true;
      // A new key at the left margin while a collection is open: it was never closed.
      if (stack.length > 0 && !quote && /[^\s#\]}]/.test(yamlText[i + 1] ?? ' ')) return stack[0];
      continue;
    }
    if (quote) {
      if (quote.kind === '"' && ch === '\\') i++;
      else if (ch === quote.kind) {
        if (quote.kind === "'" && yamlText[i + 1] === "'") i++;
        else quote = undefined;
      }
      continue;
    }
    if (ch === ' ' || ch === '\t') continue;
    if (ch === '#' && (i === lineStart || /\s/.test(yamlText[i - 1]))) {
      // A comment: to the end of the line.
      const end = yamlText.indexOf('\n', i);
      if (end === -1) break;
      i = end - 1;
      continue;
    }
    if (valueStart && (ch === '"' || ch === "'")) {
      quote = { kind: ch, line, key };
      valueStart = false;
      continue;
    }
    if ((valueStart || stack.length > 0) && (ch === '[' || ch === '{')) {
      stack.push({ kind: ch, line, key });
      valueStart = true;
      continue;
    }
    if (stack.length > 0 && (ch === ']' || ch === '}')) {
      stack.pop();
      valueStart = false;
      continue;
    }
    if (ch === ',' && stack.length > 0) {
      valueStart = true;
      continue;
    }
    if (ch === ':' && /\s/.test(yamlText[i + 1] ?? ' ')) {
      if (stack.length === 0 && key === undefined) key = yamlText.slice(lineStart, i).trim().replace(/^-\s*/, '');
      valueStart = true;
      continue;
    }
    if (ch === '-' && valueStart && /\s/.test(yamlText[i + 1] ?? ' ')) continue;
    valueStart = false;
  }
  return quote ?? stack[0];
}

const IGNORED = (): string => l10n.t('the front matter was not read, so its tags were ignored; inline tags still count');

function describeYamlError(error: unknown, yamlText = ''): { message: string; line: number } {
  const yamlError = error as { name?: string; reason?: string; message?: string; mark?: { line?: number } };
  // The YAML text starts on the file's second line (0-based line 1).
  const at = typeof yamlError.mark?.line === 'number' ? yamlError.mark.line : 0;
  const reason = String(yamlError.reason ?? yamlError.message ?? String(error)).split('\n')[0];
  // Said at the line where the problem starts, which is often above the line js-yaml stopped at.
  const unclosed = findUnclosed(yamlText);
  if (unclosed && unclosed.line <= at) {
    const line = unclosed.line + 1;
    const shown = line + 1;
    if (unclosed.kind === '"' || unclosed.kind === "'") {
      return { line, message: l10n.t('The quoted text opened on line {0} is not closed (add {1}): {2}.', shown, unclosed.kind, IGNORED()) };
    }
    if (unclosed.key === 'tags' && unclosed.kind === '[') {
      return { line, message: l10n.t('The tags list opened on line {0} is not closed (add "]"): its tags were ignored; inline tags still count.', shown) };
    }
    const name = unclosed.key?.slice(0, 40);
    let message: string;
    if (unclosed.kind === '[') {
      message = name ? l10n.t('The "{0}" list opened on line {1} is not closed (add "]"): {2}.', name, shown, IGNORED()) : l10n.t('The list opened on line {0} is not closed (add "]"): {1}.', shown, IGNORED());
    } else {
      message = name ? l10n.t('The "{0}" map opened on line {1} is not closed (add "}"): {2}.', name, shown, IGNORED()) : l10n.t('The map opened on line {0} is not closed (add "}"): {1}.', shown, IGNORED());
    }
    return { line, message };
  }
  const line = at + 1;
  const shown = line + 1;
  const lineText = yamlText.split('\n', at + 1)[at] ?? '';
  if (/duplicated mapping key/.test(reason)) {
    const key = /^\s*([^:#]+?)\s*:/.exec(lineText)?.[1] ?? '';
    return { line, message: l10n.t('The key "{0}" appears twice (again on line {1}): {2}.', key.slice(0, 40), shown, IGNORED()) };
  }
  if (/tab characters must not be used/.test(reason) || /^ *\t/.test(lineText)) {
    return { line, message: l10n.t('Line {0} is indented with a tab; YAML indents with spaces: {1}.', shown, IGNORED()) };
  }
  if (/bad indentation/.test(reason)) {
    return { line, message: l10n.t('Line {0} is indented differently from the lines above it: {1}.', shown, IGNORED()) };
  }
  if (/multiline key may not be an implicit key|could not find expected ':'|end of the stream or a document separator is expected/.test(reason)) {
    return { line, message: l10n.t('Line {0} is neither "key: value" nor a list item ("- value"): {1}.', shown, IGNORED()) };
  }
  return { line, message: l10n.t('The front matter could not be read as YAML (line {0}: {1}): {2}.', shown, reason, IGNORED()) };
}

/** The complete text of an entry: YAML front matter written by gray-matter, then the body. */
export function writeFrontMatter(body: string, data: Record<string, unknown>): string {
  // As a file object, not a string: gray-matter would read a string's own front matter first, so a
  // body opening with `---` lines (a thematic break, a quoted file) would be merged into `data` or
  // refused as `---js`.
  return matter.stringify({ content: body } as matter.GrayMatterFile<string>, data, MATTER_OPTIONS);
}

/**
 * The 0-based file line of `key:` at the start of a line in the front matter, for problems about
 * it; 1 (the first YAML line) when it is not found. Looks at the first 64 KB only.
 */
export function frontMatterKeyLine(text: string, key: string): number {
  const head = text.slice(0, MAX_FRONT_MATTER_BYTES);
  const pattern = new RegExp(`^${key.replace(/[^A-Za-z0-9_-]/g, '')}[ \\t]*:`, 'm');
  const match = pattern.exec(head);
  return match ? countLines(head, match.index) : 1;
}
