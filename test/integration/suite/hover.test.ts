import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, journalUri } from './helpers';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : ''))
    .join('\n');
}

async function hoverAt(uri: vscode.Uri, needle: string, delta = 1): Promise<{ text: string; hovers: vscode.Hover[] }> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `${needle} not in ${uri.path}`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, document.positionAt(offset + delta));
  return { text: hoverText(hovers), hovers };
}

describe('Trait hovers', () => {
  const entry = journalUri('2026', '10', '2026-10-01-first-one-on-one.md');

  it('explains a front matter trait tag with prompts, strategies and the journal\'s standing', async () => {
    await api();
    const { text } = await hoverAt(entry, 'empathy');
    assert.match(text, /\*\*Empathy\*\* · Leadership trait/);
    assert.match(text, /Understanding and addressing the needs and concerns of team members/);
    assert.match(text, /Whose needs or concerns did I notice today/);
    for (const strategy of ['Develop Dual Skills', 'Foster Collaboration', 'Continuous Learning']) assert.ok(text.includes(strategy), strategy);
    assert.match(text, /Empathy in 2 entries/);
    assert.match(text, /Leadership 50% · Management 50% · balanced/);
    assert.match(text, /\*\*Try next:\*\* Problem\\-Solving \(Management, 0 entries\)/);
  });

  it('explains an inline #tag, and the hover is untrusted', async () => {
    await api();
    const { text, hovers } = await hoverAt(journalUri('2026', '10', '2026-10-03-broken-front-matter.md'), '#decision-making', 3);
    assert.match(text, /\*\*Decision\\-Making\*\* · Management trait/);
    // Every hover part: our trait hover is a MarkdownString, and none may be trusted or allow HTML.
    const contents = hovers.flatMap((hover) => hover.contents);
    const markdowns = contents.filter((content): content is vscode.MarkdownString => content instanceof vscode.MarkdownString);
    const ours = markdowns.filter((content) => content.value.includes('Decision\\-Making'));
    assert.ok(ours.length > 0, `no MarkdownString with the trait among ${contents.length} hover part(s)`);
    for (const markdown of markdowns) {
      assert.ok(!markdown.isTrusted, 'a hover must not be trusted');
      assert.ok(!markdown.supportHtml, 'a hover must not render HTML');
    }
  });

  it('gives no trait hover on plain words, non-trait tags or code', async () => {
    await api();
    assert.doesNotMatch((await hoverAt(entry, 'Listened')).text, /Balancing both/);
    assert.doesNotMatch((await hoverAt(journalUri('2026', '10', '2026-10-02-deadline-week.md'), '#retro', 2)).text, /Balancing both/);
    assert.doesNotMatch((await hoverAt(journalUri('2026', '11', '2026-11-01-planning.md'), '#empathy inside', 2)).text, /Balancing both/);
  });
});
