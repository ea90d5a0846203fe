// The coaching features, like a person, on a copy of the example journal: a trait of your own,
// the weekly review, an entry from a workspace template, and the walkthrough.
// Screenshots go to test-results/e2e/coach-*.png.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe } from 'node:test';
import { entries, localDay, onExampleJournal, shot, waitForRowDescription } from './steps.mjs';
import { hoverText, notifications, openFile, quickInputSelect, runCommand, sel, waitForActivityBarItem, waitForNotification, waitForTreeRow } from '../harness/workbench.mjs';

describe('Coaching features in a real VS Code', { timeout: 600_000 }, () => {
  const session = onExampleJournal(
    { 'balanceJournal.traits': [{ id: 'coaching', label: 'Coaching', side: 'leadership', description: 'Helping others grow.', prompts: ['Whom did I help grow today?'] }] },
    (workspace) => {
      mkdirSync(path.join(workspace, '.balance-journal', 'templates'), { recursive: true });
      writeFileSync(path.join(workspace, '.balance-journal', 'templates', 'default.md'), '# {{title}}\n\nWritten {{date}} about {{traits}}. Mood today:\n\n{{prompts}}\n');
    },
  );
  let page;
  let workspace;
  before(() => ({ page, workspace } = session));
  const { it } = session;

  it('shows a trait of your own on its side', async () => {
    await waitForActivityBarItem(page, 'Balance Journal', { click: true });
    await waitForTreeRow(page, 'Coaching');
    await waitForRowDescription(page, 'Coaching', entries(0));
    await shot(page, 'coach-1-own-trait.png');
  });

  it('writes an entry from the workspace template', async () => {
    await runCommand(page, 'Balance Journal: New Entry');
    await quickInputSelect(page, 'Coaching');
    await page.keyboard.press('Enter');
    await page.locator(sel.quickInput, { hasText: 'New Entry: structure (2/3)' }).waitFor({ state: 'visible' });
    await page.keyboard.press('Enter'); // the structure offered first: Trait prompts
    await page.locator(sel.quickInput, { hasText: 'New Entry: title (3/3)' }).waitFor({ state: 'visible' });
    await page.keyboard.type('Pairing with the intern');
    await page.keyboard.press('Enter');
    const day = localDay();
    const file = path.join(workspace, 'journal', day.slice(0, 4), day.slice(5, 7), `${day}-pairing-with-the-intern.md`);
    await page.locator(sel.editorLine, { hasText: 'Mood today:' }).first().waitFor({ state: 'visible' });
    assert.match(readFileSync(file, 'utf8'), /# Pairing with the intern\n\nWritten .* about Coaching\. Mood today:\n\n> \*\*Coaching\*\* \(leadership\): Helping others grow\.\n\n## Whom did I help grow today\?/);
    await waitForRowDescription(page, 'Coaching', entries(1));
    await shot(page, 'coach-2-template-entry.png');
  });

  it('opens this week\'s review', async () => {
    await runCommand(page, 'Balance Journal: Weekly Review');
    // On the first day of a week it asks: last week, or this one? Wait for whichever comes. The
    // question is the box's placeholder, which is no text on the page: look for its rows.
    const picker = page.locator(sel.quickInputRow, { hasText: /^\s*This week/ });
    const tab = page.locator('.tabs-container .tab.active', { hasText: /\d{4}-W\d\d\.md/ });
    await tab.or(picker).first().waitFor({ state: 'visible' });
    if (await picker.isVisible()) await quickInputSelect(page, 'This week');
    await tab.waitFor({ state: 'visible' });
    const name = (await tab.innerText()).match(/\d{4}-W\d\d\.md/)[0];
    assert.ok(existsSync(path.join(workspace, 'journal', 'reviews', name)));
    await page.locator(sel.editorLine, { hasText: 'What went well this week?' }).first().waitFor({ state: 'visible' });
    const text = readFileSync(path.join(workspace, 'journal', 'reviews', name), 'utf8');
    // Ties name at most three traits; written as it reads, escaped only where Markdown would misread.
    for (const line of text.split('\n').filter((l) => l.startsWith('- **Leadership**') || l.startsWith('- **Management**'))) {
      assert.ok((line.match(/,/g) ?? []).length <= 2, line);
    }
    assert.doesNotMatch(text, /Decision\\-Making|\\\(|\\\./);
    await page.keyboard.press('Control+Home');
    await shot(page, 'coach-3-weekly-review.png');
  });

  it('shows the walkthrough', async () => {
    await runCommand(page, 'Welcome: Open Walkthrough...');
    await quickInputSelect(page, /Get started: Balance Journal/);
    const walkthrough = page.locator('.gettingStartedContainer', { hasText: 'Get started: Balance Journal' });
    await walkthrough.waitFor({ state: 'visible' });
    for (const title of ['Write your first entry', 'See your balance', 'Hover a trait tag', 'Open the report']) {
      await walkthrough.locator('.getting-started-step', { hasText: title }).first().waitFor({ state: 'visible' });
    }
    // The first step's keyboard shortcut is in its text, so nothing is cut off at this width.
    assert.ok((await walkthrough.innerText()).includes('Ctrl+Alt+J'));
    await shot(page, 'coach-4-walkthrough.png');
  });

  it('completes the walkthrough\'s hover step once a trait hover has shown, not on a click', async () => {
    // VS Code starts listening for completion events when the walkthrough is first shown (above).
    const walkthrough = page.locator('.gettingStartedContainer', { hasText: 'Get started: Balance Journal' });
    await walkthrough.locator('.getting-started-step', { hasText: 'Hover a trait tag' }).first().click();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.equal(await walkthrough.locator('.getting-started-step[aria-checked="true"]', { hasText: 'Hover a trait tag' }).count(), 0, 'a click does not complete it');
    await openFile(page, '2026-10-22-amara-is-running-on-empty.md');
    const text = await hoverText(page, 'empathy');
    assert.ok(text.includes('Try next'), text);
    await page.mouse.move(5, 5);
    await page.locator('.tabs-container .tab', { hasText: 'Walkthrough' }).click();
    await walkthrough.locator('.getting-started-step[aria-checked="true"]', { hasText: 'Hover a trait tag' }).first().waitFor({ state: 'attached' });
    await shot(page, 'coach-4b-walkthrough-hover-done.png');
  });
});

describe('A trait of your own with a mistake in it', { timeout: 600_000 }, () => {
  const session = onExampleJournal({ 'balanceJournal.traits': [{ id: 'Delegation!' }] });
  let page;
  before(() => ({ page } = session));
  const { it } = session;

  it('is named, with what is wrong, once, as a warning', async () => {
    await waitForActivityBarItem(page, 'Balance Journal', { click: true });
    const message = await waitForNotification(page, 'Trait 1 of balanceJournal.traits');
    assert.equal(message, 'Balance Journal: Trait 1 of balanceJournal.traits ("Delegation!") was skipped: an id may not contain "!": use letters, digits and hyphens, e.g. "delegation".');
    const toast = page.locator(sel.toast).filter({ hasText: 'Delegation!' }).first();
    assert.equal(await toast.locator('.codicon-error').count(), 0, 'not an error');
    assert.ok(await toast.locator('.codicon-warning').count(), 'a warning');
    await shot(page, 'coach-5-trait-warning.png');
    // The next window load says nothing more: the setting has not changed.
    await page.reload();
    // The window restores the view as it was; a command makes sure the extension is active again.
    await waitForActivityBarItem(page, 'Balance Journal');
    await runCommand(page, 'Balance Journal: Refresh');
    await new Promise((resolve) => setTimeout(resolve, 5000));
    assert.deepEqual((await notifications(page)).filter((m) => m.includes('Delegation')), []);
  });
});
