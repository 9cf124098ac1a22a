import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** What the in-page harness records from chatjs's handlers. */
export interface HarnessEntry {
  kind: 'message' | 'typing' | 'established' | 'lost' | 'broken' | 'ended' | 'delivered' | 'read';
  type?: string;
  contentType?: string;
  content?: string;
  role?: string;
  displayName?: string;
  id?: string;
  /** An ATTACHMENT item's files. */
  attachments?: Array<{ AttachmentId: string; AttachmentName: string; ContentType: string; Status: string }>;
  /** A receipt's message id and its recipient. */
  messageId?: string;
  recipient?: string;
}

const CHATJS = join(process.cwd(), 'node_modules/amazon-connect-chatjs/dist/amazon-connect-chat.js');

/**
 * A page that loads the unmodified chatjs bundle and exposes `window.harness`: start a chat through
 * `POST /api/chats`, then connect chatjs to the endpoint the backend answered, recording every handler.
 */
const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>chatjs harness</title></head>
<body>
<script src="/chatjs.js"></script>
<script>
window.harness = {
  log: [],
  session: null,
  details: null,
  async start(displayName) {
    const response = await fetch('/api/chats', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ instance: 'help_faq_bot', displayName: displayName }),
    });
    const details = await response.json();
    if (!response.ok) throw new Error(JSON.stringify(details));
    this.details = details;
    connect.ChatSession.setGlobalConfig({ region: details.region, endpoint: details.participantEndpoint });
    const session = connect.ChatSession.create({
      chatDetails: { ContactId: details.contactId, ParticipantId: details.participantId, ParticipantToken: details.participantToken },
      type: 'CUSTOMER',
      disableCSM: true,
    });
    const log = this.log;
    const record = (kind) => (event) => {
      const data = (event && event.data) || {};
      const receipt = data.MessageMetadata && data.MessageMetadata.Receipts && data.MessageMetadata.Receipts[0];
      log.push({
        kind, type: data.Type, contentType: data.ContentType, content: data.Content, role: data.ParticipantRole,
        displayName: data.DisplayName, id: data.Id, attachments: data.Attachments,
        messageId: data.MessageMetadata && data.MessageMetadata.MessageId, recipient: receipt && receipt.RecipientParticipantId,
      });
    };
    session.onMessage(record('message'));
    session.onTyping(record('typing'));
    session.onConnectionEstablished(record('established'));
    session.onConnectionLost(record('lost'));
    session.onConnectionBroken(record('broken'));
    session.onEnded(record('ended'));
    session.onDeliveredReceipt(record('delivered'));
    session.onReadReceipt(record('read'));
    this.session = session;
    await session.connect();
    return details;
  },
  async send(text) {
    const response = await this.session.sendMessage({ contentType: 'text/plain', message: text });
    return response.data;
  },
  /** chatjs's own three steps: StartAttachmentUpload, the PUT to the presigned URL, CompleteAttachmentUpload. */
  async sendFile(name, type, text) {
    const file = new File([text], name, { type: type });
    const response = await this.session.sendAttachment({ attachment: file });
    return response.data;
  },
  /** GetAttachment, then a fetch of the presigned URL, as a Blob; answered as its text and type. */
  async downloadFile(attachmentId) {
    const blob = await this.session.downloadAttachment({ attachmentId: attachmentId });
    return { text: await blob.text(), type: blob.type, size: blob.size };
  },
  async typing() {
    await this.session.sendEvent({ contentType: 'application/vnd.amazonaws.connect.event.typing' });
  },
  async transcript(args) {
    const response = await this.session.getTranscript(args);
    return response.data;
  },
  async disconnect() {
    await this.session.disconnectParticipant();
  },
};
</script>
</body></html>`;

export interface HarnessServer {
  url: string;
  close(): Promise<void>;
}

/** Serves the harness page and chatjs on 127.0.0.1; `/api/*` goes to `api` (the backend's Node adapter). */
export async function serveChatjsHarness(api: (req: IncomingMessage, res: ServerResponse) => Promise<void>): Promise<HarnessServer> {
  const chatjs = await readFile(CHATJS);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path.startsWith('/api/')) {
      void api(req, res);
      return;
    }
    if (path === '/chatjs.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      res.end(chatjs);
      return;
    }
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
      return;
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** The harness page, as the spec talks to it. */
export class ChatjsPage {
  constructor(readonly page: Page) {}

  start(displayName: string): Promise<{ contactId: string; participantEndpoint: string }> {
    return this.page.evaluate((name) => (window as unknown as { harness: { start(n: string): Promise<never> } }).harness.start(name), displayName);
  }

  send(text: string): Promise<{ Id: string; AbsoluteTime: string }> {
    return this.page.evaluate((message) => (window as unknown as { harness: { send(t: string): Promise<never> } }).harness.send(message), text);
  }

  sendFile(name: string, type: string, text: string): Promise<unknown> {
    return this.page.evaluate(
      ([n, t, body]) => (window as unknown as { harness: { sendFile(a: string, b: string, c: string): Promise<unknown> } }).harness.sendFile(n, t, body),
      [name, type, text] as const,
    );
  }

  downloadFile(attachmentId: string): Promise<{ text: string; type: string; size: number }> {
    return this.page.evaluate((id) => (window as unknown as { harness: { downloadFile(i: string): Promise<never> } }).harness.downloadFile(id), attachmentId);
  }

  typing(): Promise<void> {
    return this.page.evaluate(() => (window as unknown as { harness: { typing(): Promise<void> } }).harness.typing());
  }

  transcript(args: Record<string, unknown>): Promise<{ InitialContactId: string; Transcript: Array<{ Id: string; ContentType: string; Content?: string }>; NextToken?: string }> {
    return this.page.evaluate((a) => (window as unknown as { harness: { transcript(x: unknown): Promise<never> } }).harness.transcript(a), args);
  }

  disconnect(): Promise<void> {
    return this.page.evaluate(() => (window as unknown as { harness: { disconnect(): Promise<void> } }).harness.disconnect());
  }

  log(): Promise<HarnessEntry[]> {
    return this.page.evaluate(() => (window as unknown as { harness: { log: HarnessEntry[] } }).harness.log);
  }

  /** Waits until the log holds an entry matching `predicate` (beyond the first `after` entries); returns it. */
  async waitFor(predicate: (entry: HarnessEntry) => boolean, { after = 0, timeoutMs = 5000 } = {}): Promise<HarnessEntry> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = (await this.log()).slice(after).find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching chatjs event; log: ${JSON.stringify(await this.log())}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** Waits until the log holds at least `count` entries of `kind`. */
  async waitForCount(kind: HarnessEntry['kind'], count: number, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((await this.count(kind)) < count) {
      if (Date.now() > deadline) throw new Error(`fewer than ${count} "${kind}" events; log: ${JSON.stringify(await this.log())}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async count(kind: HarnessEntry['kind']): Promise<number> {
    return (await this.log()).filter((entry) => entry.kind === kind).length;
  }
}
