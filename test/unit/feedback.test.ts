import { describe, expect, it } from 'vitest';
import { parseEntry } from '../../src/core/entryParser';
import { buildFeedback } from '../../src/core/feedback';
import { JournalIndex } from '../../src/core/journalIndex';
import { traitById } from '../../src/core/traits';

describe('feedback notes', () => {
  it('are written with kind, from and tags, the words quoted and never tagging', () => {
    const built = buildFeedback({ from: 'direct-report', traits: [traitById('empathy')!, traitById('influence')!], text: 'You listen well.\n#influence too', now: new Date(2026, 10, 27, 9) });
    expect(built.slug).toBe('feedback-direct-report-empathy');
    const parsed = parseEntry(built.text, 'f.md');
    expect(parsed).toMatchObject({ kind: 'feedback', from: 'direct-report', tags: ['empathy', 'influence'], problems: [] });
    expect(built.text).toContain('> You listen well.\n> \\#influence too\n');
  });

  it('report an unknown from: as a problem', () => {
    const parsed = parseEntry('---\nkind: feedback\nfrom: the CEO\ntags: [empathy]\n---\n', 'f.md');
    expect(parsed.from).toBeUndefined();
    expect(parsed.problems).toEqual([{ message: expect.stringMatching(/"from"/), line: 2 }]);
  });

  it('are counted per tag apart from reflections', () => {
    const index = new JournalIndex();
    index.set('/j/a.md', 'a.md', parseEntry('---\ntags: [empathy]\n---\n'));
    index.set('/j/f.md', 'f.md', parseEntry('---\nkind: feedback\nfrom: peer\ntags: [empathy]\n---\n'));
    index.set('/j/g.md', 'g.md', parseEntry('---\nkind: feedback\nfrom: Manager\ntags: [empathy, time-management]\n---\n'));
    expect(index.countOf('empathy')).toBe(1);
    expect(index.feedbackCountOf('empathy')).toBe(2);
    expect(index.get('/j/g.md')?.from).toBe('manager');
    index.delete('/j/f.md');
    expect(index.feedbackCountOf('empathy')).toBe(1);
    index.set('/j/g.md', 'g.md', parseEntry('---\nkind: feedback\nfrom: peer\ntags: [influence]\n---\n'));
    expect(index.feedbackCountOf('empathy')).toBe(0);
    expect(index.feedbackCountOf('influence')).toBe(1);
  });
});
