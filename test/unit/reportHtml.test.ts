import { afterEach, describe, expect, it } from 'vitest';
import { buildBalanceReport } from '../../src/core/balanceReport';
import { parseEntry } from '../../src/core/entryParser';
import { JournalIndex } from '../../src/core/journalIndex';
import { calendarHtml } from '../../src/core/reportCalendar';
import { reportHtml, sentence } from '../../src/core/reportHtml';
import { configureTraits } from '../../src/core/traits';
import { UTC, wallTime } from './zones';

const resources = { cspSource: 'vscode-resource:', nonce: 'N0NCE', styleUri: 'style.css', scriptUri: 'report.js' };

// The start of every report page, written out by hand: the head with its policy, and the title.
const PAGE_START = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src vscode-resource: data:; style-src vscode-resource:; script-src 'nonce-N0NCE';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="style.css">
<title>Balance Report</title>
</head>
<body>
<main>
<header class="top">
  <div>
    <h1>Balance Report</h1>
`;

// The end of every report page: the source's closing line, then the script under its nonce.
const PAGE_END = `  <p class="closing"><em>You don&#39;t need to have direct reports to display leadership or management skills.</em></p>
</section>
</main>
<script nonce="N0NCE" src="report.js"></script>
</body>
</html>`;

describe('reportHtml', () => {
  afterEach(() => configureTraits([]));

  it('escapes every name from settings and files, and runs only its own nonce script', () => {
    configureTraits([{ id: 'coaching', label: `<script>alert(1)</script> $& $' "x"`, side: 'leadership', description: '<img src=x onerror=alert(1)>', prompts: ['Why?'] }]);
    const index = new JournalIndex();
    index.set('/j/a.md', 'a.md', parseEntry('---\ndate: 2026-11-23T10:00:00+01:00\ntags: [coaching]\n---\n# <b>Title</b> #x'));
    const html = reportHtml(buildBalanceReport(index, { now: new Date(2026, 10, 27, 12) }), resources);
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>Title</b>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62; $&#38; $&#39; &#34;x&#34;');
    // One script element, ours, with the nonce; a CSP that allows nothing else.
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('<script nonce="N0NCE" src="report.js"></script>');
    expect(html).toContain("default-src 'none'");
  });

  it('shows the welcome text and New Entry on an empty journal, with export disabled', () => {
    const html = reportHtml(buildBalanceReport(new JournalIndex(), { now: new Date(2026, 10, 27, 12) }), resources);
    expect(html).toContain('<h2 id="welcome-heading">Your report starts with your first entry</h2>');
    expect(html).toContain('<button id="new-entry" type="button">New Entry</button>');
    expect(html).toMatch(/<button id="export"[^>]* disabled>Export as Markdown<\/button>/);
    // No rows of zeros, no "no entries yet" in lower case, no next step to offer an untouched trait.
    expect(html).not.toContain('<table');
    expect(html).not.toContain('no entries yet');
    expect(html).not.toContain('Strategies and next steps');
  });

  it('has the suggestion with why and a Write about it button, trait names that open their entries, a range control and tables behind toggles', () => {
    const index = new JournalIndex();
    index.set('/j/a.md', 'a.md', parseEntry('---\ndate: 2026-11-23T10:00:00+01:00\ntags: [empathy, influence]\n---\n# A'));
    const report = buildBalanceReport(index, { now: new Date(2026, 10, 27, 12), weeks: 4 });
    const html = reportHtml(report, resources);
    expect(report.focus.id).toBe('organizational-skills');
    expect(html).toContain(`Next: <button type="button" class="link" data-trait="organizational-skills" title="Show the entries about Organizational Skills">Organizational Skills</button> (Management, 0 entries). ${report.focusWhy}`);
    expect(html).toContain('<button id="write-about" type="button" data-trait="organizational-skills">Write about it</button>');
    // The chart's trait names are links to their entries too.
    expect(html).toContain('<a class="bj-link" href="#" data-trait="empathy">');
    // The range control, with the current range pressed.
    expect(html).toContain('<button type="button" class="secondary range-choice" data-range="4" aria-pressed="true">4 weeks</button>');
    expect(html).toContain('data-range="all" aria-pressed="false">All</button>');
    // Each chart's table: in the page for screen readers, shown on request.
    for (const id of ['weeks-table', 'traits-table']) {
      expect(html).toContain(`aria-controls="${id}-wrap"`);
      expect(html).toMatch(new RegExp(`<div id="${id}-wrap" class="table-wrap visually-hidden" role="region"`));
    }
    expect(html).toContain('<p class="meta">Nov 27, 2026 · 1 entry in the journal</p>');
  });

  it('sentence keeps $& and $\' in fragments as written', () => {
    expect(sentence((name) => `Focus on ${name} & more`, "<b>$& $' $$</b>")).toBe("Focus on <b>$& $' $$</b> &#38; more");
  });

  describe('the whole page', () => {
    const now = wallTime(UTC, 2026, 11, 27, 12); // a Friday in 2026-W48 (Nov 23 – 29)

    function journal(entries: readonly [name: string, day: string, tags: string[]][]): JournalIndex {
      const index = new JournalIndex();
      for (const [name, day, tags] of entries) {
        const [y, m, d] = day.split('-').map(Number);
        index.set(`/j/${name}.md`, `${name}.md`, { title: name, day, time: wallTime(UTC, y, m, d, 9).getTime(), tags, problems: [] });
      }
      return index;
    }

    /** The charts are reportCharts.ts's to test: each one is kept as its id prefix (from its aria-labelledby). */
    function withoutCharts(html: string): string {
      return html.replace(/<figure class="chart"><svg [^>]*aria-labelledby="(\w+)-title \1-desc"[\s\S]*?<\/svg><\/figure>/g, '<figure class="chart">[chart $1]</figure>');
    }

    /** From `start` up to the end of its card. */
    function card(html: string, start: string): string {
      const from = html.indexOf(start);
      expect(from).toBeGreaterThanOrEqual(0);
      return html.slice(from, html.indexOf('</section>', from) + '</section>'.length);
    }

    it('has every part of a journal with entries, in order: header, balance, calendar, weeks, traits and strategies', () => {
      // Every trait has entries, so the focus (Organizational Skills, 2 entries) is neither the
      // first trait (Visionary Thinking, 3 entries) nor at 0; Time Management has one entry before
      // the two weeks shown, so its all-time count (3) differs from its recent one (2).
      const index = journal([
        ['d', '2026-11-02', ['time-management']],
        ['b', '2026-11-17', ['visionary-thinking', 'empathy', 'innovation', 'influence', 'organizational-skills', 'decision-making', 'problem-solving', 'time-management']],
        ['c', '2026-11-18', ['visionary-thinking', 'organizational-skills', 'decision-making', 'problem-solving', 'time-management']],
        ['a', '2026-11-23', ['visionary-thinking', 'empathy', 'innovation', 'influence']],
      ]);
      const report = buildBalanceReport(index, { now, zone: UTC, weeks: 2 });
      expect(report.focus.id).toBe('organizational-skills');
      const html = withoutCharts(reportHtml(report, resources)).replace(calendarHtml(report.calendar), '[calendar]');
      const link = (id: string, label: string) => `<button type="button" class="link" data-trait="${id}" title="Show the entries about ${label}">${label}</button>`;
      // The sentences of the why and of the next steps are reportModel.ts's (and tested there).
      const [develop, collaborate, learn] = report.steps.map((s) => s.nextStep);
      expect(html).toBe(`${PAGE_START}    <p class="meta">Nov 27, 2026 · 4 entries in the journal</p>
  </div>
  <div class="actions">
    <button id="export" type="button" class="secondary" aria-describedby="export-help" data-busy-text="Exporting…">Export as Markdown</button>
    <p id="export-help" class="help">Saves <code>reports/balance-report-2026-11-27.md</code> in the journal folder; a second export today offers to update it.</p>
    <p id="status" class="status" role="status" aria-live="polite"></p>
  </div>
</header>

<section class="card balance state-balanced" aria-labelledby="balance-heading">
  <h2 id="balance-heading">Balance</h2>
  <p class="headline">Leadership 50% · Management 50% · balanced</p>
  <svg class="split" role="presentation" aria-hidden="true" viewBox="0 0 100 4" preserveAspectRatio="none" width="100%" height="12"><rect class="bj-bar bj-leadership" x="0" y="0" width="50" height="4"/><rect class="bj-bar bj-management" x="50" y="0" width="50" height="4"/></svg>
  <p class="counts"><span class="swatch bj-leadership-swatch" aria-hidden="true"></span>Leadership: 9 trait tags · <span class="swatch bj-management-swatch" aria-hidden="true"></span>Management: 9 trait tags</p>
  <p class="streaks">Current streak: 2 weeks with at least one entry, this week included. Longest streak: 2 weeks (2026-W47 to 2026-W48).</p>
  <div class="next-trait">
    <p class="focus-line">Next: ${link('organizational-skills', 'Organizational Skills')} (Management, 2 entries). ${report.focusWhy}</p>
    <button id="write-about" type="button" data-trait="organizational-skills">Write about it</button>
  </div>
</section>





[calendar]

<section class="card" aria-labelledby="weeks-heading">
  <div class="card-head"><h2 id="weeks-heading">Last 2 weeks</h2><div class="range" role="group" aria-label="Weeks shown"><button type="button" class="secondary range-choice" data-range="4" aria-pressed="false">4 weeks</button><button type="button" class="secondary range-choice" data-range="12" aria-pressed="false">12 weeks</button><button type="button" class="secondary range-choice" data-range="52" aria-pressed="false">52 weeks</button><button type="button" class="secondary range-choice" data-range="all" aria-pressed="false">All</button></div></div>
  <figure class="chart">[chart weekly]</figure>
  <button type="button" class="secondary table-toggle" aria-expanded="false" aria-controls="weeks-table-wrap" data-show-text="Show as table" data-hide-text="Hide table">Show as table</button>
  <div id="weeks-table-wrap" class="table-wrap visually-hidden" role="region" aria-labelledby="weeks-caption">
    <table id="weeks-table">
      <caption id="weeks-caption">Trait tags per ISO week, 2026-W47 to 2026-W48 (Nov 16 – 29, 2026). An entry counts once per trait tag.</caption>
      <thead><tr><th scope="col">Week</th><th scope="col">Dates</th><th scope="col" class="num">Leadership</th><th scope="col" class="num">Management</th><th scope="col" class="num">Entries</th></tr></thead>
      <tbody>` +
        '<tr><th scope="row">2026-W47</th><td>Nov 16 – 22, 2026</td><td class="num">5</td><td class="num">8</td><td class="num">2</td></tr>' +
        '<tr class="current"><th scope="row">2026-W48 <span class="tag">this week</span></th><td>Nov 23 – 29, 2026</td><td class="num">4</td><td class="num">0</td><td class="num">1</td></tr>' +
        `</tbody>
    </table>
  </div>
</section>

<section class="card" aria-labelledby="traits-heading">
  <h2 id="traits-heading">Traits</h2>
  <figure class="chart">[chart traits]</figure>
  <button type="button" class="secondary table-toggle" aria-expanded="false" aria-controls="traits-table-wrap" data-show-text="Show as table" data-hide-text="Hide table">Show as table</button>
  <div id="traits-table-wrap" class="table-wrap visually-hidden" role="region" aria-labelledby="traits-caption">
    <table id="traits-table">
      <caption id="traits-caption">Entries per trait, all time and in the weeks shown (2).</caption>
      <thead><tr><th scope="col">Trait</th><th scope="col">Side</th><th scope="col" class="num">Entries</th><th scope="col" class="num">Last 2 weeks</th></tr></thead>
      <tbody>` +
        `<tr><th scope="row">${link('visionary-thinking', 'Visionary Thinking')}</th><td>Leadership</td><td class="num">3</td><td class="num">3</td></tr>` +
        `<tr><th scope="row">${link('empathy', 'Empathy')}</th><td>Leadership</td><td class="num">2</td><td class="num">2</td></tr>` +
        `<tr><th scope="row">${link('innovation', 'Innovation')}</th><td>Leadership</td><td class="num">2</td><td class="num">2</td></tr>` +
        `<tr><th scope="row">${link('influence', 'Influence')}</th><td>Leadership</td><td class="num">2</td><td class="num">2</td></tr>` +
        `<tr class="focus"><th scope="row">${link('organizational-skills', 'Organizational Skills')} <span class="tag">next</span></th><td>Management</td><td class="num">2</td><td class="num">2</td></tr>` +
        `<tr><th scope="row">${link('decision-making', 'Decision-Making')}</th><td>Management</td><td class="num">2</td><td class="num">2</td></tr>` +
        `<tr><th scope="row">${link('problem-solving', 'Problem-Solving')}</th><td>Management</td><td class="num">2</td><td class="num">2</td></tr>` +
        `<tr><th scope="row">${link('time-management', 'Time Management')}</th><td>Management</td><td class="num">3</td><td class="num">2</td></tr>` +
        `</tbody>
    </table>
  </div>
</section>

<section class="card" aria-labelledby="steps-heading">
  <h2 id="steps-heading">Strategies and next steps</h2>
  <p class="help">The three strategies from <cite>Leadership vs Management: Key Differences and How to Balance Both</cite>, each with one step for Organizational Skills.</p>
  <ol class="steps">` +
        `<li class="step"><h3>Develop Dual Skills</h3><p class="source">Encourage leaders to develop management skills and vice versa to create well-rounded professionals.</p><p class="next"><strong>Next step:</strong> ${develop}</p></li>` +
        `<li class="step"><h3>Foster Collaboration</h3><p class="source">Promote teamwork between leaders and managers to leverage their complementary strengths.</p><p class="next"><strong>Next step:</strong> ${collaborate}</p></li>` +
        `<li class="step"><h3>Continuous Learning</h3><p class="source">Invest in training programs that focus on both leadership and management development.</p><p class="next"><strong>Next step:</strong> ${learn}</p></li>` +
        `</ol>
${PAGE_END}`);
    });

    it('has no split bar but a hint when no entry has a trait tag, and names every week since the first entry when asked for all', () => {
      const report = buildBalanceReport(journal([['n', '2026-11-23', ['other']]]), { now, zone: UTC, weeks: 'all' });
      const html = reportHtml(report, resources);
      const noSplitBar = ''; // its line stays, empty
      expect(card(html, '<section class="card balance')).toBe(`<section class="card balance state-empty" aria-labelledby="balance-heading">
  <h2 id="balance-heading">Balance</h2>
  <p class="headline">no entries yet</p>
  ${noSplitBar}
  <p>No trait tags yet. Write an entry tagged with a trait to see your balance.</p>
  <p class="streaks">Current streak: 1 week with at least one entry, this week included. Longest streak: 1 week (2026-W48).</p>
  <div class="next-trait">
    <p class="focus-line">Next: <button type="button" class="link" data-trait="visionary-thinking" title="Show the entries about Visionary Thinking">Visionary Thinking</button> (Leadership, 0 entries). ${report.focusWhy}</p>
    <button id="write-about" type="button" data-trait="visionary-thinking">Write about it</button>
  </div>
</section>`);
      expect(html).toContain(
        '<div class="card-head"><h2 id="weeks-heading">Every week since your first entry</h2><div class="range" role="group" aria-label="Weeks shown">' +
          '<button type="button" class="secondary range-choice" data-range="4" aria-pressed="false">4 weeks</button>' +
          '<button type="button" class="secondary range-choice" data-range="12" aria-pressed="false">12 weeks</button>' +
          '<button type="button" class="secondary range-choice" data-range="52" aria-pressed="false">52 weeks</button>' +
          '<button type="button" class="secondary range-choice" data-range="all" aria-pressed="true">All</button></div></div>',
      );
      expect(html).toContain(
        '<thead><tr><th scope="col">Trait</th><th scope="col">Side</th><th scope="col" class="num">Entries</th><th scope="col" class="num">Every week since your first entry</th></tr></thead>',
      );
    });

    it('is the header and the welcome card alone for an empty journal', () => {
      const html = reportHtml(buildBalanceReport(new JournalIndex(), { now, zone: UTC }), resources);
      expect(html).toBe(`${PAGE_START}    <p class="meta">Nov 27, 2026</p>
  </div>
  <div class="actions">
    <button id="export" type="button" class="secondary" aria-describedby="export-help" data-busy-text="Exporting…" disabled>Export as Markdown</button>
    <p id="export-help" class="help">Export is available once the journal has an entry.</p>
    <p id="status" class="status" role="status" aria-live="polite"></p>
  </div>
</header>

<section class="card welcome" aria-labelledby="welcome-heading">
  <h2 id="welcome-heading">Your report starts with your first entry</h2>
  <p>Write a short entry about a moment of your work and tag it with the traits it shows: Empathy, Decision-Making, any of the eight. The report then shows your balance of leadership and management week by week, and what to reflect on next.</p>
  <p><button id="new-entry" type="button">New Entry</button></p>
${PAGE_END}`);
    });

    it('escapes & " < > in the Content-Security-Policy attribute and keeps its single quotes', () => {
      const html = reportHtml(buildBalanceReport(new JournalIndex(), { now, zone: UTC }), { ...resources, cspSource: 'https://a.test/?x=1&y="<z>"' });
      expect(html.split('\n')[4]).toBe(
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src https://a.test/?x=1&#38;y=&#34;&#60;z&#62;&#34; data:; style-src https://a.test/?x=1&#38;y=&#34;&#60;z&#62;&#34;; script-src 'nonce-N0NCE';">`,
      );
    });

    it('counts 0 entries for a focus the traits list does not hold', () => {
      const report = buildBalanceReport(journal([['a', '2026-11-23', ['visionary-thinking']]]), { now, zone: UTC, weeks: 2 });
      expect(report.focus.id).toBe('organizational-skills');
      const html = reportHtml({ ...report, traits: report.traits.filter((t) => t.trait.id !== 'organizational-skills') }, resources);
      expect(html).toContain(
        '<p class="focus-line">Next: <button type="button" class="link" data-trait="organizational-skills" title="Show the entries about Organizational Skills">Organizational Skills</button> (Management, 0 entries).',
      );
    });
  });
});
