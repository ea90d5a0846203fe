import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseEntryBytes } from '../../src/core/entryBytes';
import type { FileToParse } from '../../src/core/journalFileSystem';
import { WorkerChunkParser } from '../../src/platform/parseWorker';
// @ts-expect-error: a plain JavaScript module of the benchmark
import { entryText, random } from '../../scripts/bench/generate.mjs';

// The Node host's parse worker, run for real: the program esbuild.mjs bundles (parseWorkerMain.ts)
// built here the same way, answering WorkerChunkParser over a worker thread.

let dir: string;
let workerFile: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bj-parse-worker-'));
  workerFile = join(dir, 'parseWorker.js');
  await esbuild.build({ entryPoints: [resolve(__dirname, '../../src/platform/parseWorkerMain.ts')], outfile: workerFile, bundle: true, format: 'cjs', platform: 'node', target: 'node18', logLevel: 'warning' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const encode = (text: string) => new TextEncoder().encode(text);
const MAX = 4096;

/** Generated entries, and the odd ones: broken front matter, binary, over the limit, every kind. */
function files(): FileToParse[] {
  const rand = random(7);
  const generated = Array.from({ length: 300 }, (_, at) => ({ bytes: encode(entryText(rand, at, 300)), name: `2026-11-${String((at % 28) + 1).padStart(2, '0')}-e${at}.md` }));
  const odd = [
    { text: '---\ntags: [empathy\n---\n# Broken\n', name: 'broken.md' },
    { text: '---\ndate: not a date\ntags: 5\n---\nbody #influence', name: '2026-11-02-dates.md' },
    { text: '# Plan\n- [ ] call Ana #empathy\n- [x] send notes\n', name: 'tasks.md' },
    { text: '---\nkind: goal\ntrait: empathy\ntarget: 2\nper: week\n---\n# Listen more\n', name: 'goal.md' },
    { text: '---\nkind: feedback\nfrom: peer\ntags: [influence]\n---\nSaid I persuade well.\n', name: 'feedback.md' },
    { text: '---\nfollows: ../../etc/passwd\ncommitment: x\n---\n#empathy', name: 'follow.md' },
    { text: `---\ntags: [time-management]\n---\n${'#empathy '.repeat(1000)}`, name: 'big.md' },
  ].map(({ text, name }) => ({ bytes: encode(text), name }));
  const binary = { bytes: Uint8Array.of(35, 101, 0, 1, 2), name: 'binary.md' };
  const all = [...generated, ...odd, binary];
  // The one over the limit arrives as its head, with its whole size.
  return all.map((file) => (file.bytes.byteLength > MAX ? { bytes: file.bytes.slice(0, 1024), name: file.name, size: file.bytes.byteLength } : { ...file, size: file.bytes.byteLength }));
}

const parsedHere = (list: readonly FileToParse[]) => list.map((file) => parseEntryBytes(file.bytes, file.name, MAX, file.size));

describe('WorkerChunkParser', () => {
  it('gives, from the worker, the entries this thread gives, in order, and the bytes are moved to it', async () => {
    const failures: unknown[] = [];
    const parser = new WorkerChunkParser(workerFile, undefined, { workerFailed: (error) => failures.push(error) });
    try {
      const list = files();
      const expected = parsedHere(list);
      const parsed = await parser.parseAll(list, MAX);
      expect(failures).toEqual([]); // answered by the worker, not the fallback
      expect(parser.running).toBe(true);
      expect(JSON.parse(JSON.stringify(parsed))).toEqual(JSON.parse(JSON.stringify(expected)));
      expect(parsed.map((entry) => entry.time)).toEqual(expected.map((entry) => entry.time)); // NaN too
      expect(parsed.filter((entry) => entry.problems.length > 0).length).toBeGreaterThanOrEqual(3);
      // A second chunk goes to the same worker.
      const again = await parser.parseAll(list.slice(0, 10), MAX);
      expect(JSON.parse(JSON.stringify(again))).toEqual(JSON.parse(JSON.stringify(expected.slice(0, 10))));
      expect(failures).toEqual([]);
    } finally {
      parser.dispose();
    }
    expect(parser.running).toBe(false);
  });

  it('words problems in the display language it is given', async () => {
    const binaryMessage = 'This looks like a binary file, not Markdown (it contains NUL bytes), so nothing in it was read.';
    const parser = new WorkerChunkParser(workerFile, { [binaryMessage]: 'Binaire, pas du Markdown.' });
    try {
      const [entry] = await parser.parseAll([{ bytes: Uint8Array.of(0, 1), name: 'x.md', size: 2 }], MAX);
      expect(entry.problems.map((problem) => problem.message)).toEqual(['Binaire, pas du Markdown.']);
    } finally {
      parser.dispose();
    }
  });

  it.each([
    ['cannot start (its program throws)', 'throw new Error("broken program");'],
    ['exits instead of answering', 'require("node:worker_threads").parentPort.on("message", () => process.exit(3));'],
    ['answers with an error', 'const { parentPort } = require("node:worker_threads"); parentPort.on("message", ({ id }) => parentPort.postMessage({ id, error: "no" }));'],
  ])('parses on this thread, and says so once, when the worker %s', async (_, program) => {
    const broken = join(dir, `broken-${Math.random().toString(36).slice(2)}.js`);
    writeFileSync(broken, program);
    const failures: unknown[] = [];
    const parser = new WorkerChunkParser(broken, undefined, { workerFailed: (error) => failures.push(error) });
    try {
      const list = files();
      const expected = JSON.parse(JSON.stringify(parsedHere(list)));
      expect(JSON.parse(JSON.stringify(await parser.parseAll(list, MAX)))).toEqual(expected);
      expect(failures).toHaveLength(1);
      // From then on straight here, without another worker.
      expect(JSON.parse(JSON.stringify(await parser.parseAll(list, MAX)))).toEqual(expected);
      expect(failures).toHaveLength(1);
      expect(parser.running).toBe(false);
    } finally {
      parser.dispose();
    }
  });

  it('ends its worker after the idle time, and starts one again for the next chunk', async () => {
    const failures: unknown[] = [];
    let starts = 0;
    const parser = new WorkerChunkParser(workerFile, undefined, { idleMs: 20, workerFailed: (error) => failures.push(error), workerStarted: () => starts++ });
    try {
      const list = files().slice(0, 20);
      await parser.parseAll(list, MAX);
      expect(parser.running).toBe(true);
      await vi.waitFor(() => expect(parser.running).toBe(false), { timeout: 30_000 });
      expect(starts).toBe(1);
      const parsed = await parser.parseAll(list, MAX);
      expect(parser.running).toBe(true);
      expect(starts).toBe(2);
      expect(JSON.parse(JSON.stringify(parsed))).toEqual(JSON.parse(JSON.stringify(parsedHere(list))));
      expect(failures).toEqual([]);
    } finally {
      parser.dispose();
    }
  });

  it('parses here what it was parsing when it is disposed', async () => {
    const parser = new WorkerChunkParser(workerFile, undefined);
    const list = files();
    const parsing = parser.parseAll(list, MAX);
    parser.dispose();
    expect(JSON.parse(JSON.stringify(await parsing))).toEqual(JSON.parse(JSON.stringify(parsedHere(list))));
    expect(parser.running).toBe(false);
  });
});
