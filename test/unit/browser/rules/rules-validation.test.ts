import { describe, expect, it } from 'vitest';
import { validateDisplayRules } from '../../../../src/browser/rules/rules-validation';

const schedule = (patch: Record<string, unknown>) => ({
  schedule: { timeZone: 'Australia/Sydney', weekly: { mon: [{ from: '09:00', to: '17:00' }] }, ...patch },
});
const weekly = (weeklyValue: unknown) => schedule({ weekly: weeklyValue });

describe('validateDisplayRules', () => {
  it('finds no problem in complete, valid rules', () => {
    expect(
      validateDisplayRules({
        urls: { include: ['/help/**', 'https://shop.example.com/*'], exclude: ['/help/internal/**'] },
        schedule: {
          timeZone: 'America/New_York',
          weekly: { mon: [{ from: '00:00', to: '12:00' }, { from: '13:00', to: '24:00' }], sat: [] },
          holidays: ['2026-12-25', '2028-02-29'],
        },
      }),
    ).toEqual([]);
    expect(validateDisplayRules({})).toEqual([]);
  });

  it('names the path it was given in every problem', () => {
    expect(validateDisplayRules(null, 'config.rules')).toEqual(['config.rules: expected an object']);
    expect(validateDisplayRules([])).toEqual(['rules: expected an object']);
  });

  it('rejects unknown fields by name at every level', () => {
    expect(
      validateDisplayRules({
        url: {},
        urls: { includes: [] },
        schedule: { timeZone: 'UTC', weekly: { mon: [{ from: '09:00', to: '10:00', until: '11:00' }] }, timezone: 'UTC' },
      }),
    ).toEqual([
      'rules.url: unknown field (expected urls, schedule)',
      'rules.urls.includes: unknown field (expected include, exclude)',
      'rules.schedule.timezone: unknown field (expected timeZone, weekly, holidays, showNextOpening)',
      'rules.schedule.weekly.mon[0].until: unknown field (expected from, to)',
    ]);
  });

  it('requires URL patterns to be non-empty strings, and flags a "#" that can never match', () => {
    expect(validateDisplayRules({ urls: { include: '/help', exclude: ['', 3, '/faq#top'] } })).toEqual([
      'rules.urls.include: expected an array of URL patterns',
      'rules.urls.exclude[0]: expected a non-empty pattern such as "/help/**"',
      'rules.urls.exclude[1]: expected a non-empty pattern such as "/help/**"',
      'rules.urls.exclude[2]: "/faq#top" contains "#", but the hash is never part of the matched URL',
    ]);
  });

  it('rejects a time zone Intl does not know, and requires one', () => {
    expect(validateDisplayRules(schedule({ timeZone: 'Mars/Olympus' }))).toEqual([
      'rules.schedule.timeZone: "Mars/Olympus" is not an IANA time zone (such as "Australia/Sydney")',
    ]);
    expect(validateDisplayRules(schedule({ timeZone: 10 }))).toEqual([
      'rules.schedule.timeZone: 10 is not an IANA time zone (such as "Australia/Sydney")',
    ]);
    expect(validateDisplayRules(schedule({ timeZone: undefined }))).toEqual([
      'rules.schedule.timeZone: required, an IANA time zone such as "Australia/Sydney"',
    ]);
  });

  it('requires weekly hours keyed by three-letter weekdays', () => {
    expect(validateDisplayRules(schedule({ weekly: undefined }))[0]).toMatch(/^rules\.schedule\.weekly: required/);
    expect(validateDisplayRules(weekly([]))).toEqual(['rules.schedule.weekly: expected an object of weekdays']);
    expect(validateDisplayRules(weekly({ monday: [], tue: {} }))).toEqual([
      'rules.schedule.weekly.monday: unknown weekday (expected mon, tue, wed, thu, fri, sat, sun)',
      'rules.schedule.weekly.tue: expected an array of { "from": "HH:MM", "to": "HH:MM" }',
    ]);
  });

  it('requires "HH:MM" times, allowing "24:00" only as an end', () => {
    expect(
      validateDisplayRules(
        weekly({
          mon: [{ from: '9:00', to: '17:00' }],
          tue: [{ from: '24:00', to: '24:00' }],
          wed: [{ from: '09:00', to: '24:01' }],
          thu: [{ to: '12:60' }],
          fri: ['09:00-17:00'],
        }),
      ),
    ).toEqual([
      'rules.schedule.weekly.mon[0].from: expected "HH:MM" from 00:00 to 23:59, got "9:00"',
      'rules.schedule.weekly.tue[0].from: expected "HH:MM" from 00:00 to 23:59, got "24:00"',
      'rules.schedule.weekly.wed[0].to: expected "HH:MM" from 00:00 to 24:00, got "24:01"',
      'rules.schedule.weekly.thu[0].from: expected "HH:MM" from 00:00 to 23:59, got nothing',
      'rules.schedule.weekly.thu[0].to: expected "HH:MM" from 00:00 to 24:00, got "12:60"',
      'rules.schedule.weekly.fri[0]: expected an object',
    ]);
  });

  it('requires "from" before "to" within a day', () => {
    expect(validateDisplayRules(weekly({ mon: [{ from: '09:00', to: '17:00' }, { from: '22:00', to: '06:00' }] }))).toEqual([
      'rules.schedule.weekly.mon[1]: from "22:00" must be before to "06:00" (an interval cannot pass midnight: split it in two days)',
    ]);
    expect(validateDisplayRules(weekly({ mon: [{ from: '09:00', to: '09:00' }] }))).toHaveLength(1);
  });

  it('takes showNextOpening as true or false only', () => {
    expect(validateDisplayRules(schedule({ showNextOpening: true }))).toEqual([]);
    expect(validateDisplayRules(schedule({ showNextOpening: 'yes' }))).toEqual(['rules.schedule.showNextOpening: expected true or false']);
  });

  it('requires holidays to be real dates written "YYYY-MM-DD"', () => {
    expect(validateDisplayRules(schedule({ holidays: '2026-12-25' }))).toEqual([
      'rules.schedule.holidays: expected an array of dates "YYYY-MM-DD"',
    ]);
    expect(validateDisplayRules(schedule({ holidays: ['2026-12-25', '2026-02-29', '2026-2-3', '25/12/2026', 20261225] }))).toEqual([
      'rules.schedule.holidays[1]: "2026-02-29" is not a date "YYYY-MM-DD"',
      'rules.schedule.holidays[2]: "2026-2-3" is not a date "YYYY-MM-DD"',
      'rules.schedule.holidays[3]: "25/12/2026" is not a date "YYYY-MM-DD"',
      'rules.schedule.holidays[4]: 20261225 is not a date "YYYY-MM-DD"',
    ]);
  });

  it('starts every problem with a field path free of ":" so it can serve as an error code', () => {
    const problems = validateDisplayRules(
      { schedule: { timeZone: 'Nowhere', weekly: { mon: [{ from: 'x', to: 'y' }] }, holidays: ['x'] } },
      'config.rules',
    );
    expect(problems.length).toBe(4);
    for (const problem of problems) expect(problem).toMatch(/^config\.rules\.schedule\.[A-Za-z.[\]0-9]+: /);
  });
});
