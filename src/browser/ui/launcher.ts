import { adoptStyles } from './adopt-styles';
import type { UiText } from '../config/instance-config.types';

/** What the launcher shows; derived from the machine's state by the runtime. */
export interface LauncherView {
  /** The start-chat button is offered. */
  visible: boolean;
  /** A start is in flight: the button says so and ignores clicks. */
  busy: boolean;
  /** Why the last start failed, shown next to the button. */
  error?: string;
  /** The service asked to wait before starting again: the button is shown but refuses until the view changes. */
  waiting?: boolean;
  /** The button's label. @default text.startChat */
  label?: string;
  /** Messages the customer has not seen (panel minimised or tab hidden): a badge, and part of the accessible name. @default 0 */
  unread?: number;
}

export interface LauncherOptions {
  text: Pick<UiText, 'startChat' | 'unreadCount'>;
  /** The button was pressed (start a chat, or reopen a minimised one: the runtime decides). */
  onActivate(): void;
  /** The customer shows intent (hover, focus): a good moment to prefetch the conversation chunk. */
  onIntent?(): void;
  /** Adds `nonce` to a fallback `<style>` where constructable stylesheets are missing. */
  nonce?: string;
}

// Written tight: this ships in the first script on every page view (whose budget is why the chat mark is a CSS
// shape, not an SVG). Motion only for those who did not ask for less.
const LAUNCHER_CSS = `:host{all:initial;position:fixed;inset-block-end:20px;inset-inline-end:20px;z-index:2147483000;font:15px/1.4 var(--cw-font,system-ui,sans-serif)}
[hidden],b:empty{display:none!important}
.launcher{display:flex;flex-direction:column;align-items:flex-end;gap:8px}
button{position:relative;display:flex;align-items:center;gap:8px;font:inherit;font-weight:600;cursor:pointer;border:0;border-radius:var(--cw-radius,24px);padding:14px 20px;background:var(--cw-accent,#0b57d0);color:var(--cw-accent-text,#fff);box-shadow:0 4px 14px rgb(0 0 0/25%)}
button:hover{filter:brightness(1.1)}button:active{filter:brightness(.9)}
button:focus-visible{outline:3px solid var(--cw-focus,#1f1f1f);outline-offset:3px}
button::before{content:'';width:20px;height:18px;background:currentColor;border-radius:5px 5px 5px 0}
b{position:absolute;top:-6px;inset-inline-end:-6px;padding:0 7px;border-radius:11px;background:#b3261e;color:#fff;font-size:12px;line-height:22px}
[aria-busy=true]{cursor:progress;opacity:.85}
[aria-disabled=true]{cursor:not-allowed;opacity:.6}
@media (prefers-reduced-motion:no-preference){button{transition:filter .2s}}
.error{max-width:260px;margin:0;padding:8px 12px;border-radius:8px;background:#fff;color:#a50e0e;box-shadow:0 2px 8px rgb(0 0 0/20%)}`;

/**
 * The start-chat launcher: one button (a chat mark, the label, an unread badge) in its own shadow root, so host
 * CSS cannot break it and ours cannot leak. Plain DOM (no Lit) because it ships in the first script on every
 * page view.
 */
export function mountLauncher(root: ShadowRoot, options: LauncherOptions) {
  const doc = root.ownerDocument;
  adoptStyles(root, LAUNCHER_CSS, options.nonce);
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K) => doc.createElement(tag);

  const container = make('div');
  container.className = 'launcher';
  container.hidden = true;
  const error = make('p');
  error.className = 'error';
  error.setAttribute('role', 'alert');
  error.hidden = true;
  const button = make('button');
  button.type = 'button';
  const label = make('span'); // written by the first update, before which the launcher is hidden
  // Empty (and so not drawn) without unread messages; the name carries the count in words.
  const badge = make('b');
  button.append(label, badge);
  container.append(error, button);
  root.append(container);

  const start = () => {
    if (button.getAttribute('aria-busy') !== 'true' && button.getAttribute('aria-disabled') !== 'true') options.onActivate();
  };
  const intent = () => options.onIntent?.();
  button.addEventListener('click', start);
  button.addEventListener('pointerenter', intent);
  button.addEventListener('focus', intent);

  return {
    update(view: LauncherView): void {
      container.hidden = !view.visible;
      button.setAttribute('aria-busy', String(view.busy));
      // aria-disabled, not disabled: the button keeps its focus and stays announced while it waits.
      button.setAttribute('aria-disabled', String(view.waiting ?? false));
      const text = view.label ?? options.text.startChat;
      const unread = view.unread ?? 0;
      label.textContent = text;
      badge.textContent = unread ? (unread > 9 ? '9+' : `${unread}`) : '';
      // The badge is drawn for the eye; the name says it in words: "Open chat, 2 unread".
      if (unread) button.setAttribute('aria-label', `${text}, ${options.text.unreadCount.replace('{count}', String(unread))}`);
      else button.removeAttribute('aria-label');
      error.hidden = !view.error;
      error.textContent = view.error ?? '';
    },
    focus(): void {
      button.focus();
    },
    destroy(): void {
      button.removeEventListener('click', start);
      button.removeEventListener('pointerenter', intent);
      button.removeEventListener('focus', intent);
      container.remove();
    },
  };
}

export type Launcher = ReturnType<typeof mountLauncher>;
