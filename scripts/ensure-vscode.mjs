#!/usr/bin/env node
// Makes sure a real VS Code (code-server from the npm registry) and the system tools the
// tests need are present. Idempotent: the second run is a fast no-op.
//
//   node scripts/ensure-vscode.mjs               # code-server + chromium (UI / integration tests)
//   node scripts/ensure-vscode.mjs --no-browser  # code-server only (npm start)
//
// Why code-server: no desktop VS Code or Electron can be downloaded here; code-server 4.100.3
// is VS Code 1.100.3 and the newest release that still runs on Node 20.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync, createWriteStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CACHE_DIR = path.join(REPO_ROOT, '.vscode-test');
export const CODE_SERVER_DIR = path.join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}`);
export const CODE_SERVER_ENTRY = path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM_PATH = '/usr/bin/chromium';
const MARKER = path.join(CODE_SERVER_DIR, '.installed.json');

const started = Date.now();
const log = (msg) => console.log(`[ensure-vscode] ${msg}`);
const secs = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

function onPath(cmd) {
  return (process.env.PATH || '').split(path.delimiter).some((d) => d && existsSync(path.join(d, cmd)));
}

/** Runs a command; output goes to `logFile` (kept quiet), or is inherited when no log file. */
function run(cmd, args, { env, cwd, logFile } = {}) {
  return new Promise((resolve, reject) => {
    const out = logFile ? createWriteStream(logFile, { flags: 'a' }) : null;
    if (out) out.write(`\n$ ${cmd} ${args.join(' ')}\n`);
    const child = spawn(cmd, args, { env: env || process.env, cwd, stdio: out ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    if (out) {
      child.stdout.pipe(out, { end: false });
      child.stderr.pipe(out, { end: false });
    }
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const done = () => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} failed (${code ?? signal})`)));
      if (out) out.end(done); else done();
    });
  });
}

function tail(file, lines = 40) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

// ---------------------------------------------------------------------------------------------
// (a) System packages
// ---------------------------------------------------------------------------------------------
export function missingSystemPackages({ browser = true } = {}) {
  const missing = [];
  if (browser && !existsSync(CHROMIUM_PATH)) missing.push('chromium');
  // kerberos (a code-server dependency) compiles against gssapi.h and asks pkg-config for it.
  if (!existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev');
  if (!onPath('pkg-config')) missing.push('pkg-config');
  // @vscode/ripgrep would download rg from GitHub; we feed it Debian's rg instead.
  if (!onPath('rg')) missing.push('ripgrep');
  // Native modules (argon2, kerberos, node-pty) are compiled with node-gyp.
  if (!onPath('make')) missing.push('make');
  if (!onPath('g++')) missing.push('g++');
  if (!onPath('python3')) missing.push('python3');
  return missing;
}

async function ensureSystemPackages({ browser }) {
  const missing = missingSystemPackages({ browser });
  if (missing.length === 0) {
    log('system packages: ok');
    return;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !onPath('apt-get')) {
    console.error(
      `[ensure-vscode] Missing system packages: ${missing.join(' ')}\n` +
        `Install them first, e.g. on Debian/Ubuntu:\n` +
        `  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}\n` +
        (browser ? `(chromium must end up at ${CHROMIUM_PATH})\n` : ''),
    );
    process.exit(1);
  }
  const t0 = Date.now();
  mkdirSync(CACHE_DIR, { recursive: true });
  const logFile = path.join(CACHE_DIR, 'apt.log');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  log(`apt-get install ${missing.join(' ')} (log: ${path.relative(REPO_ROOT, logFile)}) ...`);
  try {
    await run('apt-get', ['update', '-qq'], { env, logFile });
    await run('apt-get', ['install', '-y', '-qq', ...missing], { env, logFile });
  } catch (err) {
    console.error(`[ensure-vscode] ${err.message}\n--- ${logFile} (tail) ---\n${tail(logFile)}`);
    process.exit(1);
  }
  const still = missingSystemPackages({ browser });
  if (still.length) {
    console.error(`[ensure-vscode] still missing after apt-get: ${still.join(' ')}`);
    process.exit(1);
  }
  log(`system packages installed in ${secs(t0)}`);
}

// ---------------------------------------------------------------------------------------------
// (b) code-server
// ---------------------------------------------------------------------------------------------
export function codeServerInstalled() {
  return existsSync(MARKER) && existsSync(CODE_SERVER_ENTRY);
}

function ripgrepTarget() {
  // Same mapping as @vscode/ripgrep's postinstall for Linux.
  const arch = process.env.npm_config_arch || os.arch();
  if (arch === 'x64') return 'x86_64-unknown-linux-musl';
  if (arch === 'arm64') return 'aarch64-unknown-linux-musl';
  throw new Error(`unsupported architecture for the ripgrep cache trick: ${arch}`);
}

function findOnPath(cmd) {
  for (const d of (process.env.PATH || '').split(path.delimiter)) {
    if (d && existsSync(path.join(d, cmd))) return path.join(d, cmd);
  }
  return null;
}

// When run from `npm test`, the outer npm's per-run variables would leak into the nested
// installs (e.g. npm_config_local_prefix pointing at the repo); drop them.
function cleanNpmEnv() {
  const env = { ...process.env };
  for (const k of Object.keys(env)) {
    if (/^npm_(package_|lifecycle_|command$|config_local_prefix$|config_global_prefix$|config_user_agent$)/i.test(k) || k === 'INIT_CWD') delete env[k];
  }
  return env;
}

async function installCodeServer() {
  const t0 = Date.now();
  // A previous attempt without marker is untrusted: start clean.
  rmSync(CODE_SERVER_DIR, { recursive: true, force: true });
  const dl = path.join(CODE_SERVER_DIR, 'download');
  const tmp = path.join(CODE_SERVER_DIR, 'tmp');
  mkdirSync(dl, { recursive: true });
  mkdirSync(tmp, { recursive: true });
  const logFile = path.join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}-install.log`);
  rmSync(logFile, { force: true });
  // A package.json of its own so npm never walks up into the repo's package.json.
  writeFileSync(
    path.join(CODE_SERVER_DIR, 'package.json'),
    JSON.stringify(
      {
        name: 'bj-code-server',
        private: true,
        description: 'test cache, see scripts/ensure-vscode.mjs',
        // npm >= 11.x warns (and may later refuse) to run install scripts not listed here.
        allowScripts: { [`code-server@${CODE_SERVER_VERSION}`]: true, argon2: true },
      },
      null,
      2,
    ) + '\n',
  );
  const npmEnv = {
    ...cleanNpmEnv(),
    // Fix 1: code-server's postinstall refuses to run as root without it.
    npm_config_unsafe_perm: 'true',
    // Fix 4: node-pty's build calls npx, which would otherwise prompt and cancel.
    npm_config_yes: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    // Fix 3 (part): @vscode/ripgrep looks for its cache under os.tmpdir().
    TMPDIR: tmp,
  };
  try {
    // Step 1: learn which @vscode/ripgrep (and which rg release) VS Code pins, without installing.
    log(`fetching code-server@${CODE_SERVER_VERSION} ...`);
    await run('npm', ['pack', `code-server@${CODE_SERVER_VERSION}`, '--pack-destination', dl, '--silent'], { env: npmEnv, cwd: CODE_SERVER_DIR, logFile });
    const csTgz = path.join(dl, `code-server-${CODE_SERVER_VERSION}.tgz`);
    await run('tar', ['-xzf', csTgz, '-C', dl, 'package/lib/vscode/npm-shrinkwrap.json'], { logFile });
    const shrink = JSON.parse(readFileSync(path.join(dl, 'package/lib/vscode/npm-shrinkwrap.json'), 'utf8'));
    const rgPkgVersion = shrink.packages?.['node_modules/@vscode/ripgrep']?.version;
    if (!rgPkgVersion) throw new Error('could not find @vscode/ripgrep in code-server lib/vscode/npm-shrinkwrap.json');

    await run('npm', ['pack', `@vscode/ripgrep@${rgPkgVersion}`, '--pack-destination', dl, '--silent'], { env: npmEnv, cwd: CODE_SERVER_DIR, logFile });
    await run('tar', ['-xzf', path.join(dl, `vscode-ripgrep-${rgPkgVersion}.tgz`), '-C', dl, 'package/lib/postinstall.js'], { logFile });
    const postinstall = readFileSync(path.join(dl, 'package/lib/postinstall.js'), 'utf8');
    const rgVersion = /const VERSION = ['"]([^'"]+)['"]/.exec(postinstall)?.[1];
    if (!rgVersion) throw new Error(`could not read the rg VERSION from @vscode/ripgrep@${rgPkgVersion}/lib/postinstall.js`);

    // Fix 3: a tarball holding Debian's rg where @vscode/ripgrep looks before downloading.
    const rgCache = path.join(tmp, `vscode-ripgrep-cache-${rgPkgVersion}`);
    const rgStage = path.join(dl, 'rg-stage');
    mkdirSync(rgCache, { recursive: true });
    mkdirSync(rgStage, { recursive: true });
    copyFileSync(findOnPath('rg'), path.join(rgStage, 'rg'));
    const rgTarball = path.join(rgCache, `ripgrep-${rgVersion}-${ripgrepTarget()}.tar.gz`);
    await run('tar', ['-czf', rgTarball, '-C', rgStage, 'rg'], { logFile });
    log(`ripgrep cache: @vscode/ripgrep ${rgPkgVersion}, rg ${rgVersion} (from Debian's rg)`);

    // Step 2: the real install (the tarball is now in npm's cache, no second download).
    log(`npm install code-server@${CODE_SERVER_VERSION} (compiles native modules, ~1-2 min; log: ${path.relative(REPO_ROOT, logFile)}) ...`);
    await run('npm', ['install', '--prefix', CODE_SERVER_DIR, '--no-save', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], {
      env: npmEnv,
      cwd: CODE_SERVER_DIR,
      logFile,
    });

    if (!existsSync(CODE_SERVER_ENTRY)) throw new Error(`${CODE_SERVER_ENTRY} missing after install`);
    const rgBin = path.join(CODE_SERVER_DIR, 'node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg');
    if (!existsSync(rgBin)) throw new Error(`${rgBin} missing after install (ripgrep postinstall failed?)`);
    // Smoke check; HOME/XDG inside tmp, or code-server writes ~/.config/code-server/config.yaml.
    const sandbox = { HOME: tmp, TMPDIR: tmp, XDG_CONFIG_HOME: path.join(tmp, 'config'), XDG_DATA_HOME: path.join(tmp, 'data') };
    await run(process.execPath, [CODE_SERVER_ENTRY, '--version'], { logFile, env: { ...process.env, ...sandbox } });
  } catch (err) {
    console.error(`[ensure-vscode] code-server install FAILED: ${err.message}\n--- ${logFile} (tail) ---\n${tail(logFile)}`);
    process.exit(1);
  }
  rmSync(dl, { recursive: true, force: true });
  rmSync(tmp, { recursive: true, force: true });
  writeFileSync(
    MARKER,
    JSON.stringify({ codeServer: CODE_SERVER_VERSION, node: process.version, installedAt: new Date().toISOString(), seconds: (Date.now() - t0) / 1000 }, null, 2) + '\n',
  );
  log(`code-server ${CODE_SERVER_VERSION} installed in ${secs(t0)}`);
}

// Two first runs at once (say `npm test` and `npm start`) must not install into the same folder.
async function withInstallLock(fn) {
  const lock = path.join(CACHE_DIR, '.install-lock');
  mkdirSync(CACHE_DIR, { recursive: true });
  for (let waited = 0; ; waited += 500) {
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      let owner = 0;
      try {
        owner = Number(readFileSync(path.join(lock, 'pid'), 'utf8').trim()) || 0;
      } catch {
        // being created right now, or left half-written
      }
      let alive = false;
      try {
        if (owner) {
          process.kill(owner, 0);
          alive = true;
        }
      } catch {
        // owner is gone: stale lock
      }
      if (!alive && waited >= 2000) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (waited % 10000 === 0) log(`waiting for another install (pid ${owner || '?'}) to finish ...`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export async function ensureVSCode({ browser = true } = {}) {
  await ensureSystemPackages({ browser });
  if (codeServerInstalled()) {
    log(`code-server ${CODE_SERVER_VERSION}: ok (${path.relative(REPO_ROOT, CODE_SERVER_DIR)})`);
  } else {
    const major = Number(process.versions.node.split('.')[0]);
    if (major !== 20) {
      console.error(`[ensure-vscode] code-server ${CODE_SERVER_VERSION} needs Node 20 (this is ${process.version}).`);
      process.exit(1);
    }
    await withInstallLock(async () => {
      if (!codeServerInstalled()) await installCodeServer();
      else log(`code-server ${CODE_SERVER_VERSION}: installed by the other process`);
    });
  }
  return { entry: CODE_SERVER_ENTRY };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--no-browser');
  if (unknown.length) {
    console.error(`usage: node scripts/ensure-vscode.mjs [--no-browser]   (unknown: ${unknown.join(' ')})`);
    process.exit(2);
  }
  await ensureVSCode({ browser: !args.includes('--no-browser') });
  log(`done in ${secs(started)}`);
}
