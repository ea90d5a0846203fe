import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, exists, journalUri, localDay, waitFor } from './helpers';

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

async function traitRow(id: string) {
  const { treeProvider } = await api();
  for (const side of treeProvider.getChildren().filter((node) => node.kind === 'side')) {
    const row = treeProvider.getChildren(side).find((node) => node.kind === 'trait' && node.trait.id === id);
    if (row) return { row, item: treeProvider.getTreeItem(row) };
  }
  assert.fail(`no trait row ${id}`);
}

function tooltipText(item: vscode.TreeItem): string {
  return typeof item.tooltip === 'string' ? item.tooltip : (item.tooltip?.value ?? '');
}

describe('goals per trait', () => {
  const goals = journalUri('goals');
  let goalsExisted = false;

  before(async () => {
    await api();
    goalsExisted = await exists(goals);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (!goalsExisted && (await exists(goals))) await vscode.workspace.fs.delete(goals, { recursive: true });
    const { index } = await api();
    await waitFor('the goals to leave the index', () => index.countOfKind('goal') === 0);
  });

  it('sets a goal from arguments at goals/<trait-id>.md, shown on the trait row, its tooltip, the hover and the report', async () => {
    const { index, treeProvider } = await api();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('balanceJournal.setGoal', { trait: 'empathy', text: 'Listen first in one-on-ones', target: 3, per: 'month' });
    assert.ok(uri, 'the command returns the new goal');
    assert.equal(uri.toString(), journalUri('goals', 'empathy.md').toString());
    const text = decode(await vscode.workspace.fs.readFile(uri));
    assert.match(text, /^---\nkind: goal\ndate: .+\ntrait: empathy\ntarget: 3\nper: month\n---\nListen first in one-on-ones\n$/);
    await waitFor('the goal to be indexed', () => index.countOfKind('goal') === 1);
    await (await api()).settle();
    treeProvider.refresh();
    const { item } = await traitRow('empathy');
    // The row adds `goal n/3` when it fits the side bar; the tooltip always says it.
    assert.match(String(item.description), /^\d+ · [^·]+( · due)?( · goal \d+\/3)?$/);
    assert.match(tooltipText(item), /Goal: \d+ of 3 this month/);
    assert.match(tooltipText(item), /Listen first in one\\-on\\-ones/);
    assert.equal(item.contextValue, 'trait');

    // The hover on an #empathy tag shows the goal.
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'A note on #empathy today.' });
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 12));
    const hoverText = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(hoverText, /Your goal:.*Listen first in one\\-on\\-ones · \d+ of 3 this month/);

    // The report has a goals section with a progress bar.
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('balanceJournal.showReport');
    await waitFor('the report to show the goal', () => /<progress class="goal-bar"[^>]*max="3"/.test(panel.webview.html));
    assert.match(panel.webview.html, /Listen first in one-on-ones/);
    panel.dispose();
  });

  it('refuses a second open goal without replace, and writes nothing', async () => {
    const before = (await vscode.workspace.findFiles('journal/goals/*.md')).length;
    const uri = await vscode.commands.executeCommand('balanceJournal.setGoal', { trait: 'empathy', text: 'Other', target: 1, per: 'week' });
    assert.equal(uri, undefined);
    assert.equal((await vscode.workspace.findFiles('journal/goals/*.md')).length, before);
  });

  it('replaces: the old goal gets closed: today and stays as history, the new one is dated', async () => {
    const { index, treeProvider } = await api();
    const old = journalUri('goals', 'empathy.md');
    const oldText = decode(await vscode.workspace.fs.readFile(old));
    const uri = await vscode.commands.executeCommand<vscode.Uri>('balanceJournal.setGoal', { trait: 'empathy', text: 'Ask what would help', target: 2, per: 'week', replace: true });
    assert.ok(uri);
    assert.equal(uri.toString(), journalUri('goals', `empathy-${localDay()}.md`).toString());
    const closed = decode(await vscode.workspace.fs.readFile(old));
    // Exactly one line added, before the closing ---.
    assert.equal(closed, oldText.replace(/\n---\n/, `\nclosed: ${localDay()}\n---\n`));
    await waitFor('both goals indexed, the old one closed', () => index.countOfKind('goal') === 2 && index.notesOf('goal').some((note) => note.goal?.closed === localDay()));
    await (await api()).settle();
    treeProvider.refresh();
    const { item } = await traitRow('empathy');
    // The row adds `goal n/2` when it fits the side bar; the tooltip always says it.
    assert.match(String(item.description), /^\d+ · [^·]+( · due)?( · goal \d+\/2)?$/);
    assert.match(tooltipText(item), /Goal: \d+ of 2 this week/);
    assert.match(tooltipText(item), /Ask what would help/);
  });

  it('a goal whose end date has passed says met or missed on the trait row and in its tooltip', async () => {
    const { index, treeProvider } = await api();
    const ended = journalUri('goals', 'innovation.md');
    // No innovation entry of the week of 31 January 2020 in the fixture journal: missed, 0 of 2.
    await vscode.workspace.fs.writeFile(ended, new TextEncoder().encode('---\nkind: goal\ntrait: innovation\ntarget: 2\nper: week\nuntil: 2020-01-31\n---\nTry one new thing a week\n'));
    await waitFor('the ended goal to be indexed', () => index.get(ended.toString())?.goal?.until === '2020-01-31');
    await (await api()).settle();
    treeProvider.refresh();
    const { item } = await traitRow('innovation');
    assert.match(tooltipText(item), /Goal: missed: 0 of 2 by 2020\\?-01\\?-31/);
    assert.match(String(item.description), /^\d+ · [^·]+( · due)?( · goal missed)?$/);
    await vscode.workspace.fs.delete(ended);
    await waitFor('the ended goal to go', () => index.get(ended.toString()) === undefined);
  });

  it('a goal file with a broken target gets a warning and is not tracked; nothing throws', async () => {
    const { index } = await api();
    const broken = journalUri('goals', 'influence.md');
    await vscode.workspace.fs.writeFile(broken, new TextEncoder().encode('---\nkind: goal\ntrait: influence\ntarget: lots\nper: week\n---\nBe heard\n'));
    await waitFor('the broken goal to be indexed', () => index.get(broken.toString()) !== undefined);
    await waitFor('a warning on its target line', () => vscode.languages.getDiagnostics(broken).some((d) => d.range.start.line === 3 && /"target"/.test(d.message)));
    assert.equal(index.get(broken.toString())?.goal, undefined);
    const { item } = await traitRow('influence');
    assert.doesNotMatch(String(item.description), /goal/i);
    await vscode.workspace.fs.delete(broken);
  });

  it('refuses bad arguments with a message, writing nothing', async () => {
    const before = (await vscode.workspace.findFiles('journal/goals/*.md')).length;
    for (const arg of [{ trait: 'charisma', text: 'x', target: 1 }, { trait: 'influence', text: 'x', target: 0 }, { trait: 'influence', text: '', target: 2 }, { trait: 'influence', text: 'x', target: 2, per: 'day' }]) {
      assert.equal(await vscode.commands.executeCommand('balanceJournal.setGoal', arg), undefined, JSON.stringify(arg));
    }
    assert.equal((await vscode.workspace.findFiles('journal/goals/*.md')).length, before);
  });
});
