#!/usr/bin/env node
// `npm start`: a real VS Code with Balance Journal on the examples/ workspace (so the default
// `journal` folder setting resolves to examples/journal). Uses a desktop `code` when there is
// one, else code-server on 127.0.0.1 (PORT, else 8080, else a free port) until Ctrl+C.
// Expects dist/ to be built (npm start builds it first).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, ensureVSCode } from './ensure-vscode.mjs';
import { extensionFolderName, freePort, portIsFree, startCodeServer } from '../test/harness/codeServer.mjs';

const workspace = path.join(REPO_ROOT, 'examples');
const log = (m) => console.log(`[start] ${m}`);

function desktopCode() {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    const p = dir && path.join(dir, 'code');
    // code-server's integrated-terminal `code` (remote-cli) cannot load a development extension.
    if (p && existsSync(p) && !p.includes('remote-cli')) return p;
  }
  return null;
}

const main = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).main;
if (main && !existsSync(path.join(REPO_ROOT, main))) {
  console.error(`[start] ${main} is missing: run \`npm run build\` first (npm start does it for you).`);
  process.exit(1);
}

const code = desktopCode();
if (code) {
  log(`opening ${workspace} in ${code} with the extension in development mode`);
  const child = spawn(code, [`--extensionDevelopmentPath=${REPO_ROOT}`, workspace], { stdio: 'inherit' });
  child.on('exit', (c) => process.exit(c ?? 0));
  child.on('error', (err) => {
    console.error(`[start] could not run ${code}: ${err.message}`);
    process.exit(1);
  });
} else {
  let port;
  if (process.env.PORT) {
    port = Number(process.env.PORT);
    if (!Number.isInteger(port) || port <= 0 || port > 65535) {
      console.error(`[start] PORT=${process.env.PORT} is not a port number`);
      process.exit(1);
    }
    if (!(await portIsFree(port))) {
      console.error(`[start] 127.0.0.1:${port} (from PORT) is already in use`);
      process.exit(1);
    }
  } else {
    port = (await portIsFree(8080)) ? 8080 : await freePort();
  }
  await ensureVSCode({ browser: false });

  // User data persists between runs; the extension is linked in as an installed copy.
  const runDir = path.join(REPO_ROOT, '.vscode-test', 'start');
  const extensionsDir = path.join(runDir, 'exts');
  const linkName = extensionFolderName(REPO_ROOT);
  if (existsSync(extensionsDir)) {
    // Links left by earlier versions of this extension.
    for (const e of readdirSync(extensionsDir)) {
      if (e !== linkName && e.startsWith(linkName.replace(/-[^-]*$/, '-'))) rmSync(path.join(extensionsDir, e), { recursive: true, force: true });
    }
  }

  const server = await startCodeServer({
    folder: workspace,
    runDir,
    keepRunDir: true,
    extensionsDir,
    extensionLinks: [REPO_ROOT],
    port,
  });
  const url = server.workbenchUrl();
  console.log(`
  Balance Journal is running in VS Code (code-server) — open this in your browser:

      ${url}

  Workspace: ${workspace}
  After \`npm run build\`, reload the window (F1 → "Developer: Reload Window").
  Press Ctrl+C to stop.
`);

  let stopping = false;
  const shutdown = async (sig) => {
    if (stopping) return;
    stopping = true;
    log(`${sig}: stopping code-server ...`);
    await server.stop();
    log('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  const { code: exitCode, signal } = await server.whenExited;
  if (!stopping) {
    console.error(`[start] code-server exited on its own (${exitCode ?? signal}); log: ${server.logFile}`);
    await server.stop();
    process.exit(1);
  }
}
