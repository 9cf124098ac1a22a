import { nothing, render } from 'lit/html.js';
import { adoptStyles } from './adopt-styles';
import { createAnnouncer } from './chat-panel.announcer';
import { panelDom } from './chat-panel.dom';
import { listenToCustomer } from './chat-panel.input';
import { PANEL_CSS } from './chat-panel.styles';
import { transcriptFileName, transcriptText, downloadText } from './chat-panel.transcript';
import type { ChatPanel, PanelCallbacks, PanelOptions, PanelView } from './chat-panel.types';
import { panelTemplate, type PanelLocal } from './chat-panel.view';
import { createFrameThrottle } from './frame-throttle';
import { followScroll } from './scroll-follow';

export type { ChatPanel, PanelCallbacks, PanelMessage, PanelOptions, PanelStatus, PanelView } from './chat-panel.types';
export { statusText } from './chat-panel.view';

/** The chat just stopped (ended, or failed with a retry to offer): the one way forward deserves focus. */
function reachedStop(previous: PanelView | undefined, next: PanelView): boolean {
  return (
    previous !== undefined &&
    previous.status !== next.status && (next.status === 'ended' || (next.status === 'failed' && !!next.canRetry))
  );
}

/** The UI language for dates and times: the nearest `lang` from the host element up (the runtime sets it from the config). */
function localeOf(host: ShadowRoot): string | undefined {
  return (host.host.closest('[lang]')?.getAttribute('lang') || host.ownerDocument.documentElement.lang) || undefined;
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
  const now = options.now ?? (() => Date.now());
  const removeStyles = adoptStyles(host, PANEL_CSS, options.nonce);
  const container = doc.createElement('div');
  container.className = 'cw-root';
  host.append(container);
  const announcer = createAnnouncer();
  const scroll = followScroll(() => panelDom.list(container), () => panelDom.unreadDivider(container));
  const local: Omit<PanelLocal, 'now' | 'locale'> = { draftLength: 0, dragging: false };

  let view: PanelView | undefined;
  let destroyed = false;
  let focusAfterUpdate = false;

  /** Renders the current view with what only the panel knows (the draft, a drag). */
  function draw(): void {
    if (!view || destroyed) return;
    render(panelTemplate(view, announcer.announcements, callbacks, { ...local, now: now(), locale: localeOf(host) }), container);
  }

  const stopListening = listenToCustomer(container, callbacks, {
    draft(length) {
      if (length === local.draftLength) return;
      local.draftLength = length;
      draw();
    },
    dragging(over) {
      local.dragging = over;
      draw();
    },
    download() {
      if (view) downloadText(container, transcriptFileName(view.messages, now()), transcriptText(view.messages, view.text, localeOf(host)));
    },
    maxLength: () => view?.maxMessageLength ?? Infinity,
  });

  /** Shows `next`: renders, keeps the list at the bottom, speaks what is new, and moves focus where needed. */
  function show(next: PanelView): void {
    const previous = view;
    const hadFocus = panelDom.hasFocus(host, container);

    const { ownMessage } = announcer.hear(next, previous === undefined);
    view = next;
    draw();

    scroll.settle(ownMessage);
    const lostFocus = hadFocus && !panelDom.hasFocus(host, container);
    const asking = !!next.confirmingEnd && !previous?.confirmingEnd;
    if (focusAfterUpdate || lostFocus || asking || (reachedStop(previous, next) && (hadFocus || panelDom.pageIdle(doc)))) {
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
      scroll.stop();
      render(nothing, container);
      container.remove();
      removeStyles();
    },
  };
}
