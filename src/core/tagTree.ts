// Nested tags: `#one-on-one/alex` belongs to `one-on-one`. The Other tags row of the Traits view
// shows them as a tree with rolled-up counts: a parent counts each reflection that carries it or
// any tag below it, once.

import { JournalIndex } from './journalIndex';

export interface TagTreeNode {
  /** The whole tag (`one-on-one/alex`). */
  readonly tag: string;
  /** Its last part (`alex`). */
  readonly name: string;
  /** Reflections that carry the tag or a tag below it, each once. */
  readonly count: number;
  /** Reflections that carry exactly this tag. */
  readonly own: number;
  readonly children: readonly TagTreeNode[];
}

/** The parent of a nested tag (`a/b` of `a/b/c`), or undefined at the top. */
export function parentTag(tag: string): string | undefined {
  const slash = tag.lastIndexOf('/');
  return slash > 0 ? tag.slice(0, slash) : undefined;
}

/**
 * The tags that are not traits, as a tree by their `/` parts, most used first. A parent that no
 * entry carries itself (only `one-on-one/alex` is written) is still a node, with own = 0.
 */
export function otherTagTree(index: Pick<JournalIndex, 'otherTags' | 'entriesTagged'>): TagTreeNode[] {
  interface Building {
    tag: string;
    own: number;
    keys: Set<string>;
    children: Map<string, Building>;
  }
  const nodes = new Map<string, Building>();
  const roots = new Map<string, Building>();
  const node = (tag: string): Building => {
    let found = nodes.get(tag);
    if (!found) {
      found = { tag, own: 0, keys: new Set(), children: new Map() };
      nodes.set(tag, found);
      const parent = parentTag(tag);
      if (parent === undefined) roots.set(tag, found);
      else node(parent).children.set(tag, found);
    }
    return found;
  };
  for (const { tag, count } of index.otherTags()) {
    const own = node(tag);
    own.own = count;
    const keys = index.entriesTagged(tag).map((entry) => entry.key);
    // Roll up: every ancestor counts these entries too (a Set counts each once).
    for (let at: string | undefined = tag; at !== undefined; at = parentTag(at)) {
      const ancestor = node(at);
      for (const key of keys) ancestor.keys.add(key);
    }
  }
  const finish = (building: Building): TagTreeNode => ({
    tag: building.tag,
    name: building.tag.slice(building.tag.lastIndexOf('/') + 1),
    count: building.keys.size,
    own: building.own,
    children: sorted([...building.children.values()].map(finish)),
  });
  return sorted([...roots.values()].map(finish));
}

function sorted(nodes: TagTreeNode[]): TagTreeNode[] {
  return nodes.sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}
