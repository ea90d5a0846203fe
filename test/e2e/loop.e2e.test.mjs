// Plan, act, follow up, like a person, on a copy of the example journal (which holds commitments
// weeks old, a goal and feedback): set a goal, write an entry with the Rolfe structure, follow up a
// commitment from the Follow up section, mark another done, record feedback, open the report.
// Screenshots go to test-results/e2e/loop-*.png.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { before, describe } from 'node:test';
import { WAIT_MS, entries, localDay, onExampleJournal, rowTooltip, shot, waitForRowDescription } from './steps.mjs';
import { EXAMPLE_JOURNAL } from './exampleJournal.expected.mjs';
import { quickInputSelect, runCommand, sel, waitForActivityBarItem, waitForTreeRow } from '../harness/workbench.mjs';

describe('Plan, act, follow up in a real VS Code', { timeout: 600_000 }, () => {
  const session = onExampleJournal();
  let page;
  let workspace;
  before(() => ({ page, workspace } = session));
  const { it } = session;
  const journal = () => path.join(workspace, 'journal');

  it('shows old commitments in the Follow up section', async () => {
    await waitForActivityBarItem(page, 'Balance Journal', { click: true });
    await waitForTreeRow(page, 'Follow up');
    await waitForTreeRow(page, 'Ask Tomasz in two weeks whether the prefixes changed how Lea reads reviews');
    await shot(page, 'loop-1-follow-up-section.png');
  });

  it('sets a goal through the palette, and the trait row shows its progress', async () => {
    await runCommand(page, 'Balance Journal: Set a Goal…');
    await quickInputSelect(page, 'Influence');
    await page.locator(sel.quickInput, { hasText: 'Set a Goal for Influence (1/4)' }).waitFor({ state: 'visible' });
    await page.keyboard.type('Explain the why before the what');
    await page.keyboard.press('Enter');
    await quickInputSelect(page, 'Per week');
    await page.locator(sel.quickInput, { hasText: 'Set a Goal for Influence (3/4)' }).waitFor({ state: 'visible' });
    await page.keyboard.press('Enter'); // the offered 2
    await page.locator(sel.quickInput, { hasText: 'Set a Goal for Influence (4/4)' }).waitFor({ state: 'visible' });
    await page.keyboard.press('Enter'); // no end date
    // The row says it when it fits the side bar; the tooltip always does.
    await rowTooltip(page, 'Influence', /Goal: \d+ of 2 this week/);
    assert.match(readFileSync(path.join(journal(), 'goals', 'influence.md'), 'utf8'), /trait: influence\ntarget: 2\nper: week\n---\nExplain the why before the what\n/);
    await shot(page, 'loop-2-goal.png');
  });

  it('writes an entry with What? So what? Now what?', async () => {
    await runCommand(page, 'Balance Journal: New Entry');
    await quickInputSelect(page, 'Empathy');
    await page.keyboard.press('Enter');
    await page.locator(sel.quickInput, { hasText: 'New Entry: structure (2/3)' }).waitFor({ state: 'visible' });
    await quickInputSelect(page, 'What? So what? Now what?');
    await page.locator(sel.quickInput, { hasText: 'New Entry: title (3/3)' }).waitFor({ state: 'visible' });
    await page.keyboard.type('Rolfe in practice');
    await page.keyboard.press('Enter');
    await page.locator(sel.editorLine, { hasText: 'So what?' }).first().waitFor({ state: 'visible' });
    const day = localDay();
    const text = readFileSync(path.join(journal(), day.slice(0, 4), day.slice(5, 7), `${day}-rolfe-in-practice.md`), 'utf8');
    assert.match(text, /## What\?[\s\S]*## So what\?[\s\S]*## Now what\?\n\n- \[ \] \n$/);
    await shot(page, 'loop-3-rolfe-entry.png');
  });

  it('follows up a commitment with its inline button: a new entry that follows the original', async () => {
    // The view first counts the Rolfe entry (Empathy: 12 by hand, and that one), so it does not
    // redraw under the pointer as the button is clicked.
    await waitForRowDescription(page, 'Empathy', entries(EXAMPLE_JOURNAL.counts.empathy + 1));
    const tab = page.locator('.tabs-container .tab.active[aria-label*="follow-up-ask-tomasz"]');
    let opened = false;
    for (let attempt = 1; attempt <= 3 && !opened; attempt++) {
      const row = await waitForTreeRow(page, 'Ask Tomasz in two weeks whether the prefixes changed how Lea reads reviews');
      await row.hover();
      await row.locator('.actions .action-label[aria-label="Follow Up"]').click();
      // A click that landed while a row was redrawn did nothing: click again, as a person would.
      opened = await tab.waitFor({ state: 'visible', timeout: attempt < 3 ? 15_000 : WAIT_MS }).then(
        () => true,
        () => false,
      );
    }
    assert.ok(opened, 'Follow Up opened no follow-up entry');
    await page.locator(sel.editorLine, { hasText: 'What happened when you tried it?' }).first().waitFor({ state: 'visible' });
    const day = localDay();
    const folder = path.join(journal(), day.slice(0, 4), day.slice(5, 7));
    const name = readdirSync(folder).find((file) => file.includes('follow-up-ask-tomasz'));
    assert.match(readFileSync(path.join(folder, name), 'utf8'), /follows: 2026\/11\/2026-11-04-the-hard-conversation-with-tomasz\.md\n/);
    await page.locator('.part.sidebar .monaco-list-row', { hasText: 'Ask Tomasz in two weeks' }).waitFor({ state: 'detached' });
    await shot(page, 'loop-4-followed-up.png');
  });

  it('marks a commitment done with its inline button: that one box is ticked', async () => {
    const file = path.join(journal(), '2026', '11', '2026-11-12-letting-lea-run-the-demo.md');
    const before = readFileSync(file, 'utf8');
    const row = await waitForTreeRow(page, 'Hand Lea the cutover runbook walkthrough for the support team too');
    await row.hover();
    await row.locator('.actions .action-label[aria-label="Mark Done"]').click();
    await page.locator('.part.sidebar .monaco-list-row', { hasText: 'Hand Lea the cutover runbook' }).waitFor({ state: 'detached' });
    assert.equal(readFileSync(file, 'utf8'), before.replace('- [ ] Hand Lea', '- [x] Hand Lea'));
  });

  it('records feedback, counted apart from reflections', async () => {
    await runCommand(page, 'Balance Journal: Record Feedback…');
    await quickInputSelect(page, 'Mentor');
    await page.locator(sel.quickInput, { hasText: 'Record Feedback (2/3)' }).waitFor({ state: 'visible' });
    await quickInputSelect(page, 'Decision-Making');
    await page.keyboard.press('Enter');
    await page.locator(sel.quickInput, { hasText: 'Record Feedback (3/3)' }).waitFor({ state: 'visible' });
    await page.keyboard.type('You decide faster when you write the options down first.');
    await page.keyboard.press('Enter');
    await rowTooltip(page, 'Decision-Making', 'Feedback from others on this trait: 1 (counted apart from your reflections).');
    await shot(page, 'loop-5-feedback.png');
  });

  it('shows the goals in the Balance Report', async () => {
    await runCommand(page, 'Balance Journal: Show Balance Report');
    const frame = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
    await frame.locator('#goals-heading').waitFor({ state: 'visible', timeout: 60_000 });
    await frame.locator('.goal', { hasText: 'Explain the why before the what' }).waitFor({ state: 'visible' });
    await frame.locator('.goal', { hasText: 'Notice how people are doing' }).waitFor({ state: 'visible' });
    await frame.locator('#goals-heading').scrollIntoViewIfNeeded();
    await shot(page, 'loop-6-report-goals.png');
    // Your reflections next to others' feedback: the example journal's peer note (Influence,
    // Visionary Thinking) and the mentor's words recorded above (Decision-Making), one each.
    await frame.locator('#feedback-heading').scrollIntoViewIfNeeded();
    for (const label of ['Influence', 'Visionary Thinking', 'Decision-Making']) {
      const row = frame.locator('#feedback-table tbody tr').filter({ has: frame.locator('th', { hasText: label }) });
      assert.equal((await row.locator('td').nth(1).textContent()).trim(), '1', label);
    }
    await shot(page, 'loop-7-report-feedback.png');
  });
});
