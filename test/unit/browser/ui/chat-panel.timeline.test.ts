import { describe, expect, it } from 'vitest';
import { DEFAULT_UI_TEXT } from '../../../../src/browser/config/ui-text';
import { ES_UI_TEXT } from '../../../../src/browser/config/locales/es';
import type { PanelMessage } from '../../../../src/browser/ui/chat-panel.types';
import { dayLabel, timeline, timeOfDay } from '../../../../src/browser/ui/chat-panel.timeline';

const NOW = new Date(2026, 10, 26, 10, 30).getTime();
const MINUTE = 60_000;
let id = 0;
const message = (role: PanelMessage['role'], at: number, displayName = role === 'AGENT' ? 'Alex' : 'Sam'): PanelMessage => ({
  id: `m${++id}`, role, displayName, text: 'x', content: { kind: 'text', text: 'x' }, at,
});
const options = { text: DEFAULT_UI_TEXT, locale: 'en-GB', now: NOW };
/** Each row in short: `day:<label>`, `unread`, or `<role> start/end`. */
const shape = (rows: ReturnType<typeof timeline>) =>
  rows.map((row) => (row.kind === 'day' ? `day:${row.label}` : row.kind === 'unread' ? 'unread' : `${row.message.role}${row.groupStart ? ' start' : ''}${row.groupEnd ? ' end' : ''}`));

describe('timeline', () => {
  it('groups consecutive messages of one sender and puts a date separator where the day changes', () => {
    const rows = timeline([
      message('AGENT', NOW - 26 * 60 * MINUTE),
      message('AGENT', NOW - 10 * MINUTE),
      message('AGENT', NOW - 9 * MINUTE),
      message('CUSTOMER', NOW - 8 * MINUTE),
      message('CUSTOMER', NOW - 7 * MINUTE),
    ], options);
    expect(shape(rows)).toEqual(['day:Yesterday', 'AGENT start end', 'day:Today', 'AGENT start', 'AGENT end', 'CUSTOMER start', 'CUSTOMER end']);
  });

  it('starts a new run after a pause, for another name of the same role, and never groups system lines', () => {
    const rows = timeline([
      message('AGENT', NOW - 30 * MINUTE),
      message('AGENT', NOW - 20 * MINUTE),
      message('AGENT', NOW - 19 * MINUTE, 'Kim'),
      message('SYSTEM', NOW - 18 * MINUTE, ''),
      message('SYSTEM', NOW - 18 * MINUTE, ''),
    ], options);
    expect(shape(rows).slice(1)).toEqual(['AGENT start end', 'AGENT start end', 'AGENT start end', 'SYSTEM start end', 'SYSTEM start end']);
  });

  it('puts the New messages divider above the first unread message and breaks the run there', () => {
    const unread = message('AGENT', NOW - 1 * MINUTE);
    const rows = timeline([message('AGENT', NOW - 2 * MINUTE), unread], { ...options, firstUnreadId: unread.id });
    expect(shape(rows)).toEqual(['day:Today', 'AGENT start end', 'unread', 'AGENT start end']);
  });

  it('keys every row uniquely, days included, even when days come back out of order', () => {
    const rows = timeline([message('AGENT', NOW - 48 * 60 * MINUTE), message('AGENT', NOW), message('AGENT', NOW - 48 * 60 * MINUTE)], options);
    const keys = rows.map((row) => row.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('dayLabel and timeOfDay', () => {
  it('says Today and Yesterday in the UI language, else the date, with the year when it is not this year', () => {
    expect(dayLabel(NOW - MINUTE, options)).toBe('Today');
    expect(dayLabel(NOW - 24 * 60 * MINUTE, { ...options, text: ES_UI_TEXT, locale: 'es' })).toBe('Ayer');
    expect(dayLabel(new Date(2026, 10, 3, 9).getTime(), { ...options, locale: 'es' })).toBe('martes, 3 de noviembre');
    expect(dayLabel(new Date(2025, 0, 9, 9).getTime(), options)).toBe('9 January 2025');
  });

  it('writes the time of day as the locale does, and survives a malformed lang', () => {
    const at = new Date(2026, 10, 26, 14, 5).getTime();
    expect(timeOfDay(at, 'en-US')).toBe('2:05 PM');
    expect(timeOfDay(at, 'de')).toBe('14:05');
    expect(timeOfDay(at, 'not a tag!')).toMatch(/\d{1,2}:05/);
  });
});
