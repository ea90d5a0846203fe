// The `extensionTestsPath` entry for the web worker extension host: a single browser bundle
// (scripts/build-web-tests.mjs) of mocha's browser build and every test/integration/suite/*.test.ts,
// loaded by VS Code with fetch + new Function, so it cannot require() other files.
import * as vscode from 'vscode';
import { browserMocha } from './mochaSetup';
// The build script replaces this import with one import per *.test.ts (sorted).
import 'bj:all-tests';

/** runWebTest.mjs's settings for this run (a worker has no process.env): next to the workspace. */
async function runSettings(): Promise<{ grep?: string }> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) return {};
  try {
    return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, '..', 'bj-web-test.json'))));
  } catch {
    return {};
  }
}

export async function run(): Promise<void> {
  // Optional filter, e.g. BJ_TEST_GREP=activation node test/integration/runWebTest.mjs
  const { grep } = await runSettings();
  if (grep) browserMocha.grep(grep);
  return new Promise((resolve, reject) => {
    try {
      browserMocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} test(s) failed.`));
        else resolve();
      });
    } catch (err) {
      reject(err);
    }
  });
}
