import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createNodeHttpHandler } from '../../../src/backend/node-http.adapter';
import { createStartChatService } from '../../../src/backend/start-chat.service';
import type { InstanceDefinition } from '../../../src/config/instance-config.types';

const ORIGIN = 'https://www.example.com';
const INSTANCE: InstanceDefinition = {
  public: { name: 'help_faq_bot', region: 'ap-southeast-2' },
  connect: {
    instanceId: '7c1f3b52-4d0e-4a8f-9a51-3f0c2a6d9e10',
    contactFlowId: '2b9e6a41-8c3d-4f57-b0e2-6d4a1c8f5e73',
    region: 'ap-southeast-2',
  },
  allowedOrigins: [ORIGIN],
};

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
