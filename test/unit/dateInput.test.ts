import * as l10n from '@vscode/l10n';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureDateLocale } from '../../src/core/dates';
import { describeDayInput, lastWeekday, parseDayArgument, parseDayInput } from '../../src/core/dateInput';
import { buildEntry, entryMoment, entryPathSegments, localIsoTimestamp, parseNewEntryArgs } from '../../src/core/entryFactory';
import { parseEntry } from '../../src/core/entryParser';
import { dayString, parseDay } from '../../src/core/periods';
import { traitById } from '../../src/core/traits';
import type { TimeZone } from '../../src/core/localTime';
import { wallTime, zone } from './zones';

/** The day a typed text stands for, as `YYYY-MM-DD`, or the error. */
function typed(text: string, now: Date, tz: TimeZone): string {
  const parsed = parseDayInput(text, now, tz);
  return 'day' in parsed ? dayString(parsed.day) : `error: ${parsed.error}`;
}

// Tuesday 3 November 2026, half an hour after local midnight, in each zone.
describe.each(['Europe/Berlin', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Kolkata'])('the day typed, in %s', (name) => {
  const tz = zone(name);
  const at = () => wallTime(tz, 2026, 11, 3, 0, 30);

  it.each([
    ['today', '2026-11-03'],
    ['yesterday', '2026-11-02'],
    [' Yesterday ', '2026-11-02'],
    ['YESTERDAY', '2026-11-02'],
    // A weekday is the last one before today: Tuesday itself is a week back.
    ['monday', '2026-11-02'],
    ['tuesday', '2026-10-27'],
    ['wednesday', '2026-10-28'],
    ['thursday', '2026-10-29'],
    ['friday', '2026-10-30'],
    ['saturday', '2026-10-31'],
    ['sunday', '2026-11-01'],
    ['Sun', '2026-11-01'],
    ['fri', '2026-10-30'],
    // A word cut short is fine while it names one day only.
    ['y', '2026-11-02'],
    ['to', '2026-11-03'],
    ['tu', '2026-10-27'],
    ['th', '2026-10-29'],
    ['sa', '2026-10-31'],
    ['2026-11-03', '2026-11-03'],
    ['2026-11-02', '2026-11-02'],
    ['2024-02-29', '2024-02-29'],
    ['1999-12-31', '1999-12-31'],
  ])('"%s" is %s', (text, day) => {
    expect(typed(text, at(), tz)).toBe(day);
  });

  it.each([
    ['', /Type a day/],
    ['   ', /Type a day/],
    ['t', /"t" could be today, tuesday, thursday: type a little more/],
    ['s', /could be saturday, sunday/],
    ['someday', /"someday" is not a day/],
    // The message quotes what was typed without the spaces around it.
    [' t ', /^error: "t" could be/],
    [' someday ', /^error: "someday" is not a day/],
    ['2026-11-04', /2026-11-04 is in the future/],
    ['2027-01-01', /in the future/],
    ['2026-02-29', /2026-02-29 is not a date in the calendar/],
    ['2026-13-01', /not a date in the calendar/],
    ['2026-04-31', /not a date in the calendar/],
    ['0999-01-01', /not a date in the calendar/],
    ['2026-1-3', /Write the date as YYYY-MM-DD/],
    ['2026-11', /Write the date as YYYY-MM-DD/],
    ['20261103', /Write the date as YYYY-MM-DD/],
  ])('"%s" is refused', (text, message) => {
    expect(typed(text, at(), tz)).toMatch(message);
  });

  it('names the day it found, and how long ago', () => {
    // The day in full from core/dates (Intl, English here).
    expect(describeDayInput(parseDay('2026-11-03')!, at(), tz)).toBe('Tuesday, November 3, 2026 (today)');
    expect(describeDayInput(parseDay('2026-11-02')!, at(), tz)).toBe('Monday, November 2, 2026 (yesterday)');
    expect(describeDayInput(parseDay('2026-10-27')!, at(), tz)).toBe('Tuesday, October 27, 2026 (7 days ago)');
  });

  it('the same instant is another local day in another zone: "today" follows the local clock', () => {
    // 2026-11-02T23:30Z.
    const instant = new Date(Date.UTC(2026, 10, 2, 23, 30));
    const expected: Record<string, string> = {
      'Europe/Berlin': '2026-11-03',
      'America/Los_Angeles': '2026-11-02',
      'Pacific/Kiritimati': '2026-11-03',
      'Asia/Kolkata': '2026-11-03',
    };
    expect(typed('today', instant, tz)).toBe(expected[name]);
    expect(typed('2026-11-03', instant, tz)).toBe(name === 'America/Los_Angeles' ? 'error: 2026-11-03 is in the future: an entry is for a day that has happened.' : '2026-11-03');
  });
});

describe('lastWeekday', () => {
  it('goes one to seven days back', () => {
    const tuesday = parseDay('2026-11-03')!;
    expect([0, 1, 2, 3, 4, 5, 6].map((weekday) => dayString(lastWeekday(tuesday, weekday)))).toEqual([
      '2026-11-02',
      '2026-10-27',
      '2026-10-28',
      '2026-10-29',
      '2026-10-30',
      '2026-10-31',
      '2026-11-01',
    ]);
    // Across a year and a leap day.
    expect(dayString(lastWeekday(parseDay('2027-01-01')!, 3))).toBe('2026-12-31');
    expect(dayString(lastWeekday(parseDay('2024-03-01')!, 3))).toBe('2024-02-29');
  });
});

describe('an entry for another day: that day at the current local time, with its offset', () => {
  it.each([
    // [zone, now (local), day, date written]
    ['Europe/Berlin', [2026, 10, 3, 0, 30], '2026-11-02', '2026-11-02T00:30:00+01:00'],
    // Across the end of summer time (25 October 2026 in Europe): the offset is that day's.
    ['Europe/Berlin', [2026, 10, 3, 9, 15], '2026-10-24', '2026-10-24T09:15:00+02:00'],
    // Yesterday at 00:30 on the day after summer time begins (29 March 2026 at 02:00).
    ['Europe/Berlin', [2026, 2, 30, 0, 30], '2026-03-29', '2026-03-29T00:30:00+01:00'],
    // 02:30 does not exist on 29 March 2026 in Berlin: the same day, an hour on.
    ['Europe/Berlin', [2026, 2, 30, 2, 30], '2026-03-29', '2026-03-29T03:30:00+02:00'],
    ['America/Los_Angeles', [2026, 10, 3, 0, 30], '2026-11-02', '2026-11-02T00:30:00-08:00'],
    ['America/Los_Angeles', [2026, 10, 3, 9, 15], '2026-10-31', '2026-10-31T09:15:00-07:00'],
    ['Pacific/Kiritimati', [2026, 10, 3, 0, 30], '2026-11-02', '2026-11-02T00:30:00+14:00'],
    ['Asia/Kolkata', [2026, 2, 1, 23, 59], '2024-02-29', '2024-02-29T23:59:00+05:30'],
    // Chile moves its clocks at midnight: 00:30 on 6 September 2026 does not exist.
    ['America/Santiago', [2026, 8, 7, 0, 30], '2026-09-06', '2026-09-06T01:30:00-03:00'],
    ['America/Santiago', [2026, 8, 7, 0, 30], '2026-09-05', '2026-09-05T00:30:00-04:00'],
  ] as const)('%s, now %j, for %s: %s', (name, parts, day, written) => {
    const tz = zone(name);
    const now = wallTime(tz, parts[0], parts[1] + 1, parts[2], parts[3], parts[4]);
    const moment = entryMoment(parseDay(day)!, now, tz);
    expect(localIsoTimestamp(moment, tz)).toBe(written);
    const entry = buildEntry([traitById('empathy')!], 'Late note', moment, undefined, undefined, tz);
    expect(entryPathSegments(moment, entry.slug, 1, tz)).toEqual([day.slice(0, 4), day.slice(5, 7), `${day}-late-note.md`]);
    expect(entry.text.startsWith(`---\ndate: ${written}\n`)).toBe(true);
    expect(parseEntry(entry.text, `${day}-late-note.md`).day).toBe(day);
  });

  it('today is now itself', () => {
    const now = new Date(2026, 10, 3, 9, 5, 7);
    expect(entryMoment(undefined, now)).toBe(now);
  });
});

describe('the date argument of New Entry', () => {
  const tz = zone('UTC');
  const now = wallTime(tz, 2026, 11, 3, 12);

  it('takes YYYY-MM-DD, not in the future', () => {
    expect(parseNewEntryArgs({ traits: ['empathy'], date: '2026-11-02' }, now, tz)).toEqual({ traits: [traitById('empathy')], title: undefined, askTitle: false, day: parseDay('2026-11-02') });
    expect(parseNewEntryArgs({ traits: ['empathy'], date: '2026-11-03' }, now, tz)).toMatchObject({ day: parseDay('2026-11-03') });
    expect(parseNewEntryArgs({ traits: ['empathy'] }, now, tz)).not.toHaveProperty('day');
  });

  it.each([
    ['2026-11-04', /2026-11-04 is in the future/],
    ['2026-02-30', /not a date in the calendar/],
    ['yesterday', /Write the date as YYYY-MM-DD/],
    ['03/11/2026', /Write the date as YYYY-MM-DD/],
    [20261102, /"date" must be a day written YYYY-MM-DD/],
  ])('refuses %j', (date, message) => {
    const parsed = parseNewEntryArgs({ traits: ['empathy'], date }, now, tz);
    expect('error' in parsed && parsed.error).toMatch(message);
    expect(parseDayArgument(date, now, tz)).toHaveProperty('error');
  });
});

// In another display language the box takes that language's words and weekday names as well as
// the English ones, and names the days in that language when a prefix could be more than one.
describe('the day typed, with German as the display language', () => {
  const tz = zone('Europe/Berlin');
  const at = () => wallTime(tz, 2026, 11, 3, 0, 30); // Tuesday 3 November 2026
  const comment = 'A word the date box of New Entry for Another Day accepts.';
  beforeAll(() => {
    l10n.config({ contents: { [`today/${comment}`]: 'heute', [`yesterday/${comment}`]: 'gestern' } });
    configureDateLocale('de');
  });
  afterAll(() => {
    l10n.config({ contents: {} });
    configureDateLocale('en');
  });

  it.each([
    ['heute', '2026-11-03'],
    ['gestern', '2026-11-02'],
    ['today', '2026-11-03'],
    ['yesterday', '2026-11-02'],
    ['Montag', '2026-11-02'],
    ['monday', '2026-11-02'],
    ['Mo', '2026-11-02'],
    ['mittwoch', '2026-10-28'],
    ['Mi.', '2026-10-28'],
    ['Fr.', '2026-10-30'],
    ['so', '2026-11-01'],
  ])('"%s" is %s', (text, day) => {
    expect(typed(text, at(), tz)).toBe(day);
  });

  it.each([
    ['m', 'error: "m" could be montag, mittwoch: type a little more.'],
    ['d', 'error: "d" could be dienstag, donnerstag: type a little more.'],
  ])('"%s" names the German days it could be', (text, message) => {
    expect(typed(text, at(), tz)).toBe(message);
  });
});

describe('what is not a day, whatever the language', () => {
  const tz = zone('UTC');
  const now = wallTime(tz, 2026, 11, 3, 12);
  it.each([
    // A dot only at the end is dropped ("Fr."), not one inside a word.
    ['t.u', 'error: "t.u" is not a day. Type today, yesterday, a weekday such as monday, or a date such as 2026-11-03.'],
    // Only text that starts with a digit is read as a date.
    ['mon1', 'error: "mon1" is not a day. Type today, yesterday, a weekday such as monday, or a date such as 2026-11-03.'],
    // The whole text is the date: nothing before or after it.
    ['12026-11-03', 'error: Write the date as YYYY-MM-DD, e.g. 2026-11-03.'],
    ['2026-11-031', 'error: Write the date as YYYY-MM-DD, e.g. 2026-11-03.'],
  ])('"%s"', (text, message) => {
    expect(typed(text, now, tz)).toBe(message);
  });

  it('takes an absent or null date argument as today, and a date argument with spaces around it', () => {
    expect(parseDayArgument(undefined, now, tz)).toEqual({ day: parseDay('2026-11-03') });
    expect(parseDayArgument(null, now, tz)).toEqual({ day: parseDay('2026-11-03') });
    expect(parseDayArgument(' 2026-11-02 ', now, tz)).toEqual({ day: parseDay('2026-11-02') });
  });
});
