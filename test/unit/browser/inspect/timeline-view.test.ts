import { describe, expect, it } from 'vitest';
import { formatOffset, formatTime, visibleRows } from '../../../../visualizer/timeline-view';

describe('the timeline virtual list', () => {
  it('draws only the rows in view plus a margin, whatever the length', () => {
    expect(visibleRows(0, 260, 26, 1000)).toEqual({ first: 0, end: 18 });
    expect(visibleRows(26 * 500, 260, 26, 1000)).toEqual({ first: 492, end: 518 });
    expect(visibleRows(26 * 995, 260, 26, 1000)).toEqual({ first: 987, end: 1000 });
    expect(visibleRows(0, 260, 26, 3)).toEqual({ first: 0, end: 3 });
    expect(visibleRows(0, 260, 26, 0)).toEqual({ first: 0, end: 0 });
    const big = visibleRows(26 * 50_000, 260, 26, 100_000);
    expect(big.end - big.first).toBeLessThanOrEqual(26);
  });

  it('shows times to the millisecond and offsets from the first entry', () => {
    expect(formatTime(Date.UTC(2026, 0, 5, 9, 30, 15, 42))).toMatch(/^\d\d:30:15\.042$/);
    expect(formatTime(undefined)).toBe('—');
    expect(formatOffset(2_500, 1_000)).toBe('+1.500 s');
    expect(formatOffset(undefined, 1_000)).toBe('');
  });
});
