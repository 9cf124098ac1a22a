import { createServer, request, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { clientAddress, createNodeHttpHandler, type NodeHttpOptions } from '../../../../src/server/backend/node-http.adapter';
import type { BackendRequest } from '../../../../src/server/backend/backend.types';
import { createStartChatService } from '../../../../src/server/backend/start-chat.service';
import type { InstanceDefinition } from '../../../../src/browser/config/instance-config.types';
import { testInstance } from '../../../fixtures/instance';

const ORIGIN = 'https://www.example.com';
const INSTANCE: InstanceDefinition = testInstance({ allowedOrigins: [ORIGIN] });

describe('the Node http adapter', () => {
  let server: Server;
  let url: string;
  const send = vi.fn(async () => ({ ContactId: 'c-1', ParticipantId: 'p-1', ParticipantToken: 't-1', $metadata: {} }));

  beforeAll(async () => {
    const service = createStartChatService({ instances: [INSTANCE], connectClient: { send } as never });
    server = createServer(createNodeHttpHandler(service));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('starts a chat', async () => {
    const response = await fetch(`${url}/api/chats?ignored=1`, {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ instance: 'help_faq_bot' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(await response.json()).toMatchObject({ contactId: 'c-1' });
  });

  it('answers a preflight', async () => {
    const response = await fetch(`${url}/api/chats`, {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type');
  });

  it('stops reading an oversized body and answers request.body_too_large with CORS headers', async () => {
    const response = await fetch(`${url}/api/chats`, {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ instance: 'help_faq_bot', displayName: 'x'.repeat(200_000) }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect((await response.json()).error.code).toBe('request.body_too_large');
  });

  it('survives a client that sends far too much and hangs up', async () => {
    await new Promise<void>((resolve) => {
      const req = request(`${url}/api/chats`, { method: 'POST', headers: { 'content-type': 'application/json' } });
      req.on('error', () => resolve());
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => resolve());
        res.on('error', () => resolve());
      });
      req.write('x'.repeat(1_000_000));
      req.end();
    });
    const response = await fetch(`${url}/api/instances/help_faq_bot`);
    expect(response.status).toBe(200);
  });
});

describe('a body trickled slower than the deadline', () => {
  it('is answered 408 request.timeout and its socket closed, not held', async () => {
    const service = createStartChatService({ instances: [INSTANCE], connectClient: { send: vi.fn() } as never });
    const server = createServer(createNodeHttpHandler(service, { bodyTimeoutMs: 200 }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.write(`POST /api/chats HTTP/1.1\r\nHost: x\r\nOrigin: ${ORIGIN}\r\nContent-Type: application/json\r\nContent-Length: 8192\r\n\r\n`);
    // One byte every 20 ms: an 8 KiB body would take minutes; the trickle stops when the server hangs up.
    const trickle = setInterval(() => socket.writable && socket.write('x'), 20);
    try {
      await new Promise<void>((resolve) => socket.on('close', () => resolve()));
    } finally {
      clearInterval(trickle);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toContain('"code":"request.timeout"');
  });
});

describe('the client address the Node adapter reports', () => {
  const req = (remoteAddress: string | undefined, forwarded?: string) =>
    ({ socket: { remoteAddress }, headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded } }) as never;

  it('is the socket peer by default, whatever X-Forwarded-For claims', () => {
    expect(clientAddress(req('203.0.113.7', '198.51.100.1'))).toBe('203.0.113.7');
    expect(clientAddress(req(undefined))).toBe('');
  });

  it('is the entry the trusted proxy appended (the last one) with trustProxy', () => {
    expect(clientAddress(req('10.0.0.2', '1.2.3.4, 198.51.100.1'), true)).toBe('198.51.100.1');
    expect(clientAddress(req('10.0.0.2', '1.2.3.4, 198.51.100.1, 10.0.0.9'), 2)).toBe('198.51.100.1');
    expect(clientAddress(req('10.0.0.2', '198.51.100.1'), 3)).toBe('198.51.100.1');
  });

  it('falls back to the socket peer when the header is missing or not an address', () => {
    expect(clientAddress(req('10.0.0.2'), true)).toBe('10.0.0.2');
    expect(clientAddress(req('10.0.0.2', 'unknown'), true)).toBe('10.0.0.2');
    expect(clientAddress(req('10.0.0.2', ' , '), true)).toBe('10.0.0.2');
  });

  async function serve(options: NodeHttpOptions) {
    const seen: BackendRequest[] = [];
    const service = createStartChatService({ instances: [INSTANCE], connectClient: { send: vi.fn() } as never, rateLimit: { burst: 1 } });
    const server = createServer(
      createNodeHttpHandler(
        {
          maxBodyBytes: service.maxBodyBytes,
          refuse: service.refuse,
          handle: (request) => {
            seen.push(request);
            return service.handle(request);
          },
        },
        options,
      ),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const start = (forwardedFor: string) =>
      fetch(`${url}/api/chats`, {
        method: 'POST',
        headers: { origin: ORIGIN, 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
        body: '{"instance":"nope"}',
      });
    const close = async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    };
    return { seen, start, close };
  }

  it('rate-limits by socket address, so a forged X-Forwarded-For buys nothing, answering 429 with Retry-After', async () => {
    const { seen, start, close } = await serve({});
    try {
      expect((await start('198.51.100.1')).status).toBe(404);
      const refused = await start('198.51.100.2');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(refused.headers.get('access-control-allow-origin')).toBe(ORIGIN);
      expect((await refused.json()).error.code).toBe('request.rate_limited');
      expect(seen.map((request) => request.sourceIp)).toEqual(['127.0.0.1', '127.0.0.1']);
    } finally {
      await close();
    }
  });

  it('rate-limits by the forwarded address behind a trusted proxy', async () => {
    const { seen, start, close } = await serve({ trustProxy: true });
    try {
      expect((await start('198.51.100.1')).status).toBe(404);
      expect((await start('198.51.100.2')).status).toBe(404);
      expect((await start('9.9.9.9, 198.51.100.1')).status).toBe(429);
      expect(seen.map((request) => request.sourceIp)).toEqual(['198.51.100.1', '198.51.100.2', '198.51.100.1']);
    } finally {
      await close();
    }
  });
});
