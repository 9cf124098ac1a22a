import WebSocket from 'ws';
import type { InstanceDefinition } from '../../../../src/browser/config/instance-config.types';
import { startEmulator, type RunningEmulator, type StartEmulatorOptions } from '../../../../src/server/emulator/emulator';
import type { ChatItem } from '../../../../src/server/emulator/emulator.types';
import { testInstance } from '../../../fixtures/instance';

export const INSTANCE: InstanceDefinition = testInstance({
  public: { name: 'help_faq_bot', region: 'ap-southeast-2', queueMarker: '[queued]' },
  allowedOrigins: ['http://127.0.0.1:8080'],
});

/** A SigV4-looking header: the emulator checks the scheme, never the signature (nor does it need keys). */
export const SIGNED = { authorization: 'AWS4-HMAC-SHA256 Credential=emulator/20240101/ap-southeast-2/connect/aws4_request' };

export function startTestEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ instances: [INSTANCE], autopilot: false, ...options });
}

/** What every control API write must say (it refuses anything else, see control-guard.ts). */
export const JSON_HEADERS = { 'content-type': 'application/json' };

export interface JsonAnswer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export async function call<T = unknown>(url: string, init: RequestInit = {}): Promise<JsonAnswer<T>> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: the test sees the text
  }
  return { status: response.status, headers: response.headers, body: body as T };
}

export interface StartedContact {
  ContactId: string;
  ParticipantId: string;
  ParticipantToken: string;
}

/** StartChatContact as the SDK would send it (minus the real signature). */
export async function startChat(baseUrl: string, body: Record<string, unknown> = {}): Promise<StartedContact> {
  const answer = await call<StartedContact>(`${baseUrl}/contact/chat`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...SIGNED },
    body: JSON.stringify({
      InstanceId: INSTANCE.connect.instanceId,
      ContactFlowId: INSTANCE.connect.contactFlowId,
      ParticipantDetails: { DisplayName: 'Zoe' },
      ...body,
    }),
  });
  if (answer.status !== 200) throw new Error(`StartChatContact answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

export function participant<T = unknown>(baseUrl: string, operation: string, token: string, body: unknown = {}): Promise<JsonAnswer<T>> {
  return call<T>(`${baseUrl}/participant/${operation}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-amz-bearer': token },
    body: JSON.stringify(body),
  });
}

export interface Connection {
  Websocket: { Url: string; ConnectionExpiry: string };
  ConnectionCredentials: { ConnectionToken: string; Expiry: string };
}

export async function connectParticipant(baseUrl: string, participantToken: string): Promise<Connection> {
  const answer = await participant<Connection>(baseUrl, 'connection', participantToken, { Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'] });
  if (answer.status !== 200) throw new Error(`CreateParticipantConnection answered ${answer.status}`);
  return answer.body;
}

/** A raw customer websocket that records every frame it receives. */
export class CustomerSocket {
  readonly frames: Array<{ topic?: string; content?: unknown; statusCode?: number }> = [];
  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => this.frames.push(JSON.parse(String(data))));
  }

  static async open(url: string): Promise<CustomerSocket> {
    const socket = new WebSocket(url);
    const customer = new CustomerSocket(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return customer;
  }

  send(message: unknown): void {
    this.socket.send(JSON.stringify(message));
  }

  async subscribe(): Promise<void> {
    this.send({ topic: 'aws/subscribe', content: { topics: ['aws/chat'] } });
    await this.waitForFrame((frame) => frame.topic === 'aws/subscribe');
  }

  /** The chat items received so far, parsed. */
  items(): ChatItem[] {
    return this.frames.filter((frame) => frame.topic === 'aws/chat').map((frame) => JSON.parse(frame.content as string) as ChatItem);
  }

  async waitForFrame(predicate: (frame: CustomerSocket['frames'][number]) => boolean, timeoutMs = 2000) {
    return waitUntil(() => this.frames.find(predicate), timeoutMs);
  }

  async waitForItem(predicate: (item: ChatItem) => boolean, timeoutMs = 2000): Promise<ChatItem> {
    return waitUntil(() => this.items().find(predicate), timeoutMs);
  }

  close(): void {
    this.socket.close();
  }
}

export async function waitUntil<T>(probe: () => T | undefined, timeoutMs = 2000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A started contact with a connected, subscribed customer socket. */
export async function connectedCustomer(baseUrl: string, start: Record<string, unknown> = {}) {
  const contact = await startChat(baseUrl, start);
  const connection = await connectParticipant(baseUrl, contact.ParticipantToken);
  const socket = await CustomerSocket.open(connection.Websocket.Url);
  await socket.subscribe();
  return { contact, connection, socket, connectionToken: connection.ConnectionCredentials.ConnectionToken };
}
