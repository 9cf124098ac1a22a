import { describe, expect, it, vi } from 'vitest';
import { createCustomerSends } from '../../../../src/browser/runtime/customer-sends';
import { createTranscriptStore } from '../../../../src/browser/ui/transcript-store';
import { attachmentPolicy } from '../../../../src/browser/connect/attachment-check';
import { AttachmentRejectedError } from '../../../../src/browser/connect/attachment-check';
import { DEFAULT_UI_TEXT } from '../../../../src/browser/config/ui-text';

// chatjs fills a browser sandbox when imported; these sends need only the error classes beside it.
vi.mock('amazon-connect-chatjs', () => ({}));

const file = (name: string, type: string, size = 10) => new File([new Uint8Array(size)], name, { type });

function setup({ failFirst = false } = {}) {
  const store = createTranscriptStore({ customerParticipantId: 'me', queueMarker: '[queued]', text: DEFAULT_UI_TEXT });
  let failures = failFirst ? 1 : 0;
  const session = {
    sendMessage: vi.fn(async (text: string) => {
      if (failures-- > 0) throw new Error('offline');
      return { id: `id-${text}` };
    }),
    sendAttachment: vi.fn(async (sent: File) => {
      if (failures-- > 0) throw new AttachmentRejectedError('attachment.send_failed', sent.name, 'x');
    }),
  };
  const notices: Array<string | undefined> = [];
  const sends = createCustomerSends({
    store,
    session: () => session,
    policy: attachmentPolicy({ types: ['.pdf', '.png'], maxBytes: 100 }),
    text: DEFAULT_UI_TEXT,
    lang: 'en',
    now: () => 0,
    notice: (text) => notices.push(text),
    render: () => {},
  });
  return { store, session, sends, notices };
}

describe('customer sends', () => {
  it('refuses a file of another type or over the limit before any upload, and uploads the allowed one', async () => {
    const { session, sends, notices, store } = setup();
    await sends.attach([file('setup.exe', 'application/x-msdownload'), file('big.pdf', 'application/pdf', 101), file('ok.pdf', 'application/pdf')]);
    expect(session.sendAttachment).toHaveBeenCalledTimes(1);
    expect(session.sendAttachment.mock.calls[0]![0].name).toBe('ok.pdf');
    expect(notices.at(-1)).toBe("setup.exe can't be sent: only PDF, PNG files up to 100 B. big.pdf can't be sent: files can be at most 100 B.");
    expect(store.messages()).toMatchObject([{ pending: true, content: { kind: 'attachment', attachment: { name: 'ok.pdf' } } }]);
  });

  it('marks a failed upload and sends the same file again, in place, on resend', async () => {
    const { session, sends, notices, store } = setup({ failFirst: true });
    const pdf = file('ok.pdf', 'application/pdf');
    await sends.attach([pdf]);
    const [failed] = store.messages();
    expect(failed).toMatchObject({ failed: true });
    expect(notices.at(-1)).toBe('ok.pdf could not be sent.');
    await sends.resend(failed!.id);
    expect(session.sendAttachment).toHaveBeenCalledTimes(2);
    expect(session.sendAttachment.mock.calls[1]![0]).toBe(pdf);
    expect(store.messages()).toMatchObject([{ id: failed!.id, pending: true }]);
  });

  it('sends a failed text again on resend, and nothing for an id that did not fail', async () => {
    const { session, sends, store } = setup({ failFirst: true });
    await sends.sendText('hello');
    const id = store.messages()[0]!.id;
    await sends.resend(id);
    expect(session.sendMessage.mock.calls.map(([text]) => text)).toEqual(['hello', 'hello']);
    await sends.resend(id);
    await sends.resend('nothing');
    expect(session.sendMessage).toHaveBeenCalledTimes(2);
  });

  it('sends a pick as its exact text and marks the card answered at once', async () => {
    const { session, sends, store } = setup();
    const answer = vi.spyOn(store, 'answer');
    const sending = sends.pick('card-1', 'Billing');
    expect(answer).toHaveBeenCalledWith('card-1');
    await sending;
    expect(session.sendMessage).toHaveBeenCalledWith('Billing');
  });
});
