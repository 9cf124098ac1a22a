import { describe, expect, it } from 'vitest';
import { isTranscriptItem } from '../../../../src/browser/connect/transcript-item';

const base = { Id: 'i', AbsoluteTime: '2026-11-25T10:00:00.000Z', Type: 'MESSAGE', ContentType: 'text/plain', Content: 'Hi' };
const file = { AttachmentId: 'a', AttachmentName: 'f.pdf', ContentType: 'application/pdf', Status: 'APPROVED' };

describe('isTranscriptItem', () => {
  it('accepts messages, events and ATTACHMENT items without a content type', () => {
    expect(isTranscriptItem(base)).toBe(true);
    expect(isTranscriptItem({ ...base, Content: undefined, ContentType: 'application/vnd.amazonaws.connect.event.typing' })).toBe(true);
    expect(isTranscriptItem({ ...base, Type: 'ATTACHMENT', ContentType: undefined, Content: undefined, Attachments: [file] })).toBe(true);
    expect(isTranscriptItem({ ...base, Type: 'MESSAGEMETADATA', MessageMetadata: { MessageId: 'm', Receipts: [{ ReadTimestamp: 't' }] } })).toBe(true);
  });

  it('drops what later steps could not rely on', () => {
    for (const bad of [
      null, 'x', [], { ...base, Id: 1 }, { ...base, AbsoluteTime: undefined }, { ...base, Content: 5 },
      { ...base, ContentType: undefined },
      { ...base, Attachments: file },
      { ...base, Attachments: [{ ...file, AttachmentName: 7 }] },
      { ...base, Attachments: [{ ...file, AttachmentId: undefined }] },
      { ...base, Attachments: [{ ...file, Status: {} }] },
      { ...base, MessageMetadata: { Receipts: [] } },
      { ...base, MessageMetadata: { MessageId: 'm', Receipts: 'read' } },
    ]) {
      expect(isTranscriptItem(bad)).toBe(false);
    }
  });
});
