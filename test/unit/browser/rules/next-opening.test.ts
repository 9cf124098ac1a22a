import { describe, expect, it } from 'vitest';
import type { DisplayRules, Schedule } from '../../../../src/browser/config/instance-config.types';
import { nextOpening } from '../../../../src/browser/rules/display-rules';

const weekdays = (from: string, to: string): Schedule['weekly'] =>
  Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, [{ from, to }]]));

/** Weekdays 09:00–17:00 in Sydney (AEST, UTC+10 in June), closed on Monday 29 June 2026. */
const sydney: DisplayRules = {
  urls: { exclude: ['/checkout'] },
  schedule: { timeZone: 'Australia/Sydney', weekly: weekdays('09:00', '17:00'), holidays: ['2026-06-29'], showNextOpening: true },
};
const PAGE = 'https://shop.example/help';

describe('nextOpening', () => {
  it('is later the same day before the doors open', () => {
    // Mon 22 June 07:00 AEST → 09:00 AEST.
    expect(nextOpening(sydney, PAGE, Date.UTC(2026, 5, 21, 21))).toBe(Date.UTC(2026, 5, 21, 23));
  });

  it('is the next morning after closing time', () => {
    // Mon 22 June 20:00 AEST → Tue 23 June 09:00 AEST.
    expect(nextOpening(sydney, PAGE, Date.UTC(2026, 5, 22, 10))).toBe(Date.UTC(2026, 5, 22, 23));
  });

  it('waits over the weekend to Monday', () => {
    // Fri 19 June 18:00 AEST → Mon 22 June 09:00 AEST.
    expect(nextOpening(sydney, PAGE, Date.UTC(2026, 5, 19, 8))).toBe(Date.UTC(2026, 5, 21, 23));
  });

  it('skips a holiday Monday to Tuesday', () => {
    // Fri 26 June 18:00 AEST; Monday 29 June is a holiday → Tue 30 June 09:00 AEST.
    expect(nextOpening(sydney, PAGE, Date.UTC(2026, 5, 26, 8))).toBe(Date.UTC(2026, 5, 29, 23));
  });

  it('opens at the local hour across a daylight-saving change', () => {
    const newYork: DisplayRules = {
      schedule: { timeZone: 'America/New_York', weekly: weekdays('09:00', '17:00'), showNextOpening: true },
    };
    // Fri 6 March 2026 18:00 EST (UTC-5); clocks spring forward on Sunday 8 March → Mon 9 March 09:00 EDT (UTC-4).
    expect(nextOpening(newYork, PAGE, Date.UTC(2026, 2, 6, 23))).toBe(Date.UTC(2026, 2, 9, 13));
  });

  it('is null when the schedule never opens again', () => {
    const never: DisplayRules = { schedule: { timeZone: 'Australia/Sydney', weekly: {}, showNextOpening: true } };
    expect(nextOpening(never, PAGE, Date.UTC(2026, 5, 19, 8))).toBeNull();
  });

  it('is null while open, when the URL rules hide the chat, or when the instance does not show it', () => {
    expect(nextOpening(sydney, PAGE, Date.UTC(2026, 5, 22, 0))).toBeNull();
    expect(nextOpening(sydney, 'https://shop.example/checkout', Date.UTC(2026, 5, 19, 8))).toBeNull();
    const silent: DisplayRules = { schedule: { ...sydney.schedule!, showNextOpening: false } };
    expect(nextOpening(silent, PAGE, Date.UTC(2026, 5, 19, 8))).toBeNull();
    expect(nextOpening(undefined, PAGE, Date.UTC(2026, 5, 19, 8))).toBeNull();
  });
});
