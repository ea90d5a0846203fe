import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, exists, journalUri, localDay, waitFor } from './helpers';

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const encode = (text: string) => new TextEncoder().encode(text);

function daysAgo(days: number): Date {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() - days, 10);
}

describe('commitments that come back: the Follow up section', () => {
  const day = localDay(daysAgo(30));
  const folder = journalUri(day.slice(0, 4), day.slice(5, 7));
  const original = vscode.Uri.joinPath(folder, `${day}-follow up test.md`);
  const originalText = `---\ndate: ${day}T10:00:00Z\ntags: [empathy, decision-making]\n---\n# Roadmap talk\n\nWe talked.\n\n## Now what?\n\n- [ ] Ask Sam before deciding\n- [ ] Share the plan on Friday\n- [x] Book the room\n\n\`\`\`\n- [ ] in code, not a commitment\n\`\`\`\n`;
  const created: vscode.Uri[] = [];
  let folderExisted = true;

  async function followUpRows() {
    const { treeProvider } = await api();
    treeProvider.refresh();
    const section = treeProvider.getChildren().find((node) => node.kind === 'followUps');
    return section ? treeProvider.getChildren(section).filter((node) => node.kind === 'commitment' && node.due.entry.key === original.toString()) : [];
  }

  before(async () => {
    await api();
    folderExisted = await exists(folder);
    await vscode.workspace.fs.writeFile(original, encode(originalText));
    await waitFor('both open commitments in the Follow up section', async () => (await followUpRows()).length === 2);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of [original, ...created]) if (await exists(uri)) await vscode.workspace.fs.delete(uri);
    if (!folderExisted && (await exists(folder))) await vscode.workspace.fs.delete(folder, { recursive: true });
  });

  it('lists open commitments with the entry\'s traits and date, oldest first, with both buttons', async () => {
    const { treeProvider } = await api();
    const rows = await followUpRows();
    const items = rows.map((row) => treeProvider.getTreeItem(row));
    assert.deepEqual(items.map((item) => item.label), ['Ask Sam before deciding', 'Share the plan on Friday']);
    assert.equal(items[0].description, `Empathy, Decision-Making · ${day}`);
    assert.equal(items[0].contextValue, 'commitment');
    const section = treeProvider.getChildren().find((node) => node.kind === 'followUps')!;
    assert.equal(treeProvider.getTreeItem(section).label, 'Follow up');
  });

  it('Follow up writes an entry that follows the original, with its traits, the cursor under the prompt, and the commitment leaves', async () => {
    const { index } = await api();
    const [first] = await followUpRows();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('balanceJournal.followUp', first);
    assert.ok(uri);
    created.push(uri);
    assert.ok(uri.path.endsWith(`/${localDay()}-follow-up-ask-sam-before-deciding.md`), uri.path);
    const text = decode(await vscode.workspace.fs.readFile(uri));
    const relative = `${day.slice(0, 4)}/${day.slice(5, 7)}/${day}-follow up test.md`;
    assert.match(text, new RegExp(`^---\\ndate: .+\\ntags:\\n  - empathy\\n  - decision-making\\nfollows: ${relative}\\ncommitment: Ask Sam before deciding\\n---\\n# Ask Sam before deciding\\n`));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri.toString());
    assert.equal(editor.document.lineAt(editor.selection.active.line - 2).text, '## What happened when you tried it?');

    // The follows: value is a link to the original.
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', uri);
    const followsLink = links.find((link) => link.target?.toString() === original.toString());
    assert.ok(followsLink, `a link to the original among ${JSON.stringify(links.map((link) => link.target?.toString()))}`);
    assert.equal(editor.document.getText(followsLink.range), relative);

    await waitFor('the follow-up to be indexed', () => index.get(uri.toString()) !== undefined);
    await waitFor('the followed-up commitment to leave the section', async () => (await followUpRows()).length === 1);
  });

  it('Mark Done refuses when the line changed since it was read, and changes nothing', async () => {
    const [row] = await followUpRows();
    assert.equal(row.kind === 'commitment' && row.due.commitment.text, 'Share the plan on Friday');
    // Edited on disk after the tree read it.
    const edited = originalText.replace('- [ ] Share the plan on Friday', '- [ ] Share the plan on Monday');
    await vscode.workspace.fs.writeFile(original, encode(edited));
    const document = await vscode.workspace.openTextDocument(original);
    await waitFor('the editor to see the change', () => document.getText() === edited);
    assert.equal(await vscode.commands.executeCommand('balanceJournal.markDone', row), false);
    assert.equal(decode(await vscode.workspace.fs.readFile(original)), edited);
    assert.equal(document.isDirty, false);
    await vscode.workspace.fs.writeFile(original, encode(originalText));
    await waitFor('the editor to see the file restored', () => document.getText() === originalText);
  });

  it('Mark Done ticks exactly that checkbox with one undoable edit, and it leaves the section', async () => {
    const { index } = await api();
    await waitFor('the restored file to be indexed', () => index.get(original.toString())?.commitments.some((c) => c.text === 'Share the plan on Friday') === true);
    const [row] = await followUpRows();
    assert.equal(await vscode.commands.executeCommand('balanceJournal.markDone', row), true);
    const after = decode(await vscode.workspace.fs.readFile(original));
    assert.equal(after, originalText.replace('- [ ] Share the plan on Friday', '- [x] Share the plan on Friday'));
    await waitFor('the done commitment to leave the section', async () => (await followUpRows()).length === 0);

    // Undo in the editor restores the box.
    const editor = await vscode.window.showTextDocument(original);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), originalText);
    await editor.document.save();
  });

  it('ignores follows: paths that leave the journal, with a warning on the line', async () => {
    const outside = vscode.Uri.joinPath(folder, `${day}-follows outside.md`);
    created.push(outside);
    await vscode.workspace.fs.writeFile(outside, encode(`---\ndate: ${day}T10:00:00Z\ntags: [empathy]\nfollows: ../../../notes/outside-the-journal.md\n---\n# x\n`));
    await waitFor('a warning on follows:', () => vscode.languages.getDiagnostics(outside).some((d) => d.range.start.line === 3 && /"follows"/.test(d.message)));
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', outside);
    assert.deepEqual(links.filter((link) => /outside-the-journal/.test(link.target?.toString() ?? '')), []);
  });

  it('says so when follows: names no entry, and links nowhere', async () => {
    const missing = vscode.Uri.joinPath(folder, `${day}-follows missing.md`);
    created.push(missing);
    await vscode.workspace.fs.writeFile(missing, encode(`---\ndate: ${day}T10:00:00Z\ntags: [empathy]\nfollows: 2020/01/2020-01-01-gone.md\n---\n# x\n`));
    await vscode.workspace.openTextDocument(missing);
    await waitFor('an Information diagnostic on follows:', () => vscode.languages.getDiagnostics(missing).some((d) => d.severity === vscode.DiagnosticSeverity.Information && d.range.start.line === 3 && /names no entry/.test(d.message)));
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', missing);
    assert.deepEqual(links.filter((link) => /gone/.test(link.target?.toString() ?? '')), []);
  });
});
