import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import * as disk from './disk';
import { api, journalUri, localDay, sideNode, waitFor, workspaceFolder } from './helpers';

// A batch of files that try to break the parser, replayed through the real extension host.
const aliasBomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
for (let i = 1; i < 9; i++) aliasBomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
const HOSTILE: Record<string, string | Uint8Array> = {
  'invalid-yaml.md': '---\ntags: [empathy\nmood: : :\n---\n# Invalid YAML\n#influence\n',
  'tags-number.md': '---\ntags: 42\n---\n#influence\n',
  'tags-map.md': '---\ntags: {empathy: true}\n---\n#influence\n',
  'tags-nested.md': '---\ntags:\n  - [empathy, innovation]\n---\n#influence\n',
  'tags-null.md': '---\ntags:\n---\n#influence\n',
  'alias-bomb.md': `---\n${aliasBomb.join('\n')}\ntags: *i\n---\n#influence\n`,
  'huge-front-matter.md': `---\ntags: [empathy]\nnote: "${'x'.repeat(1024 * 1024 - 100)}"\n---\n#influence\n`,
  'only-dashes.md': '---',
  'crlf.md': '---\r\ntags: [influence]\r\n---\r\n# CRLF\r\n',
  'bom.md': '\uFEFF---\ntags: [influence]\n---\n# BOM\n',
  'not-utf8.md': new Uint8Array([...new TextEncoder().encode('---\ntags: [influence]\n---\nbad '), 0xff, 0xfe, 0x0a]),
  'binary.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0x23, 0x69, 0x6e, 0x66]),
  'huge-file.md': `---\ntags: [influence]\n---\n${'word '.repeat(300 * 1024)}#empathy\n`,
  'links-and-html.md': '---\ntags: [influence]\n---\n# [x](command:workbench.action.terminal.new) <img src=x onerror=alert(1)>\n',
};
const WARNED = ['invalid-yaml.md', 'tags-number.md', 'tags-map.md', 'tags-nested.md', 'tags-null.md', 'alias-bomb.md', 'huge-front-matter.md', 'only-dashes.md', 'not-utf8.md', 'binary.md', 'huge-file.md'];

describe('Hostile files', () => {
  const dir = journalUri('hostile');

  before(async () => {
    const { index } = await api();
    await vscode.workspace.getConfiguration('balanceJournal').update('maxFileSizeKB', 1024, vscode.ConfigurationTarget.Workspace);
    await disk.mkdir(dir);
    for (const [name, content] of Object.entries(HOSTILE)) await disk.writeFile(vscode.Uri.joinPath(dir, name), content);
    await waitFor('every hostile file to be indexed', () => Object.keys(HOSTILE).every((name) => index.get(vscode.Uri.joinPath(dir, name).toString())));
  });

  after(async () => {
    const { index } = await api();
    await disk.rm(dir);
    await vscode.workspace.getConfiguration('balanceJournal').update('maxFileSizeKB', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor('the hostile files to leave the index', () => index.countOf('influence') === 1);
  });

  it('indexes each from what can be read, and changes none of them', async () => {
    const { index } = await api();
    const before = await disk.hashes(dir);
    await vscode.commands.executeCommand('balanceJournal.refresh');
    await (await api()).settle();
    // Inline #influence counts wherever the front matter failed; readable front matter counts too.
    const tagsOf = (name: string) => index.get(vscode.Uri.joinPath(dir, name).toString())?.tags;
    assert.deepEqual(tagsOf('invalid-yaml.md'), ['influence']);
    assert.deepEqual(tagsOf('tags-number.md'), ['influence']);
    assert.deepEqual(tagsOf('tags-nested.md'), ['influence']);
    assert.deepEqual(tagsOf('alias-bomb.md'), ['influence']);
    assert.deepEqual(tagsOf('huge-front-matter.md'), ['influence']);
    assert.deepEqual(tagsOf('crlf.md'), ['influence']);
    assert.deepEqual(tagsOf('bom.md'), ['influence']);
    assert.deepEqual(tagsOf('not-utf8.md'), ['influence']);
    assert.deepEqual(tagsOf('binary.md'), []);
    // Never read past the size limit: its front matter only where a part of a file can be read.
    assert.deepEqual(tagsOf('huge-file.md'), disk.readsPartOfFiles ? ['influence'] : [], 'over the size limit');
    assert.deepEqual(await disk.hashes(dir), before, 'no file changed');
  });

  it('puts one warning on each bad file that says what is wrong, and none on good ones', async () => {
    await api();
    for (const name of Object.keys(HOSTILE)) {
      const diagnostics = vscode.languages.getDiagnostics(vscode.Uri.joinPath(dir, name));
      if (WARNED.includes(name)) {
        assert.equal(diagnostics.length, 1, `${name}: ${diagnostics.map((d) => d.message).join(' | ')}`);
        assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Warning);
      } else {
        assert.deepEqual(diagnostics, [], name);
      }
    }
    const message = (name: string) => vscode.languages.getDiagnostics(vscode.Uri.joinPath(dir, name))[0].message;
    assert.match(message('binary.md'), /binary file/);
    assert.match(message('not-utf8.md'), /not valid UTF-8/);
    assert.match(message('huge-file.md'), /balanceJournal\.maxFileSizeKB/);
    assert.match(message('tags-null.md'), /"tags" is empty/);
    assert.match(message('only-dashes.md'), /no closing "---"/);
  });

  it('shows titles from files as plain text, never as links or HTML', async () => {
    const { treeProvider } = await api();
    const influence = treeProvider.getChildren(sideNode(treeProvider, 'leadership'))[3];
    const row = treeProvider.getChildren(influence).find((node) => node.kind === 'entry' && node.entry.key.endsWith('links-and-html.md'));
    assert.ok(row);
    const item = treeProvider.getTreeItem(row);
    assert.equal(item.label, '[x](command:workbench.action.terminal.new) <img src=x onerror=alert(1)>');
    const tooltip = item.tooltip as vscode.MarkdownString;
    assert.ok(!tooltip.isTrusted && !tooltip.supportHtml);
    assert.doesNotMatch(tooltip.value, /(^|[^\\])\[x\]\(command:/);
    assert.doesNotMatch(tooltip.value, /(^|[^\\])<img/);

    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(dir, 'links-and-html.md'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(document.getText().indexOf('influence') + 2));
    const markdown = hovers.flatMap((hover) => hover.contents).filter((content): content is vscode.MarkdownString => content instanceof vscode.MarkdownString);
    assert.ok(markdown.length > 0);
    for (const content of markdown) {
      // Trusted for New Entry alone (the "Write about it" link): no other command can run from it.
      assert.deepEqual(content.isTrusted, { enabledCommands: ['balanceJournal.newEntry'] });
      assert.ok(!content.supportHtml);
      assert.doesNotMatch(content.value, /command:(?!balanceJournal\.newEntry\?)|<img/);
    }
  });
});

describe('Odd file names', () => {
  const dir = journalUri('odd names #1 100% é');
  const file = vscode.Uri.joinPath(dir, '2026-10-09 with spaces #2 50% 日本.md');

  after(async () => {
    await disk.rm(dir);
  });

  it('indexes and follows files whose names hold spaces, #, % and Unicode', async () => {
    const { index } = await api();
    const innovation = index.countOf('innovation');
    await disk.mkdir(dir);
    await disk.writeFile(file, '---\ntags: [innovation]\n---\n# Odd\n');
    await waitFor('the odd file', () => index.countOf('innovation') === innovation + 1);
    assert.equal(index.get(file.toString())?.day, '2026-10-09');
    await disk.writeFile(file, '---\ntags: [innovation, retro]\n---\n# Odd, changed\n');
    await waitFor('the change', () => index.get(file.toString())?.title === 'Odd, changed');
    assert.equal(index.countOf('innovation'), innovation + 1, 'counted once, not twice');
    await disk.rm(file);
    await waitFor('the delete', () => index.countOf('innovation') === innovation);
  });
});

describe('Two entries created at the same moment', () => {
  const created: vscode.Uri[] = [];
  after(async () => {
    for (const uri of created) await disk.rm(uri);
  });

  it('get two files, and neither overwrites the other', async () => {
    await api();
    const results = await Promise.all(
      ['first', 'second', 'third'].map((word) => vscode.commands.executeCommand<vscode.Uri>('balanceJournal.newEntry', { traits: ['influence'], title: `Same moment` , word })),
    );
    created.push(...results);
    const names = results.map((uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1)).sort();
    const day = localDay();
    assert.deepEqual(names, [`${day}-same-moment-2.md`, `${day}-same-moment-3.md`, `${day}-same-moment.md`]);
    for (const uri of results) assert.match(await disk.readText(uri), /^---\ndate: .*\ntags:\n {2}- influence\n---\n# Same moment\n/);
  });
});

describe('Paths outside the workspace', () => {
  const settings = () => vscode.workspace.getConfiguration('balanceJournal');

  afterEach(async () => {
    await settings().update('folder', undefined, vscode.ConfigurationTarget.Workspace);
    await (await api()).settle();
  });

  for (const value of ['../outside', '/etc', 'journal/../../outside']) {
    it(`refuses balanceJournal.folder = "${value}" with a message naming the setting, and writes nothing`, async () => {
      const { index } = await api();
      await settings().update('folder', value, vscode.ConfigurationTarget.Workspace);
      await waitFor('the journal to be refused', () => index.size === 0);
      const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('balanceJournal.newEntry', { traits: ['empathy'] });
      assert.equal(uri, undefined);
      assert.equal(await disk.exists(vscode.Uri.joinPath(workspaceFolder().uri, '..', 'outside')), false);
    });
  }

  it('refuses a journal folder that is a symbolic link leading outside', async () => {
    const { index } = await api();
    const outside = await disk.mkdtempNextTo(workspaceFolder().uri, 'outside-');
    await disk.writeFile(vscode.Uri.joinPath(outside, 'secret.md'), '#innovation\n');
    const link = vscode.Uri.joinPath(workspaceFolder().uri, 'linked');
    await disk.symlinkDir(outside, link);
    try {
      await settings().update('folder', 'linked', vscode.ConfigurationTarget.Workspace);
      await waitFor('the linked journal to be refused', () => index.size === 0);
      assert.equal(index.countOf('innovation'), 0);
      assert.equal(await vscode.commands.executeCommand('balanceJournal.newEntry', { traits: ['empathy'] }), undefined);
      assert.deepEqual(await disk.readdir(outside), ['secret.md'], 'nothing written outside');
    } finally {
      await disk.rm(link);
      await disk.rm(outside);
    }
  });

  it('never writes through a linked year folder inside the journal', async () => {
    const outside = await disk.mkdtempNextTo(workspaceFolder().uri, 'outside-');
    const year = localDay().slice(0, 4);
    const yearFolder = journalUri(year);
    const backup = journalUri(`${year}.bak`);
    const hadYear = await disk.exists(yearFolder);
    if (hadYear) await disk.rename(yearFolder, backup);
    await disk.symlinkDir(outside, yearFolder);
    try {
      assert.equal(await vscode.commands.executeCommand('balanceJournal.newEntry', { traits: ['empathy'] }), undefined);
      assert.deepEqual(await disk.readdir(outside), [], 'nothing written outside');
    } finally {
      await disk.rm(yearFolder);
      if (hadYear) await disk.rename(backup, yearFolder);
      await disk.rm(outside);
    }
  });
});

describe('The journal folder itself', () => {
  it('follows the folder being removed and put back', async () => {
    const { index, treeProvider } = await api();
    const root = journalUri();
    // Moved out of the workspace and back whole, as `mv`, git or a sync tool does: the watcher
    // sees the folder go, then arrive complete. (Copied back file by file, the folder races VS
    // Code's file watcher, which may not watch a new subfolder yet when its files arrive, and
    // then misses later changes in it: the suites after this one lost their file events.)
    const holder = await disk.mkdtempNextTo(workspaceFolder().uri, 'bj-moved-out-');
    const away = vscode.Uri.joinPath(holder, 'journal');
    const size = index.size;
    try {
      await disk.rename(root, away);
      await waitFor('the removed journal to empty the index', () => index.size === 0);
      assert.deepEqual(treeProvider.getChildren(), [], 'the welcome view shows instead');
      await disk.rename(away, root);
      await waitFor('the journal to come back', () => index.size === size);
    } finally {
      if (await disk.exists(away)) await disk.rename(away, root);
      await disk.rm(holder);
    }
  });
});
