import { html, nothing } from 'lit/html.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Announcement, PanelCallbacks, PanelMessage, PanelView } from './chat-panel.types';
import { messageContent, type ContentContext } from './content/message-content';
import { avatar, icons } from './chat-panel.icons';
import { timeline, timeOfDay, type TimelineRow } from './chat-panel.timeline';

/** What only the panel knows, not the runtime: the draft's length, a drag over the panel, the clock and language. */
export interface PanelLocal {
  draftLength: number;
  dragging: boolean;
  /** Epoch ms of this render, for "Today". */
  now: number;
  /** The UI language (the host's `lang`), for times and dates. */
  locale: string | undefined;
}

/** Actions the panel handles itself or with an argument, beside {@link PanelAction}'s. */
export type LocalAction = 'attach' | 'resend' | 'download';

/** The character count appears once the draft is this close to the limit. */
const COUNT_FROM = 0.8;

/** A function replacer, so `$&` or `$'` in an agent's name stays literal. */
const withName = (template: string, name = '') => template.replaceAll('{name}', () => name);

/**
 * `template` with `{name}` filled by `name` isolated in `<bdi>`: a name written right to left, or carrying an
 * override character, cannot reorder the words around it.
 */
function named(template: string, name = '') {
  const parts = template.split('{name}');
  return parts.map((part, i) => (i === 0 ? part : html`<bdi>${name}</bdi>${part}`));
}

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

const button = (action: string, label: string, className = '') =>
  html`<button type="button" class=${className} data-action=${action}>${label}</button>`;

/** A button showing only an icon: the name is its `aria-label`, and a tooltip says it to pointer users. */
const iconButton = (action: string, label: string, glyph: unknown, className = '') =>
  html`<button type="button" class="icon ${className}" data-action=${action} aria-label=${label} title=${label}>${glyph}</button>`;

/** While the chat is open (not ended, not failed) the customer can write and end it. */
const isOpen = (view: PanelView) => view.status !== 'ended' && view.status !== 'failed';

/** The agent once one has joined; before, the instance's title and the bot's mark. */
function headerTemplate(view: PanelView, open: boolean) {
  const t = view.text;
  const agent = view.status === 'agent' && view.agentName;
  return html`<header>
    ${agent ? avatar(view.agentName!, view.agentAvatarUrl, 'person', 'large') : avatar('', undefined, 'bot', 'large')}
    <div class="who">
      <h2 id="cw-title"><bdi>${agent ? view.agentName : t.title}</bdi></h2>
      ${view.status === 'failed' ? nothing : html`<p class="status">${view.status === 'agent' ? named(t.statusAgent, view.agentName) : statusText(view)}</p>`}
    </div>
    ${open && !view.confirmingEnd ? iconButton('end', t.endChat, icons.end()) : nothing}
    ${iconButton('minimise', t.minimise, icons.minimise())}
  </header>`;
}

/** Under a message: its time (visible at the end of a run), and what became of the customer's own. */
function messageFoot(m: PanelMessage, row: Extract<TimelineRow, { kind: 'message' }>, view: PanelView, local: PanelLocal) {
  const t = view.text;
  const time = html`<time datetime=${new Date(m.at).toISOString()}>${timeOfDay(m.at, local.locale)}</time>`;
  if (m.failed) {
    return html`<p class="foot failure">${t.notSent}
      <button type="button" class="link" data-action="resend" data-id=${m.id}>${icons.retry()}${t.resend}</button></p>`;
  }
  const receipt = m.receipt === 'read' ? t.read : m.receipt === 'delivered' ? t.delivered : '';
  if (!row.groupEnd && !receipt) return html`<p class="foot vh">${time}</p>`;
  return html`<p class="foot">${time}${receipt ? html` &middot; <span class="receipt">${receipt}</span>` : nothing}</p>`;
}

function messageItem(row: Extract<TimelineRow, { kind: 'message' }>, view: PanelView, local: PanelLocal, context: ContentContext) {
  const m = row.message;
  const role = m.role.toLowerCase();
  const other = m.role === 'AGENT' || m.role === 'BOT';
  const face = other && row.groupStart
    ? avatar(m.displayName, m.role === 'AGENT' ? view.agentAvatarUrl : undefined, m.role === 'AGENT' ? 'person' : 'bot')
    : nothing;
  const showName = other && row.groupStart;
  // No white space between the tags: each row is cloned thousands of times in a long chat, and it would only add text nodes.
  return html`<li
    class="msg ${role}${row.groupStart ? ' start' : ''}${row.groupEnd ? ' end' : ''}${m.pending ? ' pending' : ''}${m.failed ? ' failed' : ''}"
    data-role=${m.role}
  >${face}<div class="body"><span class="name${showName ? '' : ' vh'}"><bdi>${m.displayName}</bdi></span><div
    class="bubble" dir="auto" title=${m.role === 'SYSTEM' ? nothing : timeOfDay(m.at, local.locale)}>${messageContent(m, context)}</div>${
    m.truncated ? html`<p class="foot note">${view.text.messageShortened}</p>` : nothing}${
    m.role === 'SYSTEM' ? nothing : messageFoot(m, row, view, local)}</div></li>`;
}

function rowTemplate(row: TimelineRow, view: PanelView, local: PanelLocal, context: ContentContext) {
  if (row.kind === 'day') return html`<li class="sep day"><span>${row.label}</span></li>`;
  if (row.kind === 'unread') return html`<li class="sep unread" id="cw-unread"><span>${view.text.newMessages}</span></li>`;
  return messageItem(row, view, local, context);
}

/**
 * A row, evaluated again only when something it shows changed: a render after a new message evaluates that
 * message (and the neighbour whose run it extends), not the whole conversation. What a row shows: the row's own
 * fields (a fresh object each render, with the same values), its age, and what it takes of the view; `context`
 * holds only the panel's callbacks and `view.text`.
 */
const memoRow = (row: TimelineRow, view: PanelView, local: PanelLocal, context: ContentContext) =>
  guard([view.text, view.agentAvatarUrl, local.locale, ...Object.values(row)], () => rowTemplate(row, view, local, context));

/** "{count} of {max}" near the limit; over it, the reason Send refuses, as an alert (read once, when it appears). */
function countTemplate(view: PanelView, local: PanelLocal) {
  const max = view.maxMessageLength;
  if (local.draftLength < max * COUNT_FROM) return nothing;
  const over = local.draftLength > max;
  const count = view.text.characterCount.replace('{count}', () => String(local.draftLength)).replace('{max}', () => String(max));
  return html`<div class="count${over ? ' over' : ''}"><span id="cw-count">${count}</span>${
    over ? html`<span role="alert"> &middot; ${view.text.messageTooLong.replace('{max}', () => String(max))}</span>` : nothing
  }</div>`;
}

/** The textbox, attach and Send while open. The textbox keeps its place (and draft) under the end question. */
function composerTemplate(view: PanelView, local: PanelLocal) {
  const t = view.text;
  const over = local.draftLength > view.maxMessageLength;
  const near = local.draftLength >= view.maxMessageLength * COUNT_FROM;
  return html`<footer class="composer" ?inert=${view.confirmingEnd}>
    ${countTemplate(view, local)}
    <div class="field">
      <label class="vh" for="cw-message">${t.messageLabel}</label>
      <textarea id="cw-message" rows="1" enterkeyhint="send" dir="auto"
        aria-invalid=${over ? 'true' : 'false'} aria-describedby=${near ? 'cw-count' : nothing}></textarea>
      ${view.attachments
        ? html`${iconButton('attach', t.attachFile, icons.attach(), 'attach')}
            <input class="file" type="file" multiple accept=${view.attachments.accept} hidden tabindex="-1" aria-hidden="true">`
        : nothing}
      <button type="button" class="icon send primary" data-action="send" aria-label=${t.send} title=${t.send} ?disabled=${over}>${icons.send()}</button>
    </div>
  </footer>`;
}

/** Open: the composer. Ended: the transcript and a new chat. Failed: a retry, if any. */
function footerTemplate(view: PanelView, local: PanelLocal) {
  const t = view.text;
  if (isOpen(view)) return composerTemplate(view, local);
  if (view.status === 'ended') {
    return html`<footer class="end">
      ${view.canStartNew !== false ? button('startNew', t.startNewChat, 'primary') : nothing}
      ${view.messages.length ? html`<button type="button" class="secondary" data-action="download">${icons.download()}${t.downloadTranscript}</button>` : nothing}
    </footer>`;
  }
  if (view.canRetry) return html`<footer class="end">${button('retry', t.retry, 'primary')}</footer>`;
  return nothing;
}

/**
 * "End chat" asks first, as an inline dialog over the conversation, which is inert meanwhile; the header stays
 * live, so the customer can still tuck the panel away (the chart allows it) and come back to the question.
 */
const confirmEndTemplate = (t: PanelView['text']) => html`<div class="scrim"></div>
  <div class="confirm" role="alertdialog" aria-modal="true" aria-labelledby="cw-end-question">
    <p id="cw-end-question">${t.endChatQuestion}</p>
    <div class="actions">${button('keepChatting', t.keepChatting, 'secondary')}${button('confirmEnd', t.endChatConfirm, 'danger')}</div>
  </div>`;

/** The whole panel for `view`, with `announcements` in its polite live region. Text is bound as text. */
export function panelTemplate(
  view: PanelView,
  announcements: readonly Announcement[],
  callbacks: PanelCallbacks,
  local: PanelLocal,
) {
  const t = view.text;
  const context: ContentContext = { callbacks, text: t };
  const open = isOpen(view);
  const confirming = open && !!view.confirmingEnd;
  const rows = timeline(view.messages, { text: t, locale: local.locale, now: local.now, firstUnreadId: view.firstUnreadId });
  return html`<section class="panel${local.dragging ? ' dragging' : ''}" aria-labelledby="cw-title" tabindex="-1">
    ${headerTemplate({ ...view, confirmingEnd: confirming }, open)}
    ${view.status === 'failed' ? html`<p class="error">${statusText(view)}</p>` : nothing}
    <ol class="list" tabindex="0" ?inert=${confirming}>${repeat(rows, (row) => row.key, (row) => memoRow(row, view, local, context))}${
      view.status === 'ended' ? html`<li class="sep ended"><span>${t.statusEnded}</span></li>` : nothing
    }</ol>
    ${open && view.agentTyping
      ? html`<p class="typing"><span class="dots" aria-hidden="true"><i></i><i></i><i></i></span><span>${named(t.agentTyping, view.agentName)}</span></p>`
      : nothing}
    ${view.notice ? html`<p class="notice" role="alert">${view.notice}</p>` : nothing}
    ${footerTemplate({ ...view, confirmingEnd: confirming }, local)}
    ${confirming ? confirmEndTemplate(t) : nothing}
    ${open && view.attachments && local.dragging ? html`<div class="drop" aria-hidden="true"><p>${icons.attach()}${t.dropFiles}</p></div>` : nothing}
    <div class="vh" aria-live="polite">${repeat(announcements, (a) => a.key, (a) => html`<p>${a.text}</p>`)}</div>
  </section>`;
}
