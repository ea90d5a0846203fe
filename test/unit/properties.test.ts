// Property-based tests of the pure core (fast-check). Every property runs NUM_RUNS generated inputs.
//
// On failure fast-check prints the seed, the path and the shrunk counterexample. To replay one:
//   FC_SEED=<seed> FC_PATH=<path> npx vitest run test/unit/properties.test.ts -t '<test name>'
// FC_SEED alone re-runs every property from that seed; FC_PATH (which points at one shrunk case)
// only makes sense together with FC_SEED and a `-t` filter that selects the failing property.
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildEntry, entryPathSegments, slugify } from '../../src/core/entryFactory';
import { ParsedEntry, parseEntry } from '../../src/core/entryParser';
import { InlineTag, scanMarkdown } from '../../src/core/markdownScanner';

const inlineTags = (text: string): readonly InlineTag[] => scanMarkdown(text, { title: false }).tags;
import { JournalIndex } from '../../src/core/journalIndex';
import { findTagAt } from '../../src/core/tagLocator';
import { allTraits, normalizeTag, traitById } from '../../src/core/traits';
import { PROPERTY_ZONES, intlDay, zone } from './zones';

// FC_NUM_RUNS lowers it where the properties run many times over (Stryker: vitest.stryker.config.ts).
const NUM_RUNS = Number(process.env.FC_NUM_RUNS) || 10_000;
// vitest's default 5 s is too short for 10,000 runs on a slow 2-core machine.
const TIMEOUT = 120_000;

const replay: { seed?: number; path?: string } = {};
if (process.env.FC_SEED) replay.seed = Number(process.env.FC_SEED);
if (process.env.FC_PATH) replay.path = process.env.FC_PATH;

function check<Ts extends [unknown, ...unknown[]]>(property: fc.IProperty<Ts>, numRuns = NUM_RUNS): void {
  fc.assert(property, { numRuns, ...replay });
}

// ---------------------------------------------------------------------------------------------
// Shared generators
// ---------------------------------------------------------------------------------------------

/** Characters that mean something to front matter, YAML or Markdown, plus a few hard ones. */
const syntaxChar = fc.constantFrom(
  '-', '-', '#', '#', '`', '~', '\n', '\n', '\r', '\r\n', ':', ' ', ' ', '\t', '[', ']', ',', '"', "'",
  '&', '*', '{', '}', '.', '_', '/', '\\', '|', '>', '!', '?', '%', '@', 'a', 'b', 'T', 'e', 'é', '1', '9',
  '\uFEFF', '\u00a0', '\u2028', '\u0085', '\u0000', '\ud800', '\udc00', '😀', 'ж', '中', 'tags', 'date',
  '---', '...', '```', '~~~', 'empathy', 'Time Management',
);
const syntaxString = (maxLength: number) => fc.string({ unit: syntaxChar, maxLength });
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

/** A letter a tag may start with (\p{L}), in several scripts and cases. */
const tagLetter = fc.constantFrom('a', 'b', 'x', 'E', 'Z', 'é', 'ß', 'ж', 'Ж', '中', 'ğ', 'İ', 'ا', 'Ω');
const tagChar = fc.oneof(tagLetter, fc.constantFrom('1', '0', '_', '-', '/', '-'));
const tagName = fc
  .tuple(tagLetter, fc.string({ unit: tagChar, maxLength: 10 }), tagLetter)
  .map(([first, middle, last]) => first + middle + last);
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'o', 'x', 'y', 'z'), minLength: 1, maxLength: 6 });

/** A character that a front matter tag value may hold, quoted or not. */
const yamlTagChar = fc.oneof(tagLetter, fc.constantFrom('#', '#', '-', '_', ' ', ' ', '/', ',', '1', '.', '\t'));

const yamlScalar: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: tagName },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'empathy', 'Time Management', 'organizational_skills', 'Decision-Making', '42', '-1.5', '.inf', 'true', 'no',
      'null', '~', "''", '""', '0x1F', '2026-11-27', '2026-11-27T09:05:00+01:00', '"quoted, with comma"',
      "'single'", 'a: b', '[', ']', '{', '}', '|', '>', '*a', '&a x', '&a', '!!str x', '!!int 3', '!!binary aGk=',
      '!!js/function "f"', '!custom x', '@', '`', '%', '? x', '#comment', 'x #comment', '- x', '"\\u00e9"', '"\\x"',
      // Hash-prefixed tags, as other tools write them in front matter.
      '"#empathy"', "'#Time Management'", '"##empathy"', "'-#retro'", '" #x"',
    ),
  },
  { weight: 2, arbitrary: fc.string({ unit: yamlTagChar, maxLength: 12 }).map((s) => JSON.stringify(s)) },
  { weight: 2, arbitrary: fc.string({ unit: yamlTagChar, maxLength: 12 }).map((s) => `'${s.replace(/'/g, "''")}'`) },
  { weight: 1, arbitrary: fc.string({ unit: yamlTagChar, maxLength: 12 }) },
  { weight: 1, arbitrary: syntaxString(12) },
);

const indent = fc.constantFrom('', ' ', '  ', '    ', '\t', '   ');

const listItem: fc.Arbitrary<(ind: string) => string> = fc.oneof(
  { weight: 5, arbitrary: yamlScalar.map((v) => (ind: string) => `${ind}- ${v}`) },
  {
    weight: 1,
    arbitrary: fc.array(yamlScalar, { maxLength: 3 }).map((vs) => (ind: string) => `${ind}- - ${vs.join(`\n${ind}  - `)}`),
  },
  { weight: 1, arbitrary: fc.array(yamlScalar, { maxLength: 3 }).map((vs) => (ind: string) => `${ind}-\n${vs.map((v) => `${ind}  - ${v}`).join('\n')}`) },
  { weight: 1, arbitrary: fc.array(yamlScalar, { maxLength: 3 }).map((vs) => (ind: string) => `${ind}- [${vs.join(', ')}]`) },
  { weight: 1, arbitrary: yamlScalar.map((v) => (ind: string) => `${ind}- {k: ${v}}`) },
  { weight: 1, arbitrary: fc.constantFrom('- 42', '- null', '-', '- ~', '- true', '- *a', '- &b x', '-   ', '- - ').map((v) => (ind: string) => ind + v) },
);

const tagsKey = fc.constantFrom('tags', 'tags', 'tags', 'tags ', 'Tags', '"tags"', "'tags'", 'tag');

/** The `tags` entry in every shape YAML allows, and some it does not. */
const tagsEntry: fc.Arbitrary<string> = fc.oneof(
  // block list
  fc.tuple(tagsKey, indent, fc.array(listItem, { maxLength: 5 })).map(([key, ind, items]) => `${key}:${items.map((item) => `\n${item(ind)}`).join('')}`),
  // flow list, sometimes unclosed or nested
  fc.tuple(tagsKey, fc.array(fc.oneof(yamlScalar, yamlScalar.map((v) => `[${v}]`), yamlScalar.map((v) => `{${v}: 1}`)), { maxLength: 5 }), fc.constantFrom(']', ']', ']', '', ']]', '], x'))
    .map(([key, items, close]) => `${key}: [${items.join(', ')}${close}`),
  // comma-separated text
  fc.tuple(tagsKey, fc.array(yamlScalar, { maxLength: 5 })).map(([key, items]) => `${key}: ${items.join(', ')}`),
  // number, boolean, null
  fc.tuple(tagsKey, fc.constantFrom('7', '-3', '1.5e3', '0o17', '.nan', 'true', 'null', '~', '', ' ', '""')).map(([key, v]) => `${key}: ${v}`),
  // map
  fc.tuple(tagsKey, indent, fc.array(fc.tuple(tagName, yamlScalar), { maxLength: 3 }))
    .map(([key, ind, pairs]) => `${key}:${pairs.map(([k, v]) => `\n${ind || ' '}${k}: ${v}`).join('')}`),
  fc.tuple(tagsKey, yamlScalar).map(([key, v]) => `${key}: {a: ${v}, b: [1]}`),
  // anchors and aliases
  fc.tuple(tagsKey, fc.array(yamlScalar, { maxLength: 3 })).map(([key, items]) => `${key}: &a [${items.join(', ')}]\nother: *a`),
  fc.tuple(tagsKey, fc.array(yamlScalar, { maxLength: 3 })).map(([key, items]) => `base: &a [${items.join(', ')}]\n${key}: *a`),
  fc.tuple(tagsKey, yamlScalar).map(([key, v]) => `base: &a ${v}\n${key}: [*a, *a, x]`),
  fc.tuple(tagsKey, fc.constantFrom('*a', '*nope', '&a *a', '[&a x, *a]', '&a [*a]', '!!seq [x]', '!!map {a: b}', '!!str 5', '!!set {a, b}', '|\n  #x\n  y', '>-\n  a, b')).map(([key, v]) => `${key}: ${v}`),
);

const dateEntry = fc.oneof(
  fc.constantFrom(
    'date: 2026-11-27T09:05:00+01:00', 'date: 2026-11-27', 'date: 2026-02-31', 'date: 2026-13-01T00:00:00Z', 'date: "2026-11-27T09:05:00+01:00"',
    'date: 1999-12-31T23:59:60Z', 'date: 0000-00-00', 'date: 9999-99-99T99:99', 'date: 2026-11-27 junk', 'date: [1, 2]', 'date: {a: 1}',
    'date: 42', 'date: null', 'date:', 'date: yesterday', 'date: &d 2026-01-01\nagain: *d', 'date: !!timestamp 2026-01-01', 'date: -2026-01-01',
  ),
  fc.tuple(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), syntaxString(8))
    .map(([y, m, d, rest]) => `date: ${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}${rest}`),
);

const frontMatterLine: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: tagsEntry },
  { weight: 2, arbitrary: dateEntry },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'title: Hello', '# comment', '#tags: [x]', 'base: &a [empathy, retro]', 'base: &a empathy', 'map: &a {x: 1}', 'ref: *a', '<<: *a',
      'a: b: c', '  indented: 1', '- item', '? complex', ': value', 'key: |', '  block #tag', 'key: >', '"quoted key": 1', 'tags',
      '---', '...', '%YAML 1.2', '!!map', 'k: !!binary aGk=', 'k: !custom x', '__proto__: {tags: [polluted]}', 'constructor: 1',
      'toString: x', '{tags: [flow-map]}', '[a, b]', 'plain scalar', '\t', '', 'k: "unclosed', "k: 'unclosed", 'k: @', 'k: `',
    ),
  },
  { weight: 1, arbitrary: fc.tuple(tagName, yamlScalar).map(([k, v]) => `${k}: ${v}`) },
  { weight: 1, arbitrary: syntaxString(30) },
);

const opener = fc.constantFrom('---', '---', '---', '---yaml', '--- ', '---\t', '---js', '---json', '---toml', '----', '--- yaml', '---coffee', '---javascript', '- --');
const closer = fc.constantFrom('---', '---', '---', '...', '--- ', '---\t', '', '----', ' ---', '---x');

/** `---` + random key/value lines + (maybe) a closing line; no body. */
const frontMatter: fc.Arbitrary<string> = fc
  .tuple(opener, fc.array(frontMatterLine, { maxLength: 6 }), closer, fc.boolean())
  .map(([open, lines, close, closeWithNewline]) => `${open}\n${lines.map((l) => `${l}\n`).join('')}${close}${closeWithNewline ? '\n' : ''}`);

/** Inline Markdown: words, tags, code spans (some unclosed), URLs with fragments, anchors, escapes. */
const mdInline: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: word },
  { weight: 4, arbitrary: tagName.map((t) => `#${t}`) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '#', '##', '#1', '#-x', '#_x', 'a#b', '\\#esc', '&#35;', '[link](#anchor)', '[x]( #y)', 'https://example.com/a#frag', 'http://x/#y',
      '<https://x.y/#z>', '(#paren)', '"#quoted"', "'#single'", '*#em*', '_#u_', '{#brace}', '>#gt', ',#comma', ';#semi', '!#bang',
      '#tag.', '#a/b/', '#x-', '#x--', '#a/', '#Ω/ж', '\t', '  ', '`', '``', '```', '~~~', '#empathy', '#Time_Management', '#organizational-skills',
    ),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.array(fc.oneof(word, tagName.map((t) => `#${t}`), fc.constantFrom('`', '``', '#')), { maxLength: 4 }), fc.boolean())
      .map(([ticks, parts, closed]) => '`'.repeat(ticks) + parts.join(' ') + (closed ? '`'.repeat(ticks) : '')),
  },
);

const mdLine: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.array(mdInline, { maxLength: 8 }).map((parts) => parts.join(' ')) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 7 }), fc.constantFrom(' ', '  ', ''), fc.array(mdInline, { maxLength: 5 }), fc.constantFrom('', ' #', ' ##', ' '))
      .map(([level, gap, parts, tail]) => '#'.repeat(level) + gap + parts.join(' ') + tail),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 5 }), fc.constantFrom('`', '~'), fc.integer({ min: 3, max: 6 }), fc.constantFrom('', '', 'yaml', ' js', '`x', '#tag', ' ~', ' \t'))
      .map(([spaces, char, length, info]) => ' '.repeat(spaces) + char.repeat(length) + info),
  },
  { weight: 2, arbitrary: fc.constant('') },
  {
    weight: 1,
    arbitrary: fc.constantFrom('---', '...', '***', '> #quote', '- #list', '1. #item', '    #indented', '\t#tabbed', '<!-- #c -->', 'tags: [x]', '\\', '#'),
  },
);

const mdBody: fc.Arbitrary<string> = fc.array(mdLine, { maxLength: 16 }).map((lines) => lines.join('\n'));

type LineEnding = 'lf' | 'crlf' | 'mixed' | 'cr';
const lineEnding = fc.constantFrom<LineEnding>('lf', 'lf', 'crlf', 'mixed', 'cr');

function withLineEndings(text: string, ending: LineEnding): string {
  if (ending === 'crlf') return text.replace(/\n/g, '\r\n');
  if (ending === 'cr') return text.replace(/\n/g, '\r');
  if (ending === 'mixed') {
    let i = 0;
    return text.replace(/\n/g, () => (i++ % 2 === 0 ? '\r\n' : '\n'));
  }
  return text;
}

/** A whole file: maybe a BOM, maybe front matter, a Markdown body, one of several line endings. */
const document: fc.Arbitrary<string> = fc
  .tuple(fc.boolean(), fc.option(frontMatter, { nil: undefined }), mdBody, lineEnding)
  .map(([bom, fm, body, ending]) => (bom ? '\uFEFF' : '') + withLineEndings((fm ?? '') + body, ending));

const fileName = fc.oneof(
  fc.constantFrom('', 'notes.md', '2026-11-27-x.md', '2026-02-31-bad.md', '0000-00-00.md', '2026-11-27', 'x/2026-11-27-y.md', '２０２６-11-27.md'),
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.string({ maxLength: 8 }))
    .map(([y, m, d, rest]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}${rest}.md`),
  fc.string({ maxLength: 20 }),
);

// ---------------------------------------------------------------------------------------------
// 1. parseEntry never throws, is deterministic, and returns well-formed results
// ---------------------------------------------------------------------------------------------

/**
 * Lines as VS Code counts them (`TextDocument.lineCount`), where problems become diagnostics:
 * `\r\n`, `\n` and a lone `\r` each end a line. js-yaml counts a lone `\r` as a line break too.
 */
function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

function expectWellFormed(text: string, name: string): void {
  let first: ParsedEntry;
  let second: ParsedEntry;
  try {
    first = parseEntry(text, name);
    second = parseEntry(text, name);
  } catch (error) {
    throw new Error(`parseEntry threw: ${String(error)}`);
  }
  expect(second).toEqual(first);

  for (const tag of first.tags) {
    expect(typeof tag).toBe('string');
    expect(tag.length).toBeGreaterThan(0);
    // A tag must already be in its normal form, or it will not match the same tag written elsewhere.
    expect(normalizeTag(tag)).toBe(tag);
  }
  expect(new Set(first.tags).size).toBe(first.tags.length);

  const lines = lineCount(text);
  for (const problem of first.problems) {
    expect(typeof problem.message).toBe('string');
    expect(Number.isInteger(problem.line)).toBe(true);
    expect(problem.line).toBeGreaterThanOrEqual(0);
    expect(problem.line).toBeLessThan(lines);
  }
  expect(first.day === undefined || /^\d{4}-\d\d-\d\d$/.test(first.day)).toBe(true);
  expect(typeof first.time).toBe('number');
  expect(first.title === undefined || (typeof first.title === 'string' && first.title.length <= 200)).toBe(true);
}

describe('property 1: parseEntry never throws and is deterministic', () => {
  it('on random unicode strings (graphemes)', () => {
    check(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fileName, (text, name) => expectWellFormed(text, name)));
  }, TIMEOUT);

  it('on random code points, lone surrogates included', () => {
    const unit = fc.oneof({ weight: 8, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) }, { weight: 1, arbitrary: loneSurrogate });
    check(fc.property(fc.string({ unit, maxLength: 200 }), fileName, (text, name) => expectWellFormed(text, name)));
  }, TIMEOUT);

  it('on random strings of Markdown and YAML syntax characters', () => {
    check(fc.property(fc.boolean(), syntaxString(120), fileName, (fm, rest, name) => expectWellFormed((fm ? '---\n' : '') + rest, name)));
  }, TIMEOUT);

  it('on random bytes decoded with TextDecoder (mostly not valid UTF-8)', () => {
    const decoders = ['utf-8', 'utf-16le', 'windows-1252', 'shift_jis'].map((label) => new TextDecoder(label));
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 200 }),
      // Valid front matter with random bytes spliced in, so the bytes reach the YAML parser.
      fc.tuple(fc.uint8Array({ maxLength: 40 }), fc.uint8Array({ maxLength: 40 })).map(([a, b]) => {
        const head = new TextEncoder().encode('---\ntags: [');
        const middle = new TextEncoder().encode(']\n---\n# T #');
        return Uint8Array.from([...head, ...a, ...middle, ...b]);
      }),
    );
    check(
      fc.property(bytes, fc.integer({ min: 0, max: decoders.length - 1 }), fileName, (data, which, name) => {
        expectWellFormed(decoders[which].decode(data), name);
      }),
    );
  }, TIMEOUT);

  it('on random front matter shapes', () => {
    check(fc.property(fc.boolean(), frontMatter, fc.array(mdLine, { maxLength: 4 }), fileName, (bom, fm, body, name) => {
      expectWellFormed((bom ? '\uFEFF' : '') + fm + body.join('\n'), name);
    }));
  }, TIMEOUT);

  it('on random Markdown bodies', () => {
    check(fc.property(mdBody, lineEnding, fileName, (body, ending, name) => expectWellFormed(withLineEndings(body, ending), name)));
  }, TIMEOUT);

  it('on whole documents (BOM, front matter, body, CRLF variants)', () => {
    check(fc.property(document, fileName, (text, name) => expectWellFormed(text, name)));
  }, TIMEOUT);
});

// ---------------------------------------------------------------------------------------------
// 2. Inline tags are never found inside code we placed
// ---------------------------------------------------------------------------------------------

const SECRET = 'secret';

interface Chunk {
  readonly text: string;
  readonly kind: 'plain' | 'code' | 'tag';
}

interface BuiltBody {
  readonly text: string;
  /** [start, end) of every code span and fenced block, per CommonMark. */
  readonly code: ReadonlyArray<readonly [number, number]>;
  /** Offset of the `#` of every tag written outside code, with its name. */
  readonly tags: ReadonlyArray<{ start: number; name: string }>;
}

function assemble(chunks: readonly Chunk[]): BuiltBody {
  let text = '';
  const code: Array<[number, number]> = [];
  const tags: Array<{ start: number; name: string }> = [];
  for (const chunk of chunks) {
    if (chunk.kind === 'code') code.push([text.length, text.length + chunk.text.length]);
    if (chunk.kind === 'tag') tags.push({ start: text.length, name: chunk.text.slice(1) });
    text += chunk.text;
  }
  return { text, code, tags };
}

/** Words and the secret tag, in every position a tag could start, for inside code. */
const codeWord = fc.oneof(word, fc.constantFrom(`#${SECRET}`, `#${SECRET}`, `(#${SECRET})`, `"#${SECRET}"`, `*#${SECRET}*`, `#${SECRET}-x`, `#Secret`));

/** Content of a one-line code span opened and closed by `ticks` backticks: no run of exactly `ticks`. */
const spanContent = (ticks: number) =>
  fc
    .tuple(codeWord, fc.array(fc.oneof(codeWord, fc.integer({ min: 1, max: 5 }).filter((n) => n !== ticks).map((n) => '`'.repeat(n))), { maxLength: 5 }), codeWord)
    .map(([first, middle, last]) => [first, ...middle, last].join(' '));

const codeSpan: fc.Arbitrary<Chunk> = fc
  .integer({ min: 1, max: 4 })
  .chain((ticks) => spanContent(ticks).map((content) => ({ kind: 'code' as const, text: '`'.repeat(ticks) + content + '`'.repeat(ticks) })));

const paragraphLine: fc.Arbitrary<Chunk[]> = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: word.map((text): Chunk => ({ kind: 'plain', text })) },
      { weight: 2, arbitrary: tagName.filter((name) => normalizeTag(name) !== SECRET).map((name): Chunk => ({ kind: 'tag', text: `#${name}` })) },
      { weight: 2, arbitrary: codeSpan },
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((pieces) => pieces.flatMap((piece, i) => (i === 0 ? [piece] : [{ kind: 'plain' as const, text: ' ' }, piece])));

/** Whitespace CommonMark does not allow after a closing fence (only spaces and tabs are). */
const NOT_SPACE_OR_TAB = ['\u00a0', '\u3000', '\u2003', '\f', '\v'];

function isClosingFence(line: string, char: string, length: number): boolean {
  const match = /^ {0,3}(`+|~+)[ \t]*$/.exec(line);
  return match !== null && match[1][0] === char && match[1].length >= length;
}

interface EdgeCases {
  /** Code spans whose content crosses a line break inside one paragraph. */
  readonly multiLineSpans?: boolean;
  /** Fence lines like ``` followed by white space other than spaces and tabs, which do not close a block. */
  readonly otherWhitespaceAfterFence?: boolean;
}

function fenceContentLine(char: string, length: number, edgeCases: EdgeCases): fc.Arbitrary<string> {
  const other = char === '`' ? '~' : '`';
  const lookalikes = [
    fc.integer({ min: 0, max: 8 }).map((n) => char.repeat(n)), // shorter runs (and longer ones, filtered below)
    fc.integer({ min: 3, max: 8 }).map((n) => other.repeat(n)), // the other fence character
    fc.integer({ min: 3, max: 8 }).map((n) => `${char.repeat(n)} info`), // a run followed by text does not close
    fc.integer({ min: 3, max: 8 }).map((n) => `    ${char.repeat(n)}`), // four spaces of indentation do not close
  ];
  if (edgeCases.otherWhitespaceAfterFence) {
    lookalikes.push(fc.tuple(fc.integer({ min: length, max: 8 }), fc.constantFrom(...NOT_SPACE_OR_TAB)).map(([n, ws]) => char.repeat(n) + ws));
  }
  return fc
    .oneof(
      { weight: 4, arbitrary: fc.array(codeWord, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' ')) },
      { weight: 1, arbitrary: fc.constantFrom(`#${SECRET}`, `  #${SECRET}`, `# #${SECRET}`, `- #${SECRET}`, '', '`', `\`#${SECRET}\``) },
      { weight: 2, arbitrary: fc.oneof(...lookalikes) },
    )
    .filter((line) => !isClosingFence(line, char, length));
}

function fencedBlock(closed: boolean, edgeCases: EdgeCases): fc.Arbitrary<Chunk> {
  return fc
    .tuple(fc.constantFrom('`', '~'), fc.integer({ min: 3, max: 6 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom('', 'yaml', ' md', `#${SECRET}`, ' ~x'))
    .chain(([char, length, spaces, info]) =>
      fc
        .tuple(
          fc.array(fenceContentLine(char, length, edgeCases), { maxLength: 5 }),
          fc.integer({ min: length, max: length + 2 }),
          fc.integer({ min: 0, max: 3 }),
          fc.constantFrom('', ' ', '\t', '  '),
        )
        .map(([content, closeLength, closeSpaces, trailing]) => {
          const lines = [' '.repeat(spaces) + char.repeat(length) + info, ...content];
          if (closed) lines.push(' '.repeat(closeSpaces) + char.repeat(closeLength) + trailing);
          return { kind: 'code' as const, text: lines.join('\n') };
        }),
    );
}

/** A code span whose content crosses a line break inside one paragraph. */
const multiLineSpan: fc.Arbitrary<Chunk[]> = fc.integer({ min: 1, max: 3 }).chain((ticks) =>
  fc.tuple(paragraphLine, spanContent(ticks), word, spanContent(ticks), paragraphLine).map(([before, head, lead, tail, after]): Chunk[] => [
    ...before,
    { kind: 'plain', text: ' ' },
    // The second line starts with a word, so it continues the paragraph (it cannot start a block).
    { kind: 'code', text: `${'`'.repeat(ticks)}${head}\n${lead} ${tail}${'`'.repeat(ticks)}` },
    { kind: 'plain', text: ' ' },
    ...after,
  ]),
);

function structuredBody(edgeCases: EdgeCases): fc.Arbitrary<{ chunks: Chunk[]; crlf: boolean }> {
  const block: fc.Arbitrary<Chunk[]> = fc.oneof(
    { weight: 3, arbitrary: fc.array(paragraphLine, { minLength: 1, maxLength: 3 }).map((lines) => lines.flatMap((line, i) => (i === 0 ? line : [{ kind: 'plain' as const, text: '\n' }, ...line]))) },
    { weight: 2, arbitrary: fencedBlock(true, edgeCases).map((chunk) => [chunk]) },
    { weight: 1, arbitrary: fc.constant<Chunk[]>([{ kind: 'plain', text: '' }]) },
    ...(edgeCases.multiLineSpans ? [{ weight: 2, arbitrary: multiLineSpan }] : []),
  );
  return fc
    .tuple(fc.array(block, { minLength: 1, maxLength: 6 }), fc.option(fencedBlock(false, edgeCases), { nil: undefined }), fc.boolean(), fc.boolean())
    .map(([blocks, unclosed, trailingNewline, crlf]) => {
      const all = unclosed ? [...blocks, [unclosed]] : blocks;
      const chunks = all.flatMap((b, i) => (i === 0 ? b : [{ kind: 'plain' as const, text: '\n' }, ...b]));
      if (trailingNewline) chunks.push({ kind: 'plain', text: '\n' });
      return { chunks, crlf };
    });
}

function withCrlf(chunks: readonly Chunk[], crlf: boolean): Chunk[] {
  return crlf ? chunks.map((c) => ({ kind: c.kind, text: c.text.replace(/\n/g, '\r\n') })) : [...chunks];
}

function expectNoTagInCode(body: BuiltBody): readonly InlineTag[] {
  const found = inlineTags(body.text);
  for (const match of found) {
    const inside = body.code.find(([start, end]) => match.start < end && match.end > start);
    if (inside) {
      throw new Error(`tag "${match.raw}" at ${match.start}..${match.end} lies in code ${JSON.stringify(body.text.slice(inside[0], inside[1]))}`);
    }
    expect(normalizeTag(match.raw)).not.toBe(SECRET);
  }
  expect(parseEntry(body.text).tags).not.toContain(SECRET);
  return found;
}

describe('property 2: inline tags are never found in code', () => {
  it('skips one-line code spans and fenced blocks, and finds every tag outside them', () => {
    check(
      fc.property(structuredBody({}), ({ chunks, crlf }) => {
        const body = assemble(withCrlf(chunks, crlf));
        const found = expectNoTagInCode(body);
        // Outside code, every tag written at a word start is found, at its offset.
        expect(found.map((m) => ({ start: m.start, name: m.raw }))).toEqual(body.tags);
      }),
    );
  }, TIMEOUT);

  // CommonMark: a code span may continue on the next line of its paragraph
  // (https://spec.commonmark.org/0.31.2/#code-spans, example 335), as VS Code's preview shows.
  it('skips code spans that continue on the next line', () => {
    check(fc.property(structuredBody({ multiLineSpans: true }), ({ chunks, crlf }) => void expectNoTagInCode(assemble(withCrlf(chunks, crlf)))));
  }, TIMEOUT);

  // CommonMark: a closing fence "may be followed only by spaces or tabs"
  // (https://spec.commonmark.org/0.31.2/#fenced-code-blocks); "```\u00a0" is a line of code.
  it('keeps a fenced block open across fence-like lines followed by other white space', () => {
    check(fc.property(structuredBody({ otherWhitespaceAfterFence: true }), ({ chunks, crlf }) => void expectNoTagInCode(assemble(withCrlf(chunks, crlf)))));
  }, TIMEOUT);
});

// ---------------------------------------------------------------------------------------------
// 3. slugify and entryPathSegments make safe file names
// ---------------------------------------------------------------------------------------------

const hostileTitle: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), loneSurrogate), maxLength: 30 }),
  // emoji, incl. ZWJ sequences, flags and skin tones
  fc.string({ unit: fc.constantFrom('😀', '👩‍💻', '🇩🇪', '👍🏽', '❤️', '\u200d', '\ufe0f', '🏳️‍🌈'), maxLength: 20 }),
  // punctuation only
  fc.string({ unit: fc.constantFrom('.', '-', '_', ' ', '/', '\\', ':', '*', '?', '"', '<', '>', '|', '!', '#', '…', '—', '·', '\t', '\n', '\r', '\u0000'), maxLength: 40 }),
  // letters outside Latin, and Latin that needs folding
  fc.string({ unit: fc.constantFrom('ж', 'Я', '中', '文', 'ا', 'ب', 'अ', 'ก', 'ㄱ', 'Ω', 'é', 'Å', 'ß', 'Æ', 'œ', 'Ø', 'ł', 'Đ', 'ð', 'þ', 'ı', 'İ', 'ħ', 'ﬁ', 'Ⅻ', '①', 'ǅ', 'K', 'ｆｕｌｌ', '²', 'x', '1'), maxLength: 40 }),
  // long titles
  fc.array(word, { minLength: 60, maxLength: 120 }).map((ws) => ws.join(' ').slice(0, 500)),
  fc.string({ unit: fc.constantFrom('a', 'b', '1', ' ', '-', 'é'), minLength: 500, maxLength: 500 }),
  fc.constantFrom('CON', 'con.txt', 'NUL', 'aux', 'COM1', 'lpt1', 'PRN', '...', '. .', ' ', '', '..', 'a.', 'a ', '-', '--a--', 'ends with dot.'),
);

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

function expectSafeFileName(name: string): void {
  expect(name.length).toBeGreaterThan(0);
  expect(Buffer.byteLength(name, 'utf8')).toBeLessThanOrEqual(255);
  expect(name).not.toMatch(/[/\\:*?"<>|]/);
  // eslint-disable-next-line no-control-regex
  expect(name).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  expect(name).not.toMatch(/[. ]$/);
  expect(name).not.toMatch(WINDOWS_RESERVED);
  expect(name === '.' || name === '..').toBe(false);
}

const instant = fc.date({ min: new Date('1970-01-01T00:00:00.000Z'), max: new Date('2100-12-31T23:59:59.999Z'), noInvalidDate: true });

describe('property 3: slugs and entry paths are safe', () => {
  it('slugify makes a hyphenated lowercase ASCII slug of at most 60 characters, and is idempotent', () => {
    check(
      fc.property(hostileTitle, (title) => {
        const slug = slugify(title);
        expect(slug === '' || /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)).toBe(true);
        expect(slug.length).toBeLessThanOrEqual(60);
        expect(slugify(slug)).toBe(slug);
      }),
    );
  }, TIMEOUT);

  it('entryPathSegments gives a file name that is safe on Windows, macOS and Linux', () => {
    check(
      fc.property(hostileTitle, instant, fc.integer({ min: 1, max: 1000 }), fc.constantFrom(...PROPERTY_ZONES), (title, now, attempt, tz) => {
        const segments = entryPathSegments(now, slugify(title) || 'empathy', attempt, tz);
        expect(segments).toHaveLength(3);
        const [year, month, name] = segments;
        // The local day in the zone, from ICU: not the UTC day, and not from the code under test.
        const day = intlDay(now, tz.name);
        expect(year).toBe(day.slice(0, 4));
        expect(month).toBe(day.slice(5, 7));
        expect(name.startsWith(`${day}-`)).toBe(true);
        expect(name.endsWith(attempt > 1 ? `-${attempt}.md` : '.md')).toBe(true);
        for (const segment of segments) expectSafeFileName(segment);
      }),
    );
  }, TIMEOUT);
});

// ---------------------------------------------------------------------------------------------
// 4. buildEntry round-trips through parseEntry in every time zone
// ---------------------------------------------------------------------------------------------

// Passed to the core through its time-zone seam (src/core/localTime.ts), never by switching
// process.env.TZ: the property holds under any test runner, and leaves the process as it found it.
const TIME_ZONES = [
  'UTC', 'Europe/Berlin', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kathmandu', 'America/St_Johns', 'Australia/Lord_Howe',
  'Pacific/Chatham', 'America/Caracas', 'Africa/Casablanca', 'Antarctica/Troll', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Apia',
  'America/New_York', 'America/Santiago',
].map(zone);

const roundTripTitle: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 4, arbitrary: hostileTitle },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '---', '...', '# x', '## y', '```', '~~~', '\n---\n', 'tags: [x]', '<!--', '\r\n', '\u2028', '\u0085', '`code`', '[x](#y)', '\\#x',
      'a#b', 'C# and F#', 'Issue #', 'The #empathy talk', '#innovation #retro', 'Call with `#x`', 'Retro #',
    ),
  },
  { weight: 2, arbitrary: fc.array(mdInline, { maxLength: 6 }).map((parts) => parts.join(' ')) },
);

describe('property 4: a new entry reads back as written', () => {
  it('buildEntry(...).text parses to its traits, date and day, in any time zone', () => {
    check(
      fc.property(
        fc.shuffledSubarray(allTraits().map((trait) => trait.id), { minLength: 1 }),
        roundTripTitle,
        instant,
        fc.constantFrom(...TIME_ZONES),
        (ids, title, now, tz) => {
          const traits = ids.map((id) => traitById(id)!);
          const entry = buildEntry(traits, title, now, undefined, undefined, tz);
          const parsed = parseEntry(entry.text, entryPathSegments(now, entry.slug, 1, tz)[2]);
          expect(parsed.tags).toEqual(ids);
          expect(parsed.problems).toEqual([]);
          expect(parsed.day).toBe(intlDay(now, tz.name));
          expect(parsed.time).toBe(Math.floor(now.getTime() / 1000) * 1000);
          const lines = entry.text.split('\n');
          expect(lines[0]).toBe('---');
          expect(Number.isInteger(entry.cursorLine)).toBe(true);
          expect(entry.cursorLine).toBeGreaterThan(0);
          expect(entry.cursorLine).toBeLessThan(lines.length);
          expect(lines[entry.cursorLine]).toBe('');
        },
      ),
    );
  }, TIMEOUT);
});

// ---------------------------------------------------------------------------------------------
// 5. JournalIndex counts agree with a naive recount
// ---------------------------------------------------------------------------------------------

const OTHER_TAGS = ['retro', 'one-on-one', 'a/b', 'führung', 'constructor', 'proto', 'tostring', 'zz'];
const ALL_TAGS = [...allTraits().map((trait) => trait.id), ...OTHER_TAGS];
const KEYS = [
  'file:///j/a.md', 'file:///j/b.md', 'file:///j/2026/c.md', 'file:///j/2026/d.md', 'file:///j/2026/11/e.md', 'file:///j/2026-x.md', 'file:///k/f.md',
];
const PREFIXES = ['file:///j/', 'file:///j/2026/', 'file:///j/2026', 'file:///k/', 'file:///', 'file:///z/', 'file:///j/2026/11/e.md'];

type Op =
  | { type: 'set'; key: string; tags: string[]; time: number; title: string | undefined }
  | { type: 'delete'; key: string }
  | { type: 'deleteUnder'; prefix: string }
  | { type: 'clear' }
  | { type: 'batch'; ops: Op[] };

const setOp: fc.Arbitrary<Op> = fc.record({
  type: fc.constant('set' as const),
  key: fc.constantFrom(...KEYS),
  tags: fc.uniqueArray(fc.constantFrom(...ALL_TAGS), { maxLength: 8 }),
  time: fc.oneof(fc.constant(Number.NaN), fc.integer({ min: 0, max: 5 }).map((n) => n * 86_400_000)),
  title: fc.option(fc.constantFrom('A', 'B', 'a', 'Ä', ''), { nil: undefined }),
});
const simpleOp: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: setOp },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('delete' as const), key: fc.constantFrom(...KEYS) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('deleteUnder' as const), prefix: fc.constantFrom(...PREFIXES) }) },
  { weight: 1, arbitrary: fc.constant<Op>({ type: 'clear' }) },
);
const { op: anyOp } = fc.letrec<{ op: Op }>((tie) => ({
  op: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 8, arbitrary: simpleOp },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('batch' as const), ops: fc.array(tie('op'), { maxLength: 5 }) }) },
  ),
}));

interface ModelEntry {
  readonly tags: readonly string[];
  readonly time: number;
  readonly title: string;
}

/** Applies `op` to the index and the model; true when the journal changed (listeners should hear). */
function apply(index: JournalIndex, model: Map<string, ModelEntry>, op: Op): boolean {
  switch (op.type) {
    case 'set': {
      const fileName = op.key.slice(op.key.lastIndexOf('/') + 1);
      index.set(op.key, fileName, { title: op.title, day: undefined, time: op.time, tags: op.tags, problems: [] });
      const written = { tags: op.tags, time: op.time, title: op.title ?? fileName.replace(/\.md$/i, '') };
      const previous = model.get(op.key);
      model.set(op.key, written);
      // The same file read again the same (its tags each once, in order) is no change.
      const once = (tags: readonly string[]) => [...new Set(tags)].join('\n');
      return !(previous && Object.is(previous.time, written.time) && previous.title === written.title && once(previous.tags) === once(written.tags));
    }
    case 'delete': {
      const removed = index.delete(op.key);
      if (removed !== model.has(op.key)) throw new Error(`delete(${op.key}) returned ${removed}`);
      return model.delete(op.key);
    }
    case 'deleteUnder': {
      const doomed = [...model.keys()].filter((key) => key.startsWith(op.prefix));
      const removed = index.deleteUnder(op.prefix);
      if (removed !== doomed.length) throw new Error(`deleteUnder(${op.prefix}) returned ${removed}, expected ${doomed.length}`);
      for (const key of doomed) model.delete(key);
      return doomed.length > 0;
    }
    case 'clear': {
      const had = model.size > 0;
      index.clear();
      model.clear();
      return had;
    }
    case 'batch':
      return index.batch(() => op.ops.reduce((changed, inner) => apply(index, model, inner) || changed, false));
  }
}

/** What the index reports, in a form that can be compared with what the model says in one go. */
interface TallySnapshot {
  size: number;
  perTag: Array<{ tag: string; count: number; tagged: number; keys: string[]; current: boolean; tags: boolean; newestFirst: boolean }>;
  /** Other tags with their counts, in a canonical order (by tag), to compare as a set. */
  others: Array<{ tag: string; count: number }>;
  /** Whether otherTags() lists the most used first, ties in alphabetical order. */
  othersInOrder: boolean;
  balance: unknown;
  strictBalance: unknown;
}

const byTag = (a: { tag: string }, b: { tag: string }) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0);

function observe(index: JournalIndex, model: Map<string, ModelEntry>): TallySnapshot {
  return {
    size: index.size,
    perTag: ALL_TAGS.map((tag) => {
      const tagged = index.entriesTagged(tag);
      // Newest first; undated last; entries of the same time in alphabetical order of title.
      let newestFirst = true;
      for (let i = 1; i < tagged.length; i++) {
        const a = Number.isNaN(tagged[i - 1].time) ? -Infinity : tagged[i - 1].time;
        const b = Number.isNaN(tagged[i].time) ? -Infinity : tagged[i].time;
        if (a < b || (a === b && tagged[i - 1].title.localeCompare(tagged[i].title) > 0)) newestFirst = false;
      }
      return {
        tag,
        count: index.countOf(tag),
        tagged: tagged.length,
        keys: tagged.map((entry) => entry.key).sort(),
        // Never a stale copy of a replaced entry.
        current: tagged.every((entry) => entry === index.get(entry.key)),
        tags: tagged.every((entry) => isDeepStrictEqual(entry.tags, model.get(entry.key)?.tags)),
        newestFirst,
      };
    }),
    others: [...index.otherTags()].sort(byTag),
    othersInOrder: index.otherTags().every((tag, i, all) => i === 0 || all[i - 1].count > tag.count || (all[i - 1].count === tag.count && all[i - 1].tag.localeCompare(tag.tag) < 0)),
    balance: index.balance(),
    strictBalance: index.balance(0),
  };
}

/** The balance as the README defines it, worked out here rather than by computeBalance. */
function modelBalance(model: Map<string, ModelEntry>, tolerance: number): unknown {
  let leadership = 0;
  let management = 0;
  for (const entry of model.values()) {
    for (const tag of entry.tags) {
      const side = allTraits().find((trait) => trait.id === tag)?.side;
      if (side === 'leadership') leadership++;
      if (side === 'management') management++;
    }
  }
  const total = leadership + management;
  if (total === 0) return { leadership, management, total, leadershipPercent: 0, managementPercent: 0, state: 'empty' };
  // Whole percents, halves rounded up, in integers: 2 of 3 is 67%, 1 of 8 is 13%.
  const leadershipPercent = Math.floor((200 * leadership + total) / (2 * total));
  const leaning = leadershipPercent > 50 + tolerance ? 'leaning-leadership' : leadershipPercent < 50 - tolerance ? 'leaning-management' : 'balanced';
  return { leadership, management, total, leadershipPercent, managementPercent: 100 - leadershipPercent, state: leaning };
}

function expected(model: Map<string, ModelEntry>): TallySnapshot {
  const counts = new Map<string, number>();
  for (const entry of model.values()) for (const tag of entry.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  const modelCount = (tag: string) => counts.get(tag) ?? 0;
  return {
    size: model.size,
    perTag: ALL_TAGS.map((tag) => ({
      tag,
      count: modelCount(tag),
      tagged: modelCount(tag),
      keys: [...model].filter(([, entry]) => entry.tags.includes(tag)).map(([key]) => key).sort(),
      current: true,
      tags: true,
      newestFirst: true,
    })),
    others: [...counts]
      .filter(([tag, count]) => count > 0 && !traitById(tag))
      .map(([tag, count]) => ({ tag, count }))
      .sort(byTag),
    othersInOrder: true,
    balance: modelBalance(model, 10),
    strictBalance: modelBalance(model, 0),
  };
}

function expectIndexMatchesModel(index: JournalIndex, model: Map<string, ModelEntry>): void {
  const actual = observe(index, model);
  const wanted = expected(model);
  // One cheap comparison per step; `expect` only to print the difference.
  if (!isDeepStrictEqual(actual, wanted)) expect(actual).toEqual(wanted);
}

describe('property 5: the tally matches a naive recount', () => {
  it('after every operation of random sequences of set, delete, deleteUnder, clear and batch', () => {
    check(
      fc.property(fc.array(anyOp, { maxLength: 25 }), (ops) => {
        const index = new JournalIndex();
        const model = new Map<string, ModelEntry>();
        let heard = 0;
        index.onDidChange(() => heard++);
        for (const op of ops) {
          const before = heard;
          const changed = apply(index, model, op);
          // Listeners hear once per top-level change (once per batch), never for a no-op.
          if (heard - before !== (changed ? 1 : 0)) throw new Error(`listeners heard ${heard - before} time(s) for ${JSON.stringify(op)}`);
          expectIndexMatchesModel(index, model);
        }
      }),
    );
  }, TIMEOUT);
});

// ---------------------------------------------------------------------------------------------
// 6. findTagAt never throws and returns what is written at its offsets
// ---------------------------------------------------------------------------------------------

const locatorText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: document },
  { weight: 1, arbitrary: syntaxString(120) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 100 }) },
  { weight: 2, arbitrary: structuredBody({ multiLineSpans: true, otherWhitespaceAfterFence: true }).map(({ chunks, crlf }) => assemble(withCrlf(chunks, crlf)).text) },
);

describe('property 6: findTagAt', () => {
  it('never throws, and the text at the returned offsets normalises to the returned tag', () => {
    check(
      fc.property(
        locatorText.chain((text) => fc.tuple(fc.constant(text), fc.integer({ min: 0, max: text.length }))),
        ([text, offset]) => {
          const found = findTagAt(text, offset);
          // Nothing found is a valid answer on random text; the next property says where a tag must be found.
          const checked = found ?? { tag: '', start: offset, end: offset };
          expect(Number.isInteger(checked.start) && Number.isInteger(checked.end)).toBe(true);
          expect(0 <= checked.start && checked.start <= checked.end && checked.end <= text.length).toBe(true);
          // The offset is on the tag, or on its `#`.
          expect(offset).toBeGreaterThanOrEqual(checked.start - 1);
          expect(offset).toBeLessThanOrEqual(checked.end);
          expect(normalizeTag(text.slice(checked.start, checked.end))).toBe(checked.tag);
        },
      ),
    );
  }, TIMEOUT);

  it('finds every tag we wrote, from its # to its end, and nothing in code or on plain words', () => {
    check(
      fc.property(structuredBody({}), ({ chunks, crlf }) => {
        const body = assemble(withCrlf(chunks, crlf));
        for (let offset = 0; offset <= body.text.length; offset++) {
          // Ground truth from the generator: the tag whose `#`..end covers the offset, if any.
          const written = body.tags.find((tag) => tag.start <= offset && offset <= tag.start + 1 + tag.name.length);
          const expectedTag = written && { tag: normalizeTag(written.name), start: written.start + 1, end: written.start + 1 + written.name.length };
          expect(findTagAt(body.text, offset), `offset ${offset} of ${JSON.stringify(body.text)}`).toEqual(expectedTag);
        }
      }),
      // Every offset of every body: fewer bodies than the other properties.
      Math.max(1, Math.floor(NUM_RUNS / 10)),
    );
  }, TIMEOUT);
});
