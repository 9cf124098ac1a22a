import type { UiText } from '../config/instance-config.types';
import { MAX_MESSAGE_LENGTH, MessageRejectedError } from './chat-session';

/**
 * The notice the panel shows for a message that was not sent, in the customer's language: chosen by the
 * error's `code` (the error's own message is for developers), `messageNotSent` for anything else.
 */
export function messageNotice(error: unknown, text: Pick<UiText, 'messageEmpty' | 'messageTooLong' | 'messageNotSent'>): string {
  if (!(error instanceof MessageRejectedError)) return text.messageNotSent;
  switch (error.code) {
    case 'message.empty': return text.messageEmpty;
    // A function replacer, so a `$&` in a site's own wording stays literal.
    case 'message.too_long': return text.messageTooLong.replaceAll('{max}', () => String(MAX_MESSAGE_LENGTH));
    case 'message.send_failed': return text.messageNotSent;
  }
}
