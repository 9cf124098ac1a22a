import { randomUUID } from 'node:crypto';
import type { Contact, ContactStore, Participant } from './contact-store';
import { CONTENT_TYPE, type ChatItem, type Receipt } from './emulator.types';

export type ReceiptKind = 'delivered' | 'read';

/** Items a receipt can be about: what people send, never events. */
const receiptable = (item: ChatItem) => item.Type === 'MESSAGE' || item.Type === 'ATTACHMENT';

/**
 * Message receipts as Amazon Connect keeps and tells them: SendEvent `message.delivered` / `message.read`
 * records a receipt on the message (its `MessageMetadata.Receipts` in GetTranscript, one entry per
 * recipient) and pushes a `MESSAGEMETADATA` item to the chat. Each side ignores the receipts it wrote
 * itself: chatjs drops those whose RecipientParticipantId is its own participant id.
 */
export class MessageReceipts {
  constructor(private readonly store: ContactStore) {}

  /**
   * `recipient` has received (or read) the message `messageId`. A receipt for an unknown message, an
   * event, one's own message, or one already given is ignored (Amazon Connect answers such a SendEvent
   * with success too).
   * @returns true when the receipt is new and was pushed.
   */
  record(contact: Contact, messageId: string, kind: ReceiptKind, recipient: Participant): boolean {
    const item = contact.items.find((candidate) => candidate.Id === messageId);
    if (!item || !receiptable(item) || item.ParticipantId === recipient.participantId) return false;
    const metadata = (item.MessageMetadata ??= { MessageId: item.Id, Receipts: [] });
    let receipt = metadata.Receipts.find((entry) => entry.RecipientParticipantId === recipient.participantId);
    if (!receipt) metadata.Receipts.push((receipt = { RecipientParticipantId: recipient.participantId }));
    if (kind === 'delivered' && (receipt.DeliveredTimestamp !== undefined || receipt.ReadTimestamp !== undefined)) return false;
    if (kind === 'read' && receipt.ReadTimestamp !== undefined) return false;
    const time = this.store.nextTime();
    if (kind === 'delivered') receipt.DeliveredTimestamp = time;
    else receipt.ReadTimestamp = time;
    this.store.publish(contact, {
      Id: randomUUID(),
      AbsoluteTime: time,
      Type: 'MESSAGEMETADATA',
      ContentType: CONTENT_TYPE.messageMetadata,
      MessageMetadata: { MessageId: item.Id, Receipts: [{ ...receipt } satisfies Receipt] },
    });
    return true;
  }

  /** `reader` reads every message of the customer's it has not read yet. @returns how many were new. */
  readCustomerMessages(contact: Contact, reader: Participant): number {
    let count = 0;
    for (const item of contact.items) {
      if (item.ParticipantId === contact.customer.participantId && this.record(contact, item.Id, 'read', reader)) count += 1;
    }
    return count;
  }
}
