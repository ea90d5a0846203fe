import { describe, expect, it } from 'vitest';
import { DAY_MS, SYSTEM_TIME_ZONE, UTC_TIME_ZONE, dateOfDayNumber, dayNumber, localDayNumber, startOfLocalDay, wallClock } from '../../src/core/localTime';
import { BERLIN, KOLKATA, NEW_YORK, SAMPLE_STEP, SANTIAGO, UTC, intlDay, intlWallClock, zone } from './zones';

const HAVANA = zone('America/Havana'); // clocks change at midnight: 00:00 → 01:00 in March, 01:00 → 00:00 in November
const LORD_HOWE = zone('Australia/Lord_Howe'); // a 30-minute DST change
const CHATHAM = zone('Pacific/Chatham'); // +12:45 / +13:45

/** The first minute of `day` (YYYY-MM-DD) in the zone, by binary search over ICU's calendar days. */
function firstMinuteOf(day: string, name: string): number {
  const [y, m, d] = day.split('-').map(Number);
  let low = Date.UTC(y, m - 1, d) - 15 * 3_600_000;
  let high = Date.UTC(y, m - 1, d) + 15 * 3_600_000;
  while (high - low > 60_000) {
    const middle = low + Math.floor((high - low) / 120_000) * 60_000;
    if (intlDay(middle, name) >= day) high = middle;
    else low = middle;
  }
  return high;
}

describe('wallClock', () => {
  it('reads the local fields and the offset of an instant', () => {
    const instant = Date.parse('2026-11-26T23:30:45Z');
    expect(wallClock(instant, KOLKATA)).toEqual({ year: 2026, month: 10, day: 27, hours: 5, minutes: 0, seconds: 45, weekday: 5, offsetMinutes: 330 });
    expect(wallClock(instant, NEW_YORK)).toEqual({ year: 2026, month: 10, day: 26, hours: 18, minutes: 30, seconds: 45, weekday: 4, offsetMinutes: -300 });
    expect(wallClock(instant, UTC_TIME_ZONE)).toEqual({ year: 2026, month: 10, day: 26, hours: 23, minutes: 30, seconds: 45, weekday: 4, offsetMinutes: 0 });
  });

  it('agrees with the machine\'s Date for the system zone', () => {
    const date = new Date(2026, 2, 29, 3, 4, 5);
    expect(wallClock(date.getTime(), SYSTEM_TIME_ZONE)).toEqual({
      year: date.getFullYear(), month: date.getMonth(), day: date.getDate(), hours: date.getHours(), minutes: date.getMinutes(), seconds: date.getSeconds(),
      weekday: date.getDay(), offsetMinutes: -date.getTimezoneOffset(),
    });
    expect(wallClock(date.getTime())).toEqual(wallClock(date.getTime(), SYSTEM_TIME_ZONE));
  });

  it('agrees with ICU on every hour of a year in zones east and west, with DST', () => {
    for (const z of [BERLIN, NEW_YORK, KOLKATA, SANTIAGO, LORD_HOWE, CHATHAM]) {
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += SAMPLE_STEP * 3_600_000 + 60_000 * 7) {
        const clock = wallClock(t, z);
        const wall = intlWallClock(t, z.name);
        expect([clock.year, clock.month + 1, clock.day, clock.hours, clock.minutes]).toEqual([wall.year, wall.month, wall.day, wall.hour, wall.minute]);
      }
    }
  }, 60_000);
});

describe('day numbers', () => {
  it('counts whole days from 1970-01-01', () => {
    expect(dayNumber(1970, 0, 1)).toBe(0);
    expect(dayNumber(1970, 0, 2)).toBe(1);
    expect(dayNumber(1969, 11, 31)).toBe(-1);
    expect(dayNumber(2026, 10, 27)).toBe(20_784);
    expect(dayNumber(2026, 11, 32)).toBe(dayNumber(2027, 0, 1));
    expect(dateOfDayNumber(20_784)).toEqual({ year: 2026, month: 10, day: 27 });
    expect(dateOfDayNumber(-1)).toEqual({ year: 1969, month: 11, day: 31 });
  });

  it('gives the local day of an instant', () => {
    const instant = Date.parse('2026-11-26T23:30:00Z');
    expect(localDayNumber(instant, KOLKATA)).toBe(20_784);
    expect(localDayNumber(instant, NEW_YORK)).toBe(20_783);
    expect(localDayNumber(instant, UTC)).toBe(20_783);
    expect(localDayNumber(0, UTC)).toBe(0);
    expect(localDayNumber(DAY_MS - 1, UTC)).toBe(0);
  });
});

describe('startOfLocalDay', () => {
  it.each([
    ['2026-03-08', HAVANA, '2026-03-08T05:00:00.000Z'], // midnight skipped: the day starts at 01:00 -04:00
    ['2026-11-01', HAVANA, '2026-11-01T04:00:00.000Z'], // midnight twice: the first, at -04:00
    ['2026-11-02', HAVANA, '2026-11-02T05:00:00.000Z'],
    ['2026-09-06', SANTIAGO, '2026-09-06T04:00:00.000Z'], // midnight skipped: 01:00 -03:00
    ['2026-03-29', BERLIN, '2026-03-28T23:00:00.000Z'],
    ['2026-10-25', BERLIN, '2026-10-24T22:00:00.000Z'],
    ['2026-11-27', KOLKATA, '2026-11-26T18:30:00.000Z'],
    ['2026-11-27', UTC, '2026-11-27T00:00:00.000Z'],
  ])('%s in %s starts at %s', (day, z, iso) => {
    const [y, m, d] = day.split('-').map(Number);
    expect(new Date(startOfLocalDay(y, m - 1, d, z)).toISOString()).toBe(iso);
    expect(startOfLocalDay(y, m - 1, d, z)).toBe(firstMinuteOf(day, z.name));
  });

  it('is the first minute of the day on every day of a year, in zones with odd clock changes', () => {
    for (const z of [HAVANA, SANTIAGO, LORD_HOWE, NEW_YORK, CHATHAM]) {
      for (let n = dayNumber(2026, 0, 1); n < dayNumber(2027, 0, 1); n += SAMPLE_STEP === 1 ? 1 : 3) {
        const { year, month, day } = dateOfDayNumber(n);
        const label = `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        expect(startOfLocalDay(year, month, day, z), `${label} in ${z.name}`).toBe(firstMinuteOf(label, z.name));
      }
    }
  }, 60_000);

  it('is what new Date(y, m, d) gives in the system zone', () => {
    expect(startOfLocalDay(2026, 10, 27)).toBe(new Date(2026, 10, 27).getTime());
    expect(startOfLocalDay(2026, 2, 29)).toBe(new Date(2026, 2, 29).getTime());
  });
});
