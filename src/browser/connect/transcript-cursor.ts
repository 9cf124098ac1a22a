import type { TranscriptItem } from './transcript-item';

interface CursorRecord {
  /** Epoch ms of the newest item already turned into machine events. */
  time: number;
  /** Ids of the items at exactly `time` already handled (several items can share a millisecond). */
  ids: string[];
}

function keyFor(contactId: string): string {
  return `connect-webchat:cursor:${contactId}`;
}

function readRecord(storage: Storage | undefined, key: string): CursorRecord | undefined {
  try {
    const record = JSON.parse(storage?.getItem(key) ?? 'null') as CursorRecord | null;
    if (record && typeof record.time === 'number' && Array.isArray(record.ids) && record.ids.every((id) => typeof id === 'string')) {
      return record;
    }
  } catch {
    // Unreadable or blocked storage: treated as no cursor.
  }
  return undefined;
}

/**
 * Remembers, across page loads, which transcript items have already moved the machine, so a page that
 * rejoins a contact shows the history but announces only what happened since (never a second
 * CONNECT_TO_AGENT for the same join).
 */
export function createTranscriptCursor(storage: Storage | undefined, contactId: string, resumed: boolean) {
  const key = keyFor(contactId);
  const stored = resumed ? readRecord(storage, key) : undefined;
  let record: CursorRecord = stored ?? { time: -Infinity, ids: [] };
  // A resumed contact without a cursor (lost, or the tab it came from had handled nothing yet) treats the
  // history it finds as handled, until `settle()`: from then on, only what comes after that history is new.
  let anchored = !resumed || stored !== undefined;
  let forgotten = false;

  return {
    isNew(item: TranscriptItem): boolean {
      if (!anchored) return false;
      const time = Date.parse(item.AbsoluteTime) || 0;
      return time > record.time || (time === record.time && !record.ids.includes(item.Id));
    },
    advance(item: TranscriptItem): void {
      const time = Date.parse(item.AbsoluteTime) || 0;
      if (time < record.time) return;
      record = time > record.time ? { time, ids: [item.Id] } : { time, ids: [...record.ids, item.Id] };
      if (forgotten) return;
      try {
        storage?.setItem(key, JSON.stringify(record));
      } catch {
        // Storage full or blocked: continuity across pages degrades, the chat goes on.
      }
    },
    /** The history at hand has been read: items after it are news. */
    settle(): void {
      anchored = true;
    },
    /** The contact is over: nothing of it stays in storage, whatever still arrives. */
    forget(): void {
      forgotten = true;
      try {
        storage?.removeItem(key);
      } catch {
        // Blocked storage held nothing either.
      }
    },
  };
}
