// Small helpers to drive the VS Code 1.100 workbench (code-server) with a playwright Page.
// Selectors: see docs "testing in real vscode"; each helper waits for what it needs.

// Generous: a step fails on a wrong UI, not on a busy machine.
const T = 90000;

export const sel = {
  workbench: '.monaco-workbench',
  quickInput: '.quick-input-widget',
  quickInputBox: '.quick-input-widget .quick-input-box input',
  quickInputRow: '.quick-input-widget .monaco-list-row',
  sidebarRow: '.part.sidebar .monaco-list-row',
  editorLine: '.part.editor .editor-instance .view-line',
  hover: '.monaco-hover:not(.hidden)',
  toast: '.notifications-toasts .notification-toast',
  activityItem: (title) => `.activitybar .action-item a.action-label[aria-label^="${cssString(title)}"]`,
};

function cssString(s) {
  return String(s).replace(/["\\]/g, '\\$&');
}

function escapeRegExp(s) {
  return String(s).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The workbench DOM is up (extensions may still be starting). */
export async function waitForWorkbench(page, { timeout = T } = {}) {
  await page.locator(sel.workbench).first().waitFor({ state: 'visible', timeout });
}

/** Waits for a view container's activity bar icon (a sign the extension's contributions loaded). */
export async function waitForActivityBarItem(page, title, { timeout = T, click = false } = {}) {
  const item = page.locator(sel.activityItem(title)).first();
  await item.waitFor({ state: 'visible', timeout });
  if (click) {
    // Clicking an already active container would collapse the sidebar.
    const active = await item.evaluate((a) => a.closest('.action-item')?.classList.contains('checked') ?? false);
    if (!active) await item.click();
  }
  return item;
}

async function openQuickInput(page, key, { timeout = T } = {}) {
  // Focus the workbench first, or the key goes to nowhere right after load.
  await page.locator(sel.workbench).first().waitFor({ state: 'visible', timeout });
  const widget = page.locator(sel.quickInput);
  if (await widget.isVisible()) {
    await page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden', timeout });
  }
  await page.keyboard.press(key);
  await widget.waitFor({ state: 'visible', timeout });
  return widget;
}

/** Fills the open quick input (command palette, quick pick or input box). */
export async function quickInputType(page, text, { timeout = T } = {}) {
  const input = page.locator(sel.quickInputBox);
  await input.waitFor({ state: 'visible', timeout });
  await input.fill(text);
}

/** Quick-pick rows shown right now, as their visible labels (a snapshot: it does not wait). */
export async function quickInputRows(page) {
  return page.locator(sel.quickInputRow).evaluateAll((rows) =>
    rows.map((r) => (r.querySelector('.label-name') || r.querySelector('.monaco-icon-label') || r).textContent.trim()),
  );
}

/** Picks the quick-pick row whose label is `label` (string: exact, RegExp: match). */
export async function quickInputSelect(page, label, { timeout = T } = {}) {
  const rx = label instanceof RegExp ? label : new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`);
  const row = page
    .locator(sel.quickInputRow)
    .filter({ has: page.locator('.label-name', { hasText: rx }) })
    .first();
  await row.waitFor({ state: 'visible', timeout });
  await row.click();
  return row;
}

export async function quickInputPressEnter(page, { timeout = T } = {}) {
  await page.locator(sel.quickInputBox).waitFor({ state: 'visible', timeout });
  await page.keyboard.press('Enter');
}

/** Runs a command by its palette title, e.g. "Balance Journal: New Entry". */
export async function runCommand(page, title, { timeout = T } = {}) {
  // Enter on the highlighted row, as a person does; a click while the list re-renders can miss.
  const focused = page
    .locator(`${sel.quickInputRow}.focused`)
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(title)}\\s*$`) }) })
    .first();
  // The palette lists the commands known when it opens: in a window that is still loading its
  // extensions (after a reload, say) a command may come a little later. Open it again until the
  // command is there, as a person would.
  const started = Date.now();
  for (;;) {
    await openQuickInput(page, 'F1', { timeout });
    await quickInputType(page, `>${title}`, { timeout });
    const left = timeout - (Date.now() - started);
    const shown = await focused.waitFor({ state: 'visible', timeout: Math.max(1000, Math.min(15_000, left)) }).then(() => true, () => false);
    if (shown) break;
    if (left <= 15_000) throw new Error(`the palette does not offer "${title}"`);
    await page.keyboard.press('Escape');
  }
  await page.keyboard.press('Enter');
  // The palette closes (a quick pick of the command may replace it): don't let callers see stale rows.
  await focused.waitFor({ state: 'hidden', timeout });
}

/**
 * Rows rendered in the side bar trees: [{ label, description }]. Waits until at least `minRows`
 * rows are rendered (minRows: 0 for an immediate snapshot).
 */
export async function readTreeRows(page, { root = '.part.sidebar', minRows = 1, timeout = T } = {}) {
  const rows = page.locator(`${root} .monaco-list-row`);
  if (minRows > 0) {
    await page
      .waitForFunction(([s, n]) => document.querySelectorAll(s).length >= n, [`${root} .monaco-list-row`, minRows], { timeout })
      .catch(() => {
        throw new Error(`fewer than ${minRows} tree row(s) in ${root} after ${timeout} ms`);
      });
  }
  return rows.evaluateAll((els) =>
    els.map((r) => ({
      label: r.querySelector('.label-name')?.textContent?.trim() ?? r.textContent.trim(),
      description: r.querySelector('.label-description')?.textContent?.trim() ?? '',
    })),
  );
}

/** Waits until a side bar row with this label is rendered; returns its locator. */
export async function waitForTreeRow(page, label, { timeout = T } = {}) {
  const rx = label instanceof RegExp ? label : new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`);
  const row = page
    .locator(sel.sidebarRow)
    .filter({ has: page.locator('.label-name', { hasText: rx }) })
    .first();
  await row.waitFor({ state: 'visible', timeout });
  return row;
}

/** Quick Open (Ctrl+P) a workspace file by name or relative path; waits for its editor. */
export async function openFile(page, name, { timeout = T } = {}) {
  await openQuickInput(page, 'Control+P', { timeout });
  await quickInputType(page, name, { timeout });
  const base = name.split('/').pop();
  const row = page
    .locator(sel.quickInputRow)
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(base)}\\s*$`) }) })
    .first();
  await row.waitFor({ state: 'visible', timeout });
  await page.keyboard.press('Enter');
  await page.locator(sel.quickInput).waitFor({ state: 'hidden', timeout });
  await page.locator(`.tabs-container .tab.active[aria-label*="${cssString(base)}"]`).first().waitFor({ state: 'visible', timeout });
  await page.locator(sel.editorLine).first().waitFor({ state: 'visible', timeout });
}

/**
 * Screen position of `word` in the visible editor text (whole word, `occurrence` counts from 1).
 * Uses a DOM Range over the line's text nodes, so a word split across token spans still works.
 */
export async function findWord(page, word, { occurrence = 1 } = {}) {
  return page.evaluate(
    ({ word, occurrence, lineSel }) => {
      const isWordChar = (c) => !!c && /[\p{L}\p{N}_-]/u.test(c);
      let seen = 0;
      for (const line of document.querySelectorAll(lineSel)) {
        const nodes = [];
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
        // VS Code renders spaces as U+00A0.
        const text = nodes.map((n) => n.data).join('').replace(/\u00a0/g, ' ');
        for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + 1)) {
          if (isWordChar(text[i - 1]) || isWordChar(text[i + word.length])) continue;
          if (++seen < occurrence) continue;
          const locate = (offset) => {
            for (const n of nodes) {
              if (offset <= n.data.length) return [n, offset];
              offset -= n.data.length;
            }
            return [nodes[nodes.length - 1], nodes[nodes.length - 1].data.length];
          };
          const range = document.createRange();
          range.setStart(...locate(i));
          range.setEnd(...locate(i + word.length));
          const rect = range.getClientRects()[0] || range.getBoundingClientRect();
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }
      }
      return null;
    },
    { word, occurrence, lineSel: sel.editorLine },
  );
}

/** Hovers `word` in the open editor and returns the hover's text. */
export async function hoverText(page, word, { occurrence = 1, timeout = T } = {}) {
  const pos = await findWord(page, word, { occurrence });
  if (!pos) throw new Error(`"${word}" is not visible in the editor`);
  // Start away from the text so a hover from before closes and a new one starts.
  await page.mouse.move(5, 5);
  await page.locator(sel.hover).first().waitFor({ state: 'hidden', timeout }).catch(() => {});
  const hover = page.locator(sel.hover).first();
  // The editor sometimes ignores the first stop of the mouse (seen in the front matter right after
  // typing): nudge it a pixel and wait again, as a person would.
  const deadline = Date.now() + timeout;
  for (let attempt = 0; ; attempt++) {
    await page.mouse.move(pos.x + (attempt % 2), pos.y, { steps: 5 });
    try {
      await hover.waitFor({ state: 'visible', timeout: Math.min(2000, Math.max(1, deadline - Date.now())) });
      break;
    } catch (error) {
      if (Date.now() >= deadline) throw error;
    }
  }
  // Content may render in steps ("Loading..." first).
  await page.waitForFunction((s) => {
    const t = document.querySelector(s)?.innerText?.trim() ?? '';
    return t && !/^Loading\.\.\.$/.test(t);
  }, sel.hover, { timeout });
  await settleAnimations(page);
  return (await hover.innerText()).trim();
}

/** Waits for finite CSS animations (e.g. the hover fade-in) so screenshots show the end state. */
export async function settleAnimations(page) {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => {})),
    ),
  );
}

/** Messages of the notification toasts on screen. */
export async function notifications(page) {
  return page
    .locator(sel.toast)
    .evaluateAll((toasts) => toasts.map((t) => (t.querySelector('.notification-list-item-message') || t).textContent.trim()));
}

/** Waits for a toast whose message contains `text` (string or RegExp); returns the message. */
export async function waitForNotification(page, text, { timeout = T } = {}) {
  const toast = page.locator(sel.toast).filter({ hasText: text }).first();
  await toast.waitFor({ state: 'visible', timeout });
  return (await toast.locator('.notification-list-item-message').first().textContent()).trim();
}
