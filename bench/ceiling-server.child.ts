/**
 * The backend's ceiling for the bench: a bare `node:http` server that answers `POST /api/chats` as cheaply
 * as Node can — read the body, `JSON.parse` it, answer a fixed JSON of the same shape as a started chat —
 * with no checks, no AWS SDK and no emulator. In its own process, like the demo server, on an ephemeral
 * port of 127.0.0.1; tells the parent its URL over IPC, and its CPU time when asked, and closes when the
 * parent says so (or goes away).
 * Started by `start-chat-backend.ts` through `demo-server-process.ts`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveParent } from './child-server';

const ANSWER = JSON.stringify({
  contactId: '00000000-0000-4000-8000-000000000000',
  participantId: '00000000-0000-4000-8000-000000000001',
  participantToken: 'x'.repeat(120),
});

const server = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/api/chats') {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    try {
      JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      res.writeHead(400).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(ANSWER) }).end(ANSWER);
  });
});
server.keepAliveTimeout = 60_000;
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
serveParent(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, () => {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
});
