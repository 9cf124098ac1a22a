/**
 * The shapes the emulator speaks at its boundaries: Amazon Connect's wire vocabulary (items, roles,
 * content types) and the control API's JSON.
 */

/** `application/vnd.amazonaws.connect.event.` + name, as Amazon Connect spells its event content types. */
const EVENT = 'application/vnd.amazonaws.connect.event.';

export const CONTENT_TYPE = {
  text: 'text/plain',
  markdown: 'text/markdown',
  json: 'application/json',
  interactive: 'application/vnd.amazonaws.connect.message.interactive',
  interactiveResponse: 'application/vnd.amazonaws.connect.message.interactive.response',
  participantJoined: `${EVENT}participant.joined`,
  participantLeft: `${EVENT}participant.left`,
  transferSucceeded: `${EVENT}transfer.succeeded`,
  chatEnded: `${EVENT}chat.ended`,
  chatRehydrated: `${EVENT}chat.rehydrated`,
  participantIdle: `${EVENT}participant.idle`,
  participantReturned: `${EVENT}participant.returned`,
  autoDisconnection: `${EVENT}participant.autodisconnection`,
  typing: `${EVENT}typing`,
  messageRead: `${EVENT}message.read`,
  messageDelivered: `${EVENT}message.delivered`,
  messageMetadata: `${EVENT}message.metadata`,
  connectionAcknowledged: `${EVENT}connection.acknowledged`,
} as const;

export type ParticipantRole = 'AGENT' | 'CUSTOMER' | 'SYSTEM';
export type ItemType = 'MESSAGE' | 'EVENT' | 'ATTACHMENT' | 'MESSAGEMETADATA';

/** One file of an ATTACHMENT item, as Amazon Connect lists it. */
export interface AttachmentRef {
  AttachmentId: string;
  AttachmentName: string;
  ContentType: string;
  Status: 'APPROVED' | 'REJECTED' | 'IN_PROGRESS';
}

/** Who has received or read a message: one entry per recipient. */
export interface Receipt {
  DeliveredTimestamp?: string;
  ReadTimestamp?: string;
  RecipientParticipantId: string;
}

export interface MessageMetadata {
  MessageId: string;
  Receipts: Receipt[];
}

/**
 * One chat item, exactly as it travels on the websocket (`aws/chat`) and in GetTranscript. An ATTACHMENT
 * item has no top-level ContentType (the file's type is in `Attachments`); a message that was delivered
 * or read carries `MessageMetadata` in the transcript.
 */
export interface ChatItem {
  Id: string;
  AbsoluteTime: string;
  Type: Exclude<ItemType, 'MESSAGEMETADATA'>;
  ContentType?: string;
  Content?: string;
  Attachments?: AttachmentRef[];
  MessageMetadata?: MessageMetadata;
  ParticipantId: string;
  DisplayName: string;
  ParticipantRole: ParticipantRole;
  InitialContactId: string;
  /** The contact the item was sent on; absent on a persistent chat's past items, which carry `RelatedContactId`. */
  ContactId?: string;
  RelatedContactId?: string;
}

/**
 * A receipt as Amazon Connect pushes it: no participant or contact fields (chatjs lets MESSAGEMETADATA
 * through its contact-id filter for that reason), never kept in the transcript.
 */
export interface MetadataItem {
  Id: string;
  AbsoluteTime: string;
  Type: 'MESSAGEMETADATA';
  ContentType: typeof CONTENT_TYPE.messageMetadata;
  MessageMetadata: MessageMetadata;
}

/** Anything pushed on the websocket's `aws/chat` topic. */
export type PushedItem = ChatItem | MetadataItem;

/** Where a contact is, as the control API reports it. */
export type ContactState = 'flow' | 'queued' | 'agent' | 'ended';

/** One entry of `GET /emulator/contacts`. */
export interface ContactSummary {
  contactId: string;
  /** The chat instance's public name (or the InstanceId when the emulator was given no instances). */
  instance: string;
  state: ContactState;
  /** True while at least one customer websocket is subscribed to `aws/chat`. */
  customerConnected: boolean;
  displayName: string;
  /** The agent who joined last, while any agent is on (what the customer's "Connected to …" shows). */
  agentName: string | null;
  /** Every agent on the contact, in the order they joined. */
  agents: AgentSummary[];
  /** True while the autopilot plays (or, once the customer subscribes, will play) this contact; false once a person acted on it. */
  autopilot: boolean;
  attributes: Record<string, string>;
  /** StartChatContact's ChatDurationInMinutes (1500, Amazon Connect's default, when it named none). */
  chatDurationInMinutes: number;
  /** The chat session's first contact (this one unless it continues a past session). */
  initialContactId: string;
  /** Persistent chat: `PersistentChat.SourceContactId` as StartChatContact was given it, else null. */
  sourceContactId: string | null;
  /** Persistent chat: the ended contact actually continued (`ContinuedFromContactId`), else null. */
  continuedFromContactId: string | null;
  startedAt: string;
  endedAt: string | null;
}

/** One agent on a contact, as the control API reports it. */
export interface AgentSummary {
  participantId: string;
  name: string;
  /** True when the autopilot plays this agent. */
  autopilot: boolean;
}

/** The timings of the autopilot (all in milliseconds). */
export interface AutopilotTimings {
  /** From the customer's first subscription to the bot's QuickReply menu (skipped once the contact left the flow). @default 500 */
  menuAfterMs: number;
  /** From the customer's first subscription to the queue marker, when the customer does not answer the menu. @default 10000 */
  queueAfterMs: number;
  /** From the queue marker to the agent joining. @default 2000 */
  joinAfterMs: number;
  /** From the agent joining to the agent's greeting; also from an answer to the menu to the queue marker. @default 600 */
  greetAfterMs: number;
  /** From a customer message to the agent reading it and starting to type. @default 300 */
  typingAfterMs: number;
  /** From a customer message to the agent's answer. @default 1200 */
  replyAfterMs: number;
}

export const DEFAULT_AUTOPILOT_TIMINGS: AutopilotTimings = {
  menuAfterMs: 500,
  queueAfterMs: 10000,
  joinAfterMs: 2000,
  greetAfterMs: 600,
  typingAfterMs: 300,
  replyAfterMs: 1200,
};
