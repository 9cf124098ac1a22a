import type { SaEvent, SaEventType } from '../../../machines/chat.types';

export type SaEventListener = (event: SaEvent) => void;

export interface SubscribeOptions {
  /**
   * Deliver only these types (history and live).
   * @default every type
   */
  types?: readonly SaEventType[];
  /**
   * Deliver the history since page load first.
   * @default true
   */
  replay?: boolean;
}

/** What a page sees as `window.saEvents`. */
export interface SaEvents {
  /** Delivers every entry since page load (synchronously, in order), then each new one. Returns unsubscribe. */
  subscribe(listener: SaEventListener, options?: SubscribeOptions): () => void;
  /** A copy of every entry since page load, oldest first. */
  history(): SaEvent[];
}

export interface ReplayLog extends SaEvents {
  append(event: SaEvent): void;
}

/**
 * A call to `saEvents.subscribe` that cannot work: the listener is not a function, or the options are not
 * `{ types?: string[], replay?: boolean }`. Thrown at the call, so the mistake shows where it was made.
 */
export class SaEventsSubscribeError extends TypeError {
  override readonly name = 'SaEventsSubscribeError';
  constructor(
    /** `saEvents.subscribe.listener` or `saEvents.subscribe.options`. */
    readonly code: 'saEvents.subscribe.listener' | 'saEvents.subscribe.options',
    message: string,
  ) {
    super(message);
  }
}

/** A short description of a value for an error message: `undefined`, `"bogus"`, `an object`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined || typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** @throws SaEventsSubscribeError when `subscribe` was not given a function and valid options. */
export function checkSubscribeArguments(listener: unknown, options: unknown): asserts listener is SaEventListener {
  if (typeof listener !== 'function') {
    throw new SaEventsSubscribeError(
      'saEvents.subscribe.listener',
      `saEvents.subscribe expects a function, got ${describeValue(listener)}.`,
    );
  }
  if (options === undefined || options === null) return;
  if (typeof options !== 'object') {
    throw new SaEventsSubscribeError('saEvents.subscribe.options', `saEvents.subscribe options must be an object like { types: ['CONTACT_STARTED'] }, got ${describeValue(options)}.`);
  }
  const { types } = options as SubscribeOptions;
  if (types !== undefined && !Array.isArray(types)) {
    throw new SaEventsSubscribeError('saEvents.subscribe.options', `saEvents.subscribe options.types must be a list of event types, got ${describeValue(types)}.`);
  }
}

interface Subscription {
  listener: SaEventListener;
  accepts: (event: SaEvent) => boolean;
  active: boolean;
}

/** Reports a throwing subscriber without letting it reach the other subscribers or the chat. */
export type ErrorReporter = (error: unknown) => void;

const reportToConsole: ErrorReporter = (error) => console.error('[connect-webchat] an saEvents subscriber threw:', error);

/**
 * The saEvents replay log: an append-only list of frozen entries and the subscribers that receive them.
 *
 * Entries are frozen (deeply: `data` too) so one subscriber cannot corrupt what another receives.
 * Delivery of a live entry that is appended *by* a subscriber is queued until the current delivery
 * finishes, so every subscriber sees entries in the same order.
 */
export function createReplayLog(report: ErrorReporter = reportToConsole): ReplayLog {
  const entries: SaEvent[] = [];
  const subscriptions: Subscription[] = [];
  const pending: SaEvent[] = [];
  let delivering = false;

  function deliver(subscription: Subscription, event: SaEvent): void {
    if (!subscription.active || !subscription.accepts(event)) return;
    try {
      subscription.listener(event);
    } catch (error) {
      report(error);
    }
  }

  function drain(): void {
    delivering = true;
    try {
      for (let event = pending.shift(); event; event = pending.shift()) {
        // A snapshot of the list: subscribers added during delivery got this entry through their replay.
        for (const subscription of subscriptions.slice()) deliver(subscription, event);
      }
    } finally {
      delivering = false;
    }
  }

  return {
    append(event) {
      const frozen = Object.freeze({ type: event.type, data: Object.freeze({ ...event.data }), timestamp: event.timestamp }) as SaEvent;
      entries.push(frozen);
      pending.push(frozen);
      if (!delivering) drain();
    },

    subscribe(listener, options) {
      checkSubscribeArguments(listener, options);
      options ??= {};
      const types = options.types ? new Set<string>(options.types) : undefined;
      const subscription: Subscription = {
        listener,
        accepts: types ? (event) => types.has(event.type) : () => true,
        active: true,
      };
      // Replay only what has already been delivered live; entries still pending reach it with everyone else.
      const delivered = entries.length - pending.length;
      if (options.replay !== false) {
        for (const event of entries.slice(0, delivered)) deliver(subscription, event);
      }
      subscriptions.push(subscription);
      return () => {
        subscription.active = false;
        const index = subscriptions.indexOf(subscription);
        if (index >= 0) subscriptions.splice(index, 1);
      };
    },

    history() {
      return entries.slice();
    },
  };
}
