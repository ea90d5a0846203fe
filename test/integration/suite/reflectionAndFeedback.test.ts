import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, exists, journalUri, localDay, waitFor } from './helpers';

const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('guided reflection', () => {
  const created: vscode.Uri[] = [];
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created) if (await exists(uri)) await vscode.workspace.fs.delete(uri);
  });

  it('New Entry with the Rolfe structure: What? So what? Now what?, an empty commitment last', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('balanceJournal.newEntry', { traits: ['empathy'], title: 'Rolfe test', structure: 'rolfe' });
    assert.ok(uri);
    created.push(uri);
    const text = decode(await vscode.workspace.fs.readFile(uri));
    assert.match(text, /## What\?\n[\s\S]*## So what\?\n[\s\S]*## Now what\?\n\n- \[ \] \n$/);
    const editor = vscode.window.activeTextEditor!;
    assert.ok(editor.selection.active.line > text.split('\n').indexOf('## What?'));
    // Today's entry: no hint, however empty its next step.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual(vscode.languages.getDiagnostics(uri).filter((d) => d.code === 'no-next-step'), []);
  });

  it('an entry more than a day old with an empty action section gets an Information hint whose quick fix puts the cursor there', async () => {
    const old = new Date(Date.now() - 3 * 86_400_000);
    const day = localDay(old);
    const uri = journalUri(day.slice(0, 4), day.slice(5, 7), `${day}-next step test.md`);
    created.push(uri);
    await vscode.workspace.fs.writeFile(uri, encode(`---\ndate: ${old.toISOString()}\ntags: [empathy]\n---\n# Next step test\n\n## What?\n\nA thing.\n\n## Now what?\n\n- [ ] \n`));
    const { index } = await api();
    await waitFor('the entry to be indexed', () => index.get(uri.toString()) !== undefined);
    await vscode.window.showTextDocument(uri);
    await waitFor('the hint', () => vscode.languages.getDiagnostics(uri).some((d) => d.code === 'no-next-step'));
    const hint = vscode.languages.getDiagnostics(uri).find((d) => d.code === 'no-next-step')!;
    assert.equal(hint.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(hint.message, 'No next step yet: what will you try?');
    assert.equal(hint.range.start.line, 10);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, hint.range);
    const fix = actions.find((action) => action.title === 'Write the next step');
    assert.ok(fix?.command);
    await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    assert.deepEqual([editor.selection.active.line, editor.selection.active.character], [12, 6]);

    // Writing the next step clears it; the setting turns it off.
    await editor.edit((edit) => edit.insert(new vscode.Position(12, 6), 'Ask Sam'));
    await waitFor('the hint to clear', () => !vscode.languages.getDiagnostics(uri).some((d) => d.code === 'no-next-step'));
    await vscode.commands.executeCommand('undo');
    await waitFor('the hint to come back', () => vscode.languages.getDiagnostics(uri).some((d) => d.code === 'no-next-step'));
    const config = vscode.workspace.getConfiguration('balanceJournal');
    await config.update('nextStepHints', false, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('the setting to turn it off', () => !vscode.languages.getDiagnostics(uri).some((d) => d.code === 'no-next-step'));
    } finally {
      await config.update('nextStepHints', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

describe('feedback from others', () => {
  const feedback = journalUri('feedback');
  let existed = false;
  before(async () => {
    await api();
    existed = await exists(feedback);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (!existed && (await exists(feedback))) await vscode.workspace.fs.delete(feedback, { recursive: true });
  });

  it('records feedback as a note of kind feedback, counted on the trait row apart from reflections', async () => {
    const { index, treeProvider } = await api();
    const reflections = index.countOf('influence');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('balanceJournal.recordFeedback', { from: 'peer', traits: ['influence'], text: 'Your demo convinced the team.' });
    assert.ok(uri);
    assert.ok(uri.path.endsWith(`/journal/feedback/${localDay()}-feedback-peer-influence.md`), uri.path);
    const text = decode(await vscode.workspace.fs.readFile(uri));
    assert.match(text, /^---\nkind: feedback\ndate: .+\nfrom: peer\ntags:\n {2}- influence\n---\n# Feedback from peer: Influence\n\n> Your demo convinced the team\.\n$/);
    await waitFor('the feedback to be counted', () => index.feedbackCountOf('influence') === 1);
    assert.equal(index.countOf('influence'), reflections);
    await (await api()).settle();
    treeProvider.refresh();
    const management = treeProvider.getChildren().find((node) => node.kind === 'side' && node.side === 'leadership')!;
    const row = treeProvider.getChildren(management).find((node) => node.kind === 'trait' && node.trait.id === 'influence')!;
    assert.match(String(treeProvider.getTreeItem(row).description), /^\d+ · \S+ ago(?: · due)? · 1 feedback$/);
  });

  it('refuses an unknown source, writing nothing', async () => {
    const before = (await vscode.workspace.findFiles('journal/feedback/*.md')).length;
    assert.equal(await vscode.commands.executeCommand('balanceJournal.recordFeedback', { from: 'the CEO', traits: ['influence'], text: 'x' }), undefined);
    assert.equal((await vscode.workspace.findFiles('journal/feedback/*.md')).length, before);
  });
});

describe('the reminder, only if asked', () => {
  after(async () => {
    await vscode.workspace.getConfiguration('balanceJournal').update('reminder', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('is off by default; when set and no entry was written today, one status bar item, gone once an entry is written', async function () {
    const { index, reminder, settle } = await api();
    assert.equal(reminder.visible, false, 'off by default');
    if (index.entriesOn(localDay()).length > 0) this.skip(); // another suite left an entry of today
    const everyDay = { time: '00:00', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] };
    await vscode.workspace.getConfiguration('balanceJournal').update('reminder', everyDay, vscode.ConfigurationTarget.Workspace);
    await waitFor('the reminder to show', () => reminder.visible);
    const uri = await vscode.commands.executeCommand<vscode.Uri>('balanceJournal.newEntry', { traits: ['empathy'], title: 'Reminder test' });
    assert.ok(uri);
    try {
      await settle();
      await waitFor('the reminder to go once an entry exists', () => !reminder.visible);
      // Never twice a day: deleting the entry does not bring it back.
      await vscode.workspace.fs.delete(uri);
      await waitFor('the entry to leave the index', () => index.get(uri.toString()) === undefined);
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(reminder.visible, false);
    } finally {
      if (await exists(uri)) await vscode.workspace.fs.delete(uri);
    }
  });
});
