import { afterEach, describe, expect, it } from 'vitest';
import { computeBalance } from '../../src/core/balance';
import { parseEntry } from '../../src/core/entryParser';
import { readFrontMatter } from '../../src/core/frontMatter';
import { InlineTag, scanMarkdown } from '../../src/core/markdownScanner';

const inlineTags = (text: string): readonly InlineTag[] => scanMarkdown(text, { title: false }).tags;
import { STRATEGIES } from '../../src/core/traits';
import {
  REFLECTION_HEADINGS,
  ReviewEntry,
  WEEKLY_REVIEW_TAG,
  buildPeriodReview,
  buildWeeklyReview,
  isoWeek,
  periodReviewPath,
  reflectionHeadings,
  reviewTag,
  reviewCursorLine,
  reviewPath,
  strategyOfWeek,
  weekLabel,
  weekRange,
  weekSpan,
  weeksInYear,
} from '../../src/core/reviews';
import { PeriodKind, periodOf } from '../../src/core/periods';

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

const ZONES = ['Europe/Berlin', 'America/Los_Angeles', 'Pacific/Kiritimati', 'UTC'];

/** A local date at noon (well away from midnight and DST changes). */
function local(y: number, m: number, d: number, h = 12): Date {
  return new Date(y, m - 1, d, h);
}

describe.each(ZONES)('ISO weeks in local time (%s)', (tz) => {
  it.each([
    [2026, 1, 1, 2026, 1], // a Thursday: week 1
    [2027, 1, 1, 2026, 53], // a Friday after a year starting on Thursday: 2026 has 53 weeks
    [2024, 12, 30, 2025, 1], // a Monday: the week with 2 January 2025 (a Thursday)
    [2025, 12, 29, 2026, 1],
    [2021, 1, 3, 2020, 53],
    [2021, 1, 4, 2021, 1],
    [2026, 11, 27, 2026, 48],
    [2026, 12, 31, 2026, 53],
    [2027, 1, 4, 2027, 1],
    [2020, 12, 31, 2020, 53],
    [2018, 12, 31, 2019, 1],
    [2016, 1, 3, 2015, 53],
  ])('%i-%i-%i is in %i-W%i', (y, m, d, year, week) => {
    process.env.TZ = tz;
    expect(isoWeek(local(y, m, d))).toEqual({ year, week });
    // The whole local day belongs to the week: just after midnight and just before the next.
    expect(isoWeek(new Date(y, m - 1, d, 0, 0, 1))).toEqual({ year, week });
    expect(isoWeek(new Date(y, m - 1, d, 23, 59, 59))).toEqual({ year, week });
  });

  it('uses the local day, not the UTC day', () => {
    process.env.TZ = tz;
    // Sunday late and Monday early, in local time: whatever the UTC day is, the local one decides.
    expect(isoWeek(new Date(2026, 10, 29, 23, 30))).toEqual({ year: 2026, week: 48 });
    expect(isoWeek(new Date(2026, 10, 30, 0, 30))).toEqual({ year: 2026, week: 49 });
  });

  it('weekRange goes from local Monday 00:00 to the next Monday 00:00', () => {
    process.env.TZ = tz;
    const { start, end } = weekRange(2026, 53);
    expect(start).toEqual(new Date(2026, 11, 28));
    expect(end).toEqual(new Date(2027, 0, 4));
    expect(weekRange(2025, 1).start).toEqual(new Date(2024, 11, 30));
    expect(weekRange(2026, 1).start).toEqual(new Date(2025, 11, 29));
    expect(weekRange(2026, 48)).toEqual({ start: new Date(2026, 10, 23), end: new Date(2026, 10, 30) });
  });

  it('weekRange and isoWeek agree on every day of several years', () => {
    process.env.TZ = tz;
    for (let day = new Date(2019, 11, 20); day < new Date(2028, 0, 10); day = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1)) {
      const { year, week } = isoWeek(day);
      const { start, end } = weekRange(year, week);
      expect(start.getTime()).toBeLessThanOrEqual(day.getTime());
      expect(day.getTime()).toBeLessThan(end.getTime());
      expect(start.getDay()).toBe(1);
    }
  });
});

describe('week helpers', () => {
  it('knows the 53-week years', () => {
    expect([2015, 2020, 2026, 2032].map(weeksInYear)).toEqual([53, 53, 53, 53]);
    expect([2019, 2021, 2024, 2025, 2027].map(weeksInYear)).toEqual([52, 52, 52, 52, 52]);
  });

  it('refuses weeks that do not exist', () => {
    expect(() => weekRange(2025, 53)).toThrow(RangeError);
    expect(() => weekRange(2026, 0)).toThrow(RangeError);
    expect(() => weekRange(2026, 1.5)).toThrow(RangeError);
  });

  it('names the file with a two-digit week', () => {
    expect(reviewPath(2026, 5)).toEqual(['reviews', '2026-W05.md']);
    expect(reviewPath(2026, 53)).toEqual(['reviews', '2026-W53.md']);
    expect(weekLabel(2026, 1)).toBe('2026-W01');
  });

  it('spells the span of the week', () => {
    process.env.TZ = 'Europe/Berlin';
    expect(weekSpan(2026, 48)).toBe('Mon 23 – Sun 29 November');
    expect(weekSpan(2026, 49)).toBe('Mon 30 November – Sun 6 December');
    expect(weekSpan(2026, 53)).toBe('Mon 28 December 2026 – Sun 3 January 2027');
  });

  it('rotates through the three strategies by week', () => {
    expect([1, 2, 3, 4, 53].map((week) => strategyOfWeek(week).name)).toEqual([
      STRATEGIES[0].name,
      STRATEGIES[1].name,
      STRATEGIES[2].name,
      STRATEGIES[0].name,
      STRATEGIES[1].name,
    ]);
  });
});

function entry(key: string, day: string, tags: string[], title = key): ReviewEntry {
  const [y, m, d] = day.split('-').map(Number);
  return { key, title, day, time: new Date(y, m - 1, d, 9).getTime(), tags };
}

const ALL_TIME: Record<string, number> = {
  empathy: 10,
  'visionary-thinking': 4,
  innovation: 3,
  influence: 3,
  'decision-making': 9,
  'organizational-skills': 6,
  'problem-solving': 5,
  'time-management': 7,
};
const countOf = (tag: string) => ALL_TIME[tag] ?? 0;

function review(entries: ReviewEntry[], now = local(2026, 11, 27)): string {
  return buildWeeklyReview({
    entries,
    countOf,
    balance: computeBalance(countOf),
    now,
    relativeLink: (key) => `../2026/11/${key}.md`,
  });
}

describe('buildWeeklyReview', () => {
  const week = [
    entry('monday', '2026-11-23', ['empathy', 'decision-making'], 'Monday one-on-one'),
    entry('friday', '2026-11-27', ['decision-making', 'retro'], 'Friday planning'),
    entry('sunday', '2026-11-29', ['time-management']),
  ];
  const notThisWeek = [
    entry('last-sunday', '2026-11-22', ['innovation']),
    entry('next-monday', '2026-11-30', ['innovation']),
    { key: 'undated', title: 'undated', day: undefined, time: Number.NaN, tags: ['innovation'] },
    entry('older-review', '2026-11-24', [WEEKLY_REVIEW_TAG, 'influence']),
  ];

  it('writes front matter with the date, the weekly-review tag and the week', () => {
    process.env.TZ = 'Europe/Berlin';
    const text = review([...week, ...notThisWeek]);
    expect(text.startsWith('---\ndate: 2026-11-27T12:00:00+01:00\nkind: review\ntags:\n  - weekly-review\nweek: 2026-W48\n---\n')).toBe(true);
    const { data } = readFrontMatter(text);
    expect(data).toEqual({ date: '2026-11-27T12:00:00+01:00', kind: 'review', tags: ['weekly-review'], week: '2026-W48' });
  });

  it('parses back as an entry tagged weekly-review only, titled by its heading', () => {
    process.env.TZ = 'Europe/Berlin';
    const parsed = parseEntry(review([...week, ...notThisWeek]), '2026-W48.md');
    expect(parsed.tags).toEqual([WEEKLY_REVIEW_TAG]);
    expect(parsed.problems).toEqual([]);
    expect(parsed.day).toBe('2026-11-27');
    expect(parsed.title).toBe('Weekly review 2026-W48 (Mon 23 – Sun 29 November)');
  });

  it('tallies only the week\'s entries, not other weeks, undated entries or reviews', () => {
    process.env.TZ = 'Europe/Berlin';
    const text = review([...week, ...notThisWeek]);
    expect(text).toContain('**3 entries** written this week.');
    // empathy 1 (leadership) against decision-making 2 + time-management 1 (management).
    expect(text).toContain('- Leadership: 1 trait tag (25%)');
    expect(text).toContain('- Management: 3 trait tags (75%)');
    expect(text).toContain('- This week: leaning management');
    expect(text).toContain('- All time: Leadership 43% · Management 57% · balanced');
    expect(text).toContain('| Empathy | Leadership | 1 | 10 |');
    expect(text).toContain('| Decision-Making | Management | 2 | 9 |');
    expect(text).toContain('| Innovation | Leadership | 0 | 3 |');
    expect(text).toContain('| Influence | Leadership | 0 | 3 |');
    expect(text).not.toMatch(/last-sunday|next-monday|undated|older-review/);
  });

  it('links the week\'s entries in order, with their traits', () => {
    process.env.TZ = 'America/Los_Angeles';
    const text = review([...week].reverse());
    const links = text.split('\n').filter((line) => line.startsWith('- ') && line.includes(']('));
    expect(links).toEqual([
      '- Mon 23: [Monday one\\-on\\-one](../2026/11/monday.md) · Empathy, Decision-Making',
      '- Fri 27: [Friday planning](../2026/11/friday.md) · Decision-Making',
      '- Sun 29: [sunday](../2026/11/sunday.md) · Time Management',
    ]);
  });

  it('names the least reflected traits, weaker side first, and asks the strategy as a question about one', () => {
    process.env.TZ = 'UTC';
    const text = review(week);
    const least = text.slice(text.indexOf('## Least reflected this week'), text.indexOf('## Strategy'));
    expect(least).toBe(
      '## Least reflected this week\n\n' +
        // Ties this week go to fewer all-time entries, then the source's order.
        '- **Leadership** (the weaker side this week): Innovation, Influence, Visionary Thinking, 0 entries\n' +
        '- **Management**: Problem-Solving, Organizational Skills, 0 entries\n\n',
    );
    // Week 48: (48 - 1) % 3 = 2, Continuous Learning.
    expect(text).toContain('## Strategy of the week: Continuous Learning\n\n> Invest in training programs that focus on both leadership and management development.\n');
    expect(text).toContain('**What could you read, watch or try next week to keep learning Innovation, and when will you make time for it?**');
  });

  it('with an even week, leans on the all-time weaker side', () => {
    process.env.TZ = 'UTC';
    const text = review([entry('a', '2026-11-24', ['influence', 'problem-solving'])], local(2026, 11, 24));
    expect(text).toContain('- This week: balanced');
    // All time, leadership (20) is weaker than management (27): its least reflected this week
    // are visionary thinking and innovation (0); innovation has fewer all-time entries.
    expect(text).toMatch(/keep learning Innovation/);
    expect(text.indexOf('- **Leadership**')).toBeLessThan(text.indexOf('- **Management**'));
  });

  it('says so when the week has no entries, and still offers a strategy', () => {
    process.env.TZ = 'UTC';
    const text = review([], local(2026, 1, 1));
    expect(text).toContain('No entries this week yet.');
    expect(text).toContain('No trait tags this week.');
    expect(text).toContain('## Strategy of the week: Develop Dual Skills');
    expect(text).toMatch(/\*\*What is one small thing you could do next week to practise Innovation, so that your leadership skills grow/);
  });

  it('rotates the strategy with the week number', () => {
    process.env.TZ = 'UTC';
    expect(review([], local(2026, 1, 7))).toContain('## Strategy of the week: Foster Collaboration');
    expect(review([], local(2026, 1, 7))).toMatch(/Who around you is strong in Innovation/);
    expect(review([], local(2026, 1, 14))).toContain('## Strategy of the week: Continuous Learning');
  });

  it('ends with reflection headings, the cursor under the first', () => {
    process.env.TZ = 'UTC';
    const text = review(week);
    for (const heading of REFLECTION_HEADINGS) expect(text).toContain(`\n## ${heading}\n`);
    const lines = text.split('\n');
    const cursor = reviewCursorLine(text)!;
    expect(lines[cursor - 2]).toBe(`## ${REFLECTION_HEADINGS[0]}`);
    expect(lines[cursor]).toBe('');
    expect(lines[cursor + 1]).toBe('');
    expect(reviewCursorLine('# something else\n')).toBeUndefined();
  });

  it('escapes hostile titles and link paths: no links, HTML, tags or lines of their own', () => {
    process.env.TZ = 'UTC';
    const hostile = [
      entry('a', '2026-11-24', ['empathy'], '[click](command:evil) <img src=x onerror=alert(1)> #innovation **bold**'),
      entry('b', '2026-11-25', ['influence'], 'two\nlines\r\n# heading `code` | pipe & &amp; \\'),
    ];
    const text = buildWeeklyReview({
      entries: hostile,
      countOf,
      balance: computeBalance(countOf),
      now: local(2026, 11, 27),
      relativeLink: (key) => (key === 'a' ? '../2026/11/a b#innovation (1).md' : '../2026/11/<b>.md'),
    });
    const lines = text.split('\n').filter((line) => /^- \w{3} \d+: /.test(line));
    expect(lines).toEqual([
      '- Tue 24: [\\[click\\]\\(command:evil\\) \\<img src=x onerror=alert\\(1\\)\\> \\#innovation \\*\\*bold\\*\\*](../2026/11/a%20b%23innovation%20%281%29.md) · Empathy',
      '- Wed 25: [two lines \\# heading \\`code\\` \\| pipe \\& \\&amp; \\\\](../2026/11/%3Cb%3E.md) · Influence',
    ]);
    // Nothing in the review becomes a tag: it has exactly one, in its front matter.
    expect(inlineTags(readFrontMatter(text).body)).toEqual([]);
    expect(parseEntry(text).tags).toEqual([WEEKLY_REVIEW_TAG]);
  });

  it('lists an entry without a link when it cannot be linked', () => {
    process.env.TZ = 'UTC';
    const text = buildWeeklyReview({
      entries: [entry('x', '2026-11-24', ['empathy'], 'Elsewhere')],
      countOf,
      balance: computeBalance(countOf),
      now: local(2026, 11, 27),
      relativeLink: () => undefined,
    });
    expect(text).toContain('- Tue 24: Elsewhere · Empathy');
  });
});

describe('the comparison with the period before', () => {
  it('the weekly review says how the week moved against last week', () => {
    process.env.TZ = 'Europe/Berlin';
    const text = review([
      entry('monday', '2026-11-23', ['empathy', 'decision-making']),
      entry('friday', '2026-11-27', ['decision-making']),
      entry('last-week', '2026-11-18', ['empathy', 'innovation']),
    ]);
    expect(text).toContain('- Against last week (2026-W47): entries 1 → 2 (+1), leadership 2 → 1 (-1), management 0 → 2 (+2)\n');
    expect(text).toContain('| Trait | Side | This week | All time | Last week | Change |\n| --- | --- | ---: | ---: | ---: | ---: |\n');
    expect(text).toContain('| Empathy | Leadership | 1 | 10 | 1 | ±0 |');
    expect(text).toContain('| Innovation | Leadership | 0 | 3 | 1 | -1 |');
    expect(text).toContain('| Decision-Making | Management | 2 | 9 | 0 | +2 |');
  });
});

function periodReview(kind: PeriodKind, entries: ReviewEntry[], now: Date, fiscalYearStartMonth?: number): string {
  return buildPeriodReview({ kind, entries, countOf, balance: computeBalance(countOf), now, relativeLink: (key) => `../2026/${key}.md`, fiscalYearStartMonth });
}

describe.each(['Europe/Berlin', 'America/Los_Angeles', 'Pacific/Kiritimati'])('monthly and quarterly reviews (%s)', (tz) => {
  const entries = [
    entry('oct-31', '2026-10-31', ['empathy']),
    entry('nov-01', '2026-11-01', ['influence', 'time-management'], 'First of November'),
    entry('nov-30', '2026-11-30', ['problem-solving'], 'Last of November'),
    entry('dec-01', '2026-12-01', ['innovation']),
    entry('sep-15', '2026-09-15', ['decision-making']),
    { ...entry('nov-review', '2026-11-15', ['empathy']), kind: 'review' as const },
  ];

  it('a monthly review covers the calendar month and compares it with the month before', () => {
    process.env.TZ = tz;
    const text = periodReview('month', entries, new Date(2026, 10, 30, 23, 45));
    expect(text.startsWith(`---\ndate: 2026-11-30T23:45:00`)).toBe(true);
    expect(readFrontMatter(text).data).toMatchObject({ kind: 'review', tags: ['monthly-review'], month: '2026-11' });
    expect(text).toContain('\n# Monthly review 2026-11 (November 2026)\n');
    expect(text).toContain('## This month in numbers\n\n**2 entries** written this month.\n');
    expect(text).toContain('- Leadership: 1 trait tag (33%)\n- Management: 2 trait tags (67%)\n- This month: leaning management\n');
    expect(text).toContain('- Against last month (2026-10): entries 1 → 2 (+1), leadership 1 → 1 (±0), management 0 → 2 (+2)\n');
    expect(text).toContain('| Trait | Side | This month | All time | Last month | Change |');
    expect(text).toContain('| Empathy | Leadership | 0 | 10 | 1 | -1 |');
    expect(text).toContain('| Influence | Leadership | 1 | 3 | 0 | +1 |');
    const links = text.split('\n').filter((line) => line.includes(']('));
    expect(links).toEqual(['- Sun 1: [First of November](../2026/nov-01.md) · Influence, Time Management', '- Mon 30: [Last of November](../2026/nov-30.md) · Problem-Solving']);
    expect(text).toContain('## Least reflected this month\n\n- **Leadership** (the weaker side this month): Innovation, Visionary Thinking, Empathy, 0 entries\n');
    // November is month 11: (11 - 1) % 3 = 1, Foster Collaboration.
    expect(text).toContain('## Strategy of the month: Foster Collaboration\n');
    expect(text).toContain('**Who around you is strong in Innovation, and how could you work with them next month to learn from it?**');
    expect(text).toContain('\n## What went well this month?\n');
    expect(parseEntry(text, '2026-11.md').tags).toEqual(['monthly-review']);
  });

  it('a quarterly review covers the quarter and compares it with the quarter before', () => {
    process.env.TZ = tz;
    const text = periodReview('quarter', entries, new Date(2026, 11, 1, 0, 15));
    expect(readFrontMatter(text).data).toMatchObject({ kind: 'review', tags: ['quarterly-review'], quarter: '2026-Q4' });
    expect(text).toContain('\n# Quarterly review 2026-Q4 (October – December 2026)\n');
    expect(text).toContain('**4 entries** written this quarter.');
    expect(text).toContain('- Against last quarter (2026-Q3): entries 1 → 4 (+3), leadership 0 → 3 (+3), management 1 → 2 (+1)\n');
    expect(text).toContain('| Decision-Making | Management | 0 | 9 | 1 | -1 |');
    // A quarter's entries name their month.
    expect(text).toContain('- Sat 31 October: [oct\\-31](../2026/oct-31.md) · Empathy');
    expect(text).toContain('- Tue 1 December: [dec\\-01](../2026/dec-01.md) · Innovation');
    // Quarter 4: (4 - 1) % 3 = 0, Develop Dual Skills.
    expect(text).toContain('## Strategy of the quarter: Develop Dual Skills\n');
    // Leadership 3 against management 2: the weaker side is management, and of its traits with
    // none this quarter, Organizational Skills has fewer entries of all time (6 against 9).
    expect(text).toContain('- **Management** (the weaker side this quarter): Organizational Skills, Decision-Making, 0 entries\n- **Leadership**: Visionary Thinking, 0 entries\n');
    expect(text).toMatch(/\*\*What habit could you build next quarter to practise Organizational Skills, so that your management skills grow/);
    expect(text).toContain('\n## Which trait will I practise next quarter, and how?\n');
  });

  it('a fiscal year from April: December is Q3 of the fiscal year 2026', () => {
    process.env.TZ = tz;
    const text = periodReview('quarter', entries, new Date(2026, 11, 1, 12), 4);
    expect(readFrontMatter(text).data).toMatchObject({ quarter: '2026-Q3' });
    expect(text).toContain('# Quarterly review 2026-Q3 (October – December 2026)');
    expect(text).toContain('Against last quarter (2026-Q2)');
    const january = periodReview('quarter', entries, new Date(2027, 0, 2, 12), 4);
    expect(january).toContain('# Quarterly review 2026-Q4 (January – March 2027)');
    expect(january).toContain('No entries this quarter yet.');
    expect(january).toContain('No trait tags this quarter.');
    expect(january).toContain('- Against last quarter (2026-Q3): entries 4 → 0 (-4)');
  });

  it('the cursor starts under the first heading of each kind', () => {
    process.env.TZ = tz;
    for (const kind of ['week', 'month', 'quarter'] as const) {
      const text = periodReview(kind, entries, new Date(2026, 10, 20, 12));
      const lines = text.split('\n');
      expect(lines[reviewCursorLine(text)! - 2]).toBe(`## ${reflectionHeadings(kind)[0]}`);
      expect([reviewTag(kind)]).toEqual((readFrontMatter(text).data as { tags: string[] }).tags);
    }
    expect(periodReviewPath(periodOf('quarter', new Date(2026, 10, 20), 4))).toEqual(['reviews', '2026-Q3.md']);
    expect(periodReviewPath(periodOf('month', new Date(2026, 0, 20)))).toEqual(['reviews', '2026-01.md']);
  });
});
