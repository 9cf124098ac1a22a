import type { SaEventListener, SaEvents, SubscribeOptions } from './replay-log';

/**
 * The one-line stub a site may put before the async script so `saEvents.subscribe` works at once
 * (the same idea as GTM's `dataLayer`). Documented in README; kept here so tests use the exact text.
 *
 * Each queued entry is `[listener, options, cancelled, unsubscribe]`: the stub's unsubscribe marks it
 * cancelled, and once the runtime has taken the queue over it also calls the real unsubscribe.
 */
export const PRELOAD_STUB =
  'window.saEvents=window.saEvents||{q:[],subscribe:function(f,o){var e=[f,o,0];this.q.push(e);return function(){e[2]=1;e[3]&&e[3]()}}};';

type QueuedSubscription = [SaEventListener, SubscribeOptions | undefined, 0 | 1, (() => void)?];

interface PreloadStub {
  q: QueuedSubscription[];
}

function isPreloadStub(value: unknown): value is PreloadStub {
  return typeof value === 'object' && value !== null && Array.isArray((value as PreloadStub).q);
}

/**
 * Makes `saEvents` the page's `window.saEvents`, taking over subscriptions queued by the stub.
 * Each queued subscriber gets the whole history first, like any late subscriber.
 */
export function installSaEvents(target: { saEvents?: unknown }, saEvents: SaEvents): void {
  const previous = target.saEvents;
  target.saEvents = saEvents;
  if (!isPreloadStub(previous)) return;
  for (const entry of previous.q) {
    if (entry[2]) continue;
    entry[3] = saEvents.subscribe(entry[0], entry[1]);
  }
  // Anything that still calls the old stub object reaches the real log.
  previous.q.length = 0;
  (previous as unknown as SaEvents).subscribe = saEvents.subscribe;
  (previous as unknown as SaEvents).history = saEvents.history;
}
