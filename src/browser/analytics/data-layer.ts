import type { SaEvent, SaEventType } from '../../../machines/chat.types';
import type { SaEvents } from '../events/replay-log';
import { reportError } from '../platform/report';
import type { AnalyticsTarget } from './analytics.types';

/** The custom event name a GTM trigger listens for. */
export const DATA_LAYER_EVENT = 'webchat';

/** One saEvents entry as GTM sees it: `event` for triggers, the entry's type and data as data-layer variables. */
export interface DataLayerEntry {
  event: typeof DATA_LAYER_EVENT;
  webchatEvent: SaEventType;
  /** Epoch ms when the chat event happened (not when GTM read it). */
  webchatTimestamp: number;
  /** The entry's `data`: `chatInstanceName`, `contactId`, `inferred`. */
  [field: string]: unknown;
}

export function toDataLayerEntry(entry: SaEvent): DataLayerEntry {
  return { event: DATA_LAYER_EVENT, webchatEvent: entry.type, ...entry.data, webchatTimestamp: entry.timestamp };
}

/**
 * Pushes every saEvents entry, history first, to `window.dataLayer` (created as `[]` if absent, as GTM's own
 * snippet does, so a container that loads later still reads them). Looks the layer up again for each entry,
 * because GTM swaps in its own `push` once it loads. Returns the unsubscribe function.
 */
export function bridgeToDataLayer(events: Pick<SaEvents, 'subscribe'>, win: AnalyticsTarget): () => void {
  return events.subscribe((entry) => {
    win.dataLayer ??= [];
    const layer = win.dataLayer as { push?: unknown };
    if (typeof layer.push !== 'function') {
      reportError('window.dataLayer is not an array (it has no push()): chat events are not sent to the tag manager');
      return;
    }
    layer.push(toDataLayerEntry(entry));
  });
}
