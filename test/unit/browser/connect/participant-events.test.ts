import { describe, expect, it } from 'vitest';
import { toChatEvent } from '../../../../src/browser/connect/participant-events';
import type { TranscriptItem } from '../../../../src/browser/connect/transcript-item';

const E = 'application/vnd.amazonaws.connect.event.';
const context = { queueMarker: '[queued]', at: 42 };

function item(fields: Partial<TranscriptItem>): TranscriptItem {
  return { Id: 'i', AbsoluteTime: '2026-11-25T10:00:00.000Z', Type: 'EVENT', ContentType: 'text/plain', ...fields };
}

describe('toChatEvent', () => {
  it('maps an agent joining to AGENT_JOINED with its display name', () => {
    expect(toChatEvent(item({ ContentType: `${E}participant.joined`, ParticipantRole: 'AGENT', DisplayName: 'Ana' }), context)).toEqual({
      type: 'AGENT_JOINED',
      agentName: 'Ana',
      at: 42,
    });
  });

  it('ignores the customer joining or leaving', () => {
    expect(toChatEvent(item({ ContentType: `${E}participant.joined`, ParticipantRole: 'CUSTOMER' }), context)).toBeUndefined();
    expect(toChatEvent(item({ ContentType: `${E}participant.left`, ParticipantRole: 'CUSTOMER' }), context)).toBeUndefined();
  });

  it('maps the agent leaving, a transfer and the chat ending', () => {
    expect(toChatEvent(item({ ContentType: `${E}participant.left`, ParticipantRole: 'AGENT' }), context)?.type).toBe('AGENT_LEFT');
    expect(toChatEvent(item({ ContentType: `${E}transfer.succeeded`, ParticipantRole: 'SYSTEM' }), context)?.type).toBe('TRANSFERRED');
    expect(toChatEvent(item({ ContentType: `${E}chat.ended`, ParticipantRole: 'SYSTEM' }), context)?.type).toBe('CHAT_ENDED');
  });

  it('recognises the queue marker only in SYSTEM text messages', () => {
    const marker = { Type: 'MESSAGE', Content: "You're next in line. [queued]" };
    expect(toChatEvent(item({ ...marker, ParticipantRole: 'SYSTEM' }), context)?.type).toBe('QUEUED');
    expect(toChatEvent(item({ ...marker, ParticipantRole: 'AGENT' }), context)).toBeUndefined();
    expect(toChatEvent(item({ ...marker, ParticipantRole: 'CUSTOMER' }), context)).toBeUndefined();
    expect(toChatEvent(item({ Type: 'MESSAGE', Content: 'Hello', ParticipantRole: 'SYSTEM' }), context)).toBeUndefined();
  });

  it('leaves ordinary messages and typing to the panel', () => {
    expect(toChatEvent(item({ Type: 'MESSAGE', Content: 'hi', ParticipantRole: 'AGENT' }), context)).toBeUndefined();
    expect(toChatEvent(item({ ContentType: `${E}typing`, ParticipantRole: 'AGENT' }), context)).toBeUndefined();
  });
});
