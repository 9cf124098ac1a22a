import { CONTENT_TYPES, type TranscriptAttachment, type TranscriptItem } from './transcript-item';

export interface ClassifierOptions {
  /** Text the customer queue flow sends in a SYSTEM message when the contact enters a queue. */
  queueMarker: string;
  /** The customer's own participant id: their items are theirs whatever role the item claims. */
  customerParticipantId?: string;
}

/**
 * Who wrote a message. `BOT`: Amazon Connect's SYSTEM messages (the contact flow's "SYSTEM_MESSAGE", a Lex bot's
 * "BOT") and CUSTOM_BOT participants, which differ from each other only by display name.
 */
export type MessageRole = 'CUSTOMER' | 'AGENT' | 'BOT';

/** How a message's `Content` is written. */
export type MessageFormat = 'text' | 'markdown' | 'interactive';

/** What one Amazon Connect item is, in our words: both the chart's events and the panel's rows come from this. */
export type ItemMeaning =
  /** `content` is the item's `Content` as sent (not trimmed, not cut: the panel does that). */
  | { kind: 'message'; role: MessageRole; format: MessageFormat; content: string }
  /** An ATTACHMENT item; its first file (Amazon Connect sends one file per item). */
  | { kind: 'attachment'; role: MessageRole; attachment: TranscriptAttachment }
  /** A SYSTEM message with the queue marker; `text` is what is left for people (may be empty). */
  | { kind: 'queued'; text: string }
  /** `name` is Amazon Connect's display name, empty when it gave none. */
  | { kind: 'agentJoined'; name: string }
  | { kind: 'agentLeft'; name: string }
  | { kind: 'transferred' }
  | { kind: 'ended' }
  /** Amazon Connect's idle timer for the customer ran out (`idle`), then its disconnect timer (`autoDisconnected`). */
  | { kind: 'idle' }
  | { kind: 'autoDisconnected' }
  | { kind: 'other' };

const FORMATS: Readonly<Record<string, MessageFormat>> = {
  [CONTENT_TYPES.plain]: 'text',
  [CONTENT_TYPES.markdown]: 'markdown',
  [CONTENT_TYPES.interactive]: 'interactive',
};

function roleOf(item: TranscriptItem, customerParticipantId: string | undefined): MessageRole {
  if ((customerParticipantId && item.ParticipantId === customerParticipantId) || item.ParticipantRole === 'CUSTOMER') return 'CUSTOMER';
  if (item.ParticipantRole === 'AGENT' || item.ParticipantRole === 'SUPERVISOR') return 'AGENT';
  return 'BOT';
}

export function classifyItem(item: TranscriptItem, options: ClassifierOptions): ItemMeaning {
  const agent = item.ParticipantRole === 'AGENT';
  switch (item.ContentType) {
    case CONTENT_TYPES.participantJoined:
      return agent ? { kind: 'agentJoined', name: item.DisplayName ?? '' } : { kind: 'other' };
    case CONTENT_TYPES.participantLeft:
      return agent ? { kind: 'agentLeft', name: item.DisplayName ?? '' } : { kind: 'other' };
    case CONTENT_TYPES.transferSucceeded:
      return { kind: 'transferred' };
    case CONTENT_TYPES.chatEnded:
      return { kind: 'ended' };
    // Only the customer's own timers concern the customer: an idle agent is the contact centre's business.
    case CONTENT_TYPES.participantIdle:
      return { kind: item.ParticipantRole === 'CUSTOMER' ? 'idle' : 'other' };
    case CONTENT_TYPES.autoDisconnection:
      return { kind: item.ParticipantRole === 'CUSTOMER' ? 'autoDisconnected' : 'other' };
  }
  const role = roleOf(item, options.customerParticipantId);
  const attachment = item.Attachments?.[0];
  if (item.Type === 'ATTACHMENT') return attachment ? { kind: 'attachment', role, attachment } : { kind: 'other' };
  const format = FORMATS[item.ContentType ?? ''];
  if (!format || item.Content === undefined) return { kind: 'other' };
  if (role === 'BOT' && item.ParticipantRole !== 'CUSTOM_BOT' && format !== 'interactive' && item.Content.includes(options.queueMarker)) {
    return { kind: 'queued', text: item.Content.replaceAll(options.queueMarker, '').trim() };
  }
  return { kind: 'message', role, format, content: item.Content };
}
