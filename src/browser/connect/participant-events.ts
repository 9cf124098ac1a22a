import type { ChatEvent } from '../../../machines/chat.types';
import { classifyItem } from './transcript-classifier';
import type { TranscriptItem } from './transcript-item';

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
  const meaning = classifyItem(item, { queueMarker });
  switch (meaning.kind) {
    case 'agentJoined':
      return { type: 'AGENT_JOINED', agentName: meaning.name, at };
    case 'agentLeft':
      return { type: 'AGENT_LEFT', at };
    case 'transferred':
      return { type: 'TRANSFERRED', at };
    case 'ended':
      return { type: 'CHAT_ENDED', at };
    case 'queued':
      return { type: 'QUEUED', at };
    default:
      return undefined;
  }
}
