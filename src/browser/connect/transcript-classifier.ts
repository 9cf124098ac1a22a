import { CONTENT_TYPES, TEXT_CONTENT_TYPES, type TranscriptItem } from './transcript-item';

export interface ClassifierOptions {
  /** Text the customer queue flow sends in a SYSTEM message when the contact enters a queue. */
  queueMarker: string;
  /** The customer's own participant id: their items are theirs whatever role the item claims. */
  customerParticipantId?: string;
}

/** What one Amazon Connect item is, in our words: both the chart's events and the panel's rows come from this. */
export type ItemMeaning =
  | { kind: 'text'; role: 'CUSTOMER' | 'AGENT' | 'SYSTEM'; text: string }
  /** A SYSTEM message with the queue marker; `text` is what is left for people (may be empty). */
  | { kind: 'queued'; text: string }
  /** `name` is Amazon Connect's display name, empty when it gave none. */
  | { kind: 'agentJoined'; name: string }
  | { kind: 'agentLeft'; name: string }
  | { kind: 'transferred' }
  | { kind: 'ended' }
  | { kind: 'other' };

function roleOf(item: TranscriptItem, customerParticipantId: string | undefined): 'CUSTOMER' | 'AGENT' | 'SYSTEM' {
  if ((customerParticipantId && item.ParticipantId === customerParticipantId) || item.ParticipantRole === 'CUSTOMER') return 'CUSTOMER';
  if (item.ParticipantRole === 'AGENT') return 'AGENT';
  return 'SYSTEM';
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
  }
  if (!TEXT_CONTENT_TYPES.has(item.ContentType) || item.Content === undefined) return { kind: 'other' };
  const role = roleOf(item, options.customerParticipantId);
  if (role === 'SYSTEM' && item.Content.includes(options.queueMarker)) {
    return { kind: 'queued', text: item.Content.replaceAll(options.queueMarker, '').trim() };
  }
  return { kind: 'text', role, text: role === 'SYSTEM' ? item.Content.trim() : item.Content };
}
