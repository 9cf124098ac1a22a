import { DEFAULT_UI_TEXT } from '../../../../src/browser/config/ui-text';
import { describe, expect, it } from 'vitest';
import type { TranscriptItem } from '../../../../src/browser/connect/transcript-item';
import { createTranscriptStore } from '../../../../src/browser/ui/transcript-store';

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
});
