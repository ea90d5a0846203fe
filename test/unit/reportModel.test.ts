import { describe, expect, it } from 'vitest';
import { REPORT_RANGES, REPORT_TAG, buildBalanceReport, nextSteps } from '../../src/core/reportModel';
import { Trait } from '../../src/core/traits';
import { indexOf } from './helpers/journal';
import { UTC } from './zones';


// Friday 2026-11-27, noon UTC: the current ISO week is 2026-W48, Monday 2026-11-23 to Sunday 2026-11-29.
const NOW = Date.parse('2026-11-27T12:00:00Z');

describe('reportModel constants', () => {
  it('tags exported reports balance-report: the tag is written into the journal\'s files, so it never changes', () => {
    expect(REPORT_TAG).toBe('balance-report');
  });

  it('offers the ranges 4, 12 and 52 weeks and all, in this order', () => {
    expect(REPORT_RANGES).toEqual([4, 12, 52, 'all']);
  });
});

describe('buildBalanceReport: options', () => {
  // Three leadership tags and one management tag: 75% / 25%, 25 points off even.
  const leaning = () =>
    indexOf([
      { date: '2026-11-24T10:00:00Z', tags: ['empathy'] },
      { date: '2026-11-25T10:00:00Z', tags: ['innovation'] },
      { date: '2026-11-26T10:00:00Z', tags: ['influence', 'time-management'] },
    ]);

  it('judges the balance with the tolerance asked for, 10 points by default', () => {
    expect(buildBalanceReport(leaning(), { now: NOW, zone: UTC }).headline).toBe('Leadership 75% · Management 25% · leaning leadership');
    const tolerant = buildBalanceReport(leaning(), { now: NOW, zone: UTC, tolerance: 30 });
    expect(tolerant.balance.state).toBe('balanced');
    expect(tolerant.headline).toBe('Leadership 75% · Management 25% · balanced');
  });

  it('counts a trait as neglected after the days asked for, 14 by default', () => {
    const leadership = ['visionary-thinking', 'empathy', 'innovation', 'influence'];
    // Leadership: 12 tags in the last week. Management: 9, so it is the weaker side.
    // Organizational Skills: 3 entries, the last 20 days ago; the other three management traits 2 each, 2 days ago.
    const index = indexOf([
      { date: '2026-11-24T10:00:00Z', tags: leadership },
      { date: '2026-11-25T10:00:00Z', tags: leadership },
      { date: '2026-11-26T10:00:00Z', tags: leadership },
      { date: '2026-11-05T10:00:00Z', tags: ['organizational-skills'] },
      { date: '2026-11-06T10:00:00Z', tags: ['organizational-skills'] },
      { date: '2026-11-07T10:00:00Z', tags: ['organizational-skills'] },
      { date: '2026-11-24T10:00:00Z', tags: ['decision-making', 'problem-solving', 'time-management'] },
      { date: '2026-11-25T10:00:00Z', tags: ['decision-making', 'problem-solving', 'time-management'] },
    ]);
    // 20 days ≥ 14: neglected, so it comes first.
    const byDefault = buildBalanceReport(index, { now: NOW, zone: UTC });
    expect(byDefault.weakerSide).toBe('management');
    expect(byDefault.focus.id).toBe('organizational-skills');
    // 20 days < 30: nothing is neglected; fewest recent entries, then the source's order.
    const patient = buildBalanceReport(index, { now: NOW, zone: UTC, neglectDays: 30 });
    expect(patient.weakerSide).toBe('management');
    expect(patient.focus.id).toBe('decision-making');
  });
});

describe('buildBalanceReport: a week\'s titles', () => {
  it('lists at most five titles, newest first', () => {
    const index = indexOf([
      { title: 'Monday', date: '2026-11-23T08:00:00Z', tags: [] },
      { title: 'Tuesday', date: '2026-11-24T08:00:00Z', tags: [] },
      { title: 'Friday early', date: '2026-11-27T07:00:00Z', tags: [] },
      { title: 'Wednesday', date: '2026-11-25T08:00:00Z', tags: [] },
      { title: 'Friday morning', date: '2026-11-27T09:00:00Z', tags: [] },
      { title: 'Thursday', date: '2026-11-26T08:00:00Z', tags: [] },
    ]);
    const report = buildBalanceReport(index, { now: NOW, zone: UTC, weeks: 1 });
    expect(report.weeks).toHaveLength(1);
    expect(report.weeks[0].entries).toBe(6);
    expect(report.weeks[0].titles).toEqual(['Friday morning', 'Friday early', 'Thursday', 'Wednesday', 'Tuesday']);
  });

  it('puts an entry dated only by its day after the timed ones, whichever came first', () => {
    const index = indexOf([
      // Last week: the undated entry first.
      { title: 'Last week, no time', day: '2026-11-17', tags: [] },
      { title: 'Last week, timed', date: '2026-11-18T10:00:00Z', tags: [] },
      // This week: the timed entry first.
      { title: 'This week, timed', date: '2026-11-23T10:00:00Z', tags: [] },
      { title: 'This week, no time', day: '2026-11-24', tags: [] },
    ]);
    const report = buildBalanceReport(index, { now: NOW, zone: UTC, weeks: 2 });
    expect(report.weeks.map((w) => w.titles)).toEqual([
      ['Last week, timed', 'Last week, no time'],
      ['This week, timed', 'This week, no time'],
    ]);
  });
});

describe('buildBalanceReport: entries dated only by their day', () => {
  it('dates an entry by a YYYY-MM-DD day, and leaves out a day with more or fewer digits', () => {
    const index = indexOf([
      { title: 'Tuesday', day: '2026-11-24', tags: ['empathy'] },
      { title: 'Five-digit year', day: '12026-11-24', tags: ['empathy'] },
      { title: 'Three-digit day', day: '2026-11-245', tags: ['empathy'] },
      { title: 'One-digit month and day', day: '2026-1-2', tags: ['empathy'] },
    ]);
    const report = buildBalanceReport(index, { now: NOW, zone: UTC, weeks: 1 });
    expect(report.weeks[0]).toMatchObject({ start: '2026-11-23', end: '2026-11-29', leadership: 1, entries: 1, titles: ['Tuesday'] });
    expect(report.totalEntries).toBe(4);
  });
});

describe('buildBalanceReport: other tags', () => {
  it('lists the tags that are not traits, most used first, ties alphabetically', () => {
    const index = indexOf([
      { date: '2026-11-20T10:00:00Z', tags: ['zeta', 'retro', 'empathy'] },
      { date: '2026-11-21T10:00:00Z', tags: ['alpha', 'retro', 'one-on-one'] },
      { date: '2026-11-22T10:00:00Z', tags: ['retro', 'one-on-one', 'mid'] },
      { date: '2026-11-23T10:00:00Z', tags: ['one-on-one', 'mid', 'time-management'] },
    ]);
    const report = buildBalanceReport(index, { now: NOW, zone: UTC });
    expect(report.otherTags).toEqual([
      { tag: 'one-on-one', count: 3 },
      { tag: 'retro', count: 3 },
      { tag: 'mid', count: 2 },
      { tag: 'alpha', count: 1 },
      { tag: 'zeta', count: 1 },
    ]);
  });

  it('lists at most ten', () => {
    const index = indexOf([{ date: '2026-11-20T10:00:00Z', tags: ['k', 'j', 'i', 'h', 'g', 'f', 'e', 'd', 'c', 'b', 'a'] }]);
    const report = buildBalanceReport(index, { now: NOW, zone: UTC });
    expect(report.otherTags.map((t) => t.tag)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']);
  });
});

describe('nextSteps', () => {
  const coaching: Trait = {
    id: 'coaching',
    label: 'Coaching',
    side: 'leadership',
    description: 'Helps people grow, e.g. by asking questions.',
    prompts: ['Whom did I help grow today?'],
  };

  it('names the focus in each step, and offers the first trait of the other side when none has entries', () => {
    expect(nextSteps(coaching, () => 0).map((s) => s.nextStep)).toEqual([
      'This week, write one entry about Coaching (0 entries so far). Start from the prompt: “Whom did I help grow today?”',
      // Only the description's final full stop goes.
      'Ask a colleague who is strong in Coaching (helps people grow, e.g. by asking questions) how they approach it, and offer your Organizational Skills in return; then write down one thing you will try from their way of working.',
      'Pick one talk, article or course module on Coaching this month, try one idea from it at work within a week, and reflect in an entry tagged coaching on what changed.',
    ]);
  });

  it('offers the other side\'s most reflected trait, the first of a tie, never one of the focus\'s side', () => {
    const counts: Record<string, number> = { empathy: 5, coaching: 1, 'decision-making': 2, 'problem-solving': 2, 'time-management': 1 };
    const steps = nextSteps(coaching, (tag) => counts[tag] ?? 0);
    expect(steps[0].nextStep).toBe('This week, write one entry about Coaching (1 entry so far). Start from the prompt: “Whom did I help grow today?”');
    expect(steps[1].nextStep).toBe(
      'Ask a colleague who is strong in Coaching (helps people grow, e.g. by asking questions) how they approach it, and offer your Decision-Making in return; then write down one thing you will try from their way of working.',
    );
  });
});
