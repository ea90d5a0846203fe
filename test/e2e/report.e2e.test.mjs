// The Balance Report, like a person: open it from the palette on a copy of the example journal,
// look at it in a dark, a light and a high contrast theme, reach it by keyboard, and export it.
// Screenshots go to test-results/e2e/report-*.png.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe } from 'node:test';
import { WAIT_MS, localDay, onExampleJournal, shots, step, workbenchOn } from './steps.mjs';
import { EXAMPLE_JOURNAL, TRAIT_LABELS } from './exampleJournal.expected.mjs';
import { quickInputSelect, quickInputType, runCommand, sel, settleAnimations, waitForActivityBarItem } from '../harness/workbench.mjs';



/** The report's document: inside the webview's iframe, inside its active frame. */
function reportFrame(page) {
  return page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
}

async function switchTheme(page, name, bodyClass) {
  // "Browse Color Themes in Marketplace" ranks first for this text: pick the command by its row.
  await page.keyboard.press('F1');
  await quickInputType(page, '>Preferences: Color Theme');
  await quickInputSelect(page, 'Preferences: Color Theme');
  await page.locator(sel.quickInputRow, { hasText: 'Browse Additional Color Themes' }).waitFor({ state: 'visible' });
  await quickInputType(page, name);
  // The row reads "Light Modern  Default Light Modern": the theme's label, then its setting id.
  await page.locator(sel.quickInputRow, { hasText: name }).first().click();
  await page.locator(sel.quickInput).waitFor({ state: 'hidden' });
  // The webview hears the theme change and swaps its body class.
  await reportFrame(page).locator(`body.${bodyClass}`).waitFor({ state: 'attached', timeout: WAIT_MS });
  await new Promise((resolve) => setTimeout(resolve, 300));
}

/** Like steps.mjs's shot, with the mouse parked off the report (a hovered week is highlighted). */
async function shot(page, name) {
  await page.mouse.move(24, 600);
  await settleAnimations(page);
  await new Promise((resolve) => setTimeout(resolve, 150));
  await page.screenshot({ path: path.join(shots, name) });
}

async function reportShots(page, name) {
  const frame = reportFrame(page);
  await frame.locator('h1').scrollIntoViewIfNeeded();
  await shot(page, `report-${name}.png`);
  await frame.locator('.calendar-card').scrollIntoViewIfNeeded();
  await frame.locator('.calendar-card').screenshot({ path: path.join(shots, `report-${name}-calendar.png`) });
  await frame.locator('#steps-heading').scrollIntoViewIfNeeded();
  await shot(page, `report-${name}-bottom.png`);
  await frame.locator('h1').scrollIntoViewIfNeeded();
}

describe('Balance Report in a real VS Code', { timeout: 600_000 }, () => {
  const session = onExampleJournal({ 'workbench.startupEditor': 'none' });
  let page;
  let workspace;
  before(() => ({ page, workspace } = session));
  const { it } = session;

  it('opens from the palette with the journal\'s balance, charts and tables', async () => {
    // Expected values counted by hand (exampleJournal.expected.mjs), not by the extension's core.
    // The palette knows the command once the extension's contributions are in (its activity bar
    // item shows); running it activates the extension, and the report follows the first scan live.
    await waitForActivityBarItem(page, 'Balance Journal');
    await runCommand(page, 'Balance Journal: Show Balance Report');
    await page.locator('.tabs-container .tab.active', { hasText: 'Balance Report' }).waitFor({ state: 'visible' });
    const frame = reportFrame(page);
    await frame.locator('h1', { hasText: 'Balance Report' }).waitFor({ state: 'visible', timeout: WAIT_MS });
    await frame.locator('.headline', { hasText: EXAMPLE_JOURNAL.headline }).waitFor({ state: 'visible', timeout: WAIT_MS });
    assert.equal(await frame.locator('svg[role="img"]').count(), 2);
    // The year calendar: 7 weekday rows, a column per ISO week, a name for every day.
    assert.equal(await frame.locator('#calendar tbody tr').count(), 7);
    const cells = await frame.locator('#calendar td[role="gridcell"]').count();
    assert.ok(cells === 52 * 7 || cells === 53 * 7, `${cells} days`);
    assert.equal(await frame.locator('#calendar td[role="gridcell"]:not([aria-label])').count(), 0);
    // The tables are in the page for screen readers, shown only on request.
    assert.equal(await frame.locator('#weeks-table tbody tr').count(), 12);
    assert.match(await frame.locator('#weeks-table-wrap').getAttribute('class'), /\bvisually-hidden\b/);
    for (const [id, label] of Object.entries(TRAIT_LABELS)) {
      const row = frame.locator('#traits-table tbody tr').filter({ has: frame.locator('th', { hasText: label }) });
      assert.equal((await row.locator('td').nth(1).textContent()).trim(), String(EXAMPLE_JOURNAL.counts[id]), label);
    }
    // What to reflect on next, by the one rule, and why.
    // The button writes about the trait the sentence names.
    const focus = await frame.locator('.focus-line').innerText();
    const named = new RegExp(`^Next: (${Object.values(TRAIT_LABELS).join('|')}) \\(`).exec(focus)?.[1];
    assert.ok(named, focus);
    assert.equal(TRAIT_LABELS[await frame.locator('#write-about').getAttribute('data-trait')], named);
    assert.equal(await frame.locator('.step').count(), 3);
    assert.ok(await frame.locator('body.vscode-dark').count(), 'dark theme');
    await reportShots(page, 'dark');
  });

  it('follows a light theme', async () => {
    await switchTheme(page, 'Default Light Modern', 'vscode-light');
    await reportShots(page, 'light');
  });

  it('follows a high contrast theme', async () => {
    await switchTheme(page, 'Default High Contrast', 'vscode-high-contrast');
    await reportShots(page, 'hc');
  });

  it('is reachable by keyboard: Tab reaches Export, Write about it and each chart\'s Show as table; Enter shows a table', async () => {
    await switchTheme(page, 'Default Dark Modern', 'vscode-dark');
    const frame = reportFrame(page);
    await frame.locator('h1').click();
    const focused = () => frame.locator(':focus').evaluate((el) => el.id || el.getAttribute('aria-controls') || el.getAttribute('data-range') || el.getAttribute('data-trait') || el.tagName);
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'export');
    await page.keyboard.press('Tab'); // the suggested trait's name
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'write-about');
    // Then the calendar's year buttons and its one stop (a roving tab index), the range, the table toggle.
    const seen = [];
    for (let i = 0; i < 12 && seen.at(-1) !== 'weeks-table-wrap'; i++) {
      await page.keyboard.press('Tab');
      seen.push(await focused());
    }
    assert.deepEqual(seen, ['prev-year', 'next-year', 'TD', '4', '12', '52', 'all', 'weeks-table-wrap']);
    await page.keyboard.press('Enter');
    await frame.locator('#weeks-table-wrap:not(.visually-hidden)').waitFor({ state: 'visible' });
    assert.equal(await frame.locator('button[aria-controls="weeks-table-wrap"]').innerText(), 'Hide table');
    await frame.locator('#weeks-table').scrollIntoViewIfNeeded();
    await shot(page, 'report-table.png');
    await page.keyboard.press('Enter');
    await frame.locator('#weeks-table-wrap.visually-hidden').waitFor({ state: 'attached' });
  });

  it('shows 4, 12, 52 weeks or all, and a trait\'s name opens its entries', async () => {
    const frame = reportFrame(page);
    await frame.locator('button[data-range="4"]').click();
    await frame.locator('#weeks-heading', { hasText: 'Last 4 weeks' }).waitFor({ state: 'visible', timeout: WAIT_MS });
    assert.equal(await frame.locator('#weeks-table tbody tr').count(), 4);
    await frame.locator('button[data-range="all"]').click();
    await frame.locator('#weeks-heading', { hasText: 'Every week since your first entry' }).waitFor({ state: 'visible', timeout: WAIT_MS });
    await shot(page, 'report-all-weeks.png');
    await frame.locator('button[data-range="12"]').click();
    await frame.locator('#weeks-heading', { hasText: 'Last 12 weeks' }).waitFor({ state: 'visible', timeout: WAIT_MS });
    // The chart's trait names are links: one opens that trait's entries in the Traits view.
    await frame.locator('a.bj-link[data-trait="empathy"]').click();
    await page.locator('.part.sidebar .monaco-list-row.selected', { hasText: 'Empathy' }).waitFor({ state: 'visible', timeout: WAIT_MS });
    await page.locator('.part.sidebar .monaco-list-row[aria-expanded="true"]', { hasText: 'Empathy' }).waitFor({ state: 'visible', timeout: WAIT_MS });
    await shot(page, 'report-trait-entries.png');
  });

  it('exports, and exporting again today offers to update that file rather than writing another', async () => {
    const frame = reportFrame(page);
    await page.locator('.tabs-container .tab', { hasText: 'Balance Report' }).click();
    await frame.locator('#export').focus();
    await page.keyboard.press('Enter');
    const day = localDay();
    const name = `balance-report-${day}.md`;
    await frame.locator('#status', { hasText: `Saved journal/reports/${name}.` }).waitFor({ state: 'visible', timeout: WAIT_MS });
    const file = path.join(workspace, 'journal', 'reports', name);
    assert.ok(existsSync(file), `${file} exists`);
    const text = readFileSync(file, 'utf8');
    assert.match(text, /^---\ndate: .*\nkind: report\ntags:\n {2}- balance-report\n---\n# Balance Report, /);
    // Written as it reads: no `Decision\-Making`, no `\(5 entries so far\)\.`.
    assert.doesNotMatch(text, /\\[-.()]/);
    await page.locator(`.tabs-container .tab[aria-label*="${name}"]`).first().waitFor({ state: 'visible' });
    await shot(page, 'report-exported.png');

    await page.locator('.tabs-container .tab', { hasText: 'Balance Report' }).click();
    await frame.locator('#export').click();
    const toast = page.locator(sel.toast, { hasText: 'You exported the report today already' });
    await toast.waitFor({ state: 'visible', timeout: WAIT_MS });
    for (const action of ['Update It', 'Open It', 'Save as New File']) await toast.locator('a.monaco-button', { hasText: action }).waitFor({ state: 'visible' });
    await shot(page, 'report-export-again.png');
    await toast.locator('a.monaco-button', { hasText: 'Update It' }).click();
    await frame.locator('#status', { hasText: `Saved journal/reports/${name}.` }).waitFor({ state: 'visible', timeout: WAIT_MS });
    assert.ok(!existsSync(path.join(workspace, 'journal', 'reports', `balance-report-${day}-2.md`)), 'no second file');
  });

  it('moves through the calendar by keyboard and opens a day\'s entries with Enter; the year buttons keep the focus', async () => {
    const frame = reportFrame(page);
    const now = new Date();
    // The newest day with entries in the example journal, counted by hand (exampleJournal.expected.mjs).
    const { day: target, entries, leadership, management, label: targetLabel } = EXAMPLE_JOURNAL.newestDay;
    // Calendar arithmetic of the test's own: whole days, and the ISO year of a day (its Thursday's year).
    const dayNumber = (day) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;
    const dayString = (number) => new Date(number * 86_400_000).toISOString().slice(0, 10);
    const isoYear = (number) => new Date((number - ((number + 3) % 7) + 3) * 86_400_000).getUTCFullYear();
    const targetYear = isoYear(dayNumber(target));
    const cell = () => frame.locator('#calendar td[tabindex="0"]');
    // Back to the target's year with the previous year button (Enter), which keeps the focus.
    for (let year = isoYear(dayNumber(localDay(now))); year > targetYear; year--) {
      await frame.locator('#prev-year').focus();
      await page.keyboard.press('Enter');
      await frame.locator('#calendar-heading', { hasText: String(year - 1) }).waitFor({ state: 'visible', timeout: WAIT_MS });
      await frame.locator('#prev-year:focus').waitFor({ state: 'attached', timeout: WAIT_MS });
    }
    await cell().focus();
    const start = await cell().getAttribute('data-day');
    const back = dayNumber(start) - dayNumber(target);
    for (let i = 0; i < Math.floor(back / 7); i++) await page.keyboard.press('ArrowLeft');
    for (let i = 0; i < back % 7; i++) await page.keyboard.press('ArrowUp');
    const focusedDay = frame.locator('#calendar td:focus');
    assert.equal(await focusedDay.getAttribute('data-day'), target);
    // The name a screen reader reads, counted by hand.
    assert.equal(await focusedDay.getAttribute('aria-label'), `${targetLabel}: ${entries === 1 ? '1 entry' : `${entries} entries`}, leadership ${leadership}, management ${management}`);
    // A day, a week, the start and the end of the year.
    await page.keyboard.press('ArrowDown');
    assert.equal(await frame.locator('#calendar td:focus').getAttribute('data-day'), dayString(dayNumber(target) + 1));
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await frame.locator('#calendar td:focus').getAttribute('data-day'), target);
    await shot(page, 'report-calendar-focus.png');

    await page.keyboard.press('Enter');
    if (entries === 1) {
      const name = EXAMPLE_JOURNAL.newestDay.file;
      await page.locator(`.tabs-container .tab[aria-label*="${name}"]`).first().waitFor({ state: 'visible', timeout: WAIT_MS });
    } else {
      await page.locator(sel.quickInput).waitFor({ state: 'visible', timeout: WAIT_MS });
      assert.equal(await page.locator(sel.quickInputRow).count(), entries);
      await shot(page, 'report-calendar-day.png');
      await page.keyboard.press('Enter');
      await page.locator(sel.quickInput).waitFor({ state: 'hidden' });
      await page.locator('.tabs-container .tab', { hasText: '.md' }).first().waitFor({ state: 'visible', timeout: WAIT_MS });
    }
    await shot(page, 'report-calendar-opened.png');
  });
});

describe('The Balance Report of an empty journal', { timeout: 600_000 }, () => {
  const state = workbenchOn((runDir) => {
    mkdirSync(path.join(runDir, 'empty', 'journal'), { recursive: true });
    return path.join(runDir, 'empty');
  });

  step('shows the welcome text and the New Entry button, and Export is disabled', () => state.page, async () => {
    const { page } = state;
    await waitForActivityBarItem(page, 'Balance Journal');
    await runCommand(page, 'Balance Journal: Show Balance Report');
    const frame = reportFrame(page);
    await frame.locator('#welcome-heading').waitFor({ state: 'visible', timeout: WAIT_MS });
    assert.equal(await frame.locator('#export').isDisabled(), true);
    assert.equal(await frame.locator('table').count(), 0);
    await shot(page, 'report-empty.png');
    await frame.locator('#new-entry').click();
    await page.locator(sel.quickInput, { hasText: 'New Entry: traits (1/3)' }).waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
  });
});
