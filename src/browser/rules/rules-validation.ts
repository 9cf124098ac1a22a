import type { Weekday } from './rules.types';
import { checkFields, isRecord } from '../platform/shape-check';
import { isTimeZone } from './time-zone';

const RULES_FIELDS = ['urls', 'schedule'];
const URL_RULES_FIELDS = ['include', 'exclude'];
const SCHEDULE_FIELDS = ['timeZone', 'weekly', 'holidays', 'showNextOpening'];
const OPENING_HOURS_FIELDS = ['from', 'to'];
const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const CLOCK_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^(\d{4})-(\d\d)-(\d\d)$/;

function checkPatterns(value: unknown, path: string, problems: string[]): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    problems.push(`${path}: expected an array of URL patterns`);
    return;
  }
  value.forEach((pattern, index) => {
    if (typeof pattern !== 'string' || pattern === '') {
      problems.push(`${path}[${index}]: expected a non-empty pattern such as "/help/**"`);
    } else if (pattern.includes('#')) {
      problems.push(`${path}[${index}]: "${pattern}" contains "#", but the hash is never part of the matched URL`);
    }
  });
}

function checkTime(value: unknown, path: string, allowEndOfDay: boolean, problems: string[]): number | undefined {
  if (typeof value === 'string' && (CLOCK_TIME.test(value) || (allowEndOfDay && value === '24:00'))) {
    return Number(value.slice(0, 2)) * 60 + Number(value.slice(3));
  }
  const range = allowEndOfDay ? '00:00 to 24:00' : '00:00 to 23:59';
  problems.push(`${path}: expected "HH:MM" from ${range}, got ${JSON.stringify(value) ?? 'nothing'}`);
  return undefined;
}

function checkWeekly(value: unknown, path: string, problems: string[]): void {
  if (value === undefined) {
    problems.push(`${path}: required, opening hours per weekday such as { "mon": [{ "from": "09:00", "to": "17:00" }] }`);
    return;
  }
  if (!isRecord(value)) {
    problems.push(`${path}: expected an object of weekdays`);
    return;
  }
  for (const [day, hours] of Object.entries(value)) {
    const dayPath = `${path}.${day}`;
    if (!(WEEKDAYS as readonly string[]).includes(day)) {
      problems.push(`${dayPath}: unknown weekday (expected ${WEEKDAYS.join(', ')})`);
      continue;
    }
    if (!Array.isArray(hours)) {
      problems.push(`${dayPath}: expected an array of { "from": "HH:MM", "to": "HH:MM" }`);
      continue;
    }
    hours.forEach((interval, index) => {
      const intervalPath = `${dayPath}[${index}]`;
      if (!checkFields(interval, intervalPath, OPENING_HOURS_FIELDS, problems)) return;
      const from = checkTime(interval.from, `${intervalPath}.from`, false, problems);
      const to = checkTime(interval.to, `${intervalPath}.to`, true, problems);
      if (from !== undefined && to !== undefined && from >= to) {
        problems.push(
          `${intervalPath}: from "${interval.from}" must be before to "${interval.to}" (an interval cannot pass midnight: split it in two days)`,
        );
      }
    });
  }
}

function isDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function checkHolidays(value: unknown, path: string, problems: string[]): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    problems.push(`${path}: expected an array of dates "YYYY-MM-DD"`);
    return;
  }
  value.forEach((date, index) => {
    if (typeof date !== 'string' || !isDate(date)) {
      problems.push(`${path}[${index}]: ${JSON.stringify(date) ?? 'nothing'} is not a date "YYYY-MM-DD"`);
    }
  });
}

function checkSchedule(value: unknown, path: string, problems: string[]): void {
  if (!checkFields(value, path, SCHEDULE_FIELDS, problems)) return;
  const { timeZone } = value;
  if (timeZone === undefined) problems.push(`${path}.timeZone: required, an IANA time zone such as "Australia/Sydney"`);
  else if (typeof timeZone !== 'string' || !isTimeZone(timeZone)) {
    problems.push(`${path}.timeZone: ${JSON.stringify(timeZone)} is not an IANA time zone (such as "Australia/Sydney")`);
  }
  checkWeekly(value.weekly, `${path}.weekly`, problems);
  checkHolidays(value.holidays, `${path}.holidays`, problems);
  if (value.showNextOpening !== undefined && typeof value.showNextOpening !== 'boolean') {
    problems.push(`${path}.showNextOpening: expected true or false`);
  }
}

/**
 * Checks that `value` is a usable `DisplayRules` object, as read from JSON.
 *
 * @param path Where `value` sits in the document, prefixed to every problem (`"config.rules"`).
 * @returns Every problem found, in document order, each `"<field path>: <what is wrong>"` with the path
 *   in dot-and-index form, e.g. `config.rules.schedule.weekly.mon[0].from: expected "HH:MM" from 00:00
 *   to 23:59, got "9:00"`. The path never contains `:` for known fields, so the text before the first `: `
 *   names the field. Empty when the rules are valid.
 */
export function validateDisplayRules(value: unknown, path = 'rules'): string[] {
  const problems: string[] = [];
  if (!checkFields(value, path, RULES_FIELDS, problems)) return problems;
  if (value.urls !== undefined && checkFields(value.urls, `${path}.urls`, URL_RULES_FIELDS, problems)) {
    checkPatterns(value.urls.include, `${path}.urls.include`, problems);
    checkPatterns(value.urls.exclude, `${path}.urls.exclude`, problems);
  }
  if (value.schedule !== undefined) checkSchedule(value.schedule, `${path}.schedule`, problems);
  return problems;
}
