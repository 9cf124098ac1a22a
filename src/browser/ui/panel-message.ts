import type { MessageContent, PanelAttachment, PanelMessage } from './chat-panel.types';
import type { UiText } from '../config/instance-config.types';
import { classifyItem, type ItemMeaning } from '../connect/transcript-classifier';
import type { TranscriptAttachment, TranscriptItem } from '../connect/transcript-item';
import { carouselReplyWords, parseTemplate } from './content/interactive-template';
import { markdownWords } from './content/rich-text';

export interface PanelMessageOptions {
  /** The customer's own participant id: their items show as theirs. */
  customerParticipantId: string;
  /** Removed from SYSTEM messages before they are shown: it is a signal for us, not text for people. */
  queueMarker: string;
  /** The name on the contact flow's and a bot's messages (the instance's `botName`). @default text.botName */
  botName?: string;
  text: Pick<UiText, 'participantJoined' | 'participantLeft' | 'unnamedAgent' | 'botName' | 'contentUnreadable' | 'customerIdle' | 'autoDisconnected'>;
}

/** What Amazon Connect itself accepts: text/plain and text/markdown messages are at most 1,024 characters. */
export const MAX_TEXT_CHARS = 1024;
/** Amazon Connect's limits on display names and file names. */
const MAX_NAME_CHARS = 256;

/**
 * Fills `{name}` in one of our sentences. The name is isolated (U+2068 … U+2069) so a right-to-left override in
 * it cannot reorder our words; a function replacer, so `$&` or `$'` in a name stays literal.
 */
const withName = (template: string, name: string) => template.replaceAll('{name}', () => `\u2068${name}\u2069`);

const cut = (text: string, max: number) => ({ text: text.slice(0, max), truncated: text.length > max });

const STATUSES: ReadonlySet<string> = new Set(['APPROVED', 'REJECTED', 'IN_PROGRESS']);

function attachmentOf(file: TranscriptAttachment): PanelAttachment {
  return {
    id: file.AttachmentId,
    name: file.AttachmentName.slice(0, MAX_NAME_CHARS),
    contentType: (file.ContentType ?? '').slice(0, MAX_NAME_CHARS),
    // Scanning may still be running when no status came: not openable yet.
    status: STATUSES.has(file.Status ?? '') ? (file.Status as PanelAttachment['status']) : 'IN_PROGRESS',
  };
}

type Shown = { text: string; content: MessageContent; truncated?: boolean };

/** A message's content, cut to Amazon Connect's limits; an unreadable card says so rather than showing nothing. */
function shownContent(meaning: Extract<ItemMeaning, { kind: 'message' }>, text: PanelMessageOptions['text']): Shown {
  if (meaning.format === 'interactive') {
    const parsed = parseTemplate(meaning.content);
    if (!parsed) return { text: text.contentUnreadable, content: { kind: 'text', text: text.contentUnreadable }, truncated: meaning.content.length > 20 * 1024 };
    return { text: parsed.text || text.contentUnreadable, content: { kind: 'interactive', template: parsed.template }, ...(parsed.truncated ? { truncated: true } : {}) };
  }
  const words = meaning.role === 'CUSTOMER' ? carouselReplyWords(meaning.content) : undefined;
  const kept = cut(words ?? (meaning.role === 'BOT' ? meaning.content.trim() : meaning.content), MAX_TEXT_CHARS);
  const plain = meaning.format === 'markdown' ? markdownWords(kept.text) : kept.text;
  return { text: plain, content: { kind: meaning.format, text: kept.text }, ...(kept.truncated ? { truncated: true } : {}) };
}

/** What an item looks like in the panel, or undefined for items the panel does not show. */
export function toPanelMessage(item: TranscriptItem, options: PanelMessageOptions): PanelMessage | undefined {
  const at = Date.parse(item.AbsoluteTime) || 0;
  const { text } = options;
  const system = (line: string): PanelMessage | undefined =>
    line ? { id: item.Id, role: 'SYSTEM', displayName: '', text: line, content: { kind: 'text', text: line }, at } : undefined;
  const meaning = classifyItem(item, options);
  const botName = options.botName || text.botName;
  const nameOf = (role: PanelMessage['role']) =>
    role === 'BOT' && (item.ParticipantRole !== 'CUSTOM_BOT' || !item.DisplayName) ? botName : (item.DisplayName ?? '').slice(0, MAX_NAME_CHARS);
  switch (meaning.kind) {
    case 'message': {
      const shown = shownContent(meaning, text);
      if (!shown.text && shown.content.kind !== 'interactive') return undefined;
      return { id: item.Id, role: meaning.role, displayName: nameOf(meaning.role), at, ...shown };
    }
    case 'attachment': {
      const attachment = attachmentOf(meaning.attachment);
      return { id: item.Id, role: meaning.role, displayName: nameOf(meaning.role), at, text: attachment.name, content: { kind: 'attachment', attachment } };
    }
    case 'queued': {
      // What the flow said besides the marker is the flow's message like any other.
      if (!meaning.text) return undefined;
      const kept = cut(meaning.text, MAX_TEXT_CHARS);
      return { id: item.Id, role: 'BOT', displayName: botName, at, text: kept.text, content: { kind: 'text', text: kept.text }, ...(kept.truncated ? { truncated: true } : {}) };
    }
    case 'agentJoined':
      return system(withName(text.participantJoined, meaning.name.slice(0, MAX_NAME_CHARS) || text.unnamedAgent));
    case 'agentLeft':
      return system(withName(text.participantLeft, meaning.name.slice(0, MAX_NAME_CHARS) || text.unnamedAgent));
    case 'idle':
      return system(text.customerIdle);
    case 'autoDisconnected':
      return system(text.autoDisconnected);
    default:
      return undefined;
  }
}
