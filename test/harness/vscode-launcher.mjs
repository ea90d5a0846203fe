// Stand-in for a desktop VS Code executable, used through the `test/harness/code` shim as
// `vscodeExecutablePath` for @vscode/test-electron's runTests. It understands the flags runTests
// passes (--extensionDevelopmentPath=, --extensionTestsPath=, a folder or .code-workspace),
// ignores the desktop-only ones, and runs the suite in code-server's real extension host through
// headless Chromium. Exits with the suite's exit code.
//
// Env: BJ_TEST_TIMEOUT_MS (default 900000, a hang guard), BJ_SCREENSHOT_DIR (save a final screenshot there),
//      BJ_LOG_DIR (save VS Code's log files there), BJ_DEBUG=1 (browser console + server log).
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { fileURLToPath } from 'node:url';
import { launchBrowser, startCodeServer } from './codeServer.mjs';

const TAG = '[vscode-launcher]';
// Workbench start-up chatter that also comes through codeAutomationLog (shown with BJ_DEBUG=1).
const WORKBENCH_NOISE =
  /^(Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin extensions cache|\[Service Worker\]|ChatSessionStore:|Creation of workbench contribution )|ENOTFOUND open-vsx\.org/;

export function parseArgs(argv) {
  const out = { extensionDevelopmentPaths: [], extensionDevelopmentKind: undefined, extensionTestsPath: undefined, target: undefined, ignored: [] };
  // Desktop flags that take a separate value (so the value is not mistaken for the folder).
  const withValue = new Set(['--user-data-dir', '--extensions-dir', '--locale', '--profile', '--log', '--inspect-extensions', '--inspect-brk-extensions']);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--([^=]+)(?:=(.*))?$/s.exec(a);
    if (!m) {
      if (out.target === undefined) out.target = a;
      else out.ignored.push(a);
      continue;
    }
    const [, name, inline] = m;
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (name === 'extensionDevelopmentPath') out.extensionDevelopmentPaths.push(value());
    else if (name === 'extensionTestsPath') out.extensionTestsPath = value();
    // As desktop VS Code: `--extensionDevelopmentKind=web` runs the extension under development
    // (and a test runner inside its folder) in the web worker extension host.
    else if (name === 'extensionDevelopmentKind') out.extensionDevelopmentKind = value();
    else if (withValue.has(`--${name}`) && inline === undefined) out.ignored.push(`${a} ${argv[++i]}`);
    else out.ignored.push(a); // --no-sandbox, --disable-extensions, --skip-welcome, ...
  }
  return out;
}

/** publisher.name, as `remote.extensionKind` keys it. */
function extensionId(extDir) {
  const pkg = JSON.parse(readFileSync(path.join(extDir, 'package.json'), 'utf8'));
  return `${pkg.publisher}.${pkg.name}`;
}

/** vscode-remote URI for a path on the code-server machine (which is this machine). */
function remoteUri(authority, absPath) {
  return `vscode-remote://${authority}${absPath.split('/').map(encodeURIComponent).join('/')}`;
}

export async function main(argv) {
  const args = parseArgs(argv);
  if (args.extensionDevelopmentPaths.length === 0 || !args.extensionTestsPath) {
    console.error(`${TAG} usage: code --extensionDevelopmentPath=<dir> --extensionTestsPath=<suite/index.js> [folder]`);
    return 2;
  }
  if (args.extensionDevelopmentPaths.length > 1) {
    // The web workbench payload carries one development path.
    console.error(`${TAG} only one --extensionDevelopmentPath is supported; got ${args.extensionDevelopmentPaths.length}`);
    return 2;
  }
  const devPath = path.resolve(args.extensionDevelopmentPaths[0]);
  let testsPath = path.resolve(args.extensionTestsPath);
  // Like desktop VS Code, accept a folder with index.js or a path without ".js".
  if (existsSync(path.join(testsPath, 'index.js'))) testsPath = path.join(testsPath, 'index.js');
  else if (!existsSync(testsPath) && existsSync(`${testsPath}.js`)) testsPath = `${testsPath}.js`;
  for (const [what, p] of [['extensionDevelopmentPath', path.join(devPath, 'package.json')], ['extensionTestsPath', testsPath]]) {
    if (!existsSync(p)) {
      console.error(`${TAG} ${what}: ${p} does not exist`);
      return 2;
    }
  }
  const target = args.target ? path.resolve(args.target) : undefined;
  if (target && !existsSync(target)) {
    console.error(`${TAG} folder/workspace ${target} does not exist`);
    return 2;
  }
  // If our parent (runTests) goes away first, writes would EPIPE; cleanup must still run.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
  const debug = process.env.BJ_DEBUG === '1';
  // A guard against a hung run, not a speed limit: a loaded 2-core machine may take several minutes.
  const timeoutMs = Number(process.env.BJ_TEST_TIMEOUT_MS || 900000);
  const t0 = Date.now();
  const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
  if (debug && args.ignored.length) console.log(`${TAG} ignoring: ${args.ignored.join(' ')}`);

  let server;
  let context;
  let page;
  let finishing = false;
  let closing = false;
  let resolveDone;
  const done = new Promise((r) => (resolveDone = r));
  const finish = (code, why) => {
    if (why) console.error(`${TAG} ${why}`);
    resolveDone(code);
  };

  const timer = setTimeout(
    () => finish(124, `TIMEOUT: the test run did not finish within ${timeoutMs} ms (BJ_TEST_TIMEOUT_MS). No exit code came back from the extension host.`),
    timeoutMs,
  );
  const onSignal = (sig) => finish(sig === 'SIGINT' ? 130 : 143, `received ${sig}, shutting down`);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let code;
  try {
    // VS Code 1.100's web workbench reads the payload's extensionDevelopmentKind into a getter
    // the extension host placement never asks (extensionDevelopmentLocationKind vs
    // extensionDevelopmentKind), so the payload entry alone is ignored: the user setting
    // `remote.extensionKind` for the extension under development places it instead.
    const userSettings = args.extensionDevelopmentKind
      ? { 'remote.extensionKind': { [extensionId(devPath)]: [args.extensionDevelopmentKind] } }
      : undefined;
    server = await startCodeServer({
      folder: target,
      userSettings,
      startTimeoutMs: Math.min(90000, timeoutMs),
    });
    if (debug) console.log(`${TAG} code-server ${server.baseUrl} (run dir ${server.runDir}) up after ${elapsed()}`);
    const authority = `127.0.0.1:${server.port}`;
    const payload = [
      ['extensionDevelopmentPath', remoteUri(authority, devPath)],
      ['extensionTestsPath', remoteUri(authority, testsPath)],
      ...(args.extensionDevelopmentKind ? [['extensionDevelopmentKind', args.extensionDevelopmentKind]] : []),
    ];
    context = await launchBrowser(server.runDir);
    page = context.pages()[0] ?? (await context.newPage());

    await page.exposeFunction('codeAutomationLog', (level, message) => {
      // The workbench's and the extension host's console (mocha's reporter) arrive here as
      // console.log argument arrays, e.g. ["    ✔ %s", "title"].
      const text = Array.isArray(message) ? format(...message) : String(message);
      if (!debug && WORKBENCH_NOISE.test(text)) return;
      process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    });
    await page.exposeFunction('codeAutomationExit', async (exitCode, logs) => {
      if (finishing) return;
      finishing = true;
      if (process.env.BJ_LOG_DIR && Array.isArray(logs)) {
        for (const { relativePath, contents } of logs) {
          const file = path.join(process.env.BJ_LOG_DIR, relativePath);
          mkdirSync(path.dirname(file), { recursive: true });
          writeFileSync(file, contents);
        }
      }
      finish(typeof exitCode === 'number' ? exitCode : 1);
    });
    page.on('crash', () => finish(1, 'the browser page crashed'));
    context.on('close', () => !closing && finish(1, 'the browser closed unexpectedly'));
    page.on('pageerror', (err) => debug && console.error(`${TAG} page error: ${err.message}`));
    if (debug) page.on('console', (msg) => console.error(`${TAG} browser ${msg.type()}: ${msg.text()}`));

    await page.goto(server.workbenchUrl({ payload }), { waitUntil: 'domcontentloaded', timeout: Math.min(90000, timeoutMs) });
    code = await done;
  } catch (err) {
    console.error(`${TAG} ${err?.stack || err}`);
    code = 1;
  } finally {
    clearTimeout(timer);
    if (page && process.env.BJ_SCREENSHOT_DIR) {
      try {
        mkdirSync(process.env.BJ_SCREENSHOT_DIR, { recursive: true });
        const file = path.join(process.env.BJ_SCREENSHOT_DIR, 'vscode-launcher.png');
        await page.screenshot({ path: file, timeout: 10000 });
        console.log(`${TAG} screenshot: ${file}`);
      } catch (err) {
        console.error(`${TAG} screenshot failed: ${err.message}`);
      }
    }
    if (code !== 0 && server) {
      // The server log often explains a failure that never reached the test reporter.
      try {
        const log = readFileSync(server.logFile, 'utf8').trimEnd().split('\n').slice(-(debug ? 200 : 15)).join('\n');
        console.error(`${TAG} code-server log tail:\n${log}`);
      } catch {
        // no log
      }
      // The extension's own log (its output channel) says what the index did: reads, rescans, errors.
      try {
        for (const file of readdirSync(server.userDataDir, { recursive: true }).map(String).filter((name) => path.basename(name) === 'Balance Journal.log')) {
          const lines = readFileSync(path.join(server.userDataDir, file), 'utf8').trimEnd().split('\n');
          console.error(`${TAG} ${file} (last ${Math.min(lines.length, 80)} of ${lines.length} lines):\n${lines.slice(-80).join('\n')}`);
        }
      } catch {
        // no extension log
      }
    }
    closing = true;
    await context?.close().catch(() => {});
    await server?.stop().catch((err) => console.error(`${TAG} stop failed: ${err.message}`));
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
  console.log(`${TAG} exit code ${code} after ${elapsed()}`);
  return code;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
