import * as l10n from '@vscode/l10n';
import { afterEach, describe, expect, it } from 'vitest';
import { buildBalanceReport } from '../../src/core/balanceReport';
import { JournalIndex } from '../../src/core/journalIndex';
import { CalendarEntry, buildYearCalendar, calendarHtml, clampYear, currentCalendarYear, dayLabel, mixOf } from '../../src/core/reportCalendar';
import { reportHtml } from '../../src/core/reportHtml';
import { BERLIN, UTC, wallTime, zone } from './zones';

afterEach(() => {
  l10n.config({ contents: {} });
});

const entries: CalendarEntry[] = [
  { day: '2026-11-03', tags: ['empathy'] },
  { day: '2026-11-03', tags: ['time-management', 'retro'] },
  { day: '2026-11-04', tags: ['influence', 'innovation', 'influence'] },
  { day: '2026-11-05', tags: ['problem-solving'] },
  { day: '2026-11-06', tags: ['retro'] },
  { day: '2025-12-29', tags: ['empathy'] }, // Monday of 2026-W01
  { day: '2025-12-28', tags: ['empathy'] }, // Sunday of 2025-W52: not in 2026's calendar
  { day: '2027-01-03', tags: ['decision-making'] }, // Sunday of 2026-W53
  { day: '2027-01-04', tags: ['decision-making'] }, // 2027-W01
  { day: undefined, tags: ['empathy'] },
];

function find(calendar: ReturnType<typeof buildYearCalendar>, day: string) {
  return calendar.weeks.flat().find((cell) => cell.day === day)!;
}

describe.each(['Europe/Berlin', 'America/Los_Angeles', 'Pacific/Kiritimati'])('the year calendar (%s)', (name) => {
  const tz = zone(name);
  /** `new Date(y, m, d, h, mi)` (m 0-based) in the zone. */
  const local = (y: number, m: number, d: number, h = 0, mi = 0) => wallTime(tz, y, m + 1, d, h, mi);
  it('covers the ISO year: 53 weeks for 2026, 52 for 2025, Monday first', () => {
    const now = local(2026, 10, 4, 12);
    const y2026 = buildYearCalendar([], 2026, now, tz);
    expect(y2026.weeks).toHaveLength(53);
    expect(y2026.weeks.every((week) => week.length === 7)).toBe(true);
    expect(y2026.weeks[0][0].day).toBe('2025-12-29');
    expect(y2026.weeks[52][6].day).toBe('2027-01-03');
    expect(y2026.weeks[44].map((day) => day.day)).toEqual(['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06', '2026-11-07', '2026-11-08']);
    const y2025 = buildYearCalendar([], 2025, now, tz);
    expect(y2025.weeks).toHaveLength(52);
    expect([y2025.weeks[0][0].day, y2025.weeks[51][6].day]).toEqual(['2024-12-30', '2025-12-28']);
    // 29 February 2024 is a Thursday of 2024-W09.
    expect(buildYearCalendar([], 2024, now, tz).weeks[8][3].day).toBe('2024-02-29');
  });

  it('tallies each day\'s entries and trait tags per side, and how the day leans', () => {
    const calendar = buildYearCalendar(entries, 2026, local(2026, 10, 4, 12), tz);
    expect(find(calendar, '2026-11-03')).toMatchObject({ entries: 2, leadership: 1, management: 1, mix: 'both' });
    expect(find(calendar, '2026-11-04')).toMatchObject({ entries: 1, leadership: 2, management: 0, mix: 'leadership' });
    expect(find(calendar, '2026-11-05')).toMatchObject({ entries: 1, leadership: 0, management: 1, mix: 'management' });
    expect(find(calendar, '2026-11-06')).toMatchObject({ entries: 1, leadership: 0, management: 0, mix: 'untagged' });
    expect(find(calendar, '2026-11-07')).toMatchObject({ entries: 0, mix: 'empty' });
    expect(find(calendar, '2025-12-29')).toMatchObject({ entries: 1, mix: 'leadership' });
    expect(find(calendar, '2027-01-03')).toMatchObject({ entries: 1, mix: 'management' });
    expect(calendar).toMatchObject({ year: 2026, entries: 7, daysWithEntries: 6, leadership: 4, management: 3 });
  });

  it('looks days up in an index that keeps them, with the same result as walking every entry', () => {
    const index = new JournalIndex();
    entries.forEach((entry, i) => index.set(`file:///j/${i}.md`, `${i}.md`, { title: String(i), day: entry.day, time: Number.NaN, tags: [...entry.tags], problems: [] }));
    const now = local(2026, 10, 4, 12);
    expect(buildYearCalendar(index, 2026, now, tz)).toEqual(buildYearCalendar(entries, 2026, now, tz));
  });

  it('asks an index for each day of the year once, and for no other day', () => {
    const asked: string[] = [];
    const index = {
      entriesOn(day: string): CalendarEntry[] {
        asked.push(day);
        return [];
      },
    };
    buildYearCalendar(index, 2026, local(2026, 10, 4, 12), tz);
    // 53 weeks × 7 days, Monday 29 December 2025 to Sunday 3 January 2027.
    expect([asked.length, new Set(asked).size, asked[0], asked.at(-1)]).toEqual([371, 371, '2025-12-29', '2027-01-03']);
  });

  it('names every day for a screen reader', () => {
    const calendar = buildYearCalendar(entries, 2026, local(2026, 10, 4, 12), tz);
    // The day in full from core/dates (Intl, English here).
    expect(dayLabel(find(calendar, '2026-11-03'))).toBe('Tuesday, November 3, 2026: 2 entries, leadership 1, management 1');
    expect(dayLabel(find(calendar, '2026-11-04'))).toBe('Wednesday, November 4, 2026: 1 entry, leadership 2, management 0');
    expect(dayLabel(find(calendar, '2026-11-07'))).toBe('Saturday, November 7, 2026: no entries');
    expect(dayLabel(find(calendar, '2027-01-03'))).toBe('Sunday, January 3, 2027: 1 entry, leadership 0, management 1');
  });

  it('knows today and the days after it in local time', () => {
    // 2026-11-03T23:30Z: still the 3rd in Los Angeles, the 4th in Berlin and Kiritimati.
    const instant = new Date(Date.UTC(2026, 10, 3, 23, 30));
    const today = name === 'America/Los_Angeles' ? '2026-11-03' : '2026-11-04';
    const calendar = buildYearCalendar(entries, 2026, instant, tz);
    const days = calendar.weeks.flat();
    expect(days.filter((day) => day.today).map((day) => day.day)).toEqual([today]);
    expect(days.find((day) => day.future)!.day).toBe(name === 'America/Los_Angeles' ? '2026-11-04' : '2026-11-05');
    // The first days of 2027-W01 belong to the next calendar; 31 December 2026 (Thursday) is 2026's.
    expect(currentCalendarYear(instant, tz)).toBe(2026);
    expect(currentCalendarYear(local(2027, 0, 3, 0, 30), tz)).toBe(2026);
    expect(currentCalendarYear(local(2027, 0, 4, 0, 30), tz)).toBe(2027);
  });
});

describe('calendar helpers', () => {
  it('mixes', () => {
    expect([mixOf(0, 0, 0), mixOf(1, 1, 0), mixOf(1, 0, 2), mixOf(2, 1, 1), mixOf(1, 0, 0)]).toEqual(['empty', 'leadership', 'management', 'both', 'untagged']);
  });

  it('shows years a day can be written in', () => {
    expect([clampYear(999), clampYear(2026), clampYear(10_000), clampYear(2026.7)]).toEqual([1000, 2026, 9999, 2026]);
  });
});

describe('calendarHtml', () => {
  const now = wallTime(BERLIN, 2026, 11, 4, 12);

  it('is a grid of 7 weekday rows and one column per ISO week, with one tab stop on today', () => {
    const html = calendarHtml(buildYearCalendar(entries, 2026, now, BERLIN));
    expect(html.match(/<tr><th scope="row"/g)).toHaveLength(7);
    expect(html.match(/role="gridcell"/g)).toHaveLength(53 * 7);
    expect(html.match(/tabindex="0"/g)).toHaveLength(1);
    expect(html).toContain(
      '<td role="gridcell" class="bj-day bj-mix-both bj-level-2" data-day="2026-11-03" data-entries="2" tabindex="-1" aria-label="Tuesday, November 3, 2026: 2 entries, leadership 1, management 1" title="Tuesday, November 3, 2026: 2 entries, leadership 1, management 1"></td>',
    );
    expect(html).toContain('class="bj-day bj-mix-leadership bj-level-1 bj-today" data-day="2026-11-04" data-entries="1" tabindex="0"');
    expect(html).toMatch(/data-day="2026-11-04"[^>]*aria-current="date"/);
    expect(html).toMatch(/class="bj-day bj-mix-empty bj-future" data-day="2026-11-05"|class="bj-day bj-mix-management bj-level-1 bj-future" data-day="2026-11-05"[^>]*aria-disabled="true"/);
    expect(html).toContain('<h2 id="calendar-heading">Year calendar 2026</h2>');
    expect(html).toContain('data-year="2025" aria-label="Previous year, 2025"');
    expect(html).toContain('data-year="2027" aria-label="Next year, 2027"');
    expect(html).toContain('7 entries on 6 days in 2026 (ISO weeks 1 to 53): 4 leadership and 3 management trait tags.');
    // Month names head the weeks they start in.
    expect(html).toContain('<th scope="col" class="bj-week-head" aria-label="Week 45, from Mon, Nov 2"></th>');
    expect(html).toContain('<th scope="col" class="bj-week-head" aria-label="Week 44, from Mon, Oct 26"><span aria-hidden="true">Nov</span></th>');
    // Nothing the CSP would block or a page could run.
    expect(html).not.toMatch(/\sstyle=|\son[a-z]+=|<script/i);
  });

  it('in a past year the last day with entries takes the tab stop; in an empty one the first day', () => {
    expect(calendarHtml(buildYearCalendar(entries, 2026, wallTime(UTC, 2030, 1, 1), UTC))).toMatch(/data-day="2027-01-03" data-entries="1" tabindex="0"/);
    const empty = calendarHtml(buildYearCalendar([], 2019, now, UTC));
    expect(empty).toMatch(/data-day="2018-12-31" data-entries="0" tabindex="0"/);
    expect(empty).toContain('No entries in 2019 (ISO weeks 1 to 52).');
    expect(calendarHtml(buildYearCalendar([], 1000, now, UTC))).toMatch(/id="prev-year"[^>]*disabled/);
  });

  // 2023 is a 52-week ISO year from Monday 2 January to Sunday 31 December (its week 1 holds no 1st).
  it('writes the first weeks of 2023 cell by cell: header months, an entry day, empty days, today without entries', () => {
    const html = calendarHtml(buildYearCalendar([{ day: '2023-01-02', tags: ['empathy'] }], 2023, wallTime(UTC, 2023, 1, 11, 12), UTC));
    // Week 1 has no 1st of a month, yet is headed by its month; week 5 (from 30 January) holds 1 February.
    expect(html).toContain(
      '<thead><tr><td class="bj-corner"></td>' +
        '<th scope="col" class="bj-week-head" aria-label="Week 1, from Mon, Jan 2"><span aria-hidden="true">Jan</span></th>' +
        '<th scope="col" class="bj-week-head" aria-label="Week 2, from Mon, Jan 9"></th>' +
        '<th scope="col" class="bj-week-head" aria-label="Week 3, from Mon, Jan 16"></th>' +
        '<th scope="col" class="bj-week-head" aria-label="Week 4, from Mon, Jan 23"></th>' +
        '<th scope="col" class="bj-week-head" aria-label="Week 5, from Mon, Jan 30"><span aria-hidden="true">Feb</span></th>' +
        '<th scope="col" class="bj-week-head" aria-label="Week 6, from Mon, Feb 6"></th>',
    );
    // An empty day has no strength level; days after today are disabled.
    expect(html).toContain(
      '<tbody><tr><th scope="row" class="bj-weekday">Mon</th>' +
        '<td role="gridcell" class="bj-day bj-mix-leadership bj-level-1" data-day="2023-01-02" data-entries="1" tabindex="-1" aria-label="Monday, January 2, 2023: 1 entry, leadership 1, management 0" title="Monday, January 2, 2023: 1 entry, leadership 1, management 0"></td>' +
        '<td role="gridcell" class="bj-day bj-mix-empty" data-day="2023-01-09" data-entries="0" tabindex="-1" aria-label="Monday, January 9, 2023: no entries" title="Monday, January 9, 2023: no entries"></td>' +
        '<td role="gridcell" class="bj-day bj-mix-empty bj-future" data-day="2023-01-16" data-entries="0" tabindex="-1" aria-label="Monday, January 16, 2023: no entries" title="Monday, January 16, 2023: no entries" aria-disabled="true"></td>',
    );
    // The Monday row ends with week 52 and the Tuesday row follows at once.
    expect(html).toContain(
      'data-day="2023-12-25" data-entries="0" tabindex="-1" aria-label="Monday, December 25, 2023: no entries" title="Monday, December 25, 2023: no entries" aria-disabled="true"></td></tr>' +
        '<tr><th scope="row" class="bj-weekday">Tue</th><td role="gridcell" class="bj-day bj-mix-empty" data-day="2023-01-03" data-entries="0" tabindex="-1" aria-label="Tuesday, January 3, 2023: no entries"',
    );
    // Today (Wednesday 11 January) takes the tab stop though an earlier day has entries.
    expect(html).toContain(
      '<td role="gridcell" class="bj-day bj-mix-empty bj-today" data-day="2023-01-11" data-entries="0" tabindex="0" aria-label="Wednesday, January 11, 2023: no entries" title="Wednesday, January 11, 2023: no entries" aria-current="date"></td>',
    );
    expect(html.match(/tabindex="0"/g)).toHaveLength(1);
    expect(html.match(/<p class="help" id="calendar-help">[^<]*<\/p>/)![0]).toBe(
      '<p class="help" id="calendar-help">Arrow keys move between days (up and down by day, left and right by week), Home and End to the first and last day; Enter opens the day&#39;s entries.</p>',
    );
  });

  it('has a legend of every mix, each with its pattern in words', () => {
    const html = calendarHtml(buildYearCalendar([], 2026, now, BERLIN));
    expect(html.match(/<ul class="calendar-legend"[\s\S]*?<\/ul>/)![0]).toBe(
      '<ul class="calendar-legend" aria-label="Legend">' +
        '<li><span class="bj-day bj-swatch bj-mix-leadership bj-level-2" aria-hidden="true"></span>Leadership only (solid)</li>' +
        '<li><span class="bj-day bj-swatch bj-mix-management bj-level-2" aria-hidden="true"></span>Management only (striped)</li>' +
        '<li><span class="bj-day bj-swatch bj-mix-both bj-level-2" aria-hidden="true"></span>Both sides (split)</li>' +
        '<li><span class="bj-day bj-swatch bj-mix-untagged bj-level-2" aria-hidden="true"></span>Entries without trait tags (dotted)</li>' +
        '<li><span class="bj-day bj-swatch bj-mix-empty" aria-hidden="true"></span>No entries</li>' +
        '</ul>',
    );
  });

  it('moves a year back and forward, but not before 1000 or after 9999', () => {
    const nav = (year: number) => calendarHtml(buildYearCalendar([], year, now, UTC)).match(/<div class="year-nav">[\s\S]*?<\/div>/)![0];
    expect(nav(2026)).toBe(`<div class="year-nav">
      <button id="prev-year" type="button" class="secondary" data-year="2025" aria-label="Previous year, 2025">‹ 2025</button>
      <button id="next-year" type="button" class="secondary" data-year="2027" aria-label="Next year, 2027">2027 ›</button>
    </div>`);
    expect(nav(1000)).toBe(`<div class="year-nav">
      <button id="prev-year" type="button" class="secondary" data-year="999" aria-label="Previous year, 999" disabled>‹ 999</button>
      <button id="next-year" type="button" class="secondary" data-year="1001" aria-label="Next year, 1001">1001 ›</button>
    </div>`);
    expect(nav(9998)).toBe(`<div class="year-nav">
      <button id="prev-year" type="button" class="secondary" data-year="9997" aria-label="Previous year, 9997">‹ 9997</button>
      <button id="next-year" type="button" class="secondary" data-year="9999" aria-label="Next year, 9999">9999 ›</button>
    </div>`);
    expect(nav(9999)).toBe(`<div class="year-nav">
      <button id="prev-year" type="button" class="secondary" data-year="9998" aria-label="Previous year, 9998">‹ 9998</button>
      <button id="next-year" type="button" class="secondary" data-year="10000" aria-label="Next year, 10000" disabled>10000 ›</button>
    </div>`);
  });

  it('escapes every word, so a translation cannot inject markup', () => {
    l10n.config({
      contents: {
        '{0}: no entries': '<img src=x onerror=alert(1)> {0} "quoted" & \'single\'',
        'Year calendar {0}': '<script>alert(1)</script>{0}',
        'Legend': '<b>Legend</b>',
        'Week {0}, from {1}': '"><svg onload=alert(1)>{0}',
      },
    });
    const html = calendarHtml(buildYearCalendar(entries, 2026, now, UTC));
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<svg');
    expect(html).toContain('aria-label="&#60;img src=x onerror=alert(1)&#62; Saturday, November 7, 2026 &#34;quoted&#34; &#38; &#39;single&#39;"');
    expect(html).toContain('<h2 id="calendar-heading">&#60;script&#62;alert(1)&#60;/script&#62;2026</h2>');
    expect(html).toContain('aria-label="&#60;b&#62;Legend&#60;/b&#62;"');
    expect(html).toContain('aria-label="&#34;&#62;&#60;svg onload=alert(1)&#62;45"');
    // Weekday and month names come from Intl (core/dates), escaped all the same.
    expect(html).toContain('<th scope="row" class="bj-weekday">Tue</th>');
    expect(html).toContain('<span aria-hidden="true">Nov</span>');
  });

  it('is part of the report page, for the year asked', () => {
    const index = new JournalIndex();
    index.set('file:///j/a.md', 'a.md', { title: 'A', day: '2025-06-10', time: wallTime(BERLIN, 2025, 6, 10, 9).getTime(), tags: ['empathy'], problems: [] });
    const resources = { cspSource: 'vscode-resource:', nonce: 'N0NCE', styleUri: 'style.css', scriptUri: 'report.js' };
    const thisYear = reportHtml(buildBalanceReport(index, { now, zone: BERLIN }), resources);
    expect(thisYear).toContain('Year calendar 2026');
    const lastYear = reportHtml(buildBalanceReport(index, { now, zone: BERLIN, calendarYear: 2025 }), resources);
    expect(lastYear).toContain('Year calendar 2025');
    expect(lastYear).toContain('aria-label="Tuesday, June 10, 2025: 1 entry, leadership 1, management 0"');
    expect(lastYear.match(/<script/g)).toHaveLength(1);
  });
});
