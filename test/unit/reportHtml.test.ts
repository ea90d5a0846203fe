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

  it('sentence keeps $& and $\' in fragments as written', () => {
    expect(sentence((name) => `Focus on ${name} & more`, "<b>$& $' $$</b>")).toBe("Focus on <b>$& $' $$</b> &#38; more");
  });
});
