// The Balance Report's "Your reflections and others' feedback" section (Foster Collaboration):
// per trait, your entries next to the feedback notes that mention it, and where the two disagree
// (others see a trait you rarely write about; you write often about one nobody has mentioned).
// Built and escaped here, called from reportHtml.ts.

import * as l10n from '@vscode/l10n';
import { pluralEntries } from './balance';
import { escapeXml } from './reportCharts';
import { STRATEGIES, Trait } from './traits';

export interface FeedbackRow {
  readonly trait: Trait;
  /** Your reflections on the trait, all time. */
  readonly reflections: number;
  /** Feedback notes that mention it, all time. */
  readonly feedback: number;
}

export type FeedbackGap =
  /** Others mention it, and you have written about it at most a quarter as often as your most reflected trait. */
  | { readonly kind: 'seenByOthers'; readonly row: FeedbackRow }
  /** You write about it at least three quarters as often as your most reflected trait; no feedback mentions it. */
  | { readonly kind: 'unmentioned'; readonly row: FeedbackRow };

export interface FeedbackComparison {
  readonly rows: readonly FeedbackRow[];
  /** Feedback notes in all (a note on two traits counts once per trait in the rows). */
  readonly anyFeedback: boolean;
  readonly gaps: readonly FeedbackGap[];
}

/**
 * Your reflections next to others' feedback, trait by trait, in the traits' order, and the gaps
 * between them. No gaps without feedback: with nothing heard yet, there is nothing to compare.
 */
export function compareFeedback(traits: readonly Trait[], countOf: (tag: string) => number, feedbackCountOf: (tag: string) => number): FeedbackComparison {
  const rows = traits.map((trait) => ({ trait, reflections: countOf(trait.id), feedback: feedbackCountOf(trait.id) }));
  const anyFeedback = rows.some((row) => row.feedback > 0);
  const most = Math.max(0, ...rows.map((row) => row.reflections));
  const gaps: FeedbackGap[] = [];
  if (anyFeedback) {
    for (const row of rows) {
      // Whole-number comparisons (4 × reflections against most) so no rounding decides a case.
      if (row.feedback > 0 && 4 * row.reflections <= most) gaps.push({ kind: 'seenByOthers', row });
      else if (row.feedback === 0 && most > 0 && 4 * row.reflections >= 3 * most) gaps.push({ kind: 'unmentioned', row });
    }
  }
  return { rows, anyFeedback, gaps };
}

/** One sentence for a gap, with the source's strategy that fits it. */
export function describeFeedbackGap(gap: FeedbackGap): { sentence: string; strategy: string } {
  const { trait, reflections, feedback } = gap.row;
  if (gap.kind === 'seenByOthers') {
    return {
      sentence: l10n.t('Others mention {0} ({1} feedback), though you have written about it in {2}: write down what they saw, and what you would do again.', trait.label, feedback, pluralEntries(reflections)),
      strategy: STRATEGIES[2].name,
    };
  }
  return {
    sentence: l10n.t('You write often about {0} ({1}), but no feedback mentions it yet: ask someone who works with you how they see it.', trait.label, pluralEntries(reflections)),
    strategy: STRATEGIES[1].name,
  };
}

/** The section, or a one-line invitation when no feedback is recorded. Every text is escaped. */
export function feedbackSectionHtml(comparison: FeedbackComparison): string {
  const e = escapeXml;
  const head = `<h2 id="feedback-heading">${e(l10n.t("Your reflections and others' feedback"))}</h2>`;
  if (!comparison.anyFeedback) {
    return `<section class="card" aria-labelledby="feedback-heading">
  ${head}
  <p class="help">${e(l10n.t('No feedback recorded yet. "Record Feedback…" keeps what others say about your traits, apart from your own reflections.'))}</p>
</section>`;
  }
  const rows = comparison.rows
    .filter((row) => row.reflections > 0 || row.feedback > 0)
    .map((row) => `<tr><th scope="row">${e(row.trait.label)}</th><td class="num">${row.reflections}</td><td class="num">${row.feedback}</td></tr>`)
    .join('');
  const gaps = comparison.gaps
    .map((gap) => {
      const { sentence, strategy } = describeFeedbackGap(gap);
      return `<li class="feedback-gap"><strong>${e(strategy)}:</strong> ${e(sentence)}</li>`;
    })
    .join('');
  return `<section class="card" aria-labelledby="feedback-heading">
  ${head}
  ${gaps ? `<ul class="feedback-gaps">${gaps}</ul>` : `<p class="help">${e(l10n.t('Your reflections and the feedback you recorded agree: no trait stands out.'))}</p>`}
  <div class="table-wrap" role="region" aria-labelledby="feedback-caption">
    <table id="feedback-table">
      <caption id="feedback-caption">${e(l10n.t('Per trait: your entries and the feedback notes that mention it, all time.'))}</caption>
      <thead><tr><th scope="col">${e(l10n.t('Trait'))}</th><th scope="col" class="num">${e(l10n.t('Your entries'))}</th><th scope="col" class="num">${e(l10n.t('Feedback'))}</th></tr></thead>
      <tbody>${rows}</tbody>
    </table>
  </div>
</section>`;
}
