import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api } from './helpers';

/** Our completion items at `|` in `text`, in their sort order. */
async function completionItems(text: string, trigger?: string): Promise<vscode.CompletionItem[]> {
  const cursor = text.indexOf('|');
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text.replace('|', '') });
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, document.positionAt(cursor), trigger);
  return list.items
    .filter((item) => typeof item.detail === 'string' && / · \d+ entr/.test(item.detail))
    .sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

async function complete(text: string): Promise<string[]> {
  return (await completionItems(text, '#')).map(labelOf);
}

describe('Tag completion', () => {
  it('offers traits after # in the order of the one rule (core/nextTrait), then own tags', async () => {
    const { index } = await api();
    const labels = await complete('Today I noticed #|');
    assert.equal(labels.length, 8 + index.otherTags().length);
    // Fixture: nothing in the last four weeks and both sides even all time: the traits never
    // written about first (in the source's order), then the longest since their last entry.
    assert.deepEqual(labels.slice(0, 3), ['visionary-thinking', 'innovation', 'problem-solving']);
    assert.equal(labels[3], 'influence');
    assert.equal(labels.at(-1), 'retro');
  });

  it('offers traits in the front matter tags list', async () => {
    await api();
    const labels = await complete('---\ntags:\n  - |\n---\n');
    assert.ok(labels.includes('empathy') && labels.includes('time-management'), labels.join(', '));
  });

  it('replaces only the typed part of the first item on the tags: line, never the key', async () => {
    await api();
    const items = await completionItems('---\ntags: em|\n---\n');
    const empathy = items.find((item) => labelOf(item) === 'empathy');
    assert.ok(empathy, items.map(labelOf).join(', '));
    const range = empathy.range instanceof vscode.Range ? empathy.range : empathy.range?.replacing;
    // `tags: ` is 6 characters: the item replaces `em`, columns 6 to 8 of line 1.
    assert.deepEqual([range?.start.line, range?.start.character, range?.end.line, range?.end.character], [1, 6, 1, 8]);
  });

  it('offers nothing after # inside code or a word', async () => {
    await api();
    assert.deepEqual(await complete('```\n#|\n```\n'), []);
    assert.deepEqual(await complete('word#|'), []);
  });
});
