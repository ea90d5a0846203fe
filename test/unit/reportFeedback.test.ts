import { describe, expect, it } from 'vitest';
import { compareFeedback, describeFeedbackGap, feedbackSectionHtml } from '../../src/core/reportFeedback';
import { BUILT_IN_TRAITS, Trait } from '../../src/core/traits';

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

  describe('the whole section', () => {
    const trait = (id: string): Trait => BUILT_IN_TRAITS.find((t) => t.id === id)!;
    const head = '  <h2 id="feedback-heading">Your reflections and others&#39; feedback</h2>';
    const table = (rows: string) => [
      '  <div class="table-wrap" role="region" aria-labelledby="feedback-caption">',
      '    <table id="feedback-table">',
      '      <caption id="feedback-caption">Per trait: your entries and the feedback notes that mention it, all time.</caption>',
      '      <thead><tr><th scope="col">Trait</th><th scope="col" class="num">Your entries</th><th scope="col" class="num">Feedback</th></tr></thead>',
      `      <tbody>${rows}</tbody>`,
      '    </table>',
      '  </div>',
    ];

    it('before any feedback is an invitation under the heading', () => {
      const rows = [{ trait: trait('empathy'), reflections: 12, feedback: 0 }];
      expect(feedbackSectionHtml({ rows, anyFeedback: false, gaps: [] })).toBe(
        [
          '<section class="card" aria-labelledby="feedback-heading">',
          head,
          '  <p class="help">No feedback recorded yet. &#34;Record Feedback…&#34; keeps what others say about your traits, apart from your own reflections.</p>',
          '</section>',
        ].join('\n'),
      );
    });

    it('lists every gap with its strategy, then the table of traits with entries or feedback', () => {
      const empathy = { trait: trait('empathy'), reflections: 12, feedback: 0 };
      const innovation = { trait: trait('innovation'), reflections: 0, feedback: 0 };
      const influence = { trait: trait('influence'), reflections: 1, feedback: 2 };
      const comparison = {
        rows: [empathy, innovation, influence],
        anyFeedback: true,
        gaps: [
          { kind: 'unmentioned' as const, row: empathy },
          { kind: 'seenByOthers' as const, row: influence },
        ],
      };
      expect(feedbackSectionHtml(comparison)).toBe(
        [
          '<section class="card" aria-labelledby="feedback-heading">',
          head,
          '  <ul class="feedback-gaps">' +
            '<li class="feedback-gap"><strong>Foster Collaboration:</strong> You write often about Empathy (12 entries), but no feedback mentions it yet: ask someone who works with you how they see it.</li>' +
            '<li class="feedback-gap"><strong>Continuous Learning:</strong> Others mention Influence (2 feedback), though you have written about it in 1 entry: write down what they saw, and what you would do again.</li>' +
            '</ul>',
          ...table('<tr><th scope="row">Empathy</th><td class="num">12</td><td class="num">0</td></tr><tr><th scope="row">Influence</th><td class="num">1</td><td class="num">2</td></tr>'),
          '</section>',
        ].join('\n'),
      );
    });

    it('says your reflections and the feedback agree when there is feedback and no gap', () => {
      const rows = [
        { trait: trait('empathy'), reflections: 4, feedback: 1 },
        // 2 is under three quarters of 4: not written about often enough to be a gap.
        { trait: trait('influence'), reflections: 2, feedback: 0 },
      ];
      expect(feedbackSectionHtml({ rows, anyFeedback: true, gaps: [] })).toBe(
        [
          '<section class="card" aria-labelledby="feedback-heading">',
          head,
          '  <p class="help">Your reflections and the feedback you recorded agree: no trait stands out.</p>',
          ...table('<tr><th scope="row">Empathy</th><td class="num">4</td><td class="num">1</td></tr><tr><th scope="row">Influence</th><td class="num">2</td><td class="num">0</td></tr>'),
          '</section>',
        ].join('\n'),
      );
    });
  });
});
