#!/usr/bin/env node
// Bundles every test/integration/suite/**/*.ts to out/test/integration/suite/**/*.js (CommonJS,
// as the extension host require()s it). `vscode` is provided by the host; mocha is resolved
// from the repo's node_modules at run time.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = path.join(root, 'test', 'integration', 'suite');
const outDir = path.join(root, 'out', 'test', 'integration', 'suite');

const entryPoints = readdirSync(srcDir, { recursive: true })
  // *.web.ts are the web worker build's stand-ins (scripts/build-web-tests.mjs).
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.endsWith('.web.ts'))
  .sort()
  .map((f) => path.join(srcDir, f));
if (entryPoints.length === 0) {
  console.error(`[build-tests] no .ts files under ${path.relative(root, srcDir)}`);
  process.exit(1);
}

// Stale bundles of deleted tests must not run.
rmSync(outDir, { recursive: true, force: true });
const t0 = Date.now();
await build({
  entryPoints,
  outdir: outDir,
  outbase: srcDir,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['vscode', 'mocha'],
  sourcemap: 'inline',
  logLevel: 'warning',
});
console.log(`[build-tests] ${entryPoints.length} file(s) -> ${path.relative(root, outDir)} in ${Date.now() - t0} ms`);
