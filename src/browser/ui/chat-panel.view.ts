import { html, nothing } from 'lit/html.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Announcement, PanelAction, PanelCallbacks, PanelMessage, PanelView } from './chat-panel.types';
import { messageContent, type ContentContext } from './content/message-content';

/** A function replacer, so `$&` or `$'` in an agent's name stays literal. */
const withName = (template: string, name = '') => template.replaceAll('{name}', () => name);

/** The status line for a view; for `failed`, the error. */
export function statusText(view: PanelView): string {
  const t = view.text;
  switch (view.status) {
    case 'connecting': return t.statusConnecting;
    case 'inFlow': return t.statusInFlow;
    case 'queued': return t.statusQueued;
    case 'agent': return withName(t.statusAgent, view.agentName);
    case 'reconnecting': return t.statusReconnecting;
    case 'ended': return t.statusEnded;
    case 'failed': return view.error || t.startFailed;
  }
}

const button = (action: PanelAction, label: string, primary = false) =>
  html`<button type="button" class=${primary ? 'primary' : ''} data-action=${action}>${label}</button>`;

const messageItem = (m: PanelMessage, context: ContentContext) => html`<li
  class="msg ${m.role.toLowerCase()}${m.pending ? ' pending' : ''}${m.failed ? ' failed' : ''}"
  data-role=${m.role}
><span class="name">${m.displayName}</span><p class="bubble">${messageContent(m, context)}</p></li>`;

/** While the chat is open (not ended, not failed) the customer can write and end it. */
const isOpen = (view: PanelView) => view.status !== 'ended' && view.status !== 'failed';

/** The textbox and Send while open; otherwise the one way forward, if any: a new chat or a retry. */
function footerTemplate(view: PanelView) {
  const t = view.text;
  if (isOpen(view)) {
    return html`<footer>
      <label class="vh" for="cw-message">${t.messageLabel}</label>
      <textarea id="cw-message" rows="1" enterkeyhint="send"></textarea>
      ${button('send', t.send, true)}
    </footer>`;
  }
  if (view.status === 'ended' && view.canStartNew !== false) {
    return html`<footer class="end">${button('startNew', t.startNewChat, true)}</footer>`;
  }
  if (view.canRetry) return html`<footer class="end">${button('retry', t.retry, true)}</footer>`;
  return nothing;
}

/** "End chat" asks first; the textbox stays (with what the customer was writing) below the question. */
const confirmEndTemplate = (t: PanelView['text']) => html`<div class="confirm" role="alertdialog" aria-labelledby="cw-end-question">
  <p id="cw-end-question">${t.endChatQuestion}</p>
  ${button('keepChatting', t.keepChatting)} ${button('confirmEnd', t.endChatConfirm, true)}
</div>`;

/** The whole panel for `view`, with `announcements` in its polite live region. Text is bound as text. */
export function panelTemplate(view: PanelView, announcements: readonly Announcement[], callbacks: PanelCallbacks) {
  const t = view.text;
  const context: ContentContext = { callbacks, text: t };
  const open = isOpen(view);
  return html`<section class="panel" aria-labelledby="cw-title" tabindex="-1">
    <header>
      <h2 id="cw-title">${t.title}</h2>
      ${open && !view.confirmingEnd ? button('end', t.endChat) : nothing}
      ${button('minimise', t.minimise)}
    </header>
    <p class=${view.status === 'failed' ? 'error' : 'status'}>${statusText(view)}</p>
    <ol class="list" tabindex="0">${repeat(view.messages, (m) => m.id, (m) => messageItem(m, context))}</ol>
    ${open && view.agentTyping ? html`<p class="typing">${withName(t.agentTyping, view.agentName)}</p>` : nothing}
    ${view.notice ? html`<p class="notice" role="alert">${view.notice}</p>` : nothing}
    ${open && view.confirmingEnd ? confirmEndTemplate(t) : nothing}
    ${footerTemplate(view)}
    <div class="vh" aria-live="polite">${repeat(announcements, (a) => a.key, (a) => html`<p>${a.text}</p>`)}</div>
  </section>`;
}
