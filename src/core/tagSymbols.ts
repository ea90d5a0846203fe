// Workspace symbols for tags (Ctrl+T): which tags a query names, best first.

import { TagCount } from './journalIndex';

/** A query as typed (`#emp`, `emp`, `EMP`) in the form tags are kept: without `#`, lower case. */
export function tagQuery(query: string): string {
  return query.trim().replace(/^#+/, '').toLowerCase();
}

/**
 * The tags a query names: those that start with it first, then those that contain it, then
 * those that hold its characters in order (as VS Code's own fuzzy match does); the more entries
 * the earlier within each group. An empty query names every tag.
 */
export function matchingTags(query: string, tags: readonly TagCount[]): TagCount[] {
  const wanted = tagQuery(query);
  const ranked: Array<{ rank: number; tag: TagCount }> = [];
  for (const tag of tags) {
    const rank = wanted === '' || tag.tag.startsWith(wanted) ? 0 : tag.tag.includes(wanted) ? 1 : inOrder(wanted, tag.tag) ? 2 : -1;
    if (rank >= 0) ranked.push({ rank, tag });
  }
  return ranked.sort((a, b) => a.rank - b.rank || b.tag.count - a.tag.count || a.tag.tag.localeCompare(b.tag.tag)).map(({ tag }) => tag);
}

function inOrder(wanted: string, tag: string): boolean {
  let at = 0;
  for (const char of wanted) {
    at = tag.indexOf(char, at);
    if (at === -1) return false;
    at += char.length;
  }
  return true;
}
