// The Ctrl+T query (more cases beside the index's in tagNavigation.test.ts): how a query is read
// and how the tags it names are ranked.
import { describe, expect, it } from 'vitest';
import { matchingTags, tagQuery } from '../../src/core/tagSymbols';

const names = (query: string, tags: Array<{ tag: string; count: number }>) => matchingTags(query, tags).map((t) => t.tag);

describe('tagQuery', () => {
  it('drops every leading `#`, and only leading ones', () => {
    expect(tagQuery('##emp')).toBe('emp');
    expect(tagQuery('###Retro ')).toBe('retro');
    expect(tagQuery('c#')).toBe('c#');
    expect(tagQuery('#a#b')).toBe('a#b');
  });
});

describe('matchingTags', () => {
  it('ranks a tag that starts with the query above one that only contains it, whatever their counts', () => {
    const tags = [
      { tag: 'team-empowerment', count: 9 },
      { tag: 'empathy', count: 1 },
    ];
    expect(names('emp', tags)).toEqual(['empathy', 'team-empowerment']);
  });

  it('counts a tag that ends with the query as containing it, not starting with it', () => {
    const tags = [
      { tag: 'sprint-retro', count: 5 },
      { tag: 'retro', count: 1 },
    ];
    expect(names('retro', tags)).toEqual(['retro', 'sprint-retro']);
  });

  it('orders the three groups, then by count, then by name', () => {
    const tags = [
      { tag: 'xaxbx', count: 7 },
      { tag: 'xab', count: 6 },
      { tag: 'abz', count: 1 },
      { tag: 'aby', count: 1 },
      { tag: 'ab', count: 3 },
      { tag: 'zz', count: 100 },
    ];
    expect(names('ab', tags)).toEqual(['ab', 'aby', 'abz', 'xab', 'xaxbx']);
  });

  it('needs a repeated character of the query repeated in the tag', () => {
    // `ee`: the second `e` must come after the first one, and empathy has only one.
    expect(names('ee', [{ tag: 'empathy', count: 1 }])).toEqual([]);
    expect(names('ee', [{ tag: 'feedback', count: 1 }])).toEqual(['feedback']);
    expect(names('ee', [{ tag: 'e-learning-every', count: 1 }])).toEqual(['e-learning-every']);
  });
});
