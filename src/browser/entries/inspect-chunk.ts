/**
 * The inspector chunk (`dist/webchat-inspect.js`), loaded by the first script only when inspection is
 * asked for (`data-inspect` or `?webchat-inspect`, see `inspect-hook.ts`). It opens an inspector window
 * with `@statelyai/inspect`'s `createBrowserInspector`, masks credentials before anything is posted, and
 * forwards the saEvents replay log on the same channel (see `inspect-protocol.ts`).
 */
import { createBrowserInspector } from '@statelyai/inspect';
import type { AnyEventObject, InspectionEvent } from 'xstate';
import type { SaEvents } from '../events/replay-log';
import type { InspectObserver } from '../inspect/inspect-hook';
import { INSPECT_DEPTH_LIMIT, SA_EVENTS_SESSION_ID } from '../inspect/inspect-protocol';
import { maskSecrets } from '../inspect/mask-secrets';

export interface InspectorConnectionOptions {
  /** The inspector page to open: our visualizer (`<origin>/visualizer/`) or e.g. `https://stately.ai/inspect`. */
  url: string;
  /** The runtime's saEvents log; read once the chat actor has registered. */
  events: () => SaEvents;
  /** @default globalThis.window */
  window?: Window;
  /**
   * Inspection messages kept for an inspector window that (re)connects later, e.g. after a reload.
   * @default 1000
   */
  keep?: number;
}

export interface InspectModule {
  connectInspector(options: InspectorConnectionOptions): InspectObserver;
}

/**
 * Opens the inspector and returns the `inspect` callback for the chat actor. The callback never throws
 * (an inspector problem must not reach the machine): failures are reported once on the console.
 */
export function connectInspector(options: InspectorConnectionOptions): InspectObserver {
  const win = options.window ?? window;
  const inspector = createBrowserInspector({
    url: options.url,
    window: win,
    maxDeferredEvents: options.keep ?? 1000,
    serializationDepthLimit: INSPECT_DEPTH_LIMIT,
    sanitizeContext: maskSecrets,
    sanitizeEvent: (event: AnyEventObject) => maskSecrets(event),
  });
  // `@statelyai/inspect` converts XState's events when the browser is idle; saEvents entries take the
  // same queue so they arrive after the snapshot that emitted them.
  const later: (callback: () => void) => void = (callback) => (win.requestIdleCallback ?? win.requestAnimationFrame).call(win, callback);
  let chatSessionId: string | undefined;
  let failed = false;

  function forwardSaEvents(): void {
    later(() => inspector.actor(SA_EVENTS_SESSION_ID, { status: 'active', context: {} }));
    options.events().subscribe((entry) => {
      later(() => inspector.event(SA_EVENTS_SESSION_ID, entry, chatSessionId ? { source: chatSessionId } : {}));
    });
  }

  return (event: InspectionEvent) => {
    try {
      if (!chatSessionId && event.type === '@xstate.actor') {
        chatSessionId = event.actorRef.sessionId;
        forwardSaEvents();
      }
      // The chat actor only (the first to register): its own actors are implementation, and their input
      // (the session's contact, with its participant token) is neither context nor event, so it is not masked.
      if (event.actorRef.sessionId === chatSessionId) inspector.inspect.next?.(event);
    } catch (error) {
      if (!failed) console.error('[connect-webchat] the inspector failed; the chat goes on without it', error);
      failed = true;
    }
  };
}
