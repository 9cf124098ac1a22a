import { DEFAULT_UI_TEXT } from '../../../../src/browser/config/ui-text';
import { describe, expect, it } from 'vitest';
import type { TranscriptItem } from '../../../../src/browser/connect/transcript-item';
import { createTranscriptStore } from '../../../../src/browser/ui/transcript-store';
import { toPanelMessage } from '../../../../src/browser/ui/panel-message';
import type { PanelMessage } from '../../../../src/browser/ui/chat-panel.types';

const E = 'application/vnd.amazonaws.connect.event.';

function message(id: string, second: number, fields: Partial<TranscriptItem> = {}): TranscriptItem {
  return {
    Id: id,
    AbsoluteTime: new Date(Date.UTC(2026, 10, 25, 10, 0, second)).toISOString(),
    Type: 'MESSAGE',
    ContentType: 'text/plain',
    Content: `text ${id}`,
    ParticipantRole: 'AGENT',
    ParticipantId: 'agent-1',
    DisplayName: 'Ana',
    ...fields,
  };
}

function newStore() {
  return createTranscriptStore({ customerParticipantId: 'me', queueMarker: '[queued]', text: DEFAULT_UI_TEXT });
}

describe('transcript store', () => {
  it('shows an item once however often it arrives (socket and transcript)', () => {
    const store = newStore();
    expect(store.add(message('a', 1))).toBe(true);
    expect(store.add(message('a', 1))).toBe(false);
    expect(store.messages().map((m) => m.id)).toEqual(['a']);
  });

  it('keeps time order when a transcript fills a gap', () => {
    const store = newStore();
    store.add(message('c', 3));
    store.add(message('a', 1));
    store.add(message('b', 2));
    expect(store.messages().map((m) => m.id)).toEqual(['a', 'b', 'c']);
  });

  it('replaces a pending customer message with its echo', () => {
    const store = newStore();
    store.addPending('tmp-1', 'hello', '', 0);
    expect(store.messages()).toMatchObject([{ id: 'tmp-1', pending: true, role: 'CUSTOMER' }]);
    store.confirm('tmp-1', 'real-1');
    store.add(message('real-1', 1, { ParticipantId: 'me', ParticipantRole: 'CUSTOMER', Content: 'hello' }));
    expect(store.messages()).toMatchObject([{ id: 'real-1', role: 'CUSTOMER', text: 'hello' }]);
  });

  it('handles an echo that arrives before the send call returns', () => {
    const store = newStore();
    store.addPending('tmp-1', 'hello', '', 0);
    store.add(message('real-1', 1, { ParticipantId: 'me', ParticipantRole: 'CUSTOMER', Content: 'hello' }));
    // Shown once at once, not twice until the send call returns.
    expect(store.messages().map((m) => m.id)).toEqual(['real-1']);
    store.confirm('tmp-1', 'real-1');
    expect(store.messages().map((m) => m.id)).toEqual(['real-1']);
  });

  it('matches an early echo to the oldest send of the same text, and leaves a failed send alone', () => {
    const store = newStore();
    store.addPending('tmp-1', 'again', '', 0);
    store.fail('tmp-1');
    store.addPending('tmp-2', 'again', '', 1);
    store.addPending('tmp-3', 'again', '', 2);
    store.add(message('real-2', 3, { ParticipantId: 'me', ParticipantRole: 'CUSTOMER', Content: 'again' }));
    expect(store.messages().map((m) => m.id)).toEqual(['real-2', 'tmp-1', 'tmp-3']);
  });

  it('marks a failed send', () => {
    const store = newStore();
    store.addPending('tmp-1', 'hello', '', 0);
    store.fail('tmp-1');
    expect(store.messages()).toMatchObject([{ id: 'tmp-1', failed: true, pending: false }]);
  });

  it('strips the queue marker from system text and hides a message that was only the marker', () => {
    const store = newStore();
    store.add(message('q1', 1, { ParticipantRole: 'SYSTEM', Content: "You're next in line. [queued]" }));
    store.add(message('q2', 2, { ParticipantRole: 'SYSTEM', Content: '[queued]' }));
    expect(store.messages().map((m) => [m.role, m.text])).toEqual([['BOT', "You're next in line."]]);
  });

  it('shows agents joining and leaving as system lines, and hides other events', () => {
    const store = newStore();
    store.add(message('j', 1, { Type: 'EVENT', ContentType: `${E}participant.joined`, Content: undefined }));
    store.add(message('t', 2, { Type: 'EVENT', ContentType: `${E}typing`, Content: undefined }));
    store.add(message('l', 3, { Type: 'EVENT', ContentType: `${E}participant.left`, Content: undefined }));
    expect(store.messages().map((m) => m.text)).toEqual(['\u2068Ana\u2069 joined the chat', '\u2068Ana\u2069 left the chat']);
  });

  it('keeps hostile text as plain text for the panel to render', () => {
    const store = newStore();
    store.add(message('x', 1, { Content: '<img src=x onerror=alert(1)>' }));
    expect(store.messages()[0]!.text).toBe('<img src=x onerror=alert(1)>');
  });

  describe('receipts, answers, files', () => {
    const mine = { ParticipantId: 'me', ParticipantRole: 'CUSTOMER' } as const;
    const CARD = 'application/vnd.amazonaws.connect.message.interactive';
    /** Maps cards and files itself, so these rules are tested whatever the content renderers map. */
    const richStore = () =>
      createTranscriptStore({
        customerParticipantId: 'me',
        queueMarker: '[queued]',
        text: DEFAULT_UI_TEXT,
        toMessage: (item, options): PanelMessage | undefined => {
          const base = { id: item.Id, displayName: item.DisplayName ?? '', at: Date.parse(item.AbsoluteTime), text: item.Content ?? '' };
          if (item.ContentType === CARD) return { ...base, role: 'BOT', content: { kind: 'interactive', template: { templateType: 'QuickReply' } as never } };
          if (item.Type === 'ATTACHMENT') {
            const [file] = (item as unknown as { Attachments: Array<{ AttachmentId: string; AttachmentName: string; ContentType: string }> }).Attachments;
            const attachment = { id: file!.AttachmentId, name: file!.AttachmentName, contentType: file!.ContentType, status: 'APPROVED' as const };
            return { ...base, role: item.ParticipantRole === 'CUSTOMER' ? 'CUSTOMER' : 'AGENT', text: file!.AttachmentName, content: { kind: 'attachment', attachment } };
          }
          return toPanelMessage(item, options);
        },
      });
    const fileItem = (id: string, second: number, name: string, fields: Partial<TranscriptItem> = {}) =>
      message(id, second, { Type: 'ATTACHMENT', ContentType: 'application/pdf', Content: undefined, ...fields, ...({ Attachments: [{ AttachmentId: `att-${id}`, AttachmentName: name, ContentType: 'application/pdf', Status: 'APPROVED' }] } as object) });

    it('shows the agent\'s receipt under the customer\'s latest message only, a read never going back to delivered', () => {
      const store = newStore();
      store.add(message('c1', 1, { ...mine, Content: 'one' }));
      store.add(message('c2', 2, { ...mine, Content: 'two' }));
      store.receipt({ messageId: 'c1', kind: 'read' });
      expect(store.messages().map((m) => m.receipt)).toEqual([undefined, undefined]);
      store.receipt({ messageId: 'c2', kind: 'read' });
      store.receipt({ messageId: 'c2', kind: 'delivered' });
      expect(store.messages().map((m) => m.receipt)).toEqual([undefined, 'read']);
      store.add(message('c3', 3, { ...mine, Content: 'three' }));
      expect(store.messages().map((m) => m.receipt)).toEqual([undefined, undefined, undefined]);
    });

    it('takes receipts from the transcript after a reload, as MESSAGEMETADATA items or on the message itself', () => {
      const store = newStore();
      store.add({ ...message('c1', 1, { ...mine, Content: 'hi' }), MessageMetadata: { MessageId: 'c1', Receipts: [{ DeliveredTimestamp: '2026-11-25T10:00:02Z' }] } } as TranscriptItem);
      expect(store.messages()[0]!.receipt).toBe('delivered');
      store.add({ Id: 'meta-1', AbsoluteTime: '2026-11-25T10:00:03Z', Type: 'MESSAGEMETADATA', ContentType: `${E}message.metadata`, MessageMetadata: { MessageId: 'c1', Receipts: [{ ReadTimestamp: '2026-11-25T10:00:03Z' }] } } as TranscriptItem);
      expect(store.messages().map((m) => [m.id, m.receipt])).toEqual([['c1', 'read']]);
    });

    it('marks a card answered when picked from, and when the customer writes after it', () => {
      const store = richStore();
      store.add(message('card-1', 1, { ContentType: CARD, ParticipantRole: 'SYSTEM', Content: '{}' }));
      store.add(message('card-2', 2, { ContentType: CARD, ParticipantRole: 'SYSTEM', Content: '{}' }));
      expect(store.messages().map((m) => m.answered)).toEqual([undefined, undefined]);
      store.answer('card-2');
      expect(store.messages().map((m) => m.answered)).toEqual([undefined, true]);
      store.addPending('tmp-1', 'typed instead', '', 3);
      expect(store.messages().map((m) => m.answered)).toEqual([true, true, undefined]);
    });

    it('shows a file on its way, replaced by its echo (matched by name), and retries a failed one in place', () => {
      const store = richStore();
      store.addPendingFile('tmp-1', { name: 'report.pdf', type: 'application/pdf', size: 1234 }, '', 0);
      expect(store.messages()).toMatchObject([{ id: 'tmp-1', pending: true, content: { kind: 'attachment', attachment: { name: 'report.pdf', size: 1234, status: 'IN_PROGRESS', progress: 0 } } }]);
      store.progress('tmp-1', 0.5);
      expect(store.messages()[0]!.content).toMatchObject({ attachment: { progress: 0.5 } });
      store.fail('tmp-1');
      expect(store.messages()).toMatchObject([{ id: 'tmp-1', failed: true, pending: false }]);
      expect(store.retry('tmp-1')).toBe(true);
      // The upload starts over.
      expect(store.messages()[0]).toMatchObject({ id: 'tmp-1', pending: true, content: { attachment: { progress: 0 } } });
      expect(store.messages()[0]!.failed).toBeUndefined();
      store.add(fileItem('other', 1, 'other.pdf', mine));
      expect(store.messages().map((m) => m.id)).toEqual(['other', 'tmp-1']);
      store.add(fileItem('real', 2, 'report.pdf', mine));
      expect(store.messages().map((m) => m.id)).toEqual(['other', 'real']);
      // Amazon Connect's item has no size: the echo keeps the one the upload knew.
      expect(store.messages()[1]!.content).toMatchObject({ kind: 'attachment', attachment: { id: 'att-real', size: 1234 } });
      expect(store.retry('real')).toBe(false);
    });

    it('puts a thumbnail on the file it belongs to', () => {
      const store = richStore();
      store.add(fileItem('f1', 1, 'shot.png'));
      store.setThumbnail('att-f1', 'blob:thumb');
      expect(store.messages()[0]!.content).toMatchObject({ kind: 'attachment', attachment: { id: 'att-f1', thumbnailUrl: 'blob:thumb' } });
    });
  });
});
