import type { OpeningHours, Schedule } from './rules.types';
import { DAY_MS, nextOffsetChange, wallTime } from './time-zone';

const MINUTE_MS = 60_000;
const MINUTES_PER_DAY = 1440;

/** An opening interval in minutes since local midnight: `[from, to)`. */
type Interval = readonly [from: number, to: number];

/** A schedule turned into numbers once, so each question is arithmetic. */
interface CompiledSchedule {
  timeZone: string;
  /** Intervals per weekday, Sunday first (the order of `Date.prototype.getUTCDay`), sorted by `from`. */
  days: Interval[][];
  /** Boundary minutes per weekday where the answer may change: midnight and every `from` and `to`. */
  boundaries: number[][];
  /** Every weekday is open from 00:00 to 24:00. */
  alwaysOpenWeekly: boolean;
  /** Local day numbers (days since 1970-01-01) of the holidays, ascending. */
  holidays: number[];
  holidaySet: Set<number>;
}

/** Sunday first, as `getUTCDay` counts. */
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** `"HH:MM"` to minutes since midnight, `NaN` when malformed (the validator reports those). */
function minutesOf(time: string): number {
  const match = /^(\d\d):(\d\d)$/.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
}

/** `"YYYY-MM-DD"` to its day number, `NaN` when malformed. */
function dayNumberOf(date: string): number {
  const match = /^(\d{4})-(\d\d)-(\d\d)$/.exec(date);
  return match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS : Number.NaN;
}

function intervalsOf(hours: OpeningHours[] | undefined): Interval[] {
  const intervals: Interval[] = [];
  for (const { from, to } of hours ?? []) {
    const interval = [minutesOf(from), minutesOf(to)] as const;
    // Malformed or empty intervals never open (`NaN < x` is false).
    if (interval[0] < interval[1]) intervals.push(interval);
  }
  return intervals.sort((a, b) => a[0] - b[0]);
}

function coversWholeDay(intervals: Interval[]): boolean {
  let coveredUntil = 0;
  for (const [from, to] of intervals) {
    if (from > coveredUntil) break;
    coveredUntil = Math.max(coveredUntil, to);
  }
  return coveredUntil >= MINUTES_PER_DAY;
}

const compiled = new WeakMap<Schedule, CompiledSchedule>();

/** Schedules are compiled once and cached by identity: treat a schedule object as immutable once used. */
function compile(schedule: Schedule): CompiledSchedule {
  let result = compiled.get(schedule);
  if (result === undefined) {
    const days = WEEKDAYS.map((weekday) => intervalsOf(schedule.weekly[weekday]));
    const holidays = [...new Set((schedule.holidays ?? []).map(dayNumberOf))]
      .filter((day) => !Number.isNaN(day))
      .sort((a, b) => a - b);
    result = {
      timeZone: schedule.timeZone,
      days,
      boundaries: days.map((intervals) =>
        [...new Set([0, ...intervals.flat()])].filter((minute) => minute < MINUTES_PER_DAY).sort((a, b) => a - b),
      ),
      alwaysOpenWeekly: days.every(coversWholeDay),
      holidays,
      holidaySet: new Set(holidays),
    };
    compiled.set(schedule, result);
  }
  return result;
}

/** Whether the schedule is open at a local wall time (see `time-zone.ts`). */
function openAtWall(schedule: CompiledSchedule, wall: number): boolean {
  const day = Math.floor(wall / DAY_MS);
  if (schedule.holidaySet.has(day)) return false;
  const minute = Math.floor((wall - day * DAY_MS) / MINUTE_MS);
  // Day 0 (1970-01-01) was a Thursday.
  const intervals = schedule.days[(((day + 4) % 7) + 7) % 7]!;
  return intervals.some(([from, to]) => from <= minute && minute < to);
}

/**
 * The first wall time after `after` at which the answer differs from `answer`, or `null` if it never does.
 * Pure arithmetic: the answer can only change at local midnight or at an interval's `from` or `to`.
 */
function nextWallChange(schedule: CompiledSchedule, after: number, answer: boolean): number | null {
  const today = Math.floor(after / DAY_MS);
  if (answer && schedule.alwaysOpenWeekly) {
    // Open every minute of every weekday: only a holiday closes it.
    const holiday = schedule.holidays.find((day) => day > today);
    return holiday === undefined ? null : holiday * DAY_MS;
  }
  // A closed schedule opens within 7 working days, skipping at most one week per holiday; an open one that
  // is not open all week closes within 8 days.
  const lastDay = today + 7 * (schedule.holidays.length + 1) + 1;
  for (let day = today; day <= lastDay; day++) {
    const weekday = (((day + 4) % 7) + 7) % 7;
    const minutes = schedule.holidaySet.has(day) ? [0] : schedule.boundaries[weekday]!;
    for (const minute of minutes) {
      const wall = day * DAY_MS + minute * MINUTE_MS;
      if (wall > after && openAtWall(schedule, wall) !== answer) return wall;
    }
  }
  return null;
}

/**
 * Whether the schedule is open at instant `now` (epoch ms): the local day in `schedule.timeZone` is not a
 * holiday and the local time falls in one of that weekday's intervals (`from` inclusive, `to` exclusive).
 * No schedule means always open.
 * @throws RangeError when the time zone is unknown (the config validator rejects those first).
 */
export function scheduleOpen(schedule: Schedule | undefined, now: number): boolean {
  if (schedule === undefined) return true;
  const compiledSchedule = compile(schedule);
  return openAtWall(compiledSchedule, wallTime(compiledSchedule.timeZone, now));
}

/**
 * The first instant after `now` (epoch ms) at which {@link scheduleOpen} gives a different answer, or `null`
 * if it never will (no schedule, never open, or open around the clock with no holiday ahead).
 *
 * Exact across daylight-saving changes: a boundary whose local time is skipped (02:30 on a spring-forward
 * day) takes effect at the first instant after the gap, and a boundary in a repeated hour takes effect the
 * first time the clock reads it (and again the second time, if the answer flipped back in between).
 */
export function nextScheduleChange(schedule: Schedule | undefined, now: number): number | null {
  if (schedule === undefined) return null;
  const compiledSchedule = compile(schedule);
  const { timeZone } = compiledSchedule;
  const answer = scheduleOpen(schedule, now);
  // Walk from one UTC-offset change to the next: between them, local time runs in step with `now`.
  for (let from = now; ; ) {
    const offset = wallTime(timeZone, from) - from;
    const wallChange = nextWallChange(compiledSchedule, from + offset, answer);
    const change = wallChange === null ? null : wallChange - offset;
    // With nothing ahead in local time, only an offset change soon can bring back an earlier local time.
    const offsetChange = nextOffsetChange(timeZone, from, change ?? from + 2 * DAY_MS);
    if (offsetChange === null) return change;
    if (scheduleOpen(schedule, offsetChange) !== answer) return offsetChange;
    from = offsetChange;
  }
}
