#!/usr/bin/env node
// `npm test`: every check, in the order that finds a mistake soonest, with the waiting overlapped
// so that a fresh clone on a 2-core machine stays under ten minutes:
//
//   1. code-server and Chromium are installed (scripts/ensure-vscode.mjs) in the background, while
//      2. the type check and ESLint run side by side, then the vitest unit tests;
//   3. the extension and both test bundles are built, once;
//   4. the extension-host suites run side by side, in the Node host and in the web worker host;
//   5. the .vsix is packaged and the UI tests drive it in a real VS Code, one scenario at a time
//      (two at once gained 5% here and made each scenario's timing less like a person's).
//
// It stops after the first phase that fails. Each suite can still be run alone: npm run test:unit,
// test:integration, test:web, test:e2e. Lines of work that runs beside other work carry its name.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const took = [];

/** Runs one command; with a `label`, each line of its output is prefixed by it. */
function run(label, command, args, { prefixed = false } = {}) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: prefixed ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: process.env });
    if (prefixed) {
      for (const [from, to] of [
        [child.stdout, process.stdout],
        [child.stderr, process.stderr],
      ]) {
        let rest = '';
        from.setEncoding('utf8');
        from.on('data', (chunk) => {
          const lines = (rest + chunk).split('\n');
          rest = lines.pop();
          for (const line of lines) to.write(`[${label}] ${line}\n`);
        });
        from.on('end', () => rest && to.write(`[${label}] ${rest}\n`));
      }
    }
    child.on('error', (error) => {
      console.error(`[${label}] could not start ${command}: ${error.message}`);
      resolve({ label, code: 1 });
    });
    child.on('close', (code, signal) => {
      const seconds = (Date.now() - started) / 1000;
      took.push([label, seconds]);
      if (code !== 0) console.error(`[${label}] failed (${code ?? signal}) after ${seconds.toFixed(0)} s`);
      resolve({ label, code: code ?? 1 });
    });
  });
}

function summary() {
  console.log('\nnpm test, seconds per step (steps side by side overlap):');
  for (const [label, seconds] of took) console.log(`  ${label.padEnd(18)} ${seconds.toFixed(1).padStart(6)}`);
  console.log(`  ${'total'.padEnd(18)} ${((Date.now() - started) / 1000).toFixed(1).padStart(6)}`);
}

function stopIfFailed(results) {
  const failed = results.filter((result) => result.code !== 0);
  if (failed.length === 0) return;
  summary();
  console.error(`\nnpm test: ${failed.map((result) => result.label).join(', ')} failed`);
  process.exit(1);
}

const started = Date.now();
const setup = run('setup', process.execPath, ['scripts/ensure-vscode.mjs'], { prefixed: true });
stopIfFailed(
  await Promise.all([
    run('typecheck', process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit'], { prefixed: true }),
    run('lint', process.execPath, ['node_modules/eslint/bin/eslint.js', '.'], { prefixed: true }),
  ]),
);
stopIfFailed([await run('unit', process.execPath, ['node_modules/vitest/vitest.mjs', 'run'])]);
stopIfFailed([await run('build', process.execPath, ['esbuild.mjs'], { prefixed: true })]);
stopIfFailed(
  await Promise.all([
    run('build host tests', process.execPath, ['scripts/build-tests.mjs'], { prefixed: true }),
    run('build web tests', process.execPath, ['scripts/build-web-tests.mjs'], { prefixed: true }),
  ]),
);
stopIfFailed([await setup]);
stopIfFailed(
  await Promise.all([
    run('node host', process.execPath, ['test/integration/runTest.mjs'], { prefixed: true }),
    run('web host', process.execPath, ['test/integration/runWebTest.mjs'], { prefixed: true }),
  ]),
);
stopIfFailed([await run('package', npm, ['run', '--silent', 'package'], { prefixed: true })]);
stopIfFailed([await run('ui', process.execPath, ['--test', '--test-concurrency=1', 'test/e2e/'])]);
summary();
