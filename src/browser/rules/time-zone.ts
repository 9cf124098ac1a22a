/**
 * Wall-clock time in an IANA time zone, through `Intl` only (no time-zone data of our own).
 *
 * "Wall time" here is a number: the local date and time read off a clock in the zone, written as if it
 * were UTC epoch milliseconds. `wallTime(zone, t) - t` is the zone's UTC offset at `t`. Wall time lets the
 * schedule do plain arithmetic on local dates (`Math.floor(wall / DAY_MS)` is the local day).
 */

export const DAY_MS = 86_400_000;

/**
 * How far apart offset samples are when looking for the next offset change. No zone in the tz database
 * has two offset changes less than 7 days apart (the closest are Brazil in 2000 and Gaza's Ramadan rule),
 * so a 3-day step cannot step over a change and back.
 */
const OFFSET_SAMPLE_MS = 3 * DAY_MS;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: building an `Intl.DateTimeFormat` costs far more than using one. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether `Intl` knows `timeZone` (an IANA name such as `"Australia/Sydney"`, or `"UTC"`). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The local wall time at instant `t` in `timeZone`, as epoch-style milliseconds.
 * @throws RangeError when `timeZone` is not a time zone `Intl` knows.
 */
export function wallTime(timeZone: string, t: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(t)) parts[part.type] = Number(part.value);
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  // Some engines print midnight as hour 24 of the same date.
  const wallSecond = Date.UTC(year, month - 1, day, hour % 24, minute, second);
  return wallSecond + (((t % 1000) + 1000) % 1000);
}

/**
 * The first instant in `(from, until]` at which the zone's UTC offset differs from its offset at `from`,
 * or `null` if it does not change in that span. Exact to the millisecond.
 */
export function nextOffsetChange(timeZone: string, from: number, until: number): number | null {
  const offset = wallTime(timeZone, from) - from;
  const differs = (t: number) => wallTime(timeZone, t) - t !== offset;
  for (let low = from; low < until; ) {
    let high = Math.min(low + OFFSET_SAMPLE_MS, until);
    if (differs(high)) {
      // Invariant: the offset is unchanged at `low` and changed at `high`.
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if (differs(middle)) high = middle;
        else low = middle;
      }
      return high;
    }
    low = high;
  }
  return null;
}
