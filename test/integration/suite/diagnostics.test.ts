import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, journalUri } from './helpers';

describe('Broken front matter', () => {
  it('still counts the inline tags and shows a warning naming the YAML problem and line', async () => {
    const { index } = await api();
    const uri = journalUri('2026', '10', '2026-10-03-broken-front-matter.md');
    const entry = index.get(uri.toString());
    assert.ok(entry, 'the broken entry is indexed');
    assert.deepEqual(entry.tags, ['decision-making']);

    const diagnostics = vscode.languages.getDiagnostics(uri);
    assert.equal(diagnostics.length, 1);
    const [warning] = diagnostics;
    assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(warning.source, 'Balance Journal');
    // In words, at the line where the unclosed list opens (js-yaml stops on the next line).
    assert.equal(warning.message, 'The tags list opened on line 3 is not closed (add "]"): its tags were ignored; inline tags still count.');
    assert.equal(warning.range.start.line, 2);
  });

  it('shows no warning on a good entry', async () => {
    await api();
    assert.deepEqual(vscode.languages.getDiagnostics(journalUri('2026', '10', '2026-10-01-first-one-on-one.md')), []);
  });
});
