#!/usr/bin/env node
// Bundles the integration suite for the web worker extension host into ONE browser script,
// out/test/web/index.js (inside the extension folder, so VS Code runs it in the extension's own
// host). The worker loads it with fetch + new Function: no require() but `vscode`, no Node.
//   - test/integration/web/host.test.ts (asserts the web worker host), then every
//     test/integration/suite/*.test.ts in sorted order, after mocha's browser build;
//   - ./disk -> ./disk.web (workspace.fs instead of Node's fs);
//   - node:assert/strict -> test/integration/web/assert.ts (chai's assert).
// Any other Node module a test pulls in fails the build (platform 'browser'), on purpose.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const suiteDir = path.join(root, 'test', 'integration', 'suite');
const webDir = path.join(root, 'test', 'integration', 'web');
const outDir = path.join(root, 'out', 'test', 'web');

const tests = readdirSync(suiteDir, { recursive: true })
  .filter((f) => f.endsWith('.test.ts'))
  .sort();
if (tests.length === 0) {
  console.error('[build-web-tests] no *.test.ts files');
  process.exit(1);
}

const webSuite = {
  name: 'bj-web-suite',
  setup(b) {
    b.onResolve({ filter: /^bj:all-tests$/ }, () => ({ path: 'all-tests', namespace: 'bj' }));
    b.onLoad({ filter: /.*/, namespace: 'bj' }, () => ({
      // The web-only check that this really is the web worker host runs first.
      contents: [path.join(webDir, 'host.test.ts'), ...tests.map((f) => path.join(suiteDir, f))].map((f) => `import ${JSON.stringify(f)};`).join('\n'),
      resolveDir: suiteDir,
      loader: 'js',
    }));
    b.onResolve({ filter: /^\.\/disk$/ }, (args) =>
      args.importer.startsWith(suiteDir) ? { path: path.join(suiteDir, 'disk.web.ts') } : undefined,
    );
    b.onResolve({ filter: /^(node:)?assert(\/strict)?$/ }, () => ({ path: path.join(webDir, 'assert.ts') }));
  },
};

rmSync(outDir, { recursive: true, force: true });
const t0 = Date.now();
const result = await build({
  entryPoints: [path.join(webDir, 'index.ts')],
  outfile: path.join(outDir, 'index.js'),
  bundle: true,
  format: 'cjs',
  platform: 'browser',
  target: 'es2022',
  external: ['vscode'],
  // Tests that use the core (parseEntry) need gray-matter's stand-ins, as the web extension does.
  alias: { fs: path.join(root, 'src/web/emptyFs.cjs') },
  inject: [path.join(root, 'src/web/bufferShim.js')],
  plugins: [webSuite],
  sourcemap: 'inline',
  metafile: true,
  logLevel: 'warning',
});
const bytes = Object.values(result.metafile.outputs)[0].bytes;
console.log(`[build-web-tests] ${tests.length} test file(s) -> ${path.relative(root, outDir)}/index.js (${(bytes / 1024).toFixed(0)} KB) in ${Date.now() - t0} ms`);
