import { describe, expect, it } from 'vitest';
import { parseEntry } from '../../src/core/entryParser';
import { FEEDBACK_SOURCES, MAX_FEEDBACK_TEXT, buildFeedback, feedbackSourceLabel, readFeedbackSource } from '../../src/core/feedback';
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

describe('feedback notes, whole', () => {
  const now = new Date(2026, 10, 27, 9);

  it('labels each source', () => {
    expect(FEEDBACK_SOURCES.map(feedbackSourceLabel)).toEqual(['Manager', 'Peer', 'Direct report', 'Mentor', 'Self', 'Other']);
  });

  it('reads from: in any case, with spaces or underscores, and names the sources when it is none of them', () => {
    expect(readFeedbackSource(' Direct_Report ', 3)).toEqual({ from: 'direct-report', problems: [] });
    expect(readFeedbackSource('direct  report', 3)).toEqual({ from: 'direct-report', problems: [] });
    expect(readFeedbackSource('PEER', 3)).toEqual({ from: 'peer', problems: [] });
    const problem = [{ message: '"from" should say who gave the feedback: one of manager, peer, direct-report, mentor, self, other.', line: 4 }];
    expect(readFeedbackSource('my boss', 4)).toEqual({ problems: problem });
    expect(readFeedbackSource(42, 4)).toEqual({ problems: problem });
    expect(readFeedbackSource(undefined, 4)).toEqual({ problems: problem });
    expect(readFeedbackSource('', 4)).toEqual({ problems: problem });
  });

  it('writes the heading, the quote with every line kept and no # of its own, CRLF and CR as lines, and trims the ends', () => {
    const built = buildFeedback({ from: 'mentor', traits: [traitById('decision-making')!, traitById('empathy')!], text: '  First #idea \r\nsecond\rthird  \n\n', now });
    const body = built.text.slice(built.text.indexOf('\n---\n') + 5);
    expect(body).toBe('# Feedback from mentor: Decision-Making, Empathy\n\n> First \\#idea\n> second\n> third\n');
    expect(built.slug).toBe('feedback-mentor-decision-making');
    expect(parseEntry(built.text).tags).toEqual(['decision-making', 'empathy']);
  });

  it(`keeps at most ${MAX_FEEDBACK_TEXT} characters of what was said`, () => {
    const built = buildFeedback({ from: 'peer', traits: [traitById('influence')!], text: 'a'.repeat(MAX_FEEDBACK_TEXT + 10), now });
    expect(built.text).toContain(`> ${'a'.repeat(MAX_FEEDBACK_TEXT)}\n`);
    expect(built.text).not.toContain('a'.repeat(MAX_FEEDBACK_TEXT + 1));
  });

  it('escapes a # that a trait of your own puts in the heading', () => {
    const trait = { ...traitById('empathy')!, label: 'C# mentoring' };
    const built = buildFeedback({ from: 'self', traits: [trait], text: 'ok', now });
    expect(built.text).toContain('\n# Feedback from self: C\\# mentoring\n');
  });

  it('refuses feedback about no trait', () => {
    expect(() => buildFeedback({ from: 'peer', traits: [], text: 'x', now })).toThrow('Feedback needs at least one trait.');
  });
});
