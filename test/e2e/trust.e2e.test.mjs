// Workspace Trust, end to end: package.json declares `balanceJournal.folder` a restricted
// configuration, so in an untrusted folder VS Code must ignore the folder's own
// `.vscode/settings.json` value of it (a cloned repository cannot choose where entries are written),
// while the extension still reads and tallies. With trust, the same value is used.
// The workspace has an entry in each candidate folder, so the tree shows which one was used:
//   journal/   (the default)          one entry tagged empathy
//   elsewhere/ (the workspace setting) one entry tagged influence
// Screenshots go to test-results/e2e/.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe } from 'node:test';
import { WAIT_MS, entries, localDay, shot, shots, step, vsix, waitForRowDescription } from './steps.mjs';
import { launchBrowser, makeRunDir, startCodeServer } from '../harness/codeServer.mjs';
import { quickInputSelect, readTreeRows, runCommand, sel, waitForActivityBarItem, waitForTreeRow, waitForWorkbench } from '../harness/workbench.mjs';


/** VS Code 1.100's startup prompt in an untrusted folder (security.workspace.trust.startupPrompt: once). */
const trustDialog = {
  box: '.monaco-dialog-box[role="dialog"]',
  question: 'Do you trust the authors of the files in this folder?',
  dontTrust: "No, I don't trust the authors",
  trust: 'Yes, I trust the authors',
};
const restrictedModeStatus = '.part.statusbar .statusbar-item';





function entry(tags, title) {
  return `---\ndate: 2026-10-01T09:00:00+02:00\ntags: [${tags.join(', ')}]\n---\n# ${title}\n\nA reflection.\n`;
}

/** A folder that wants its entries in `elsewhere/`, with one entry there and one in the default `journal/`. */
function makeWorkspace(runDir) {
  const ws = path.join(runDir, 'ws');
  mkdirSync(path.join(ws, '.vscode'), { recursive: true });
  writeFileSync(path.join(ws, '.vscode', 'settings.json'), JSON.stringify({ 'balanceJournal.folder': 'elsewhere' }, null, 2) + '\n');
  mkdirSync(path.join(ws, 'journal', '2026', '10'), { recursive: true });
  writeFileSync(path.join(ws, 'journal', '2026', '10', '2026-10-01-a.md'), entry(['empathy'], 'In the default folder'));
  mkdirSync(path.join(ws, 'elsewhere', '2026', '10'), { recursive: true });
  writeFileSync(path.join(ws, 'elsewhere', '2026', '10', '2026-10-01-b.md'), entry(['influence', 'influence-x'], 'In the folder the workspace chose'));
  return ws;
}

/** Every file below `dir`, relative to it, sorted. */
function filesBelow(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath ?? d.path, d.name)))
    .sort();
}

/** A fresh code-server + Chromium on the workspace above. */
function workbenchOn(serverOptions) {
  const state = {};
  before(async () => {
    mkdirSync(shots, { recursive: true });
    assert.ok(existsSync(vsix), `${vsix} is missing: run \`npm run package\` first`);
    state.runDir = makeRunDir('bj-e2e-');
    state.workspace = makeWorkspace(state.runDir);
    const started = Date.now();
    state.server = await startCodeServer({
      folder: state.workspace,
      vsixToInstall: vsix,
      userSettings: { 'workbench.colorTheme': 'Default Dark Modern', 'editor.minimap.enabled': false, 'window.commandCenter': false },
      ...serverOptions,
    });
    state.context = await launchBrowser(state.server.runDir);
    state.page = state.context.pages()[0] ?? (await state.context.newPage());
    await state.page.goto(state.server.workbenchUrl());
    await waitForWorkbench(state.page);
    console.log(`# workbench up ${Date.now() - started} ms after starting code-server`);
  });
  after(async () => {
    await state.context?.close().catch(() => {});
    await state.server?.stop();
    if (state.runDir) rmSync(state.runDir, { recursive: true, force: true });
  });
  return state;
}

/** Answers VS Code's startup question about trusting the folder's authors. */
async function answerTrustPrompt(page, button, screenshot) {
  const dialog = page.locator(trustDialog.box).filter({ hasText: trustDialog.question });
  await dialog.waitFor({ state: 'visible', timeout: WAIT_MS });
  if (screenshot) await shot(page, screenshot);
  await dialog.locator('a.monaco-button', { hasText: button }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('Balance Journal in an untrusted workspace (Restricted Mode)', { timeout: 600_000 }, () => {
  const state = workbenchOn({ workspaceTrust: true });
  let page;
  before(() => {
    page = state.page;
  });
  const it = (name, body) => step(name, () => page, body);

  it('asks whether to trust the folder; "No" leaves the window in Restricted Mode', async () => {
    await answerTrustPrompt(page, trustDialog.dontTrust, '10-trust-prompt.png');
    await page.locator(restrictedModeStatus, { hasText: 'Restricted Mode' }).first().waitFor({ state: 'visible' });
    const banner = page.locator('.part.banner', { hasText: 'Restricted Mode' });
    await banner.waitFor({ state: 'visible' });
    assert.match(await banner.innerText(), /Restricted Mode/);
  });

  it('ignores the workspace\'s balanceJournal.folder: tallies the default journal folder', async () => {
    await waitForActivityBarItem(page, 'Balance Journal', { click: true });
    await waitForTreeRow(page, 'Empathy');
    await waitForRowDescription(page, 'Empathy', entries(1));
    await waitForRowDescription(page, 'Influence', entries(0));
    const rows = await readTreeRows(page);
    assert.equal(rows.find((r) => r.label === 'Other tags'), undefined, `no other tags (influence-x lives in elsewhere/): ${JSON.stringify(rows)}`);
  });

  it('writes a new entry into the default journal folder, not where the workspace asked', async () => {
    const elsewhere = path.join(state.workspace, 'elsewhere');
    const elsewhereBefore = filesBelow(elsewhere);
    await runCommand(page, 'Balance Journal: New Entry');
    await page.locator(sel.quickInput, { hasText: 'New Entry: traits (1/3)' }).waitFor({ state: 'visible' });
    await quickInputSelect(page, 'Empathy');
    await page.keyboard.press('Enter');
    await page.locator(sel.quickInput, { hasText: 'New Entry: structure (2/3)' }).waitFor({ state: 'visible' });
    await page.keyboard.press('Enter'); // the structure offered first: Trait prompts
    await page.locator(sel.quickInput, { hasText: 'New Entry: title (3/3)' }).waitFor({ state: 'visible' });
    await page.locator(sel.quickInputBox).fill('Untrusted test');
    await page.keyboard.press('Enter');

    const day = localDay();
    const name = `${day}-untrusted-test.md`;
    await page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`).waitFor({ state: 'visible' });
    const file = path.join(state.workspace, 'journal', day.slice(0, 4), day.slice(5, 7), name);
    assert.ok(existsSync(file), `${file} exists`);
    assert.match(readFileSync(file, 'utf8'), /^---\ndate: .*\ntags:\n {2}- empathy\n---\n# Untrusted test\n/);
    assert.deepEqual(filesBelow(elsewhere), elsewhereBefore, 'nothing written under elsewhere/');
    await waitForRowDescription(page, 'Empathy', entries(2));
    await waitForRowDescription(page, 'Influence', entries(0));
    await page.locator(restrictedModeStatus, { hasText: 'Restricted Mode' }).first().waitFor({ state: 'visible' });
    await shot(page, '10-restricted-mode.png');
  });
});

describe('Balance Journal in a trusted workspace (control)', { timeout: 600_000 }, () => {
  // The default harness: Workspace Trust off, so every folder is trusted.
  const state = workbenchOn({});

  step('uses the workspace\'s balanceJournal.folder: tallies elsewhere/', () => state.page, async () => {
    const { page } = state;
    await waitForActivityBarItem(page, 'Balance Journal', { click: true });
    await waitForTreeRow(page, 'Influence');
    await waitForRowDescription(page, 'Influence', entries(1));
    await waitForRowDescription(page, 'Empathy', entries(0));
    await waitForTreeRow(page, 'Other tags');
    assert.equal(await page.locator(restrictedModeStatus, { hasText: 'Restricted Mode' }).count(), 0, 'not in Restricted Mode');
    await shot(page, '11-trusted-control.png');
  });
});

describe('Balance Journal in a workspace trusted at the prompt (control)', { timeout: 600_000 }, () => {
  // Same server as the Restricted Mode case; only the person's answer differs.
  const state = workbenchOn({ workspaceTrust: true });

  step('"Yes, I trust the authors" makes the workspace\'s balanceJournal.folder count', () => state.page, async () => {
    const { page } = state;
    await answerTrustPrompt(page, trustDialog.trust);
    await waitForActivityBarItem(page, 'Balance Journal', { click: true });
    await waitForTreeRow(page, 'Influence');
    await waitForRowDescription(page, 'Influence', entries(1));
    await waitForRowDescription(page, 'Empathy', entries(0));
    assert.equal(await page.locator(restrictedModeStatus, { hasText: 'Restricted Mode' }).count(), 0, 'not in Restricted Mode');
    await shot(page, '12-trusted-at-prompt.png');
  });
});
