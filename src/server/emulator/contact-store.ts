import { randomBytes, randomUUID } from 'node:crypto';
import type { AttachmentRef, ChatItem, ContactState, ItemType, ParticipantRole, PushedItem } from './emulator.types';

/** Someone who speaks in a chat: the customer, an agent, or the contact flow (SYSTEM). */
export interface Participant {
  participantId: string;
  displayName: string;
  role: ParticipantRole;
}

export interface Agent extends Participant {
  /** True when the autopilot plays this agent (so it answers the customer). */
  byAutopilot: boolean;
}

/** One chat contact and everything the emulator knows about it. */
export interface Contact {
  readonly contactId: string;
  /** The chat session's first contact: this one, or for a persistent chat the session it continues. */
  readonly initialContactId: string;
  /** Persistent chat: `PersistentChat.SourceContactId` as asked, and the ended contact actually continued. */
  readonly sourceContactId: string | null;
  readonly continuedFromContactId: string | null;
  /** The chat instance's public name. */
  readonly instance: string;
  /** The text the customer queue flow puts in its SYSTEM message. */
  readonly queueMarker: string;
  readonly instanceId: string;
  readonly contactFlowId: string;
  readonly participantToken: string;
  readonly customer: Participant;
  readonly system: Participant;
  /** A Lex bot in the flow: SYSTEM like the flow, told apart only by its DisplayName "BOT". */
  readonly bot: Participant;
  /** StartChatContact's SupportedMessagingContentTypes (`["text/plain"]` when it named none). */
  readonly supportedContentTypes: readonly string[];
  readonly attributes: Readonly<Record<string, string>>;
  /** StartChatContact's ChatDurationInMinutes (1500 when it named none). */
  readonly chatDurationInMinutes: number;
  readonly startedAt: number;
  state: ContactState;
  /** The agents on the contact, in the order they joined (a supervisor's barge-in or a conference adds a second). */
  agents: Agent[];
  endedAt: number | null;
  /** Set when the customer first subscribes: the flow has greeted them. */
  flowStarted: boolean;
  /** StartChatContact's InitialMessage, posted as the customer's first message when the flow starts. */
  readonly initialMessage: { contentType: string; content: string } | null;
  /** The transcript: every persisted item, oldest first (typing indicators are not kept). */
  readonly items: ChatItem[];
  /** SendMessage ClientToken → the item it created, so a retried request does not post twice. */
  readonly messageClientTokens: Map<string, ChatItem>;
}

export interface NewContact {
  instance: string;
  queueMarker: string;
  instanceId: string;
  contactFlowId: string;
  displayName: string;
  attributes: Record<string, string>;
  chatDurationInMinutes?: number;
  initialMessage?: { contentType: string; content: string };
  supportedContentTypes?: readonly string[];
  /** Persistent chat: the past contact this one continues, and its items as the new transcript starts with them. */
  continues?: { sourceContactId: string; continuedFromContactId: string; initialContactId: string; items: ChatItem[] };
}

/** What a new item says and who says it; the store adds the ids and the time. */
export interface ItemInit {
  type: Exclude<ItemType, 'MESSAGEMETADATA'>;
  /** Absent for ATTACHMENT items, as Amazon Connect sends them. */
  contentType?: string;
  content?: string;
  attachments?: AttachmentRef[];
  from: Participant;
}

export type ItemListener = (contact: Contact, item: PushedItem) => void;

/** All contacts, their tokens, and their items; tells listeners (the websocket hub) about each new item. */
export class ContactStore {
  private readonly contacts = new Map<string, Contact>();
  private readonly byParticipantToken = new Map<string, Contact>();
  private readonly byConnectionToken = new Map<string, Contact>();
  private readonly listeners = new Set<ItemListener>();
  private lastTime = 0;

  constructor(private readonly now: () => number = Date.now) {}

  create(init: NewContact): Contact {
    const systemId = randomUUID();
    const contactId = randomUUID();
    const past = init.continues;
    const contact: Contact = {
      contactId,
      initialContactId: past?.initialContactId ?? contactId,
      sourceContactId: past?.sourceContactId ?? null,
      continuedFromContactId: past?.continuedFromContactId ?? null,
      instance: init.instance,
      queueMarker: init.queueMarker,
      instanceId: init.instanceId,
      contactFlowId: init.contactFlowId,
      participantToken: randomUUID(),
      customer: { participantId: randomUUID(), displayName: init.displayName, role: 'CUSTOMER' },
      system: { participantId: systemId, displayName: 'SYSTEM_MESSAGE', role: 'SYSTEM' },
      bot: { participantId: systemId, displayName: 'BOT', role: 'SYSTEM' },
      supportedContentTypes: [...(init.supportedContentTypes ?? ['text/plain'])],
      attributes: { ...init.attributes },
      chatDurationInMinutes: init.chatDurationInMinutes ?? 1500,
      startedAt: this.now(),
      state: 'flow',
      agents: [],
      endedAt: null,
      flowStarted: false,
      initialMessage: init.initialMessage ?? null,
      items: past ? [...past.items] : [],
      messageClientTokens: new Map(),
    };
    this.contacts.set(contact.contactId, contact);
    this.byParticipantToken.set(contact.participantToken, contact);
    return contact;
  }

  get(contactId: string): Contact | undefined {
    return this.contacts.get(contactId);
  }

  list(): Contact[] {
    return [...this.contacts.values()];
  }

  findByParticipantToken(token: string): Contact | undefined {
    return this.byParticipantToken.get(token);
  }

  findByConnectionToken(token: string): Contact | undefined {
    return this.byConnectionToken.get(token);
  }

  /** A new connection token for the customer (CreateParticipantConnection hands out one per call). */
  issueConnectionToken(contact: Contact): string {
    const token = randomBytes(32).toString('base64url');
    this.byConnectionToken.set(token, contact);
    return token;
  }

  /**
   * Creates an item, keeps it in the transcript unless `persist` is false (typing), and hands it to
   * every listener. AbsoluteTime strictly increases within the emulator, so time order is item order.
   */
  post(contact: Contact, init: ItemInit, { persist = true }: { persist?: boolean } = {}): ChatItem {
    const item: ChatItem = {
      Id: randomUUID(),
      AbsoluteTime: this.nextTime(),
      Type: init.type,
      ...(init.contentType === undefined ? {} : { ContentType: init.contentType }),
      ...(init.content === undefined ? {} : { Content: init.content }),
      ...(init.attachments === undefined ? {} : { Attachments: init.attachments }),
      ParticipantId: init.from.participantId,
      DisplayName: init.from.displayName,
      ParticipantRole: init.from.role,
      InitialContactId: contact.initialContactId,
      ContactId: contact.contactId,
    };
    if (persist) contact.items.push(item);
    for (const listener of this.listeners) listener(contact, item);
    return item;
  }

  /** Hands an item that is not kept in the transcript (a receipt) to every listener. */
  publish(contact: Contact, item: PushedItem): void {
    for (const listener of this.listeners) listener(contact, item);
  }

  /** An AbsoluteTime that strictly increases within the emulator, so time order is item order. */
  nextTime(): string {
    const time = Math.max(this.now(), this.lastTime + 1);
    this.lastTime = time;
    return new Date(time).toISOString();
  }

  onItem(listener: ItemListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Marks the contact ended; its tokens stop working from now on. */
  end(contact: Contact): void {
    if (contact.state === 'ended') return;
    contact.state = 'ended';
    contact.agents = [];
    contact.endedAt = this.now();
  }
}
