import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_UI_TEXT } from '../../../../src/browser/config/ui-text';
import { ES_UI_TEXT } from '../../../../src/browser/config/locales/es';
import { MAX_MESSAGE_LENGTH, MessageRejectedError } from '../../../../src/browser/connect/chat-session';
import { messageNotice } from '../../../../src/browser/connect/message-notice';

// chatjs fills a browser sandbox when imported; the notice needs only the error class beside it.
vi.mock('amazon-connect-chatjs', () => ({}));

describe('message notice', () => {
  it("names the problem in the customer's language, not the error's developer message", () => {
    expect(messageNotice(new MessageRejectedError('message.empty', 'The message is empty.'), ES_UI_TEXT)).toBe('El mensaje está vacío.');
    expect(messageNotice(new MessageRejectedError('message.send_failed', 'Not connected.'), ES_UI_TEXT)).toBe('No se pudo enviar el mensaje.');
  });

  it('fills the length limit into messageTooLong, keeping $ patterns of a site wording literal', () => {
    const tooLong = new MessageRejectedError('message.too_long', 'too long');
    expect(messageNotice(tooLong, DEFAULT_UI_TEXT)).toBe(`Messages can be at most ${MAX_MESSAGE_LENGTH} characters.`);
    expect(messageNotice(tooLong, { ...DEFAULT_UI_TEXT, messageTooLong: "$& {max} $'" })).toBe(`$& ${MAX_MESSAGE_LENGTH} $'`);
  });

  it('says the message was not sent for any other failure', () => {
    expect(messageNotice(new Error('socket closed'), DEFAULT_UI_TEXT)).toBe('The message could not be sent.');
  });
});
