import type { PanelMessage } from './chat-panel.types';
import type { UiText } from '../config/instance-config.types';
import { classifyItem } from '../connect/transcript-classifier';
import type { TranscriptItem } from '../connect/transcript-item';

export interface PanelMessageOptions {
  /** The customer's own participant id: their items show as theirs. */
  customerParticipantId: string;
  /** Removed from SYSTEM messages before they are shown: it is a signal for us, not text for people. */
  queueMarker: string;
  text: Pick<UiText, 'participantJoined' | 'participantLeft' | 'unnamedAgent'>;
}

/** A function replacer, so `$&` or `$'` in a name stays literal. */
const withName = (template: string, name: string) => template.replaceAll('{name}', () => name);

/** What an item looks like in the panel, or undefined for items the panel does not show. */
export function toPanelMessage(item: TranscriptItem, options: PanelMessageOptions): PanelMessage | undefined {
  const base = { id: item.Id, displayName: item.DisplayName ?? '', at: Date.parse(item.AbsoluteTime) || 0 };
  // Amazon Connect names the flow "SYSTEM_MESSAGE"; the panel shows system lines without a name.
  const system = (text: string) => (text ? { ...base, displayName: '', role: 'SYSTEM' as const, text, content: { kind: 'text' as const, text } } : undefined);
  const meaning = classifyItem(item, options);
  const { text } = options;
  switch (meaning.kind) {
    case 'text':
      return meaning.role === 'SYSTEM' ? system(meaning.text) : { ...base, role: meaning.role, text: meaning.text, content: { kind: 'text', text: meaning.text } };
    case 'queued':
      return system(meaning.text);
    case 'agentJoined':
      return system(withName(text.participantJoined, meaning.name || text.unnamedAgent));
    case 'agentLeft':
      return system(withName(text.participantLeft, meaning.name || text.unnamedAgent));
    default:
      return undefined;
  }
}

