import type { PanelMessage } from './chat-panel.types';
import type { UiText } from '../config/instance-config.types';

/** Messages from one sender closer together than this share one name, avatar and time. */
const GROUP_GAP_MS = 5 * 60_000;

/** One row of the conversation list: a message, a date separator, or the "New messages" divider. */
export type TimelineRow =
  | { kind: 'day'; key: string; label: string }
  | { kind: 'unread'; key: string }
  | {
      kind: 'message';
      key: string;
      message: PanelMessage;
      /** First of a run by one sender: shows the name and avatar. */
      groupStart: boolean;
      /** Last of a run by one sender: shows the time. */
      groupEnd: boolean;
    };

export interface TimelineOptions {
  text: Pick<UiText, 'today' | 'yesterday'>;
  /** BCP 47 tag for dates and times; undefined: the browser's. */
  locale: string | undefined;
  /** Epoch ms, for "Today" and "Yesterday". */
  now: number;
  firstUnreadId?: string | undefined;
}

const formats = new Map<string, Intl.DateTimeFormat>();
/** One formatter per locale and style: building them is slow, and a long chat formats hundreds of times. */
function format(locale: string | undefined, style: 'time' | 'date' | 'dateYear' | 'full', at: number): string {
  const key = `${locale ?? ''}|${style}`;
  let formatter = formats.get(key);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions =
      style === 'time' ? { hour: 'numeric', minute: '2-digit' }
      : style === 'date' ? { weekday: 'long', day: 'numeric', month: 'long' }
      : style === 'dateYear' ? { day: 'numeric', month: 'long', year: 'numeric' }
      : { dateStyle: 'medium', timeStyle: 'short' };
    try {
      formatter = new Intl.DateTimeFormat(locale, options);
    } catch {
      formatter = new Intl.DateTimeFormat(undefined, options); // a malformed lang on the page
    }
    formats.set(key, formatter);
  }
  return formatter.format(at);
}

/** "10:42" or "10:42 AM", as the UI language writes a time of day. */
export const timeOfDay = (at: number, locale: string | undefined) => format(locale, 'time', at);
/** Date and time, for the transcript download. */
export const dateAndTime = (at: number, locale: string | undefined) => format(locale, 'full', at);

/** The local calendar day of `at`, as a comparable number. */
function dayOf(at: number): number {
  const date = new Date(at);
  return date.getFullYear() * 10_000 + date.getMonth() * 100 + date.getDate();
}

/** "Today", "Yesterday", "Monday 3 November", or with the year when it is not this year. */
export function dayLabel(at: number, { now, locale, text }: Pick<TimelineOptions, 'now' | 'locale' | 'text'>): string {
  const day = dayOf(at);
  if (day === dayOf(now)) return text.today;
  const yesterday = new Date(now);
  yesterday.setDate(yesterday.getDate() - 1);
  if (day === dayOf(yesterday.getTime())) return text.yesterday;
  return format(locale, new Date(at).getFullYear() === new Date(now).getFullYear() ? 'date' : 'dateYear', at);
}

/** Two messages belong to one run: same person, same kind, close in time. System lines never group. */
function sameRun(a: PanelMessage, b: PanelMessage): boolean {
  return a.role === b.role && a.role !== 'SYSTEM' && a.displayName === b.displayName && Math.abs(b.at - a.at) < GROUP_GAP_MS;
}

/**
 * The list's rows for `messages`: a date separator where the day changes, the "New messages" divider above
 * `firstUnreadId`, and each message marked as the start or end of a run by one sender.
 */
export function timeline(messages: readonly PanelMessage[], options: TimelineOptions): TimelineRow[] {
  const rows: TimelineRow[] = [];
  let previous: PanelMessage | undefined;
  let last: Extract<TimelineRow, { kind: 'message' }> | undefined;
  for (const message of messages) {
    const newDay = !previous || dayOf(previous.at) !== dayOf(message.at);
    const unread = message.id === options.firstUnreadId;
    if (newDay) rows.push({ kind: 'day', key: `day-${message.id}`, label: dayLabel(message.at, options) });
    if (unread) rows.push({ kind: 'unread', key: 'unread' });
    const continues = !newDay && !unread && previous !== undefined && sameRun(previous, message);
    if (last && !continues) last.groupEnd = true;
    last = { kind: 'message', key: message.id, message, groupStart: !continues, groupEnd: false };
    rows.push(last);
    previous = message;
  }
  if (last) last.groupEnd = true;
  return rows;
}
