#!/usr/bin/env node
// Runs the integration suite (out/test/integration/suite) inside a real VS Code (code-server)
// via @vscode/test-electron's runTests and the test/harness/code shim.
// Prerequisites: node scripts/ensure-vscode.mjs, the extension build, node scripts/build-tests.mjs.
import { runTests } from '@vscode/test-electron';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// Overridable so the harness itself can be tested against a throw-away extension.
const extensionDevelopmentPath = path.resolve(process.env.BJ_EXTENSION_PATH || repoRoot);
const extensionTestsPath = path.resolve(process.env.BJ_TESTS_PATH || path.join(repoRoot, 'out/test/integration/suite/index.js'));
const fixture = path.resolve(process.env.BJ_FIXTURE_WORKSPACE || path.join(repoRoot, 'test/fixtures/workspace'));
const shim = path.join(repoRoot, 'test/harness/code');

if (!existsSync(extensionTestsPath)) {
  console.error(`[runTest] ${extensionTestsPath} missing: run \`node scripts/build-tests.mjs\` first`);
  process.exit(1);
}

// Tests may write into the workspace; the repo's fixture must stay clean.
const tmpRoot = mkdtempSync(path.join(os.tmpdir().length <= 40 ? os.tmpdir() : '/tmp', 'bj-ws-'));
const workspace = path.join(tmpRoot, 'workspace');
if (existsSync(fixture)) cpSync(fixture, workspace, { recursive: true });
else mkdirSync(workspace);

let exitCode = 0;
try {
  await runTests({
    vscodeExecutablePath: shim,
    extensionDevelopmentPath,
    extensionTestsPath,
    launchArgs: [workspace],
  });
} catch (err) {
  console.error(`[runTest] integration tests failed: ${err?.message || err}`);
  exitCode = 1;
} finally {
  rmSync(tmpRoot, { recursive: true, force: true });
}
process.exit(exitCode);
