// The user's local time, as the core sees it.
//
// Entries are named and grouped by the LOCAL calendar day, so the core needs a time zone. The
// VS Code layer passes none and gets the machine's (what `Date`'s local getters use); tests pass a
// zone of their own, so that no test has to switch `process.env.TZ` (which a test runner on worker
// threads ignores, and which would leak into every other test of the process).

/** A time zone: its offset from UTC at any instant. */
export interface TimeZone {
  /** Minutes east of UTC at the instant `time` (epoch milliseconds): 60 for `09:05+01:00`. */
  offsetMinutes(time: number): number;
}

/** The machine's time zone. */
export const SYSTEM_TIME_ZONE: TimeZone = {
  offsetMinutes: (time) => -new Date(time).getTimezoneOffset(),
};

/** UTC: for calendar arithmetic, where no clock change may move a day. */
export const UTC_TIME_ZONE: TimeZone = { offsetMinutes: () => 0 };

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** A moment as a wall clock in a time zone shows it. */
export interface WallClock {
  readonly year: number;
  /** 0 for January … 11 for December, as `Date` counts. */
  readonly month: number;
  /** Day of the month, 1 to 31. */
  readonly day: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
  /** 0 for Sunday … 6 for Saturday, as `Date` counts. */
  readonly weekday: number;
  /** Minutes east of UTC at that moment. */
  readonly offsetMinutes: number;
}

/** What the clock on the wall shows at `time` in `zone`. */
export function wallClock(time: number, zone: TimeZone = SYSTEM_TIME_ZONE): WallClock {
  const offsetMinutes = zone.offsetMinutes(time);
  // The wall clock's reading as if it were UTC: the UTC getters then read the local fields.
  const wall = new Date(time + offsetMinutes * MINUTE_MS);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth(),
    day: wall.getUTCDate(),
    hours: wall.getUTCHours(),
    minutes: wall.getUTCMinutes(),
    seconds: wall.getUTCSeconds(),
    weekday: wall.getUTCDay(),
    offsetMinutes,
  };
}

/** Whole days since 1970-01-01 of a calendar date (month 0-based; overflowing days roll over). */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month, day) / DAY_MS);
}

/** The local calendar day of `time` in `zone`, as a day number. */
export function localDayNumber(time: number, zone: TimeZone = SYSTEM_TIME_ZONE): number {
  const { year, month, day } = wallClock(time, zone);
  return dayNumber(year, month, day);
}

/** The calendar date of a day number: `{ year, month (0-based), day }`. */
export function dateOfDayNumber(dayNum: number): { year: number; month: number; day: number } {
  const date = new Date(dayNum * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth(), day: date.getUTCDate() };
}

/**
 * The first instant of the local calendar day `year`-`month`-`day` in `zone`: midnight, or when a
 * clock change skips midnight, the moment the clocks jump to (as `new Date(y, m, d)` does).
 */
export function startOfLocalDay(year: number, month: number, day: number, zone: TimeZone = SYSTEM_TIME_ZONE): number {
  const wall = Date.UTC(year, month, day);
  // The offsets in force a day either side; a change within the day is one of them.
  const before = zone.offsetMinutes(wall - DAY_MS);
  const after = zone.offsetMinutes(wall + DAY_MS);
  const candidates = [before, after]
    .map((offset) => wall - offset * MINUTE_MS)
    .filter((time) => wall - zone.offsetMinutes(time) * MINUTE_MS === time);
  // Midnight twice (clocks went back over it): the earlier. Never (clocks jumped over it): the
  // offset before the jump puts it where the clocks jump to.
  return candidates.length > 0 ? Math.min(...candidates) : wall - before * MINUTE_MS;
}
