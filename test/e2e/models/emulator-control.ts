import type { TaskSummary } from '../../../src/server/emulator/task-contacts';

/** The emulator's control API, as the agent console and tests use it (see README "Control API"). */
export interface EmulatorContact {
  contactId: string;
  instance: string;
  state: 'flow' | 'queued' | 'agent' | 'ended';
  customerConnected: boolean;
  /** The agent who joined last, while any is on. */
  agentName: string | null;
  /** Every agent on the contact, in the order they joined. */
  agents: Array<{ participantId: string; name: string; autopilot: boolean }>;
  /** True while the autopilot plays this contact. */
  autopilot: boolean;
  /** The customer's ParticipantDetails.DisplayName, as StartChatContact received it. */
  displayName: string;
  /** The contact attributes StartChatContact received. */
  attributes: Record<string, string>;
  /** Persistent chat: the SourceContactId StartChatContact was given, and the contact actually continued. */
  sourceContactId: string | null;
  continuedFromContactId: string | null;
}

/** A task StartTaskContact filed (a message left out of hours), as `GET /emulator/tasks` shows it. */
export type EmulatorTask = TaskSummary;

/** Which agent an agent step is about; neither field: the agent who joined last. */
export interface AgentRef {
  name?: string;
  participantId?: string;
}

/** In a transfer with an agent on: `transfer.succeeded` before the agent's `participant.left`, or after. */
export type TransferOrder = 'transferFirst' | 'leftFirst';

const bodyOf = (fields: object) => (Object.keys(fields).length > 0 ? fields : undefined);

/** Who speaks a message: an agent (default), the Lex bot (SYSTEM, DisplayName "BOT") or the flow (SYSTEM, "SYSTEM_MESSAGE"). */
export type Speaker = 'agent' | 'bot' | 'flow';

export const INTERACTIVE = 'application/vnd.amazonaws.connect.message.interactive';

/** One item of the control API's transcript: Amazon Connect's item, with each attachment's size added. */
export interface EmulatorItem {
  Id: string;
  Type: string;
  ContentType?: string;
  Content?: string;
  ParticipantRole?: string;
  ParticipantId?: string;
  DisplayName?: string;
  Attachments?: Array<{ AttachmentId: string; AttachmentName: string; ContentType: string; Status: string; AttachmentSizeInBytes: number }>;
  MessageMetadata?: { MessageId: string; Receipts: Array<{ RecipientParticipantId: string; DeliveredTimestamp?: string; ReadTimestamp?: string }> };
}

export class EmulatorControl {
  constructor(readonly baseUrl: string) {}

  /** Every write is JSON, even with nothing to say: the control API refuses anything else (no cross-site requests). */
  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/emulator${path}`, {
      method,
      ...(method === 'GET' ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} /emulator${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** Leave a message: the tasks StartTaskContact filed, oldest first. */
  tasks(): Promise<EmulatorTask[]> {
    return this.call('GET', '/tasks');
  }

  contacts(): Promise<EmulatorContact[]> {
    return this.call('GET', '/contacts');
  }

  async contact(contactId: string): Promise<EmulatorContact | undefined> {
    return (await this.contacts()).find((contact) => contact.contactId === contactId);
  }

  /** Waits until the customer's socket is subscribed, so pushed items reach the page. */
  async waitForCustomer(contactId: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if ((await this.contact(contactId))?.customerConnected) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`customer of ${contactId} never connected`);
  }

  /** The queue marker message; allowed while an agent is still on (the agents stay on). */
  queue(contactId: string): Promise<EmulatorContact> {
    return this.call('POST', `/contacts/${contactId}/queue`);
  }
  /** An agent joins; while another is on, a second one (a different name is required). Answers the new agent's participantId too. */
  join(contactId: string, name = 'Ana'): Promise<EmulatorContact & { participantId: string }> {
    return this.call('POST', `/contacts/${contactId}/agent/join`, { name });
  }
  say(contactId: string, text: string, who: AgentRef = {}): Promise<EmulatorContact & { messageId: string }> {
    return this.call('POST', `/contacts/${contactId}/agent/message`, { text, ...who });
  }
  /** A markdown message from the agent (or, with `as`, from the bot or the flow). */
  sayMarkdown(contactId: string, markdown: string, { as, ...who }: AgentRef & { as?: Speaker } = {}): Promise<EmulatorContact & { messageId: string }> {
    return this.call('POST', `/contacts/${contactId}/agent/message`, { text: markdown, contentType: 'text/markdown', ...(as ? { as } : {}), ...who });
  }
  /** An interactive message: `template` is the JSON Amazon Connect carries as Content (`{templateType, version, data}`); a bot's by default. */
  sendTemplate(contactId: string, template: object, { as = 'bot', ...who }: AgentRef & { as?: Speaker } = {}): Promise<EmulatorContact & { messageId: string }> {
    return this.call('POST', `/contacts/${contactId}/agent/message`, { text: JSON.stringify(template), contentType: INTERACTIVE, as, ...who });
  }
  /** A plain text message from the bot (SYSTEM, "BOT") or the flow (SYSTEM, "SYSTEM_MESSAGE"); no agent needed. */
  sayAs(contactId: string, as: Speaker, text: string): Promise<EmulatorContact & { messageId: string }> {
    return this.call('POST', `/contacts/${contactId}/agent/message`, { text, as });
  }
  /** A file from the agent (by `agentName`/`participantId`, else the last to join) or, with `as`, from the bot or flow. */
  sendFile(
    contactId: string,
    file: { name: string; contentType: string; data: Uint8Array | string },
    { as, agentName, participantId }: { as?: Speaker; agentName?: string; participantId?: string } = {},
  ): Promise<EmulatorContact & { attachmentId: string; messageId: string }> {
    const data = Buffer.from(file.data).toString('base64'); // a string is taken as UTF-8 text
    return this.call('POST', `/contacts/${contactId}/agent/attachment`, {
      name: file.name,
      contentType: file.contentType,
      data,
      ...(as ? { as } : {}),
      ...(agentName ? { agentName } : {}),
      ...(participantId ? { participantId } : {}),
    });
  }
  /** The agent reads every customer message (read receipts to the customer); answers how many were new. */
  read(contactId: string, who: AgentRef = {}): Promise<EmulatorContact & { read: number }> {
    return this.call('POST', `/contacts/${contactId}/agent/read`, bodyOf(who));
  }
  typing(contactId: string, who: AgentRef = {}): Promise<EmulatorContact> {
    return this.call('POST', `/contacts/${contactId}/agent/typing`, bodyOf(who));
  }
  /** One agent leaves (the one `who` names, else the last to join); the chat goes on. */
  leave(contactId: string, who: AgentRef = {}): Promise<EmulatorContact> {
    return this.call('POST', `/contacts/${contactId}/agent/leave`, bodyOf(who));
  }
  /** To a queue: transfer.succeeded and each agent's participant.left in `order` (default transferFirst), then the marker. Works with no agent on. */
  transfer(contactId: string, { order }: { order?: TransferOrder } = {}): Promise<EmulatorContact> {
    return this.call('POST', `/contacts/${contactId}/transfer`, order === undefined ? undefined : { order });
  }
  /** One of Amazon Connect's customer timeouts fires: `idle`, `returned`, or `autodisconnection` (which ends the chat). */
  customerTimeout(contactId: string, event: 'idle' | 'returned' | 'autodisconnection'): Promise<EmulatorContact> {
    return this.call('POST', `/contacts/${contactId}/customer/timeout`, { event });
  }

  end(contactId: string): Promise<unknown> {
    return this.call('POST', `/contacts/${contactId}/end`);
  }
  dropConnection(contactId: string): Promise<unknown> {
    return this.call('POST', `/contacts/${contactId}/drop-connection`);
  }
  faults(faults: Record<string, unknown>): Promise<unknown> {
    return this.call('POST', '/faults', faults);
  }
  transcript(contactId: string): Promise<EmulatorItem[]> {
    return this.call('GET', `/contacts/${contactId}/transcript`);
  }
  /** Waits until the transcript holds an item matching `predicate`; returns it. */
  async waitForItem(contactId: string, predicate: (item: EmulatorItem) => boolean, timeoutMs = 10_000): Promise<EmulatorItem> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = (await this.transcript(contactId)).find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching item in the transcript of ${contactId}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
