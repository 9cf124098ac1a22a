import type { ContactPhase, SavedContact } from '../../../machines/chat.types';
import type { ChatPersistence } from '../config/instance-config.types';
import { isContactDetails } from '../connect/contact-details';
import { safeSessionStorage } from '../platform/session-storage';

/**
 * How long a saved contact may be restored, counted from when it was first saved: Amazon Connect ends a chat
 * after 25 h by default, so a record older than that names a contact that is over.
 */
export const SAVED_CONTACT_MAX_AGE_MS = 25 * 60 * 60 * 1000;

const PHASES: readonly ContactPhase[] = ['inFlow', 'queued', 'agent'];

interface StoredRecord extends SavedContact {
  savedAt: number;
  /** When this contact was first saved: its lifetime counts from here, however often it is saved again. */
  startedAt?: number;
}

function storageKey(instanceName: string): string {
  return `connect-webchat:${instanceName}:contact`;
}

function isSavedRecord(value: unknown): value is StoredRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<StoredRecord>;
  return (
    typeof record.savedAt === 'number' &&
    // Records saved before `startedAt` existed count from their last save.
    (record.startedAt === undefined || typeof record.startedAt === 'number') &&
    PHASES.includes(record.phase as ContactPhase) &&
    (record.agentName === null || typeof record.agentName === 'string') &&
    isContactDetails(record.contact)
  );
}

/**
 * Keeps the active contact in `storage` so the next page of the same site (or a reload) rejoins it:
 * sessionStorage (one tab) or localStorage (every tab of the browser, and after a restart).
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

  function read(): StoredRecord | undefined {
    if (!storage) return undefined;
    const raw = attempt(() => storage.getItem(key), null);
    if (raw === null) return undefined;
    const record = attempt<unknown>(() => JSON.parse(raw), undefined);
    if (!isSavedRecord(record) || now() - (record.startedAt ?? record.savedAt) > SAVED_CONTACT_MAX_AGE_MS || record.savedAt > now() + 60_000) {
      attempt(() => storage.removeItem(key), undefined);
      return undefined;
    }
    return record;
  }

  return {
    load(): SavedContact | undefined {
      const record = read();
      return record && { contact: record.contact, phase: record.phase, agentName: record.agentName };
    },
    save(saved: SavedContact): void {
      if (!storage) return;
      const previous = read();
      const startedAt = previous?.contact.contactId === saved.contact.contactId ? (previous.startedAt ?? previous.savedAt) : now();
      const record: StoredRecord = { ...saved, savedAt: now(), startedAt };
      attempt(() => storage.setItem(key, JSON.stringify(record)), undefined);
    },
    /**
     * The contact is over. Given its id, only that contact is forgotten: with localStorage, another tab may
     * already have saved the next chat when this one hears of the end.
     */
    clear(contactId?: string): void {
      if (!storage || (contactId !== undefined && read()?.contact.contactId !== contactId)) return;
      attempt(() => storage.removeItem(key), undefined);
    },
  };
}

export type ContactStorage = ReturnType<typeof createContactStorage>;

/** The page's localStorage, or undefined where reading it throws (sandboxed frames, storage blocked). */
function safeLocalStorage(win: Window): Storage | undefined {
  try {
    return win.localStorage;
  } catch {
    return undefined;
  }
}

/** The contact storage the instance's `persistence` asks for: this tab's (`"tab"`) or the browser's (`"browser"`, `"identity"`). */
export function openContactStorage(win: Window, config: { name: string; persistence?: ChatPersistence | undefined }, now: () => number): ContactStorage {
  const storage = config.persistence && config.persistence !== 'tab' ? safeLocalStorage(win) : safeSessionStorage(win);
  return createContactStorage(storage, config.name, now);
}
