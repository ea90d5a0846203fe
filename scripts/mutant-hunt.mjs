#!/usr/bin/env node
// npm run mutate:hunt -- <file> [<file>…]: for each mutant of a CommonMark scanner file that the
// last `npm run mutate` left alive (reports/mutation/mutation.json), looks for a document the
// mutant reads differently. The scanner is bundled once with the mutant in place; each mutant
// then runs in its own process (a mutant may loop forever) over ~40,000 generated documents:
// the differential test's generator and a denser "syntax soup". A document is kept when the
// mutant's tags differ from the scanner's and the scanner agrees with markdown-it or
// commonmark.js there; otherwise any difference in the whole scan (title, tasks, headings, tagAt
// at every `#`). The kept documents are shrunk and printed; they go into
// test/unit/markdownNearTwins.test.ts with their expected values written down. A mutant with no
// document is for a person to judge (docs/testing.md, "Equivalent mutants").
//
// Options: N=<documents per generator> (default 20000). Writes reports/mutant-hunt.json.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCANNER_ENTRY = `export { scanMarkdown, tagAt } from ${JSON.stringify(path.join(root, 'src/core/markdownScanner'))};`;
const REFERENCE_ENTRY = [
  `export { referenceTags, commonmarkTags } from ${JSON.stringify(path.join(root, 'test/unit/helpers/markdownReference'))};`,
  `export { markdownDocument } from ${JSON.stringify(path.join(root, 'test/unit/helpers/markdownArbitraries'))};`,
  `export { default as fc } from 'fast-check';`,
].join('\n');

async function bundle(contents, outfile, mutated) {
  await esbuild.build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile,
    logLevel: 'silent',
    plugins: mutated
      ? [{ name: 'mutant', setup: (build) => build.onLoad({ filter: /\.ts$/ }, (args) => (args.path === mutated.path ? { contents: mutated.source, loader: 'ts' } : undefined)) }]
      : [],
  });
}

// One mutant, in a child process: `node mutant-hunt.mjs --child <work dir> <mutant bundle>`.
async function child(work, mutantBundle) {
  const { referenceTags, commonmarkTags } = await import(pathToFileURL(path.join(work, 'reference.mjs')).href);
  const original = await import(pathToFileURL(path.join(work, 'original.mjs')).href);
  const mutant = await import(pathToFileURL(mutantBundle).href);
  const documents = JSON.parse(readFileSync(path.join(work, 'documents.json'), 'utf8'));
  const attempt = (run) => {
    try {
      return JSON.stringify(run());
    } catch (error) {
      return `throws ${error.message}`;
    }
  };
  const tagsOf = (scanner, text) => attempt(() => scanner.scanMarkdown(text).tags.map((tag) => tag.raw));
  const wholeScan = (scanner, text) =>
    attempt(() => {
      const hashes = [];
      for (let at = text.indexOf('#'); at !== -1; at = text.indexOf('#', at + 1)) hashes.push(scanner.tagAt(text, at + 1) ?? null);
      return [scanner.scanMarkdown(text, { tasks: true, headings: true }), hashes];
    });
  const referenceAgrees = (text) => [JSON.stringify(referenceTags(text)), JSON.stringify(commonmarkTags(text))].includes(tagsOf(original, text));
  const tagsKill = (text) => tagsOf(mutant, text) !== tagsOf(original, text) && referenceAgrees(text);
  const scanKill = (text) => wholeScan(mutant, text) !== wholeScan(original, text);
  const shrink = (text, kills) => {
    for (let size = Math.ceil(text.length / 2); size >= 1; size = Math.floor(size / 2)) {
      for (let at = 0; at + size <= text.length; ) {
        const shorter = text.slice(0, at) + text.slice(at + size);
        if (kills(shorter)) text = shorter;
        else at++;
      }
    }
    return text;
  };
  const shortest = (kills) => documents.filter(kills).reduce((a, b) => (a === undefined || b.length < a.length ? b : a), undefined);
  let found = shortest(tagsKill);
  if (found !== undefined) {
    const text = shrink(found, tagsKill);
    return { kind: 'tags', text, scanner: tagsOf(original, text), mutant: tagsOf(mutant, text), markdownIt: JSON.stringify(referenceTags(text)), commonmark: JSON.stringify(commonmarkTags(text)) };
  }
  found = shortest(scanKill);
  if (found !== undefined) {
    const text = shrink(found, scanKill);
    return { kind: 'scan', text, scanner: wholeScan(original, text), mutant: wholeScan(mutant, text) };
  }
  return { kind: 'none' };
}

if (process.argv[2] === '--child') {
  process.stdout.write(JSON.stringify(await child(process.argv[3], process.argv[4])));
  process.exit(0);
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('Usage: npm run mutate:hunt -- src/core/markdown/inline.ts [more files]');
  process.exit(2);
}
const perGenerator = Number(process.env.N ?? 20000);
const report = JSON.parse(readFileSync(path.join(root, 'reports/mutation/mutation.json'), 'utf8'));
const work = mkdtempSync(path.join(os.tmpdir(), 'bj-hunt-'));
try {
  await bundle(REFERENCE_ENTRY, path.join(work, 'reference.mjs'));
  await bundle(SCANNER_ENTRY, path.join(work, 'original.mjs'));
  const { markdownDocument, fc } = await import(pathToFileURL(path.join(work, 'reference.mjs')).href);
  // The differential test's documents, then a dense mix of the characters that decide blocks and links.
  const documents = fc.sample(markdownDocument, { numRuns: perGenerator, seed: 7 });
  const SOUP = ['[', ']', '(', ')', '<', '>', '"', "'", ' ', '\n', '\\', '#a', '!', '`', '*', '_', 'x', ':', '-', '    ', '\t', '&amp;', '1.', '=', '/u', '\r', '~', '- ', '> ', '***', '```', '<div>', '<!--', '-->', '"t"', '[x]: /u', '[x]', '[]', '](', '](<', 'é'];
  let seed = 12345;
  const next = (n) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
  for (let i = 0; i < perGenerator; i++) documents.push(Array.from({ length: 1 + next(25) }, () => SOUP[next(SOUP.length)]).join(''));
  writeFileSync(path.join(work, 'documents.json'), JSON.stringify(documents));

  const results = [];
  for (const file of files) {
    const entry = report.files[file];
    if (!entry) throw new Error(`${file} is not in reports/mutation/mutation.json`);
    const lines = entry.source.split('\n');
    const offset = ({ line, column }) => lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0) + column - 1;
    for (const mutant of entry.mutants.filter((m) => m.status === 'Survived' || m.status === 'NoCoverage')) {
      const start = offset(mutant.location.start);
      const end = offset(mutant.location.end);
      const where = `${file}:${mutant.location.start.line}:${mutant.location.start.column} ${mutant.mutatorName} ${JSON.stringify(entry.source.slice(start, end))} → ${JSON.stringify(mutant.replacement)}`;
      const mutantBundle = path.join(work, 'mutant.mjs');
      await bundle(SCANNER_ENTRY, mutantBundle, { path: path.join(root, file), source: entry.source.slice(0, start) + mutant.replacement + entry.source.slice(end) });
      const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', work, mutantBundle], { encoding: 'utf8', timeout: 180_000, maxBuffer: 1 << 26 });
      const result = run.status === 0 ? JSON.parse(run.stdout) : { kind: run.signal ? 'timeout (a hang: a test on such a document times out)' : `crash: ${run.stderr.trim().split('\n').pop()}` };
      results.push({ where, ...result });
      console.log(`${where}\n    ${result.kind}${result.text === undefined ? '' : `: ${JSON.stringify(result.text)} scanner ${result.scanner} mutant ${result.mutant}`}`);
    }
  }
  writeFileSync(path.join(root, 'reports/mutant-hunt.json'), JSON.stringify(results, null, 1));
  const counts = {};
  for (const { kind } of results) counts[kind.split(' ')[0]] = (counts[kind.split(' ')[0]] ?? 0) + 1;
  console.log(`\n${results.length} mutants: ${Object.entries(counts).map(([kind, n]) => `${n} ${kind}`).join(', ')}. Details in reports/mutant-hunt.json.`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
