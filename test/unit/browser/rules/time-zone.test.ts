import { describe, expect, it } from 'vitest';
import { isTimeZone, nextOffsetChange, wallTime } from '../../../../src/browser/rules/time-zone';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('isTimeZone', () => {
  it('accepts IANA names and UTC', () => {
    expect(isTimeZone('Australia/Sydney')).toBe(true);
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
  });

  it('refuses names Intl does not know', () => {
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone('Sydney')).toBe(false);
  });
});

describe('wallTime', () => {
  it('reads the local clock as epoch-style milliseconds, to the millisecond', () => {
    const t = Date.UTC(2026, 5, 15, 23, 30, 15, 250);
    expect(wallTime('Australia/Sydney', t)).toBe(Date.UTC(2026, 5, 16, 9, 30, 15, 250));
    expect(wallTime('America/New_York', t)).toBe(Date.UTC(2026, 5, 15, 19, 30, 15, 250));
  });

  it('reads midnight as hour 0 of the new day', () => {
    expect(wallTime('UTC', Date.UTC(2026, 0, 2))).toBe(Date.UTC(2026, 0, 2));
  });

  it('reads instants before 1970 correctly', () => {
    const t = Date.UTC(1960, 0, 1, 12, 0, 0, 999) ;
    expect(wallTime('UTC', t)).toBe(t);
  });
});

describe('nextOffsetChange', () => {
  it('finds the exact instant Sydney falls back and springs forward in 2026', () => {
    expect(nextOffsetChange('Australia/Sydney', Date.UTC(2026, 2, 1), Date.UTC(2026, 5, 1))).toBe(Date.UTC(2026, 3, 4, 16));
    expect(nextOffsetChange('Australia/Sydney', Date.UTC(2026, 5, 1), Date.UTC(2026, 11, 1))).toBe(Date.UTC(2026, 9, 3, 16));
  });

  it('finds the exact instant New York springs forward and falls back in 2026', () => {
    expect(nextOffsetChange('America/New_York', Date.UTC(2026, 0, 1), Date.UTC(2026, 5, 1))).toBe(Date.UTC(2026, 2, 8, 7));
    expect(nextOffsetChange('America/New_York', Date.UTC(2026, 5, 1), Date.UTC(2026, 11, 1))).toBe(Date.UTC(2026, 10, 1, 6));
  });

  it('finds a change exactly at the end of the span, and none after it', () => {
    const change = Date.UTC(2026, 2, 8, 7);
    expect(nextOffsetChange('America/New_York', change - DAY, change)).toBe(change);
    expect(nextOffsetChange('America/New_York', change - DAY, change - 1)).toBeNull();
  });

  it('is null in a zone without daylight saving time', () => {
    expect(nextOffsetChange('Asia/Kolkata', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1))).toBeNull();
  });
});
