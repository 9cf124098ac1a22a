/** Content types as Amazon Connect names them (`E` = `application/vnd.amazonaws.connect.event.`). */
const EVENT = 'application/vnd.amazonaws.connect.event.';
export const CONTENT_TYPES = {
  participantJoined: `${EVENT}participant.joined`,
  participantLeft: `${EVENT}participant.left`,
  transferSucceeded: `${EVENT}transfer.succeeded`,
  chatEnded: `${EVENT}chat.ended`,
  participantIdle: `${EVENT}participant.idle`,
  autoDisconnection: `${EVENT}participant.autodisconnection`,
  typing: `${EVENT}typing`,
  plain: 'text/plain',
  markdown: 'text/markdown',
  interactive: 'application/vnd.amazonaws.connect.message.interactive',
} as const;

export type ParticipantRole = 'AGENT' | 'CUSTOMER' | 'SYSTEM' | 'CUSTOM_BOT' | 'SUPERVISOR';

/** One file on an ATTACHMENT item. */
export interface TranscriptAttachment {
  AttachmentId: string;
  AttachmentName: string;
  /** MIME type. */
  ContentType?: string;
  Status?: 'APPROVED' | 'REJECTED' | 'IN_PROGRESS' | string;
}

/** Receipts and processing state of an earlier message (items of Type MESSAGEMETADATA). */
export interface TranscriptMessageMetadata {
  MessageId: string;
  Receipts?: { DeliveredTimestamp?: string; ReadTimestamp?: string; RecipientParticipantId?: string }[];
  MessageProcessingStatus?: 'PROCESSING' | 'FAILED' | 'REJECTED' | string;
}

/** One item of a chat as Amazon Connect sends it, on the websocket and in GetTranscript. */
export interface TranscriptItem {
  Id: string;
  AbsoluteTime: string;
  Type: 'MESSAGE' | 'EVENT' | 'ATTACHMENT' | 'MESSAGEMETADATA' | string;
  /** Absent on ATTACHMENT items: their MIME type is in `Attachments[].ContentType`. */
  ContentType?: string;
  Content?: string;
  ParticipantId?: string;
  DisplayName?: string;
  ParticipantRole?: ParticipantRole | string;
  ContactId?: string;
  InitialContactId?: string;
  /** Persistent chat: on a past session's item, the contact it was sent on. */
  RelatedContactId?: string;
  Attachments?: TranscriptAttachment[];
  MessageMetadata?: TranscriptMessageMetadata;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const optionalString = (value: unknown) => value === undefined || typeof value === 'string';

function isAttachment(value: unknown): value is TranscriptAttachment {
  return (
    isObject(value) &&
    typeof value.AttachmentId === 'string' &&
    typeof value.AttachmentName === 'string' &&
    optionalString(value.ContentType) &&
    optionalString(value.Status)
  );
}

function isMessageMetadata(value: unknown): value is TranscriptMessageMetadata {
  return (
    isObject(value) &&
    typeof value.MessageId === 'string' &&
    (value.Receipts === undefined || (Array.isArray(value.Receipts) && value.Receipts.every(isObject))) &&
    optionalString(value.MessageProcessingStatus)
  );
}

/** True for items with the fields every later step relies on; anything else from the wire is dropped. */
export function isTranscriptItem(value: unknown): value is TranscriptItem {
  if (!isObject(value)) return false;
  const item = value as Partial<Record<keyof TranscriptItem, unknown>>;
  return (
    typeof item.Id === 'string' &&
    typeof item.AbsoluteTime === 'string' &&
    // Only ATTACHMENT items come without a content type.
    (typeof item.ContentType === 'string' || (item.ContentType === undefined && item.Type === 'ATTACHMENT')) &&
    optionalString(item.Content) &&
    (item.Attachments === undefined || (Array.isArray(item.Attachments) && item.Attachments.every(isAttachment))) &&
    (item.MessageMetadata === undefined || isMessageMetadata(item.MessageMetadata))
  );
}
