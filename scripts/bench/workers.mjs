#!/usr/bin/env node
// node --expose-gc scripts/bench/workers.mjs [N]: does parsing in worker threads pay on this
// machine? The first scan of N synthetic entries, read the way the Node host reads them (a chunk
// of 1,000 read with platform/nodeFiles readAllRegularFiles, then parsed), parsed on the main
// thread (today) against parsed by a pool of worker threads (the main thread reads chunk k+1
// while the workers parse chunk k; each chunk's bytes go to a worker in one transferred buffer,
// the parsed entries come back structured-cloned). Runs alternate, so that a busy machine weighs
// on both alike. Prints; asserts nothing.
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync, utimesSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { generateJournal } from './generate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const size = Number(process.argv[2] ?? 20000);
const CHUNK = 1000;
const ROUNDS = 3;

const dir = mkdtempSync(path.join(os.tmpdir(), 'bj-workers-'));
const corePath = path.join(dir, 'core.cjs');
await esbuild.build({
  stdin: { contents: `export { parseEntryBytes } from './src/core/entryBytes'; export { JournalIndex } from './src/core/journalIndex'; export { readAllRegularFiles } from './src/platform/nodeFiles';`, resolveDir: root, loader: 'ts' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outfile: corePath,
  logLevel: 'warning',
});
const core = createRequire(import.meta.url)(corePath);

const workerSource = `
const { parentPort } = require('node:worker_threads');
const { parseEntryBytes } = require(${JSON.stringify(corePath)});
parentPort.on('message', ({ id, buffer, offsets, names }) => {
  const bytes = new Uint8Array(buffer);
  const parsed = new Array(names.length);
  for (let i = 0; i < names.length; i++) parsed[i] = parseEntryBytes(bytes.subarray(offsets[i], offsets[i + 1]), names[i]);
  parentPort.postMessage({ id, parsed });
});`;

/** A chunk read as the Node host reads it (platform/nodeFiles: synchronous reads in slices). */
async function readChunk(files) {
  const outcomes = await core.readAllRegularFiles(files, 1024 * 1024, 64 * 1024);
  return outcomes.map((outcome) => {
    if ('error' in outcome) throw outcome.error;
    return outcome.bytes;
  });
}

const cpu = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

/** Today: read a chunk, parse it here, index it. */
async function mainThread(files) {
  const index = new core.JournalIndex();
  for (let start = 0; start < files.length; start += CHUNK) {
    const chunk = files.slice(start, start + CHUNK);
    const bytes = await readChunk(chunk);
    index.batch(() => chunk.forEach((file, i) => index.set(file, path.basename(file), core.parseEntryBytes(bytes[i], path.basename(file)))));
  }
  return index.size;
}

/** Workers: read chunk k+1 while they parse chunk k; index what comes back here. */
async function withWorkers(files, pool) {
  const index = new core.JournalIndex();
  let id = 0;
  let turn = 0;
  const waiting = new Map();
  for (const worker of pool) worker.on('message', ({ id: done, parsed }) => waiting.get(done)(parsed));
  const inFlight = [];
  for (let start = 0; start < files.length; start += CHUNK) {
    const chunk = files.slice(start, start + CHUNK);
    const bytes = await readChunk(chunk);
    // One buffer per chunk, transferred (moved, not copied) to the worker.
    const offsets = new Uint32Array(chunk.length + 1);
    for (let i = 0; i < chunk.length; i++) offsets[i + 1] = offsets[i] + bytes[i].length;
    const joined = new Uint8Array(offsets[chunk.length]);
    bytes.forEach((b, i) => joined.set(b, offsets[i]));
    const names = chunk.map((file) => path.basename(file));
    const mine = ++id;
    inFlight.push(
      new Promise((resolve) => waiting.set(mine, resolve)).then((parsed) => {
        waiting.delete(mine);
        index.batch(() => chunk.forEach((file, i) => index.set(file, names[i], parsed[i])));
      }),
    );
    pool[turn++ % pool.length].postMessage({ id: mine, buffer: joined.buffer, offsets, names }, [joined.buffer]);
  }
  await Promise.all(inFlight);
  for (const worker of pool) worker.removeAllListeners('message');
  return index.size;
}

try {
  process.stderr.write(`[workers] generating ${size} entries…\n`);
  const { files } = generateJournal(path.join(dir, 'ws'), size);
  const anHourAgo = new Date(Date.now() - 3600_000);
  for (const file of files) utimesSync(file, anHourAgo, anHourAgo);
  const cores = os.cpus().length;
  const pools = [...new Set([1, Math.max(1, cores - 1), cores])].map((n) => ({
    n,
    workers: Array.from({ length: n }, () => new Worker(workerSource, { eval: true })),
  }));
  const variants = [
    { name: 'main thread (today)', run: () => mainThread(files) },
    ...pools.map(({ n, workers }) => ({ name: `${n} worker${n > 1 ? 's' : ''}`, run: () => withWorkers(files, workers) })),
  ];
  const times = new Map(variants.map((v) => [v.name, { wall: [], cpu: [] }]));
  await variants[0].run(); // warm the page cache and the JIT
  for (let round = 0; round < ROUNDS; round++) {
    for (const variant of variants) {
      global.gc?.();
      const wall = performance.now();
      const used = cpu();
      const indexed = await variant.run();
      if (indexed !== files.length) throw new Error(`${variant.name}: ${indexed} of ${files.length}`);
      times.get(variant.name).wall.push(performance.now() - wall);
      times.get(variant.name).cpu.push(cpu() - used);
    }
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const base = median(times.get(variants[0].name).wall);
  console.log(`\nParsing off the main thread — ${cores} × ${os.cpus()[0]?.model?.trim()}, load average ${os.loadavg()[0].toFixed(1)}, Node ${process.version}, ${size.toLocaleString('en')} entries, median of ${ROUNDS}, alternating\n`);
  console.log('| variant | wall | ÷ main thread | CPU of the process (all threads) |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const variant of variants) {
    const { wall, cpu: used } = times.get(variant.name);
    console.log(`| ${variant.name} | ${median(wall).toFixed(0)} ms | ${(median(wall) / base).toFixed(2)}× | ${median(used).toFixed(0)} ms |`);
  }
  for (const { workers } of pools) await Promise.all(workers.map((worker) => worker.terminate()));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
