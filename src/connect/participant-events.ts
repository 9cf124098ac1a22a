import type { ChatEvent } from '../../machines/chat.types';
import { CONTENT_TYPES, TEXT_CONTENT_TYPES, type TranscriptItem } from './transcript-item';

export interface TranslationContext {
  /** Text the customer queue flow sends in a SYSTEM message when the contact enters a queue. */
  queueMarker: string;
  /** When the item happened, as the session clock sees it (kept non-decreasing by the caller). */
  at: number;
}

/**
 * Translates one Amazon Connect item into the machine event it stands for, or undefined.
 * Translation only: whether a join means CONNECT_TO_AGENT is the machine's business.
 */
export function toChatEvent(item: TranscriptItem, { queueMarker, at }: TranslationContext): ChatEvent | undefined {
  const role = item.ParticipantRole;
  switch (item.ContentType) {
    case CONTENT_TYPES.participantJoined:
      return role === 'AGENT' ? { type: 'AGENT_JOINED', agentName: item.DisplayName || 'Agent', at } : undefined;
    case CONTENT_TYPES.participantLeft:
      return role === 'AGENT' ? { type: 'AGENT_LEFT', at } : undefined;
    case CONTENT_TYPES.transferSucceeded:
      return { type: 'TRANSFERRED', at };
    case CONTENT_TYPES.chatEnded:
      return { type: 'CHAT_ENDED', at };
  }
  if (role === 'SYSTEM' && TEXT_CONTENT_TYPES.has(item.ContentType) && item.Content?.includes(queueMarker)) {
    return { type: 'QUEUED', at };
  }
  return undefined;
}
