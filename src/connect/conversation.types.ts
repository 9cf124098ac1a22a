import type { ChatEvent, ContactDetails } from '../../machines/chat.types';
import type { ResolvedConfig } from '../config/instance-config';

/** What the panel's status line says; derived from the machine's state. */
export type ConversationStatus = 'connecting' | 'inFlow' | 'queued' | 'agent' | 'reconnecting' | 'ended' | 'failed';

export interface ConversationState {
  status: ConversationStatus;
  agentName: string | null;
  error: string | null;
  /** The panel may offer "Start new chat" (ended, and the display rules allow it). */
  canStartNew: boolean;
}

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
  /** Reports an error once with the runtime's prefix. */
  report(message: string, error?: unknown): void;
}

/** The lazily loaded conversation (chatjs + panel) for one contact. */
export interface Conversation {
  update(state: ConversationState): void;
  /** The customer ends the chat: `disconnectParticipant`. */
  end(): Promise<void>;
  focus(): void;
  /** Closes the socket and empties the panel's root. */
  destroy(): void;
}

/** The module the conversation chunk exports. */
export interface ConversationModule {
  openConversation(options: ConversationOptions): Conversation;
  mountPreChatForm: typeof import('../ui/pre-chat-form').mountPreChatForm;
}
