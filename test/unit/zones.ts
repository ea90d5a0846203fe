// Time zones for tests, through the core's seam (src/core/localTime.ts), never by switching
// process.env.TZ. Offsets come from ICU (Intl), not from the code under test.
import type { TimeZone } from '../../src/core/localTime';

const formats = new Map<string, Intl.DateTimeFormat>();

function format(name: string): Intl.DateTimeFormat {
  let found = formats.get(name);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(name, found);
  }
  return found;
}

/** The wall clock of `time` in the IANA zone `name`, from ICU. */
export function intlWallClock(time: number, name: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = format(name).formatToParts(new Date(time));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute'), second: part('second') };
}

/** The IANA zone `name` (e.g. `America/New_York`), with offsets from ICU. */
export function zone(name: string): TimeZone & { readonly name: string } {
  return {
    name,
    offsetMinutes(time: number): number {
      const wall = intlWallClock(time, name);
      const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
      const wholeSeconds = time - (((time % 1000) + 1000) % 1000);
      return (asUtc - wholeSeconds) / 60_000;
    },
  };
}

/** `YYYY-MM-DD` of `time` in the IANA zone `name`, from ICU. */
export function intlDay(time: number | Date, name: string): string {
  const { year, month, day } = intlWallClock(typeof time === 'number' ? time : time.getTime(), name);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export const UTC = zone('UTC');
export const BERLIN = zone('Europe/Berlin');
export const NEW_YORK = zone('America/New_York');
export const LOS_ANGELES = zone('America/Los_Angeles');
export const KOLKATA = zone('Asia/Kolkata');
export const AUCKLAND = zone('Pacific/Auckland');
export const SANTIAGO = zone('America/Santiago');

/** The three zones every zone-dependent property runs in: UTC, one east, one west with DST. */
export const PROPERTY_ZONES = [UTC, KOLKATA, NEW_YORK];

/** The instant the wall clock in `z` shows `y-m-d h:mi:s` (m 1-based), computed from ICU's offsets. */
export function wallTime(z: TimeZone, y: number, m: number, d: number, h = 12, mi = 0, s = 0): Date {
  const asUtc = Date.UTC(y, m - 1, d, h, mi, s);
  const guess = asUtc - z.offsetMinutes(asUtc) * 60_000;
  return new Date(asUtc - z.offsetMinutes(guess) * 60_000);
}

/**
 * 1 normally; larger when FC_NUM_RUNS asks for fewer generated cases (under Stryker, where every
 * mutant runs the tests again): loops over every day or hour of a year then take every 5th (5 and 7 are coprime: every weekday still comes up).
 */
export const SAMPLE_STEP = Number(process.env.FC_NUM_RUNS || 10_000) >= 1_000 ? 1 : 5;
