import type { PanelMessage } from './chat-panel';
import type { TranscriptItem } from '../connect/transcript-item';
import { toPanelMessage, type PanelMessageOptions } from './panel-message';

export type TranscriptStoreOptions = PanelMessageOptions;


/**
 * The conversation as the panel shows it: items from the socket and from GetTranscript merged by Id
 * (so a reconnect or a reload never shows a message twice), in time order, plus the customer's
 * messages that are still on their way.
 */
export function createTranscriptStore(options: TranscriptStoreOptions) {
  const seen = new Set<string>();
  const shown: PanelMessage[] = [];
  const pending = new Map<string, PanelMessage>();
  /** Ids the service gave our sends, so their echo replaces the pending copy. */
  const confirmedSends = new Map<string, string>();
  let version = 0;
  let cache: readonly PanelMessage[] = [];
  let cacheVersion = -1;

  /**
   * The send this customer message is the echo of, when the echo comes before the service's answer to the send
   * (the socket can be quicker than the request): the oldest message still on its way with the same text.
   */
  function echoedSend(message: PanelMessage): string | undefined {
    if (message.role !== 'CUSTOMER') return undefined;
    for (const [tempId, sent] of pending) if (!sent.failed && sent.text === message.text) return tempId;
    return undefined;
  }

  function insert(message: PanelMessage): void {
    let index = shown.length;
    while (index > 0 && shown[index - 1]!.at > message.at) index--;
    shown.splice(index, 0, message);
  }

  return {
    /** Adds an item; false when it was already there. */
    add(item: TranscriptItem): boolean {
      if (seen.has(item.Id)) return false;
      seen.add(item.Id);
      const message = toPanelMessage(item, options);
      const tempId = confirmedSends.get(item.Id) ?? (message ? echoedSend(message) : undefined);
      if (tempId !== undefined) {
        pending.delete(tempId);
        confirmedSends.delete(item.Id);
      }
      if (message) insert(message);
      version++;
      return true;
    },
    addPending(tempId: string, text: string, displayName: string, at: number): void {
      pending.set(tempId, { id: tempId, role: 'CUSTOMER', displayName, text, content: { kind: 'text', text }, at, pending: true });
      version++;
    },
    /** The service accepted a send; its echo (with `id`) will replace the pending copy. */
    confirm(tempId: string, id: string): void {
      if (seen.has(id)) pending.delete(tempId);
      else confirmedSends.set(id, tempId);
      version++;
    },
    fail(tempId: string): void {
      const message = pending.get(tempId);
      if (message) pending.set(tempId, { ...message, pending: false, failed: true });
      version++;
    },
    messages(): readonly PanelMessage[] {
      if (cacheVersion !== version) {
        cache = pending.size ? [...shown, ...pending.values()] : shown.slice();
        cacheVersion = version;
      }
      return cache;
    },
  };
}

export type TranscriptStore = ReturnType<typeof createTranscriptStore>;
