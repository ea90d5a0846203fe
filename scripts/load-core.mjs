// Loads the extension's own core (src/core, TypeScript) into a Node script, so that the benchmark
// and the end-to-end test compute with the real code rather than a copy of it.
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const MODULES = ['markdownScanner', 'frontMatter', 'traits', 'entryParser', 'journalIndex', 'journalSync', 'balance', 'hoverText', 'tagLocator', 'tagCompletion', 'entryFactory', 'reflection', 'balanceReport', 'indexCache', 'goals', 'commitments', 'nextTrait', 'dates'];

/** The core's modules (`MODULES` unless named), bundled into one CommonJS module and required. */
export async function loadCore(modules = MODULES) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bj-core-'));
  const outfile = path.join(dir, 'core.cjs');
  try {
    await esbuild.build({
      stdin: { contents: modules.map((name) => `export * from './src/core/${name}';`).join('\n'), resolveDir: root, loader: 'ts' },
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      outfile,
      logLevel: 'warning',
    });
    return createRequire(import.meta.url)(outfile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
