#!/usr/bin/env node
// Runs the integration suite in code-server's WEB WORKER extension host, against the browser
// bundle (package.json "browser": dist/web/extension.js), via @vscode/test-electron's runTests and
// the test/harness/code shim with `--extensionDevelopmentKind=web`.
// Prerequisites: node scripts/ensure-vscode.mjs, npm run build, node scripts/build-web-tests.mjs.
//
// The suite's disk.web.ts writes through workspace.fs; the one thing it cannot do there, make a
// symbolic link, it asks of a small loopback agent served here, confined to this run's temp dir.
import { runTests } from '@vscode/test-electron';
import { cpSync, existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const extensionDevelopmentPath = path.resolve(process.env.BJ_EXTENSION_PATH || repoRoot);
// Must lie inside the extension folder: VS Code runs a test runner in the host of the extension
// that contains it (here the web worker).
const extensionTestsPath = path.resolve(process.env.BJ_TESTS_PATH || path.join(repoRoot, 'out/test/web/index.js'));
const fixture = path.resolve(process.env.BJ_FIXTURE_WORKSPACE || path.join(repoRoot, 'test/fixtures/workspace'));
const shim = path.join(repoRoot, 'test/harness/code');

for (const [file, how] of [
  [extensionTestsPath, 'node scripts/build-web-tests.mjs'],
  [path.join(extensionDevelopmentPath, 'dist/web/extension.js'), 'npm run build'],
]) {
  if (!existsSync(file)) {
    console.error(`[runWebTest] ${file} missing: run \`${how}\` first`);
    process.exit(1);
  }
}

const tmpRoot = realpathSync(mkdtempSync(path.join(os.tmpdir().length <= 40 ? os.tmpdir() : '/tmp', 'bj-wws-')));
const workspace = path.join(tmpRoot, 'workspace');
if (existsSync(fixture)) cpSync(fixture, workspace, { recursive: true });
else mkdirSync(workspace);

const inside = (p) => typeof p === 'string' && path.isAbsolute(p) && path.resolve(p).startsWith(`${tmpRoot}${path.sep}`);
const agent = http.createServer((req, res) => {
  // The worker's origin differs from ours: a "simple" CORS request (text/plain POST).
  res.setHeader('access-control-allow-origin', '*');
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    try {
      if (req.method !== 'POST' || req.url !== '/symlink') throw Object.assign(new Error('not found'), { status: 404 });
      const { target, link } = JSON.parse(body);
      if (!inside(target) || !inside(link)) throw Object.assign(new Error(`outside ${tmpRoot}`), { status: 403 });
      symlinkSync(target, link, 'dir');
      res.writeHead(204).end();
    } catch (err) {
      res.writeHead(err.status || 500, { 'content-type': 'text/plain' }).end(String(err.message || err));
    }
  });
});
await new Promise((resolve) => agent.listen(0, '127.0.0.1', resolve));
// What the worker cannot read from the environment: next to the workspace folder, read through workspace.fs.
writeFileSync(path.join(tmpRoot, 'bj-web-test.json'), JSON.stringify({ agentUrl: `http://127.0.0.1:${agent.address().port}`, grep: process.env.BJ_TEST_GREP || '' }));

let exitCode = 0;
const t0 = Date.now();
try {
  await runTests({
    vscodeExecutablePath: shim,
    extensionDevelopmentPath,
    extensionTestsPath,
    launchArgs: ['--extensionDevelopmentKind=web', workspace],
  });
} catch (err) {
  console.error(`[runWebTest] web integration tests failed: ${err?.message || err}`);
  exitCode = 1;
} finally {
  agent.close();
  rmSync(tmpRoot, { recursive: true, force: true });
}
console.log(`[runWebTest] ${((Date.now() - t0) / 1000).toFixed(1)} s`);
process.exit(exitCode);
