import type { UiText } from '../config/instance-config.types';

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

/** What a panel button asks for, named in its `data-action`. */
export type PanelAction = 'send' | 'end' | 'minimise' | 'startNew' | 'retry';

/** One line of the live region, keyed so that lines already read are not read again. */
export interface Announcement {
  key: number;
  text: string;
}
