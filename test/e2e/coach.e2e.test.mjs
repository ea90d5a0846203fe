// The coaching features, like a person, on a copy of the example journal: a trait of your own,
// the weekly review, an entry from a workspace template, and the walkthrough.
// Screenshots go to test-results/e2e/coach-*.png.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe } from 'node:test';
import { entries, localDay, onExampleJournal, shot, waitForRowDescription } from './steps.mjs';
import { quickInputSelect, runCommand, sel, waitForActivityBarItem, waitForTreeRow } from '../harness/workbench.mjs';

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
    const tab = page.locator('.tabs-container .tab.active', { hasText: /\d{4}-W\d\d\.md/ });
    await tab.waitFor({ state: 'visible' });
    const name = (await tab.innerText()).match(/\d{4}-W\d\d\.md/)[0];
    assert.ok(existsSync(path.join(workspace, 'journal', 'reviews', name)));
    await page.locator(sel.editorLine, { hasText: 'What went well this week?' }).first().waitFor({ state: 'visible' });
    await shot(page, 'coach-3-weekly-review.png');
  });

  it('shows the walkthrough', async () => {
    await runCommand(page, 'Welcome: Open Walkthrough...');
    await quickInputSelect(page, /Get started with Balance Journal/);
    const walkthrough = page.locator('.gettingStartedContainer', { hasText: 'Get started with Balance Journal' });
    await walkthrough.waitFor({ state: 'visible' });
    for (const title of ['Write your first entry', 'See your balance', 'Hover a trait tag', 'Open the report']) {
      await walkthrough.locator('.getting-started-step', { hasText: title }).first().waitFor({ state: 'visible' });
    }
    await shot(page, 'coach-4-walkthrough.png');
  });
});
