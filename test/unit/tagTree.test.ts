// Nested tags: the Other tags tree with rolled-up counts, and completion after `parent/`.
import { describe, expect, it } from 'vitest';
import { parseEntry } from '../../src/core/entryParser';
import { JournalIndex } from '../../src/core/journalIndex';
import { rankTraits, traitActivity } from '../../src/core/nextTrait';
import { tagSuggestions } from '../../src/core/tagCompletion';
import { TagTreeNode, otherTagTree, parentTag } from '../../src/core/tagTree';

function journal(...bodies: string[]): JournalIndex {
  const index = new JournalIndex();
  bodies.forEach((body, i) => index.set(`e${i}.md`, `e${i}.md`, parseEntry(body, `2026-11-0${i + 1}-e.md`)));
  return index;
}

const shape = (nodes: readonly TagTreeNode[]): unknown[] => nodes.map((node) => [node.name, node.count, node.own, shape(node.children)]);

describe('otherTagTree', () => {
  it('nests tags by their `/` parts, rolling up each entry once', () => {
    const index = journal('#one-on-one/alex', '#one-on-one/alex #one-on-one/sam', '#one-on-one/sam', '#one-on-one #retro', '#one-on-one/sam/q4', '#empathy/listening');
    expect(shape(otherTagTree(index))).toEqual([
      [
        'one-on-one',
        5,
        1,
        [
          ['sam', 3, 2, [['q4', 1, 1, []]]],
          ['alex', 2, 2, []],
        ],
      ],
      // A trait as a parent: its nested tags are other tags, under a node of its name.
      ['empathy', 1, 0, [['listening', 1, 1, []]]],
      ['retro', 1, 1, []],
    ]);
  });

  it('is empty for a journal of traits only, and knows parents', () => {
    expect(otherTagTree(journal('#empathy'))).toEqual([]);
    expect(parentTag('a/b/c')).toBe('a/b');
    expect(parentTag('a')).toBeUndefined();
  });
});

describe('completion after `parent/`', () => {
  it('offers the tags under the parent first', () => {
    const others = [
      { tag: 'retro', count: 5 },
      { tag: 'one-on-one/alex', count: 2 },
      { tag: 'one-on-one/sam', count: 3 },
    ];
    const ranked = rankTraits(traitActivity(new JournalIndex(), new Date()));
    const suggestions = tagSuggestions(ranked, others, 'One-On-One/');
    expect(suggestions.slice(0, 2).map((s) => [s.tag, s.detail])).toEqual([
      ['one-on-one/alex', 'under #one-on-one · 2 entries'],
      ['one-on-one/sam', 'under #one-on-one · 3 entries'],
    ]);
    expect(suggestions).toHaveLength(8 + 3);
    expect(tagSuggestions(ranked, others, 'retro')[0].trait).toBeDefined();
  });
});
