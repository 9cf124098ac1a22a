import type { TranscriptItem } from './transcript-item';

const EVENT = 'application/vnd.amazonaws.connect.event.';
/** SendEvent content types of the customer's own receipts. */
export const RECEIPT_CONTENT_TYPES = { delivered: `${EVENT}message.delivered`, read: `${EVENT}message.read` } as const;

export type ReceiptKind = keyof typeof RECEIPT_CONTENT_TYPES;

/** `MessageMetadata` as Amazon Connect sends it on a MESSAGEMETADATA push, and on items read with GetTranscript. */
interface MessageMetadata {
  MessageId?: string;
  Receipts?: Array<{ DeliveredTimestamp?: string; ReadTimestamp?: string; RecipientParticipantId?: string }>;
}

export interface Receipt {
  /** The item the receipt is about. */
  messageId: string;
  kind: ReceiptKind;
}

/**
 * What an item says of a message's receipts: a read wins over a delivered. A MESSAGEMETADATA item names the
 * message in `MessageId`; a message read from the transcript carries its own receipts (`MessageId` may be absent).
 */
export function receiptOf(item: TranscriptItem): Receipt | undefined {
  const metadata = (item as { MessageMetadata?: MessageMetadata }).MessageMetadata;
  const receipts = Array.isArray(metadata?.Receipts) ? metadata.Receipts : [];
  const messageId = metadata?.MessageId ?? item.Id;
  if (receipts.some((receipt) => receipt?.ReadTimestamp)) return { messageId, kind: 'read' };
  if (receipts.some((receipt) => receipt?.DeliveredTimestamp)) return { messageId, kind: 'delivered' };
  return undefined;
}

/**
 * Whether the customer sends receipts for this item: a message or file from an agent. Never for the flow's or a
 * bot's (SYSTEM) items, events, or the customer's own (the policy of AWS's own chat interface).
 */
export function acknowledges(item: TranscriptItem, customerParticipantId: string): boolean {
  return (item.Type === 'MESSAGE' || item.Type === 'ATTACHMENT') && item.ParticipantRole === 'AGENT' && item.ParticipantId !== customerParticipantId;
}
