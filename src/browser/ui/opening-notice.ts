import type { ResolvedConfig } from '../config/instance-config';
import { sendLeftMessage } from '../connect/leave-message-client';
import { adoptStyles } from './adopt-styles';
import { createHostElement } from './host-element';
import { LEAVE_MESSAGE_CSS, mountLeaveMessageForm, type LeftMessage } from './leave-message-form';
import { openingWords } from './opening-words';

export interface OpeningNoticeOptions {
  document: Document;
  /**
   * The instance: its `host` (the launcher's language, direction and theme, so the notice looks like it), its
   * `text`, and `offHours.leaveMessage` with `name` and `startChatUrl` for the "Leave a message" form.
   */
  config: Pick<ResolvedConfig, 'host' | 'text' | 'name' | 'startChatUrl' | 'offHours'>;
  container?: HTMLElement | undefined;
  now(): number;
  /** What `startChatUrl` resolves against (the messages go beside it, to `…/messages`). @default location.href */
  baseUrl?: string | undefined;
  /** @default window.fetch */
  fetch?: typeof fetch;
  /** Adds `nonce` to a fallback `<style>` where constructable stylesheets are missing. */
  nonce?: string | undefined;
}

// Where the launcher sits, in its colours' family: text on the panel's background, edged in the accent.
const NOTICE_CSS = `:host{all:initial;position:fixed;inset-block-end:20px;inset-inline-end:20px;z-index:2147483000;font:15px/1.4 var(--cw-font,system-ui,sans-serif)}
:host([hidden]){display:none}
.n{margin:0;max-width:260px;padding:10px 16px;border:2px solid var(--cw-accent,#0b57d0);border-radius:var(--cw-radius,24px);background:var(--cw-bg,#fff);color:var(--cw-text,#1f2328);box-shadow:0 4px 14px rgb(0 0 0/25%);text-align:start}
@media (prefers-color-scheme:dark){.n{background:var(--cw-bg,#1b1e23);color:var(--cw-text,#e8eaed)}}`;

/**
 * The out-of-hours notice: "Chat opens Monday at 9:00 AM" where the launcher would be, in its own shadow root,
 * as a `role="status"` text. It holds no state: `show(opensAt)` draws what the machine's view says (`null`
 * removes it from sight). Its host element is made on the first showing, so instances without it add nothing
 * to the page.
 */
export function mountOpeningNotice(options: OpeningNoticeOptions) {
  let host: { element: HTMLElement; paragraph: HTMLParagraphElement } | undefined;
  /** "Tomorrow" becomes "today" at the visitor's midnight: the words are written again then. */
  let midnight: ReturnType<typeof setTimeout> | undefined;

  const { config } = options;

  function make() {
    const { element, root } = createHostElement(options.document, 'notice', config.host, options.container);
    const leaveMessage = config.offHours?.leaveMessage === true;
    adoptStyles(root, leaveMessage ? NOTICE_CSS + LEAVE_MESSAGE_CSS : NOTICE_CSS, options.nonce);
    const paragraph = options.document.createElement('p');
    paragraph.className = 'n';
    paragraph.setAttribute('role', 'status');
    root.append(paragraph);
    if (leaveMessage) {
      // Beside the start-chat endpoint: "/api/chats" → "/api/messages".
      const url = new URL('messages', new URL(config.startChatUrl ?? '/api/chats', options.baseUrl ?? options.document.location.href)).href;
      const fetchImpl = options.fetch ?? fetch.bind(globalThis);
      const send = (message: LeftMessage) =>
        sendLeftMessage(url, { instance: config.name, ...message }, fetchImpl).catch((error: unknown) => {
          // The customer is told in the form; the site's developer learns why here (each failed try, once).
          console.error('[connect-webchat] A message left out of hours was not filed.', error);
          throw error;
        });
      mountLeaveMessageForm({ document: options.document, root, text: config.text, send });
    }
    return { element, paragraph };
  }

  function show(opensAt: number | null): void {
    clearTimeout(midnight);
    if (opensAt === null) {
      if (host) host.element.hidden = true;
      return;
    }
    host ??= make();
    const now = options.now();
    const words = openingWords(opensAt, now, config.text, config.host.lang);
    // Every snapshot draws the screen: a live region rewritten with the same words may be read out again.
    if (host.paragraph.textContent !== words) host.paragraph.textContent = words;
    host.element.hidden = false;
    const today = new Date(now);
    const nextMidnight = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1).getTime();
    if (nextMidnight < opensAt) midnight = setTimeout(() => show(opensAt), nextMidnight - now);
  }

  return {
    show,
    destroy(): void {
      clearTimeout(midnight);
      host?.element.remove();
      host = undefined;
    },
  };
}

export type OpeningNotice = ReturnType<typeof mountOpeningNotice>;
