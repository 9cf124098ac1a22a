import type { ChatEvent, ContactDetails } from '../../../machines/chat.types';
import type { ResolvedConfig } from '../config/instance-config';
import type { SessionHandlers } from './chat-session';
import { toChatEvent } from './participant-events';
import type { createTranscriptCursor } from './transcript-cursor';
import type { TranscriptItem } from './transcript-item';

export interface SessionEventsOptions {
  contact: ContactDetails;
  config: ResolvedConfig;
  send(event: ChatEvent): void;
  now(): number;
  report(message: string, error?: unknown): void;
}

/**
 * The machine events an item stands for, once: the cursor remembers (across pages) which items have already
 * moved the machine, and event times are the service's, kept non-decreasing and never in this page's future.
 */
export function createItemTranslator(cursor: ReturnType<typeof createTranscriptCursor>, queueMarker: string, now: () => number) {
  let lastAt = now();
  const timeOf = (item: TranscriptItem) => {
    const at = Math.min(Math.max(Date.parse(item.AbsoluteTime) || 0, lastAt), now());
    lastAt = Math.max(lastAt, at);
    return at;
  };
  return (item: TranscriptItem): ChatEvent | undefined => {
    // A persistent chat's past (items sent on an earlier contact carry `RelatedContactId`) is history: shown, never news.
    const event = !item.RelatedContactId && cursor.isNew(item) ? toChatEvent(item, { queueMarker, at: timeOf(item) }) : undefined;
    cursor.advance(item);
    return event;
  };
}

/** What the session's connection does, as machine events (with the customer's words for a give-up). */
export function connectionEvents({ contact, config, send, now, report }: SessionEventsOptions): Pick<
  SessionHandlers,
  'onConnected' | 'onConnectionLost' | 'onGaveUp' | 'onEnded'
> {
  return {
    onConnected: () => send({ type: 'CONNECTED', at: now() }),
    onConnectionLost: () => send({ type: 'CONNECTION_LOST', at: now() }),
    onGaveUp: (reason) => {
      if (reason === 'runaway') {
        report(
          `stopped a reconnect loop to ${contact.participantEndpoint}: the chat's websocket is closed as soon as it opens ` +
            '(is a Content-Security-Policy missing its origin in connect-src?)',
        );
      }
      send({
        type: 'CONNECTION_FAILED',
        error:
          reason === 'runaway'
            ? { code: 'connection.runaway', message: config.text.connectionBlocked }
            : { code: 'connection.gave_up', message: config.text.connectionLost },
        at: now(),
      });
    },
    onEnded: () => send({ type: 'CHAT_ENDED', at: now() }),
  };
}
