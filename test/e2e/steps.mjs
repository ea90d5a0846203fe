// What every UI scenario shares: where screenshots go, the packaged .vsix, and steps that
// leave a screenshot when they fail.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, it as test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launchBrowser, makeRunDir, startCodeServer } from '../harness/codeServer.mjs';
import { readTreeRows, settleAnimations, waitForTreeRow, waitForWorkbench } from '../harness/workbench.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
export const vsix = path.join(root, `balance-journal-${pkg.version}.vsix`);
export const shots = path.join(root, 'test-results', 'e2e');

export function localDay(date = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A screenshot of the settled UI, without the activity bar's tooltip over the tree. */
export async function shot(page, name) {
  await page.mouse.move(900, 700);
  await page.locator('.workbench-hover-container').first().waitFor({ state: 'hidden', timeout: 30_000 }).catch(() => {});
  await settleAnimations(page);
  await page.screenshot({ path: path.join(shots, name) });
}

/**
 * A picture of one part of the window at twice its pixels, for the walkthrough and the README:
 * `box` is a locator or `{ x, y, width, height }`, padded by `pad` and kept inside the window.
 */
export async function crispShot(page, box, name, pad = 8) {
  const area = typeof box.boundingBox === 'function' ? await box.boundingBox() : box;
  const viewport = page.viewportSize();
  const x = Math.max(0, Math.floor(area.x - pad));
  const y = Math.max(0, Math.floor(area.y - pad));
  const clip = { x, y, width: Math.min(viewport.width - x, Math.ceil(area.width + 2 * pad)), height: Math.min(viewport.height - y, Math.ceil(area.height + 2 * pad)) };
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: viewport.width, height: viewport.height, deviceScaleFactor: 2, mobile: false });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await settleAnimations(page);
    // Chromium's own capture at the overridden device pixel ratio: two pixels per CSS pixel.
    const { data } = await cdp.send('Page.captureScreenshot', { format: 'png', clip: { ...clip, scale: 1 } });
    writeFileSync(path.join(shots, name), Buffer.from(data, 'base64'));
  } finally {
    await cdp.send('Emulation.clearDeviceMetricsOverride').catch(() => {});
    await cdp.detach().catch(() => {});
  }
}

/** A test that leaves a screenshot of what the person would have seen when it fails. */
export function step(name, getPage, body) {
  return test(name, async () => {
    try {
      await body();
    } catch (error) {
      await getPage()?.screenshot({ path: path.join(shots, `failed-${name.slice(0, 40).replace(/\W+/g, '-')}.png`) }).catch(() => {});
      throw error;
    }
  });
}

/** A trait row's description with `count` entries, e.g. `3 · 4d ago`. */
export function entries(count) {
  return new RegExp(`^${count} · `);
}

/**
 * How long a state the UI is waiting for (a file counted, a scan finished) may take before a test
 * gives up: generous, since how soon it comes depends on the machine's load, not on the code.
 */
export const WAIT_MS = 90_000;

/**
 * Waits until the tree row `label` shows `description` (a string, exactly, or a RegExp); returns
 * how long that took.
 */
export async function waitForRowDescription(page, label, description, timeout = WAIT_MS) {
  const started = Date.now();
  for (;;) {
    const row = (await readTreeRows(page)).find((r) => r.label === label);
    const shown = row?.description;
    if (typeof description === 'string' ? shown === description : description.test(shown ?? '')) return Date.now() - started;
    if (Date.now() - started > timeout) assert.fail(`tree row ${label}: expected "${description}", saw "${row?.description}"`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Waits until the file at `file` matches `pattern` (a save is written after the editor shows it
 * saved, and a tree row may already count the file from before); fails with its last text.
 */
export async function waitForFileText(file, pattern, timeout = WAIT_MS) {
  const started = Date.now();
  for (;;) {
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (pattern.test(text)) return text;
    if (Date.now() - started > timeout) assert.match(text, pattern);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A fresh code-server + Chromium on `folder` (a folder, a .code-workspace file, or none). */
export function workbenchOn(makeFolder, userSettings = {}) {
  const state = {};
  before(async () => {
    mkdirSync(shots, { recursive: true });
    assert.ok(existsSync(vsix), `${vsix} is missing: run \`npm run package\` first`);
    state.runDir = makeRunDir('bj-e2e-');
    const folder = makeFolder(state.runDir);
    state.server = await startCodeServer({ folder, vsixToInstall: vsix, userSettings: { 'workbench.colorTheme': 'Default Dark Modern', ...userSettings } });
    state.context = await launchBrowser(state.server.runDir);
    state.page = state.context.pages()[0] ?? (await state.context.newPage());
    await state.page.goto(state.server.workbenchUrl());
    await waitForWorkbench(state.page);
  });
  after(async () => {
    await state.context?.close().catch(() => {});
    await state.server?.stop();
    if (state.runDir) rmSync(state.runDir, { recursive: true, force: true });
  });
  return state;
}

/**
 * A workbench on a copy of the example journal (`<run>/ws/journal`); `prepare(workspace)` may add
 * files first. The session's `page` and `workspace` are set once the workbench is up.
 */
export function onExampleJournal(userSettings = {}, prepare = () => {}) {
  const state = workbenchOn(
    (runDir) => {
      const workspace = path.join(runDir, 'ws');
      cpSync(path.join(root, 'examples', 'journal'), path.join(workspace, 'journal'), { recursive: true });
      prepare(workspace);
      return workspace;
    },
    { 'editor.minimap.enabled': false, 'window.commandCenter': false, ...userSettings },
  );
  return {
    get page() {
      return state.page;
    },
    get workspace() {
      return path.join(state.runDir, 'ws');
    },
    it: (name, body) => step(name, () => state.page, body),
  };
}

/**
 * Hovers the tree row `label` until its tooltip shows `text` (a string or RegExp); returns the
 * tooltip's text. The mouse then moves away so the tooltip closes.
 */
export async function rowTooltip(page, label, text, timeout = WAIT_MS) {
  const tooltip = page.locator('.workbench-hover-container, .monaco-hover:not(.hidden)').first();
  const started = Date.now();
  for (;;) {
    const row = await waitForTreeRow(page, label);
    const shown = await hoverUntilShown(page, row, tooltip).then(() => tooltip.innerText(), () => '');
    if (typeof text === 'string' ? shown.includes(text) : text.test(shown)) {
      await page.mouse.move(900, 700);
      return shown;
    }
    if (Date.now() - started > timeout) assert.fail(`tooltip of ${label}: expected ${text}, saw "${shown}"`);
  }
}

/**
 * Rests the pointer on `target` until `tooltip` shows: one wait for it, up to WAIT_MS. A row
 * redrawn under a resting pointer (the journal changed a moment ago) loses its hover and VS Code
 * does not show it again, so meanwhile the pointer leaves the row and comes back, at growing
 * intervals (2, 4, 8, then every 16 s), which leaves a slow machine's hover time to come.
 */
export async function hoverUntilShown(page, target, tooltip) {
  const deadline = Date.now() + WAIT_MS;
  do {
    // No tooltip of an earlier hover is taken for this one.
    await page.mouse.move(900, 700);
    await tooltip.waitFor({ state: 'hidden', timeout: WAIT_MS }).catch(() => undefined);
    let settled = false;
    const visible = tooltip.waitFor({ state: 'visible', timeout: Math.max(1, deadline - Date.now()) }).finally(() => (settled = true));
    const rehover = (async () => {
      for (let pause = 2000; !settled; pause = Math.min(2 * pause, 16000)) {
        if (pause > 2000) await page.mouse.move(900, 700);
        await target.hover({ timeout: WAIT_MS }).catch(() => undefined); // a row gone for a moment
        await Promise.race([visible.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, pause))]);
      }
    })();
    try {
      await visible;
    } finally {
      await rehover;
    }
    // Shown, unless a re-hover that began just before it came took the pointer away again.
    if (await tooltip.isVisible()) return;
  } while (Date.now() < deadline);
  throw new Error('the tooltip did not stay shown');
}
