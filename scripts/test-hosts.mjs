// `npm run test:hosts`: the extension-host suite in the Node host (test:integration) and in the
// web worker host (test:web) at the same time, once `pretest:hosts` has built both (their own
// pre-scripts would build the same files at once, so they are not run here). Each runs its own
// code-server on its own port and folders, and spends about half its time waiting (file events,
// debounces): together they take little more than the slower one on 2 cores. Each one's output is printed whole when
// it ends, so the two reports do not interleave; the exit code fails if either fails.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const suites = { 'test:integration': 'test/integration/runTest.mjs', 'test:web': 'test/integration/runWebTest.mjs' };

function run([script, file]) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, file)], { cwd: root, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('close', (code, signal) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      process.stdout.write(`\n===== ${script}: ${code === 0 ? 'passed' : `FAILED (${signal ?? `exit ${code}`})`} in ${seconds} s =====\n`);
      process.stdout.write(Buffer.concat(output));
      resolve(code === 0);
    });
  });
}

const results = await Promise.all(Object.entries(suites).map(run));
process.exit(results.every(Boolean) ? 0 : 1);
