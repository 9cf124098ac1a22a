import { describe, expect, it } from 'vitest';
import { createItemTranslator } from '../../../../src/browser/connect/session-events';
import { createTranscriptCursor } from '../../../../src/browser/connect/transcript-cursor';
import type { TranscriptItem } from '../../../../src/browser/connect/transcript-item';
import { memoryStorage } from '../../../fixtures/memory-storage';

const E = 'application/vnd.amazonaws.connect.event.';
const at = (second: number) => `2026-11-25T10:00:${String(second).padStart(2, '0')}.000Z`;

describe('the item translator', () => {
  it('never lets a persistent chat\'s past (RelatedContactId) move the machine: an old join or end is history', () => {
    const translate = createItemTranslator(createTranscriptCursor(memoryStorage(), 'c2', false), '[queued]', () => Date.parse(at(59)));
    const past: TranscriptItem[] = [
      { Id: 'a', AbsoluteTime: at(1), Type: 'EVENT', ContentType: `${E}participant.joined`, ParticipantRole: 'AGENT', DisplayName: 'Ana', RelatedContactId: 'c1' },
      { Id: 'b', AbsoluteTime: at(2), Type: 'EVENT', ContentType: `${E}chat.ended`, ParticipantRole: 'SYSTEM', RelatedContactId: 'c1' },
    ];
    expect(past.map(translate)).toEqual([undefined, undefined]);
    const now: TranscriptItem = { Id: 'c', AbsoluteTime: at(3), Type: 'EVENT', ContentType: `${E}participant.joined`, ParticipantRole: 'AGENT', DisplayName: 'Ben', ContactId: 'c2' };
    expect(translate(now)).toMatchObject({ type: 'AGENT_JOINED', agentName: 'Ben' });
  });
});
