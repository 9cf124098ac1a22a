/**
 * Types of the chat statechart: what it keeps, what the world tells it, and what it tells saEvents.
 * Plain data only: the context is persisted to sessionStorage between pages.
 */

/** The six saEvents entries the contract promises; `timestamp` is epoch ms of the transition. */
export type SaEvent =
  | { type: 'CHAT_LOADED'; data: { chatInstanceName: string }; timestamp: number }
  | { type: 'CHAT_VISIBLE'; data: { chatInstanceName: string }; timestamp: number }
  | { type: 'CONTACT_STARTED'; data: { contactId: string }; timestamp: number }
  /** `inferred: true` when an agent joined without a queue marker: an agent is only reached through a queue. */
  | { type: 'TRANSFER_TO_QUEUE'; data: { contactId: string; inferred?: true }; timestamp: number }
  | { type: 'CONNECT_TO_AGENT'; data: { contactId: string }; timestamp: number }
  | { type: 'CONTACT_ENDED'; data: { contactId: string }; timestamp: number };

export type SaEventType = SaEvent['type'];

/** Everything chatjs needs to join (or rejoin) a contact; what `POST /api/chats` returns. */
export interface ContactDetails {
  contactId: string;
  participantId: string;
  participantToken: string;
  participantEndpoint: string;
  region: string;
}

/** Where a contact stands in Amazon Connect, as far as the customer can tell. */
export type ContactPhase = 'inFlow' | 'queued' | 'agent';

/** An error the UI can show; `code` is stable for programs, `message` is for people. */
export interface ChatError {
  code: string;
  message: string;
  /** Epoch ms before which the service asked not to start again (its `Retry-After`): START is refused until then. */
  retryAt?: number;
}

export interface ChatContext {
  instanceName: string;
  /** Whether the display rules allow offering a new chat right now (kept while a contact runs). */
  rulesAllow: boolean;
  contact: ContactDetails | null;
  agentName: string | null;
  error: ChatError | null;
}

export interface ChatInput {
  instanceName: string;
}

/** What a page restores after a navigation or reload mid-chat. */
export interface SavedContact {
  contact: ContactDetails;
  phase: ContactPhase;
  agentName: string | null;
}

/** Every event carries `at`: the epoch ms when whoever observed it saw it happen. */
export type ChatEvent =
  | { type: 'CONFIG_OK'; at: number }
  | { type: 'CONFIG_INVALID'; error: ChatError; at: number }
  | { type: 'RULES_ALLOW'; at: number }
  | { type: 'RULES_DENY'; at: number }
  | { type: 'RESUME'; saved: SavedContact; at: number }
  | { type: 'START'; at: number }
  | { type: 'START_FAILED'; error: ChatError; at: number }
  | { type: 'CONTACT_CREATED'; contact: ContactDetails; at: number }
  | { type: 'CONNECTED'; at: number }
  | { type: 'CONNECTION_LOST'; at: number }
  | { type: 'CONNECTION_FAILED'; error: ChatError; at: number }
  | { type: 'RETRY_CONNECTION'; at: number }
  | { type: 'QUEUED'; at: number }
  | { type: 'AGENT_JOINED'; agentName: string; at: number }
  | { type: 'AGENT_LEFT'; at: number }
  | { type: 'TRANSFERRED'; at: number }
  | { type: 'CUSTOMER_ENDED'; at: number }
  | { type: 'CHAT_ENDED'; at: number }
  | { type: 'DISMISS'; at: number };

export type ChatEventType = ChatEvent['type'];
