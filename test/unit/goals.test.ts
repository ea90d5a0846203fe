import { describe, expect, it } from 'vitest';
import { parseEntry } from '../../src/core/entryParser';
import { MAX_GOAL_TEXT, buildGoal, closedLineAt, goalFileName, goalProgress, openGoals, periodRange, readGoal, targetError, untilError } from '../../src/core/goals';
import { JournalIndex } from '../../src/core/journalIndex';
import { reportGoals, goalsSectionHtml } from '../../src/core/reportGoals';

const ROOT = 'file:///j/';

function goalText(front: string, body = 'Listen first in one-on-ones.'): string {
  return `---\nkind: goal\n${front}\n---\n${body}\n`;
}

function entry(index: JournalIndex, name: string, date: string, tags: string[]) {
  return index.set(`${ROOT}${name}`, name, parseEntry(`---\ndate: ${date}\ntags: [${tags.join(', ')}]\n---\n# ${name}\n`, name), undefined, ROOT);
}

describe('goal notes', () => {
  it('reads trait, target, per, until and the text', () => {
    const parsed = parseEntry(goalText('trait: Empathy\ntarget: 4\nper: month\nuntil: 2027-03-31'), 'empathy.md');
    expect(parsed.problems).toEqual([]);
    expect(parsed.goal).toEqual({ trait: 'empathy', target: 4, per: 'month', until: '2027-03-31', text: 'Listen first in one-on-ones.' });
  });

  it('reports a bad target as a problem on its line, and tracks no goal; never throws', () => {
    for (const target of ['four', '0', '-1', '2.5', '101', '[1]', '']) {
      const text = goalText(`trait: empathy\ntarget: ${target}\nper: week`);
      const parsed = parseEntry(text, 'empathy.md');
      expect(parsed.goal, target).toBeUndefined();
      expect(parsed.problems.map((p) => p.line), target).toEqual([3]);
      expect(parsed.problems[0].message).toMatch(/"target" should be a whole number/);
    }
  });

  it('reports an unknown period, a missing trait and a bad end date', () => {
    expect(parseEntry(goalText('trait: empathy\ntarget: 2\nper: fortnight'), 'g.md').problems[0].message).toMatch(/"per"/);
    expect(parseEntry(goalText('target: 2'), 'g.md').problems[0].message).toMatch(/"trait"/);
    const badUntil = parseEntry(goalText('trait: empathy\ntarget: 2\nuntil: 2027-02-30'), 'g.md');
    expect(badUntil.problems[0].message).toMatch(/"until"/);
    expect(badUntil.goal).toMatchObject({ trait: 'empathy', target: 2, per: 'week' });
    expect(badUntil.goal?.until).toBeUndefined();
  });

  it('puts the problem of a trait, a period or an end date on its own line', () => {
    // Lines: 0 "---", 1 "kind: goal", then the front matter given, from line 2.
    expect(parseEntry(goalText('target: 2\ntrait: 7'), 'g.md').problems).toEqual([{ message: 'A goal needs "trait": the id of the trait it is about, e.g. "trait: empathy".', line: 3 }]);
    expect(parseEntry(goalText('trait: empathy\ntarget: 2\nper: fortnight'), 'g.md').problems).toEqual([{ message: '"per" should be "week" or "month".', line: 4 }]);
    expect(parseEntry(goalText('trait: empathy\ntarget: 2\nuntil: 2027-02-30'), 'g.md').problems).toEqual([{ message: '"until" should be a day like 2027-03-31; the goal has no end date until it is.', line: 4 }]);
  });

  it('is a note of kind goal in the index, never a reflection', () => {
    const index = new JournalIndex();
    index.set(`${ROOT}goals/empathy.md`, 'empathy.md', parseEntry(goalText('trait: empathy\ntarget: 2\ntags: [empathy]')), 'goals', ROOT);
    expect(index.countOf('empathy')).toBe(0);
    expect(index.notesOf('goal')[0].goal?.target).toBe(2);
  });

  it('writes a goal that parses back, with a #word in the text kept as text', () => {
    const text = buildGoal({ trait: 'empathy', text: 'Ask  #why\nbefore deciding', target: 3, per: 'week', until: '2027-01-31', now: new Date(2026, 10, 27, 9) });
    expect(text).toMatch(/^---\nkind: goal\ndate: 2026-11-27T09:00:00[+-]\d\d:\d\d\ntrait: empathy\ntarget: 3\nper: week\nuntil: '?2027-01-31'?\n---\nAsk #why before deciding\n$/);
    const parsed = parseEntry(text, 'empathy.md');
    expect(parsed.goal).toEqual({ trait: 'empathy', target: 3, per: 'week', until: '2027-01-31', text: 'Ask #why before deciding' });
  });

  it('names files goals/<id>.md, then dated', () => {
    expect([1, 2, 3].map((n) => goalFileName('empathy', '2026-11-27', n))).toEqual(['empathy.md', 'empathy-2026-11-27.md', 'empathy-2026-11-27-2.md']);
  });

  it('finds where closed: goes, and nowhere when already closed or without front matter', () => {
    expect(closedLineAt('---\nkind: goal\ntrait: empathy\n---\ntext\n')).toBe(3);
    expect(closedLineAt('---\r\nkind: goal\r\n---\r\ntext')).toBe(2);
    expect(closedLineAt('---\nclosed: 2026-11-01\n---\n')).toBeUndefined();
    expect(closedLineAt('no front matter')).toBeUndefined();
  });

  it('keeps one open goal per trait: the newest without closed:', () => {
    const index = new JournalIndex();
    index.set(`${ROOT}goals/empathy.md`, 'empathy.md', parseEntry(goalText('date: 2026-10-01T09:00:00Z\ntrait: empathy\ntarget: 2\nclosed: 2026-11-01', 'old')), 'goals', ROOT);
    index.set(`${ROOT}goals/empathy-2026-11-01.md`, 'x.md', parseEntry(goalText('date: 2026-11-01T09:00:00Z\ntrait: empathy\ntarget: 5', 'new')), 'goals', ROOT);
    expect(openGoals(index).get('empathy')?.goal.text).toBe('new');
  });

  it('has no open goal for a trait whose only goal is closed, and skips a note with no goal', () => {
    const index = new JournalIndex();
    index.set(`${ROOT}goals/empathy.md`, 'empathy.md', parseEntry(goalText('date: 2026-10-01T09:00:00Z\ntrait: empathy\ntarget: 2\nclosed: 2026-11-01', 'old')), 'goals', ROOT);
    index.set(`${ROOT}goals/influence.md`, 'influence.md', parseEntry(goalText('date: 2026-10-01T09:00:00Z\ntrait: influence\ntarget: many', 'no goal: the target is not a number')), 'goals', ROOT);
    expect(index.notesOf('goal')).toHaveLength(2);
    expect([...openGoals(index).keys()]).toEqual([]);
  });

  it('validates what the user types', () => {
    expect(targetError('4')).toBeUndefined();
    for (const bad of ['0', '101', 'x', '2.5', '']) expect(targetError(bad), bad).toBeDefined();
    const now = new Date(2026, 10, 27);
    expect(untilError('', now)).toBeUndefined();
    expect(untilError('2026-11-27', now)).toBeUndefined();
    expect(untilError('2026-11-26', now)).toMatch(/past/);
    expect(untilError('2026-13-01', now)).toBeDefined();
  });
});

describe('goal progress', () => {
  it('counts per ISO week (Monday to Sunday) in local time', () => {
    // Thursday 26 November 2026: the week runs Monday 23 to Sunday 29.
    const { start, end } = periodRange(new Date(2026, 10, 26, 15), 'week');
    expect(new Date(start)).toEqual(new Date(2026, 10, 23));
    expect(new Date(end)).toEqual(new Date(2026, 10, 30));
    // A Sunday belongs to the week that started six days before.
    expect(new Date(periodRange(new Date(2026, 10, 29, 23, 59), 'week').start)).toEqual(new Date(2026, 10, 23));
  });

  it('counts per calendar month, across month ends and a year end', () => {
    expect(new Date(periodRange(new Date(2026, 1, 28, 23), 'month').end)).toEqual(new Date(2026, 2, 1));
    const december = periodRange(new Date(2026, 11, 31, 23, 30), 'month');
    expect(new Date(december.start)).toEqual(new Date(2026, 11, 1));
    expect(new Date(december.end)).toEqual(new Date(2027, 0, 1));
    // The ISO week of 31 December 2026 runs into January 2027.
    expect(new Date(periodRange(new Date(2026, 11, 31), 'week').end)).toEqual(new Date(2027, 0, 4));
  });

  it('says "2 of 4 this month" from the trait\'s entries, newest first', () => {
    const index = new JournalIndex();
    const local = (d: Date) => d.toISOString();
    entry(index, 'a.md', local(new Date(2026, 11, 1, 0, 30)), ['empathy']);
    entry(index, 'b.md', local(new Date(2026, 11, 31, 23, 30)), ['empathy']);
    entry(index, 'c.md', local(new Date(2026, 10, 30, 23, 59)), ['empathy']); // November
    entry(index, 'd.md', local(new Date(2027, 0, 1, 0, 0)), ['empathy']); // next year
    const goal = { trait: 'empathy', target: 4, per: 'month' as const, text: '' };
    const progress = goalProgress(goal, index.entriesTagged('empathy'), new Date(2026, 11, 15));
    expect(progress).toMatchObject({ count: 2, target: 4, met: false, ended: false, label: '2 of 4 this month' });
    const january = goalProgress(goal, index.entriesTagged('empathy'), new Date(2027, 0, 2));
    expect(january.label).toBe('1 of 4 this month');
    // The ISO week of Wednesday 30 December 2026 runs to Sunday 3 January 2027: both years count.
    expect(goalProgress({ ...goal, per: 'week', target: 1 }, index.entriesTagged('empathy'), new Date(2026, 11, 30))).toMatchObject({ count: 2, met: true, label: '2 of 1 this week' });
  });

  it('says met or missed once the end date has passed, counting the period that held it', () => {
    const index = new JournalIndex();
    entry(index, 'a.md', new Date(2026, 10, 3, 10).toISOString(), ['empathy']);
    entry(index, 'b.md', new Date(2026, 10, 20, 10).toISOString(), ['empathy']);
    const goal = { trait: 'empathy', target: 2, per: 'month' as const, until: '2026-11-30', text: '' };
    expect(goalProgress(goal, index.entriesTagged('empathy'), new Date(2026, 10, 30, 23)).ended).toBe(false);
    expect(goalProgress(goal, index.entriesTagged('empathy'), new Date(2026, 11, 1, 0, 1))).toMatchObject({ ended: true, met: true, label: 'met: 2 of 2 by 2026-11-30' });
    expect(goalProgress({ ...goal, target: 3 }, index.entriesTagged('empathy'), new Date(2027, 5, 1)).label).toBe('missed: 2 of 3 by 2026-11-30');
    // It ends at the first moment of the day after.
    expect(goalProgress(goal, index.entriesTagged('empathy'), new Date(2026, 11, 1, 0, 0))).toMatchObject({ ended: true, label: 'met: 2 of 2 by 2026-11-30' });
  });
});

describe('the report\'s goals section', () => {
  it('shows each open goal with a progress bar, everything escaped', () => {
    const index = new JournalIndex();
    index.set(`${ROOT}goals/empathy.md`, 'empathy.md', parseEntry(goalText('trait: empathy\ntarget: 4\nper: month', '<script>alert(1)</script> & more')), 'goals', ROOT);
    entry(index, 'a.md', new Date(2026, 10, 3, 10).toISOString(), ['empathy']);
    const goals = reportGoals(index, new Date(2026, 10, 27));
    expect(goals).toHaveLength(1);
    const html = goalsSectionHtml(goals);
    expect(html).toContain('<progress class="goal-bar" aria-labelledby="goal-0" max="4" value="1">1 of 4 this month</progress>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62; &#38; more');
    expect(html).not.toContain('<script>');
    expect(goalsSectionHtml([])).toBe('');
  });
});

describe('goal notes, edge by edge', () => {
  const read = (data: Record<string, unknown>, body = 'Listen first.\n') => readGoal(data, body, '');
  const valid = { trait: 'empathy', target: 3, per: 'week' };

  it('reads per in any case with spaces, defaults to week, and refuses anything else', () => {
    expect(read({ ...valid, per: ' Month ' }).goal?.per).toBe('month');
    expect(read({ trait: 'empathy', target: 3 }).goal?.per).toBe('week');
    expect(read({ ...valid, per: 7 })).toEqual({ problems: [{ message: '"per" should be "week" or "month".', line: 1 }] });
  });

  it('takes a target from 1 to 100 entries, whole', () => {
    const message = '"target" should be a whole number of entries from 1 to 100, e.g. "target: 4"; this goal is not tracked until it is.';
    for (const target of [1, 100]) expect(read({ ...valid, target }).goal?.target).toBe(target);
    for (const target of [0, 101, 2.5, '3']) expect(read({ ...valid, target }), String(target)).toEqual({ problems: [{ message, line: 1 }] });
  });

  it('needs a trait, and says so', () => {
    expect(read({ target: 3 })).toEqual({ problems: [{ message: 'A goal needs "trait": the id of the trait it is about, e.g. "trait: empathy".', line: 1 }] });
  });

  it('reads until and closed as real days, with spaces around them; null is none', () => {
    expect(read({ ...valid, until: ' 2027-03-31 ', closed: ' 2026-12-01 ' }).goal).toMatchObject({ until: '2027-03-31', closed: '2026-12-01' });
    const none = read({ ...valid, until: null, closed: null });
    expect(none).toEqual({ goal: { trait: 'empathy', target: 3, per: 'week', text: 'Listen first.' }, problems: [] });
    const message = '"until" should be a day like 2027-03-31; the goal has no end date until it is.';
    for (const until of ['2027-02-30', '2027-03-31x', '2027-3-31', 20270331, '2027-03-31T10:00']) {
      expect(read({ ...valid, until }).problems, String(until)).toEqual([{ message, line: 1 }]);
      expect(read({ ...valid, until }).goal).not.toHaveProperty('until');
    }
  });

  it('keeps any closed value as closed (a goal once closed stays closed), cut to ten characters', () => {
    expect(read({ ...valid, closed: 'yes, done long ago' }).goal?.closed).toBe('yes, done ');
    expect(read({ ...valid, closed: 20261201 }).goal?.closed).toBe('20261201');
    expect(read({ ...valid, closed: true }).goal?.closed).toBe('true');
    expect(read({ ...valid, closed: 123456789012 }).goal?.closed).toBe('1234567890');
  });

  it('cuts a long trait to 100 characters', () => {
    expect(read({ ...valid, trait: 'x'.repeat(150) }).goal?.trait).toBe('x'.repeat(100));
  });

  it('makes the body one line of words, from any line ending, at most the limit', () => {
    expect(read(valid, '  Listen \r\n\r\n first.\rThen  talk.\n').goal?.text).toBe('Listen first. Then  talk.');
    expect(read(valid, `${'word '.repeat(MAX_GOAL_TEXT)}`).goal?.text).toHaveLength(MAX_GOAL_TEXT);
    expect(read(valid, 'one\ntwo\n').goal?.text).toBe('one two');
  });

  it('reads the text from the body\'s first 4,000 characters', () => {
    // 3,995 spaces and "abcde" are the first 4,000: "fghij" is past them.
    expect(read(valid, `${' '.repeat(3995)}abcdefghij\n`).goal?.text).toBe('abcde');
  });

  it('checks a typed target and end date', () => {
    expect([' 4 ', '1', '100'].map(targetError)).toEqual([undefined, undefined, undefined]);
    expect(['0', '101', '4.5', '-3', '4x', '', ' '].map(targetError)).toEqual(Array(7).fill('A whole number from 1 to 100.'));
    // Digits only: JavaScript would read these as 16, 10 and 5.
    expect(['0x10', '1e1', '+5'].map(targetError)).toEqual(Array(3).fill('A whole number from 1 to 100.'));
    const now = new Date(2026, 10, 27, 9);
    expect(untilError('  ', now)).toBeUndefined();
    expect(untilError(' 2026-11-27 ', now)).toBeUndefined();
    expect(untilError('2026-11-26', now)).toBe('The end date is in the past.');
    expect(untilError('2027-02-30', now)).toBe('A day like 2027-02-27, or empty for no end date.');
  });

  it('writes until only when given, and the text on one line within the limit', () => {
    const now = new Date(2026, 10, 27, 9);
    const without = buildGoal({ trait: 'empathy', text: ' a\n b ', target: 2, per: 'month', now });
    expect(without).not.toContain('until');
    expect(without.endsWith('---\na b\n')).toBe(true);
    expect(buildGoal({ trait: 'empathy', text: 'x'.repeat(MAX_GOAL_TEXT + 5), target: 2, per: 'month', now })).toContain(`\n${'x'.repeat(MAX_GOAL_TEXT)}\n`);
    expect(buildGoal({ trait: 'empathy', text: 'x'.repeat(MAX_GOAL_TEXT + 5), target: 2, per: 'month', now })).not.toContain('x'.repeat(MAX_GOAL_TEXT + 1));
  });

  it('puts closed: before the closing --- of the front matter only', () => {
    expect(closedLineAt('---\ntrait: empathy\n---\nbody\n')).toBe(2);
    expect(closedLineAt('---  \ntrait: empathy\n...\n')).toBe(2);
    expect(closedLineAt('---\ntrait: empathy\n--- \n')).toBe(2);
    expect(closedLineAt('x---\ntrait: empathy\n---\n')).toBeUndefined();
    expect(closedLineAt('---x\ntrait: empathy\n---\n')).toBeUndefined();
    expect(closedLineAt('---\ntrait: empathy\nnot---\n---\n')).toBe(3);
    expect(closedLineAt('---\ntrait: empathy\n---x\n---\n')).toBe(3);
    expect(closedLineAt('---\nclosed: 2026-01-01\n---\n')).toBeUndefined();
    expect(closedLineAt('---\nclosed : 2026-01-01\n---\n')).toBeUndefined();
    expect(closedLineAt('---\nnotclosed: x\n---\n')).toBe(2);
    expect(closedLineAt('---\ntrait: empathy\n')).toBeUndefined(); // never closed
    expect(closedLineAt(`---\n${'a: 1\n'.repeat(1200)}---\n`)).toBeUndefined(); // looks no further than 1,000 lines
    // The closing --- on line 999 is seen, on line 1,000 not.
    expect(closedLineAt(`---\n${'a: 1\n'.repeat(998)}---\n`)).toBe(999);
    expect(closedLineAt(`---\n${'a: 1\n'.repeat(999)}---\n`)).toBeUndefined();
  });
});
