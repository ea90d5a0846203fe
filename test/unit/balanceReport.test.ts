import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  REPORT_TAG,
  buildBalanceReport,
  escapeXml,
  isoWeekOf,
  reportMarkdown,
  traitBarsSvg,
  weeklyChartSvg,
} from '../../src/core/balanceReport';
import { formatDay } from '../../src/core/dates';
import { parseEntry } from '../../src/core/entryParser';
import { allTraits, traitById } from '../../src/core/traits';
import { Seed, indexOf } from './helpers/journal';
import { AUCKLAND, BERLIN, KOLKATA, LOS_ANGELES, NEW_YORK, UTC, intlDay, wallTime, zone } from './zones';


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
    const report = buildBalanceReport(indexOf([]), { now: wallTime(BERLIN, 2026, 11, 27, 9, 0), zone: BERLIN }); // Friday
    expect(report.weeks).toHaveLength(12);
    expect(report.weeks[11]).toMatchObject({ label: '2026-W48', start: '2026-11-23', end: '2026-11-29' });
    expect(report.weeks[0]).toMatchObject({ label: '2026-W37', start: '2026-09-07', end: '2026-09-13' });
    for (let i = 1; i < 12; i++) expect(dayNum(report.weeks[i].start) - dayNum(report.weeks[i - 1].start)).toBe(7);
    expect(report.day).toBe('2026-11-27');
  });

  it('puts Sunday night in the old year\'s week 53 and Monday in week 1 of the new year', () => {
    const entries: Seed[] = [
      { date: '2027-01-03T23:30:00-05:00', tags: ['empathy'] }, // Sunday night: 2026-W53
      { date: '2026-12-28T00:05:00-05:00', tags: ['time-management'] }, // Monday just after midnight: 2026-W53
      { date: '2026-12-27T23:55:00-05:00', tags: ['influence'] }, // Sunday: 2026-W52
      { date: '2027-01-04T00:30:00-05:00', tags: ['innovation'] }, // Monday of 2027-W01
    ];
    const sunday = buildBalanceReport(indexOf(entries), { now: wallTime(NEW_YORK, 2027, 1, 3, 23, 59), zone: NEW_YORK });
    expect(sunday.weeks[11]).toMatchObject({ label: '2026-W53', start: '2026-12-28', end: '2027-01-03', leadership: 1, management: 1 });
    expect(sunday.weeks[10]).toMatchObject({ label: '2026-W52', leadership: 1, management: 0 });
    const monday = buildBalanceReport(indexOf(entries), { now: wallTime(NEW_YORK, 2027, 1, 4, 8, 0), zone: NEW_YORK });
    expect(monday.weeks[11]).toMatchObject({ label: '2027-W01', start: '2027-01-04', end: '2027-01-10', leadership: 1, management: 0 });
    expect(monday.weeks[10]).toMatchObject({ label: '2026-W53', leadership: 1, management: 1 });
  });

  it('uses the user\'s time zone: one instant falls in different weeks', () => {
    // Sunday 2026-11-29 22:30 in Los Angeles is Monday 2026-11-30 19:30 in Auckland.
    const entries: Seed[] = [{ date: '2026-11-29T22:30:00-08:00', tags: ['decision-making'] }];
    const now = Date.parse('2026-12-02T12:00:00Z');
    const la = buildBalanceReport(indexOf(entries), { now, zone: LOS_ANGELES });
    expect(la.weeks[11].start).toBe('2026-11-30');
    expect(la.weeks[10]).toMatchObject({ start: '2026-11-23', management: 1 });
    expect(la.weeks[11].management).toBe(0);
    const nz = buildBalanceReport(indexOf(entries), { now, zone: AUCKLAND });
    expect(nz.weeks[11]).toMatchObject({ start: '2026-11-30', management: 1 });
    expect(nz.weeks[10].management).toBe(0);
  });

  it('keeps whole days across a DST change', () => {
    // Berlin: clocks go back on 2026-10-25.
    const entries: Seed[] = [
      { date: '2026-10-25T23:30:00+01:00', tags: ['empathy'] }, // Sunday after the change
      { date: '2026-10-26T00:10:00+01:00', tags: ['empathy'] }, // Monday
    ];
    const report = buildBalanceReport(indexOf(entries), { now: wallTime(BERLIN, 2026, 11, 27, 0), zone: BERLIN });
    const byStart = Object.fromEntries(report.weeks.map((w) => [w.start, w.leadership]));
    expect(byStart['2026-10-19']).toBe(1);
    expect(byStart['2026-10-26']).toBe(1);
  });

  it('dates an entry without a time by its day, ignores undated and future entries, and counts a tag once', () => {
    const entries: Seed[] = [
      { day: '2026-11-23', tags: ['empathy', 'empathy', 'problem-solving'] },
      { tags: ['influence'] },
      { date: '2026-12-01T10:00:00Z', tags: ['influence'] },
      { date: '2026-01-01T10:00:00Z', tags: ['influence'] },
    ];
    const report = buildBalanceReport(indexOf(entries), { now: new Date(Date.UTC(2026, 10, 27)), zone: UTC });
    expect(report.weeks[11]).toMatchObject({ leadership: 1, management: 1, entries: 1 });
    expect(report.weeks.reduce((sum, w) => sum + w.leadership + w.management, 0)).toBe(2);
    expect(report.traits.find((t) => t.trait.id === 'influence')).toMatchObject({ count: 3, recent: 0 });
    expect(report.totalEntries).toBe(4);
  });

  it('counts equal a naive recount over random journals and time zones', () => {
    const zones = [UTC, BERLIN, LOS_ANGELES, AUCKLAND, KOLKATA, zone('America/St_Johns'), NEW_YORK];
    const tagPool = [...allTraits().map((t) => t.id), 'retro', 'one-on-one'];
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
        (tz, seeds) => {
          const entries = seeds.map((s) => ({ date: new Date(nowMs + s.offsetMs).toISOString(), tags: [...new Set(s.tags)] }));
          const index = indexOf(entries);
          const report = buildBalanceReport(index, { now: nowMs, zone: tz });
          // Naive: local days from ICU, weeks as ranges of YYYY-MM-DD strings (which sort as dates).
          const today = intlDay(nowMs, tz.name);
          const days = entries.map((e) => intlDay(Date.parse(e.date), tz.name));
          const todayUtc = Date.parse(`${today}T00:00:00Z`);
          const monday = todayUtc - ((new Date(todayUtc).getUTCDay() + 6) % 7) * 86400000;
          for (let w = 0; w < 12; w++) {
            const start = new Date(monday - 7 * (11 - w) * 86400000).toISOString().slice(0, 10);
            const end = new Date(monday - 7 * (10 - w) * 86400000).toISOString().slice(0, 10);
            const inWeek = entries.filter((_, i) => start <= days[i] && days[i] < end);
            const count = (side: string) => inWeek.reduce((n, e) => n + e.tags.filter((tag) => traitById(tag)?.side === side).length, 0);
            expect(report.weeks[w].start).toBe(start);
            expect(report.weeks[w].leadership).toBe(count('leadership'));
            expect(report.weeks[w].management).toBe(count('management'));
            expect(report.weeks[w].entries).toBe(inWeek.length);
          }
          for (const row of report.traits) expect(row.count).toBe(entries.filter((e) => e.tags.includes(row.trait.id)).length);
        },
      ),
      // Under Stryker (FC_NUM_RUNS set low), a fifth of it: the unit tests above pin the rules.
      { numRuns: Math.min(300, Math.max(10, Math.floor((Number(process.env.FC_NUM_RUNS) || 1500) / 5))) },
    );
  }, 60_000);
});

describe('buildBalanceReport: balance, focus and next steps', () => {
  it('focuses on the trait the one rule (core/nextTrait) suggests, says why, and names it in each next step', () => {
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
    expect(report.focusWhy).toBe('Time Management has no entries yet, and management is the side you wrote less about in the last four weeks.');
    expect(report.steps[0].nextStep).toMatch(/^This week, write one entry about Time Management \(0 entries so far\)\. Start from the prompt: “Which deadline is closest, and is it on track\?”$/);
    expect(report.steps[1].nextStep).toContain('offer your Empathy in return');
  });

  it('shows every week since the first entry for the range "all", with thin bars and a label every few weeks', () => {
    const index = indexOf([
      { date: '2024-11-20T10:00:00Z', tags: ['empathy'] },
      { date: '2026-11-21T10:00:00Z', tags: ['decision-making'] },
    ]);
    const report = buildBalanceReport(index, { now: Date.parse('2026-11-27T10:00:00Z'), weeks: 'all' });
    expect(report.range).toBe('all');
    expect(report.weeks[0].start).toBe('2024-11-18');
    expect(report.weeks).toHaveLength(106);
    const svg = weeklyChartSvg(report);
    expect(svg.match(/<g class="bj-week">/g)).toHaveLength(106);
    // 106 weeks: one label in nine, counted back from this week.
    expect(svg.match(/>W\d\d</g)).toHaveLength(12);
    expect(svg).toContain('>this week<');
    expect(buildBalanceReport(index, { now: Date.parse('2026-11-27T10:00:00Z'), weeks: 4 }).weeks).toHaveLength(4);
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

function hostileReport(tz = UTC) {
  const index = indexOf(
    HOSTILE.map((title, i) => ({ title, date: `2026-11-2${i}T10:00:00Z`, tags: ['empathy', `x${title}`, title] })),
  );
  return buildBalanceReport(index, { now: Date.parse('2026-11-27T10:00:00Z'), zone: tz });
}

describe('SVG charts', () => {
  const ALLOWED = new Set(['svg', 'title', 'desc', 'g', 'rect', 'text', 'line', 'a']);

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
    const report = hostileReport(KOLKATA);
    const markdown = reportMarkdown(report);
    const parsed = parseEntry(markdown, `balance-report-${report.day}.md`);
    expect(parsed.problems).toEqual([]);
    expect(parsed.tags).toEqual([REPORT_TAG]); // no trait is named as a #tag: exporting keeps the tally
    expect(parsed.day).toBe(report.day);
    expect(parsed.title).toBe(`Balance Report, ${formatDay(report.day)}`);
    expect(markdown).toMatch(/^---\ndate: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+05:30\nkind: report\ntags:\n {2}- balance-report\n---\n# Balance Report, /);
    expect(parsed.kind).toBe('report');
  });

  it('has the balance, a table per week and per trait, and the strategies with next steps', () => {
    const report = hostileReport();
    const markdown = reportMarkdown(report);
    // Escaped only where Markdown would misread it: the headline reads as it is written.
    expect(markdown).toContain(`**Balance:** ${report.headline}\n`);
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

describe('charts, element by element (geometry worked out by hand)', () => {
  // Two weeks: last week one leadership tag, this week four leadership and two management.
  function twoWeeks() {
    const index = indexOf([
      { title: 'Old', date: '2026-11-18T10:00:00Z', tags: ['empathy'] },
      { title: 'A', date: '2026-11-23T10:00:00Z', tags: ['empathy', 'influence', 'time-management'] },
      { title: 'B', date: '2026-11-24T10:00:00Z', tags: ['innovation', 'visionary-thinking', 'decision-making'] },
    ]);
    return buildBalanceReport(index, { now: Date.parse('2026-11-27T10:00:00Z'), zone: UTC, weeks: 2 });
  }
  const TEXT = 'var(--vscode-foreground, currentColor)';
  const GRID = 'var(--vscode-editorWidget-border, rgba(128, 128, 128, 0.35))';
  const BLUE = 'var(--vscode-charts-blue, #3794ff)';
  const ORANGE = 'var(--vscode-charts-orange, #d18616)';

  it('weekly chart: 760 × 280, plot from x 40 to 748 and y 40 to 232, a scale of 0 to 4, two slots of 354', () => {
    const svg = weeklyChartSvg(twoWeeks(), { idPrefix: 'w' });
    // y(v) = 232 − v / 4 × 192
    const y = (v: number) => (232 - (v / 4) * 192).toFixed(1);
    const expected = [
      '<svg xmlns="http://www.w3.org/2000/svg" class="bj-chart bj-weekly" role="img" viewBox="0 0 760 280" width="760" height="280" aria-labelledby="w-title w-desc" font-family="var(--vscode-font-family, sans-serif)" font-size="12">',
      '<title id="w-title">Trait tags per week, last 2 weeks</title>',
      '<desc id="w-desc">Leadership and management trait tags per week, 2026-W47 (2026-11-16) to 2026-W48 (2026-11-29). In total 5 leadership and 2 management; the busiest week was 2026-W48 with 4 leadership and 2 management.</desc>',
      `<rect class="bj-bar bj-leadership" x="40" y="12" width="12" height="12" fill="${BLUE}"/><text class="bj-text" x="58" y="22" fill="${TEXT}">Leadership</text>`,
      `<rect class="bj-bar bj-management" x="170" y="12" width="12" height="12" fill="${ORANGE}"/><text class="bj-text" x="188" y="22" fill="${TEXT}">Management</text>`,
      ...[0, 1, 2, 3, 4].map(
        (v) =>
          `<line class="bj-grid" x1="40" x2="748" y1="${y(v)}" y2="${y(v)}" stroke="${GRID}" stroke-width="1"/>` +
          `<text class="bj-text bj-axis" x="32" y="${(Number(y(v)) + 4).toFixed(1)}" text-anchor="end" fill="${TEXT}">${v}</text>`,
      ),
      '<g class="bj-week"><title>2026-W47 (Nov 16 – 22, 2026): 1 leadership, 0 management, 1 entry. Old</title>',
      '<rect x="40.0" y="40" width="354.0" height="192" fill="transparent"/>',
      `<rect class="bj-bar bj-leadership" x="194.00" y="${y(1)}" width="22.00" height="48.0" fill="${BLUE}"/>`,
      `<text class="bj-text bj-axis" x="217.0" y="250" text-anchor="middle" fill="${TEXT}">W47</text>`,
      `<text class="bj-text bj-axis bj-muted" x="217.0" y="266" text-anchor="middle" fill="${TEXT}">Nov 16</text>`,
      '</g>',
      '<g class="bj-week"><title>2026-W48 (Nov 23 – 29, 2026): 4 leadership, 2 management, 2 entries. B · A</title>',
      '<rect x="394.0" y="40" width="354.0" height="192" fill="transparent"/>',
      `<rect class="bj-bar bj-leadership" x="548.00" y="${y(4)}" width="22.00" height="192.0" fill="${BLUE}"/>`,
      `<rect class="bj-bar bj-management" x="572.00" y="${y(2)}" width="22.00" height="96.0" fill="${ORANGE}"/>`,
      `<text class="bj-text bj-axis" x="571.0" y="250" text-anchor="middle" fill="${TEXT}">W48</text>`,
      `<text class="bj-text bj-axis bj-muted" x="571.0" y="266" text-anchor="middle" fill="${TEXT}">this week</text>`,
      '</g>',
      `<line class="bj-baseline" x1="40" x2="748" y1="232" y2="232" stroke="${TEXT}" stroke-width="1"/>`,
      '</svg>',
    ].join('');
    expect(svg).toBe(expected);
  });

  it('weekly chart: round scale steps for other maxima', () => {
    const axis = (svg: string) => [...svg.matchAll(/<text class="bj-text bj-axis" x="\d+" y="[\d.]+" text-anchor="end"[^>]*>(\d+)<\/text>/g)].map((m) => Number(m[1]));
    const withCount = (n: number) =>
      buildBalanceReport(indexOf(Array.from({ length: n }, (_, i) => ({ date: `2026-11-2${3 + (i % 4)}T10:00:00Z`, tags: ['empathy'] }))), { now: Date.parse('2026-11-27T10:00:00Z'), zone: UTC, weeks: 1 });
    expect(axis(weeklyChartSvg(withCount(0)))).toEqual([0, 1]);
    expect(axis(weeklyChartSvg(withCount(3)))).toEqual([0, 1, 2, 3]);
    expect(axis(weeklyChartSvg(withCount(7)))).toEqual([0, 2, 4, 6, 8]);
    expect(axis(weeklyChartSvg(withCount(10)))).toEqual([0, 5, 10]);
    expect(axis(weeklyChartSvg(withCount(21)))).toEqual([0, 10, 20, 30]);
    expect(axis(weeklyChartSvg(withCount(40)))).toEqual([0, 10, 20, 30, 40]);
  });

  it('trait bars: 760 wide, a row of 28 per trait under a header of 26 per side, bars of up to 474', () => {
    const report = twoWeeks();
    // Counts: empathy 2, influence 1, innovation 1, visionary 1; time-management 1, decision-making 1.
    // Weaker side management (2 : 4 in the last four weeks); its first trait without entries: organizational skills.
    expect(report.focus.id).toBe('organizational-skills');
    const svg = traitBarsSvg(report, { idPrefix: 't' });
    const row = (label: string, side: string, count: number, top: number, focus = false) => {
      const length = (count / 2) * 474;
      const id = label.toLowerCase().replace(/ /g, '-');
      return (
        `<g class="bj-trait${focus ? ' bj-focus' : ''}"><title>${label}: ${count === 1 ? '1 entry' : `${count} entries`}${focus ? ' (suggested next)' : ''}</title>` +
        // The trait's name opens its entries (report.js).
        `<a class="bj-link" href="#" data-trait="${id}"><text class="bj-text" x="12" y="${top + 18}" fill="${TEXT}" text-decoration="underline">${label}</text></a>` +
        (count > 0 ? `<rect class="bj-bar bj-${side}" x="190" y="${top + 6}" width="${length.toFixed(1)}" height="16" rx="2" fill="${side === 'leadership' ? BLUE : ORANGE}"/>` : '') +
        `<text class="bj-text bj-value" x="${(190 + length + 8).toFixed(1)}" y="${top + 18}" fill="${TEXT}">${count}${focus ? ' ◀ next' : ''}</text></g>`
      );
    };
    const expected = [
      '<svg xmlns="http://www.w3.org/2000/svg" class="bj-chart bj-traits" role="img" viewBox="0 0 760 284" width="760" height="284" aria-labelledby="t-title t-desc" font-family="var(--vscode-font-family, sans-serif)" font-size="12">',
      '<title id="t-title">Entries per trait</title>',
      '<desc id="t-desc">Entries per trait, all time. Visionary Thinking (Leadership): 1; Empathy (Leadership): 2; Innovation (Leadership): 1; Influence (Leadership): 1; ' +
        'Organizational Skills (Management): 0; Decision-Making (Management): 1; Problem-Solving (Management): 0; Time Management (Management): 1. ' +
        'Suggested next: Organizational Skills. Organizational Skills has no entries yet, and management is the side you wrote less about in the last four weeks.</desc>',
      `<text class="bj-text bj-side" x="0" y="22" fill="${TEXT}" font-weight="600">Leadership</text>`,
      row('Visionary Thinking', 'leadership', 1, 30),
      row('Empathy', 'leadership', 2, 58),
      row('Innovation', 'leadership', 1, 86),
      row('Influence', 'leadership', 1, 114),
      `<text class="bj-text bj-side" x="0" y="160" fill="${TEXT}" font-weight="600">Management</text>`,
      row('Organizational Skills', 'management', 0, 168, true),
      row('Decision-Making', 'management', 1, 196),
      row('Problem-Solving', 'management', 0, 224),
      row('Time Management', 'management', 1, 252),
      '</svg>',
    ].join('');
    expect(svg).toBe(expected);
  });

  it('trait bars of an even journal name the least reflected trait of the journal', () => {
    const index = indexOf([{ date: '2026-11-23T10:00:00Z', tags: ['empathy', 'decision-making'] }]);
    const report = buildBalanceReport(index, { now: Date.parse('2026-11-27T10:00:00Z'), zone: UTC });
    expect(report.weakerSide).toBeUndefined();
    // Even: the first trait without entries, in the source's order.
    expect(traitBarsSvg(report)).toContain('Suggested next: Visionary Thinking. Visionary Thinking has no entries yet, and both sides are even.</desc>');
    expect(traitBarsSvg(report)).toContain('aria-labelledby="traits-title traits-desc"');
    expect(weeklyChartSvg(report)).toContain('aria-labelledby="weekly-title weekly-desc"');
  });
});

describe('reportMarkdown, whole text', () => {
  it('is exactly this, for a small journal over two weeks', () => {
    const index = indexOf([
      { title: 'Old', date: '2026-11-18T10:00:00Z', tags: ['empathy', 'retro'] },
      { title: 'A', date: '2026-11-23T10:00:00Z', tags: ['empathy', 'influence', 'time-management', 'retro', 'one-on-one'] },
    ]);
    const report = buildBalanceReport(index, { now: Date.parse('2026-11-27T10:00:00Z'), zone: UTC, weeks: 2 });
    const focus = traitById('organizational-skills')!;
    expect(reportMarkdown(report)).toBe(
      [
        '---',
        'date: 2026-11-27T10:00:00+00:00',
        'kind: report',
        'tags:',
        '  - balance-report',
        '---',
        '# Balance Report, Nov 27, 2026',
        '',
        '**Balance:** Leadership 75% · Management 25% · leaning leadership',
        '',
        '- Leadership: 3 trait tags (75%)',
        '- Management: 1 trait tags (25%)',
        '- Entries: 2',
        '- Current streak: 2 weeks with at least one entry, this week included.',
        '- Longest streak: 2 weeks (2026-W47 to 2026-W48).',
        '- Next: Organizational Skills (Management, 0 entries). Organizational Skills has no entries yet, and management is the side you wrote less about in the last four weeks.',
        '',
        '## Last 2 weeks',
        '',
        'Trait tags per ISO week, Nov 16 – 29, 2026 (an entry counts once per trait tag).',
        '',
        '| Week | Dates | Leadership | Management | Entries |',
        '| --- | --- | ---: | ---: | ---: |',
        '| 2026-W47 | Nov 16 – 22, 2026 | 1 | 0 | 1 |',
        '| 2026-W48 | Nov 23 – 29, 2026 | 2 | 1 | 1 |',
        '',
        '## Traits',
        '',
        '| Trait | Side | Entries | Last 2 weeks |',
        '| --- | --- | ---: | ---: |',
        '| Visionary Thinking | Leadership | 0 | 0 |',
        '| Empathy | Leadership | 2 | 2 |',
        '| Innovation | Leadership | 0 | 0 |',
        '| Influence | Leadership | 1 | 1 |',
        '| Organizational Skills | Management | 0 | 0 |',
        '| Decision-Making | Management | 0 | 0 |',
        '| Problem-Solving | Management | 0 | 0 |',
        '| Time Management | Management | 1 | 1 |',
        '',
        '### Other tags',
        '',
        '| Tag | Entries |',
        '| --- | ---: |',
        '| retro | 2 |',
        '| one-on-one | 1 |',
        '',
        '## Strategies and next steps',
        '',
        '### Develop Dual Skills',
        '',
        '*Encourage leaders to develop management skills and vice versa to create well-rounded professionals.*',
        '',
        `**Next step:** This week, write one entry about Organizational Skills (0 entries so far). Start from the prompt: “${focus.prompts[0]}”`,
        '',
        '### Foster Collaboration',
        '',
        '*Promote teamwork between leaders and managers to leverage their complementary strengths.*',
        '',
        `**Next step:** Ask a colleague who is strong in Organizational Skills (ability to plan, prioritize, and execute tasks effectively) how they approach it, and offer your Empathy in return; then write down one thing you will try from their way of working.`,
        '',
        '### Continuous Learning',
        '',
        '*Invest in training programs that focus on both leadership and management development.*',
        '',
        '**Next step:** Pick one talk, article or course module on Organizational Skills this month, try one idea from it at work within a week, and reflect in an entry tagged organizational-skills on what changed.',
        '',
      ].join('\n'),
    );
  });

  it('says what to do with an empty journal, and names the least reflected trait when even', () => {
    const empty = reportMarkdown(buildBalanceReport(indexOf([]), { now: Date.parse('2026-11-27T10:00:00Z'), zone: UTC }));
    expect(empty).toContain('**Balance:** no entries yet\n\nNo trait tags yet. Write an entry tagged with a trait to see your balance.\n\n## Last 12 weeks');
    expect(empty).not.toContain('### Other tags');
    const even = reportMarkdown(buildBalanceReport(indexOf([{ date: '2026-11-23T10:00:00Z', tags: ['empathy', 'decision-making'] }]), { now: Date.parse('2026-11-27T10:00:00Z'), zone: UTC }));
    expect(even).toContain('- Next: Visionary Thinking (Leadership, 0 entries). Visionary Thinking has no entries yet, and both sides are even.\n');
  });
});

describe('buildBalanceReport: streaks', () => {
  it.each([BERLIN, LOS_ANGELES, zone('Pacific/Kiritimati')].map((z) => [z.name, z] as const))('counts runs of ISO weeks with a reflection (%s)', (_name, tz) => {
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
    const report = buildBalanceReport(index, { now: wallTime(tz, 2026, 11, 27, 9), zone: tz });
    expect(report.streaks).toEqual({ current: 1, thisWeek: true, longest: 5, longestFrom: '2026-W42', longestTo: '2026-W46' });
    const markdown = reportMarkdown(report);
    expect(markdown).toContain('- Current streak: 1 week with at least one entry, this week included.\n- Longest streak: 5 weeks (2026-W42 to 2026-W46).\n');
  });
});
