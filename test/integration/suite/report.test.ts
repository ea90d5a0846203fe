import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseEntry } from '../../../src/core/entryParser';
import { traitById } from '../../../src/core/traits';
import { api, exists, journalUri, localDay, waitFor } from './helpers';

const SHOW = 'balanceJournal.showReport';
const EXPORT = 'balanceJournal.exportReport';

function reportTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('balanceJournal.report'));
}

async function showReport(): Promise<vscode.WebviewPanel> {
  const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>(SHOW);
  assert.ok(panel, 'the command returns the panel');
  return panel;
}

/** Trait tags per side in the local week starting on `monday`, counted the naive way. */
async function naiveWeek(monday: Date): Promise<{ leadership: number; management: number; entries: number }> {
  const { index } = await api();
  const end = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + 7);
  const result = { leadership: 0, management: 0, entries: 0 };
  for (const entry of index.values()) {
    if (entry.tags.includes('balance-report')) continue;
    const time = Number.isFinite(entry.time) ? entry.time : Number.NaN;
    if (!(time >= monday.getTime() && time < end.getTime())) continue;
    result.entries++;
    for (const tag of new Set(entry.tags)) {
      const side = traitById(tag)?.side;
      if (side) result[side]++;
    }
  }
  return result;
}

/** A trait's name in the report: a button that opens the trait's entries. */
function traitButton(label: string): string {
  return `<button type="button" class="link" data-trait="[a-z-]+" title="Show the entries about ${label}">${label}</button>`;
}

function nonceOf(html: string): string | undefined {
  return /'nonce-([^']+)'/.exec(html)?.[1];
}

function isoWeekLabel(monday: Date): string {
  const thursday = new Date(Date.UTC(monday.getFullYear(), monday.getMonth(), monday.getDate() + 3));
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / 86400000 / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

describe('Balance Report', () => {
  const created: vscode.Uri[] = [];

  after(async () => {
    const { index } = await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created) if (await exists(uri)) await vscode.workspace.fs.delete(uri);
    const reports = journalUri('reports');
    if (await exists(reports)) await vscode.workspace.fs.delete(reports, { recursive: true });
    await waitFor('the reports to leave the index', () => created.every((uri) => !index.get(uri.toString())));
  });

  it('opens one webview panel titled "Balance Report", and reveals it when run again', async () => {
    await api();
    const panel = await showReport();
    assert.equal(panel.title, 'Balance Report');
    await waitFor('the report tab', () => reportTabs().length === 1);
    assert.equal(reportTabs()[0].label, 'Balance Report');
    const again = await showReport();
    assert.equal(again, panel, 'the same panel');
    assert.equal(reportTabs().length, 1);
  });

  it('its page says it is shown, with the nonce of the page sent last (a lost page is sent again)', async () => {
    await api();
    const panel = await showReport();
    const shown: unknown[] = [];
    const listening = panel.webview.onDidReceiveMessage((message: { type?: unknown; nonce?: unknown }) => {
      if (message?.type === 'shown') shown.push(message.nonce);
    });
    try {
      // Another year is another page: the one this test hears load. A change to the journal
      // meanwhile (a file event of an earlier suite arriving late) sends a newer page, whose
      // nonce is then the one to hear: the panel's html is always the page sent last.
      const shownPanel = await vscode.commands.executeCommand<vscode.WebviewPanel>(SHOW, { year: 2024 });
      assert.ok(nonceOf(shownPanel.webview.html));
      await waitFor('the page sent last to say it is shown', () => {
        const nonce = nonceOf(shownPanel.webview.html);
        return nonce !== undefined && shown.includes(nonce);
      });
    } finally {
      listening.dispose();
      await vscode.commands.executeCommand(SHOW, { year: new Date().getFullYear() });
    }
  });

  it('has a strict CSP with a fresh nonce, and no inline script or style', async () => {
    const panel = await showReport();
    const html = panel.webview.html;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.ok(csp, 'a CSP meta tag');
    const source = panel.webview.cspSource;
    assert.ok(csp.startsWith(`default-src 'none'; img-src ${source} data:; style-src ${source}; script-src 'nonce-`), csp);
    assert.match(csp, /; script-src 'nonce-[A-Za-z0-9+/=]{16,}';$/);
    assert.ok(!html.includes('unsafe-inline') && !html.includes('unsafe-eval'));
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.equal(scripts.length, 1);
    assert.ok(scripts[0].includes(`nonce="${nonce}"`) && /src="[^"]+report\.js"/.test(scripts[0]), scripts[0]);
    assert.ok(!/\son[a-z]+=/i.test(html), 'no inline event handlers');
    assert.ok(!/\sstyle=/i.test(html), 'no style attributes (the CSP would block them)');
    assert.ok(!/<style\b/i.test(html), 'no <style> elements');
  });

  it('shows the fixture journal\'s numbers in the tables', async () => {
    const { index } = await api();
    const html = (await showReport()).webview.html;
    assert.ok(html.includes('Leadership 50% · Management 50% · balanced'), 'the balance headline');
    assert.match(html, /<table id="weeks-table">\s*<caption id="weeks-caption">Trait tags per ISO week/);
    // Per trait, all time: the fixture's tally.
    const expected: Record<string, number> = {
      'Visionary Thinking': 0, Empathy: 2, Innovation: 0, Influence: 1,
      'Organizational Skills': 1, 'Decision-Making': 1, 'Problem-Solving': 0, 'Time Management': 1,
    };
    for (const [label, count] of Object.entries(expected)) {
      assert.match(html, new RegExp(`<th scope="row">${traitButton(label)}(?: <span class="tag">next</span>)?</th><td>(Leadership|Management)</td><td class="num">${count}</td>`), label);
    }
    assert.equal(index.countOf('empathy'), 2);
    // Per week, the last 12 local weeks: equal to a naive recount from the index.
    const now = new Date();
    const thisMonday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - ((now.getDay() + 6) % 7));
    for (let back = 11; back >= 0; back--) {
      const monday = new Date(thisMonday.getFullYear(), thisMonday.getMonth(), thisMonday.getDate() - 7 * back);
      const week = await naiveWeek(monday);
      const row = new RegExp(`<th scope="row">${isoWeekLabel(monday)}(?: <span class="tag">this week</span>)?</th><td>[^<]+</td><td class="num">${week.leadership}</td><td class="num">${week.management}</td><td class="num">${week.entries}</td>`);
      assert.match(html, row, `week ${isoWeekLabel(monday)}`);
    }
    assert.match(html, /<svg [^>]*role="img"[^>]*aria-labelledby="weekly-title weekly-desc"/);
    assert.match(html, /<button id="export" type="button"[^>]*>Export as Markdown<\/button>/);
    for (const strategy of ['Develop Dual Skills', 'Foster Collaboration', 'Continuous Learning']) assert.ok(html.includes(`<h3>${strategy}</h3>`), strategy);
  });

  it('shows a year calendar of ISO weeks, each day named with its entries, and moves to another year', async () => {
    const html = (await vscode.commands.executeCommand<vscode.WebviewPanel>(SHOW, { year: 2026 })).webview.html;
    assert.match(html, /<h2 id="calendar-heading">Year calendar 2026<\/h2>/);
    assert.match(html, /<table id="calendar" class="calendar" role="grid"/);
    assert.equal(html.match(/role="gridcell"/g)?.length, 53 * 7, '2026 has 53 ISO weeks');
    assert.ok(html.includes('data-day="2026-10-01" data-entries="1" tabindex="-1" aria-label="Thursday, October 1, 2026: 1 entry, leadership 2, management 0"'), 'the first one-on-one');
    assert.ok(html.includes('aria-label="Friday, October 2, 2026: 1 entry, leadership 1, management 1"'));
    assert.ok(html.includes('class="bj-day bj-mix-management bj-level-1" data-day="2026-11-01"'));
    assert.ok(html.includes('aria-label="Saturday, October 31, 2026: no entries"'));
    assert.match(html, /<button id="prev-year"[^>]*data-year="2025"/);
    const earlier = (await vscode.commands.executeCommand<vscode.WebviewPanel>(SHOW, { year: 2025 })).webview.html;
    assert.match(earlier, /Year calendar 2025/);
    assert.equal(earlier.match(/role="gridcell"/g)?.length, 52 * 7);
    // Back to this year for the other tests.
    await vscode.commands.executeCommand(SHOW, { year: 2026 });
  });

  it('opens a day\'s entry from the calendar (balanceJournal.openDay), and nothing for a day without one', async () => {
    const opened = await vscode.commands.executeCommand<vscode.Uri[]>('balanceJournal.openDay', '2026-10-01');
    assert.equal(opened.length, 1);
    assert.match(opened[0].path, /\/journal\/2026\/10\/2026-10-01-first-one-on-one\.md$/);
    await waitFor('the entry to open', () => vscode.window.activeTextEditor?.document.uri.toString() === opened[0].toString());
    for (const day of ['2026-10-31', '2026-02-30', '../../etc/passwd', 42, undefined]) {
      assert.deepEqual(await vscode.commands.executeCommand('balanceJournal.openDay', day), [], String(day));
    }
  });

  it('exports to journal/reports/balance-report-<day>.md; again today: update it, open it, or a new file only on request', async () => {
    const { index } = await api();
    const day = localDay();
    const first = await vscode.commands.executeCommand<vscode.Uri | undefined>(EXPORT);
    assert.ok(first, 'the export returns the file');
    created.push(first);
    assert.equal(first.toString(), journalUri('reports', `balance-report-${day}.md`).toString());
    const read = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const firstText = await read(first);

    // Open it: the same file, as it is.
    const opened = await vscode.commands.executeCommand<vscode.Uri | undefined>(EXPORT, { ifExists: 'open' });
    assert.equal(opened?.toString(), first.toString());
    assert.equal(await read(first), firstText);

    // Update it: a WorkspaceEdit of that file (an open editor follows), no new file.
    const editor = await vscode.window.showTextDocument(first);
    await editor.edit((edit) => edit.insert(new vscode.Position(editor.document.lineCount, 0), '\nA note of mine.\n'));
    await editor.document.save();
    const updated = await vscode.commands.executeCommand<vscode.Uri | undefined>(EXPORT, { ifExists: 'update' });
    assert.equal(updated?.toString(), first.toString());
    await waitFor('the update to be saved', async () => !(await read(first)).includes('A note of mine.'));
    assert.equal(editor.document.getText(), await read(first));
    assert.equal(editor.document.isDirty, false);
    assert.match(await read(first), /^---\ndate: .*\nkind: report\n/);
    assert.equal(await exists(journalUri('reports', `balance-report-${day}-2.md`)), false, 'no second file');

    // A new file only on request.
    const second = await vscode.commands.executeCommand<vscode.Uri | undefined>(EXPORT, { ifExists: 'new' });
    assert.ok(second);
    created.push(second);
    assert.equal(second.toString(), journalUri('reports', `balance-report-${day}-2.md`).toString());

    for (const uri of [first, second]) {
      const text = await read(uri);
      const parsed = parseEntry(text, uri.path.split('/').pop());
      assert.deepEqual(parsed.tags, ['balance-report']);
      assert.deepEqual(parsed.problems, []);
      assert.equal(parsed.day, day);
      assert.match(text, /\| Empathy \| Leadership \| 2 \|/);
      // Escaped only where Markdown would misread it.
      assert.match(text, /\| Decision-Making \| Management \| 1 \|/);
      assert.doesNotMatch(text, /\\[-.()]/);
    }
    assert.ok(vscode.window.visibleTextEditors.some((editor) => editor.document.uri.toString() === second.toString()), 'the report is opened');
    // The exported reports are indexed like any file, but change no trait count.
    await waitFor('the reports to be indexed', () => created.every((uri) => index.get(uri.toString())));
    assert.equal(index.balance().leadership, 3);
    assert.equal(index.balance().management, 3);
  });

  it('shows the range asked for (4, 12, 52 weeks or all), and keeps it', async () => {
    await api();
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>(SHOW, { weeks: 4 });
    await waitFor('four weeks', () => (panel.webview.html.match(/<tr( class="current")?><th scope="row">\d{4}-W\d\d/g) ?? []).length === 4);
    assert.match(panel.webview.html, /data-range="4" aria-pressed="true">4 weeks</);
    assert.match(panel.webview.html, /<h2 id="weeks-heading">Last 4 weeks<\/h2>/);
    // Shown again without a range: the one chosen.
    panel.dispose();
    const again = await showReport();
    assert.match(again.webview.html, /data-range="4" aria-pressed="true"/);
    const all = await vscode.commands.executeCommand<vscode.WebviewPanel>(SHOW, { weeks: 'all' });
    // The fixture's first entry is in 2026-W40.
    await waitFor('every week since the first entry', () => /<h2 id="weeks-heading">Every week since your first entry<\/h2>/.test(all.webview.html));
    assert.match(all.webview.html, /<th scope="row">2026-W40<\/th>/);
    await vscode.commands.executeCommand(SHOW, { weeks: 12 });
  });

  it('says what to reflect on next and why, with a Write about it button and tables behind a toggle', async () => {
    const html = (await showReport()).webview.html;
    assert.match(html, /Next: <button type="button" class="link" data-trait="visionary-thinking"[^>]*>Visionary Thinking<\/button> \(Leadership, 0 entries\)\. Visionary Thinking has no entries yet, and both sides are even\./);
    assert.match(html, /<button id="write-about" type="button" data-trait="visionary-thinking">Write about it<\/button>/);
    assert.match(html, /<button type="button" class="secondary table-toggle" aria-expanded="false" aria-controls="weeks-table-wrap"/);
    assert.match(html, /<a class="bj-link" href="#" data-trait="empathy">/);
  });

  it('opens a trait\'s entries in the Traits view (the report\'s trait names)', async () => {
    await api();
    assert.equal(await vscode.commands.executeCommand('balanceJournal.showTraitEntries', 'empathy'), true);
    assert.equal(await vscode.commands.executeCommand('balanceJournal.showTraitEntries', '../../etc'), false);
  });

  it('follows the journal live', async () => {
    const { index } = await api();
    const panel = await showReport();
    const day = localDay();
    const uri = journalUri(day.slice(0, 4), day.slice(5, 7), `${day}-report-live.md`);
    created.push(uri);
    const before = index.countOf('innovation');
    const nonceBefore = nonceOf(panel.webview.html);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`---\ndate: ${day}T12:00:00Z\ntags: [innovation]\n---\n# Live\n`));
    await waitFor('the index to count the entry', () => index.countOf('innovation') === before + 1);
    const row = new RegExp(`<th scope="row">${traitButton('Innovation')}(?: <span class="tag">next</span>)?</th><td>Leadership</td><td class="num">${before + 1}</td>`);
    await waitFor('the panel to show the new count', () => row.test(panel.webview.html));
    assert.notEqual(nonceOf(panel.webview.html), nonceBefore, 'a fresh nonce for the new page');
  });

  it('closes and reopens cleanly', async () => {
    const panel = await showReport();
    panel.dispose();
    await waitFor('the tab to close', () => reportTabs().length === 0);
    const reopened = await showReport();
    assert.notEqual(reopened, panel);
    await waitFor('the new tab', () => reportTabs().length === 1);
    reopened.dispose();
  });
});
