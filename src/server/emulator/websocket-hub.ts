import type { IncomingMessage } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Contact, ContactStore } from './contact-store';
import type { PushedItem } from './emulator.types';

/** Customer websockets live at `/ws/<ticket>`; the ticket comes from CreateParticipantConnection. */
export const WEBSOCKET_PATH_PREFIX = '/ws/';

const CHAT_TOPIC = 'aws/chat';
const MAX_FRAME_BYTES = 64 * 1024;

interface CustomerSocket {
  socket: WebSocket;
  contactId: string;
  /** Only subscribed sockets receive items: chatjs drops nothing, but loses items sent before it subscribes. */
  subscribed: boolean;
}

export interface WebSocketHubOptions {
  store: ContactStore;
  /** Called each time a customer socket subscribes to `aws/chat` (the flow starts on the first). */
  onSubscribed?: (contact: Contact) => void;
}

/**
 * The Participant Service's websocket, as chatjs expects it: answers `aws/subscribe`, `aws/heartbeat` and
 * `aws/ping`, and pushes each new item of a contact to that contact's subscribed sockets.
 */
export class WebSocketHub {
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  private readonly tickets = new Map<string, string>();
  private readonly sockets = new Map<string, Set<CustomerSocket>>();
  private readonly stopListening: () => void;

  constructor(private readonly options: WebSocketHubOptions) {
    this.stopListening = options.store.onItem((contact, item) => this.push(contact, item));
  }

  /**
   * A websocket URL for the contact's customer. chatjs accepts `wss://` or `ws://127.0.0.1:` only, so a
   * `localhost` origin is rewritten to 127.0.0.1.
   */
  issueUrl(contact: Contact, httpOrigin: string): string {
    const ticket = randomBytes(24).toString('base64url');
    this.tickets.set(ticket, contact.contactId);
    const origin = new URL(httpOrigin);
    origin.protocol = origin.protocol === 'https:' ? 'wss:' : 'ws:';
    if (origin.hostname === 'localhost') origin.hostname = '127.0.0.1';
    return `${origin.origin}${WEBSOCKET_PATH_PREFIX}${ticket}`;
  }

  /** Takes over an HTTP upgrade for `/ws/…`; returns false for any other path. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    let path: string;
    try {
      path = new URL(req.url ?? '/', 'http://emulator.invalid').pathname;
    } catch {
      return false;
    }
    if (!path.startsWith(WEBSOCKET_PATH_PREFIX)) return false;
    socket.on('error', () => socket.destroy());
    const contactId = this.tickets.get(path.slice(WEBSOCKET_PATH_PREFIX.length));
    const contact = contactId === undefined ? undefined : this.options.store.get(contactId);
    if (!contact || contact.state === 'ended') {
      refuseUpgrade(socket, 403, 'This websocket URL is not valid (unknown ticket or ended contact).');
      return true;
    }
    try {
      this.server.handleUpgrade(req, socket, head, (ws) => this.adopt(ws, contact));
    } catch {
      socket.destroy();
    }
    return true;
  }

  /** True while the contact's customer has at least one subscribed socket. */
  isCustomerConnected(contactId: string): boolean {
    for (const entry of this.sockets.get(contactId) ?? []) if (entry.subscribed) return true;
    return false;
  }

  /** Cuts the contact's customer sockets without a close frame (the browser sees code 1006). */
  drop(contactId: string): number {
    const entries = [...(this.sockets.get(contactId) ?? [])];
    for (const entry of entries) entry.socket.terminate();
    this.sockets.delete(contactId);
    return entries.length;
  }

  close(): void {
    this.stopListening();
    for (const contactId of [...this.sockets.keys()]) this.drop(contactId);
    this.server.close();
  }

  private push(contact: Contact, item: PushedItem): void {
    const frame = JSON.stringify({ topic: CHAT_TOPIC, contentType: 'application/json', content: JSON.stringify(item) });
    for (const entry of this.sockets.get(contact.contactId) ?? []) {
      if (entry.subscribed && entry.socket.readyState === entry.socket.OPEN) entry.socket.send(frame);
    }
  }

  private adopt(socket: WebSocket, contact: Contact): void {
    const entry: CustomerSocket = { socket, contactId: contact.contactId, subscribed: false };
    let entries = this.sockets.get(contact.contactId);
    if (!entries) this.sockets.set(contact.contactId, (entries = new Set()));
    entries.add(entry);
    socket.on('error', () => socket.terminate());
    socket.on('close', () => {
      const current = this.sockets.get(contact.contactId);
      current?.delete(entry);
      if (current?.size === 0) this.sockets.delete(contact.contactId);
    });
    socket.on('message', (data) => this.answer(entry, contact, data));
  }

  private answer(entry: CustomerSocket, contact: Contact, data: RawData): void {
    let message: { topic?: unknown; content?: { topics?: unknown } } | null;
    try {
      message = JSON.parse(rawText(data)) as typeof message;
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    const send = (reply: unknown) => entry.socket.send(JSON.stringify(reply));
    switch (message.topic) {
      case 'aws/subscribe': {
        const topics = message.content?.topics;
        if (!Array.isArray(topics) || !topics.includes(CHAT_TOPIC)) {
          send({ topic: 'aws/subscribe', content: { status: 'failure', topics: [] } });
          return;
        }
        send({ topic: 'aws/subscribe', content: { status: 'success', topics: [CHAT_TOPIC] } });
        entry.subscribed = true;
        this.options.onSubscribed?.(contact);
        return;
      }
      case 'aws/unsubscribe':
        entry.subscribed = false;
        send({ topic: 'aws/unsubscribe', content: { status: 'success', topics: [CHAT_TOPIC] } });
        return;
      case 'aws/heartbeat':
        send({ topic: 'aws/heartbeat' });
        return;
      case 'aws/ping':
        send({ topic: 'aws/ping', statusCode: 200 });
        return;
      default:
        return;
    }
  }
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}

function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  const body = JSON.stringify({ message });
  socket.end(
    `HTTP/1.1 ${status} ${status === 403 ? 'Forbidden' : 'Bad Request'}\r\n` +
      'content-type: application/json\r\n' +
      `content-length: ${Buffer.byteLength(body)}\r\n` +
      'connection: close\r\n\r\n' +
      body,
  );
}
