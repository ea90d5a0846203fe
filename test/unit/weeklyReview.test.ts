import { afterEach, describe, expect, it } from 'vitest';
import { computeBalance } from '../../src/core/balance';
import { parseEntry } from '../../src/core/entryParser';
import { readFrontMatter } from '../../src/core/frontMatter';
import { InlineTag, scanMarkdown } from '../../src/core/markdownScanner';

const inlineTags = (text: string): readonly InlineTag[] => scanMarkdown(text, { title: false }).tags;
import { STRATEGIES, configureTraits } from '../../src/core/traits';
import {
  REFLECTION_HEADINGS,
  ReviewEntry,
  WEEKLY_REVIEW_TAG,
  GENERATED_END,
  GENERATED_START,
  buildWeeklyReview,
  generatedPartRange,
  isoWeek,
  reviewGeneratedPart,
  reviewWeeksOffered,
  withGeneratedPart,
  reviewCursorLine,
  reviewPath,
  strategyOfWeek,
  weekLabel,
  weekRange,
  weekSpan,
  weeksInYear,
} from '../../src/core/weeklyReview';

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
    expect(parsed.title).toBe('Weekly review 2026-W48 (Nov 23 – 29, 2026)');
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
      // Escaped only where Markdown would misread it: `one-on-one` stays as written.
      '- Mon, Nov 23: [Monday one-on-one](../2026/11/monday.md) · Empathy, Decision-Making',
      '- Fri, Nov 27: [Friday planning](../2026/11/friday.md) · Decision-Making',
      '- Sun, Nov 29: [sunday](../2026/11/sunday.md) · Time Management',
    ]);
  });

  it('names the least reflected traits, weaker side first, and asks the strategy as a question about the one rule\'s suggestion', () => {
    process.env.TZ = 'UTC';
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
    process.env.TZ = 'UTC';
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
    process.env.TZ = 'UTC';
    const text = review([entry('a', '2026-11-24', ['influence', 'problem-solving'])], local(2026, 11, 24));
    expect(text).toContain('- This week: balanced');
    // All time, leadership (20) is weaker than management (27): it is listed first. The question
    // is about the suggestion of core/nextTrait, from the entries it is given.
    expect(text).toMatch(/keep learning Visionary Thinking/);
    expect(text.indexOf('- **Leadership**')).toBeLessThan(text.indexOf('- **Management**'));
  });

  it('says so when the week has no entries, and still offers a strategy', () => {
    process.env.TZ = 'UTC';
    const text = review([], local(2026, 1, 1));
    expect(text).toContain('No entries this week yet.');
    expect(text).toContain('No trait tags this week.');
    expect(text).toContain('## Strategy of the week: Develop Dual Skills');
    expect(text).toMatch(/\*\*What is one small thing you could do next week to practise Visionary Thinking, so that your leadership skills grow/);
  });

  it('rotates the strategy with the week number', () => {
    process.env.TZ = 'UTC';
    expect(review([], local(2026, 1, 7))).toContain('## Strategy of the week: Foster Collaboration');
    expect(review([], local(2026, 1, 7))).toMatch(/Who around you is strong in Visionary Thinking/);
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
    process.env.TZ = 'UTC';
    const text = buildWeeklyReview({
      entries: [entry('x', '2026-11-24', ['empathy'], 'Elsewhere')],
      countOf,
      balance: computeBalance(countOf),
      now: local(2026, 11, 27),
      relativeLink: () => undefined,
    });
    expect(text).toContain('- Tue, Nov 24: Elsewhere · Empathy');
  });
});

describe('a week to review, and its generated part', () => {
  it('offers last week on the first days of a week, as the setting says', () => {
    process.env.TZ = 'UTC';
    const monday = local(2026, 11, 30);
    expect(reviewWeeksOffered(monday, 1)).toEqual([{ year: 2026, week: 49 }, { year: 2026, week: 48 }]);
    expect(reviewWeeksOffered(local(2026, 12, 1), 1)).toEqual([{ year: 2026, week: 49 }]);
    expect(reviewWeeksOffered(local(2026, 12, 1), 2)).toHaveLength(2);
    expect(reviewWeeksOffered(monday, 0)).toEqual([{ year: 2026, week: 49 }]);
    // Across a year: Monday 4 January 2027 is in 2027-W01; last week is 2026-W53.
    expect(reviewWeeksOffered(local(2027, 1, 4), 1)).toEqual([{ year: 2027, week: 1 }, { year: 2026, week: 53 }]);
  });

  it('reviews last week when asked, with last week\'s entries, written now', () => {
    process.env.TZ = 'UTC';
    const text = buildWeeklyReview({
      entries: [entry('last', '2026-11-25', ['empathy'], 'Last week'), entry('this', '2026-11-30', ['influence'], 'This week')],
      countOf,
      balance: computeBalance(countOf),
      now: local(2026, 11, 30),
      week: { year: 2026, week: 48 },
      relativeLink: (key) => `${key}.md`,
    });
    expect(text).toContain('week: 2026-W48');
    expect(text).toContain('date: 2026-11-30T12:00:00+00:00');
    expect(text).toContain('[Last week](last.md)');
    expect(text).not.toContain('This week](this.md)');
  });

  it('keeps its generated part between markers, which alone may be rewritten', () => {
    process.env.TZ = 'UTC';
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
