import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api } from './helpers';

async function complete(text: string): Promise<string[]> {
  const cursor = text.indexOf('|');
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text.replace('|', '') });
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, document.positionAt(cursor), '#');
  return list.items
    .filter((item) => typeof item.detail === 'string' && / · \d+ entr/.test(item.detail))
    .sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''))
    .map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
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

  it('offers nothing after # inside code or a word', async () => {
    await api();
    assert.deepEqual(await complete('```\n#|\n```\n'), []);
    assert.deepEqual(await complete('word#|'), []);
  });
});
