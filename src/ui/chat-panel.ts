import { html, nothing, render } from 'lit/html.js';
import { repeat } from 'lit/directives/repeat.js';
import type { UiText } from '../config/instance-config.types';
import { adoptStyles } from './adopt-styles';
import { PANEL_CSS } from './chat-panel.styles';

/** One line of the conversation as the panel shows it. */
export interface PanelMessage {
  /** Stable across updates (the Amazon Connect item id); the list is keyed by it. */
  id: string;
  role: 'CUSTOMER' | 'AGENT' | 'SYSTEM';
  displayName: string;
  /** Plain text, shown as text (never parsed as HTML). */
  text: string;
  /** Epoch ms. */
  at: number;
  /** Sent by the customer, not yet acknowledged. */
  pending?: boolean;
  /** Sent by the customer, and the send failed. */
  failed?: boolean;
}

export type PanelStatus = 'connecting' | 'inFlow' | 'queued' | 'agent' | 'reconnecting' | 'ended' | 'failed';

/** Everything the panel shows; the runtime derives it from the machine's state and the transcript. */
export interface PanelView {
  status: PanelStatus;
  /** Fills `{name}` in `statusAgent` and `agentTyping`. */
  agentName?: string;
  agentTyping: boolean;
  messages: readonly PanelMessage[];
  /** Shown when `status` is `failed`. @default text.startFailed */
  error?: string;
  /** With `status: 'failed'`, offer a retry button. @default false */
  canRetry?: boolean;
  /** With `status: 'ended'`, offer "Start new chat" (the display rules may say no). @default true */
  canStartNew?: boolean;
  /** A problem with what the customer just did (e.g. a message over the length limit), shown as an alert. */
  notice?: string;
  text: UiText;
}

/** What the customer asked for; the panel decides nothing itself. */
export interface PanelCallbacks {
  /** A non-empty message, trimmed. */
  send(text: string): void;
  end(): void;
  /** The "Minimise" button or Escape inside the panel. */
  minimise(): void;
  startNew(): void;
  retry(): void;
  /** Called on every edit that leaves text in the box: throttle it before telling Amazon Connect. */
  typing(): void;
}

export interface PanelOptions {
  /** Put on a fallback `<style>` where constructable stylesheets are missing (the site's `data-nonce`). */
  nonce?: string;
}

export interface ChatPanel {
  update(view: PanelView): void;
  /** Focus the textbox (or, when ended, "Start new chat"); before the first update, focus after it. */
  focus(): void;
  /** Remove everything the panel added to the root: nodes, listeners and its stylesheet. */
  destroy(): void;
}

/** A batch bigger than this (a transcript filling a gap) announces only its latest messages. */
const MAX_ANNOUNCED_PER_UPDATE = 3;
/** Announcements kept in the live region; older ones are removed, and removals are not read out. */
const LIVE_REGION_SIZE = 5;
/** Within this distance of the bottom, the reader is following along and new messages scroll into view. */
const NEAR_BOTTOM_PX = 48;

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

type Action = 'send' | 'end' | 'minimise' | 'startNew' | 'retry';

const button = (action: Action, label: string, primary = false) =>
  html`<button type="button" class=${primary ? 'primary' : ''} data-action=${action}>${label}</button>`;

const messageItem = (m: PanelMessage) => html`<li
  class="msg ${m.role.toLowerCase()}${m.pending ? ' pending' : ''}${m.failed ? ' failed' : ''}"
  data-role=${m.role}
><span class="name">${m.displayName}</span><p class="bubble">${m.text}</p></li>`;

function panelTemplate(view: PanelView, announcements: readonly { key: number; text: string }[]) {
  const t = view.text;
  const open = view.status !== 'ended' && view.status !== 'failed';
  let footer;
  if (open) {
    footer = html`<footer>
      <label class="vh" for="cw-message">${t.messageLabel}</label>
      <textarea id="cw-message" rows="1" enterkeyhint="send"></textarea>
      ${button('send', t.send, true)}
    </footer>`;
  } else if (view.status === 'ended' && view.canStartNew !== false) {
    footer = html`<footer class="end">${button('startNew', t.startNewChat, true)}</footer>`;
  } else if (view.canRetry) {
    footer = html`<footer class="end">${button('retry', t.retry, true)}</footer>`;
  }
  return html`<section class="panel" aria-labelledby="cw-title" tabindex="-1">
    <header>
      <h2 id="cw-title">${t.title}</h2>
      ${open ? button('end', t.endChat) : nothing}
      ${button('minimise', t.minimise)}
    </header>
    <p class=${view.status === 'failed' ? 'error' : 'status'}>${statusText(view)}</p>
    <ol class="list" tabindex="0">${repeat(view.messages, (m) => m.id, messageItem)}</ol>
    ${open && view.agentTyping ? html`<p class="typing">${withName(t.agentTyping, view.agentName)}</p>` : nothing}
    ${view.notice ? html`<p class="notice" role="alert">${view.notice}</p>` : nothing}
    ${footer ?? nothing}
    <div class="vh" aria-live="polite">${repeat(announcements, (a) => a.key, (a) => html`<p>${a.text}</p>`)}</div>
  </section>`;
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

  let view: PanelView | undefined;
  let destroyed = false;
  let focusAfterUpdate = false;
  const seen = new Set<string>();
  let spokenStatus = '';
  let announcements: { key: number; text: string }[] = [];
  let nextKey = 0;
  /**
   * At most one render per frame. Each render measures the list to keep it scrolled to the bottom, a layout
   * that grows with the conversation; a burst of messages (a busy agent, a transcript catching up after a
   * reconnect) would otherwise pay it once per message. The first update in a quiet frame renders at once,
   * so a lone message shows without waiting for a frame.
   */
  let frame: number | undefined;
  let deferred: PanelView | undefined;
  const win = doc.defaultView!;
  const nextFrame = () => {
    frame = win.requestAnimationFrame(() => {
      frame = undefined;
      if (!deferred || destroyed) return;
      const latest = deferred;
      deferred = undefined;
      show(latest);
    });
  };

  const textbox = () => container.querySelector('textarea');
  const list = () => container.querySelector<HTMLElement>('.list');
  const hasFocus = () => container.contains(host.activeElement);
  const focusPrimary = () =>
    (container.querySelector<HTMLElement>('textarea, footer button') ?? container.querySelector<HTMLElement>('.panel'))?.focus();

  const submit = () => {
    const box = textbox();
    const text = box?.value.trim();
    if (!box || !text) return;
    callbacks.send(text);
    box.value = '';
    box.focus();
  };

  const onClick = (event: Event) => {
    const action = (event.target as Element).closest<HTMLElement>('[data-action]')?.dataset.action as Action | undefined;
    if (action === 'send') submit();
    else if (action) callbacks[action]();
  };
  const onKeydown = (event: KeyboardEvent) => {
    if (event.isComposing) return;
    if (event.key === 'Escape') {
      event.stopPropagation();
      callbacks.minimise();
    } else if (event.key === 'Enter' && !event.shiftKey && event.target === textbox()) {
      event.preventDefault();
      submit();
    }
  };
  const onInput = (event: Event) => {
    if (event.target === textbox() && textbox()!.value.trim()) callbacks.typing();
  };
  container.addEventListener('click', onClick);
  container.addEventListener('keydown', onKeydown);
  container.addEventListener('input', onInput);

  /** What to say about `next`, and whether the customer just sent something. */
  function announce(next: PanelView, first: boolean): { spoken: string[]; ownMessage: boolean } {
    if (next.messages.length === 0) seen.clear();
    const incoming: PanelMessage[] = [];
    let ownMessage = false;
    for (const m of next.messages) {
      if (seen.has(m.id)) continue;
      seen.add(m.id);
      if (first) continue;
      if (m.role === 'CUSTOMER') ownMessage = true;
      else incoming.push(m);
    }
    const spoken: string[] = [];
    const status = statusText(next);
    if (!first && status !== spokenStatus) spoken.push(status);
    spokenStatus = status;
    for (const m of incoming.slice(-MAX_ANNOUNCED_PER_UPDATE)) spoken.push(`${m.displayName}: ${m.text}`);
    return { spoken, ownMessage };
  }

  /** Shows `next`: renders, keeps the list at the bottom, speaks what is new, and moves focus where needed. */
  function show(next: PanelView): void {
    nextFrame();
    const previous = view;
    const scroller = list();
    const following = !scroller || scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight <= NEAR_BOTTOM_PX;
    const hadFocus = hasFocus();

    const { spoken, ownMessage } = announce(next, previous === undefined);
    if (spoken.length > 0) {
      announcements = [...announcements, ...spoken.map((text) => ({ key: nextKey++, text }))].slice(-LIVE_REGION_SIZE);
    }
    view = next;
    render(panelTemplate(next, announcements), container);

    const after = list();
    if (after && (following || ownMessage)) after.scrollTop = after.scrollHeight;

    const reachedStop =
      previous !== undefined &&
      previous.status !== next.status && (next.status === 'ended' || (next.status === 'failed' && !!next.canRetry));
    const pageIdle = !doc.activeElement || doc.activeElement === doc.body;
    if (focusAfterUpdate || (hadFocus && !hasFocus()) || (reachedStop && (hadFocus || pageIdle))) {
      focusAfterUpdate = false;
      focusPrimary();
    }
  }

  return {
    update(next) {
      if (destroyed) return;
      if (frame === undefined) show(next);
      else deferred = next;
    },
    focus() {
      if (destroyed) return;
      if (view) focusPrimary();
      else focusAfterUpdate = true;
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      if (frame !== undefined) win.cancelAnimationFrame(frame);
      container.removeEventListener('click', onClick);
      container.removeEventListener('keydown', onKeydown);
      container.removeEventListener('input', onInput);
      render(nothing, container);
      container.remove();
      removeStyles();
    },
  };
}
