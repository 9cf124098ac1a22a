import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../../../src/server/demo/demo-server';
import { startEmulator, type RunningEmulator } from '../../../../src/server/emulator/emulator';
import { loadInstancesFile } from '../../../../src/server/backend/instances-file';

async function startChat(server: DemoServer): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.url}/api/chats`, {
    method: 'POST',
    headers: { origin: server.url, 'content-type': 'application/json' },
    body: JSON.stringify({ instance: 'help_faq_bot' }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('startDemoServer with connectEndpoint', () => {
  let connect: RunningEmulator;
  let server: DemoServer;

  beforeAll(async () => {
    const { instances } = await loadInstancesFile('config/instances.json');
    connect = await startEmulator({ instances });
    server = await startDemoServer({ port: 0, autopilot: false, connectEndpoint: connect.url });
  });
  afterAll(async () => {
    await server?.close();
    await connect?.close();
  });

  it('starts chats in the Amazon Connect it names, and hands chatjs its Participant Service', async () => {
    const { status, body } = await startChat(server);

    expect(status).toBe(200);
    expect(body.participantEndpoint).toBe(connect.url);
    expect(connect.emulator.contacts.get(String(body.contactId))).toBeDefined();
    expect(server.emulator.contacts.list()).toEqual([]);
  });
});

describe('startDemoServer without connectEndpoint', () => {
  let server: DemoServer;

  beforeAll(async () => {
    server = await startDemoServer({ port: 0, autopilot: false });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('starts chats in its own emulator, on its own origin', async () => {
    const { status, body } = await startChat(server);

    expect(status).toBe(200);
    expect(body.participantEndpoint).toBe(server.url);
    expect(server.emulator.contacts.get(String(body.contactId))).toBeDefined();
  });
});
