import { describe, expect, it } from 'vitest';
import { computeBalance } from '../../src/core/balance';
import { parseEntry } from '../../src/core/entryParser';
import { readFrontMatter } from '../../src/core/frontMatter';
import { InlineTag, scanMarkdown } from '../../src/core/markdownScanner';

const inlineTags = (text: string): readonly InlineTag[] => scanMarkdown(text, { title: false }).tags;
import { STRATEGIES, configureTraits } from '../../src/core/traits';
import {
  PeriodReviewInput,
  REFLECTION_HEADINGS,
  ReviewEntry,
  WEEKLY_REVIEW_TAG,
  GENERATED_END,
  GENERATED_START,
  buildPeriodReview,
  buildWeeklyReview,
  generatedPartRange,
  periodReviewPath,
  reflectionHeadings,
  reviewGeneratedPart,
  reviewTag,
  reviewWeeksOffered,
  withGeneratedPart,
  reviewCursorLine,
  reviewPath,
  strategyOfWeek,
  strategyQuestion,
} from '../../src/core/reviews';
import { PeriodKind, isoWeek, periodOf, weekLabel, weekRange, weekSpan, weeksInYear } from '../../src/core/periods';
import { SYSTEM_TIME_ZONE, TimeZone } from '../../src/core/localTime';
import { BERLIN, LOS_ANGELES, SAMPLE_STEP, SANTIAGO, UTC, intlWallClock, wallTime, zone } from './zones';

const ZONES = [BERLIN, LOS_ANGELES, zone('Pacific/Kiritimati'), UTC, SANTIAGO];

describe.each(ZONES.map((z) => [z.name, z] as const))('ISO weeks in local time (%s)', (_name, tz) => {
  /** A local date in the zone, at noon by default (well away from midnight and DST changes). */
  const local = (y: number, m: number, d: number, h = 12, mi = 0, s = 0) => wallTime(tz, y, m, d, h, mi, s);

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
    expect(isoWeek(local(y, m, d), tz)).toEqual({ year, week });
    // The whole local day belongs to the week: just after midnight and just before the next.
    expect(isoWeek(local(y, m, d, 0, 0, 1), tz)).toEqual({ year, week });
    expect(isoWeek(local(y, m, d, 23, 59, 59), tz)).toEqual({ year, week });
  });

  it('uses the local day, not the UTC day', () => {
    // Sunday late and Monday early, in local time: whatever the UTC day is, the local one decides.
    expect(isoWeek(local(2026, 11, 29, 23, 30), tz)).toEqual({ year: 2026, week: 48 });
    expect(isoWeek(local(2026, 11, 30, 0, 30), tz)).toEqual({ year: 2026, week: 49 });
  });

  it('weekRange goes from local Monday 00:00 to the next Monday 00:00', () => {
    const { start, end } = weekRange(2026, 53, tz);
    expect(start).toEqual(local(2026, 12, 28, 0));
    expect(end).toEqual(local(2027, 1, 4, 0));
    expect(weekRange(2025, 1, tz).start).toEqual(local(2024, 12, 30, 0));
    expect(weekRange(2026, 1, tz).start).toEqual(local(2025, 12, 29, 0));
    expect(weekRange(2026, 48, tz)).toEqual({ start: local(2026, 11, 23, 0), end: local(2026, 11, 30, 0) });
  });

  it('weekRange and isoWeek agree on every day of several years', () => {
    for (let n = Date.UTC(2019, 11, 20); n < Date.UTC(2028, 0, 10); n += SAMPLE_STEP * 86_400_000) {
      const date = new Date(n);
      for (const hour of [0, 12, 23]) {
        const day = local(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), hour, hour === 23 ? 59 : 0);
        const { year, week } = isoWeek(day, tz);
        const { start, end } = weekRange(year, week, tz);
        expect(start.getTime()).toBeLessThanOrEqual(day.getTime());
        expect(day.getTime()).toBeLessThan(end.getTime());
        const wall = intlWallClock(start.getTime(), tz.name);
        // A Monday, at the first moment of the day (00:00, or 01:00 where the clocks skip midnight).
        expect(new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay()).toBe(1);
        expect(wall.minute).toBe(0);
        expect(wall.hour).toBeLessThanOrEqual(1);
      }
    }
  }, 60_000);
});

describe('the first moment of a local day, across clock changes', () => {
  it('follows the offset of each Monday around a clock change (Santiago, 6 September 2026)', () => {
    // Chile moves its clocks from 00:00 to 01:00 on the first Sunday of September: -04:00 to -03:00.
    expect(weekRange(2026, 37, SANTIAGO).start.toISOString()).toBe('2026-09-07T03:00:00.000Z');
    expect(weekRange(2026, 36, SANTIAGO).end.toISOString()).toBe('2026-09-07T03:00:00.000Z');
    expect(weekRange(2026, 36, SANTIAGO).start.toISOString()).toBe('2026-08-31T04:00:00.000Z');
  });

  it('follows the offset back (Santiago, 5 April 2026)', () => {
    // Chile moves its clocks back an hour at the end of Saturday 4 April 2026: -03:00 to -04:00.
    // Monday 2026-04-06 starts at 00:00-04:00; the week before started at 00:00-03:00.
    expect(weekRange(2026, 15, SANTIAGO).start.toISOString()).toBe('2026-04-06T04:00:00.000Z');
    expect(weekRange(2026, 14, SANTIAGO).start.toISOString()).toBe('2026-03-30T03:00:00.000Z');
  });

  it('has 7 × 24 hours less or more one, across a DST change (Berlin)', () => {
    const spring = weekRange(2026, 13, BERLIN); // 23 March – 29 March, clocks go forward on the 29th
    expect(spring.end.getTime() - spring.start.getTime()).toBe((7 * 24 - 1) * 3_600_000);
    const autumn = weekRange(2026, 43, BERLIN); // 19 – 25 October, clocks go back on the 25th
    expect(autumn.end.getTime() - autumn.start.getTime()).toBe((7 * 24 + 1) * 3_600_000);
    expect(autumn.start.toISOString()).toBe('2026-10-18T22:00:00.000Z');
    expect(autumn.end.toISOString()).toBe('2026-10-25T23:00:00.000Z');
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
    // One style for a week everywhere (core/dates), in the display language.
    expect(weekSpan(2026, 48)).toBe('Nov 23 – 29, 2026');
    expect(weekSpan(2026, 49)).toBe('Nov 30 – Dec 6, 2026');
    expect(weekSpan(2026, 53)).toBe('Dec 28, 2026 – Jan 3, 2027');
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

function entry(key: string, day: string, tags: string[], title = key, hour = 9): ReviewEntry {
  const [y, m, d] = day.split('-').map(Number);
  return { key, title, day, time: Date.UTC(y, m - 1, d, hour), tags };
}

const local = (y: number, m: number, d: number, h = 12) => wallTime(UTC, y, m, d, h);

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

function review(entries: ReviewEntry[], now = local(2026, 11, 27), tz = UTC): string {
  return buildWeeklyReview({
    entries,
    countOf,
    balance: computeBalance(countOf),
    now,
    relativeLink: (key) => `../2026/11/${key}.md`,
    zone: tz,
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
    const text = review([...week, ...notThisWeek], wallTime(BERLIN, 2026, 11, 27), BERLIN);
    expect(text.startsWith('---\ndate: 2026-11-27T12:00:00+01:00\nkind: review\ntags:\n  - weekly-review\nweek: 2026-W48\n---\n')).toBe(true);
    const { data } = readFrontMatter(text);
    expect(data).toEqual({ date: '2026-11-27T12:00:00+01:00', kind: 'review', tags: ['weekly-review'], week: '2026-W48' });
  });

  it('parses back as an entry tagged weekly-review only, titled by its heading', () => {
    const parsed = parseEntry(review([...week, ...notThisWeek], wallTime(BERLIN, 2026, 11, 27), BERLIN), '2026-W48.md');
    expect(parsed.tags).toEqual([WEEKLY_REVIEW_TAG]);
    expect(parsed.problems).toEqual([]);
    expect(parsed.day).toBe('2026-11-27');
    expect(parsed.title).toBe('Weekly review 2026-W48 (Nov 23 – 29, 2026)');
  });

  it('tallies only the week\'s entries, not other weeks, undated entries or reviews', () => {
    const text = review([...week, ...notThisWeek], wallTime(BERLIN, 2026, 11, 27), BERLIN);
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
    const text = review([...week].reverse(), wallTime(LOS_ANGELES, 2026, 11, 27), LOS_ANGELES);
    const links = text.split('\n').filter((line) => line.startsWith('- ') && line.includes(']('));
    expect(links).toEqual([
      // Escaped only where Markdown would misread it: `one-on-one` stays as written.
      '- Mon, Nov 23: [Monday one-on-one](../2026/11/monday.md) · Empathy, Decision-Making',
      '- Fri, Nov 27: [Friday planning](../2026/11/friday.md) · Decision-Making',
      '- Sun, Nov 29: [sunday](../2026/11/sunday.md) · Time Management',
    ]);
  });

  it('names the least reflected traits, weaker side first, and asks the strategy as a question about the one rule\'s suggestion', () => {
    const text = review(week);
    const least = text.slice(text.indexOf('## Least reflected this week'), text.indexOf('## Strategy'));
    expect(least).toBe(
      '## Least reflected this week\n\n' +
        // Ties are named in the order of core/nextTrait.
        '- **Leadership** (the weaker side this week): Visionary Thinking, Innovation and Influence (0 entries each)\n' +
        '- **Management**: Organizational Skills and Problem-Solving (0 entries each)\n\n',
    );
    // Week 48: (48 - 1) % 3 = 2, Continuous Learning.
    expect(text).toContain('## Strategy of the week: Continuous Learning\n\n> Invest in training programs that focus on both leadership and management development.\n');
    expect(text).toContain('**What could you read, watch or try next week to keep learning Visionary Thinking, and when will you make time for it?**');
    expect(text).toContain('*Visionary Thinking has no entries yet, and leadership is the side you wrote less about in the last four weeks.*');
  });

  it('names at most three traits of a tie, and says when a whole side ties', () => {
    configureTraits([{ id: 'coaching', label: 'Coaching', side: 'leadership', description: 'Helping others grow.', prompts: ['Whom did I help?'] }]);
    try {
      const text = review([entry('m', '2026-11-24', ['time-management'])]);
      expect(text).toContain('- **Leadership** (the weaker side this week): none of its traits yet\n');
      expect(text).toContain('- **Management**: Organizational Skills, Decision-Making and Problem-Solving (0 entries each)\n');
      const many = review([entry('l', '2026-11-24', ['empathy'])]);
      expect(many).toContain('- **Leadership**: Visionary Thinking, Innovation, Influence and 1 more (0 entries each)\n');
    } finally {
      configureTraits([]);
    }
  });

  it('with an even week, leans on the all-time weaker side', () => {
    const text = review([entry('a', '2026-11-24', ['influence', 'problem-solving'])], local(2026, 11, 24));
    expect(text).toContain('- This week: balanced');
    // All time, leadership (20) is weaker than management (27): it is listed first. The question
    // is about the suggestion of core/nextTrait, from the entries it is given.
    expect(text).toMatch(/keep learning Visionary Thinking/);
    expect(text.indexOf('- **Leadership**')).toBeLessThan(text.indexOf('- **Management**'));
  });

  it('says so when the week has no entries, and still offers a strategy', () => {
    const text = review([], local(2026, 1, 1));
    expect(text).toContain('No entries this week yet.');
    expect(text).toContain('No trait tags this week.');
    expect(text).toContain('## Strategy of the week: Develop Dual Skills');
    expect(text).toMatch(/\*\*What is one small thing you could do next week to practise Visionary Thinking, so that your leadership skills grow/);
  });

  it('rotates the strategy with the week number', () => {
    expect(review([], local(2026, 1, 7))).toContain('## Strategy of the week: Foster Collaboration');
    expect(review([], local(2026, 1, 7))).toMatch(/Who around you is strong in Visionary Thinking/);
    expect(review([], local(2026, 1, 14))).toContain('## Strategy of the week: Continuous Learning');
  });

  it('ends with reflection headings, the cursor under the first', () => {
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
    const hostile = [
      entry('a', '2026-11-24', ['empathy'], '[click](command:evil) <img src=x onerror=alert(1)> #innovation **bold**'),
      entry('b', '2026-11-25', ['influence'], 'two\nlines\r\n# heading `code` | pipe & &amp; \\'),
    ];
    const text = buildWeeklyReview({
      entries: hostile,
      countOf,
      balance: computeBalance(countOf),
      now: local(2026, 11, 27),
      zone: UTC,
      relativeLink: (key) => (key === 'a' ? '../2026/11/a b#innovation (1).md' : '../2026/11/<b>.md'),
    });
    const lines = text.split('\n').filter((line) => /^- \w{3}, \w{3} \d+: /.test(line));
    expect(lines).toEqual([
      '- Tue, Nov 24: [\\[click\\](command:evil) \\<img src=x onerror=alert(1)> \\#innovation \\*\\*bold\\*\\*](../2026/11/a%20b%23innovation%20%281%29.md) · Empathy',
      '- Wed, Nov 25: [two lines # heading \\`code\\` | pipe & \\&amp; \\\\](../2026/11/%3Cb%3E.md) · Influence',
    ]);
    // Nothing in the review becomes a tag: it has exactly one, in its front matter.
    expect(inlineTags(readFrontMatter(text).body)).toEqual([]);
    expect(parseEntry(text).tags).toEqual([WEEKLY_REVIEW_TAG]);
  });

  it('lists an entry without a link when it cannot be linked', () => {
    const text = buildWeeklyReview({
      entries: [entry('x', '2026-11-24', ['empathy'], 'Elsewhere')],
      countOf,
      balance: computeBalance(countOf),
      now: local(2026, 11, 27),
      zone: UTC,
      relativeLink: () => undefined,
    });
    expect(text).toContain('- Tue, Nov 24: Elsewhere · Empathy');
  });
});

describe('a week to review, and its generated part', () => {
  it('offers last week on the first days of a week, as the setting says', () => {
    const monday = local(2026, 11, 30);
    expect(reviewWeeksOffered(monday, 1, UTC)).toEqual([{ year: 2026, week: 49 }, { year: 2026, week: 48 }]);
    expect(reviewWeeksOffered(local(2026, 12, 1), 1, UTC)).toEqual([{ year: 2026, week: 49 }]);
    expect(reviewWeeksOffered(local(2026, 12, 1), 2, UTC)).toHaveLength(2);
    expect(reviewWeeksOffered(monday, 0, UTC)).toEqual([{ year: 2026, week: 49 }]);
    // Across a year: Monday 4 January 2027 is in 2027-W01; last week is 2026-W53.
    expect(reviewWeeksOffered(local(2027, 1, 4), 1, UTC)).toEqual([{ year: 2027, week: 1 }, { year: 2026, week: 53 }]);
  });

  it('reviews last week when asked, with last week\'s entries, written now', () => {
    const text = buildWeeklyReview({
      entries: [entry('last', '2026-11-25', ['empathy'], 'Last week'), entry('this', '2026-11-30', ['influence'], 'This week')],
      countOf,
      balance: computeBalance(countOf),
      now: local(2026, 11, 30),
      week: { year: 2026, week: 48 },
      relativeLink: (key) => `${key}.md`,
      zone: UTC,
    });
    expect(text).toContain('week: 2026-W48');
    expect(text).toContain('date: 2026-11-30T12:00:00+00:00');
    expect(text).toContain('[Last week](last.md)');
    expect(text).not.toContain('This week](this.md)');
  });

  it('keeps its generated part between markers, which alone may be rewritten', () => {
    const input = { entries: [entry('a', '2026-11-24', ['empathy'])], countOf, balance: computeBalance(countOf), now: local(2026, 11, 27), relativeLink: (key: string) => `${key}.md` };
    const original = buildWeeklyReview(input);
    const range = generatedPartRange(original)!;
    expect(original.slice(range.start, range.end)).toBe(reviewGeneratedPart(input));
    expect(original.slice(range.start).startsWith(GENERATED_START)).toBe(true);
    expect(original.slice(0, range.end).endsWith(GENERATED_END)).toBe(true);
    // The user writes under the questions; the journal gains an entry; only the numbers change.
    const written = original.replace('## What went well this week?\n\n', '## What went well this week?\n\nThe offsite, and **1 entry** I am proud of.\n');
    const fresh = reviewGeneratedPart({ ...input, entries: [...input.entries, entry('b', '2026-11-26', ['time-management'], 'New one')] });
    const updated = withGeneratedPart(written, fresh)!;
    expect(updated).toContain('The offsite, and **1 entry** I am proud of.');
    expect(updated).toContain('[New one](b.md)');
    expect(updated.slice(0, range.start)).toBe(written.slice(0, range.start));
    expect(updated.slice(updated.indexOf(GENERATED_END))).toBe(written.slice(written.indexOf(GENERATED_END)));
  });

  it('rewrites nothing when a marker is missing or doubled', () => {
    expect(generatedPartRange('# A review of an earlier version\n')).toBeUndefined();
    expect(generatedPartRange(`${GENERATED_START}\nno end`)).toBeUndefined();
    expect(generatedPartRange(`${GENERATED_START}\n${GENERATED_START}\n${GENERATED_END}`)).toBeUndefined();
    expect(withGeneratedPart('text', 'x')).toBeUndefined();
  });
});

describe('buildWeeklyReview against near twins', () => {
  it('focuses on this week\'s weaker side before the all-time weaker side', () => {
    // All time, leadership is weaker (20 : 27); this week, management is (1 : 2).
    const text = review([entry('a', '2026-11-24', ['empathy', 'influence']), entry('b', '2026-11-25', ['time-management'])]);
    expect(text).toContain('- Leadership: 2 trait tags (67%)');
    expect(text).toContain('- Management: 1 trait tag (33%)');
    const least = text.slice(text.indexOf('## Least reflected this week'), text.indexOf('## Strategy'));
    expect(least).toBe(
      '## Least reflected this week\n\n' +
        '- **Management** (the weaker side this week): Organizational Skills, Decision-Making and Problem-Solving (0 entries each)\n' +
        '- **Leadership**: Visionary Thinking and Innovation (0 entries each)\n\n',
    );
    // Week 48: Continuous Learning, about what core/nextTrait suggests: the weaker side's first trait without entries.
    expect(text).toContain('**What could you read, watch or try next week to keep learning Organizational Skills, and when will you make time for it?**');
  });

  it('with an even week, takes the all-time weaker side, which may be management', () => {
    const strongLeadership = (tag: string) => ({ empathy: 30, 'time-management': 1 })[tag] ?? 0;
    const text = buildWeeklyReview({
      entries: [entry('a', '2026-11-24', ['influence', 'problem-solving'])],
      countOf: strongLeadership,
      balance: computeBalance(strongLeadership),
      now: local(2026, 11, 27),
      relativeLink: () => undefined,
      zone: UTC,
    });
    expect(text).toContain('- This week: balanced');
    expect(text.indexOf('- **Management**')).toBeLessThan(text.indexOf('- **Leadership**'));
    expect(text).not.toContain('(the weaker side this week)');
    // Management's least this week (0), in the source's order, at most three named.
    expect(text).toContain('- **Management**: Organizational Skills, Decision-Making and Time Management (0 entries each)');
  });

  it('with an even week and an even journal, takes leadership', () => {
    const even = (tag: string) => ({ empathy: 3, 'time-management': 3 })[tag] ?? 0;
    const text = buildWeeklyReview({ entries: [], countOf: even, balance: computeBalance(even), now: local(2026, 11, 27), relativeLink: () => undefined, zone: UTC });
    expect(text.indexOf('- **Leadership**')).toBeLessThan(text.indexOf('- **Management**'));
    expect(text).toContain('keep learning Visionary Thinking');
  });

  it('passes its tolerance on to this week\'s balance', () => {
    const week = [entry('a', '2026-11-24', ['empathy', 'influence', 'innovation']), entry('b', '2026-11-25', ['time-management', 'problem-solving'])];
    const at = (tolerance?: number) => buildWeeklyReview({ entries: week, countOf, balance: computeBalance(countOf), now: local(2026, 11, 27), relativeLink: () => undefined, zone: UTC, tolerance });
    expect(at()).toContain('- This week: balanced'); // 60%
    expect(at(10)).toContain('- This week: balanced');
    expect(at(9)).toContain('- This week: leaning leadership');
  });

  it('orders the week\'s entries by day, then time, then title, then file', () => {
    const week = [
      { key: 'z', title: 'Same', day: '2026-11-24', time: Date.UTC(2026, 10, 24, 9), tags: ['empathy'] },
      { key: 'y', title: 'Same', day: '2026-11-24', time: Date.UTC(2026, 10, 24, 9), tags: ['empathy'] },
      { key: 'x', title: 'Alpha', day: '2026-11-24', time: Date.UTC(2026, 10, 24, 9), tags: ['empathy'] },
      { key: 'w', title: 'Early', day: '2026-11-24', time: Date.UTC(2026, 10, 24, 7), tags: [] },
      { key: 'v', title: 'Undated time', day: '2026-11-24', time: Number.NaN, tags: [] },
      { key: 'u', title: 'Monday', day: '2026-11-23', time: Date.UTC(2026, 10, 23, 22), tags: ['retro'] },
      { key: 't', title: 'Thursday', day: '2026-11-26', time: Date.UTC(2026, 10, 26, 1), tags: [] },
      { key: 's', title: 'Saturday', day: '2026-11-28', time: Date.UTC(2026, 10, 28, 1), tags: [] },
      { key: 'r', title: 'Wednesday', day: '2026-11-25', time: Date.UTC(2026, 10, 25, 1), tags: [] },
      { key: 'q', title: '  ', day: '2026-11-29', time: Date.UTC(2026, 10, 29, 1), tags: [] },
    ];
    const text = buildWeeklyReview({ entries: week, countOf, balance: computeBalance(countOf), now: local(2026, 11, 27), relativeLink: (key) => key, zone: UTC });
    const lines = text.split('\n').filter((line) => /^- \w{3}, \w{3} \d+: /.test(line));
    expect(lines).toEqual([
      '- Mon, Nov 23: [Monday](u)',
      '- Tue, Nov 24: [Undated time](v)',
      '- Tue, Nov 24: [Early](w)',
      '- Tue, Nov 24: [Alpha](x) · Empathy',
      '- Tue, Nov 24: [Same](y) · Empathy',
      '- Tue, Nov 24: [Same](z) · Empathy',
      '- Wed, Nov 25: [Wednesday](r)',
      '- Thu, Nov 26: [Thursday](t)',
      '- Sat, Nov 28: [Saturday](s)',
      '- Sun, Nov 29: [Untitled](q)',
    ]);
    expect(text).toContain('**10 entries** written this week.');
  });

  it('counts one entry as "1 entry" and one trait tag as "1 trait tag"', () => {
    const text = review([entry('a', '2026-11-24', ['empathy'])]);
    expect(text).toContain('**1 entry** written this week.');
    expect(text).toContain('- Leadership: 1 trait tag (100%)');
    expect(text).toContain('- Management: 0 trait tags (0%)');
    expect(text).toContain('- **Leadership**: Visionary Thinking, Innovation and Influence (0 entries each)');
  });

  it('spells every month and weekday', () => {
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const seen = new Set<string>();
    for (let week = 1; week <= 53; week++) for (const month of months) if (new RegExp(`\\b${month} \\d`).test(weekSpan(2026, week))) seen.add(month);
    expect([...seen].sort()).toEqual([...months].sort());
    expect(weekSpan(2026, 1)).toBe('Dec 29, 2025 – Jan 4, 2026');
    expect(weekSpan(2026, 5)).toBe('Jan 26 – Feb 1, 2026');
    expect(weekSpan(2026, 10)).toBe('Mar 2 – 8, 2026');
    expect(weekSpan(2026, 19)).toBe('May 4 – 10, 2026');
    const days = review([
      entry('mo', '2026-11-23', []), entry('tu', '2026-11-24', []), entry('we', '2026-11-25', []), entry('th', '2026-11-26', []),
      entry('fr', '2026-11-27', []), entry('sa', '2026-11-28', []), entry('su', '2026-11-29', []),
    ]).split('\n').filter((line) => /^- \w{3}, \w{3} \d+: /.test(line)).map((line) => line.slice(2, 13));
    expect(days).toEqual(['Mon, Nov 23', 'Tue, Nov 24', 'Wed, Nov 25', 'Thu, Nov 26', 'Fri, Nov 27', 'Sat, Nov 28', 'Sun, Nov 29']);
  });

  it('labels weeks with four-digit years and two-digit weeks, and refuses what is not a week', () => {
    expect(weekLabel(987, 5)).toBe('0987-W05');
    expect(weekLabel(2026, 10)).toBe('2026-W10');
    expect(() => weekRange(2026.5, 1)).toThrow('There is no ISO week 1 in 2026.5.');
    expect(() => weekRange(2026, 54)).toThrow(RangeError);
    expect(() => weekRange(2026, -1)).toThrow(RangeError);
    expect(weekRange(2026, 53, UTC).start.toISOString()).toBe('2026-12-28T00:00:00.000Z');
    expect(weekRange(2020, 53, UTC).start.toISOString()).toBe('2020-12-28T00:00:00.000Z');
  });

  it('rotates strategies for any week number, and asks about a strategy it has no question for', () => {
    expect([0, -1, 3, 6].map((week) => strategyOfWeek(week).id)).toEqual(['continuous-learning', 'foster-collaboration', 'continuous-learning', 'continuous-learning']);
    const trait = { id: 'coaching', label: 'Coaching', side: 'leadership' as const, description: 'd', prompts: ['p'] };
    expect(strategyQuestion({ id: 'mentoring', name: 'Mentoring', text: 't' }, trait)).toBe('How could "Mentoring" help you practise Coaching next week?');
    expect(strategyQuestion(STRATEGIES[1], trait)).toBe('Who around you is strong in Coaching, and how could you work with them next week to learn from it?');
  });

  it('finds the cursor line even at the very end of a text', () => {
    expect(reviewCursorLine(`## ${REFLECTION_HEADINGS[0]}`)).toBe(0);
    expect(reviewCursorLine(`x\n## ${REFLECTION_HEADINGS[0]}\n`)).toBe(2);
    expect(reviewCursorLine(`x\r\n## ${REFLECTION_HEADINGS[0]}\r\n\r\nmore`)).toBe(3);
  });

  it('links with every segment encoded, also the characters encodeURIComponent leaves', () => {
    const text = buildWeeklyReview({
      entries: [entry('a', '2026-11-24', [], "it's (really) *done*!")],
      countOf, balance: computeBalance(countOf), now: local(2026, 11, 27), zone: UTC,
      relativeLink: () => "../2026/11/it's (really) *done*!.md",
    });
    expect(text).toContain("(../2026/11/it%27s%20%28really%29%20%2Adone%2A%21.md)");
    // Escaped only where Markdown would misread it: the emphasis, not the parentheses or the `!`.
    expect(text).toContain("[it's (really) \\*done\\*!]");
  });

  it('writes the review\'s date in the given zone', () => {
    const now = new Date('2026-11-26T23:30:00Z');
    expect(review([], now, zone('Asia/Kolkata'))).toMatch(/^---\ndate: 2026-11-27T05:00:00\+05:30\nkind: review\ntags:\n {2}- weekly-review\nweek: 2026-W48\n---\n/);
    expect(review([], now, LOS_ANGELES)).toMatch(/^---\ndate: 2026-11-26T15:30:00-08:00\n/);
    // Sunday night in Los Angeles is Monday in Kolkata: another week.
    const sunday = new Date('2026-11-30T05:00:00Z');
    expect(review([], sunday, LOS_ANGELES)).toContain('week: 2026-W48');
    expect(review([], sunday, zone('Asia/Kolkata'))).toContain('week: 2026-W49');
  });
});

describe('buildWeeklyReview, whole text', () => {
  it('is exactly this, for a week of two entries', () => {
    const text = review([
      entry('monday', '2026-11-23', ['empathy', 'decision-making'], 'Monday one-on-one'),
      entry('friday', '2026-11-27', ['decision-making', 'retro'], 'Friday planning'),
      entry('elsewhere', '2026-11-20', ['influence'], 'Last week'),
    ]);
    // Written by hand from the template: this week leadership 1 (33%), management 2 (67%), leaning
    // management at 10 points; all time 20 : 27 (43%, 57%). The weaker side this week is
    // leadership; its traits without entries this week, in the source's order. Week 48:
    // Continuous Learning.
    expect(text).toBe(
      [
        '---',
        'date: 2026-11-27T12:00:00+00:00',
        'kind: review',
        'tags:',
        '  - weekly-review',
        'week: 2026-W48',
        '---',
        '# Weekly review 2026-W48 (Nov 23 – 29, 2026)',
        '',
        GENERATED_START,
        '',
        '## This week in numbers',
        '',
        '**2 entries** written this week.',
        '',
        '- Leadership: 1 trait tag (33%)',
        '- Management: 2 trait tags (67%)',
        '- This week: leaning management',
        '- All time: Leadership 43% · Management 57% · balanced',
        '',
        '| Trait | Side | This week | All time |',
        '| --- | --- | ---: | ---: |',
        '| Visionary Thinking | Leadership | 0 | 4 |',
        '| Empathy | Leadership | 1 | 10 |',
        '| Innovation | Leadership | 0 | 3 |',
        '| Influence | Leadership | 0 | 3 |',
        '| Organizational Skills | Management | 0 | 6 |',
        '| Decision-Making | Management | 2 | 9 |',
        '| Problem-Solving | Management | 0 | 5 |',
        '| Time Management | Management | 0 | 7 |',
        '',
        '## Entries this week',
        '',
        '- Mon, Nov 23: [Monday one-on-one](../2026/11/monday.md) · Empathy, Decision-Making',
        '- Fri, Nov 27: [Friday planning](../2026/11/friday.md) · Decision-Making',
        '',
        '## Least reflected this week',
        '',
        '- **Leadership** (the weaker side this week): Visionary Thinking, Innovation and Influence (0 entries each)',
        '- **Management**: Organizational Skills, Problem-Solving and Time Management (0 entries each)',
        '',
        '## Strategy of the week: Continuous Learning',
        '',
        '> Invest in training programs that focus on both leadership and management development.',
        '',
        // core/nextTrait on the entries: 2 : 2 in the last four weeks and all time, so the first
        // trait without entries, in the source's order.
        '**What could you read, watch or try next week to keep learning Visionary Thinking, and when will you make time for it?**',
        '',
        '*Visionary Thinking has no entries yet, and both sides are even.*',
        '',
        GENERATED_END,
        '',
        '## What went well this week?',
        '',
        '',
        '',
        '## What would I do differently next week?',
        '',
        '',
        '',
        '## Which trait will I practise next week, and how?',
        '',
      ].join('\n'),
    );
  });

  it('is exactly this, for an empty week', () => {
    const body = review([], local(2026, 1, 7)).split('\n---\n')[1];
    const lines = body.split('\n');
    expect(lines.slice(0, 11)).toEqual([
      '# Weekly review 2026-W02 (Jan 5 – 11, 2026)',
      '',
      GENERATED_START,
      '',
      '## This week in numbers',
      '',
      'No entries this week yet.',
      '',
      'No trait tags this week.',
      '- All time: Leadership 43% · Management 57% · balanced',
      '',
    ]);
    expect(body).toContain('## Entries this week\n\nNone yet.\n\n## Least reflected this week\n\n');
    // Nothing written this week: no list of every trait, a short line per side.
    expect(body).toContain('- **Leadership**: none of its traits yet\n- **Management**: none of its traits yet\n');
  });
});

function periodReview(kind: PeriodKind, entries: ReviewEntry[], now: Date, tz: TimeZone, fiscalYearStartMonth?: number): string {
  return buildPeriodReview({ kind, entries, countOf, balance: computeBalance(countOf), now, relativeLink: (key) => `../2026/${key}.md`, fiscalYearStartMonth, zone: tz });
}

describe.each([BERLIN, LOS_ANGELES, zone('Pacific/Kiritimati')].map((z) => [z.name, z] as const))('monthly and quarterly reviews (%s)', (_name, tz) => {
  const entries = [
    entry('oct-31', '2026-10-31', ['empathy']),
    entry('nov-01', '2026-11-01', ['influence', 'time-management'], 'First of November'),
    entry('nov-30', '2026-11-30', ['problem-solving'], 'Last of November'),
    entry('dec-01', '2026-12-01', ['innovation']),
    entry('sep-15', '2026-09-15', ['decision-making']),
    { ...entry('nov-review', '2026-11-15', ['empathy']), kind: 'review' as const },
  ];

  it('a monthly review covers the calendar month and compares it with the month before', () => {
    const text = periodReview('month', entries, wallTime(tz, 2026, 11, 30, 23, 45), tz);
    expect(text.startsWith('---\ndate: 2026-11-30T23:45:00')).toBe(true);
    expect(readFrontMatter(text).data).toMatchObject({ kind: 'review', tags: ['monthly-review'], month: '2026-11' });
    expect(text).toContain('\n# Monthly review 2026-11 (November 2026)\n');
    expect(text).toContain(`${GENERATED_START}\n\n## This month in numbers\n\n**2 entries** written this month.\n`);
    expect(text).toContain('- Leadership: 1 trait tag (33%)\n- Management: 2 trait tags (67%)\n- This month: leaning management\n');
    expect(text).toContain('- Against last month (2026-10): entries 1 → 2 (+1), leadership 1 → 1 (±0), management 0 → 2 (+2)\n');
    expect(text).toContain('| Trait | Side | This month | All time | Last month | Change |\n| --- | --- | ---: | ---: | ---: | ---: |\n');
    expect(text).toContain('| Empathy | Leadership | 0 | 10 | 1 | -1 |');
    expect(text).toContain('| Influence | Leadership | 1 | 3 | 0 | +1 |');
    const links = text.split('\n').filter((line) => line.includes(']('));
    expect(links).toEqual(['- Sun, Nov 1: [First of November](../2026/nov-01.md) · Influence, Time Management', '- Mon, Nov 30: [Last of November](../2026/nov-30.md) · Problem-Solving']);
    expect(text).toContain('## Least reflected this month\n\n- **Leadership** (the weaker side this month): ');
    // November is month 11: (11 - 1) % 3 = 1, Foster Collaboration.
    expect(text).toContain('## Strategy of the month: Foster Collaboration\n');
    expect(text).toMatch(/\*\*Who around you is strong in [^,]+, and how could you work with them next month to learn from it\?\*\*/);
    expect(text).toContain(`${GENERATED_END}\n\n## What went well this month?\n`);
    expect(parseEntry(text, '2026-11.md').tags).toEqual(['monthly-review']);
  });

  it('a quarterly review covers the quarter and compares it with the quarter before', () => {
    const text = periodReview('quarter', entries, wallTime(tz, 2026, 12, 1, 0, 15), tz);
    expect(readFrontMatter(text).data).toMatchObject({ kind: 'review', tags: ['quarterly-review'], quarter: '2026-Q4' });
    expect(text).toContain('\n# Quarterly review 2026-Q4 (October – December 2026)\n');
    expect(text).toContain('**4 entries** written this quarter.');
    expect(text).toContain('- Against last quarter (2026-Q3): entries 1 → 4 (+3), leadership 0 → 3 (+3), management 1 → 2 (+1)\n');
    expect(text).toContain('| Decision-Making | Management | 0 | 9 | 1 | -1 |');
    // A quarter's entries name their month.
    expect(text).toContain('- Sat, Oct 31: [oct-31](../2026/oct-31.md) · Empathy');
    expect(text).toContain('- Tue, Dec 1: [dec-01](../2026/dec-01.md) · Innovation');
    // Quarter 4: (4 - 1) % 3 = 0, Develop Dual Skills.
    expect(text).toContain('## Strategy of the quarter: Develop Dual Skills\n');
    // Leadership 3 against management 2: the weaker side is management, two of its traits tie at none.
    expect(text).toMatch(/- \*\*Management\*\* \(the weaker side this quarter\): (Organizational Skills and Decision-Making|Decision-Making and Organizational Skills) \(0 entries each\)\n- \*\*Leadership\*\*: Visionary Thinking \(0 entries\)\n/);
    expect(text).toMatch(/\*\*What habit could you build next quarter to practise /);
    expect(text).toContain('\n## Which trait will I practise next quarter, and how?\n');
  });

  it('a month names its goals, the commitments its entries made and the feedback received; a week does not', () => {
    const withCommitments = [
      ...entries.slice(0, 3),
      { ...entry('nov-10', '2026-11-10', ['empathy'], 'One-on-one'), commitments: [{ text: 'Ask Sam about *the* move', done: false }, { text: 'Book the room', done: true }] },
    ];
    const feedback = [entry('fb-nov', '2026-11-20', ['influence'], 'From Priya'), entry('fb-oct', '2026-10-20', ['empathy'], 'Too early')].map((note) => ({ ...note, kind: 'feedback' as const }));
    const goals = [{ label: 'Empathy', progress: { goal: { text: 'Listen first' }, label: '1 of 3 this month' } }] as unknown as PeriodReviewInput['goals'];
    const input = { entries: withCommitments, countOf, balance: computeBalance(countOf), now: wallTime(tz, 2026, 11, 30, 12), relativeLink: (key: string) => `../2026/${key}.md`, zone: tz, goals, feedback };
    const text = buildPeriodReview({ ...input, kind: 'month' });
    const part = text.slice(text.indexOf('## Goals, commitments and feedback'), text.indexOf('## Least reflected this month'));
    expect(part).toBe(
      '## Goals, commitments and feedback\n\n' +
        '**Goals**\n\n- Empathy: Listen first · 1 of 3 this month\n\n' +
        '**Commitments**\n\n2 made in these entries, 1 done, 1 still open.\n- Open: Ask Sam about \\*the\\* move (from [One-on-one](../2026/nov-10.md))\n\n' +
        '**Feedback received**\n\n- Fri, Nov 20: [From Priya](../2026/fb-nov.md) · Influence\n\n',
    );
    // A review's own text is never a commitment, and the feedback is not an entry of the month.
    expect(text).not.toMatch(/^\s*- \[[ xX]\]/m);
    // Three entries (1, 10 and 30 November): the feedback note is not one.
    expect(text).toContain('**3 entries** written this month.');
    const empty = buildPeriodReview({ ...input, kind: 'month', entries: [], goals: [], feedback: [] });
    expect(empty).toContain('**Goals**\n\nNo open goals.\n\n**Commitments**\n\nNone made in these entries.\n\n**Feedback received**\n\nNone in this period.\n');
    expect(buildPeriodReview({ ...input, kind: 'week' })).not.toContain('## Goals, commitments and feedback');
  });

  it('a fiscal year from April: December is Q3 of the fiscal year 2026', () => {
    const text = periodReview('quarter', entries, wallTime(tz, 2026, 12, 1, 12), tz, 4);
    expect(readFrontMatter(text).data).toMatchObject({ quarter: '2026-Q3' });
    expect(text).toContain('# Quarterly review 2026-Q3 (October – December 2026)');
    expect(text).toContain('Against last quarter (2026-Q2)');
    const january = periodReview('quarter', entries, wallTime(tz, 2027, 1, 2, 12), tz, 4);
    expect(january).toContain('# Quarterly review 2026-Q4 (January – March 2027)');
    expect(january).toContain('No entries this quarter yet.');
    expect(january).toContain('No trait tags this quarter.');
    expect(january).toContain('- Against last quarter (2026-Q3): entries 4 → 0 (-4)');
  });

  it('the cursor starts under the first heading of each kind, and "Update Numbers" finds each kind\'s generated part', () => {
    for (const kind of ['week', 'month', 'quarter'] as const) {
      const text = periodReview(kind, entries, wallTime(tz, 2026, 11, 20, 12), tz);
      const lines = text.split('\n');
      expect(lines[reviewCursorLine(text)! - 2]).toBe(`## ${reflectionHeadings(kind)[0]}`);
      expect([reviewTag(kind)]).toEqual((readFrontMatter(text).data as { tags: string[] }).tags);
      expect(generatedPartRange(text)).toBeDefined();
    }
    expect(periodReviewPath(periodOf('quarter', wallTime(tz, 2026, 11, 20), 4, tz))).toEqual(['reviews', '2026-Q3.md']);
    expect(periodReviewPath(periodOf('month', wallTime(tz, 2026, 1, 20), 1, tz))).toEqual(['reviews', '2026-01.md']);
  });
});

describe('reviews: the period, the feedback, the rule\'s moment and the generated part\'s markers', () => {
  const ALL_TRAITS = ['visionary-thinking', 'empathy', 'innovation', 'influence', 'organizational-skills', 'decision-making', 'problem-solving', 'time-management'];
  const input = (entries: ReviewEntry[], now: Date, more: Partial<PeriodReviewInput> = {}): PeriodReviewInput => ({
    kind: 'month',
    entries,
    countOf,
    balance: computeBalance(countOf),
    now,
    relativeLink: (key) => `../2026/${key}.md`,
    zone: UTC,
    ...more,
  });
  const section = (text: string, heading: string, next: string) => text.slice(text.indexOf(heading), text.indexOf(next));
  const strategyPart = (text: string) => text.slice(text.indexOf('## Strategy'), text.indexOf(GENERATED_END) + GENERATED_END.length);
  const october = periodOf('month', wallTime(UTC, 2026, 10, 15), 1, UTC);

  it('reviews the period it is given, not now\'s', () => {
    const text = buildPeriodReview(input([entry('oct', '2026-10-12', ['empathy'], 'October talk'), entry('nov', '2026-11-24', ['influence'])], local(2026, 11, 27), { period: october }));
    expect(readFrontMatter(text).data).toMatchObject({ month: '2026-10' });
    expect(section(text, '# Monthly', GENERATED_START)).toBe('# Monthly review 2026-10 (October 2026)\n\n');
    expect(reviewGeneratedPart(input([entry('oct', '2026-10-12', ['empathy'], 'October talk')], local(2026, 11, 27), { period: october }))).toContain(
      '## Entries this month\n\n- Mon, Oct 12: [October talk](../2026/oct.md) · Empathy\n\n## Goals',
    );
  });

  it('a month\'s review ignores a week given with it: the week is for weekly reviews only', () => {
    const text = buildPeriodReview(input([], local(2026, 12, 2), { week: { year: 2026, week: 48 } }));
    expect(readFrontMatter(text).data).toMatchObject({ month: '2026-12' });
    expect(section(text, '# Monthly', GENERATED_START)).toBe('# Monthly review 2026-12 (December 2026)\n\n');
  });

  it('leaves out entries whose day is not one YYYY-MM-DD', () => {
    const text = review([
      entry('good', '2026-11-24', ['empathy'], 'Good'),
      { ...entry('time', '2026-11-24', ['empathy'], 'With a time'), day: '2026-11-24T09:00' },
      { ...entry('two', '2026-11-24', ['empathy'], 'Two days'), day: '2026-11-24, 2026-11-25' },
    ]);
    expect(text).toContain('**1 entry** written this week.');
    expect(section(text, '## Entries this week', '## Least')).toBe('## Entries this week\n\n- Tue, Nov 24: [Good](../2026/11/good.md) · Empathy\n\n');
  });

  it('lists the month\'s feedback by day, then title, then file, with its traits; and a goal without text', () => {
    const note = (key: string, day: string, title: string, tags: string[]): ReviewEntry => ({ ...entry(key, day, tags, title), kind: 'feedback' });
    const feedback = [
      note('a', '2026-11-30', 'Last day', ['retro']),
      note('k-z', '2026-11-20', 'Alpha', []),
      note('before', '2026-10-31', 'Day before', ['empathy']),
      note('k-a', '2026-11-20', 'Zulu', ['decision-making']),
      note('after', '2026-12-01', 'Day after', ['empathy']),
      note('w', '2026-11-01', 'First day', ['empathy', 'retro', 'influence']),
      note('k-m', '2026-11-20', 'Alpha', []),
      { ...note('time', '2026-11-20', 'With a time', []), day: '2026-11-20T09:00' },
      { ...note('two', '2026-11-20', 'Two days', []), day: '2026-11-20, 2026-11-21' },
    ];
    const goals = [{ label: 'Empathy', progress: { goal: { text: '' }, label: '0 of 2 this month' } }] as unknown as PeriodReviewInput['goals'];
    const text = reviewGeneratedPart(input([], local(2026, 11, 30), { feedback, goals }));
    expect(section(text, '## Goals', '## Least')).toBe(
      [
        '## Goals, commitments and feedback',
        '',
        '**Goals**',
        '',
        '- Empathy · 0 of 2 this month',
        '',
        '**Commitments**',
        '',
        'None made in these entries.',
        '',
        '**Feedback received**',
        '',
        // 1 and 30 November are the month's first and last days; 31 October and 1 December are not in it.
        '- Sun, Nov 1: [First day](../2026/w.md) · Empathy, Influence',
        '- Fri, Nov 20: [Alpha](../2026/k-m.md)',
        '- Fri, Nov 20: [Alpha](../2026/k-z.md)',
        '- Fri, Nov 20: [Zulu](../2026/k-a.md) · Decision-Making',
        '- Mon, Nov 30: [Last day](../2026/a.md)',
        '',
        '',
      ].join('\n'),
    );
  });

  it('escapes a pipe in a trait\'s label in the tables of a week and of a month', () => {
    configureTraits([{ id: 'coaching', label: 'Coach | mentor', side: 'leadership', description: 'Helping others grow.', prompts: ['Whom did I help?'] }]);
    try {
      const week = review([entry('c', '2026-11-24', ['coaching'])]);
      expect(week).toContain('| Influence | Leadership | 0 | 3 |\n| Coach \\| mentor | Leadership | 1 | 0 |\n| Organizational Skills |');
      const month = buildPeriodReview(input([entry('c', '2026-11-24', ['coaching'])], local(2026, 11, 27)));
      expect(month).toContain('| Influence | Leadership | 0 | 3 | 0 | ±0 |\n| Coach \\| mentor | Leadership | 1 | 0 | 0 | +1 |\n| Organizational Skills |');
    } finally {
      configureTraits([]);
    }
  });

  it('says "each trait in N entries" when a whole side ties above none', () => {
    const text = review([entry('all', '2026-11-24', ['visionary-thinking', 'empathy', 'innovation', 'influence', 'time-management'])]);
    expect(section(text, '## Least', '## Strategy')).toBe(
      '## Least reflected this week\n\n' +
        '- **Management** (the weaker side this week): Organizational Skills, Decision-Making and Problem-Solving (0 entries each)\n' +
        '- **Leadership**: each trait in 1 entry\n\n',
    );
  });

  it('names tied traits in the rule\'s order, not the source\'s', () => {
    // Organizational Skills was reflected on 9 days ago (not neglected); Decision-Making and
    // Problem-Solving never were: the rule puts the neglected ones first.
    const text = review([entry('a', '2026-11-24', ['empathy', 'time-management']), entry('b', '2026-11-18', ['organizational-skills'])]);
    expect(section(text, '## Least', '## Strategy')).toBe(
      '## Least reflected this week\n\n' +
        '- **Leadership**: Visionary Thinking, Innovation and Influence (0 entries each)\n' +
        '- **Management**: Decision-Making, Problem-Solving and Organizational Skills (0 entries each)\n\n',
    );
  });

  // Every trait was last reflected on 12 October; a review note of 30 October is not a reflection.
  const past = [entry('all', '2026-10-12', ALL_TRAITS, 'All', 12), { ...entry('review', '2026-10-30', ['visionary-thinking'], 'Review', 12), kind: 'review' as const }];
  const dualSkills = '## Strategy of the month: Develop Dual Skills\n\n> Encourage leaders to develop management skills and vice versa to create well-rounded professionals.\n\n';
  const dualQuestion = '**What is one thing you could do each week next month to practise Visionary Thinking, so that your leadership skills grow alongside the other side?**\n\n';

  it('asks about a past period as it stood at its end, not now', () => {
    // 31 October is 19 days after 12 October (2 weeks); 14 December would be 63 (9 weeks).
    const text = reviewGeneratedPart(input(past, local(2026, 12, 14), { period: october }));
    expect(strategyPart(text)).toBe(`${dualSkills}${dualQuestion}*You last reflected on Visionary Thinking 2 weeks ago, and both sides are even.*\n\n${GENERATED_END}`);
  });

  it('passes its neglect days on to the rule', () => {
    // 19 days is not neglected when 30 are needed.
    const text = reviewGeneratedPart(input(past, local(2026, 12, 14), { period: october, neglectDays: 30 }));
    expect(strategyPart(text)).toBe(`${dualSkills}${dualQuestion}*Visionary Thinking has 1 entry in the last four weeks, fewer than the rest, and both sides are even.*\n\n${GENERATED_END}`);
  });

  it('asks about the current period as it stands now, not at its end', () => {
    // 2 November is 17 days after 16 October (2 weeks); 30 November would be 45 (6 weeks).
    const text = reviewGeneratedPart(input([entry('all', '2026-10-16', ALL_TRAITS, 'All', 12)], local(2026, 11, 2)));
    expect(strategyPart(text)).toBe(
      '## Strategy of the month: Foster Collaboration\n\n> Promote teamwork between leaders and managers to leverage their complementary strengths.\n\n' +
        '**Who around you is strong in Visionary Thinking, and how could you work with them next month to learn from it?**\n\n' +
        `*You last reflected on Visionary Thinking 2 weeks ago, and both sides are even.*\n\n${GENERATED_END}`,
    );
  });

  // core/nextTrait counts days on the machine's clock, so these two zones are the machine's own
  // and one 12 hours behind it: in both, the period's end and the entry are counted the same way
  // in the review's zone and on the machine.
  const behind: TimeZone = { offsetMinutes: (time) => SYSTEM_TIME_ZONE.offsetMinutes(time) - 12 * 60 };
  it.each([
    // The last second of 31 October: 20 days after 11 October, 2 weeks (1 November would be 3 weeks).
    ['the machine\'s zone', SYSTEM_TIME_ZONE, 11, 12, '2 weeks'],
    // October ends at noon of 1 November on the machine: 21 days after 10 October (the machine's 11 October, 06:00).
    ['a zone 12 hours behind', behind, 10, 18, '3 weeks'],
  ] as const)('ends the period at the end of its last day in the review\'s zone (%s)', (_name, tz, day, hour, ago) => {
    const when = wallTime(tz, 2026, 10, day, hour);
    const all: ReviewEntry = { key: 'all', title: 'All', day: `2026-10-${day}`, time: when.getTime(), tags: ALL_TRAITS };
    const text = reviewGeneratedPart(input([all], wallTime(tz, 2026, 12, 14), { period: periodOf('month', wallTime(tz, 2026, 10, 15), 1, tz), zone: tz }));
    expect(strategyPart(text)).toBe(`${dualSkills}${dualQuestion}*You last reflected on Visionary Thinking ${ago} ago, and both sides are even.*\n\n${GENERATED_END}`);
  });

  it('finds the generated part only where its start marker begins a line, also at the very start', () => {
    const text = `${GENERATED_START}\nnumbers\n${GENERATED_END}\n# mine`;
    expect(generatedPartRange(text)).toEqual({ start: 0, end: text.length - '\n# mine'.length });
    expect(generatedPartRange(`x${GENERATED_START}\nnumbers\n${GENERATED_END}\n`)).toBeUndefined();
    expect(generatedPartRange(`numbers\n${GENERATED_END}\n`)).toBeUndefined();
  });
});
