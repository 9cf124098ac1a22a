import { describe, expect, it } from 'vitest';
import type { DisplayRules } from '../../../../src/browser/config/instance-config.types';
import { nextChange, rulesAllow } from '../../../../src/browser/rules/display-rules';

const rules: DisplayRules = {
  urls: { include: ['/help/**'], exclude: ['/help/internal/**'] },
  schedule: {
    timeZone: 'Australia/Sydney',
    weekly: { mon: [{ from: '09:00', to: '17:00' }] },
    holidays: ['2026-06-29'],
  },
};
const mondayMorning = Date.UTC(2026, 5, 21, 23, 30); // Mon 22 June 09:30 AEST
const sundayNight = Date.UTC(2026, 5, 21, 12); // Sun 21 June 22:00 AEST

describe('rulesAllow', () => {
  it('allows every page at every time without rules', () => {
    expect(rulesAllow(undefined, 'https://example.com/anything', sundayNight)).toBe(true);
    expect(rulesAllow({}, 'https://example.com/anything', sundayNight)).toBe(true);
  });

  it('allows an included page while the schedule is open', () => {
    expect(rulesAllow(rules, 'https://example.com/help/faq', mondayMorning)).toBe(true);
  });

  it('refuses an included page while the schedule is closed', () => {
    expect(rulesAllow(rules, 'https://example.com/help/faq', sundayNight)).toBe(false);
  });

  it('refuses an excluded or not-included page even while open', () => {
    expect(rulesAllow(rules, 'https://example.com/help/internal/x', mondayMorning)).toBe(false);
    expect(rulesAllow(rules, 'https://example.com/checkout', mondayMorning)).toBe(false);
  });

  it('applies only the URL rules when there is no schedule, and only the schedule when there are no URL rules', () => {
    expect(rulesAllow({ urls: rules.urls }, 'https://example.com/help', sundayNight)).toBe(true);
    expect(rulesAllow({ schedule: rules.schedule }, 'https://example.com/checkout', mondayMorning)).toBe(true);
  });
});

describe('nextChange', () => {
  it('never changes by time alone without a schedule', () => {
    expect(nextChange(undefined, sundayNight)).toBeNull();
    expect(nextChange({ urls: rules.urls }, sundayNight)).toBeNull();
  });

  it('is the next opening or closing of the schedule', () => {
    expect(nextChange(rules, sundayNight)).toBe(Date.UTC(2026, 5, 21, 23)); // Mon 09:00 AEST
    expect(nextChange(rules, mondayMorning)).toBe(Date.UTC(2026, 5, 22, 7)); // Mon 17:00 AEST
  });

  it('skips a holiday Monday to the next Monday', () => {
    const mondayEvening = Date.UTC(2026, 5, 22, 7);
    expect(nextChange(rules, mondayEvening)).toBe(Date.UTC(2026, 6, 5, 23)); // Mon 6 July 09:00 AEST
  });
});
