import type { UiText } from '../config/instance-config.types';
import { MessageRejectedError, type ChatSession } from '../connect/chat-session';
import { messageNotice } from '../connect/message-notice';
import { AttachmentRejectedError, attachmentNotice, checkAttachment, type AttachmentPolicy } from '../connect/attachment-check';
import type { TranscriptStore } from '../ui/transcript-store';

export interface CustomerSendsOptions {
  store: TranscriptStore;
  session(): Pick<ChatSession, 'sendMessage' | 'sendAttachment'> | undefined;
  /** What the instance lets the customer attach; undefined: attachments are off. */
  policy: AttachmentPolicy | undefined;
  text: UiText;
  lang: string;
  now(): number;
  /** A problem with what the customer just did, or undefined to clear it. */
  notice(text: string | undefined): void;
  render(): void;
}

/** What a message on its way is, kept so a failed one can be sent again as it was. */
type Outgoing = { kind: 'text'; text: string } | { kind: 'file'; file: File };

/**
 * The customer's messages, files and card picks, each shown at once as on its way, then replaced by its echo or
 * marked failed (with Retry, which sends it again in place).
 */
export function createCustomerSends(options: CustomerSendsOptions) {
  const { store } = options;
  const outgoing = new Map<string, Outgoing>();
  let count = 0;

  async function deliver(tempId: string, what: Outgoing): Promise<void> {
    options.notice(undefined);
    options.render();
    try {
      const session = options.session();
      if (what.kind === 'text') {
        if (!session) throw new MessageRejectedError('message.send_failed', 'Not connected.');
        const { id } = await session.sendMessage(what.text);
        store.confirm(tempId, id);
      } else {
        if (!session) throw new AttachmentRejectedError('attachment.send_failed', what.file.name, 'Not connected.');
        // chatjs' upload answers with no item id: the echo is matched by the file's name (`TranscriptStore.add`).
        await session.sendAttachment(what.file, (fraction) => {
          store.progress(tempId, fraction);
          options.render();
        });
      }
      outgoing.delete(tempId);
    } catch (error) {
      store.fail(tempId);
      options.notice(
        error instanceof AttachmentRejectedError && options.policy
          ? attachmentNotice(error, options.policy, options.text, options.lang)
          : messageNotice(error, options.text),
      );
    }
    options.render();
  }

  function sendText(text: string): Promise<void> {
    const tempId = `pending-${++count}`;
    const what: Outgoing = { kind: 'text', text };
    outgoing.set(tempId, what);
    store.addPending(tempId, text, '', options.now());
    return deliver(tempId, what);
  }

  return {
    sendText,
    /** Checks every file first (type and size), refusing with the reason; uploads those that pass, one by one. */
    async attach(files: readonly File[]): Promise<void> {
      const { policy } = options;
      if (!policy) return;
      const accepted: File[] = [];
      const refusals: string[] = [];
      for (const file of files) {
        try {
          accepted.push(checkAttachment(file, policy));
        } catch (error) {
          if (!(error instanceof AttachmentRejectedError)) throw error;
          refusals.push(attachmentNotice(error, policy, options.text, options.lang));
        }
      }
      const pending = accepted.map((file) => {
        const tempId = `pending-${++count}`;
        const what: Outgoing = { kind: 'file', file };
        outgoing.set(tempId, what);
        store.addPendingFile(tempId, { name: file.name, type: file.type, size: file.size }, '', options.now());
        return [tempId, what] as const;
      });
      options.render();
      for (const [tempId, what] of pending) await deliver(tempId, what);
      // Said after the uploads (each clears the notice as it starts), so the refusal stays in view.
      if (refusals.length) {
        options.notice(refusals.join(' '));
        options.render();
      }
    },
    /** Sends a failed message or file again, in place. */
    resend(tempId: string): Promise<void> {
      const what = outgoing.get(tempId);
      if (!what || !store.retry(tempId)) return Promise.resolve();
      return deliver(tempId, what);
    },
    /** A choice on a card: the card is answered at once, the reply sent as plain text. */
    pick(messageId: string, reply: string): Promise<void> {
      store.answer(messageId);
      return sendText(reply);
    },
  };
}

export type CustomerSends = ReturnType<typeof createCustomerSends>;
