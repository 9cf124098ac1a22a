/** The display rules of an instance: when and where the start-chat button is offered. */

/** A time of day in the instance's time zone, `"HH:MM"` (24-hour clock, `"24:00"` allowed as an end). */
export type ClockTime = string;

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** One opening interval within a day, `from` inclusive, `to` exclusive. */
export interface OpeningHours {
  from: ClockTime;
  to: ClockTime;
}

/** When the start-chat button may be offered. */
export interface Schedule {
  /** IANA time zone the hours are written in, e.g. `"Australia/Sydney"`. */
  timeZone: string;
  /** Opening hours per weekday; a day that is missing is closed. */
  weekly: Partial<Record<Weekday, OpeningHours[]>>;
  /**
   * Whole days (`"YYYY-MM-DD"`, local to `timeZone`) on which the chat is closed.
   * @default []
   */
  holidays?: string[];
  /**
   * While the schedule keeps the chat closed, show a small notice where the launcher would be, with the next
   * opening in the visitor's language and time zone ("Chat opens Monday at 9:00 AM").
   * @default false (the start button just is not there)
   */
  showNextOpening?: boolean;
}

/** Which pages offer the chat. A pattern starting with `/` matches the path; otherwise the full URL. */
export interface UrlRules {
  /**
   * Glob patterns (`*` within a segment, `**` across segments, `?` one character).
   * @default ["/**"] (every page)
   */
  include?: string[];
  /**
   * Patterns that win over `include`.
   * @default []
   */
  exclude?: string[];
}

export interface DisplayRules {
  /** @default every page */
  urls?: UrlRules;
  /** @default always open */
  schedule?: Schedule;
}
