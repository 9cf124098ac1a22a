import { randomUUID } from 'node:crypto';
import type { Contact, ContactStore } from './contact-store';
import { CONTENT_TYPE, DEFAULT_AUTOPILOT_TIMINGS, type AutopilotTimings, type ChatItem } from './emulator.types';

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

/** The greeting the entry flow sends; it never contains a queue marker. */
export const GREETING = 'Thanks for contacting us. This chat may be recorded for quality purposes.';

/** The SYSTEM message of the customer queue flow: the marker first, then words for people. */
export function queueMessage(marker: string): string {
  return `${marker} You are in the queue. The next available agent will be with you shortly.`;
}

const TEXT_LIMIT = 1024;

/**
 * The simulated Amazon Connect contact flow and agent: each step posts the items a real contact would
 * show its customer. With `autopilot` on, the steps run by themselves on a timer.
 */
export class ContactFlow {
  readonly autopilot: boolean;
  private readonly store: ContactStore;
  private readonly timings: AutopilotTimings;
  private readonly agentName: string;
  private readonly timers = new Map<string, Set<ReturnType<typeof setTimeout>>>();
  /** Contacts the autopilot has taken on (it starts once per contact, at the first subscription). */
  private readonly piloted = new Set<string>();

  constructor(options: ContactFlowOptions) {
    this.store = options.store;
    this.autopilot = options.autopilot ?? false;
    this.timings = { ...DEFAULT_AUTOPILOT_TIMINGS, ...options.timings };
    this.agentName = options.autopilotAgentName ?? 'Alex';
  }

  /** The customer subscribed to `aws/chat`. The first time, the entry flow runs (unless a step already ran it) and the autopilot starts. */
  customerSubscribed(contact: Contact): void {
    if (contact.state === 'ended') return;
    this.startFlow(contact);
    if (!this.autopilot || this.piloted.has(contact.contactId)) return;
    this.piloted.add(contact.contactId);
    this.schedule(contact, this.timings.queueAfterMs, () => {
      if (contact.state === 'flow') this.queue(contact);
    });
    this.schedule(contact, this.timings.joinAfterMs, () => {
      if (contact.state === 'flow' || contact.state === 'queued') this.joinAgent(contact, this.agentName, true);
    });
  }

  /** Transfer to queue: the customer queue flow sends its SYSTEM message with the queue marker. */
  queue(contact: Contact): void {
    this.assertOpen(contact);
    if (contact.state === 'agent') {
      throw new ContactStateError('contact.agent_present', 'An agent is on this contact: use transfer to queue it again.');
    }
    this.startFlow(contact);
    contact.state = 'queued';
    this.systemSays(contact, queueMessage(contact.queueMarker));
  }

  joinAgent(contact: Contact, name: string, byAutopilot = false): void {
    this.assertOpen(contact);
    if (contact.state === 'agent') {
      throw new ContactStateError('contact.agent_present', `Agent ${contact.agent?.displayName ?? ''} is already on this contact.`);
    }
    this.startFlow(contact);
    const agent = { participantId: randomUUID(), displayName: name, role: 'AGENT' as const, byAutopilot };
    contact.agent = agent;
    contact.state = 'agent';
    this.store.post(contact, { type: 'EVENT', contentType: CONTENT_TYPE.participantJoined, from: agent });
    if (byAutopilot) {
      this.schedule(contact, this.timings.greetAfterMs, () => {
        if (contact.agent === agent) {
          this.agentMessage(contact, `Hi ${contact.customer.displayName}, I'm ${name}. How can I help you today?`);
        }
      });
    }
  }

  agentMessage(contact: Contact, text: string, contentType: string = CONTENT_TYPE.text): ChatItem {
    const agent = this.requireAgent(contact);
    return this.store.post(contact, { type: 'MESSAGE', contentType, content: text.slice(0, TEXT_LIMIT), from: agent });
  }

  agentTyping(contact: Contact): void {
    const agent = this.requireAgent(contact);
    this.store.post(contact, { type: 'EVENT', contentType: CONTENT_TYPE.typing, from: agent }, { persist: false });
  }

  /** The agent transfers the contact back to a queue: transfer.succeeded, the agent leaves, the marker again. */
  transfer(contact: Contact): void {
    const agent = this.requireAgent(contact);
    this.clearTimers(contact);
    this.store.post(contact, { type: 'EVENT', contentType: CONTENT_TYPE.transferSucceeded, from: contact.system });
    this.store.post(contact, { type: 'EVENT', contentType: CONTENT_TYPE.participantLeft, from: agent });
    contact.agent = null;
    contact.state = 'queued';
    this.systemSays(contact, queueMessage(contact.queueMarker));
    if (this.autopilot) {
      this.schedule(contact, this.timings.joinAfterMs, () => {
        if (contact.state === 'queued') this.joinAgent(contact, this.agentName, true);
      });
    }
  }

  /** The agent leaves without ending the chat (a disconnected agent; the flow goes on): back in the flow. */
  agentLeaves(contact: Contact): void {
    const agent = this.requireAgent(contact);
    this.store.post(contact, { type: 'EVENT', contentType: CONTENT_TYPE.participantLeft, from: agent });
    contact.agent = null;
    contact.state = 'flow';
  }

  /** The agent (or the flow) ends the contact: the agent leaves, then chat.ended. */
  end(contact: Contact): void {
    this.assertOpen(contact);
    if (contact.agent) {
      this.store.post(contact, { type: 'EVENT', contentType: CONTENT_TYPE.participantLeft, from: contact.agent });
    }
    this.finish(contact);
  }

  /** The customer disconnected (DisconnectParticipant): they leave, then chat.ended. */
  customerDisconnected(contact: Contact): void {
    this.assertOpen(contact);
    this.store.post(contact, { type: 'EVENT', contentType: CONTENT_TYPE.participantLeft, from: contact.customer });
    this.finish(contact);
  }

  /** The customer sent a message: an autopilot agent types, then answers. */
  customerMessage(contact: Contact, text: string): void {
    const agent = contact.agent;
    if (!agent?.byAutopilot) return;
    const stillHere = () => contact.agent === agent && contact.state === 'agent';
    this.schedule(contact, this.timings.typingAfterMs, () => {
      if (stillHere()) this.agentTyping(contact);
    });
    this.schedule(contact, this.timings.replyAfterMs, () => {
      if (!stillHere()) return;
      if (/\b(bye|goodbye)\b/i.test(text)) {
        this.agentMessage(contact, 'Thanks for chatting with us. Goodbye!');
        this.schedule(contact, this.timings.greetAfterMs, () => {
          if (stillHere()) this.end(contact);
        });
        return;
      }
      const quoted = text.length > 80 ? `${text.slice(0, 80)}…` : text;
      this.agentMessage(contact, `Thanks for your message ("${quoted}"). Is there anything else I can help with?`);
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

  private systemSays(contact: Contact, text: string): void {
    this.store.post(contact, { type: 'MESSAGE', contentType: CONTENT_TYPE.text, content: text, from: contact.system });
  }

  private assertOpen(contact: Contact): void {
    if (contact.state === 'ended') throw new ContactStateError('contact.ended', 'This contact has ended.');
  }

  private requireAgent(contact: Contact) {
    this.assertOpen(contact);
    if (!contact.agent) throw new ContactStateError('contact.no_agent', 'No agent is on this contact: join one first.');
    return contact.agent;
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
