import type { SaEvent, SaEvents } from 'connect-webchat';
import { useEffect, useState } from 'react';

/** What an entry says: the payload is typed by the entry's `type`. */
function summary(event: SaEvent): string {
  switch (event.type) {
    case 'CHAT_LOADED':
    case 'CHAT_VISIBLE':
      return event.data.chatInstanceName;
    case 'TRANSFER_TO_QUEUE':
      return event.data.inferred ? `${event.data.contactId} (inferred)` : event.data.contactId;
    default:
      return event.data.contactId;
  }
}

/** Every saEvents entry of the runtime, history first, then live; unsubscribes on unmount. */
export function ChatEventLog({ events }: { events: SaEvents }) {
  const [entries, setEntries] = useState<SaEvent[]>([]);
  useEffect(() => {
    setEntries([]);
    return events.subscribe((event) => setEntries((previous) => [...previous, event]));
  }, [events]);
  return (
    <ol aria-label="saEvents" className="sa-log">
      {entries.map((event) => (
        <li key={`${event.type}-${event.timestamp}-${summary(event)}`}>
          <time dateTime={new Date(event.timestamp).toISOString()}>{new Date(event.timestamp).toLocaleTimeString()}</time>{' '}
          <strong>{event.type}</strong> {summary(event)}
        </li>
      ))}
    </ol>
  );
}
