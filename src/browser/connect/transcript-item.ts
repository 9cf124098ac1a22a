/** Content types as Amazon Connect names them (`E` = `application/vnd.amazonaws.connect.event.`). */
const EVENT = 'application/vnd.amazonaws.connect.event.';
export const CONTENT_TYPES = {
  participantJoined: `${EVENT}participant.joined`,
  participantLeft: `${EVENT}participant.left`,
  transferSucceeded: `${EVENT}transfer.succeeded`,
  chatEnded: `${EVENT}chat.ended`,
  typing: `${EVENT}typing`,
} as const;

/** The message content types the panel shows as text. */
export const TEXT_CONTENT_TYPES: ReadonlySet<string> = new Set(['text/plain', 'text/markdown']);

export type ParticipantRole = 'AGENT' | 'CUSTOMER' | 'SYSTEM' | 'CUSTOM_BOT' | 'SUPERVISOR';

/** One item of a chat as Amazon Connect sends it, on the websocket and in GetTranscript. */
export interface TranscriptItem {
  Id: string;
  AbsoluteTime: string;
  Type: 'MESSAGE' | 'EVENT' | 'ATTACHMENT' | 'MESSAGEMETADATA' | string;
  ContentType: string;
  Content?: string;
  ParticipantId?: string;
  DisplayName?: string;
  ParticipantRole?: ParticipantRole | string;
  ContactId?: string;
  InitialContactId?: string;
}

/** True for items with the fields every later step relies on; anything else from the wire is dropped. */
export function isTranscriptItem(value: unknown): value is TranscriptItem {
  const item = value as Partial<TranscriptItem> | null;
  return (
    typeof item === 'object' &&
    item !== null &&
    typeof item.Id === 'string' &&
    typeof item.AbsoluteTime === 'string' &&
    typeof item.ContentType === 'string' &&
    (item.Content === undefined || typeof item.Content === 'string')
  );
}
