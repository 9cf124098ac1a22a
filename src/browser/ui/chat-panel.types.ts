import type { UiText } from '../config/instance-config.types';
import type { InteractiveTemplate } from './content/interactive.types';

export type { InteractiveTemplate } from './content/interactive.types';

/** A file on an ATTACHMENT item, as Amazon Connect describes it, plus what the runtime learnt of it. */
export interface PanelAttachment {
  /** Amazon Connect's `AttachmentId`; empty while the customer's own upload has none yet. */
  id: string;
  name: string;
  /** MIME type. */
  contentType: string;
  /** Bytes, when known (the customer's own files; GetAttachment tells for the agent's). */
  size?: number;
  /** Amazon Connect's scan status; a REJECTED file is shown but cannot be opened. */
  status: 'APPROVED' | 'REJECTED' | 'IN_PROGRESS';
  /** An image's thumbnail (an object URL of bytes the runtime downloaded), once there. */
  thumbnailUrl?: string;
  /** The customer's own upload in flight: 0..1. */
  progress?: number;
}

/** What a message carries; each kind has its own renderer (`ui/content/`). Nothing is ever parsed as HTML. */
export type MessageContent =
  /** Plain text; bare http(s) URLs, e-mail addresses become links. */
  | { kind: 'text'; text: string }
  /** `text/markdown`: bold, italic, lists, links, code, line breaks. */
  | { kind: 'markdown'; text: string }
  /** An interactive message (ListPicker, TimePicker, Panel, QuickReply, Carousel, or one we do not know). */
  | { kind: 'interactive'; template: InteractiveTemplate }
  | { kind: 'attachment'; attachment: PanelAttachment };

/** One line of the conversation as the panel shows it. */
export interface PanelMessage {
  /** Stable across updates (the Amazon Connect item id); the list is keyed by it. */
  id: string;
  /** `BOT`: the contact flow or a Lex bot (Amazon Connect's SYSTEM messages); `SYSTEM`: an event line (joined, left). */
  role: 'CUSTOMER' | 'AGENT' | 'BOT' | 'SYSTEM';
  displayName: string;
  /** The message in plain words: what the live region reads, the transcript download holds, and a fallback. */
  text: string;
  /** What is drawn. */
  content: MessageContent;
  /** Epoch ms. */
  at: number;
  /** The text was cut to what Amazon Connect itself allows; the panel says so. */
  truncated?: boolean;
  /** Sent by the customer, not yet acknowledged. */
  pending?: boolean;
  /** Sent by the customer, and the send failed: the panel offers Retry. */
  failed?: boolean;
  /** On the customer's latest message only: what the agent's receipts say of it. */
  receipt?: 'delivered' | 'read';
  /** An interactive message the customer has answered (or that a later message superseded): shown, not operable. */
  answered?: boolean;
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
  /** "End chat" was pressed and waits for the customer's confirmation. @default false */
  confirmingEnd?: boolean;
  /** The first message that arrived while the customer was away: reopening scrolls to it. */
  firstUnreadId?: string;
  /** The customer may attach files of these MIME types and extensions (an `accept` list), up to `maxBytes`; undefined: no attach button. */
  attachments?: { accept: string; maxBytes: number };
  /** The longest message the customer may send (Amazon Connect's 1,024). */
  maxMessageLength: number;
  /** The agent's picture; initials of `agentName` when none. */
  agentAvatarUrl?: string;
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
  /** The customer confirmed "End chat" (`end` only asks). */
  confirmEnd(): void;
  /** The customer took back "End chat". */
  keepChatting(): void;
  /** Send a failed message (by its id) again. */
  resend(id: string): void;
  /** Files chosen, dropped or pasted; the runtime checks type and size before uploading. */
  attach(files: readonly File[]): void;
  /** A choice on an interactive message: `reply` is sent as text/plain, exactly as Amazon Connect expects it. */
  pick(messageId: string, reply: string): void;
  /** Open (download) an attachment through a fresh URL: Amazon Connect's URLs expire. */
  openAttachment(attachment: PanelAttachment): void;
}

export interface PanelOptions {
  /** Put on a fallback `<style>` where constructable stylesheets are missing (the site's `data-nonce`). */
  nonce?: string;
  /** The clock, for "Today" and "Yesterday" above messages (tests and screenshots fix it). @default Date.now */
  now?: () => number;
}

export interface ChatPanel {
  update(view: PanelView): void;
  /** Focus the textbox (or, when ended, "Start new chat"); before the first update, focus after it. */
  focus(): void;
  /** Remove everything the panel added to the root: nodes, listeners and its stylesheet. */
  destroy(): void;
}

/** What a panel button asks for, named in its `data-action`. */
export type PanelAction = 'send' | 'end' | 'confirmEnd' | 'keepChatting' | 'minimise' | 'startNew' | 'retry';

/** One line of the live region, keyed so that lines already read are not read again. */
export interface Announcement {
  key: number;
  text: string;
}
