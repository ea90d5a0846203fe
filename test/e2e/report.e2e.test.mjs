// The Balance Report, like a person: open it from the palette on a copy of the example journal,
// look at it in a dark, a light and a high contrast theme, reach it by keyboard, and export it.
// Screenshots go to test-results/e2e/report-*.png.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe } from 'node:test';
import { WAIT_MS, expectedTally, localDay, onExampleJournal, shots } from './steps.mjs';
import { loadCore } from '../../scripts/load-core.mjs';
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
    const { index, core } = await expectedTally(path.join(workspace, 'journal'));
    // The palette knows the command once the extension's contributions are in (its activity bar
    // item shows); running it activates the extension, and the report follows the first scan live.
    await waitForActivityBarItem(page, 'Balance Journal');
    await runCommand(page, 'Balance Journal: Show Balance Report');
    await page.locator('.tabs-container .tab.active', { hasText: 'Balance Report' }).waitFor({ state: 'visible' });
    const frame = reportFrame(page);
    await frame.locator('h1', { hasText: 'Balance Report' }).waitFor({ state: 'visible', timeout: WAIT_MS });
    await frame.locator('.headline', { hasText: core.describeBalance(index.balance()) }).waitFor({ state: 'visible', timeout: WAIT_MS });
    assert.equal(await frame.locator('svg[role="img"]').count(), 2);
    // The year calendar: 7 weekday rows, a column per ISO week, a name for every day.
    assert.equal(await frame.locator('#calendar tbody tr').count(), 7);
    const cells = await frame.locator('#calendar td[role="gridcell"]').count();
    assert.ok(cells === 52 * 7 || cells === 53 * 7, `${cells} days`);
    assert.equal(await frame.locator('#calendar td[role="gridcell"]:not([aria-label])').count(), 0);
    assert.equal(await frame.locator('#weeks-table tbody tr').count(), 12);
    for (const trait of core.TRAITS) {
      const row = frame.locator('#traits-table tbody tr').filter({ has: frame.locator('th', { hasText: trait.label }) });
      assert.equal((await row.locator('td').nth(1).innerText()).trim(), String(index.countOf(trait.id)), trait.label);
    }
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

  it('is reachable by keyboard: Tab reaches the export button, then each table; Enter exports', async () => {
    await switchTheme(page, 'Default Dark Modern', 'vscode-dark');
    const frame = reportFrame(page);
    await frame.locator('h1').click();
    await page.keyboard.press('Tab');
    const focused = () => frame.locator(':focus').evaluate((el) => el.id || el.getAttribute('aria-labelledby') || el.tagName);
    assert.equal(await focused(), 'export');
    // Then the year buttons, one stop in the calendar (a roving tab index), and the tables.
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'prev-year');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'next-year');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'TD');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'weeks-caption');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'traits-caption');
    for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+Tab');
    assert.equal(await focused(), 'export');
    await shot(page, 'report-focus.png');

    await page.keyboard.press('Enter');
    const day = localDay();
    const name = `balance-report-${day}.md`;
    await frame.locator('#status', { hasText: `Saved journal/reports/${name}.` }).waitFor({ state: 'visible', timeout: WAIT_MS });
    const file = path.join(workspace, 'journal', 'reports', name);
    assert.ok(existsSync(file), `${file} exists`);
    assert.match(readFileSync(file, 'utf8'), /^---\ndate: .*\nkind: report\ntags:\n {2}- balance-report\n---\n# Balance Report /);
    await page.locator(`.tabs-container .tab[aria-label*="${name}"]`).first().waitFor({ state: 'visible' });
    await shot(page, 'report-exported.png');
  });

  it('moves through the calendar by keyboard and opens a day\'s entries with Enter; the year buttons keep the focus', async () => {
    const frame = reportFrame(page);
    const { index } = await expectedTally(path.join(workspace, 'journal'));
    const calendar = await loadCore(['reportCalendar', 'periods']);
    const now = new Date();
    // The newest day with entries, up to today, and how far it is from the calendar's tab stop.
    const today = localDay(now);
    const days = [...new Set([...index.reflections()].map((entry) => entry.day).filter((day) => day && day <= today))].sort();
    const target = days[days.length - 1];
    const dayNumber = (day) => calendar.parseDay(day);
    const targetYear = calendar.isoWeekOfDay(dayNumber(target)).year;
    const cell = () => frame.locator('#calendar td[tabindex="0"]');
    // Back to the target's year with the previous year button (Enter), which keeps the focus.
    for (let year = calendar.currentCalendarYear(now); year > targetYear; year--) {
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
    // The name a screen reader reads, as the core writes it from the files.
    const entriesOfDay = index.entriesOn(target);
    const label = await focusedDay.getAttribute('aria-label');
    assert.match(label, new RegExp(`: ${entriesOfDay.length} entr(y|ies), leadership \\d+, management \\d+$`));
    // A day, a week, the start and the end of the year.
    await page.keyboard.press('ArrowDown');
    assert.equal(await frame.locator('#calendar td:focus').getAttribute('data-day'), calendar.dayString(dayNumber(target) + 1));
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await frame.locator('#calendar td:focus').getAttribute('data-day'), target);
    await shot(page, 'report-calendar-focus.png');

    await page.keyboard.press('Enter');
    if (entriesOfDay.length === 1) {
      const name = path.basename(entriesOfDay[0].key);
      await page.locator(`.tabs-container .tab[aria-label*="${name}"]`).first().waitFor({ state: 'visible', timeout: WAIT_MS });
    } else {
      await page.locator(sel.quickInput).waitFor({ state: 'visible', timeout: WAIT_MS });
      assert.equal((await page.locator(sel.quickInputRow).count()), entriesOfDay.length);
      await shot(page, 'report-calendar-day.png');
      await page.keyboard.press('Enter');
      await page.locator(sel.quickInput).waitFor({ state: 'hidden' });
      await page.locator('.tabs-container .tab', { hasText: '.md' }).first().waitFor({ state: 'visible', timeout: WAIT_MS });
    }
    await shot(page, 'report-calendar-opened.png');
  });
});
