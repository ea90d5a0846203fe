import { ESLint } from 'eslint';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

// The ESLint boundary of src/core (eslint.config.mjs, eslint-rules/core-boundary.mjs), run through
// ESLint's Node API on small sources that ESLint takes for files in src/core (none is written).
const root = join(__dirname, '../..');
const RULE = 'balance-journal/core-boundary';
let eslint: ESLint;

/** The boundary's messages for `code` linted as if it were the file `file` (relative to the repo). */
async function boundary(code: string, file = 'src/core/boundaryFixture.ts') {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  const fatal = result.messages.filter((message) => message.fatal);
  expect(fatal, 'the fixture parses').toEqual([]);
  return result.messages.filter((message) => message.ruleId === RULE).map(({ line, message }) => ({ line, message }));
}

// Loading the config (typescript-eslint) takes a few seconds on a loaded machine: not a test's budget.
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
}, 120_000);

describe('the ESLint boundary of src/core', { timeout: 120_000 }, () => {
  it.each([
    ["import * as path from 'node:path';", 'node:path'],
    ["import path from 'path';", "'path'"],
    ["import { homedir } from 'os';", "'os'"],
    ["import { createHash } from 'crypto';", "'crypto'"],
    ["import { execFile } from 'child_process';", "'child_process'"],
    ["import { readFile } from 'fs/promises';", "'fs/promises'"],
    ["import { readFileSync } from 'node:fs';", "'node:fs'"],
    ["import test from 'node:test';", "'node:test'"],
    ["import type { Stats } from 'fs';", "'fs'"],
    ["export { join } from 'path';", "'path'"],
    ["export * from 'os';", "'os'"],
    ["export const load = () => import('fs');", "'fs'"],
    ["export const load = () => import('node:child_process');", "'node:child_process'"],
    ['export const load = () => import(`fs`);', "'fs'"],
    ["export const fs = require('fs');", "'fs'"],
    ["export const cp = require('node:child_process');", "'node:child_process'"],
    ["import fs = require('fs');\nexport const read = fs.readFileSync;", "'fs'"],
    ["export type Stats = import('fs').Stats;", "'fs'"],
  ])('refuses the Node built-in in %s', async (code, name) => {
    const messages = await boundary(code);
    expect(messages.length, JSON.stringify(messages)).toBeGreaterThanOrEqual(1);
    for (const { message } of messages) expect(message).toContain(`Node built-in ${name.startsWith("'") ? name : `'${name}'`}`);
  });

  it('refuses every Node built-in, bare and with node:', async () => {
    const names = builtinModules.filter((name) => !name.startsWith('_'));
    const code = names.flatMap((name, i) => [`import * as bare${i} from '${name}';`, `import * as prefixed${i} from 'node:${name}';`]).join('\n');
    const messages = await boundary(code);
    expect(messages.map(({ line }) => line)).toEqual(names.flatMap((_name, i) => [2 * i + 1, 2 * i + 2]));
    expect(names).toEqual(expect.arrayContaining(['path', 'os', 'crypto', 'child_process', 'fs', 'http', 'net', 'worker_threads']));
  });

  it.each([
    "import { journalRoot } from '../config';",
    "import '../config';",
    "import type { Api } from '../extension';",
    "import * as ids from '../ids.js';",
    "import manifest from '../../package.json';",
    "export * from '../ids';",
    "export { COMMANDS } from '../ids';",
    "export const load = () => import('../config');",
    "export const config = require('../config');",
    "export type Config = typeof import('../config');",
    "import { x } from '/etc/passwd';",
  ])('refuses an import from outside src/core: %s', async (code) => {
    const messages = await boundary(code);
    expect(messages).toHaveLength(1);
    expect(messages[0].message).toMatch(/outside src\/core/);
  });

  it('refuses vscode, packages that are not runtime dependencies, and module names it cannot read', async () => {
    expect(await boundary("import * as vscode from 'vscode';")).toEqual([{ line: 1, message: expect.stringContaining("must not import 'vscode'") }]);
    expect(await boundary("import { describe } from 'vitest';")).toEqual([{ line: 1, message: expect.stringContaining('runtime dependencies') }]);
    expect(await boundary("export const load = (name: string) => import(name);")).toEqual([{ line: 1, message: expect.stringContaining('computed module name') }]);
    expect(await boundary("export const load = (name: string) => require(`./${name}`);")).toEqual([{ line: 1, message: expect.stringContaining('computed module name') }]);
  });

  it('allows the core\'s own files and its runtime dependencies', async () => {
    const code = [
      "import { traitById } from './traits';",
      "import type { JournalIndex } from './journalIndex';",
      "import * as l10n from '@vscode/l10n';",
      "import matter from 'gray-matter';",
      "import yaml from 'js-yaml';",
      "export * from './balance';",
      "export const later = () => import('./weeklyReview');",
      'export const used = [traitById, l10n, matter, yaml];',
      'export type Index = JournalIndex;',
    ].join('\n');
    expect(await boundary(code)).toEqual([]);
    // A folder inside the core may reach its parent, which is still the core.
    expect(await boundary("import { traitById } from '../traits';\nexport const t = traitById;", 'src/core/calendar/weeks.ts')).toEqual([]);
  });

  it('applies only to src/core: the VS Code layer may use vscode and Node', async () => {
    expect(await boundary("import * as path from 'node:path';\nimport * as vscode from 'vscode';\nimport { x } from './core/traits';\nexport const y = [path, vscode, x];", 'src/config.ts')).toEqual([]);
  });
});
