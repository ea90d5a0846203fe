import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import * as disk from './disk';
import { EXTENSION_ID, api, exists, journalUri, localDay, waitFor, workspaceFolder } from './helpers';

const TRAIT_IDS = [
  'visionary-thinking',
  'empathy',
  'innovation',
  'influence',
  'organizational-skills',
  'decision-making',
  'problem-solving',
  'time-management',
];

/** The ISO 8601 week of a local day, worked out independently of the extension's code. */
function isoWeekLabel(date: Date): string {
  const day = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  const weekday = (day.getDay() + 6) % 7; // Monday 0
  const thursday = new Date(day.getFullYear(), day.getMonth(), day.getDate() - weekday + 3);
  const firstThursday = new Date(thursday.getFullYear(), 0, 4);
  firstThursday.setDate(firstThursday.getDate() - ((firstThursday.getDay() + 6) % 7) + 3);
  const week = 1 + Math.round((thursday.getTime() - firstThursday.getTime()) / (7 * 24 * 3600 * 1000));
  return `${thursday.getFullYear()}-W${String(week).padStart(2, '0')}`;
}

function traitCounts(countOf: (tag: string) => number): Record<string, number> {
  return Object.fromEntries(TRAIT_IDS.map((id) => [id, countOf(id)]));
}

/** This week, without the Monday question "last week or this one?". */
const THIS_WEEK = { week: 'this' };

describe('balanceJournal.weeklyReview', () => {
  const day = localDay();
  const week = isoWeekLabel(new Date());
  const reviewsFolder = journalUri('reviews');
  const review = journalUri('reviews', `${week}.md`);
  const monthFolder = journalUri(day.slice(0, 4), day.slice(5, 7));
  const entries = [
    {
      uri: vscode.Uri.joinPath(monthFolder, `${day}-weekly-test-one-on-one.md`),
      title: 'Weekly test: [one-on-one] #innovation <b>',
      text: `---\ndate: ${day}T09:00:00+00:00\ntags: [empathy, decision-making]\n---\n# Weekly test: \\[one-on-one\\] \\#innovation <b>\n\nNotes.\n`,
    },
    {
      uri: vscode.Uri.joinPath(monthFolder, `${day}-weekly test #2.md`),
      title: 'Weekly test two',
      text: `---\ndate: ${day}T10:00:00+00:00\ntags: [time-management]\n---\n# Weekly test two\n`,
    },
  ];
  // The first folder this suite creates (and removes), if any.
  let createdFolder: vscode.Uri | undefined;
  let reviewsExisted = false;
  let sizeBefore = 0;
  let countsBefore: Record<string, number> = {};

  before(async () => {
    const { index } = await api();
    assert.equal(await exists(review), false, `${review.fsPath} must not exist before the test`);
    reviewsExisted = await exists(reviewsFolder);
    sizeBefore = index.size;
    countsBefore = traitCounts(index.countOf);

    for (let folder = monthFolder; !(await disk.exists(folder)); folder = vscode.Uri.joinPath(folder, '..')) createdFolder = folder;
    await disk.mkdir(monthFolder);
    for (const entry of entries) {
      assert.equal(await disk.exists(entry.uri), false);
      await disk.writeFile(entry.uri, entry.text);
    }
    await waitFor('the week\'s test entries to be indexed', () => entries.every((entry) => index.get(entry.uri.toString())));
  });

  let outside: vscode.Uri | undefined;

  after(async () => {
    const { index } = await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (outside) await disk.rm(outside);
    await disk.rm(review);
    if (!reviewsExisted) await disk.rm(reviewsFolder);
    for (const entry of entries) await disk.rm(entry.uri);
    if (createdFolder) await disk.rm(createdFolder);
    await waitFor('the index to return to its prior counts', () => index.size === sizeBefore && JSON.stringify(traitCounts(index.countOf)) === JSON.stringify(countsBefore));
  });

  it('creates journal/reviews/<YYYY-Www>.md for this local week, tagged weekly-review, linking this week\'s entries', async () => {
    const { index } = await api();
    const countsWithEntries = traitCounts(index.countOf);
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('balanceJournal.weeklyReview', THIS_WEEK);
    assert.ok(uri, 'the command returns the review');
    assert.equal(uri.toString(), review.toString());

    const text = await disk.readText(review);
    assert.match(text, new RegExp(`^---\\ndate: ${day}T\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d\\nkind: review\\ntags:\\n  - weekly-review\\nweek: ${week}\\n---\\n# Weekly review ${week} \\([A-Z][a-z]{2} \\d+`));
    // Relative links from reviews/ to the entries, encoded, with the titles escaped.
    const month = `../${day.slice(0, 4)}/${day.slice(5, 7)}`;
    assert.ok(
      // Escaped only where Markdown would misread it: `one-on-one` as written, no tag, no HTML.
      text.includes(`[Weekly test: \\[one-on-one\\] \\#innovation \\<b>](${month}/${day}-weekly-test-one-on-one.md) · Empathy, Decision-Making`),
      text,
    );
    assert.ok(text.includes(`[Weekly test two](${month}/${day}-weekly%20test%20%232.md) · Time Management`), text);
    // The counts of the week include at least our two entries (other suites may add their own).
    const written = Number(/\*\*(\d+) entr(?:y|ies)\*\* written this week/.exec(text)?.[1]);
    assert.ok(written >= 2, text);
    assert.match(text, /\| Time Management \| Management \| [1-9]\d* \| [1-9]\d* \|/);

    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri.toString());
    const cursorLine = editor.selection.active.line;
    assert.equal(editor.document.lineAt(cursorLine).text, '');
    assert.equal(editor.document.lineAt(cursorLine - 2).text, '## What went well this week?');

    // The review is indexed, with only its own tag: no trait count moves.
    await waitFor('the review to be indexed', () => index.get(uri.toString()) !== undefined);
    assert.deepEqual(index.get(uri.toString())?.tags, ['weekly-review']);
    // A review is a note of its own kind: never counted as a reflection, not even under Other tags.
    assert.equal(index.get(uri.toString())?.kind, 'review');
    assert.equal(index.countOf('weekly-review'), 0);
    assert.ok(!index.otherTags().some(({ tag }) => tag === 'weekly-review'));
    assert.deepEqual(traitCounts(index.countOf), countsWithEntries);
    assert.equal(index.size, sizeBefore + entries.length + 1);
  });

  it('running it again opens the same file and does not change it', async () => {
    const { index } = await api();
    const before = await disk.readText(review);
    const { mtime } = await vscode.workspace.fs.stat(review);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('balanceJournal.weeklyReview', THIS_WEEK);
    assert.equal(uri?.toString(), review.toString());
    assert.equal(await disk.readText(review), before);
    assert.equal((await vscode.workspace.fs.stat(review)).mtime, mtime);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), review.toString());
    assert.equal(index.countOfKind('review'), 1);
  });

  it('updates only its generated part, on request, never what the user wrote', async () => {
    const { index } = await api();
    const editor = await vscode.window.showTextDocument(review);
    const heading = editor.document.getText().indexOf('## What went well this week?');
    await editor.edit((edit) => edit.insert(editor.document.positionAt(heading + '## What went well this week?\n\n'.length), 'My own words, kept.\n'));
    await editor.document.save();
    // One more entry this week: the numbers change.
    const extra = vscode.Uri.joinPath(monthFolder, `${day}-weekly-test-extra.md`);
    await disk.writeFile(extra, `---\ndate: ${day}T11:00:00+00:00\ntags: [influence]\n---\n# Weekly test extra\n`);
    try {
      await waitFor('the extra entry to be indexed', () => index.get(extra.toString()) !== undefined);
      const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('balanceJournal.weeklyReview', { week: 'this', updateNumbers: true });
      assert.equal(uri?.toString(), review.toString());
      const text = await disk.readText(review);
      assert.ok(text.includes('[Weekly test extra]('), text);
      assert.ok(text.includes('## What went well this week?\n\nMy own words, kept.\n'), text);
    } finally {
      await disk.rm(extra);
      await waitFor('the extra entry to leave the index', () => index.get(extra.toString()) === undefined);
    }
  });

  it('reviews last week when asked (offered on the first days of a week)', async () => {
    const { index } = await api();
    const monday = new Date();
    monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7) - 7);
    const lastWeek = journalUri('reviews', `${isoWeekLabel(monday)}.md`);
    const existed = await exists(lastWeek);
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('balanceJournal.weeklyReview', { week: 'last' });
    try {
      assert.equal(uri?.toString(), lastWeek.toString());
      assert.match(await disk.readText(lastWeek), new RegExp(`\\nweek: ${isoWeekLabel(monday)}\\n`));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      if (!existed) await disk.rm(lastWeek);
      await waitFor('last week\'s review to leave the index', () => existed || index.get(lastWeek.toString()) === undefined);
    }
  });

  it('never writes through a symbolic link: a linked reviews folder is refused', async () => {
    const { index } = await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await disk.rm(reviewsFolder);
    await waitFor('the review to leave the index', () => index.get(review.toString()) === undefined);
    outside = await disk.mkdtempNextTo(workspaceFolder().uri, 'bj-outside-');
    await disk.symlinkDir(outside, reviewsFolder);
    try {
      const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('balanceJournal.weeklyReview', THIS_WEEK);
      assert.equal(uri, undefined);
      assert.deepEqual(await disk.readdir(outside), []);
    } finally {
      await disk.rm(reviewsFolder);
    }
  });

  it('is declared as "Balance Journal: Weekly Review"', async () => {
    const commands = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON?.contributes?.commands as { command: string; title: string; category: string }[];
    const declared = commands.find((command) => command.command === 'balanceJournal.weeklyReview');
    assert.deepEqual(declared && { title: declared.title, category: declared.category }, { title: 'Weekly Review', category: 'Balance Journal' });
    assert.ok((await vscode.commands.getCommands(true)).includes('balanceJournal.weeklyReview'));
  });
});
