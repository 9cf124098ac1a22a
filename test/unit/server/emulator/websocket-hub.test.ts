import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../../src/server/emulator/emulator';
import { GREETING } from '../../../../src/server/emulator/contact-flow';
import { call, connectedCustomer, connectParticipant, CustomerSocket, startChat, startTestEmulator, waitUntil, JSON_HEADERS } from './emulator-fixture';

const JOINED = 'application/vnd.amazonaws.connect.event.participant.joined';

describe('the customer websocket', () => {
  let emulator: RunningEmulator;
  let url: string;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    url = emulator.url;
  });
  afterAll(() => emulator?.close());

  it('answers aws/subscribe, aws/heartbeat and aws/ping exactly as chatjs expects', async () => {
    const contact = await startChat(url);
    const socket = await CustomerSocket.open((await connectParticipant(url, contact.ParticipantToken)).Websocket.Url);
    socket.send({ topic: 'aws/subscribe', content: { topics: ['aws/chat'] } });
    socket.send({ topic: 'aws/heartbeat' });
    socket.send({ topic: 'aws/ping' });
    await waitUntil(() => (socket.frames.length >= 3 ? true : undefined));
    const control = socket.frames.filter((frame) => frame.topic !== 'aws/chat');
    expect(control).toEqual([
      { topic: 'aws/subscribe', content: { status: 'success', topics: ['aws/chat'] } },
      { topic: 'aws/heartbeat' },
      { topic: 'aws/ping', statusCode: 200 },
    ]);
    socket.close();
  });

  it('starts the flow on the first subscription: the customer joins, then the SYSTEM greeting', async () => {
    const { contact, socket } = await connectedCustomer(url);
    await socket.waitForItem((item) => item.Content === GREETING);
    const [joined, greeting] = socket.items();
    expect(joined).toMatchObject({ ContentType: JOINED, ParticipantRole: 'CUSTOMER', ParticipantId: contact.ParticipantId });
    expect(greeting).toMatchObject({ Type: 'MESSAGE', ParticipantRole: 'SYSTEM', DisplayName: 'SYSTEM_MESSAGE', ContactId: contact.ContactId });
    socket.close();
  });

  it('pushes nothing to a socket until it subscribes, and greets only once across reconnects', async () => {
    const { contact, socket } = await connectedCustomer(url);
    await socket.waitForItem((item) => item.Content === GREETING);
    const second = await CustomerSocket.open((await connectParticipant(url, contact.ParticipantToken)).Websocket.Url);
    await call(`${url}/emulator/contacts/${contact.ContactId}/queue`, { method: 'POST', headers: JSON_HEADERS });
    await socket.waitForItem((item) => (item.Content ?? '').startsWith('[queued]'));
    expect(second.frames).toEqual([]);
    await second.subscribe();
    await call(`${url}/emulator/contacts/${contact.ContactId}/agent/join`, { method: 'POST', headers: JSON_HEADERS, body: '{"name":"Ana"}' });
    await second.waitForItem((item) => item.ContentType === JOINED && item.ParticipantRole === 'AGENT');
    expect(second.items().some((item) => item.Content === GREETING)).toBe(false);
    expect(emulator.emulator.contacts.get(contact.ContactId)?.items.filter((item) => item.Content === GREETING)).toHaveLength(1);
    socket.close();
    second.close();
  });

  it('reports the customer connected while a socket is subscribed', async () => {
    const { contact, socket } = await connectedCustomer(url);
    const state = async () => (await call<{ customerConnected: boolean }>(`${url}/emulator/contacts/${contact.ContactId}`)).body.customerConnected;
    expect(await state()).toBe(true);
    socket.close();
    for (let i = 0; i < 100 && (await state()); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await state()).toBe(false);
  });

  it('drops the connection abruptly (close code 1006) on drop-connection', async () => {
    const { contact, socket } = await connectedCustomer(url);
    const closed = new Promise<number>((resolve) => socket.socket.once('close', (code) => resolve(code)));
    const answer = await call<{ dropped: number }>(`${url}/emulator/contacts/${contact.ContactId}/drop-connection`, { method: 'POST', headers: JSON_HEADERS });
    expect(answer.body.dropped).toBe(1);
    expect(await closed).toBe(1006);
  });

  it('refuses an unknown ticket with 403 and keeps serving', async () => {
    const port = new URL(url).port;
    const status = await new Promise<number | undefined>((resolve) => {
      const socket = new WebSocket(`ws://127.0.0.1:${port}/ws/not-a-ticket`);
      socket.on('unexpected-response', (_req, res) => resolve(res.statusCode));
      socket.on('error', () => resolve(undefined));
    });
    expect(status).toBe(403);
    expect((await call(`${url}/emulator/contacts`)).status).toBe(200);
  });

  it('ignores garbage frames and oversized frames without crashing', async () => {
    const { contact, socket } = await connectedCustomer(url);
    socket.socket.send('not json');
    socket.socket.send('null');
    socket.socket.send(JSON.stringify({ topic: 'aws/subscribe' }));
    socket.socket.send(Buffer.from([0xff, 0x00, 0x13]));
    await socket.waitForFrame((frame) => frame.topic === 'aws/subscribe' && (frame.content as { status: string }).status === 'failure');
    const big = await CustomerSocket.open((await connectParticipant(url, contact.ParticipantToken)).Websocket.Url);
    const closed = new Promise<number>((resolve) => big.socket.once('close', (code) => resolve(code)));
    big.socket.send('x'.repeat(200_000));
    expect(await closed).toBe(1009);
    socket.send({ topic: 'aws/ping' });
    await socket.waitForFrame((frame) => frame.topic === 'aws/ping');
    socket.close();
  });
});
