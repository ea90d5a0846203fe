import { afterEach, describe, expect, it } from 'vitest';
import { buildBalanceReport } from '../../src/core/balanceReport';
import { parseEntry } from '../../src/core/entryParser';
import { JournalIndex } from '../../src/core/journalIndex';
import { reportHtml, sentence } from '../../src/core/reportHtml';
import { configureTraits } from '../../src/core/traits';

const resources = { cspSource: 'vscode-resource:', nonce: 'N0NCE', styleUri: 'style.css', scriptUri: 'report.js' };

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
});
