// The Balance Report's goals section: each open goal with its progress bar, and how the
// commitments of the report's weeks went (made, followed up, done). Built here, escaped here, and
// called from reportHtml.ts.

import * as l10n from '@vscode/l10n';
import type { IndexedEntry } from './journalIndex';
import { GoalProgress, goalProgress, openGoals } from './goals';
import { escapeXml } from './reportCharts';
import { traitById } from './traits';

export interface ReportGoal {
  /** The trait's label, or its id when the trait is not (or no longer) one of yours. */
  readonly label: string;
  readonly progress: GoalProgress;
}

/** What the goals section reads from the index: `JournalIndex` satisfies it. */
export interface GoalReportSource {
  notesOf(kind: 'goal'): readonly IndexedEntry[];
  entriesTagged(tag: string): readonly IndexedEntry[];
}

/** Every open goal with its progress at `now`, by trait label (an unknown trait by its id). */
export function reportGoals(source: GoalReportSource, now: Date): ReportGoal[] {
  const goals: ReportGoal[] = [];
  for (const [traitId, { goal }] of openGoals(source)) {
    goals.push({ label: traitById(traitId)?.label ?? traitId, progress: goalProgress(goal, source.entriesTagged(traitId), now) });
  }
  return goals.sort((a, b) => a.label.localeCompare(b.label));
}

/** The section, or '' when there is no goal. Every text is escaped; the bar is a native <progress>. */
export function goalsSectionHtml(goals: readonly ReportGoal[]): string {
  if (goals.length === 0) return '';
  const e = escapeXml;
  const items = goals
    .map(({ label, progress }, i) => {
      const state = progress.ended ? (progress.met ? 'met' : 'missed') : progress.met ? 'met' : 'open';
      const id = `goal-${i}`;
      return (
        `<li class="goal goal-${state}"><h3 id="${id}">${e(label)}</h3>` +
        (progress.goal.text ? `<p class="goal-text">${e(progress.goal.text)}</p>` : '') +
        `<progress class="goal-bar" aria-labelledby="${id}" max="${progress.target}" value="${Math.min(progress.count, progress.target)}">${e(progress.label)}</progress>` +
        `<p class="goal-progress">${e(progress.label)}${progress.goal.until && !progress.ended ? ` · ${e(l10n.t('until {0}', progress.goal.until))}` : ''}</p></li>`
      );
    })
    .join('');
  return `<section class="card" aria-labelledby="goals-heading">
  <h2 id="goals-heading">${e(l10n.t('Goals'))}</h2>
  <p class="help">${e(l10n.t('Entries on each trait in this week or month, against the goal you set.'))}</p>
  <ul class="goals">${items}</ul>
</section>`;
}
