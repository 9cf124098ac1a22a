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
