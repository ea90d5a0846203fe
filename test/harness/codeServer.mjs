// Start a throw-away code-server (a real VS Code 1.100 server) and a headless Chromium for it.
// Everything is loopback-only and lives under one run dir that stop() removes.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM_PATH, CODE_SERVER_ENTRY, codeServerInstalled } from '../../scripts/ensure-vscode.mjs';

export const DEFAULT_USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'editor.hover.delay': 300,
  'telemetry.telemetryLevel': 'off',
  // Quieter, more deterministic UI.
  'workbench.tips.enabled': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.openRepositoryInParentFolders': 'never',
};

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A short temp base: unix socket paths must stay below ~107 chars. */
function shortTmpBase() {
  const t = os.tmpdir();
  return t.length <= 40 ? t : '/tmp';
}

export function makeRunDir(prefix = 'bj-') {
  return mkdtempSync(path.join(shortTmpBase(), prefix));
}

export async function freePort(host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, host, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export async function portIsFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', () => resolve(false));
    srv.listen(port, host, () => srv.close(() => resolve(true)));
  });
}

function httpStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 10_000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

function tailFile(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** pids of all descendants of `pid` (from /proc), so nothing outlives stop(). */
function descendants(pid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Field 4 (ppid) comes after the ")" that closes the command name.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // process vanished meanwhile
    }
  }
  const out = [];
  const stack = [pid];
  while (stack.length) {
    for (const c of children.get(stack.pop()) || []) {
      out.push(c);
      stack.push(c);
    }
  }
  return out;
}

function killTree(pid, signal) {
  const pids = descendants(pid);
  try {
    process.kill(-pid, signal); // the detached process group
  } catch {
    // already gone
  }
  for (const p of [pid, ...pids]) {
    try {
      process.kill(p, signal);
    } catch {
      // already gone
    }
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Folder name VS Code would use for an installed copy: publisher.name-version. */
export function extensionFolderName(extDir) {
  const pkg = readJson(path.join(extDir, 'package.json'));
  if (!pkg?.publisher || !pkg?.name) throw new Error(`${extDir}/package.json needs "publisher" and "name"`);
  return `${pkg.publisher}.${pkg.name}-${pkg.version || '0.0.0'}`.toLowerCase();
}

/** Links the unpacked extension folder `src` into the extensions dir `exts`. */
function linkExtension(src, exts) {
  src = path.resolve(src);
  const dest = path.join(exts, extensionFolderName(src));
  try {
    lstatSync(dest);
    rmSync(dest, { recursive: true, force: true });
  } catch {
    // not there yet
  }
  symlinkSync(src, dest, 'dir');
}

// A .vsix is installed once per process, by code-server itself, into a folder of its own; every
// server of that process then links the installed copy (about 1.5 s saved per server).
const installedVsix = new Map();

/** The folder where code-server installed `vsix` (installing it on first use). */
function installOnce(vsix, env) {
  const file = path.resolve(vsix);
  const { size, mtimeMs } = statSync(file);
  const id = `${file}:${size}:${mtimeMs}`;
  const known = installedVsix.get(id);
  if (known) return known;
  const dir = makeRunDir('bj-vsix-');
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const exts = path.join(dir, 'exts');
  const r = spawnSync(process.execPath, [CODE_SERVER_ENTRY, '--user-data-dir', path.join(dir, 'udd'), '--extensions-dir', exts, '--install-extension', file], {
    env: { ...env, HOME: dir },
    encoding: 'utf8',
    timeout: 120000,
  });
  if (r.status !== 0) throw new Error(`installing ${vsix} failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  const folder = readdirSync(exts, { withFileTypes: true }).find((entry) => entry.isDirectory() && !entry.name.startsWith('.'));
  if (!folder) throw new Error(`installing ${vsix} left no extension folder in ${exts}`);
  installedVsix.set(id, path.join(exts, folder.name));
  return installedVsix.get(id);
}

/**
 * @param {object} opts
 * @param {string} [opts.folder]       folder (or .code-workspace file) to open
 * @param {string} [opts.runDir]       where state goes; default: a fresh temp dir, removed by stop()
 * @param {string} [opts.extensionsDir]
 * @param {string|string[]} [opts.vsixToInstall]
 * @param {string[]} [opts.extensionLinks]  unpacked extension folders to symlink into the extensions dir
 * @param {object} [opts.userSettings]
 * @param {number} [opts.port]         default: a free port
 * @param {boolean} [opts.keepRunDir]  default: true when runDir was given
 * @param {number} [opts.startTimeoutMs]
 * @param {object} [opts.env]          extra environment for the server (and the extension host)
 * @param {boolean} [opts.workspaceTrust]  default false: trust is off (every folder trusted). true: no
 *                                     --disable-workspace-trust and `security.workspace.trust.enabled: true`,
 *                                     so VS Code asks whether to trust the folder and honours Restricted Mode
 */
export async function startCodeServer(opts = {}) {
  if (!codeServerInstalled()) {
    throw new Error('code-server is not installed: run `node scripts/ensure-vscode.mjs` first');
  }
  const ownRunDir = !opts.runDir;
  const runDir = opts.runDir ? path.resolve(opts.runDir) : makeRunDir();
  const keepRunDir = opts.keepRunDir ?? !ownRunDir;
  mkdirSync(runDir, { recursive: true });
  // Sockets live in TMPDIR / XDG_RUNTIME_DIR: keep that path short even if runDir is long.
  const shortDir = runDir.length <= 40 ? runDir : makeRunDir('bjt-');
  const tmpDir = path.join(shortDir, 't');
  const runtimeDir = path.join(shortDir, 'r');
  const home = path.join(runDir, 'home');
  const udd = path.join(runDir, 'udd');
  const exts = opts.extensionsDir ? path.resolve(opts.extensionsDir) : path.join(runDir, 'exts');
  const logFile = path.join(runDir, 'server.log');
  for (const d of [tmpDir, home, udd, exts, path.join(udd, 'User')]) mkdirSync(d, { recursive: true });
  mkdirSync(runtimeDir, { recursive: true, mode: 0o700 });

  const host = '127.0.0.1';
  const port = opts.port ?? (await freePort(host));
  const configFile = path.join(runDir, 'config.yaml');
  writeFileSync(configFile, `bind-addr: ${host}:${port}\nauth: none\ncert: false\n`);

  const settingsFile = path.join(udd, 'User', 'settings.json');
  const existing = existsSync(settingsFile) ? readJson(settingsFile) : {};
  if (existing !== undefined) {
    // JSONC with comments (hand-edited) is left alone.
    const trust = opts.workspaceTrust ? { 'security.workspace.trust.enabled': true } : {};
    writeFileSync(settingsFile, JSON.stringify({ ...DEFAULT_USER_SETTINGS, ...existing, ...trust, ...(opts.userSettings || {}) }, null, 2) + '\n');
  } else if (opts.workspaceTrust) {
    cleanupDirs();
    throw new Error(`${settingsFile} is not plain JSON: cannot turn on security.workspace.trust.enabled there`);
  }

  for (const link of opts.extensionLinks || []) linkExtension(link, exts);

  const env = {
    ...process.env,
    ...(opts.env || {}),
    HOME: home,
    TMPDIR: tmpDir,
    XDG_RUNTIME_DIR: runtimeDir,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_STATE_HOME: path.join(home, '.local', 'state'),
  };
  // A parent VS Code / code-server must not leak into ours.
  for (const k of Object.keys(env)) {
    if (/^(VSCODE_|ELECTRON_RUN_AS_NODE$|CODE_SERVER_)/.test(k)) delete env[k];
  }
  const common = ['--config', configFile, '--user-data-dir', udd, '--extensions-dir', exts, '--disable-telemetry'];

  const vsixes = [opts.vsixToInstall || []].flat();
  for (const vsix of vsixes) {
    let installed;
    try {
      installed = installOnce(vsix, env);
    } catch (error) {
      cleanupDirs();
      throw error;
    }
    linkExtension(installed, exts);
  }

  const args = [
    CODE_SERVER_ENTRY,
    ...common,
    '--bind-addr',
    `${host}:${port}`,
    '--auth',
    'none',
    '--disable-update-check',
    ...(opts.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
  ];
  if (opts.folder) args.push(path.resolve(opts.folder));
  const logFd = openSync(logFile, 'a');
  // detached: its own process group, so stop() can take down the extension host etc. too.
  const child = spawn(process.execPath, args, { env, cwd: runDir, detached: true, stdio: ['ignore', logFd, logFd] });
  closeSync(logFd);
  const pid = child.pid;
  let exited = null;
  const whenExited = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    }),
  );
  // If our process dies without calling stop(), do not leave a server behind.
  const onExit = () => {
    killTree(pid, 'SIGKILL');
    cleanupDirs();
  };
  process.on('exit', onExit);

  const baseUrl = `http://${host}:${port}`;
  let stopped = false;
  function cleanupDirs() {
    if (!keepRunDir) rmSync(runDir, { recursive: true, force: true });
    if (shortDir !== runDir) rmSync(shortDir, { recursive: true, force: true });
  }
  async function stop() {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', onExit);
    if (pid && isAlive(pid)) {
      killTree(pid, 'SIGTERM');
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline && (isAlive(pid) || descendants(pid).length)) await new Promise((r) => setTimeout(r, 100));
      killTree(pid, 'SIGKILL');
    }
    cleanupDirs();
  }

  const timeoutMs = opts.startTimeoutMs ?? 60000;
  const t0 = Date.now();
  for (;;) {
    if (exited) {
      const tailText = tailFile(logFile);
      await stop();
      throw new Error(`code-server exited during start (${exited.code ?? exited.signal}). Log tail:\n${tailText}`);
    }
    if ((await httpStatus(`${baseUrl}/healthz`)) === 200) break;
    if (Date.now() - t0 > timeoutMs) {
      const tailText = tailFile(logFile);
      await stop();
      throw new Error(`code-server did not answer ${baseUrl}/healthz within ${timeoutMs} ms. Log tail:\n${tailText}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }

  const target = opts.folder ? path.resolve(opts.folder) : undefined;
  function workbenchUrl(extraQuery) {
    const q = new URLSearchParams();
    if (target) q.set(target.endsWith('.code-workspace') ? 'workspace' : 'folder', target);
    for (const [k, v] of Object.entries(extraQuery || {})) q.set(k, typeof v === 'string' ? v : JSON.stringify(v));
    return `${baseUrl}/?${q.toString()}`;
  }

  return { port, baseUrl, runDir, pid, logFile, userDataDir: udd, extensionsDir: exts, workbenchUrl, whenExited, stop };
}

/**
 * Headless Debian Chromium driven by playwright-core, with its own profile and HOME under runDir.
 * Close it with `await context.close()`.
 */
export async function launchBrowser(runDir, { headless = true, viewport = { width: 1400, height: 900 } } = {}) {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} missing: run \`node scripts/ensure-vscode.mjs\``);
  const { chromium } = await import('playwright-core');
  const home = path.join(runDir, 'chromium-home');
  const profile = path.join(runDir, 'chromium-profile');
  mkdirSync(home, { recursive: true });
  mkdirSync(profile, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless,
    viewport,
    args: CHROMIUM_ARGS,
    // Playwright's own handlers would process.exit() before our cleanup runs.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    env: {
      ...process.env,
      HOME: home,
      XDG_CONFIG_HOME: path.join(home, '.config'),
      XDG_CACHE_HOME: path.join(home, '.cache'),
      XDG_DATA_HOME: path.join(home, '.local', 'share'),
    },
  });
  // Playwright's 30 s default fails a step on a busy machine, not on a wrong UI: be generous.
  context.setDefaultTimeout(90_000);
  context.setDefaultNavigationTimeout(90_000);
  return context;
}
