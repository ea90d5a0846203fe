import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  REPORT_TAG,
  buildBalanceReport,
  escapeXml,
  isoWeekOf,
  reportMarkdown,
  traitBarsSvg,
  weeklyChartSvg,
} from '../../src/core/balanceReport';
import { parseEntry } from '../../src/core/entryParser';
import { JournalIndex } from '../../src/core/journalIndex';
import { TRAITS, traitById } from '../../src/core/traits';

const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

interface Seed {
  title?: string;
  /** ISO date-time with offset, or undefined for an entry dated only by `day`. */
  date?: string;
  day?: string;
  tags: string[];
}

let counter = 0;
function indexOf(entries: Seed[]): JournalIndex {
  const index = new JournalIndex();
  for (const seed of entries) {
    const key = `file:///j/${++counter}.md`;
    const time = seed.date ? Date.parse(seed.date) : Number.NaN;
    index.set(key, `${counter}.md`, { title: seed.title ?? `Entry ${counter}`, day: seed.day ?? seed.date?.slice(0, 10), time, tags: seed.tags, problems: [] });
  }
  return index;
}

const dayNum = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86400000;

describe('isoWeekOf', () => {
  it('gives the ISO 8601 week of a Monday, across year ends', () => {
    expect(isoWeekOf(dayNum('2024-12-30'))).toEqual({ isoYear: 2025, isoWeek: 1 });
    expect(isoWeekOf(dayNum('2020-12-28'))).toEqual({ isoYear: 2020, isoWeek: 53 });
    expect(isoWeekOf(dayNum('2026-12-28'))).toEqual({ isoYear: 2026, isoWeek: 53 });
    expect(isoWeekOf(dayNum('2027-01-04'))).toEqual({ isoYear: 2027, isoWeek: 1 });
    expect(isoWeekOf(dayNum('2026-11-23'))).toEqual({ isoYear: 2026, isoWeek: 48 });
    expect(isoWeekOf(dayNum('2018-12-31'))).toEqual({ isoYear: 2019, isoWeek: 1 });
  });
});

describe('buildBalanceReport: weeks', () => {
  it('covers the last 12 ISO weeks, Monday to Sunday, ending with the current week', () => {
    process.env.TZ = 'Europe/Berlin';
    const report = buildBalanceReport(indexOf([]), { now: new Date(2026, 10, 27, 9, 0) }); // Friday
    expect(report.weeks).toHaveLength(12);
    expect(report.weeks[11]).toMatchObject({ label: '2026-W48', start: '2026-11-23', end: '2026-11-29' });
    expect(report.weeks[0]).toMatchObject({ label: '2026-W37', start: '2026-09-07', end: '2026-09-13' });
    for (let i = 1; i < 12; i++) expect(dayNum(report.weeks[i].start) - dayNum(report.weeks[i - 1].start)).toBe(7);
    expect(report.day).toBe('2026-11-27');
  });

  it('puts Sunday night in the old year\'s week 53 and Monday in week 1 of the new year', () => {
    process.env.TZ = 'America/New_York';
    const entries: Seed[] = [
      { date: '2027-01-03T23:30:00-05:00', tags: ['empathy'] }, // Sunday night: 2026-W53
      { date: '2026-12-28T00:05:00-05:00', tags: ['time-management'] }, // Monday just after midnight: 2026-W53
      { date: '2026-12-27T23:55:00-05:00', tags: ['influence'] }, // Sunday: 2026-W52
      { date: '2027-01-04T00:30:00-05:00', tags: ['innovation'] }, // Monday of 2027-W01
    ];
    const sunday = buildBalanceReport(indexOf(entries), { now: new Date(2027, 0, 3, 23, 59) });
    expect(sunday.weeks[11]).toMatchObject({ label: '2026-W53', start: '2026-12-28', end: '2027-01-03', leadership: 1, management: 1 });
    expect(sunday.weeks[10]).toMatchObject({ label: '2026-W52', leadership: 1, management: 0 });
    const monday = buildBalanceReport(indexOf(entries), { now: new Date(2027, 0, 4, 8, 0) });
    expect(monday.weeks[11]).toMatchObject({ label: '2027-W01', start: '2027-01-04', end: '2027-01-10', leadership: 1, management: 0 });
    expect(monday.weeks[10]).toMatchObject({ label: '2026-W53', leadership: 1, management: 1 });
  });

  it('uses the local time zone of the machine: one instant falls in different weeks', () => {
    // Sunday 2026-11-29 22:30 in Los Angeles is Monday 2026-11-30 19:30 in Auckland.
    const entries: Seed[] = [{ date: '2026-11-29T22:30:00-08:00', tags: ['decision-making'] }];
    const now = Date.parse('2026-12-02T12:00:00Z');
    process.env.TZ = 'America/Los_Angeles';
    const la = buildBalanceReport(indexOf(entries), { now });
    expect(la.weeks[11].start).toBe('2026-11-30');
    expect(la.weeks[10]).toMatchObject({ start: '2026-11-23', management: 1 });
    expect(la.weeks[11].management).toBe(0);
    process.env.TZ = 'Pacific/Auckland';
    const nz = buildBalanceReport(indexOf(entries), { now });
    expect(nz.weeks[11]).toMatchObject({ start: '2026-11-30', management: 1 });
    expect(nz.weeks[10].management).toBe(0);
  });

  it('keeps whole days across a DST change', () => {
    process.env.TZ = 'Europe/Berlin'; // clocks go back on 2026-10-25
    const entries: Seed[] = [
      { date: '2026-10-25T23:30:00+01:00', tags: ['empathy'] }, // Sunday after the change
      { date: '2026-10-26T00:10:00+01:00', tags: ['empathy'] }, // Monday
    ];
    const report = buildBalanceReport(indexOf(entries), { now: new Date(2026, 10, 27) });
    const byStart = Object.fromEntries(report.weeks.map((w) => [w.start, w.leadership]));
    expect(byStart['2026-10-19']).toBe(1);
    expect(byStart['2026-10-26']).toBe(1);
  });

  it('dates an entry without a time by its day, ignores undated and future entries, and counts a tag once', () => {
    process.env.TZ = 'UTC';
    const entries: Seed[] = [
      { day: '2026-11-23', tags: ['empathy', 'empathy', 'problem-solving'] },
      { tags: ['influence'] },
      { date: '2026-12-01T10:00:00Z', tags: ['influence'] },
      { date: '2026-01-01T10:00:00Z', tags: ['influence'] },
    ];
    const report = buildBalanceReport(indexOf(entries), { now: new Date(Date.UTC(2026, 10, 27)) });
    expect(report.weeks[11]).toMatchObject({ leadership: 1, management: 1, entries: 1 });
    expect(report.weeks.reduce((sum, w) => sum + w.leadership + w.management, 0)).toBe(2);
    expect(report.traits.find((t) => t.trait.id === 'influence')).toMatchObject({ count: 3, recent: 0 });
    expect(report.totalEntries).toBe(4);
  });

  it('counts equal a naive recount over random journals and time zones', () => {
    const zones = ['UTC', 'Europe/Berlin', 'America/Los_Angeles', 'Pacific/Auckland', 'Asia/Kolkata', 'America/St_Johns'];
    const tagPool = [...TRAITS.map((t) => t.id), 'retro', 'one-on-one'];
    const nowMs = Date.parse('2027-01-02T15:00:00Z');
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.array(
          fc.record({
            offsetMs: fc.integer({ min: -120 * 86400000, max: 5 * 86400000 }),
            tags: fc.array(fc.constantFrom(...tagPool), { maxLength: 5 }),
          }),
          { maxLength: 60 },
        ),
        (zone, seeds) => {
          process.env.TZ = zone;
          const entries = seeds.map((s) => ({ date: new Date(nowMs + s.offsetMs).toISOString(), tags: [...new Set(s.tags)] }));
          const index = indexOf(entries);
          const report = buildBalanceReport(index, { now: nowMs });
          // Naive: walk local calendar days with Date, week by week.
          const now = new Date(nowMs);
          const monday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - ((now.getDay() + 6) % 7));
          for (let w = 0; w < 12; w++) {
            const start = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() - 7 * (11 - w));
            const end = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 7);
            const inWeek = entries.filter((e) => {
              const t = Date.parse(e.date);
              return t >= start.getTime() && t < end.getTime();
            });
            const count = (side: string) => inWeek.reduce((n, e) => n + e.tags.filter((tag) => traitById(tag)?.side === side).length, 0);
            const pad = (n: number) => String(n).padStart(2, '0');
            expect(report.weeks[w].start).toBe(`${start.getFullYear()}-${pad(start.getMonth() + 1)}-${pad(start.getDate())}`);
            expect(report.weeks[w].leadership).toBe(count('leadership'));
            expect(report.weeks[w].management).toBe(count('management'));
            expect(report.weeks[w].entries).toBe(inWeek.length);
          }
          for (const row of report.traits) expect(row.count).toBe(entries.filter((e) => e.tags.includes(row.trait.id)).length);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('buildBalanceReport: balance, focus and next steps', () => {
  it('names the least reflected trait of the weaker side in each strategy\'s next step', () => {
    const index = indexOf([
      { date: '2026-11-20T10:00:00Z', tags: ['empathy', 'influence'] },
      { date: '2026-11-21T10:00:00Z', tags: ['empathy', 'decision-making'] },
      { date: '2026-11-22T10:00:00Z', tags: ['innovation', 'problem-solving', 'organizational-skills'] },
      { date: '2026-11-23T10:00:00Z', tags: ['visionary-thinking'] },
    ]);
    const report = buildBalanceReport(index, { now: Date.parse('2026-11-27T10:00:00Z') });
    expect(report.balance).toMatchObject({ leadership: 5, management: 3 });
    expect(report.headline).toBe('Leadership 63% · Management 37% · leaning leadership');
    expect(report.weakerSide).toBe('management');
    expect(report.focus.id).toBe('time-management');
    expect(report.steps.map((s) => s.strategy.name)).toEqual(['Develop Dual Skills', 'Foster Collaboration', 'Continuous Learning']);
    for (const step of report.steps) expect(step.nextStep).toContain('Time Management');
    expect(report.steps[0].nextStep).toMatch(/^This week, write one entry about Time Management, the management trait you have reflected on least \(0 entries so far\)\. Start from the prompt: “Which deadline is closest, and is it on track\?”$/);
    expect(report.steps[1].nextStep).toContain('offer your Empathy in return');
  });

  it('leaves exported reports out of the report', () => {
    const index = indexOf([
      { date: '2026-11-20T10:00:00Z', tags: ['empathy'] },
      { date: '2026-11-21T10:00:00Z', tags: [REPORT_TAG] },
    ]);
    const report = buildBalanceReport(index, { now: Date.parse('2026-11-27T10:00:00Z') });
    expect(report.totalEntries).toBe(1);
    expect(report.otherTags).toEqual([]);
  });

  it('handles an empty journal', () => {
    const report = buildBalanceReport(indexOf([]), { now: Date.parse('2026-11-27T10:00:00Z') });
    expect(report.headline).toBe('no entries yet');
    expect(report.weeks.every((w) => w.leadership === 0 && w.management === 0)).toBe(true);
    expect(report.steps).toHaveLength(3);
    expect(weeklyChartSvg(report)).toContain('no trait tags in these weeks');
  });
});

const HOSTILE = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "it's & <b>bold</b>", ']]><!--', '| pipe | #empathy [x](command:evil)'];

function hostileReport() {
  const index = indexOf(
    HOSTILE.map((title, i) => ({ title, date: `2026-11-2${i}T10:00:00Z`, tags: ['empathy', `x${title}`, title] })),
  );
  return buildBalanceReport(index, { now: Date.parse('2026-11-27T10:00:00Z') });
}

describe('SVG charts', () => {
  const ALLOWED = new Set(['svg', 'title', 'desc', 'g', 'rect', 'text', 'line']);

  it('are accessible images that follow the theme', () => {
    const report = hostileReport();
    for (const svg of [weeklyChartSvg(report, { idPrefix: 'w' }), traitBarsSvg(report, { idPrefix: 't' })]) {
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" [^>]*role="img"/);
      expect(svg).toMatch(/aria-labelledby="(\w+)-title \1-desc"/);
      expect(svg).toMatch(/<title id="\w+-title">[^<]+<\/title><desc id="\w+-desc">[^<]+<\/desc>/);
      expect(svg).toContain('var(--vscode-charts-blue');
      expect(svg).toContain('var(--vscode-foreground');
      expect(svg).not.toMatch(/style=/);
    }
  });

  it('escape hostile titles and tags: only our own elements, no attributes from the text', () => {
    const report = hostileReport();
    const svg = weeklyChartSvg(report) + traitBarsSvg(report);
    const elements = [...svg.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]);
    expect(new Set(elements)).toEqual(ALLOWED);
    expect(svg).not.toMatch(/<script|<img|<b>|<!--|\]\]>/);
    // The titles are there, as text.
    expect(svg).toContain(escapeXml('<script>alert(1)</script>'));
    expect(svg).toContain('it&#39;s &#38; &#60;b&#62;bold&#60;/b&#62;');
    // Every attribute value is quoted and free of the hostile characters.
    const tags = [...svg.matchAll(/<[a-zA-Z][^>]*>/g)].map((m) => m[0]);
    for (const tag of tags) {
      const attributes = tag.replace(/^<[\w-]+/, '').replace(/\/?>$/, '');
      expect(attributes).toMatch(/^(\s[\w:-]+="[^"<>&]*")*$/);
    }
  });

  it('escapeXml escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
  });
});

describe('reportMarkdown', () => {
  it('round-trips through parseEntry: tagged balance-report only, dated today, titled', () => {
    process.env.TZ = 'Asia/Kolkata';
    const report = hostileReport();
    const markdown = reportMarkdown(report);
    const parsed = parseEntry(markdown, `balance-report-${report.day}.md`);
    expect(parsed.problems).toEqual([]);
    expect(parsed.tags).toEqual([REPORT_TAG]); // no trait is named as a #tag: exporting keeps the tally
    expect(parsed.day).toBe(report.day);
    expect(parsed.title).toBe(`Balance Report ${report.day}`);
    expect(markdown).toMatch(/^---\ndate: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+05:30\nkind: report\ntags:\n {2}- balance-report\n---\n# Balance Report /);
    expect(parsed.kind).toBe('report');
  });

  it('has the balance, a table per week and per trait, and the strategies with next steps', () => {
    const report = hostileReport();
    const markdown = reportMarkdown(report);
    expect(markdown).toContain(`**Balance:** ${report.headline.replace(/[-.]/g, (c) => `\\${c}`)}`);
    expect(markdown).toContain('| Week | Dates | Leadership | Management | Entries |');
    for (const week of report.weeks) expect(markdown).toContain(`| ${week.label} |`);
    expect(markdown).toMatch(/\| Empathy \| Leadership \| 5 \| 5 \|/);
    expect(markdown).toContain('### Develop Dual Skills');
    expect(markdown).toContain('### Foster Collaboration');
    expect(markdown).toContain('### Continuous Learning');
    expect(markdown).toContain('**Next step:** This week, write one entry about ');
    // Hostile tags are text: escaped, no raw HTML, no links, no table breaks.
    expect(markdown).not.toMatch(/(?<!\\)<(script|img|b)|(?<!\\)\]\(command:/);
    const tableRows = markdown.split('\n').filter((line) => line.startsWith('| '));
    for (const row of tableRows) expect(row.replace(/\\\|/g, '').split('|').length).toBeLessThanOrEqual(7);
  });

  it('round-trips an empty journal too', () => {
    const report = buildBalanceReport(indexOf([]), { now: new Date() });
    const parsed = parseEntry(reportMarkdown(report), 'r.md');
    expect(parsed.tags).toEqual([REPORT_TAG]);
    expect(parsed.problems).toEqual([]);
  });
});

describe('buildBalanceReport: streaks', () => {
  it.each(['Europe/Berlin', 'America/Los_Angeles', 'Pacific/Kiritimati'])('counts runs of ISO weeks with a reflection (%s)', (tz) => {
    process.env.TZ = tz;
    const index = indexOf([
      { day: '2026-11-02', tags: ['empathy'] },
      { day: '2026-11-10', tags: [] },
      { day: '2026-11-23', tags: ['influence'] },
      { day: '2026-11-24', tags: ['time-management'] },
      { day: '2026-10-12', tags: ['empathy'] },
      { day: '2026-10-19', tags: ['empathy'] },
      { day: '2026-10-26', tags: ['empathy'] },
    ]);
    // Friday 27 November 2026: W48 has entries, W47 none; W45 and W46 two weeks; W42 to W46 five.
    const report = buildBalanceReport(index, { now: new Date(2026, 10, 27, 9) });
    expect(report.streaks).toEqual({ current: 1, thisWeek: true, longest: 5, longestFrom: '2026-W42', longestTo: '2026-W46' });
    const markdown = reportMarkdown(report);
    expect(markdown).toContain('- Current streak: 1 week with at least one entry, this week included.\n- Longest streak: 5 weeks (2026-W42 to 2026-W46).\n');
  });
});
