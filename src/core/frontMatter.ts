import * as l10n from '@vscode/l10n';
import matter from 'gray-matter';
import yaml from 'js-yaml';

// gray-matter picks a parser from the text after the opening `---` (`---js` means eval): only
// YAML may ever run on a journal file, so every other engine refuses.
function refuse(language: string) {
  return () => {
    throw new Error(l10n.t('front matter in "{0}" is not supported; use YAML', language));
  };
}

// js-yaml 3 quotes every string with a colon; a timestamp is valid YAML unquoted and reads as
// what it is in other tools (Jekyll, Hugo, Obsidian).
function unquoteTimestamps(yamlText: string): string {
  return yamlText.replace(/^(\w+): '(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[+-]\d\d:\d\d|Z))'$/gm, '$1: $2');
}

// CORE_SCHEMA keeps timestamps as the strings the user wrote (with their UTC offset) both ways:
// read back unchanged, and written unquoted.
const MATTER_OPTIONS = {
  engines: {
    yaml: {
      parse: (text: string) => yaml.safeLoad(text, { schema: yaml.CORE_SCHEMA }) as object,
      stringify: (data: object) => unquoteTimestamps(yaml.safeDump(data, { schema: yaml.CORE_SCHEMA, lineWidth: -1 })),
    },
    javascript: refuse('javascript'),
    js: refuse('js'),
    coffee: refuse('coffee'),
    json: refuse('json'),
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
function findClosingDelimiter(text: string): { bodyStart: number } | undefined {
  // indexOf, not a regex over the whole text: this runs for every file of the journal.
  for (let at = text.indexOf('\n', 3); at !== -1; at = text.indexOf('\n', at + 1)) {
    const marker = text.startsWith('---', at + 1) ? '---' : text.startsWith('...', at + 1) ? '...' : undefined;
    if (!marker) continue;
    let end = at + 4;
    while (text[end] === ' ' || text[end] === '\t') end++;
    if (end === text.length) return { bodyStart: end };
    if (text[end] === '\n') return { bodyStart: end + 1 };
    if (text[end] === '\r' && text[end + 1] === '\n') return { bodyStart: end + 2 };
  }
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
  return /^---[ \t]*(?:[A-Za-z]+)?[ \t]*(?:\r?\n|$)/.test(text);
}

/** Front matter is a few lines; a huge block is not parsed (YAML parsing it could stall). */
export const MAX_FRONT_MATTER_BYTES = 64 * 1024;

/** Splits and parses front matter through gray-matter; never throws. */
export function readFrontMatter(input: string): FrontMatterResult {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  if (!hasFrontMatter(text)) return { data: undefined, body: text, bodyLine: 0 };

  const closing = findClosingDelimiter(text);
  if (!closing) {
    // Without a closing line gray-matter would swallow the whole file as YAML; keep the body.
    const firstBreak = text.indexOf('\n');
    return {
      data: undefined,
      body: firstBreak === -1 ? '' : text.slice(firstBreak + 1),
      bodyLine: 1,
      error: { message: l10n.t('Front matter starts with "---" but has no closing "---" line.'), line: 0 },
    };
  }
  const bodyLine = countLines(text, closing.bodyStart);
  if (closing.bodyStart > MAX_FRONT_MATTER_BYTES) {
    return {
      data: undefined,
      body: text.slice(closing.bodyStart),
      bodyLine,
      error: { message: l10n.t('Front matter is larger than {0} KB, so it was not read; keep it to a few lines.', MAX_FRONT_MATTER_BYTES / 1024), line: 0 },
    };
  }
  // gray-matter only recognises "\n---" as the close; normalise CRLF inside the block.
  let block = text.slice(0, closing.bodyStart);
  if (block.includes('\r')) block = block.replace(/\r\n/g, '\n');
  try {
    const parsed = matter(block, MATTER_OPTIONS);
    const data = parsed.data as unknown;
    const body = text.slice(closing.bodyStart);
    if (data === null || data === undefined || (typeof data === 'object' && !Array.isArray(data) && Object.keys(data).length === 0)) {
      return { data: {}, body, bodyLine };
    }
    if (typeof data !== 'object' || Array.isArray(data)) {
      return { data: undefined, body, bodyLine, error: { message: l10n.t('Front matter is not a map of "key: value" lines.'), line: 1 } };
    }
    return { data: data as Record<string, unknown>, body, bodyLine };
  } catch (error) {
    return { data: undefined, body: text.slice(closing.bodyStart), bodyLine, error: describeYamlError(error) };
  }
}

function describeYamlError(error: unknown): { message: string; line: number } {
  const yamlError = error as { name?: string; reason?: string; message?: string; mark?: { line?: number } };
  // The YAML text handed to js-yaml starts right after "---", on the same line, so its line
  // numbers are the file's 0-based lines.
  const line = typeof yamlError.mark?.line === 'number' ? Math.max(1, yamlError.mark.line) : 1;
  const reason = yamlError.reason ?? yamlError.message ?? String(error);
  const firstLine = String(reason).split('\n')[0];
  return { message: l10n.t('Invalid YAML in front matter (line {0}): {1}', line + 1, firstLine), line };
}

/** The complete text of an entry: YAML front matter written by gray-matter, then the body. */
export function writeFrontMatter(body: string, data: Record<string, unknown>): string {
  return matter.stringify(body, data, MATTER_OPTIONS);
}
