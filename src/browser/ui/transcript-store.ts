import type { PanelAttachment, PanelMessage } from './chat-panel.types';
import type { TranscriptItem } from '../connect/transcript-item';
import { attachmentsOf } from '../connect/attachment-items';
import { receiptOf, type Receipt } from '../connect/message-receipts';
import { createMessageNews } from './message-news';
import { toPanelMessage, type PanelMessageOptions } from './panel-message';

export interface TranscriptStoreOptions extends PanelMessageOptions {
  /** How an item is shown. @default toPanelMessage */
  toMessage?: typeof toPanelMessage;
}

/** A file the customer is sending, as the panel shows it until its echo arrives. */
export interface PendingFile {
  name: string;
  type: string;
  size: number;
}

/**
 * The send this customer message is the echo of, when the echo comes before the service's answer to the send
 * (the socket can be quicker than the request): the oldest message still on its way with the same text, or for
 * a file the oldest upload of the same name (chatjs' upload answers with no id to match).
 */
function echoedSend(pending: ReadonlyMap<string, PanelMessage>, item: TranscriptItem, message: PanelMessage): string | undefined {
  if (message.role !== 'CUSTOMER') return undefined;
  const fileName = item.Type === 'ATTACHMENT' ? attachmentsOf(item)[0]?.AttachmentName : undefined;
  for (const [tempId, sent] of pending) {
    if (sent.failed) continue;
    const sentFile = sent.content.kind === 'attachment' ? sent.content.attachment.name : undefined;
    if (fileName !== undefined ? sentFile === fileName : sentFile === undefined && sent.text === message.text) return tempId;
  }
  return undefined;
}

/** The echo of the customer's own file carries no size (Amazon Connect's item has none): keep what the upload knew. */
function withSentSize(message: PanelMessage, sent: PanelMessage | undefined): PanelMessage {
  if (message.content.kind !== 'attachment' || sent?.content.kind !== 'attachment') return message;
  const { size } = sent.content.attachment;
  if (size === undefined || message.content.attachment.size !== undefined) return message;
  return { ...message, content: { kind: 'attachment', attachment: { ...message.content.attachment, size } } };
}

/**
 * The conversation as the panel shows it: items from the socket and from GetTranscript merged by Id
 * (so a reconnect or a reload never shows a message twice), in time order, plus the customer's
 * messages and files that are still on their way. It also keeps what later news says of a message: the agent's
 * receipts, a card's answer, a file's thumbnail.
 */
export function createTranscriptStore(options: TranscriptStoreOptions) {
  const seen = new Set<string>();
  const shown: PanelMessage[] = [];
  /** The shown messages by id (as mapped, before what later news says of them). */
  const byId = new Map<string, PanelMessage>();
  const pending = new Map<string, PanelMessage>();
  /** Ids the service gave our sends, so their echo replaces the pending copy. */
  const confirmedSends = new Map<string, string>();
  const news = createMessageNews();
  const toMessage = options.toMessage ?? toPanelMessage;
  let version = 0;
  let cache: readonly PanelMessage[] = [];
  let cacheVersion = -1;

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
      // Items read with GetTranscript carry the receipts they had (a reload shows "Read" as it was).
      const receipt = receiptOf(item);
      if (receipt) news.receipt(receipt);
      const message = toMessage(item, options);
      const tempId = confirmedSends.get(item.Id) ?? (message ? echoedSend(pending, item, message) : undefined);
      const sent = tempId !== undefined ? pending.get(tempId) : undefined;
      if (tempId !== undefined) {
        pending.delete(tempId);
        confirmedSends.delete(item.Id);
      }
      if (message) {
        const kept = withSentSize(message, sent);
        insert(kept);
        byId.set(kept.id, kept);
      }
      version++;
      return true;
    },
    addPending(tempId: string, text: string, displayName: string, at: number): void {
      pending.set(tempId, { id: tempId, role: 'CUSTOMER', displayName, text, content: { kind: 'text', text }, at, pending: true });
      version++;
    },
    /** A file the customer is uploading: shown as on its way, replaced by its echo (the ATTACHMENT item). */
    addPendingFile(tempId: string, file: PendingFile, displayName: string, at: number): void {
      const attachment: PanelAttachment = { id: '', name: file.name, contentType: file.type, size: file.size, status: 'IN_PROGRESS', progress: 0 };
      pending.set(tempId, { id: tempId, role: 'CUSTOMER', displayName, text: file.name, content: { kind: 'attachment', attachment }, at, pending: true });
      version++;
    },
    /** The service accepted a send; its echo (with `id`) will replace the pending copy. */
    confirm(tempId: string, id: string): void {
      if (seen.has(id)) pending.delete(tempId);
      else confirmedSends.set(id, tempId);
      version++;
    },
    /** How far the upload of a file on its way has gone, 0..1. */
    progress(tempId: string, fraction: number): void {
      const message = pending.get(tempId);
      if (message?.content.kind !== 'attachment' || message.failed) return;
      pending.set(tempId, { ...message, content: { kind: 'attachment', attachment: { ...message.content.attachment, progress: fraction } } });
      version++;
    },
    fail(tempId: string): void {
      const message = pending.get(tempId);
      if (message) pending.set(tempId, { ...message, pending: false, failed: true });
      version++;
    },
    /** A failed message is being sent again, in place. False when there is no such failed message. */
    retry(tempId: string): boolean {
      const message = pending.get(tempId);
      if (!message?.failed) return false;
      const { failed: _failed, ...rest } = message;
      // A file starts its upload over: no progress carried from the failed one.
      const content = rest.content.kind === 'attachment' ? { kind: 'attachment' as const, attachment: { ...rest.content.attachment, progress: 0 } } : rest.content;
      pending.set(tempId, { ...rest, content, pending: true });
      version++;
      return true;
    },
    /** The agent's side says a message was delivered or read. */
    receipt(receipt: Receipt): void {
      if (news.receipt(receipt)) version++;
    },
    /** The customer picked from a card: it is shown answered at once. */
    answer(messageId: string): void {
      news.answer(messageId);
      version++;
    },
    /** An image's thumbnail arrived (an object URL the caller revokes). */
    setThumbnail(attachmentId: string, url: string): void {
      news.thumbnail(attachmentId, url);
      version++;
    },
    /** A shown message by its item id. */
    message(id: string): PanelMessage | undefined {
      return byId.get(id);
    },
    messages(): readonly PanelMessage[] {
      if (cacheVersion !== version) {
        cache = news.decorate(pending.size ? [...shown, ...pending.values()] : shown); // a new array: `shown` is never handed out
        cacheVersion = version;
      }
      return cache;
    },
  };
}

export type TranscriptStore = ReturnType<typeof createTranscriptStore>;
