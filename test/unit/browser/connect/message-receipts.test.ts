import { describe, expect, it } from 'vitest';
import { acknowledges, receiptOf } from '../../../../src/browser/connect/message-receipts';
import type { TranscriptItem } from '../../../../src/browser/connect/transcript-item';

const item = (fields: Record<string, unknown>): TranscriptItem =>
  ({ Id: 'i1', AbsoluteTime: '2026-11-25T10:00:00Z', Type: 'MESSAGE', ContentType: 'text/plain', ...fields }) as TranscriptItem;

describe('message receipts', () => {
  it('reads a MESSAGEMETADATA push: read wins over delivered', () => {
    const read = item({ Type: 'MESSAGEMETADATA', MessageMetadata: { MessageId: 'm1', Receipts: [{ DeliveredTimestamp: 'x', ReadTimestamp: 'y' }] } });
    expect(receiptOf(read)).toEqual({ messageId: 'm1', kind: 'read' });
    const delivered = item({ Type: 'MESSAGEMETADATA', MessageMetadata: { MessageId: 'm1', Receipts: [{ DeliveredTimestamp: 'x' }] } });
    expect(receiptOf(delivered)).toEqual({ messageId: 'm1', kind: 'delivered' });
  });

  it('reads the receipts a transcript item carries for itself, and none from an item without', () => {
    expect(receiptOf(item({ MessageMetadata: { Receipts: [{ ReadTimestamp: 'y' }] } }))).toEqual({ messageId: 'i1', kind: 'read' });
    expect(receiptOf(item({}))).toBeUndefined();
    expect(receiptOf(item({ MessageMetadata: { Receipts: 'bad' } }))).toBeUndefined();
  });

  it("acknowledges an agent's messages and files only: never the flow's, a bot's, events or the customer's own", () => {
    expect(acknowledges(item({ ParticipantRole: 'AGENT', ParticipantId: 'a' }), 'me')).toBe(true);
    expect(acknowledges(item({ Type: 'ATTACHMENT', ParticipantRole: 'AGENT', ParticipantId: 'a' }), 'me')).toBe(true);
    expect(acknowledges(item({ ParticipantRole: 'SYSTEM', DisplayName: 'BOT' }), 'me')).toBe(false);
    expect(acknowledges(item({ Type: 'EVENT', ParticipantRole: 'AGENT' }), 'me')).toBe(false);
    expect(acknowledges(item({ ParticipantRole: 'CUSTOMER', ParticipantId: 'me' }), 'me')).toBe(false);
  });
});
