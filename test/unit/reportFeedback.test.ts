import { describe, expect, it } from 'vitest';
import { compareFeedback, describeFeedbackGap, feedbackSectionHtml } from '../../src/core/reportFeedback';
import { BUILT_IN_TRAITS } from '../../src/core/traits';

const of = (counts: Record<string, number>) => (tag: string) => counts[tag] ?? 0;

describe('your reflections next to others\' feedback', () => {
  it('finds the traits others see that you rarely write about, at a quarter of your most reflected (inclusive)', () => {
    // Most reflected: empathy, 12. A quarter of it is 3: influence (3) counts as rarely, innovation (4) does not.
    const reflections = of({ empathy: 12, influence: 3, innovation: 4, 'time-management': 9, 'decision-making': 8 });
    const feedback = of({ influence: 2, innovation: 1, empathy: 1 });
    const { gaps, anyFeedback } = compareFeedback(BUILT_IN_TRAITS, reflections, feedback);
    expect(anyFeedback).toBe(true);
    expect(gaps.filter((gap) => gap.kind === 'seenByOthers').map((gap) => gap.row.trait.id)).toEqual(['influence']);
  });

  it('finds the traits you write about often that nobody mentions, at three quarters of your most reflected (inclusive)', () => {
    // Most 12: three quarters is 9. time-management (9, no feedback) counts; decision-making (8) does not; empathy has feedback.
    const reflections = of({ empathy: 12, 'time-management': 9, 'decision-making': 8 });
    const { gaps } = compareFeedback(BUILT_IN_TRAITS, reflections, of({ empathy: 1 }));
    expect(gaps.filter((gap) => gap.kind === 'unmentioned').map((gap) => gap.row.trait.id)).toEqual(['time-management']);
  });

  it('says nothing of gaps before any feedback is recorded', () => {
    const { gaps, anyFeedback, rows } = compareFeedback(BUILT_IN_TRAITS, of({ empathy: 12 }), of({}));
    expect(anyFeedback).toBe(false);
    expect(gaps).toEqual([]);
    expect(rows).toHaveLength(8);
    expect(feedbackSectionHtml(compareFeedback(BUILT_IN_TRAITS, of({ empathy: 12 }), of({})))).toContain('No feedback recorded yet.');
  });

  it('with no reflections at all, a trait with feedback is seen by others and none is unmentioned', () => {
    const { gaps } = compareFeedback(BUILT_IN_TRAITS, of({}), of({ empathy: 1 }));
    expect(gaps.map((gap) => [gap.kind, gap.row.trait.id])).toEqual([['seenByOthers', 'empathy']]);
  });

  it('names the strategy that fits each gap, in one sentence', () => {
    const empathy = BUILT_IN_TRAITS.find((trait) => trait.id === 'empathy')!;
    expect(describeFeedbackGap({ kind: 'seenByOthers', row: { trait: empathy, reflections: 1, feedback: 2 } })).toEqual({
      sentence: 'Others mention Empathy (2 feedback), though you have written about it in 1 entry: write down what they saw, and what you would do again.',
      strategy: 'Continuous Learning',
    });
    expect(describeFeedbackGap({ kind: 'unmentioned', row: { trait: empathy, reflections: 12, feedback: 0 } })).toEqual({
      sentence: 'You write often about Empathy (12 entries), but no feedback mentions it yet: ask someone who works with you how they see it.',
      strategy: 'Foster Collaboration',
    });
  });

  it('escapes every text of the section and lists only traits with entries or feedback', () => {
    const evil = { id: 'x', label: '<img src=x onerror=alert(1)>', side: 'leadership' as const, description: '', prompts: [] };
    const html = feedbackSectionHtml(compareFeedback([...BUILT_IN_TRAITS, evil], of({ empathy: 4 }), of({ x: 1 })));
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(html.match(/<tr><th scope="row">/g)).toHaveLength(2); // empathy and the evil one
  });
});
