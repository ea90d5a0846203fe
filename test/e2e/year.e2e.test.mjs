// The year features (issue #14), like a person: write an entry for yesterday, open a monthly and a
// quarterly review, find entries by two tags, and export evidence, all from the Command Palette on
// a copy of the example journal. Screenshots go to test-results/e2e/year-*.png. (The calendar is
// in report.e2e.test.mjs.)
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe } from 'node:test';
import { WAIT_MS, localDay, onExampleJournal, shot } from './steps.mjs';
import { EXAMPLE_JOURNAL, TRAIT_LABELS } from './exampleJournal.expected.mjs';
import { quickInputSelect, runCommand, sel, waitForActivityBarItem } from '../harness/workbench.mjs';

const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

describe('The year features in a real VS Code', { timeout: 900_000 }, () => {
  const session = onExampleJournal({ 'workbench.startupEditor': 'none' });
  let page;
  let workspace;
  before(() => ({ page, workspace } = session));
  const { it } = session;

  it('writes an entry for yesterday: the day box names the day, refuses the future, and the file is yesterday\'s', async () => {
    await waitForActivityBarItem(page, 'Balance Journal');
    await runCommand(page, 'Balance Journal: New Entry for Another Day…');
    await page.locator(sel.quickInput, { hasText: 'New Entry: day (1/4)' }).waitFor({ state: 'visible', timeout: WAIT_MS });
    const input = page.locator(sel.quickInputBox);
    const message = page.locator(`${sel.quickInput} .quick-input-message`);
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    await input.fill(localDay(tomorrow));
    await message.filter({ hasText: 'is in the future' }).waitFor({ state: 'visible', timeout: WAIT_MS });
    await page.keyboard.press('Enter');
    // Refused: the box stays.
    await page.locator(sel.quickInput, { hasText: 'New Entry: day (1/4)' }).waitFor({ state: 'visible' });

    const yesterday = new Date();
    yesterday.setDate(yesterday.getDate() - 1);
    await input.fill('yest');
    await message.filter({ hasText: `${LONG_DAYS[yesterday.getDay()]}, ` }).waitFor({ state: 'visible', timeout: WAIT_MS });
    await message.filter({ hasText: '(yesterday)' }).waitFor({ state: 'visible' });
    await shot(page, 'year-1-day.png');
    await page.keyboard.press('Enter');

    await page.locator(sel.quickInput, { hasText: /New Entry for .*: traits/ }).waitFor({ state: 'visible', timeout: WAIT_MS });
    await quickInputSelect(page, 'Influence');
    await page.keyboard.press('Enter');
    await page.locator(sel.quickInput, { hasText: /New Entry for .*: structure \(3\/4\)/ }).waitFor({ state: 'visible', timeout: WAIT_MS });
    await page.keyboard.press('Enter'); // the structure offered first: Trait prompts
    await page.locator(sel.quickInput, { hasText: /New Entry for .*: title \(4\/4\)/ }).waitFor({ state: 'visible', timeout: WAIT_MS });
    await input.fill('Written a day late');
    await page.keyboard.press('Enter');

    const day = localDay(yesterday);
    const name = `${day}-written-a-day-late.md`;
    await page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`).waitFor({ state: 'visible', timeout: WAIT_MS });
    const file = path.join(workspace, 'journal', day.slice(0, 4), day.slice(5, 7), name);
    assert.ok(existsSync(file), `${file} exists`);
    assert.match(readFileSync(file, 'utf8'), new RegExp(`^---\\ndate: ${day}T\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d\\ntags:\\n {2}- influence\\n---\\n# Written a day late\\n`));
    await shot(page, 'year-2-entry.png');
  });

  it('opens a monthly and a quarterly review', async () => {
    const now = new Date();
    const month = localDay(now).slice(0, 7);
    await runCommand(page, 'Balance Journal: Monthly Review');
    await page.locator(`.tabs-container .tab.active[aria-label*="${month}.md"]`).waitFor({ state: 'visible', timeout: WAIT_MS });
    const monthly = readFileSync(path.join(workspace, 'journal', 'reviews', `${month}.md`), 'utf8');
    assert.match(monthly, new RegExp(`\\n# Monthly review ${month} \\(`));
    assert.match(monthly, /\n- Against last month \(\d{4}-\d\d\): entries \d+ → \d+/);
    await shot(page, 'year-3-monthly.png');

    const quarter = `${now.getFullYear()}-Q${Math.floor(now.getMonth() / 3) + 1}`;
    await runCommand(page, 'Balance Journal: Quarterly Review');
    await page.locator(`.tabs-container .tab.active[aria-label*="${quarter}.md"]`).waitFor({ state: 'visible', timeout: WAIT_MS });
    assert.match(readFileSync(path.join(workspace, 'journal', 'reviews', `${quarter}.md`), 'utf8'), new RegExp(`\\n# Quarterly review ${quarter} \\(`));
    await shot(page, 'year-4-quarterly.png');
  });

  it('finds entries by two tags and opens them all as a list in the Markdown preview', async () => {
    await waitForActivityBarItem(page, 'Balance Journal');
    await runCommand(page, 'Balance Journal: Find Entries…');
    await page.locator(sel.quickInput, { hasText: 'Find Entries: tags (1/2)' }).waitFor({ state: 'visible', timeout: WAIT_MS });
    // Two tags that the example journal has together on a few entries, counted by hand.
    const { tags, entries } = EXAMPLE_JOURNAL.bothTags;
    const [first, second] = tags.map((tag) => TRAIT_LABELS[tag]);
    await quickInputSelect(page, first);
    await quickInputSelect(page, second);
    await shot(page, 'year-5-find-tags.png');
    await page.keyboard.press('Enter');
    await quickInputSelect(page, 'All time');
    await page.locator(sel.quickInput, { hasText: `tagged ${first} + ${second}, all time` }).waitFor({ state: 'visible', timeout: WAIT_MS });
    assert.equal(await page.locator(sel.quickInputRow).count(), entries + 1, 'Open All and each entry');
    await shot(page, 'year-6-find-results.png');
    await quickInputSelect(page, /Open All \(\d+\) as a List/);
    await page.locator('.tabs-container .tab', { hasText: /Preview/ }).first().waitFor({ state: 'visible', timeout: WAIT_MS });
    await shot(page, 'year-7-find-list.png');
  });

  it('exports the evidence for one trait and all time, with the preview beside it', async () => {
    await runCommand(page, 'Balance Journal: Export Evidence…');
    await quickInputSelect(page, 'Empathy');
    await quickInputSelect(page, 'All time');
    const name = 'evidence-empathy-start-today.md';
    await page.locator(`.tabs-container .tab[aria-label*="${name}"]`).first().waitFor({ state: 'visible', timeout: WAIT_MS });
    const text = readFileSync(path.join(workspace, 'journal', 'exports', name), 'utf8');
    assert.match(text, /^---\ndate: \S+\nkind: export\ntrait: empathy\n/);
    assert.ok(text.includes(`\n### Entries (${EXAMPLE_JOURNAL.counts.empathy})\n`), text);
    await page.locator('.tabs-container .tab', { hasText: `Preview ${name}` }).first().waitFor({ state: 'visible', timeout: WAIT_MS });
    await shot(page, 'year-8-evidence.png');
  });
});
