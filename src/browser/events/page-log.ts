import type { SaEvent } from '../../../machines/chat.types';
import { installSaEvents } from './preload-stub';
import { createReplayLog, type SaEvents } from './replay-log';

/**
 * Where the page's `window.saEvents` keeps its append function, for the next runtime of the same page.
 * A registered symbol, so a second copy of the script (added after `destroy()`) finds it too; not
 * enumerable, so the facade still shows only `subscribe` and `history`.
 */
const PAGE_LOG_APPEND = Symbol.for('connect-webchat.saEvents.append');

type Append = (event: SaEvent) => void;

function appendOf(value: unknown): Append | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const append = (value as { [PAGE_LOG_APPEND]?: unknown })[PAGE_LOG_APPEND];
  return typeof append === 'function' ? (append as Append) : undefined;
}

/**
 * The page's saEvents log: one for the page's lifetime ("every event since page load"), installed as
 * `window.saEvents` by the first runtime (taking over the pre-load stub's queue) and reused by every later
 * runtime of the page. Returns the function that appends to it.
 */
export function pageLog(target: { saEvents?: unknown }): Append {
  const existing = appendOf(target.saEvents);
  if (existing) return existing;
  const log = createReplayLog();
  const facade: SaEvents = { subscribe: log.subscribe, history: log.history };
  Object.defineProperty(facade, PAGE_LOG_APPEND, { value: log.append });
  installSaEvents(target, facade);
  return log.append;
}

/**
 * Carries a runtime's own saEvents into the page's log: its entries so far, then each new one, after those
 * of earlier runtimes of the page. Returns the function that disconnects it (after `destroy()`).
 */
export function connectToPageLog(target: { saEvents?: unknown }, runtimeEvents: SaEvents): () => void {
  return runtimeEvents.subscribe(pageLog(target));
}
