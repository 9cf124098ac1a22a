import type { SaEvent, SaEventType } from '../../../machines/chat.types';
import type { SaEvents } from '../events/replay-log';
import type { AnalyticsTarget } from './analytics.types';

type Gtag = (command: 'event', name: string, parameters: Record<string, unknown>) => void;

/** Entries kept while `gtag` is not defined yet; a page view has a handful, this only bounds a broken page. */
const MAX_WAITING = 50;

/** `CONTACT_STARTED` → `webchat_contact_started` (GA4 event names: letters, digits and `_`, ≤ 40 characters). */
export function gtagEventName(type: SaEventType): string {
  return `webchat_${type.toLowerCase()}`;
}

/**
 * Sends every saEvents entry, history first, to GA4 as `gtag('event', 'webchat_<type>', { ...data })`. `gtag`
 * is looked up for each entry, so a tag that loads late still works: entries that came before it are kept
 * and sent, in order, with the first entry after it appears. Returns the unsubscribe function.
 */
export function bridgeToGtag(events: Pick<SaEvents, 'subscribe'>, win: AnalyticsTarget): () => void {
  const waiting: SaEvent[] = [];
  return events.subscribe((entry) => {
    const gtag = win.gtag;
    if (typeof gtag !== 'function') {
      if (waiting.length < MAX_WAITING) waiting.push(entry);
      return;
    }
    for (const pending of [...waiting.splice(0), entry]) {
      (gtag as Gtag)('event', gtagEventName(pending.type), { ...pending.data });
    }
  });
}
