import { reportError } from '../platform/report';
import { describeValue, type SaEventListener, type SaEvents, type SubscribeOptions } from './replay-log';

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
 *
 * An entry that cannot be a subscription (a listener that is not a function, something pushed onto `q` by
 * hand that is not `[listener, options]`) is reported once on the console and skipped: the other queued
 * subscribers, and the rest of the script, carry on.
 */
export function installSaEvents(target: { saEvents?: unknown }, saEvents: SaEvents): void {
  const previous = target.saEvents;
  target.saEvents = saEvents;
  if (!isPreloadStub(previous)) return;
  // Anything that still calls the old stub object (a subscriber replaying now included) reaches the real log.
  (previous as unknown as SaEvents).subscribe = saEvents.subscribe;
  (previous as unknown as SaEvents).history = saEvents.history;
  const queued: unknown[] = previous.q.splice(0);
  queued.forEach((entry, index) => takeOver(entry, index, saEvents));
}

function takeOver(entry: unknown, index: number, saEvents: SaEvents): void {
  const where = `saEvents.subscribe before the script loaded (queued entry ${index})`;
  if (!Array.isArray(entry)) {
    reportError(`${where} was skipped: expected [listener, options] as the stub queues it, got ${describeValue(entry)}.`);
    return;
  }
  const subscription = entry as Partial<QueuedSubscription>;
  if (subscription[2]) return; // unsubscribed before the script loaded
  try {
    subscription[3] = saEvents.subscribe(subscription[0]!, subscription[1]);
  } catch (error) {
    reportError(`${where} was skipped: ${error instanceof Error ? error.message : String(error)}`);
  }
}
