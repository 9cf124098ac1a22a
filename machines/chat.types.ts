/**
 * Types of the chat statechart: what it keeps, what the world tells it, what its actors answer, and what it
 * tells saEvents. Plain data only: the context is shown by the visualizer and parts of it are persisted.
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
  /** The service asked not to start again for this long (its `Retry-After`): the start button waits. */
  retryAfterMs?: number;
}

/** What an actor rejects with: the error, and when it was observed. */
export interface ChatFailure extends ChatError {
  at: number;
}

export interface ChatContext {
  instanceName: string;
  /** Whether the display rules allow offering a new chat right now (kept while a contact runs). */
  rulesAllow: boolean;
  /** The instance asks for a pre-chat form before a chat starts. */
  preChat: boolean;
  contact: ContactDetails | null;
  agentName: string | null;
  /**
   * This tab announces the contact's events. Several tabs of one browser can show one contact; only the tab
   * holding the contact's lock announces, so a funnel counts each event once per browser.
   */
  leads: boolean;
  error: ChatError | null;
  /**
   * While the schedule keeps the chat closed and the instance shows when it opens: that instant (epoch ms), for
   * the out-of-hours notice; otherwise null.
   */
  nextOpening: number | null;
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

/** What the `loadConfig` actor answers: the configuration is valid; restore this contact, if any. */
export interface ConfigLoaded {
  at: number;
  preChat: boolean;
  saved: SavedContact | null;
}

/** What the `startChat` actor is given: the START that asked for it. */
export interface StartRequest {
  attributes?: Record<string, string>;
  displayName?: string;
}

/** What the `startChat` actor answers: Amazon Connect created the contact. */
export interface ContactCreated {
  at: number;
  contact: ContactDetails;
}

/** What the `session` actor is given: the contact to join, and whether it is being restored. */
export interface SessionInput {
  contact: ContactDetails;
  /** Restored after a navigation, reload or in another tab (`false` for a contact this page just created). */
  resumed: boolean;
}

/** What the chart tells the running `session` actor. */
export type SessionCommand = { type: 'RETRY_CONNECTION' } | { type: 'LEAVE'; disconnect: boolean };

/** Every event from the world carries `at`: the epoch ms when whoever observed it saw it happen. */
export type ChatEvent =
  | { type: 'RULES_ALLOW'; at: number }
  /** `nextOpening`: the schedule is why, and the chat opens then (only when the instance shows it). */
  | { type: 'RULES_DENY'; at: number; nextOpening?: number }
  /** The launcher was pressed (or `open()`): the pre-chat form, a start, or the minimised panel back. */
  | { type: 'OPEN'; at: number }
  /** Minimise (or `close()`): tuck the panel away, cancel the pre-chat form, dismiss an ended chat. */
  | { type: 'CLOSE'; at: number }
  /** Start now, with what the pre-chat form or `start()` gave. */
  | ({ type: 'START'; at: number } & StartRequest)
  | { type: 'CONNECTED'; at: number }
  | { type: 'CONNECTION_LOST'; at: number }
  | { type: 'CONNECTION_FAILED'; error: ChatError; at: number }
  | { type: 'RETRY_CONNECTION'; at: number }
  /** This tab now holds the contact's lock: it announces from here on. */
  | { type: 'TAB_LEADS'; at: number }
  | { type: 'QUEUED'; at: number }
  | { type: 'AGENT_JOINED'; agentName: string; at: number }
  | { type: 'AGENT_LEFT'; at: number }
  | { type: 'TRANSFERRED'; at: number }
  /** "End chat" in the panel: asks the customer to confirm before anything ends. */
  | { type: 'END_REQUESTED'; at: number }
  /** The customer took back "End chat". */
  | { type: 'KEEP_CHATTING'; at: number }
  /** The customer ended the chat (confirmed in the panel, or `end()`). */
  | { type: 'CUSTOMER_ENDED'; at: number }
  | { type: 'CHAT_ENDED'; at: number };

export type ChatEventType = ChatEvent['type'];
