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
}

/** Which agent an agent step is about; neither field: the agent who joined last. */
export interface AgentRef {
  name?: string;
  participantId?: string;
}

/** In a transfer with an agent on: `transfer.succeeded` before the agent's `participant.left`, or after. */
export type TransferOrder = 'transferFirst' | 'leftFirst';

const bodyOf = (fields: object) => (Object.keys(fields).length > 0 ? fields : undefined);

export class EmulatorControl {
  constructor(readonly baseUrl: string) {}

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/emulator${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} /emulator${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
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
  say(contactId: string, text: string, who: AgentRef = {}): Promise<EmulatorContact> {
    return this.call('POST', `/contacts/${contactId}/agent/message`, { text, ...who });
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
  end(contactId: string): Promise<unknown> {
    return this.call('POST', `/contacts/${contactId}/end`);
  }
  dropConnection(contactId: string): Promise<unknown> {
    return this.call('POST', `/contacts/${contactId}/drop-connection`);
  }
  faults(faults: Record<string, unknown>): Promise<unknown> {
    return this.call('POST', '/faults', faults);
  }
  transcript(contactId: string): Promise<Array<{ Id: string; ContentType: string; Content?: string; ParticipantRole?: string }>> {
    return this.call('GET', `/contacts/${contactId}/transcript`);
  }
}
