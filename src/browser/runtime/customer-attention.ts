import type { PanelMessage } from '../ui/chat-panel.types';
import type { TranscriptItem } from '../connect/transcript-item';
import { acknowledges, type ReceiptKind } from '../connect/message-receipts';
import type { UnreadSignals } from './unread-signals';

export interface CustomerAttentionOptions {
  window: Window;
  customerParticipantId: string;
  unread: UnreadSignals;
  sendReceipt(messageId: string, kind: ReceiptKind): void;
  /** Whether the customer can see the panel changed (the view shows `firstUnreadId` then). */
  onChange(): void;
}

/**
 * What the customer can see: the panel open (the machine's say) in a visible tab. Agent messages are receipted
 * as delivered on arrival and as read only once seen; agent and bot messages that arrive unseen are unread.
 */
export function createCustomerAttention(options: CustomerAttentionOptions) {
  const doc = options.window.document;
  const { unread } = options;
  let panelShown = false;
  let pageVisible = doc.visibilityState === 'visible';
  /** Agent items delivered while unseen, to be receipted as read when the customer looks. */
  let unseen: string[] = [];
  let seeing = false;

  function look(): void {
    const now = panelShown && pageVisible;
    if (now === seeing) return;
    seeing = now;
    if (seeing) {
      for (const id of unseen) options.sendReceipt(id, 'read');
      unseen = [];
      unread.seen();
    } else {
      unread.away();
    }
    options.onChange();
  }

  const onVisibility = () => {
    pageVisible = doc.visibilityState === 'visible';
    look();
  };
  doc.addEventListener('visibilitychange', onVisibility);

  return {
    get seeing(): boolean {
      return seeing;
    },
    /** The machine says the panel is open (true) or minimised. */
    panelShown(shown: boolean): void {
      panelShown = shown;
      look();
    },
    /**
     * An item the customer had not had before (`fresh`: not history read after a reload), with what the panel
     * shows of it.
     */
    arrived(item: TranscriptItem, message: PanelMessage | undefined, fresh: boolean): void {
      if (!fresh) return;
      if (acknowledges(item, options.customerParticipantId)) {
        options.sendReceipt(item.Id, 'delivered');
        if (seeing) options.sendReceipt(item.Id, 'read');
        else unseen.push(item.Id);
      }
      if (!seeing && message && (message.role === 'AGENT' || message.role === 'BOT')) unread.arrived(message.id);
    },
    destroy(): void {
      doc.removeEventListener('visibilitychange', onVisibility);
      unread.destroy();
    },
  };
}

export type CustomerAttention = ReturnType<typeof createCustomerAttention>;
