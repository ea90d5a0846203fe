// Tags as VS Code citizens, in a real extension host: rename (F2) through VS Code's own commands
// and through the provider itself (to see what the Refactor Preview is told), references
// (Shift+F12), workspace symbols (Ctrl+T), the entry's outline, trait colours in the editor and
// the Markdown preview's markdown-it plugin.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import * as disk from './disk';
import { api, journalUri, waitFor, workspaceFolder } from './helpers';
import { JournalModel } from '../../../src/core/journalModel';
import { TagRenameProvider } from '../../../src/features/tagRename';
import { webPlatform } from '../../../src/platform/platform';

const dir = journalUri('citizens');
const file = (name: string) => vscode.Uri.joinPath(dir, name);

const FILES: Record<string, string | Uint8Array> = {
  'block.md': '---\ntags:\n  - rename-me\n  - "Rename Me" # said twice\n---\n# Block list\n\nA #rename-me inline, and #rename-me/child nested.\n\n```\n#rename-me in code\n```\n',
  'flow.md': "---\ntags: [other-tag, 'rename-me']\n---\n# Flow list\n\nrename-me as a plain word, `#rename-me` in code, [link](#rename-me).\n",
  'comma.md': '---\ntags: rename-me, other-tag\n---\n## Comma text #Rename_Me\n',
  'huge.md': `---\ntags: [rename-me]\n---\n${'word '.repeat(220 * 1024)}#rename-me\n`,
  'binary.md': new Uint8Array([...new TextEncoder().encode('#rename-me '), 0, 1, 2]),
};

async function positionOf(uri: vscode.Uri, needle: string, delta = 1): Promise<{ document: vscode.TextDocument; position: vscode.Position }> {
  const document = await vscode.workspace.openTextDocument(uri);
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `${needle} not in ${uri.path}`);
  return { document, position: document.positionAt(offset + delta) };
}

/** The text edits of a WorkspaceEdit by file name. */
function editsByFile(edit: vscode.WorkspaceEdit): Map<string, string[]> {
  return new Map(edit.entries().map(([uri, edits]) => [uri.path.slice(uri.path.lastIndexOf('/') + 1), edits.map((change) => change.newText)]));
}

/** Our provider over the running extension's index, asking `answer` before a trait is renamed. */
async function provider(answer = false, asked: string[] = []): Promise<TagRenameProvider> {
  const { index } = await api();
  const root = journalUri().toString();
  const indexer = { contains: (uri: vscode.Uri) => uri.toString().startsWith(`${root}/`) && uri.path.endsWith('.md') };
  const log = vscode.window.createOutputChannel('Balance Journal tests', { log: true });
  return new TagRenameProvider({ index } as unknown as JournalModel, indexer as never, webPlatform, log, async (question) => {
    asked.push(question);
    return answer;
  });
}

const token = new vscode.CancellationTokenSource().token;

/** huge.md holds the tag in its front matter: the Node host reads that much of it, the web host none. */
const hugeCounted = disk.readsPartOfFiles ? 1 : 0;

describe('Tags as VS Code citizens', () => {
  before(async () => {
    const { index } = await api();
    await disk.mkdir(dir);
    for (const [name, content] of Object.entries(FILES)) await disk.writeFile(file(name), content);
    await waitFor('the files to be indexed', () => Object.keys(FILES).every((name) => index.get(file(name).toString())) && index.countOf('rename-me') === 3 + hugeCounted);
  });

  after(async () => {
    const { index } = await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await disk.rm(dir);
    await disk.rm(vscode.Uri.joinPath(workspaceFolder().uri, 'notes', 'citizens-outside.md'));
    const prefix = `${dir.toString()}/`;
    await waitFor('the files to leave the index', () => ![...index.keys()].some((key) => key.startsWith(prefix)));
  });

  describe('Rename (F2)', () => {
    it('prepares on a tag, with the tag as the placeholder; says "not a tag here" elsewhere', async () => {
      await api();
      const { position } = await positionOf(file('block.md'), '#rename-me inline', 3);
      const prepared = await vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string }>('vscode.prepareRename', file('block.md'), position);
      assert.equal(prepared.placeholder, 'rename-me');
      const word = await positionOf(file('flow.md'), 'rename-me as a plain');
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand('vscode.prepareRename', file('flow.md'), word.position)), /Not a tag here/);
    });

    it('builds one edit over every entry that holds the tag: front matter in all three forms, inline, nested; never code, words, big or binary files', async () => {
      await api();
      const { position } = await positionOf(file('flow.md'), "'rename-me'", 2);
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', file('flow.md'), position, 'renamed');
      const edits = editsByFile(edit);
      assert.deepEqual([...edits.keys()].sort(), ['block.md', 'comma.md', 'flow.md']);
      assert.deepEqual(edits.get('block.md'), ['renamed', 'renamed', 'renamed', 'renamed/child']);
      assert.deepEqual(edits.get('flow.md'), ['renamed']);
      assert.deepEqual(edits.get('comma.md'), ['renamed', 'renamed']);
    });

    it('marks every edit for the Refactor Preview, names a merge, and lists the files it leaves alone', async () => {
      const renamer = await provider();
      const { document, position } = await positionOf(file('comma.md'), 'rename-me,');
      const plan = await renamer.plan(document, position, 'other-tag', token);
      assert.ok(plan);
      assert.equal(plan.metadata.needsConfirmation, true);
      assert.match(plan.metadata.label, /Merge #rename-me into #other-tag/);
      assert.match(String(plan.metadata.description), /already in 2 note/);
      // The files the index says hold the tag but rename leaves alone: huge.md, where it was read.
      assert.equal(plan.notChanged.length, hugeCounted);
      if (hugeCounted) assert.match(plan.notChanged[0], /huge\.md: it is over the size limit/);
      const plain = await renamer.plan(document, position, 'brand-new', token);
      assert.match(plain!.metadata.label, /Rename #rename-me to #brand-new/);
    });

    it('refuses an invalid name with the rule, asks before renaming a trait, and refuses a file outside the journal', async () => {
      const asked: string[] = [];
      const renamer = await provider(false, asked);
      const { document, position } = await positionOf(file('comma.md'), 'rename-me,');
      await assert.rejects(renamer.plan(document, position, '1on1', token), /letter must start the tag.*A tag starts with a letter/);
      await assert.rejects(renamer.plan(document, position, ' padded', token), /spaces at its ends/);
      await assert.rejects(renamer.plan(document, position, 'two words', token), /may not contain/);

      const entry = await positionOf(journalUri('2026', '10', '2026-10-01-first-one-on-one.md'), 'empathy');
      await assert.rejects(renamer.plan(entry.document, entry.position, 'kindness', token), /Nothing was renamed: #empathy keeps its entries/);
      assert.equal(asked.length, 1);
      assert.match(asked[0], /#empathy is the trait Empathy \(Leadership\)\. Rename it to #kindness\? Its 2 entries will no longer count for Empathy/);

      const outside = vscode.Uri.joinPath(workspaceFolder().uri, 'notes', 'citizens-outside.md');
      await disk.writeFile(outside, 'Outside #rename-me\n');
      const there = await positionOf(outside, '#rename-me', 2);
      assert.throws(() => renamer.prepareRename(there.document, there.position), /only in the journal folder/);
    });

    it('applies: the index follows, other bytes stay, and the big, binary and outside files are unchanged', async () => {
      const { index } = await api();
      const before = new Map<string, string>();
      for (const name of ['huge.md', 'binary.md']) before.set(name, String(await disk.readText(file(name))));
      const { position } = await positionOf(file('block.md'), '#rename-me inline', 3);
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', file('block.md'), position, 'renamed');
      // A copy without metadata: the test applies it without the Refactor Preview a person sees.
      const copy = new vscode.WorkspaceEdit();
      for (const [uri, edits] of edit.entries()) copy.set(uri, edits);
      assert.ok(await vscode.workspace.applyEdit(copy));
      await vscode.workspace.saveAll(false);
      await waitFor('the index to follow the rename', () => index.countOf('renamed') === 3 && index.countOf('rename-me') === hugeCounted);
      assert.equal(
        await disk.readText(file('block.md')),
        '---\ntags:\n  - renamed\n  - "renamed" # said twice\n---\n# Block list\n\nA #renamed inline, and #renamed/child nested.\n\n```\n#rename-me in code\n```\n',
      );
      assert.equal(await disk.readText(file('flow.md')), "---\ntags: [other-tag, 'renamed']\n---\n# Flow list\n\nrename-me as a plain word, `#rename-me` in code, [link](#rename-me).\n");
      assert.equal(await disk.readText(file('comma.md')), '---\ntags: renamed, other-tag\n---\n## Comma text #renamed\n');
      for (const [name, text] of before) assert.equal(await disk.readText(file(name)), text, name);
      assert.equal(await disk.readText(vscode.Uri.joinPath(workspaceFolder().uri, 'notes', 'citizens-outside.md')), 'Outside #rename-me\n');
    });
  });

  describe('References, symbols and the outline', () => {
    it('Shift+F12 lists every occurrence of the tag in the journal', async () => {
      await api();
      const { position } = await positionOf(file('comma.md'), '#renamed', 2);
      const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', file('comma.md'), position);
      // VS Code's Markdown extension adds its own (the heading the tag is in): ours are the tags.
      const byFile = new Map<string, number>();
      for (const location of locations) {
        const document = await vscode.workspace.openTextDocument(location.uri);
        if (!/^renamed$/i.test(document.getText(location.range))) continue;
        const name = location.uri.path.slice(location.uri.path.lastIndexOf('/') + 1);
        byFile.set(name, (byFile.get(name) ?? 0) + 1);
      }
      assert.deepEqual(Object.fromEntries([...byFile].sort()), { 'block.md': 3, 'comma.md': 2, 'flow.md': 1 });
    });

    it('Ctrl+T: "#ren" finds the tag and the entries that carry it', async () => {
      await api();
      const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', '#ren');
      const names = symbols.map((symbol) => symbol.name);
      assert.ok(names.includes('#renamed'), names.join(', '));
      // comma.md has no level-1 heading: its title is its file name.
      for (const title of ['Block list', 'Flow list', 'comma']) assert.ok(names.includes(`#renamed › ${title}`), `${title} in ${names.join(', ')}`);
      const empathy = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', '#emp');
      assert.ok(empathy.some((symbol) => symbol.name === '#empathy' && /Empathy · Leadership · 2 entries/.test(symbol.containerName)));
    });

    it('gives an entry an outline: its title, with its sections under it', async () => {
      await api();
      const uri = file('outline.md');
      await disk.writeFile(uri, '---\ntags: [outline-tag]\n---\n# The title\n\n## First section\n\ntext\n\n### Deeper\n\n## Second section\n\n> # not a section\n');
      const document = await vscode.workspace.openTextDocument(uri);
      await waitFor('our outline', async () => {
        const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
        return symbols.some((symbol) => symbol.name === 'The title' && symbol.detail.includes('#outline-tag'));
      });
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
      const title = symbols.find((symbol) => symbol.name === 'The title' && symbol.detail.includes('#outline-tag'))!;
      assert.deepEqual(
        title.children.map((child) => [child.name, child.children.map((grandchild) => grandchild.name)]),
        [
          ['First section', ['Deeper']],
          ['Second section', []],
        ],
      );
      assert.equal(document.getText(title.selectionRange), 'The title');
    });
  });

  describe('Nested tags', () => {
    it('shows Other tags as a tree with rolled-up counts, and completes the tags under a parent after `/`', async () => {
      const { index, treeProvider } = await api();
      await disk.writeFile(file('nested-1.md'), '# One\n\n#talks/alex and #talks/sam\n');
      await disk.writeFile(file('nested-2.md'), '# Two\n\n#talks/sam\n');
      await waitFor('the nested tags', () => index.countOf('talks/sam') === 2 && index.countOf('talks/alex') === 1);
      const otherTags = treeProvider.getChildren().find((node) => node.kind === 'otherTags');
      assert.ok(otherTags);
      const talks = treeProvider.getChildren(otherTags).find((node) => node.kind === 'otherTag' && node.tag === 'talks');
      assert.ok(talks);
      assert.equal(treeProvider.getTreeItem(talks).description, '2');
      const children = treeProvider.getChildren(talks).map((node) => treeProvider.getTreeItem(node));
      assert.deepEqual(
        children.map((item) => [item.label, item.description]),
        [
          ['sam', '2'],
          ['alex', '1'],
        ],
      );

      const uri = file('nested-3.md');
      await disk.writeFile(uri, '# Three\n\n#talks/\n');
      const document = await vscode.workspace.openTextDocument(uri);
      const position = document.positionAt(document.getText().indexOf('#talks/') + '#talks/'.length);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position, '/');
      const sortText = (label: string) => list.items.find((item) => (typeof item.label === 'string' ? item.label : item.label.label) === label)?.sortText;
      for (const child of ['talks/alex', 'talks/sam']) {
        assert.ok(sortText(child), `${child} is offered`);
        assert.ok(sortText(child)! < sortText('empathy')!, `${child} comes before the traits`);
      }
    });
  });

  describe('Colours and the preview', () => {
    it('colours trait tags by side in a journal entry as you type, and nowhere when turned off', async () => {
      const { tagColors } = await api();
      const uri = file('colours.md');
      await disk.writeFile(uri, '---\ntags: [empathy]\n---\nPlanned with #time-management and #retro.\n');
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const texts = (side: 'leadership' | 'management') => (tagColors.rangesOf(uri)?.[side] ?? []).map((range) => editor.document.getText(range));
      await waitFor('the colours', () => texts('leadership').length === 1 && texts('management').length === 1);
      assert.deepEqual(texts('leadership'), ['empathy']);
      assert.deepEqual(texts('management'), ['time-management']);
      await editor.edit((builder) => builder.insert(editor.document.positionAt(editor.document.getText().length), ' #influence'));
      await waitFor('the colours to follow the typing', () => texts('leadership').includes('influence'));

      const settings = vscode.workspace.getConfiguration('balanceJournal');
      await settings.update('tagColors', 'off', vscode.ConfigurationTarget.Workspace);
      try {
        await waitFor('the colours to go', () => tagColors.rangesOf(uri) === undefined);
      } finally {
        await settings.update('tagColors', undefined, vscode.ConfigurationTarget.Workspace);
      }
      await waitFor('the colours to come back', () => texts('leadership').length === 2);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    it('does not colour a Markdown file outside the journal', async () => {
      const { tagColors } = await api();
      const outside = vscode.Uri.joinPath(workspaceFolder().uri, 'notes', 'citizens-outside.md');
      await disk.writeFile(outside, 'Outside #empathy\n');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(outside));
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.equal(tagColors.rangesOf(outside), undefined);
    });

    it('hands the Markdown preview a markdown-it plugin that turns tags into badges', async () => {
      const exports = await api();
      const rendered: string[] = [];
      // A stand-in for the preview's markdown-it: the plugin asks it for one core rule and one renderer.
      const rules: Array<(state: unknown) => void> = [];
      const md = {
        core: { ruler: { before: (_at: string, _name: string, rule: (state: unknown) => void) => rules.push(rule), push: (_name: string, rule: (state: unknown) => void) => rules.push(rule) } },
        renderer: { rules: {} as Record<string, (tokens: Array<{ content: string }>, index: number) => string> },
        utils: { escapeHtml: (text: string) => text.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`) },
      };
      assert.equal(exports.extendMarkdownIt(md), md);
      assert.equal(rules.length, 1);
      rendered.push(md.renderer.rules.balance_journal_tag([{ content: '#empathy' }], 0));
      assert.deepEqual(rendered, ['<span class="balance-journal-tag balance-journal-tag-leadership" data-tag="empathy" title="Empathy">#empathy</span>']);
      const manifest = vscode.extensions.getExtension('balance-journal.balance-journal')!.packageJSON;
      assert.equal(manifest.contributes['markdown.markdownItPlugins'], true);
      assert.deepEqual(manifest.contributes['markdown.previewStyles'], ['./media/preview.css']);
    });
  });
});
