// The scanner against a reference CommonMark parser, and the three readers of tags against each
// other.
//
// 1. Differential: on every example of the CommonMark 0.31 spec (commonmark-spec), each with tags
//    put in several ways, and on 10,000 generated documents, the tags the scanner finds equal the
//    tags in markdown-it's reading (test/unit/helpers/markdownReference.ts), apart from the
//    decisions README's "File format" states, listed below with their reasons.
// 2. Agreement: at every offset of generated documents, "completion is offered" (completionSite),
//    "a tag is under the cursor" (findTagAt) and "the index counts this tag" (parseEntry) agree.
// 3. Linear time: each entry point on 10 KB and 100 KB of adversarial patterns.
//
// On failure fast-check prints the seed; replay with FC_SEED=<seed> (and FC_PATH=<path>).
import fc from 'fast-check';
import { growth } from './helpers/timing';
import * as spec from 'commonmark-spec';
import { describe, expect, it } from 'vitest';
import { parseEntry, tagKey } from '../../src/core/entryParser';
import { bodyStartOffset } from '../../src/core/frontMatter';
import { scanMarkdown } from '../../src/core/markdownScanner';
import { completionSite } from '../../src/core/tagCompletion';
import { findTagAt } from '../../src/core/tagLocator';
import { ADVERSARIAL, entryPoints } from '../../scripts/bench/adversarial.mjs';
import { markdownDocument } from './helpers/markdownArbitraries';
import { commonmarkHtml, commonmarkTags, referenceHtml, referenceTags, withTags } from './helpers/markdownReference';
import { linearSize, propertyRuns } from './helpers/runs';

// A fixed seed by default, so `npm test` reads the same 10,000 documents on every run: a rare
// disagreement found by exploring (FC_SEED=random) must be fixed or listed, never a flaky CI.
// Known open case, found with seed -7126043: a tab right after a link reference definition's
// destination ("[#x]: /u\t\n \t#a"), where markdown-it, commonmark.js and the scanner all differ.
const replay: { seed?: number; path?: string } = { seed: 20261129 };
if (process.env.FC_SEED === 'random') delete replay.seed;
else if (process.env.FC_SEED) replay.seed = Number(process.env.FC_SEED);
if (process.env.FC_PATH) replay.path = process.env.FC_PATH;
const TIMEOUT = 300_000;

/** README's decisions where the scanner may differ from markdown-it, each with its reason. */
const DECISIONS = {
  markdownItDeparts:
    'markdown-it departs from CommonMark 0.31 here (e.g. it ends a paragraph after a link reference definition, and reads some lazy ' +
    'continuation lines in nested containers and some inline HTML differently); the scanner follows the spec, and commonmark.js, ' +
    "the spec's own reference implementation, agrees with it",
  underscoreInTag:
    'emphasis is not resolved: an `_` inside a tag never ends it, though CommonMark may read it as the end of `_emphasis_` ' +
    '(`_see #a_-b_` counts `a_-b`)',
} as const;

type Decision = keyof typeof DECISIONS;

function report(label: string, documents: number, decided: Map<Decision, number>): void {
  const explained = [...decided.values()].reduce((a, b) => a + b, 0);
  const lines = [`${label}: ${documents} documents, ${documents - explained} read exactly as markdown-it does`];
  for (const [decision, count] of decided) lines.push(`  ${count} explained by a README decision: ${DECISIONS[decision]}`);
  console.log(lines.join('\n'));
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, i) => value === b[i]);

/** `_` decision: each tag differs only by going on past an `_` where the reference stopped. */
function onlyUnderscoreDiffers(mine: readonly string[], reference: readonly string[]): boolean {
  return mine.length === reference.length && mine.every((tag, i) => tag === reference[i] || (tag.startsWith(reference[i]) && /^[-/]*_/.test(tag.slice(reference[i].length))));
}

/** undefined when the scanner agrees with markdown-it, else the decision that explains the difference. */
function compare(markdown: string): { decision?: Decision; mine: string[]; reference: string[] } | 'differs' {
  const mine = scanMarkdown(markdown).tags.map((tag) => tag.raw);
  const reference = referenceTags(markdown);
  if (same(mine, reference)) return { mine, reference };
  if (onlyUnderscoreDiffers(mine, reference)) return { decision: 'underscoreInTag', mine, reference };
  const commonmark = commonmarkTags(markdown);
  if (same(mine, commonmark)) return { decision: 'markdownItDeparts', mine, reference };
  if (onlyUnderscoreDiffers(mine, commonmark)) return { decision: 'underscoreInTag', mine, reference };
  return 'differs';
}

function explainFailure(markdown: string): string {
  return [
    `document: ${JSON.stringify(markdown)}`,
    `scanner:      ${JSON.stringify(scanMarkdown(markdown).tags.map((tag) => tag.raw))}`,
    `markdown-it:  ${JSON.stringify(referenceTags(markdown))}`,
    `commonmark.js: ${JSON.stringify(commonmarkTags(markdown))}`,
    `markdown-it HTML:\n${referenceHtml(markdown)}`,
    `commonmark.js HTML:\n${commonmarkHtml(markdown)}`,
  ].join('\n');
}

describe('differential: the scanner reads tags as markdown-it does', () => {
  it('on every CommonMark spec example, with tags put in', () => {
    const examples = spec.tests;
    expect(examples.length).toBeGreaterThanOrEqual(652);
    const decided = new Map<Decision, number>();
    let documents = 0;
    for (const example of examples) {
      for (const markdown of withTags(example.markdown)) {
        documents++;
        const result = compare(markdown);
        if (result === 'differs') throw new Error(`spec example ${example.number}:\n${explainFailure(markdown)}`);
        if (result.decision) decided.set(result.decision, (decided.get(result.decision) ?? 0) + 1);
      }
    }
    report('CommonMark spec examples with tags', documents, decided);
  }, TIMEOUT);

  it('on 10,000 generated documents (containers, code, links, HTML, escapes, CRLF, Unicode)', () => {
    const decided = new Map<Decision, number>();
    let documents = 0;
    fc.assert(
      fc.property(markdownDocument, (markdown) => {
        documents++;
        const result = compare(markdown);
        if (result === 'differs') throw new Error(explainFailure(markdown));
        if (result.decision) decided.set(result.decision, (decided.get(result.decision) ?? 0) + 1);
      }),
      { numRuns: propertyRuns(10_000), ...replay },
    );
    report('generated documents', documents, decided);
  }, TIMEOUT);

  it('lists every decision in README', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain('markdown-it');
    expect(readme).toContain('commonmark.js');
    expect(readme).toContain('`_see #a_-b_`');
  });
});

// ---------------------------------------------------------------------------------------------
// 2. Completion, the hover and the index agree at every offset
// ---------------------------------------------------------------------------------------------

const withFrontMatter = fc
  .tuple(fc.constantFrom('', '---\ntags: [empathy]\n---\n', '\uFEFF---\r\ntags:\r\n  - retro\r\n---\r\n', '---\ntitle: x\n'), markdownDocument)
  .map(([frontMatter, body]) => frontMatter + body);

describe('agreement: completion, the hover and the index', () => {
  it('at every offset of generated documents', () => {
    fc.assert(
      fc.property(withFrontMatter, (text) => {
        const bodyStart = bodyStartOffset(text);
        const body = text.slice(bodyStart);
        const counted = scanMarkdown(body).tags;
        const indexTags = new Set(parseEntry(text).tags);
        for (const tag of counted) {
          const key = tagKey(tag.raw);
          if (key) expect(indexTags.has(key)).toBe(true);
        }
        for (let offset = bodyStart; offset <= text.length; offset++) {
          // A cursor is never between the two halves of a surrogate pair.
          if (/[\ud800-\udbff]/.test(text[offset - 1] ?? '') && /[\udc00-\udfff]/.test(text[offset] ?? '')) continue;
          const at = offset - bodyStart;
          // The hover finds a tag exactly where the index counts one, from its `#` to its end.
          const under = counted.find((tag) => tag.start <= at && at <= tag.end);
          const hovered = findTagAt(text, offset);
          if (under) {
            expect(hovered, `hover at ${offset}`).toEqual({ tag: tagKey(under.raw), start: bodyStart + under.start + 1, end: bodyStart + under.end });
          } else {
            expect(hovered, `hover at ${offset}`).toBeUndefined();
          }
          // Completion is offered exactly where typing a letter gives a tag the index counts.
          const site = completionSite(text, offset);
          const typed = `${body.slice(0, at)}x${body.slice(at)}`;
          const typedTags = scanMarkdown(typed, { title: false }).tags;
          const started = typedTags.find((tag) => tag.start < at && at < tag.end && !/[^\p{L}\p{M}\p{N}_/-]/u.test(typed.slice(tag.start + 1, at)));
          if (started) {
            expect(site, `completion at ${offset}`).toEqual({ kind: 'inline', start: bodyStart + started.start + 1 });
            const typedText = `${text.slice(0, offset)}x${text.slice(offset)}`;
            const key = tagKey(started.raw);
            if (key) expect(parseEntry(typedText).tags).toContain(key);
          } else {
            expect(site, `completion at ${offset}`).toBeUndefined();
          }
          // Inside a counted tag, completion is offered for it.
          if (under && at > under.start && at <= under.end) expect(site).toEqual({ kind: 'inline', start: bodyStart + under.start + 1 });
        }
      }),
      { numRuns: propertyRuns(1_000), ...replay },
    );
  }, TIMEOUT);
});

// ---------------------------------------------------------------------------------------------
// 3. Linear time on adversarial input
// ---------------------------------------------------------------------------------------------

const ENTRY_POINTS = entryPoints({ parseEntry, findTagAt, completionSite });

describe('linear time', () => {
  // 10× the input may take at most 25× the CPU time (a quadratic scan takes ~100×): CPU time, so a
  // busy machine does not fail it (helpers/timing). Below 1 ms the timer and the JIT dominate.
  it.each(Object.keys(ADVERSARIAL))('%s', (pattern) => {
    const small = ADVERSARIAL[pattern](linearSize(10_000));
    const large = ADVERSARIAL[pattern](linearSize(100_000));
    for (const [name, entry] of Object.entries(ENTRY_POINTS)) {
      const ratio = growth(entry, small, large);
      expect(ratio, `${name} on "${pattern}": 10× the input took ${ratio.toFixed(1)}× the CPU time`).toBeLessThan(25);
    }
  }, TIMEOUT);
});
