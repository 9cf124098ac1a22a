import type { UiText } from '../config/instance-config.types';

export type OpeningText = Pick<UiText, 'chatOpensToday' | 'chatOpensTomorrow' | 'chatOpensOn'>;

const DAY_MS = 86_400_000;

/** The calendar day of instant `at` in `timeZone` (the visitor's when undefined), as days since 1970-01-01. */
function calendarDay(at: number, timeZone: string | undefined): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((entry) => entry.type === type)!.value);
  return Date.UTC(part('year'), part('month') - 1, part('day')) / DAY_MS;
}

/**
 * "Chat opens today at 2:00 PM", "… tomorrow at …", "… Monday at …" (with the date when it is a week or more
 * away, say after a run of holidays): the instant `opening` seen from `now` in language `lang` and the
 * visitor's time zone, which is the browser's unless `timeZone` says otherwise (tests).
 */
export function openingWords(opening: number, now: number, text: OpeningText, lang: string, timeZone?: string): string {
  const zone = timeZone === undefined ? {} : { timeZone };
  const days = calendarDay(opening, timeZone) - calendarDay(now, timeZone);
  const time = new Intl.DateTimeFormat(lang, { ...zone, hour: 'numeric', minute: '2-digit' }).format(opening);
  const template = days <= 0 ? text.chatOpensToday : days === 1 ? text.chatOpensTomorrow : text.chatOpensOn;
  const dayOptions: Intl.DateTimeFormatOptions = days > 6 ? { weekday: 'long', day: 'numeric', month: 'long' } : { weekday: 'long' };
  const day = new Intl.DateTimeFormat(lang, { ...zone, ...dayOptions }).format(opening);
  // Functions, so a `$` in a site's own text is not read as a replacement pattern.
  return template.replace('{day}', () => day).replace('{time}', () => time);
}
