import type { ChatEvent, ContactDetails } from '../../../machines/chat.types';
import type { ResolvedConfig } from '../config/instance-config';
import type { ChatSnapshot } from '../../../machines/chat.machine';

export type { ConversationState, ConversationStatus } from '../ui/panel-state';

export interface ConversationOptions {
  contact: ContactDetails;
  config: ResolvedConfig;
  /** Rejoining after a navigation or reload: the transcript fills the panel. */
  resumed: boolean;
  /** Where the panel renders (its own shadow root). */
  root: ShadowRoot;
  nonce?: string;
  /** Tells the machine what Amazon Connect said; the adapter never decides what it means. */
  send(event: ChatEvent): void;
  now(): number;
  /** The customer's own intents that the machine, not the conversation, handles. */
  onEnd(): void;
  onStartNew(): void;
  onRetry(): void;
  onMinimise(): void;
  /** The customer asked to end the chat ("End chat", before confirming) or took it back. */
  onEndRequested(): void;
  onKeepChatting(): void;
  /** How many messages the customer has not seen changed (the launcher shows it while minimised). */
  onUnread(count: number): void;
  /** Reports an error once with the runtime's prefix. */
  report(message: string, error?: unknown): void;
}

/**
 * The lazily loaded conversation for one contact: the live chatjs session and the panel showing its
 * transcript. The panel outlives the session: an ended chat still shows what was said.
 */
export interface Conversation {
  /** Shows what the machine's snapshot says of the contact. */
  update(snapshot: ChatSnapshot): void;
  /** Opens a fresh session after the connection was given up, keeping the transcript and what was announced. */
  retry(): void;
  /** The contact is over for this page: close the session (disconnecting the customer first if they ended it). */
  leave(disconnect: boolean): void;
  focus(): void;
  /** Closes the socket and empties the panel's root. */
  destroy(): void;
}

/** The module the conversation chunk exports. */
export interface ConversationModule {
  openConversation(options: ConversationOptions): Conversation;
  mountPreChatForm: typeof import('../ui/pre-chat-form').mountPreChatForm;
}
