import type { ContactPhase, SavedContact } from '../../../machines/chat.types';
import { isContactDetails } from '../connect/contact-details';

/** How long a saved contact may be restored; Amazon Connect chats last 25 h at most by default. */
export const SAVED_CONTACT_MAX_AGE_MS = 25 * 60 * 60 * 1000;

const PHASES: readonly ContactPhase[] = ['inFlow', 'queued', 'agent'];

interface StoredRecord extends SavedContact {
  savedAt: number;
}

function storageKey(instanceName: string): string {
  return `connect-webchat:${instanceName}:contact`;
}

function isSavedRecord(value: unknown): value is StoredRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<StoredRecord>;
  return (
    typeof record.savedAt === 'number' &&
    PHASES.includes(record.phase as ContactPhase) &&
    (record.agentName === null || typeof record.agentName === 'string') &&
    isContactDetails(record.contact)
  );
}

/**
 * Keeps the active contact in sessionStorage so the next page of the same site (or a reload) rejoins it.
 * Anything unreadable, tampered with or too old is discarded: the page then starts clean.
 */
export function createContactStorage(storage: Storage | undefined, instanceName: string, now: () => number) {
  const key = storageKey(instanceName);

  function attempt<T>(action: () => T, fallback: T): T {
    try {
      return action();
    } catch {
      // Storage can be disabled (privacy modes, sandboxed frames, quota): continuity is then lost, nothing else.
      return fallback;
    }
  }

  return {
    load(): SavedContact | undefined {
      if (!storage) return undefined;
      const raw = attempt(() => storage.getItem(key), null);
      if (raw === null) return undefined;
      const record = attempt<unknown>(() => JSON.parse(raw), undefined);
      if (!isSavedRecord(record) || now() - record.savedAt > SAVED_CONTACT_MAX_AGE_MS || record.savedAt > now() + 60_000) {
        attempt(() => storage.removeItem(key), undefined);
        return undefined;
      }
      return { contact: record.contact, phase: record.phase, agentName: record.agentName };
    },
    save(saved: SavedContact): void {
      if (!storage) return;
      const record: StoredRecord = { ...saved, savedAt: now() };
      attempt(() => storage.setItem(key, JSON.stringify(record)), undefined);
    },
    clear(): void {
      if (storage) attempt(() => storage.removeItem(key), undefined);
    },
  };
}

export type ContactStorage = ReturnType<typeof createContactStorage>;
