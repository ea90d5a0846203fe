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
    // The one rule (core/nextTrait): never the hovered trait; here the first never written about.
    assert.match(text, /\*\*Try next:\*\* Visionary Thinking \(Leadership\)\. Visionary Thinking has no entries yet, and both sides are even\\\./);
    assert.ok(text.includes(`[Write about it](command:balanceJournal.newEntry?${encodeURIComponent(JSON.stringify([{ traits: ['visionary-thinking'], askTitle: true }]))} "Start an entry about Visionary Thinking")`), text);
  });

  it('never suggests the trait being hovered', async () => {
    await api();
    // Visionary Thinking is what the rule suggests elsewhere; hovered, it suggests the next one.
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'A note on #visionary-thinking.\n' });
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 14));
    const text = hoverText(hovers);
    assert.match(text, /\*\*Visionary Thinking\*\* · Leadership trait/);
    assert.match(text, /\*\*Try next:\*\* Innovation \(Leadership\)/);
  });

  it('explains an inline #tag, and the hover is trusted for New Entry only, without HTML', async () => {
    await api();
    const { text, hovers } = await hoverAt(journalUri('2026', '10', '2026-10-03-broken-front-matter.md'), '#decision-making', 3);
    assert.match(text, /\*\*Decision\\-Making\*\* · Management trait/);
    // Every hover part: ours is trusted for the one "Write about it" command only, never HTML.
    const contents = hovers.flatMap((hover) => hover.contents);
    const markdowns = contents.filter((content): content is vscode.MarkdownString => content instanceof vscode.MarkdownString);
    const ours = markdowns.filter((content) => /\*\*Decision\\-Making\*\*/.test(content.value));
    assert.ok(ours.length > 0, `no MarkdownString with the trait among ${contents.length} hover part(s)`);
    for (const markdown of ours) {
      assert.deepEqual(markdown.isTrusted, { enabledCommands: ['balanceJournal.newEntry'] });
      assert.ok(!markdown.supportHtml, 'a hover must not render HTML');
    }
    // The only link in it is the one command, with arguments the command checks.
    const links = [...text.matchAll(/\]\((command:[^)\s]+)/g)].map((m) => m[1]);
    assert.equal(links.length, 1);
    assert.ok(links[0].startsWith('command:balanceJournal.newEntry?'), links[0]);
  });

  it('gives no trait hover on plain words, non-trait tags or code', async () => {
    await api();
    assert.doesNotMatch((await hoverAt(entry, 'Listened')).text, /Balancing both/);
    assert.doesNotMatch((await hoverAt(journalUri('2026', '10', '2026-10-02-deadline-week.md'), '#retro', 2)).text, /Balancing both/);
    assert.doesNotMatch((await hoverAt(journalUri('2026', '11', '2026-11-01-planning.md'), '#empathy inside', 2)).text, /Balancing both/);
  });
});
