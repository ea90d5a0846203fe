#!/usr/bin/env node
// npm run bench [-- --quick]: measures the real extension (dist/extension.js, run in Node against a
// stand-in for the `vscode` module whose workspace.fs is Node's async fs) on synthetic journals,
// against a baseline measured in the same run: merely reading the same files.
import { readFile, writeFile } from 'node:fs/promises';
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
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

/** CPU time of this process (every thread: the main one, libuv's readers, the GC), in ms. */
const cpuMs = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 1 ? `${ms.toFixed(1)} ms` : `${(ms * 1000).toFixed(0)} µs`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;

/** One window: the extension activated on `folder`, its workspace storage in `storage`. */
function activate(folder, storage) {
  vscode.standIn.setWorkspaceFolder(folder);
  const memento = new Map();
  const workspaceState = { get: (key) => memento.get(key), update: async (key, value) => void memento.set(key, value) };
  const context = { subscriptions: [], workspaceState, storageUri: vscode.Uri.file(storage), globalStorageUri: vscode.Uri.file(`${storage}-global`), extension: { packageJSON: { version } } };
  const started = performance.now();
  const api = extension.activate(context);
  const activateMs = performance.now() - started;
  // The first time the index holds entries: the view's first paint (from the cache, or a batch),
  // with the counts it shows then.
  let firstPaintMs;
  let firstPaintCounts;
  const subscription = api.index.onDidChange(() => {
    if (firstPaintMs !== undefined || api.index.size === 0) return;
    firstPaintMs = performance.now() - started + activateMs;
    firstPaintCounts = { size: api.index.expectedSize, countOf: new Map(api.index.allTags().map(({ tag, count }) => [tag, count])) };
  });
  return {
    api,
    activateMs,
    firstPaintMs: () => firstPaintMs,
    firstPaintCounts: () => firstPaintCounts,
    dispose: () => {
      subscription.dispose();
      context.subscriptions.forEach((d) => d.dispose());
    },
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
let largestRecords = [];
const base = mkdtempSync(path.join(os.tmpdir(), 'bj-bench-'));
try {
  for (const size of sizes) {
    const folder = path.join(base, `ws-${size}`);
    t = performance.now();
    const expected = generateJournal(folder, size);
    // A journal's files were written before this session (a file read within seconds of its
    // mtime is read again on the next start, see core/indexCache RACY_MTIME_MS).
    const anHourAgo = new Date(Date.now() - 3600_000);
    for (const file of expected.files) utimesSync(file, anHourAgo, anHourAgo);
    const generateMs = performance.now() - t;
    const storage = path.join(base, `storage-${size}`);
    process.stderr.write(`[bench] ${size} entries generated in ${fmtMs(generateMs)}; measuring…\n`);

    const baseline = [];
    const cold = [];
    const baselineCpu = [];
    const coldCpu = [];
    const reloadCpu = [];
    const reloadChangedCpu = [];
    let activateMs = 0;
    let cacheWriteMs = 0;
    let cacheBytes = 0;

    for (let rep = 0; rep < REPEATS; rep++) {
      t = performance.now();
      let c = cpuMs();
      await readEverything(expected.files);
      baseline.push(performance.now() - t);
      baselineCpu.push(cpuMs() - c);

      global.gc();
      rmSync(storage, { recursive: true, force: true }); // no cache: the first start
      c = cpuMs();
      const run = activate(folder, storage);
      activateMs = run.activateMs;
      t = performance.now();
      await run.api.settle();
      cold.push(performance.now() - t + run.activateMs);
      coldCpu.push(cpuMs() - c);
      checkCounts(run.api, expected, `cold index of ${size}`);
      if (rep === REPEATS - 1) {
        // The index cache, as the extension writes it a few seconds after the scan.
        t = performance.now();
        await run.api.testing.flushCache();
        cacheWriteMs = performance.now() - t;
        cacheBytes = statSync(run.api.testing.cacheUri.fsPath).size;
      }
      run.dispose();
    }

    // Reload with the journal unchanged: the cache restored at once, then one stat per file.
    const reloadExact = [];
    const reloadPaint = [];
    for (let rep = 0; rep < REPEATS; rep++) {
      global.gc();
      const readsBefore = vscode.standIn.stats.readFile;
      const c = cpuMs();
      const run = activate(folder, storage);
      t = performance.now();
      await run.api.settle();
      reloadExact.push(performance.now() - t + run.activateMs);
      reloadCpu.push(cpuMs() - c);
      reloadPaint.push(run.firstPaintMs());
      checkCounts(run.api, expected, `reload of ${size}`);
      // The first paint already showed the whole tally: every count the generator wrote.
      const painted = run.firstPaintCounts();
      if (painted.size !== expected.files.length) throw new Error(`reload of ${size}: the first paint counted ${painted.size} files, wrote ${expected.files.length}`);
      for (const [tag, count] of expected.counts) {
        if ((painted.countOf.get(tag) ?? 0) !== count) throw new Error(`reload of ${size}: the first paint counted #${tag} ${painted.countOf.get(tag)}, generator wrote ${count}`);
      }
      if (vscode.standIn.stats.readFile !== readsBefore) throw new Error(`reload of ${size}: ${vscode.standIn.stats.readFile - readsBefore} files read although none changed`);
      await run.api.testing.flushCache();
      run.dispose();
    }

    // Heap held by an instance filled from the cache (strings decoded from it, not from files).
    global.gc();
    await sleep(50);
    global.gc();
    const heapBeforeCached = v8.getHeapStatistics().used_heap_size;
    const cachedRun = activate(folder, storage);
    await cachedRun.api.settle();
    global.gc();
    await sleep(50);
    global.gc();
    const heapGrowthCached = v8.getHeapStatistics().used_heap_size - heapBeforeCached;
    cachedRun.dispose();

    // Reload after 500 files changed while the window was closed.
    const changedCount = Math.min(500, Math.floor(size / 2));
    const reloadChanged = [];
    let changedReads = 0;
    for (let rep = 0; rep < REPEATS; rep++) {
      const changedFiles = Array.from({ length: changedCount }, (_, i) => expected.files[(i * 7919 + rep * 104729) % expected.files.length]);
      const anHourAgoPlus = new Date(Date.now() - 3600_000 + 1000 * (rep + 1));
      for (const file of changedFiles) utimesSync(file, anHourAgoPlus, anHourAgoPlus); // changed: a new mtime
      global.gc();
      const readsBefore = vscode.standIn.stats.readFile;
      const c = cpuMs();
      const run = activate(folder, storage);
      t = performance.now();
      await run.api.settle();
      reloadChanged.push(performance.now() - t + run.activateMs);
      reloadChangedCpu.push(cpuMs() - c);
      changedReads = vscode.standIn.stats.readFile - readsBefore;
      checkCounts(run.api, expected, `reload of ${size} after changes`);
      await run.api.testing.flushCache();
      run.dispose();
    }

    // Memory: heap held by one extension instance with the whole journal indexed.
    global.gc();
    await sleep(50);
    global.gc();
    const heapBefore = v8.getHeapStatistics().used_heap_size;
    rmSync(storage, { recursive: true, force: true }); // a first start: every file read
    const run = activate(folder, storage);
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
    largestRecords = [...api.index.values()];
    run.dispose();

    results.push({
      size,
      baseline: median(baseline),
      cold: median(cold),
      activateMs,
      heapGrowth,
      heapGrowthCached,
      cacheBytes,
      cacheWriteMs,
      reloadExact: median(reloadExact),
      cpu: { baseline: median(baselineCpu), cold: median(coldCpu), reload: median(reloadCpu), reloadChanged: median(reloadChangedCpu) },
      reloadPaint: median(reloadPaint),
      reloadChanged: median(reloadChanged),
      changedCount,
      changedReads,
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
  ['cold index ÷ baseline', '≤ 1.2×', (r) => `${(r.cold / r.baseline).toFixed(2)}×`],
  ['heap growth with the index loaded', '≤ 25 MB', (r) => `${(r.heapGrowth / 2 ** 20).toFixed(1)} MB`],
  ['heap growth, index filled from the cache', '≤ 25 MB', (r) => `${(r.heapGrowthCached / 2 ** 20).toFixed(1)} MB`],
  ['index cache: file size / write', '≤ 6 MB', (r) => `${(r.cacheBytes / 2 ** 20).toFixed(2)} MB / ${fmtMs(r.cacheWriteMs)}`],
  ['reload, journal unchanged: first paint from the cache', '≤ 100 ms', (r) => fmtMs(r.reloadPaint)],
  ['reload, journal unchanged: exact tally', '', (r) => fmtMs(r.reloadExact)],
  ['reload unchanged ÷ baseline', '≤ 0.25×', (r) => `${(r.reloadExact / r.baseline).toFixed(2)}×`],
  ['reload after N files changed: exact tally', '', (r) => `${fmtMs(r.reloadChanged)} (N = ${r.changedCount}, ${r.changedReads} read)`],
  ['reload after changes ÷ baseline', '≤ 0.35×', (r) => `${(r.reloadChanged / r.baseline).toFixed(2)}×`],
  ['CPU time: baseline / cold / reload / reload after changes', '', (r) => [r.cpu.baseline, r.cpu.cold, r.cpu.reload, r.cpu.reloadChanged].map(fmtMs).join(' / ')],
  ['CPU ÷ baseline\'s: cold / reload / reload after changes', '', (r) => [r.cpu.cold, r.cpu.reload, r.cpu.reloadChanged].map((v) => `${(v / r.cpu.baseline).toFixed(2)}×`).join(' / ')],
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
console.log(`\nBalance Journal benchmark — ${os.cpus().length} × ${os.cpus()[0]?.model?.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${quick ? 'quick' : 'full'} run, median of ${REPEATS}, load average ${os.loadavg()[0].toFixed(1)}\n`);
console.log(line(['entries', ...results.map((r) => r.size.toLocaleString('en')), 'goal']));
console.log(line(['---', ...results.map(() => '---:'), '---']));
for (const [label, goal, cell] of rows) console.log(line([label, ...results.map(cell), goal]));
console.log('');
console.log(`Bundle dist/extension.js: ${bundleKB.toFixed(1)} KB (goal ≤ 150 KB); load ${fmtMs(loadMs)} + activate() ${fmtMs(results[0].activateMs)} = ${fmtMs(loadMs + results[0].activateMs)} (goal ≤ 20 ms)`);
console.log('Counts checked against the generator at every size: ok.');

// The index cache's encoding, chosen by load time: the binary format of core/indexCache against
// JSON of the same records (an array per record), on the largest journal's records. Load means
// bytes -> records the index can take; CPU time of this process, best of 5, interleaved.
const core = await loadCore();
{
  const identity = { version, fingerprint: 'bench' };
  const fields = ['key', 'size', 'mtime', 'kind', 'title', 'day', 'time', 'tags', 'problems'];
  const binary = core.encodeIndexCache(identity, largestRecords);
  const json = new TextEncoder().encode(JSON.stringify({ version, records: largestRecords.map((r) => fields.map((f) => r[f])) }));
  const decoder = new TextDecoder();
  const fromJson = (bytes) => {
    const parsed = JSON.parse(decoder.decode(bytes));
    return parsed.records.map(([key, size, mtime, kind, title, day, time, tags, problems]) => ({ key, size, mtime, kind, title, day: day ?? undefined, time: time ?? Number.NaN, tags, problems }));
  };
  const fromBinary = (bytes) => core.decodeIndexCache(bytes, identity).records;
  const cpuMs = () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
  const best = { binary: Infinity, json: Infinity, encodeBinary: Infinity, encodeJson: Infinity };
  for (let rep = 0; rep < 5; rep++) {
    for (const [name, run] of [
      ['binary', () => fromBinary(binary)],
      ['json', () => fromJson(json)],
      ['encodeBinary', () => core.encodeIndexCache(identity, largestRecords)],
      ['encodeJson', () => new TextEncoder().encode(JSON.stringify({ version, records: largestRecords.map((r) => fields.map((f) => r[f])) }))],
    ]) {
      global.gc();
      const started = cpuMs();
      run();
      best[name] = Math.min(best[name], cpuMs() - started);
    }
  }
  if (fromBinary(binary).length !== largestRecords.length || fromJson(json).length !== largestRecords.length) throw new Error('cache codecs lost records');
  console.log('');
  console.log(
    `Index cache of ${largestRecords.length.toLocaleString('en')} records, CPU ms best of 5: binary (core/indexCache) ${(binary.length / 2 ** 20).toFixed(2)} MB, load ${fmtMs(best.binary)}, write ${fmtMs(best.encodeBinary)}; ` +
      `JSON ${(json.length / 2 ** 20).toFixed(2)} MB, load ${fmtMs(best.json)}, write ${fmtMs(best.encodeJson)}`,
  );
}

// The Markdown scanner alone (src/core/markdownScanner, through the core's own code): its cost per
// file of the synthetic journal, next to markdown-it (the reference parser of the differential
// test) on the same bodies, and the worst case of each entry point on 1 MB of adversarial text.
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
