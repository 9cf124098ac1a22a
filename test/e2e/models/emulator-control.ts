/** The emulator's control API, as the agent console and tests use it (see README "Control API"). */
export interface EmulatorContact {
  contactId: string;
  instance: string;
  state: 'flow' | 'queued' | 'agent' | 'ended';
  customerConnected: boolean;
}

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

  queue(contactId: string): Promise<unknown> {
    return this.call('POST', `/contacts/${contactId}/queue`);
  }
  join(contactId: string, name = 'Ana'): Promise<unknown> {
    return this.call('POST', `/contacts/${contactId}/agent/join`, { name });
  }
  say(contactId: string, text: string): Promise<unknown> {
    return this.call('POST', `/contacts/${contactId}/agent/message`, { text });
  }
  typing(contactId: string): Promise<unknown> {
    return this.call('POST', `/contacts/${contactId}/agent/typing`);
  }
  leave(contactId: string): Promise<unknown> {
    return this.call('POST', `/contacts/${contactId}/agent/leave`);
  }
  transfer(contactId: string): Promise<unknown> {
    return this.call('POST', `/contacts/${contactId}/transfer`);
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
