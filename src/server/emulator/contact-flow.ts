import { randomUUID } from 'node:crypto';
import { AGENT_GOODBYE, AGENT_TIP_MARKDOWN, MENU_TEMPLATE, agentAnswer, agentGreeting, agentThanksForFile } from './autopilot-script';
import type { Agent, Contact, ContactStore, Participant } from './contact-store';
import { CONTENT_TYPE, DEFAULT_AUTOPILOT_TIMINGS, type AttachmentRef, type AutopilotTimings, type ChatItem } from './emulator.types';
import { MessageReceipts } from './message-receipts';

/** A step that the contact's current state does not allow (e.g. an agent message with no agent). */
export class ContactStateError extends Error {
  override readonly name = 'ContactStateError';
  constructor(
    /** `contact.ended`, `contact.no_agent` or `contact.agent_present`. */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ContactFlowOptions {
  store: ContactStore;
  /**
   * Play the flow and the agent by itself: queue, join, greet, answer.
   * @default false
   */
  autopilot?: boolean;
  /** @default {@link DEFAULT_AUTOPILOT_TIMINGS} */
  timings?: Partial<AutopilotTimings>;
  /** @default "Alex" */
  autopilotAgentName?: string;
}

/** Which agent a step is about: by display name or participant id. Neither: the agent who joined last. */
export interface AgentRef {
  name?: string;
  participantId?: string;
}

/**
 * The order of the two items a transfer with an agent on shows the customer: Amazon Connect sends
 * `transfer.succeeded` and the agent's `participant.left` in either order.
 */
export type TransferOrder = 'transferFirst' | 'leftFirst';
export const TRANSFER_ORDERS: readonly TransferOrder[] = ['transferFirst', 'leftFirst'];

/**
 * What the chat timeouts Amazon Connect keeps for the customer (UpdateParticipantRoleConfig) send: the customer
 * went idle, came back, or stayed away long enough to be disconnected.
 */
export type CustomerTimerEvent = 'idle' | 'returned' | 'autodisconnection';
export const CUSTOMER_TIMER_EVENTS: Readonly<Record<CustomerTimerEvent, string>> = {
  idle: CONTENT_TYPE.participantIdle,
  returned: CONTENT_TYPE.participantReturned,
  autodisconnection: CONTENT_TYPE.autoDisconnection,
};

/** The greeting the entry flow sends; it never contains a queue marker. */
export const GREETING = 'Thanks for contacting us. This chat may be recorded for quality purposes.';

/** The SYSTEM message of the customer queue flow: the marker first, then words for people. */
export function queueMessage(marker: string): string {
  return `${marker} You are in the queue. The next available agent will be with you shortly.`;
}

/** How long each message content type may be (SendMessage's limits; an interactive template: 20 KB). */
export const MESSAGE_LIMITS: Readonly<Record<string, number>> = {
  [CONTENT_TYPE.text]: 1024,
  [CONTENT_TYPE.markdown]: 1024,
  [CONTENT_TYPE.interactive]: 20 * 1024,
};

/** Who speaks a flow-side message: an agent, the Lex bot (SYSTEM, "BOT"), or the flow (SYSTEM, "SYSTEM_MESSAGE"). */
export type Speaker = 'agent' | 'bot' | 'flow';

/**
 * The simulated Amazon Connect contact flow and agent: each step posts the items a real contact would
 * show its customer. With `autopilot` on, the steps run by themselves on a timer.
 */
export class ContactFlow {
  readonly autopilot: boolean;
  readonly receipts: MessageReceipts;
  private readonly store: ContactStore;
  private readonly timings: AutopilotTimings;
  private readonly agentName: string;
  private readonly timers = new Map<string, Set<ReturnType<typeof setTimeout>>>();
  /** Contacts the autopilot has taken on (it starts once per contact, at the first subscription). */
  private readonly piloted = new Set<string>();
  /** Contacts a person took over (through the control API): the autopilot leaves them alone for good. */
  private readonly takenOver = new Set<string>();
  /** Contacts whose customer has the autopilot's menu and has not answered it yet. */
  private readonly menuOpen = new Set<string>();

  constructor(options: ContactFlowOptions) {
    this.store = options.store;
    this.receipts = new MessageReceipts(options.store);
    this.autopilot = options.autopilot ?? false;
    this.timings = { ...DEFAULT_AUTOPILOT_TIMINGS, ...options.timings };
    this.agentName = options.autopilotAgentName ?? 'Alex';
  }

  /** The customer subscribed to `aws/chat`. The first time, the entry flow runs (unless a step already ran it) and the autopilot starts. */
  customerSubscribed(contact: Contact): void {
    if (contact.state === 'ended') return;
    this.startFlow(contact);
    if (!this.isPiloting(contact) || this.piloted.has(contact.contactId)) return;
    this.piloted.add(contact.contactId);
    if (contact.state === 'queued') {
      this.schedule(contact, this.timings.joinAfterMs, () => {
        if (contact.state === 'queued') this.joinAgent(contact, this.agentName, true);
      });
      return;
    }
    this.schedule(contact, this.timings.menuAfterMs, () => {
      if (contact.state !== 'flow') return;
      this.say(contact, 'bot', MENU_TEMPLATE, CONTENT_TYPE.interactive);
      this.menuOpen.add(contact.contactId);
    });
    this.schedule(contact, this.timings.queueAfterMs, () => this.autopilotQueues(contact));
  }

  /** The autopilot's flow queues the contact; its agent joins a little later. */
  private autopilotQueues(contact: Contact): void {
    this.menuOpen.delete(contact.contactId);
    if (contact.state !== 'flow' || !this.isPiloting(contact)) return;
    this.queue(contact);
    this.schedule(contact, this.timings.joinAfterMs, () => {
      if (contact.state === 'flow' || contact.state === 'queued') this.joinAgent(contact, this.agentName, true);
    });
  }

  /** True while the autopilot plays (or, once the customer subscribes, will play) this contact. */
  isPiloting(contact: Contact): boolean {
    return this.autopilot && contact.state !== 'ended' && !this.takenOver.has(contact.contactId);
  }

  /**
   * A person acts on the contact (agent console, tests): the autopilot stops piloting it, its pending
   * steps are dropped, and the agent it was playing (if one is on) is the person's from now on.
   * @returns that agent, or undefined when the autopilot had none on the contact.
   */
  takeOver(contact: Contact): Agent | undefined {
    this.takenOver.add(contact.contactId);
    this.menuOpen.delete(contact.contactId);
    if (!this.autopilot) return undefined;
    this.clearTimers(contact);
    const seat = contact.agents.find((agent) => agent.byAutopilot);
    for (const agent of contact.agents) agent.byAutopilot = false;
    return seat;
  }

  /**
   * A person joins as agent `name`. If the autopilot's agent is on, the person takes the contact over:
   * under the same name they simply take its seat (the customer sees nothing), under another name the
   * autopilot's agent leaves first. Otherwise the same as {@link joinAgent}.
   */
  personJoins(contact: Contact, name: string): Agent {
    this.assertOpen(contact);
    const seat = this.takeOver(contact);
    if (seat?.displayName === name) return seat;
    this.assertNameFree(contact, name);
    if (seat) this.agentLeaves(contact, { participantId: seat.participantId });
    return this.joinAgent(contact, name);
  }

  /**
   * The customer queue flow sends its SYSTEM message with the queue marker. Allowed while an agent is
   * still on (a flow's message after a transfer whose `participant.left` comes late): the agents stay on.
   */
  queue(contact: Contact): void {
    this.assertOpen(contact);
    this.startFlow(contact);
    contact.state = 'queued';
    this.systemSays(contact, queueMessage(contact.queueMarker));
  }

  /**
   * An agent joins: `participant.joined` (AGENT). Allowed while another agent is on (a supervisor's
   * barge-in, a conference), as long as the names differ, so each can be told apart by name.
   */
  joinAgent(contact: Contact, name: string, byAutopilot = false): Agent {
    this.assertOpen(contact);
    this.assertNameFree(contact, name);
    this.startFlow(contact);
    const agent: Agent = { participantId: randomUUID(), displayName: name, role: 'AGENT', byAutopilot };
    contact.agents.push(agent);
    contact.state = 'agent';
    this.store.post(contact, { type: 'EVENT', contentType: CONTENT_TYPE.participantJoined, from: agent });
    if (byAutopilot) {
      this.schedule(contact, this.timings.greetAfterMs, () => {
        if (agent.byAutopilot && contact.agents.includes(agent)) {
          this.autopilotSays(contact, agent, agentGreeting(contact.customer.displayName, name));
          this.autopilotSays(contact, agent, AGENT_TIP_MARKDOWN, CONTENT_TYPE.markdown);
        }
      });
    }
    return agent;
  }

  agentMessage(contact: Contact, text: string, contentType: string = CONTENT_TYPE.text, who: AgentRef = {}): ChatItem {
    const agent = this.requireAgent(contact, who);
    return this.store.post(contact, { type: 'MESSAGE', contentType, content: text.slice(0, MESSAGE_LIMITS[contentType] ?? 1024), from: agent });
  }

  /**
   * A message from the bot or the flow (both ParticipantRole SYSTEM, told apart by DisplayName), or from
   * the agent `who` names. Bot and flow need no agent, only an open contact.
   */
  say(contact: Contact, speaker: Speaker, text: string, contentType: string = CONTENT_TYPE.text, who: AgentRef = {}): ChatItem {
    if (speaker === 'agent') return this.agentMessage(contact, text, contentType, who);
    this.assertOpen(contact);
    this.startFlow(contact);
    const from = speaker === 'bot' ? contact.bot : contact.system;
    return this.store.post(contact, { type: 'MESSAGE', contentType, content: text.slice(0, MESSAGE_LIMITS[contentType] ?? 1024), from });
  }

  /** A file in the chat from the agent `who` names (or the bot/flow), as an ATTACHMENT item. */
  sendAttachment(contact: Contact, speaker: Speaker, attachment: AttachmentRef, who: AgentRef = {}): ChatItem {
    const from: Participant = speaker === 'agent' ? this.requireAgent(contact, who) : speaker === 'bot' ? contact.bot : contact.system;
    this.assertOpen(contact);
    return this.store.post(contact, { type: 'ATTACHMENT', attachments: [attachment], from });
  }

  /** The agent `who` names reads every customer message it has not read. @returns how many it read. */
  agentReads(contact: Contact, who: AgentRef = {}): number {
    return this.receipts.readCustomerMessages(contact, this.requireAgent(contact, who));
  }

  /**
   * The customer posted a message or a file: each agent on receives it (their console marks it
   * delivered, as an agent's CCP does), and an autopilot agent answers.
   */
  customerPosted(contact: Contact, item: ChatItem): void {
    for (const agent of contact.agents) this.receipts.record(contact, item.Id, 'delivered', agent);
    if (item.Type === 'ATTACHMENT') this.autopilotAnswers(contact, agentThanksForFile(item.Attachments?.[0]?.AttachmentName ?? 'file'));
    else if (item.ContentType === CONTENT_TYPE.text || item.ContentType === CONTENT_TYPE.markdown) this.customerMessage(contact, item.Content ?? '');
  }

  agentTyping(contact: Contact, who: AgentRef = {}): void {
    const agent = this.requireAgent(contact, who);
    this.store.post(contact, { type: 'EVENT', contentType: CONTENT_TYPE.typing, from: agent }, { persist: false });
  }

  /**
   * Transfer to a queue: `transfer.succeeded` (SYSTEM) and each agent's `participant.left`, in the given
   * order, then the queue marker again. With no agent on (the flow transfers to another queue) only
   * `transfer.succeeded`, then the marker.
   */
  transfer(contact: Contact, { order = 'transferFirst' }: { order?: TransferOrder } = {}): void {
    this.assertOpen(contact);
    this.startFlow(contact);
    this.clearTimers(contact);
    const transferred = () => this.store.post(contact, { type: 'EVENT', contentType: CONTENT_TYPE.transferSucceeded, from: contact.system });
    if (order === 'transferFirst') transferred();
    for (const agent of contact.agents) {
      this.store.post(contact, { type: 'EVENT', contentType: CONTENT_TYPE.participantLeft, from: agent });
    }
    if (order === 'leftFirst') transferred();
    contact.agents = [];
    contact.state = 'queued';
    this.systemSays(contact, queueMessage(contact.queueMarker));
    if (this.isPiloting(contact)) {
      this.schedule(contact, this.timings.joinAfterMs, () => {
        if (contact.state === 'queued') this.joinAgent(contact, this.agentName, true);
      });
    }
  }

  /**
   * An agent leaves without ending the chat (a disconnected agent, or one of two): `participant.left`.
   * When the last agent leaves a contact in state `agent`, it is back in the flow; a contact already
   * `queued` (the marker came before the agent left) stays queued.
   */
  agentLeaves(contact: Contact, who: AgentRef = {}): void {
    const agent = this.requireAgent(contact, who);
    this.store.post(contact, { type: 'EVENT', contentType: CONTENT_TYPE.participantLeft, from: agent });
    contact.agents = contact.agents.filter((other) => other !== agent);
    if (contact.agents.length === 0 && contact.state === 'agent') contact.state = 'flow';
  }

  /** The agent (or the flow) ends the contact: each agent leaves, then chat.ended. */
  end(contact: Contact): void {
    this.assertOpen(contact);
    for (const agent of contact.agents) {
      this.store.post(contact, { type: 'EVENT', contentType: CONTENT_TYPE.participantLeft, from: agent });
    }
    this.finish(contact);
  }

  /** The customer disconnected (DisconnectParticipant): they leave, then chat.ended. */
  customerDisconnected(contact: Contact): void {
    this.assertOpen(contact);
    this.store.post(contact, { type: 'EVENT', contentType: CONTENT_TYPE.participantLeft, from: contact.customer });
    this.finish(contact);
  }

  /** A customer timeout fires: its event, from the customer; `autodisconnection` then disconnects the customer. */
  customerTimer(contact: Contact, event: CustomerTimerEvent): void {
    this.assertOpen(contact);
    this.store.post(contact, { type: 'EVENT', contentType: CUSTOMER_TIMER_EVENTS[event], from: contact.customer });
    if (event === 'autodisconnection') this.customerDisconnected(contact);
  }

  /** The customer sent a text message: the autopilot's flow takes it as the answer to its menu, its agent answers. */
  customerMessage(contact: Contact, text: string): void {
    if (this.menuOpen.delete(contact.contactId)) {
      this.schedule(contact, this.timings.greetAfterMs, () => this.autopilotQueues(contact));
      return;
    }
    if (/\b(bye|goodbye)\b/i.test(text)) this.autopilotAnswers(contact, AGENT_GOODBYE, true);
    else this.autopilotAnswers(contact, agentAnswer(text));
  }

  /** An autopilot agent reads the customer's messages and types, then answers (and ends the chat after a goodbye). */
  private autopilotAnswers(contact: Contact, answer: string, thenEnd = false): void {
    const agent = contact.agents.find((candidate) => candidate.byAutopilot);
    if (!agent) return;
    const stillHere = () => agent.byAutopilot && contact.agents.includes(agent) && contact.state === 'agent';
    const ref = { participantId: agent.participantId };
    this.schedule(contact, this.timings.typingAfterMs, () => {
      if (!stillHere()) return;
      this.agentReads(contact, ref);
      this.agentTyping(contact, ref);
    });
    this.schedule(contact, this.timings.replyAfterMs, () => {
      if (!stillHere()) return;
      this.autopilotSays(contact, agent, answer);
      if (thenEnd) {
        this.schedule(contact, this.timings.greetAfterMs, () => {
          if (stillHere()) this.end(contact);
        });
      }
    });
  }

  close(): void {
    for (const timers of this.timers.values()) for (const timer of timers) clearTimeout(timer);
    this.timers.clear();
  }

  /** The entry flow: the customer's join, then the greeting. Runs once per contact. */
  private startFlow(contact: Contact): void {
    if (contact.flowStarted) return;
    contact.flowStarted = true;
    // A persistent chat tells the customer its past is in the transcript (chatjs: onChatRehydrated).
    if (contact.continuedFromContactId) this.store.post(contact, { type: 'EVENT', contentType: CONTENT_TYPE.chatRehydrated, from: contact.system });
    this.store.post(contact, { type: 'EVENT', contentType: CONTENT_TYPE.participantJoined, from: contact.customer });
    if (contact.initialMessage) {
      const { contentType, content } = contact.initialMessage;
      this.store.post(contact, { type: 'MESSAGE', contentType, content, from: contact.customer });
    }
    this.systemSays(contact, GREETING);
  }

  private finish(contact: Contact): void {
    this.clearTimers(contact);
    this.store.post(contact, { type: 'EVENT', contentType: CONTENT_TYPE.chatEnded, from: contact.system });
    this.store.end(contact);
  }

  private autopilotSays(contact: Contact, agent: Agent, text: string, contentType: string = CONTENT_TYPE.text): void {
    this.agentMessage(contact, text, contentType, { participantId: agent.participantId });
  }

  private systemSays(contact: Contact, text: string): void {
    this.store.post(contact, { type: 'MESSAGE', contentType: CONTENT_TYPE.text, content: text, from: contact.system });
  }

  private assertOpen(contact: Contact): void {
    if (contact.state === 'ended') throw new ContactStateError('contact.ended', 'This contact has ended.');
  }

  private assertNameFree(contact: Contact, name: string): void {
    if (contact.agents.some((agent) => agent.displayName === name)) {
      throw new ContactStateError('contact.agent_present', `Agent ${name} is already on this contact: give a second agent another name.`);
    }
  }

  /** The agent `who` names (default: the one who joined last). @throws ContactStateError when there is none. */
  agentFor(contact: Contact, who: AgentRef = {}): Agent {
    return this.requireAgent(contact, who);
  }

  /** The agent `who` names (default: the one who joined last); refuses when there is none. */
  private requireAgent(contact: Contact, { name, participantId }: AgentRef = {}): Agent {
    this.assertOpen(contact);
    if (contact.agents.length === 0) throw new ContactStateError('contact.no_agent', 'No agent is on this contact: join one first.');
    const agent =
      name === undefined && participantId === undefined
        ? contact.agents.at(-1)
        : contact.agents.find(
            (candidate) =>
              (name === undefined || candidate.displayName === name) && (participantId === undefined || candidate.participantId === participantId),
          );
    if (!agent) {
      const on = contact.agents.map((candidate) => candidate.displayName).join(', ');
      throw new ContactStateError('contact.no_agent', `No such agent on this contact (agents on: ${on}).`);
    }
    return agent;
  }

  private schedule(contact: Contact, delayMs: number, step: () => void): void {
    let timers = this.timers.get(contact.contactId);
    if (!timers) this.timers.set(contact.contactId, (timers = new Set()));
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (contact.state === 'ended') return;
      try {
        step();
      } catch {
        // A step that no longer fits the contact's state is simply skipped.
      }
    }, delayMs);
    timer.unref?.();
    timers.add(timer);
  }

  private clearTimers(contact: Contact): void {
    for (const timer of this.timers.get(contact.contactId) ?? []) clearTimeout(timer);
    this.timers.delete(contact.contactId);
  }
}
