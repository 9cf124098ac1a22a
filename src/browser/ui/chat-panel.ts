import { nothing, render } from 'lit/html.js';
import { adoptStyles } from './adopt-styles';
import { createAnnouncer } from './chat-panel.announcer';
import { panelDom } from './chat-panel.dom';
import { listenToCustomer } from './chat-panel.input';
import { PANEL_CSS } from './chat-panel.styles';
import type { ChatPanel, PanelCallbacks, PanelOptions, PanelView } from './chat-panel.types';
import { panelTemplate } from './chat-panel.view';
import { createFrameThrottle } from './frame-throttle';
import { isFollowing, scrollToEnd } from './scroll-follow';

export type { ChatPanel, PanelCallbacks, PanelMessage, PanelOptions, PanelStatus, PanelView } from './chat-panel.types';
export { statusText } from './chat-panel.view';

/** The chat just stopped (ended, or failed with a retry to offer): the one way forward deserves focus. */
function reachedStop(previous: PanelView | undefined, next: PanelView): boolean {
  return (
    previous !== undefined &&
    previous.status !== next.status && (next.status === 'ended' || (next.status === 'failed' && !!next.canRetry))
  );
}

/**
 * Mounts the chat panel into `host`: a pure view. `update(view)` shows a state; what the customer does
 * comes back through `callbacks`. Text is always bound as text, never parsed as HTML.
 *
 * New messages are announced once through a polite live region: those added since the previous update
 * (by id), never the first update's messages (a restored transcript), at most a few per update, and not
 * the customer's own. Status changes are announced too; typing is not.
 */
export function mountChatPanel(host: ShadowRoot, callbacks: PanelCallbacks, options: PanelOptions = {}): ChatPanel {
  const doc = host.ownerDocument;
  const removeStyles = adoptStyles(host, PANEL_CSS, options.nonce);
  const container = doc.createElement('div');
  container.className = 'cw-root';
  host.append(container);
  const stopListening = listenToCustomer(container, callbacks);
  const announcer = createAnnouncer();

  let view: PanelView | undefined;
  let destroyed = false;
  let focusAfterUpdate = false;

  /** Shows `next`: renders, keeps the list at the bottom, speaks what is new, and moves focus where needed. */
  function show(next: PanelView): void {
    const previous = view;
    const following = isFollowing(panelDom.list(container));
    const hadFocus = panelDom.hasFocus(host, container);

    const { ownMessage } = announcer.hear(next, previous === undefined);
    view = next;
    render(panelTemplate(next, announcer.announcements, callbacks), container);

    if (following || ownMessage) scrollToEnd(panelDom.list(container));
    const lostFocus = hadFocus && !panelDom.hasFocus(host, container);
    if (focusAfterUpdate || lostFocus || (reachedStop(previous, next) && (hadFocus || panelDom.pageIdle(doc)))) {
      focusAfterUpdate = false;
      panelDom.focusPrimary(container);
    }
  }

  /**
   * At most one render per frame. Each render measures the list to keep it scrolled to the bottom, a layout
   * that grows with the conversation; a burst of messages (a busy agent, a transcript catching up after a
   * reconnect) would otherwise pay it once per message.
   */
  const renders = createFrameThrottle(doc.defaultView!, show);

  return {
    update(next) {
      if (!destroyed) renders.push(next);
    },
    focus() {
      if (destroyed) return;
      if (view) panelDom.focusPrimary(container);
      else focusAfterUpdate = true;
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      renders.cancel();
      stopListening();
      render(nothing, container);
      container.remove();
      removeStyles();
    },
  };
}
