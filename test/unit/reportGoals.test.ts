import { describe, expect, it } from 'vitest';
import { parseEntry } from '../../src/core/entryParser';
import type { Goal } from '../../src/core/goals';
import { JournalIndex } from '../../src/core/journalIndex';
import { ReportGoal, goalsSectionHtml, reportGoals } from '../../src/core/reportGoals';

const ROOT = 'file:///j/';

function goalNote(index: JournalIndex, name: string, date: string, trait: string): void {
  index.set(`${ROOT}goals/${name}`, name, parseEntry(`---\nkind: goal\ndate: ${date}\ntrait: ${trait}\ntarget: 2\nper: month\n---\nPractise ${trait}.\n`, name), 'goals', ROOT);
}

function entry(index: JournalIndex, name: string, date: string, tags: string[]): void {
  index.set(`${ROOT}${name}`, name, parseEntry(`---\ndate: ${date}\ntags: [${tags.join(', ')}]\n---\n# ${name}\n`, name), undefined, ROOT);
}

describe('reportGoals', () => {
  it('names each open goal by its trait\'s label (or its id when the trait is unknown), sorted, each with its own trait\'s progress', () => {
    const index = new JournalIndex();
    // Newest first in the index: the unknown trait, then time-management, then empathy. The
    // report orders them Empathy, Time Management, then the unknown one, which is both the
    // traits' order and the labels' alphabetical order.
    goalNote(index, 'empathy.md', new Date(2026, 10, 2, 9).toISOString(), 'empathy');
    goalNote(index, 'time-management.md', new Date(2026, 10, 3, 9).toISOString(), 'time-management');
    goalNote(index, 'zen-practice.md', new Date(2026, 10, 4, 9).toISOString(), 'zen-practice');
    entry(index, 'a.md', new Date(2026, 10, 10, 10).toISOString(), ['empathy']);
    entry(index, 'b.md', new Date(2026, 10, 11, 10).toISOString(), ['empathy', 'zen-practice']);
    entry(index, 'c.md', new Date(2026, 10, 12, 10).toISOString(), ['empathy']);
    const goals = reportGoals(index, new Date(2026, 10, 27, 12));
    expect(goals.map((goal) => [goal.label, goal.progress.goal.trait, goal.progress.label])).toEqual([
      ['Empathy', 'empathy', '3 of 2 this month'],
      ['Time Management', 'time-management', '0 of 2 this month'],
      ['zen-practice', 'zen-practice', '1 of 2 this month'],
    ]);
  });

  it('has no goal without goal notes', () => {
    expect(reportGoals(new JournalIndex(), new Date(2026, 10, 27))).toEqual([]);
  });
});

describe('goalsSectionHtml', () => {
  const goal = (fields: Partial<Goal>): Goal => ({ trait: 'empathy', target: 4, per: 'month', text: '', ...fields });

  it('is exactly this: open, met and missed goals, the text when there is one, the end date while it is ahead', () => {
    const goals: ReportGoal[] = [
      // Open, with a text and an end date still ahead.
      {
        label: 'Empathy',
        progress: { goal: goal({ until: '2027-03-31', text: 'Listen <first> & ask.' }), count: 2, target: 4, met: false, ended: false, label: '2 of 4 this month' },
      },
      // Met this week, no text, no end date: the bar stops at the target.
      {
        label: 'Influence',
        progress: { goal: goal({ trait: 'influence', target: 2, per: 'week' }), count: 3, target: 2, met: true, ended: false, label: '3 of 2 this week' },
      },
      // Ended and met: the end date is not repeated.
      {
        label: 'Innovation',
        progress: { goal: goal({ trait: 'innovation', target: 2, until: '2026-11-30' }), count: 2, target: 2, met: true, ended: true, label: 'met: 2 of 2 by 2026-11-30' },
      },
      // Ended and missed.
      {
        label: 'Time Management',
        progress: { goal: goal({ trait: 'time-management', target: 3, until: '2026-10-31' }), count: 1, target: 3, met: false, ended: true, label: 'missed: 1 of 3 by 2026-10-31' },
      },
    ];
    expect(goalsSectionHtml(goals)).toBe(
      [
        '<section class="card" aria-labelledby="goals-heading">',
        '  <h2 id="goals-heading">Goals</h2>',
        '  <p class="help">Entries on each trait in this week or month, against the goal you set.</p>',
        '  <ul class="goals">' +
          '<li class="goal goal-open"><h3 id="goal-0">Empathy</h3><p class="goal-text">Listen &#60;first&#62; &#38; ask.</p>' +
          '<progress class="goal-bar" aria-labelledby="goal-0" max="4" value="2">2 of 4 this month</progress>' +
          '<p class="goal-progress">2 of 4 this month · until 2027-03-31</p></li>' +
          '<li class="goal goal-met"><h3 id="goal-1">Influence</h3>' +
          '<progress class="goal-bar" aria-labelledby="goal-1" max="2" value="2">3 of 2 this week</progress>' +
          '<p class="goal-progress">3 of 2 this week</p></li>' +
          '<li class="goal goal-met"><h3 id="goal-2">Innovation</h3>' +
          '<progress class="goal-bar" aria-labelledby="goal-2" max="2" value="2">met: 2 of 2 by 2026-11-30</progress>' +
          '<p class="goal-progress">met: 2 of 2 by 2026-11-30</p></li>' +
          '<li class="goal goal-missed"><h3 id="goal-3">Time Management</h3>' +
          '<progress class="goal-bar" aria-labelledby="goal-3" max="3" value="1">missed: 1 of 3 by 2026-10-31</progress>' +
          '<p class="goal-progress">missed: 1 of 3 by 2026-10-31</p></li>' +
          '</ul>',
        '</section>',
      ].join('\n'),
    );
  });
});
