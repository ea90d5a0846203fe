// Mocha runner loaded by VS Code's extension host (the `extensionTestsPath` entry point).
// Bundled by scripts/build-tests.mjs to out/test/integration/suite/index.js next to the *.test.js.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    // Generous: a test fails on a wrong state, not on a busy machine (see helpers.waitFor).
    timeout: 180_000,
    color: false,
    reporter: 'spec',
  });
  // Optional filter, e.g. BJ_TEST_GREP=activation npm run test:integration
  if (process.env.BJ_TEST_GREP) mocha.grep(process.env.BJ_TEST_GREP);

  const files = (fs.readdirSync(__dirname, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.test.js'))
    .sort(); // deterministic order
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  return new Promise((resolve, reject) => {
    if (files.length === 0) {
      reject(new Error(`no *.test.js files in ${__dirname}`));
      return;
    }
    try {
      mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} test(s) failed.`));
        else resolve();
      });
    } catch (err) {
      reject(err);
    }
  });
}
