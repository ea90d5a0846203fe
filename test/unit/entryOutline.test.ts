// An entry's outline (more cases beside the scanner's in tagNavigation.test.ts): the ranges of
// its sections.
import { describe, expect, it } from 'vitest';
import { entryOutline } from '../../src/core/entryOutline';

describe('entryOutline ranges', () => {
  it('starts a section at the start of its heading line, even for a one-letter heading', () => {
    const text = '# A\n\n## B\nbody\n';
    const [a] = entryOutline(text);
    expect([a.name, a.start, a.selectionStart, a.selectionEnd, a.end]).toEqual(['A', 0, 2, 3, 15]);
    const [b] = a.children;
    expect([b.name, b.start, b.selectionStart, b.selectionEnd, b.end]).toEqual(['B', 5, 8, 9, 15]);
  });

  it('starts a setext section at its text line, after the front matter', () => {
    const text = '---\ntags: [a]\n---\nA\n=\nB\n-\n';
    // The body starts at 18: `A` at 18, `B` at 22.
    const [a] = entryOutline(text);
    expect([a.name, a.start, a.selectionStart, a.selectionEnd, a.end]).toEqual(['A', 18, 18, 19, 26]);
    const [b] = a.children;
    expect([b.name, b.start, b.selectionStart, b.selectionEnd, b.end]).toEqual(['B', 22, 22, 23, 26]);
  });
});
