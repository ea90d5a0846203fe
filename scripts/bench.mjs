#!/usr/bin/env node
// npm run bench [-- --quick]: measures the real extension (dist/extension.js, run in Node against a
// stand-in for the `vscode` module whose workspace.fs is Node's async fs) on synthetic journals,
// against a baseline measured in the same run: merely reading the same files.
import { readFile, writeFile } from 'node:fs/promises';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { ADVERSARIAL, entryPoints } from './bench/adversarial.mjs';
import { entryText, generateJournal, random } from './bench/generate.mjs';
import { loadCore } from './load-core.mjs';
import { benchYear } from './bench/year.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const quick = process.argv.includes('--quick');
const sizes = quick ? [1000, 10000] : [1000, 10000, 50000];
const REPEATS = quick ? 2 : 3;

if (typeof global.gc !== 'function') {
  console.error('Run with --expose-gc (npm run bench does).');
  process.exit(2);
}

// The extension requires 'vscode': give it the stand-in.
const Module = require('node:module');
const standInPath = path.join(root, 'scripts/bench/vscode-stand-in.cjs');
const originalResolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? standInPath : originalResolve.call(this, request, ...rest);
};
const vscode = require(standInPath);

// 1. Bundle load and activate(): the first thing, while the process is fresh.
const bundlePath = path.join(root, 'dist/extension.js');
let t = performance.now();
const extension = require(bundlePath);
const loadMs = performance.now() - t;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 1 ? `${ms.toFixed(1)} ms` : `${(ms * 1000).toFixed(0)} µs`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function activate(folder) {
  vscode.standIn.setWorkspaceFolder(folder);
  const context = { subscriptions: [] };
  const started = performance.now();
  const api = extension.activate(context);
  const activateMs = performance.now() - started;
  return {
    api,
    activateMs,
    dispose: () => context.subscriptions.forEach((d) => d.dispose()),
  };
}

/** The baseline: read every file, 64 at a time, as the issue measured. */
async function readEverything(files) {
  let next = 0;
  let bytes = 0;
  await Promise.all(
    Array.from({ length: 64 }, async () => {
      while (next < files.length) bytes += (await readFile(files[next++])).byteLength;
    }),
  );
  return bytes;
}

function checkCounts(api, expected, label) {
  const { index } = api;
  if (index.size !== expected.files.length) throw new Error(`${label}: indexed ${index.size} files, wrote ${expected.files.length}`);
  for (const [tag, count] of expected.counts) {
    if (index.countOf(tag) !== count) throw new Error(`${label}: #${tag} counted ${index.countOf(tag)}, generator wrote ${count}`);
  }
  for (const tag of ['not-a-tag', 'inline-code', 'rollback']) {
    if (index.countOf(tag) !== 0) throw new Error(`${label}: #${tag} must not count`);
  }
  const withProblems = [...index.values()].filter((entry) => entry.problems.length > 0).length;
  if (withProblems !== expected.broken) throw new Error(`${label}: ${withProblems} files with problems, generator broke ${expected.broken}`);
}

/** Every row the Traits view shows at first (Leadership and Management are expanded). */
function renderTree(provider) {
  let rows = 0;
  const visit = (node, expand) => {
    provider.getTreeItem(node);
    rows++;
    if (expand) for (const child of provider.getChildren(node)) visit(child, false);
  };
  for (const node of provider.getChildren()) visit(node, node.kind === 'side');
  return rows;
}

/** Expanding the most used trait: its newest entries (a page) and their rows. */
function expandBiggestTrait(provider, index) {
  const traits = provider.getChildren().filter((node) => node.kind === 'side').flatMap((side) => provider.getChildren(side));
  const biggest = traits.reduce((a, b) => (index.countOf(b.trait.id) > index.countOf(a.trait.id) ? b : a));
  const children = provider.getChildren(biggest);
  children.forEach((child) => provider.getTreeItem(child));
  return { trait: biggest.trait.id, rows: children.length };
}

function timePerCall(fn, minMs = 200) {
  let calls = 0;
  const started = performance.now();
  while (performance.now() - started < minMs) {
    fn();
    calls++;
  }
  return (performance.now() - started) / calls;
}

const results = [];
const base = mkdtempSync(path.join(os.tmpdir(), 'bj-bench-'));
try {
  for (const size of sizes) {
    const folder = path.join(base, `ws-${size}`);
    t = performance.now();
    const expected = generateJournal(folder, size);
    const generateMs = performance.now() - t;
    process.stderr.write(`[bench] ${size} entries generated in ${fmtMs(generateMs)}; measuring…\n`);

    const baseline = [];
    const cold = [];
    let activateMs = 0;
    for (let rep = 0; rep < REPEATS; rep++) {
      t = performance.now();
      await readEverything(expected.files);
      baseline.push(performance.now() - t);

      global.gc();
      const run = activate(folder);
      activateMs = run.activateMs;
      t = performance.now();
      await run.api.settle();
      cold.push(performance.now() - t + run.activateMs);
      checkCounts(run.api, expected, `cold index of ${size}`);
      run.dispose();
    }

    // Memory: heap held by one extension instance with the whole journal indexed.
    global.gc();
    await sleep(50);
    global.gc();
    const heapBefore = v8.getHeapStatistics().used_heap_size;
    const run = activate(folder);
    await run.api.settle();
    global.gc();
    await sleep(50);
    global.gc();
    const heapGrowth = v8.getHeapStatistics().used_heap_size - heapBefore;
    const { api } = run;

    // One changed file: written on disk, reported by the watcher, re-read, counts updated.
    const changeTimes = [];
    const tags = ['empathy', 'time-management'];
    let empathy = api.index.countOf('empathy');
    for (let i = 0; i < 300; i++) {
      const file = expected.files[(i * 7919) % expected.files.length];
      const before = api.index.get(vscode.Uri.file(file).toString()).tags.includes('empathy');
      const tag = tags[i % 2];
      await writeFile(file, `---\ntags: [${tag}]\n---\n# Changed ${i}\n`);
      t = performance.now();
      vscode.standIn.fileChanged(file);
      await api.settle();
      changeTimes.push(performance.now() - t);
      empathy += (tag === 'empathy' ? 1 : 0) - (before ? 1 : 0);
      if (api.index.countOf('empathy') !== empathy) throw new Error(`change ${i}: empathy ${api.index.countOf('empathy')} != ${empathy}`);
    }

    // The tree and the hover, answered from memory.
    const treeRows = renderTree(api.treeProvider);
    const rootMs = timePerCall(() => api.treeProvider.getChildren());
    const treeMs = timePerCall(() => renderTree(api.treeProvider));
    // After a change the trait's sorted list is rebuilt once: time that worst case.
    const expandTimes = [];
    let expanded;
    for (let i = 0; i < 20; i++) {
      const file = expected.files[(i * 104729) % expected.files.length];
      await writeFile(file, `---\ntags: [empathy, problem-solving, decision-making, influence]\n---\n# Changed again ${i}\n`);
      vscode.standIn.fileChanged(file);
      await api.settle();
      t = performance.now();
      expanded = expandBiggestTrait(api.treeProvider, api.index);
      expandTimes.push(performance.now() - t);
    }
    const expandMs = median(expandTimes);
    const expandCachedMs = timePerCall(() => expandBiggestTrait(api.treeProvider, api.index));
    const sample = `---\ndate: 2026-11-27T09:05:00+01:00\ntags:\n  - empathy\n  - retro\n---\n# A typical entry\n\n${'Some reflection. '.repeat(100)}#influence\n`;
    const document = {
      getText: () => sample,
      offsetAt: (position) => position.offset,
      positionAt: (offset) => new vscode.Position(0, offset),
    };
    const tagOffset = sample.indexOf('  - ') + 5;
    const hoverProvider = vscode.standIn.hoverProviders.at(-1);
    if (!hoverProvider.provideHover(document, { offset: tagOffset })) throw new Error('no hover on a front matter tag');
    const hoverMs = timePerCall(() => hoverProvider.provideHover(document, { offset: tagOffset }));

    // A burst: 5,000 files rewritten at once (a git checkout), each reported as created and changed.
    const burst = expected.files.slice(0, Math.min(5000, expected.files.length));
    await Promise.all(burst.map((file) => writeFile(file, '---\ntags: [innovation]\n---\n# Checked out\n')));
    let treeRefreshes = 0;
    let indexChanges = 0;
    const treeSubscription = api.treeProvider.onDidChangeTreeData(() => treeRefreshes++);
    const indexSubscription = api.index.onDidChange(() => indexChanges++);
    const readsBefore = vscode.standIn.stats.readFile;
    t = performance.now();
    for (const file of burst) {
      vscode.standIn.fileCreated(file);
      vscode.standIn.fileChanged(file);
    }
    await api.settle();
    const burstMs = performance.now() - t;
    await sleep(120); // the tree redraw is throttled to one per 50 ms
    const burstReads = vscode.standIn.stats.readFile - readsBefore;
    treeSubscription.dispose();
    indexSubscription.dispose();
    if (burstReads !== burst.length) throw new Error(`burst: ${burstReads} reads for ${burst.length} files`);
    run.dispose();

    results.push({
      size,
      baseline: median(baseline),
      cold: median(cold),
      activateMs,
      heapGrowth,
      changeMedian: median(changeTimes),
      changeP95: percentile(changeTimes, 95),
      rootMs,
      treeMs,
      treeRows,
      expandMs,
      expandCachedMs,
      expanded,
      hoverMs,
      burst: { files: burst.length, ms: burstMs, treeRefreshes, indexChanges, reads: burstReads },
    });
    rmSync(folder, { recursive: true, force: true });
  }
} finally {
  rmSync(base, { recursive: true, force: true });
}

const bundleKB = statSync(bundlePath).size / 1024;
const line = (cells) => `| ${cells.join(' | ')} |`;
const rows = [
  ['read every file, 64 at a time (baseline)', '', (r) => fmtMs(r.baseline)],
  ['cold index: activate() until every file is indexed', '', (r) => fmtMs(r.cold)],
  ['cold index ÷ baseline', '≤ 1.5×', (r) => `${(r.cold / r.baseline).toFixed(2)}×`],
  ['heap growth with the index loaded', '≤ 50 MB', (r) => `${(r.heapGrowth / 2 ** 20).toFixed(1)} MB`],
  ['one changed file: event → counts updated, median', '≤ 1 ms', (r) => fmtMs(r.changeMedian)],
  ['one changed file, p95', '', (r) => fmtMs(r.changeP95)],
  ['tree getChildren (root)', '≤ 0.1 ms', (r) => fmtMs(r.rootMs)],
  ['visible tree: root, sides and traits with their items', '', (r) => `${fmtMs(r.treeMs)} (${r.treeRows} rows)`],
  ['expand the biggest trait after a change / again', '', (r) => `${fmtMs(r.expandMs)} / ${fmtMs(r.expandCachedMs)} (${r.expanded.rows} rows)`],
  ['hover on a trait tag', '≤ 0.1 ms', (r) => fmtMs(r.hoverMs)],
  ['burst: files rewritten at once, each reported twice', '', (r) => r.burst.files.toLocaleString('en')],
  ['burst: until every file is re-indexed', '', (r) => fmtMs(r.burst.ms)],
  ['burst: files read', 'once each', (r) => r.burst.reads.toLocaleString('en')],
  ['burst: index notifications / tree refreshes', 'bounded', (r) => `${r.burst.indexChanges} / ${r.burst.treeRefreshes}`],
];
console.log(`\nBalance Journal benchmark — ${os.cpus().length} × ${os.cpus()[0]?.model?.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${quick ? 'quick' : 'full'} run, median of ${REPEATS}\n`);
console.log(line(['entries', ...results.map((r) => r.size.toLocaleString('en')), 'goal']));
console.log(line(['---', ...results.map(() => '---:'), '---']));
for (const [label, goal, cell] of rows) console.log(line([label, ...results.map(cell), goal]));
console.log('');
console.log(`Bundle dist/extension.js: ${bundleKB.toFixed(1)} KB (goal ≤ 150 KB); load ${fmtMs(loadMs)} + activate() ${fmtMs(results[0].activateMs)} = ${fmtMs(loadMs + results[0].activateMs)} (goal ≤ 20 ms)`);
console.log('Counts checked against the generator at every size: ok.');

// The Markdown scanner alone (src/core/markdownScanner, through the core's own code): its cost per
// file of the synthetic journal, next to markdown-it (the reference parser of the differential
// test) on the same bodies, and the worst case of each entry point on 1 MB of adversarial text.
const core = await loadCore();
const rand = random(7);
const bodies = Array.from({ length: 2000 }, (_, i) => core.readFrontMatter(entryText(rand, i, 2000).text).body);
const perFile = (fn) => {
  let best = Infinity;
  for (let rep = 0; rep < 5; rep++) {
    const started = performance.now();
    for (const body of bodies) fn(body);
    best = Math.min(best, (performance.now() - started) / bodies.length);
  }
  return best;
};
const scanMs = perFile((body) => core.scanMarkdown(body));
const titleMs = perFile((body) => core.scanMarkdown(body, { tags: false }));
let markdownItMs;
try {
  const markdownIt = (await import('markdown-it')).default('commonmark');
  markdownItMs = perFile((body) => markdownIt.parse(body, {}));
} catch {
  markdownItMs = undefined;
}
console.log('');
console.log(`Markdown scanner per file (1–3 KB bodies): tags and title ${fmtMs(scanMs)}, title only ${fmtMs(titleMs)}; markdown-it parse ${markdownItMs === undefined ? 'not installed' : fmtMs(markdownItMs)}`);

const points = entryPoints(core);
const worst = {};
for (const [pattern, make] of Object.entries(ADVERSARIAL)) {
  const text = make(1024 * 1024);
  for (const [name, run] of Object.entries(points)) {
    run(text);
    const started = performance.now();
    run(text);
    const ms = performance.now() - started;
    if (!worst[name] || ms > worst[name].ms) worst[name] = { ms, pattern };
  }
}
console.log(`Worst case at 1 MB of adversarial text (${Object.keys(ADVERSARIAL).length} patterns): ${Object.entries(worst).map(([name, { ms, pattern }]) => `${name} ${fmtMs(ms)} ("${pattern}")`).join(', ')}`);

// The year features (issue #14) at 50,000 entries over ten years, on an in-memory index.
const year = await benchYear(quick ? 10_000 : 50_000);
console.log('');
console.log(
  `Year features at ${year.entries.toLocaleString('en')} entries over ten years (CPU time, median): the Balance Report with its year calendar, model and HTML ${fmtMs(year.reportMs)} (goal ≤ 150 ms); ` +
    `Find Entries, two tags in a year ${fmtMs(year.findMs)}, every entry of all time ${fmtMs(year.findAllMs)} (goal ≤ 30 ms); ` +
    `evidence for one trait and one year, ${year.evidenceEntries.toLocaleString('en')} entries with their sections, files in memory ${fmtMs(year.evidenceMs)} (goal ≤ 1 s)`,
);
