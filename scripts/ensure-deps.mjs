#!/usr/bin/env node
// `prestart` and `pretest`: installs the locked dependencies (`npm ci`) when node_modules is
// missing or older than package-lock.json, so a fresh clone needs only `npm start` or `npm test`.
// Plain Node, no dependencies: it runs before anything is installed. A second run is a no-op.
//
// Up to date means: npm's record of what it installed (node_modules/.package-lock.json) exists and
// is not older than package-lock.json, or package-lock.json is byte for byte the one this script
// last installed (a checkout that only touched the file does not reinstall).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lockfile = path.join(root, 'package-lock.json');
const installed = path.join(root, 'node_modules', '.package-lock.json');
const stamp = path.join(root, 'node_modules', '.ensure-deps.json');
const log = (message) => console.log(`[ensure-deps] ${message}`);

const lockHash = () => createHash('sha256').update(readFileSync(lockfile)).digest('hex');

function whyInstall() {
  if (!existsSync(installed)) return existsSync(path.join(root, 'node_modules')) ? 'node_modules was not installed by npm ci/install' : 'node_modules is missing';
  if (statSync(installed).mtimeMs >= statSync(lockfile).mtimeMs) return undefined;
  try {
    if (JSON.parse(readFileSync(stamp, 'utf8')).lockHash === lockHash()) return undefined;
  } catch {
    // no stamp: installed by hand
  }
  return 'package-lock.json is newer than node_modules';
}

const why = whyInstall();
if (why) {
  const started = Date.now();
  log(`${why}: npm ci ...`);
  // Under npm, npm_execpath is the npm that runs us (also on Windows); else the npm on PATH.
  const npmCli = process.env.npm_execpath;
  const [command, args] = npmCli && /\.[cm]?js$/.test(npmCli) ? [process.execPath, [npmCli]] : ['npm', []];
  const result = spawnSync(command, [...args, 'ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit', shell: command === 'npm' && process.platform === 'win32' });
  if (result.status !== 0) {
    console.error(`[ensure-deps] npm ci failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`}); run it yourself to see why.`);
    process.exit(result.status || 1);
  }
  writeFileSync(stamp, `${JSON.stringify({ lockHash: lockHash(), installedAt: new Date().toISOString() }, null, 2)}\n`);
  log(`installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
