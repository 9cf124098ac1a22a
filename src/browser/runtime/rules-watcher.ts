import { nextChange, nextOpening, rulesAllow } from '../rules/display-rules';
import type { DisplayRules } from '../rules/rules.types';

/** setTimeout holds at most a signed 32-bit delay; longer waits are re-armed. */
const MAX_TIMER_MS = 2_147_483_647;

export interface RulesWatcherOptions {
  rules: DisplayRules | undefined;
  window: Window;
  now: () => number;
  /**
   * Called with the answer now and each time the URL or the schedule may have changed it; with a refusal, when
   * the chat opens if the schedule is why and the instance shows it (`rules.schedule.showNextOpening`), else null.
   */
  onChange: (allowed: boolean, opensAt: number | null) => void;
}

/**
 * Re-evaluates the display rules when the URL changes (history navigation, hash changes, and same-document
 * navigations through the Navigation API where the browser has it) and when the schedule next opens or
 * closes: one timer, never polling. Returns `{ check, stop }`; `check()` lets single-page apps report a
 * route change themselves.
 */
export function watchDisplayRules({ rules, window: win, now, onChange }: RulesWatcherOptions) {
  let timer: ReturnType<typeof setTimeout> | undefined;

  function arm(): void {
    clearTimeout(timer);
    const next = nextChange(rules, now());
    if (next === null) return;
    timer = setTimeout(check, Math.min(Math.max(next - now(), 0), MAX_TIMER_MS));
  }

  function check(): void {
    const at = now();
    const allowed = rulesAllow(rules, win.location.href, at);
    onChange(allowed, allowed ? null : nextOpening(rules, win.location.href, at));
    arm();
  }

  // The Navigation API reports pushState/replaceState too, without patching the host page's history.
  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  const urlEvents = ['popstate', 'hashchange'] as const;
  for (const type of urlEvents) win.addEventListener(type, check);
  navigation?.addEventListener('navigatesuccess', check);

  check();
  return {
    check,
    stop(): void {
      clearTimeout(timer);
      for (const type of urlEvents) win.removeEventListener(type, check);
      navigation?.removeEventListener('navigatesuccess', check);
    },
  };
}
