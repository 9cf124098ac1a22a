import type { DisplayRules } from './rules.types';
import { nextScheduleChange, scheduleOpen } from './schedule';
import { urlAllowed } from './url-rules';

/**
 * Whether the start-chat button may be offered on page `url` at instant `now` (epoch ms): the URL passes
 * `rules.urls` and `rules.schedule` is open. No rules means every page, at every time.
 */
export function rulesAllow(rules: DisplayRules | undefined, url: string | URL, now: number): boolean {
  return urlAllowed(rules?.urls, url) && scheduleOpen(rules?.schedule, now);
}

/**
 * The next instant after `now` at which {@link rulesAllow} may answer differently for the same URL, or
 * `null` if time alone never changes it. Only the schedule depends on time; a URL change is an event the
 * caller reacts to, so one timer set to this instant replaces polling.
 */
export function nextChange(rules: DisplayRules | undefined, now: number): number | null {
  return nextScheduleChange(rules?.schedule, now);
}

/**
 * When the chat next opens, for the out-of-hours notice: the instant the schedule next opens, if the schedule
 * (not the URL rules) is what keeps the chat closed on page `url` at `now` and the schedule asks to show it
 * (`showNextOpening`); otherwise `null`, as when the schedule never opens again.
 */
export function nextOpening(rules: DisplayRules | undefined, url: string | URL, now: number): number | null {
  const schedule = rules?.schedule;
  if (!schedule?.showNextOpening || !urlAllowed(rules?.urls, url) || scheduleOpen(schedule, now)) return null;
  return nextScheduleChange(schedule, now);
}
