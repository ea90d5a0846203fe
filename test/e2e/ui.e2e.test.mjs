// End to end, like a person: install the packaged .vsix into a real VS Code (code-server 4.100.3),
// open a copy of the example journal in headless Chromium, and use the extension through its UI.
// Screenshots go to test-results/e2e/.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe } from 'node:test';
import { WAIT_MS, crispShot, entries, hoverUntilShown, localDay, onExampleJournal, shot, shots, step, waitForFileText, waitForRowDescription, workbenchOn } from './steps.mjs';
import { EXAMPLE_JOURNAL, TRAIT_LABELS, balanceRow, traitRowText } from './exampleJournal.expected.mjs';
import { generateJournal } from '../../scripts/bench/generate.mjs';
import { findWord, hoverText, quickInputRows, quickInputSelect, readTreeRows, runCommand, sel, waitForActivityBarItem, waitForTreeRow } from '../harness/workbench.mjs';






/**
 * Clicks the + of a trait row until New Entry asks for that trait's title. A click can land while
 * the tree redraws (an opened entry redraws the Look back row): it then opens nothing, or VS Code
 * hands the command no row and New Entry asks for the traits instead (Escape there cancels and
 * writes nothing); either way it is tried again. Any other prompt fails the step at once: Escape
 * at a title would write an entry.
 */
async function clickTraitPlus(page, row, label) {
  const prompt = page.locator(sel.quickInput, { hasText: `New Entry about ${label}` });
  const traitsStep = page.locator(sel.quickInput, { hasText: 'New Entry: traits' });
  for (let attempt = 1; ; attempt++) {
    await row.hover();
    await row.locator('.actions .action-label[aria-label="New Entry for This Trait"]').click();
    try {
      // Long enough that a slow prompt is not replaced by the next click's (the replaced title
      // prompt would resolve as Escape and write an entry named after the trait).
      await prompt.or(traitsStep).first().waitFor({ state: 'visible', timeout: 60_000 });
      if (await prompt.isVisible()) return;
      await page.keyboard.press('Escape');
      await traitsStep.waitFor({ state: 'hidden', timeout: 20_000 });
      if (attempt === 3) assert.fail(`the + of ${label} asked for the traits ${attempt} times`);
    } catch (error) {
      if (error instanceof assert.AssertionError) throw error;
      const other = page.locator(sel.quickInput).filter({ visible: true });
      if ((await other.count()) > 0) assert.fail(`the + of ${label} opened another prompt: ${await other.first().innerText()}`);
      if (attempt === 3) throw error;
    }
  }
}

describe('Balance Journal in a real VS Code, driven through its UI', { timeout: 600_000 }, () => {
  const session = onExampleJournal();
  let page;
  let workspace;
  before(() => ({ page, workspace } = session));
  const { it } = session;

  it('shows the tally of the example journal in the Traits view, whole at the default width', async () => {
    // Expected values counted by hand (exampleJournal.expected.mjs), not by the extension's core.
    await waitForActivityBarItem(page, 'Balance Journal', { click: true });
    const balance = EXAMPLE_JOURNAL.balance;
    await waitForTreeRow(page, balance.label);
    await waitForRowDescription(page, balance.label, balance.description);
    const rows = await readTreeRows(page);
    for (const [id, label] of Object.entries(TRAIT_LABELS)) assert.deepEqual(rows.find((r) => r.label === label), { label, description: traitRowText(id) });
    assert.deepEqual(rows.find((r) => r.label === 'Leadership'), { label: 'Leadership', description: `${EXAMPLE_JOURNAL.sideTotals.leadership} trait tags` });
    assert.ok(rows.find((r) => r.label === 'Management'), 'Management row');
    assert.ok(rows.find((r) => r.label === 'Other tags'), 'Other tags row');
    // At the default side bar width nothing is cut off: the verdict, the split, every trait's news.
    // The label and description together: VS Code clips their container, not each part.
    const whole = [balance.label, 'Leadership', 'Management', ...Object.values(TRAIT_LABELS)];
    const clipped = await page.locator('.part.sidebar .monaco-list-row').evaluateAll(
      (els, labels) =>
        els
          .filter((row) => labels.includes(row.querySelector('.label-name')?.textContent?.trim() ?? ''))
          .flatMap((row) => [...row.querySelectorAll('.monaco-icon-label-container, .label-name, .label-description')].filter((el) => el.scrollWidth > el.clientWidth + 1).map(() => row.textContent)),
      whole,
    );
    assert.deepEqual(clipped, []);
    const status = await page.locator('.statusbar-item', { hasText: 'L ' }).first().innerText();
    assert.ok(status.includes(EXAMPLE_JOURNAL.status), `status bar: ${status}`);
    await shot(page, '1-tree.png');
    // The walkthrough's "See your balance": the view alone, at 2x.
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    const lastRow = await page.locator('.part.sidebar .monaco-list-row').last().boundingBox();
    await crispShot(page, { x: sidebar.x, y: sidebar.y, width: sidebar.width, height: lastRow.y + lastRow.height - sidebar.y }, 'walkthrough-balance.png', 0);
    // The Balance tooltip: one suggestion and why, then the traits that are due, and a legend.
    await page.locator('.part.sidebar .monaco-list-row', { hasText: balance.label }).first().hover();
    const tooltip = page.locator('.workbench-hover-container, .monaco-hover:not(.hidden)').filter({ hasText: 'Try next' }).first();
    await tooltip.waitFor({ state: 'visible', timeout: WAIT_MS });
    const text = await tooltip.innerText();
    // One suggestion, a trait, with a sentence saying why.
    assert.match(text, new RegExp(`Try next: (${Object.values(TRAIT_LABELS).join('|')})\\. \\S`), text);
    assert.ok(text.includes('"due": no entry for 14 days or more'), text);
    // Streaks in ISO weeks, counted by hand.
    assert.ok(text.includes(EXAMPLE_JOURNAL.longestStreak), text);
    await page.screenshot({ path: path.join(shots, '1b-balance-tooltip.png') });
    await page.mouse.move(900, 700);
  });

  it('creates an entry from the palette: pick traits, type a title, write under the first prompt', async () => {
    const { counts } = EXAMPLE_JOURNAL;
    await runCommand(page, 'Balance Journal: New Entry');
    await quickInputSelect(page, 'Empathy');
    const labels = await quickInputRows(page);
    assert.ok(labels.includes('Time Management') && labels.includes('Visionary Thinking'), labels.join(', '));
    const separators = await page.locator(`${sel.quickInput} .quick-input-list-separator`).allInnerTexts();
    assert.ok(separators.some((s) => /Leadership/.test(s)) && separators.some((s) => /Management/.test(s)), `separators: ${separators}`);
    await quickInputSelect(page, 'Time Management');
    await shot(page, '2-pick-traits.png');
    // The walkthrough's "Write your first entry": the trait picker alone, at 2x.
    await crispShot(page, page.locator(sel.quickInput), 'walkthrough-new-entry.png');
    await page.keyboard.press('Enter');

    const input = page.locator(sel.quickInputBox);
    await page.locator(sel.quickInput, { hasText: 'New Entry: structure (2/3)' }).waitFor({ state: 'visible' });
    await page.keyboard.press('Enter'); // the structure offered first: Trait prompts
    await page.locator(sel.quickInput, { hasText: 'New Entry: title (3/3)' }).waitFor({ state: 'visible' });
    await input.fill('Coffee with the new hire');
    await shot(page, '3-title.png');
    await page.keyboard.press('Enter');

    const day = localDay();
    const name = `${day}-coffee-with-the-new-hire.md`;
    await page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`).waitFor({ state: 'visible' });
    const file = path.join(workspace, 'journal', day.slice(0, 4), day.slice(5, 7), name);
    assert.ok(existsSync(file), `${file} exists`);
    const text = readFileSync(file, 'utf8');
    assert.match(text, /^---\ndate: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d\ntags:\n {2}- empathy\n {2}- time-management\n---\n# Coffee with the new hire\n/);

    // The person types as soon as the cursor shows: it is under the first prompt.
    await page.locator('.part.editor .monaco-editor.focused').waitFor({ state: 'visible' });
    await page.keyboard.type('She asked about on-call.');
    await page.locator(sel.editorLine, { hasText: 'She asked about on-call.' }).waitFor({ state: 'visible' });
    await page.keyboard.press('Control+S');

    await waitForRowDescription(page, 'Empathy', entries(counts.empathy + 1));
    await waitForRowDescription(page, 'Time Management', entries(counts['time-management'] + 1));
    await shot(page, '4-new-entry.png');
    // The tree counted the file when it was created: wait for the save itself.
    await waitForFileText(file, /## Whose needs or concerns did I notice today, and how did I respond\?\n\nShe asked about on-call\./);
  });

  it('explains a trait tag on hover, with the strategies, the journal\'s standing and what to try next', async () => {
    await page.keyboard.press('Escape'); // the word suggestions typing opened
    const text = await hoverText(page, 'empathy');
    for (const expected of ['Empathy', 'Leadership trait', 'Understanding and addressing the needs and concerns of team members', 'Develop Dual Skills', 'Foster Collaboration', 'Continuous Learning', 'Your journal', 'Try next', 'Write about it']) {
      assert.ok(text.includes(expected), `hover lacks "${expected}":\n${text}`);
    }
    // What to try next: the one rule, never the hovered trait, never one written about today.
    const nextLabel = suggested(text);
    assert.notEqual(nextLabel, 'Empathy');
    const nextId = Object.keys(TRAIT_LABELS).find((id) => TRAIT_LABELS[id] === nextLabel);
    // The hover as it is: no mouse move, which would close it.
    await page.screenshot({ path: path.join(shots, '5-hover.png') });
    // The walkthrough's "Hover a trait tag": the tag and its hover, at 2x.
    await hoverText(page, 'empathy');
    const hoverBox = await page.locator(sel.hover).first().boundingBox();
    const tag = await findWord(page, 'empathy');
    const top = Math.min(hoverBox.y, tag.y - 12);
    await crispShot(page, { x: Math.min(hoverBox.x, tag.x - 60), y: top, width: hoverBox.x + hoverBox.width - Math.min(hoverBox.x, tag.x - 60), height: Math.max(hoverBox.y + hoverBox.height, tag.y + 12) - top }, 'walkthrough-hover.png');
    // "Write about it" runs New Entry for that trait, asking for the title.
    await hoverText(page, 'empathy');
    await page.locator('.monaco-hover:not(.hidden) a', { hasText: 'Write about it' }).click();
    await page.locator(sel.quickInput, { hasText: `New Entry about ${nextLabel}` }).waitFor({ state: 'visible' });
    await page.keyboard.type('What I tried next');
    await page.keyboard.press('Enter');
    const name = `${localDay()}-what-i-tried-next.md`;
    await page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`).waitFor({ state: 'visible' });
    // The palette's entry (Empathy, Time Management) came first.
    const before = EXAMPLE_JOURNAL.counts[nextId] + (nextId === 'empathy' || nextId === 'time-management' ? 1 : 0);
    await waitForRowDescription(page, nextLabel, entries(before + 1));
    await page.keyboard.press('Control+W');
    await page.mouse.move(5, 5);
  });

  it('completes a #tag with the traits the journal needs most first', async () => {
    await page.locator(sel.editorLine, { hasText: 'She asked about on-call.' }).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' #');
    const widget = page.locator('.editor-widget.suggest-widget.visible');
    await widget.waitFor({ state: 'visible' });
    const first = (await widget.locator('.monaco-list-row .label-name').first().innerText()).trim();
    // The one rule's order: completion offers first what the Balance row's tooltip suggests.
    await page.keyboard.press('Escape');
    // Hover again until the tooltip shows: a redraw of the row under a resting pointer (the
    // editor's change redraws Look back) hides a hover that VS Code does not show again.
    const balance = page.locator('.part.sidebar .monaco-list-row', { hasText: 'L ' }).first();
    const tooltip = page.locator('.workbench-hover-container, .monaco-hover:not(.hidden)').filter({ hasText: 'Try next' }).first();
    await hoverUntilShown(page, balance, tooltip).catch(() => assert.fail('the Balance row shows its tooltip'));
    const label = suggested(await tooltip.innerText());
    assert.equal(TRAIT_LABELS[first], label);
    await page.mouse.move(900, 700);
    await page.locator(sel.editorLine, { hasText: 'She asked about on-call.' }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('#');
    await widget.waitFor({ state: 'visible' });
    await shot(page, '5b-completion.png');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Control+S');
  });

  it('opens an entry from a trait\'s list and creates one with the trait\'s + button', async () => {
    const innovation = await waitForTreeRow(page, 'Innovation');
    await innovation.click();
    // Away from the row, so its tooltip does not cover the entries below it.
    await page.mouse.move(900, 700);
    await page.locator('.context-view .monaco-hover, .workbench-hover-container').first().waitFor({ state: 'hidden', timeout: 30_000 }).catch(() => {});
    const newest = EXAMPLE_JOURNAL.newestInnovation;
    const entryRow = await waitForTreeRow(page, newest.title);
    assert.equal((await entryRow.locator('.label-description').innerText()).trim(), newest.dayText);
    await entryRow.click();
    await page.locator(`.tabs-container .tab.active[aria-label*="${newest.file}"]`).waitFor({ state: 'visible' });

    // The + asks for the title, as New Entry does; Escape keeps the trait's name.
    await clickTraitPlus(page, innovation, 'Innovation');
    await shot(page, '6-trait-plus.png');
    await page.keyboard.press('Escape');
    const name = `${localDay()}-innovation.md`;
    await page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`).waitFor({ state: 'visible' });
    await waitForRowDescription(page, 'Innovation', entries(EXAMPLE_JOURNAL.counts.innovation + 1));
    // A second click asks again: no second entry behind the person's back.
    await clickTraitPlus(page, innovation, 'Innovation');
    await page.keyboard.type('Hackathon idea');
    await page.keyboard.press('Enter');
    await page.locator(`.tabs-container .tab.active[aria-label*="${localDay()}-hackathon-idea.md"]`).waitFor({ state: 'visible' });
    await waitForRowDescription(page, 'Innovation', entries(EXAMPLE_JOURNAL.counts.innovation + 2));
  });

  it('reveals the Traits view from the status bar', async () => {
    await page.locator('.activitybar .action-item a.action-label[aria-label^="Explorer"]').click();
    await page.locator('.part.sidebar .pane-header', { hasText: 'Traits' }).waitFor({ state: 'hidden' });
    await page.locator('.statusbar-item', { hasText: 'L ' }).first().click();
    await page.locator('.part.sidebar .composite.title', { hasText: 'Balance Journal' }).waitFor({ state: 'visible' });
    await waitForTreeRow(page, 'Leadership');
  });

  it('opens the trait picker with Ctrl+Alt+J, and Escape creates nothing and shows no error', async () => {
    const before = readdirSync(path.join(workspace, 'journal'), { recursive: true }).length;
    await page.locator(sel.editorLine).first().click();
    await page.keyboard.press('Control+Alt+J');
    await page.locator(sel.quickInput, { hasText: 'New Entry: traits (1/3)' }).waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await page.locator(sel.quickInput).waitFor({ state: 'hidden' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(readdirSync(path.join(workspace, 'journal'), { recursive: true }).length, before);
    assert.equal(await page.locator(sel.toast).count(), 0, 'no notification');
  });
});

describe('Balance Journal before there is a journal', { timeout: 600_000 }, () => {
  const state = workbenchOn((runDir) => {
    mkdirSync(path.join(runDir, 'empty'));
    return path.join(runDir, 'empty');
  });
  let page;
  before(() => {
    page = state.page;
  });

  step('welcomes a new user with a New Entry button that starts an entry', () => page, async () => {
    await waitForActivityBarItem(page, 'Balance Journal', { click: true });
    const welcome = page.locator('.part.sidebar .welcome-view-content');
    await welcome.filter({ hasText: 'No journal entries yet' }).waitFor({ state: 'visible' });
    await shot(page, '7-welcome.png');
    await welcome.locator('a.monaco-button', { hasText: 'New Entry' }).click();
    await page.locator(sel.quickInput, { hasText: 'New Entry: traits (1/3)' }).waitFor({ state: 'visible' });
    await quickInputSelect(page, 'Visionary Thinking');
    await page.keyboard.press('Enter');
    await page.locator(sel.quickInput, { hasText: 'New Entry: structure (2/3)' }).waitFor({ state: 'visible' });
    await page.keyboard.press('Enter'); // the structure offered first: Trait prompts
    await page.locator(sel.quickInput, { hasText: 'New Entry: title (3/3)' }).waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    const name = `${localDay()}-visionary-thinking.md`;
    await page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`).waitFor({ state: 'visible' });
    await waitForRowDescription(page, 'Visionary Thinking', entries(1));
    await waitForRowDescription(page, 'Leaning leadership', 'L 100% · M 0%');
  });
});

describe('Balance Journal with no folder open', { timeout: 600_000 }, () => {
  const state = workbenchOn(() => undefined);

  step('New Entry explains that a folder is needed and offers Open Folder', () => state.page, async () => {
    const { page } = state;
    await waitForActivityBarItem(page, 'Balance Journal', { click: true });
    await page.locator('.part.sidebar .welcome-view-content', { hasText: 'Open a folder' }).waitFor({ state: 'visible' });
    await runCommand(page, 'Balance Journal: New Entry');
    const toast = page.locator(sel.toast, { hasText: 'Open a folder to start your journal' });
    await toast.waitFor({ state: 'visible' });
    await toast.locator('a.monaco-button', { hasText: 'Open Folder' }).waitFor({ state: 'visible' });
    await shot(page, '8-no-folder.png');
  });
});

describe('Balance Journal in a multi-root workspace', { timeout: 600_000 }, () => {
  const state = workbenchOn((runDir) => {
    for (const name of ['work', 'personal']) mkdirSync(path.join(runDir, name, 'journal'), { recursive: true });
    const file = path.join(runDir, 'both.code-workspace');
    writeFileSync(file, JSON.stringify({ folders: [{ path: 'work' }, { path: 'personal' }] }));
    return file;
  });

  step('asks which folder keeps the entry, and writes it there', () => state.page, async () => {
    const { page, runDir } = state;
    await waitForActivityBarItem(page, 'Balance Journal', { click: true });
    await runCommand(page, 'Balance Journal: New Entry');
    await page.locator(sel.quickInputRow, { hasText: 'personal' }).waitFor({ state: 'visible' });
    assert.equal(await page.locator(sel.quickInputBox).getAttribute('placeholder'), 'Which workspace folder keeps this journal?');
    await quickInputSelect(page, 'personal');
    await page.locator(sel.quickInput, { hasText: 'New Entry: traits (1/3)' }).waitFor({ state: 'visible' });
    await quickInputSelect(page, 'Influence');
    await page.keyboard.press('Enter');
    await page.locator(sel.quickInput, { hasText: 'New Entry: structure (2/3)' }).waitFor({ state: 'visible' });
    await page.keyboard.press('Enter'); // the structure offered first: Trait prompts
    await page.locator(sel.quickInput, { hasText: 'New Entry: title (3/3)' }).waitFor({ state: 'visible' });
    await page.keyboard.type('Side project kickoff');
    await page.keyboard.press('Enter');
    const day = localDay();
    const name = `${day}-side-project-kickoff.md`;
    await page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`).waitFor({ state: 'visible' });
    assert.ok(existsSync(path.join(runDir, 'personal', 'journal', day.slice(0, 4), day.slice(5, 7), name)));
    assert.ok(!existsSync(path.join(runDir, 'work', 'journal', day.slice(0, 4))));
    await waitForRowDescription(page, 'Influence', entries(1));
  });

  step('follows a workspace folder being added and removed', () => state.page, async () => {
    const { page, runDir } = state;
    const extra = path.join(runDir, 'extra', 'journal', '2026', '10');
    mkdirSync(extra, { recursive: true });
    writeFileSync(path.join(extra, '2026-10-05-extra.md'), '---\ntags: [problem-solving]\n---\n# Extra\n');
    const file = path.join(runDir, 'both.code-workspace');
    writeFileSync(file, JSON.stringify({ folders: [{ path: 'work' }, { path: 'personal' }, { path: 'extra' }] }));
    await waitForRowDescription(page, 'Problem-Solving', entries(1));
    writeFileSync(file, JSON.stringify({ folders: [{ path: 'work' }, { path: 'personal' }] }));
    await waitForRowDescription(page, 'Problem-Solving', entries(0));
    await waitForRowDescription(page, 'Influence', entries(1));
  });
});

describe('Balance Journal on a journal of 30,000 entries', { timeout: 600_000 }, () => {
  let expected;
  const state = workbenchOn((runDir) => {
    const folder = path.join(runDir, 'big');
    expected = generateJournal(folder, 30000);
    return folder;
  });

  step('indexes in the background with progress, then shows the exact tally', () => state.page, async () => {
    const { page } = state;
    const started = Date.now();
    await waitForActivityBarItem(page, 'Balance Journal', { click: true });
    // The scan takes over a second here: the window shows a progress notification that can cancel it.
    const progress = page.locator(sel.toast, { hasText: 'Balance Journal: indexing' });
    await progress.waitFor({ state: 'visible', timeout: WAIT_MS });
    assert.ok(await progress.locator('a.monaco-button', { hasText: 'Cancel' }).count(), 'the notification can cancel');
    await shot(page, '9-indexing.png');
    // Partial counts can already give the final percentages: wait for the scan to finish (its
    // notification closes and the view's "Indexing your journal…" message goes), however long
    // this machine takes, then expect the exact tally. The generator wrote down what it put in
    // each file: counts from it, the balance by the README's rule.
    await progress.waitFor({ state: 'hidden', timeout: 4 * WAIT_MS });
    await page.locator('.part.sidebar', { hasText: 'Indexing your journal' }).waitFor({ state: 'hidden', timeout: WAIT_MS });
    const scanned = Date.now() - started;
    const counts = Object.fromEntries(Object.keys(TRAIT_LABELS).map((id) => [id, expected.counts.get(id) ?? 0]));
    const balance = balanceRow(counts);
    await waitForRowDescription(page, balance.label, balance.description);
    for (const [id, label] of Object.entries(TRAIT_LABELS)) await waitForRowDescription(page, label, entries(counts[id]));
    // 30,000 files are parsed on a worker thread (platform/parseWorker.ts), and it did not fail.
    const udd = state.server.userDataDir;
    assert.ok(logLines(udd).some((line) => /Parsing on a worker thread while the next files are read/.test(line)), logLines(udd).join('\n'));
    assert.ok(!logLines(udd).some((line) => /Parsing on a worker thread is not available/.test(line)), logLines(udd).join('\n'));
    const indexed = logLines(udd).find((line) => /Indexed 30000 entries in/.test(line))?.replace(/^.*\] /, '');
    console.log(`# 30,000 entries: scan finished ${scanned} ms, exact tally shown ${Date.now() - started} ms after the view was opened; the log: ${indexed}`);
  });

  step('a reload of the window shows the tally from the index cache and reads only what changed', () => state.page, async () => {
    const { page } = state;
    const udd = state.server.userDataDir;
    // The cache is written in the extension's workspace storage a few seconds after the scan.
    const deadline = Date.now() + WAIT_MS;
    while (filesNamed(udd, 'journal-index.bin').length === 0) {
      assert.ok(Date.now() < deadline, 'no index cache in the user data folder');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    // One file changes while the window is away (its tags stay, so the tally does not).
    const changed = expected.files[123];
    writeFileSync(changed, `${readFileSync(changed, 'utf8')}\nEdited while the window was reloading.\n`);
    const started = Date.now();
    await Promise.all([page.waitForEvent('load', { timeout: WAIT_MS }), runCommand(page, 'Developer: Reload Window')]);
    // The window may restore the view by itself; clicking its icon then would close it. Focus it.
    await waitForActivityBarItem(page, 'Balance Journal');
    await runCommand(page, 'Balance Journal: Focus on Traits View');
    const counts = Object.fromEntries(Object.keys(TRAIT_LABELS).map((id) => [id, expected.counts.get(id) ?? 0]));
    const balance = balanceRow(counts);
    await waitForRowDescription(page, balance.label, balance.description);
    for (const [id, label] of Object.entries(TRAIT_LABELS)) await waitForRowDescription(page, label, entries(counts[id]));
    const shown = Date.now() - started;
    // The new window's log: the records came from the cache, and only the changed file was read.
    let checked;
    while (!(checked = logLines(udd).find((line) => /Checked 30000 entries/.test(line)))) {
      assert.ok(Date.now() - started < 4 * WAIT_MS, `no check of the cache in the log:\n${logLines(udd).join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    assert.ok(logLines(udd).some((line) => /Restored 30000 entries from the index cache/.test(line)));
    const read = Number(/: (\d+) read again/.exec(checked)?.[1]);
    assert.ok(read >= 1 && read < 3000, checked); // the changed file, and files read within seconds of their last change
    await shot(page, '9-reloaded.png');
    console.log(`# 30,000 entries, reloaded: exact tally shown ${shown} ms after Reload Window; ${checked.replace(/^.*\] /, '')}`);
  });
});

/** Every file under `folder` called `name` (or whose name matches it). */
function filesNamed(folder, name) {
  const matches = (base) => (typeof name === 'string' ? base === name : name.test(base));
  return readdirSync(folder, { recursive: true }).filter((file) => matches(path.basename(String(file)))).map((file) => path.join(folder, String(file)));
}

/** The lines of every Balance Journal log of this server (each window writes its own). */
function logLines(udd) {
  return filesNamed(udd, /Balance Journal\.log$/).flatMap((file) => readFileSync(file, 'utf8').split('\n'));
}

/** The trait a tooltip or hover suggests: the label after "Try next:". */
function suggested(text) {
  const match = new RegExp(`Try next:\\**\\s*(${Object.values(TRAIT_LABELS).join('|')})\\b`).exec(text);
  assert.ok(match, `no suggestion in:\n${text}`);
  return match[1];
}
