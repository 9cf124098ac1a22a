import type { PanelMessage } from './chat-panel.types';
import type { Receipt } from '../connect/message-receipts';

/** What later news says of the messages shown: the agent's receipts, the cards answered, the files' thumbnails. */
export function createMessageNews() {
  /** What the agent's side said of the customer's messages, by message id; a read is never downgraded. */
  const receipts = new Map<string, Receipt['kind']>();
  /** Cards the customer picked from. */
  const answered = new Set<string>();
  /** Object URLs of image thumbnails, by attachment id. */
  const thumbnails = new Map<string, string>();

  return {
    /** Notes a receipt; false when it changes nothing. */
    receipt({ messageId, kind }: Receipt): boolean {
      if (receipts.get(messageId) === 'read' || receipts.get(messageId) === kind) return false;
      receipts.set(messageId, kind);
      return true;
    },
    answer(messageId: string): void {
      answered.add(messageId);
    },
    thumbnail(attachmentId: string, url: string): void {
      thumbnails.set(attachmentId, url);
    },
    /**
     * The list with the news: the receipt under the customer's latest message only, cards answered when picked
     * from or when the customer wrote after them, thumbnails on the files that have one.
     */
    decorate(list: PanelMessage[]): PanelMessage[] {
      let lastCustomer = -1;
      list.forEach((message, index) => {
        if (message.role === 'CUSTOMER' && !message.failed) lastCustomer = index;
      });
      return list.map((message, index) => {
        let next = message;
        if (index === lastCustomer && !message.pending) {
          const receipt = receipts.get(message.id);
          if (receipt) next = { ...next, receipt };
        }
        if (message.content.kind === 'interactive' && (answered.has(message.id) || index < lastCustomer)) next = { ...next, answered: true };
        if (message.content.kind === 'attachment') {
          const thumbnailUrl = thumbnails.get(message.content.attachment.id);
          if (thumbnailUrl) next = { ...next, content: { kind: 'attachment', attachment: { ...message.content.attachment, thumbnailUrl } } };
        }
        return next;
      });
    },
  };
}
