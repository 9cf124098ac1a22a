import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../../src/server/emulator/emulator';
import type { ChatItem, ContactSummary } from '../../../../src/server/emulator/emulator.types';
import { call, JSON_HEADERS, connectedCustomer, startChat, startTestEmulator } from './emulator-fixture';

const EVENT = 'application/vnd.amazonaws.connect.event.';

describe('the control API', () => {
  let emulator: RunningEmulator;
  let url: string;
  const post = <T = ContactSummary>(path: string, body?: unknown) =>
    call<T>(`${url}/emulator${path}`, { method: 'POST', headers: JSON_HEADERS, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

  beforeAll(async () => {
    emulator = await startTestEmulator();
    url = emulator.url;
  });
  afterAll(() => emulator?.close());

  it('lists contacts with their instance, state and connection', async () => {
    const { contact, socket } = await connectedCustomer(url, { Attributes: { topic: 'billing' } });
    const list = await call<ContactSummary[]>(`${url}/emulator/contacts`);
    expect(list.status).toBe(200);
    expect(list.body.find((entry) => entry.contactId === contact.ContactId)).toEqual({
      contactId: contact.ContactId,
      instance: 'help_faq_bot',
      state: 'flow',
      customerConnected: true,
      displayName: 'Zoe',
      agentName: null,
      agents: [],
      autopilot: false,
      attributes: { topic: 'billing' },
      chatDurationInMinutes: 1500,
      initialContactId: contact.ContactId,
      sourceContactId: null,
      continuedFromContactId: null,
      startedAt: expect.any(String),
      endedAt: null,
    });
    socket.close();
  });

  it('drives a whole contact: queue, join, typing, message, transfer, join, end', async () => {
    const { contact, socket } = await connectedCustomer(url);
    const id = contact.ContactId;
    expect((await post(`/contacts/${id}/queue`)).body.state).toBe('queued');
    expect((await post(`/contacts/${id}/agent/join`, { name: 'Ana' })).body).toMatchObject({ state: 'agent', agentName: 'Ana' });
    expect((await post(`/contacts/${id}/agent/typing`)).status).toBe(200);
    expect((await post(`/contacts/${id}/agent/message`, { text: 'Hi, I am Ana.' })).status).toBe(200);
    expect((await post(`/contacts/${id}/agent/message`, { text: '**bold**', contentType: 'text/markdown' })).status).toBe(200);
    expect((await post(`/contacts/${id}/transfer`)).body).toMatchObject({ state: 'queued', agentName: null });
    expect((await post(`/contacts/${id}/agent/join`)).body).toMatchObject({ state: 'agent', agentName: 'Alex' });
    const ended = await post(`/contacts/${id}/end`);
    expect(ended.body).toMatchObject({ state: 'ended', customerConnected: false, endedAt: expect.any(String) });

    await socket.waitForItem((item) => item.ContentType === `${EVENT}chat.ended`);
    const steps = socket.items().map((item) => `${item.ParticipantRole} ${(item.ContentType ?? "").replace(EVENT, 'E:')} ${item.Content ?? ''}`.trim());
    expect(steps).toEqual([
      'CUSTOMER E:participant.joined',
      expect.stringMatching(/^SYSTEM text\/plain Thanks for contacting us/),
      expect.stringMatching(/^SYSTEM text\/plain \[queued\] You are in the queue/),
      'AGENT E:participant.joined',
      'AGENT E:typing',
      'AGENT text/plain Hi, I am Ana.',
      'AGENT text/markdown **bold**',
      'SYSTEM E:transfer.succeeded',
      'AGENT E:participant.left',
      expect.stringMatching(/^SYSTEM text\/plain \[queued\]/),
      'AGENT E:participant.joined',
      'AGENT E:participant.left',
      'SYSTEM E:chat.ended',
    ]);
    const transcript = await call<ChatItem[]>(`${url}/emulator/contacts/${id}/transcript`);
    expect(transcript.body).toEqual(socket.items().filter((item) => item.ContentType !== `${EVENT}typing`));
    socket.close();
  });

  it.each([
    ['an agent message with no agent', 'agent/message', { text: 'hi' }, 'contact.no_agent'],
    ['typing with no agent', 'agent/typing', undefined, 'contact.no_agent'],
    ['a leave with no agent', 'agent/leave', undefined, 'contact.no_agent'],
  ])('refuses %s with 409', async (_case, action, body, code) => {
    const contact = await startChat(url);
    const answer = await post<{ error: { code: string } }>(`/contacts/${contact.ContactId}/${action}`, body);
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe(code);
  });

  it('refuses a second agent under the same name, and steps on an ended contact', async () => {
    const contact = await startChat(url);
    const id = contact.ContactId;
    await post(`/contacts/${id}/agent/join`);
    const again = await post<{ error: { code: string } }>(`/contacts/${id}/agent/join`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('contact.agent_present');
    await post(`/contacts/${id}/end`);
    for (const action of ['queue', 'agent/join', 'end', 'transfer']) {
      const answer = await post<{ error: { code: string } }>(`/contacts/${id}/${action}`);
      expect(answer.status).toBe(409);
      expect(answer.body.error.code).toBe('contact.ended');
    }
  });

  it('lets a second agent join while one is on, each speaking and leaving under their own name', async () => {
    const { contact, socket } = await connectedCustomer(url);
    const id = contact.ContactId;
    const ana = await post<ContactSummary & { participantId: string }>(`/contacts/${id}/agent/join`, { name: 'Ana' });
    const sam = await post<ContactSummary & { participantId: string }>(`/contacts/${id}/agent/join`, { name: 'Sam' });
    expect(sam.status).toBe(200);
    expect(sam.body).toMatchObject({
      state: 'agent',
      agentName: 'Sam',
      agents: [
        { participantId: ana.body.participantId, name: 'Ana', autopilot: false },
        { participantId: sam.body.participantId, name: 'Sam', autopilot: false },
      ],
    });
    expect(sam.body.participantId).not.toBe(ana.body.participantId);
    await post(`/contacts/${id}/agent/message`, { text: 'Sam here' });
    await post(`/contacts/${id}/agent/message`, { text: 'Ana here', name: 'Ana' });
    await post(`/contacts/${id}/agent/typing`, { participantId: ana.body.participantId });
    const stranger = await post<{ error: { code: string; message: string } }>(`/contacts/${id}/agent/message`, { text: 'hi', name: 'Nobody' });
    expect(stranger.status).toBe(409);
    expect(stranger.body.error).toEqual({ code: 'contact.no_agent', message: 'No such agent on this contact (agents on: Ana, Sam).' });

    expect((await post(`/contacts/${id}/agent/leave`, { name: 'Ana' })).body).toMatchObject({ state: 'agent', agentName: 'Sam' });
    expect((await post(`/contacts/${id}/agent/leave`)).body).toMatchObject({ state: 'flow', agentName: null, agents: [] });

    await socket.waitForItem((item) => item.ContentType === `${EVENT}participant.left` && item.DisplayName === 'Sam');
    const agentSteps = socket
      .items()
      .filter((item) => item.ParticipantRole === 'AGENT')
      .map((item) => `${item.DisplayName} ${item.ParticipantId === ana.body.participantId ? 'ana-id' : 'sam-id'} ${item.Content ?? (item.ContentType ?? "").replace(EVENT, 'E:')}`);
    expect(agentSteps).toEqual([
      'Ana ana-id E:participant.joined',
      'Sam sam-id E:participant.joined',
      'Sam sam-id Sam here',
      'Ana ana-id Ana here',
      'Ana ana-id E:typing',
      'Ana ana-id E:participant.left',
      'Sam sam-id E:participant.left',
    ]);
    socket.close();
  });

  it('ends a contact with two agents: each leaves, then chat.ended', async () => {
    const { contact, socket } = await connectedCustomer(url);
    const id = contact.ContactId;
    await post(`/contacts/${id}/agent/join`, { name: 'Ana' });
    await post(`/contacts/${id}/agent/join`, { name: 'Sam' });
    await post(`/contacts/${id}/end`);
    await socket.waitForItem((item) => item.ContentType === `${EVENT}chat.ended`);
    expect(socket.items().slice(-3).map((item) => `${item.DisplayName} ${(item.ContentType ?? "").replace(EVENT, 'E:')}`)).toEqual([
      'Ana E:participant.left',
      'Sam E:participant.left',
      'SYSTEM_MESSAGE E:chat.ended',
    ]);
    socket.close();
  });

  it.each([
    ['transferFirst', ['SYSTEM E:transfer.succeeded', 'AGENT E:participant.left']],
    ['leftFirst', ['AGENT E:participant.left', 'SYSTEM E:transfer.succeeded']],
  ])('transfers with order %s: the transfer and the agent leaving in that order, then the marker', async (order, expected) => {
    const { contact, socket } = await connectedCustomer(url);
    const id = contact.ContactId;
    await post(`/contacts/${id}/agent/join`, { name: 'Ana' });
    expect((await post(`/contacts/${id}/transfer`, { order })).body).toMatchObject({ state: 'queued', agentName: null, agents: [] });
    await socket.waitForItem((item) => (item.Content ?? '').startsWith('[queued]'));
    const steps = socket.items().slice(-3).map((item) => `${item.ParticipantRole} ${(item.ContentType ?? "").replace(EVENT, 'E:')}`);
    expect(steps).toEqual([...expected, 'SYSTEM text/plain']);
    socket.close();
  });

  it('transfers a contact no agent is on (the flow moves it to another queue): transfer.succeeded, no participant.left, the marker', async () => {
    const { contact, socket } = await connectedCustomer(url);
    const id = contact.ContactId;
    expect((await post(`/contacts/${id}/transfer`, { order: 'leftFirst' })).body).toMatchObject({ state: 'queued' });
    await socket.waitForItem((item) => (item.Content ?? '').startsWith('[queued]'));
    const steps = socket.items().map((item) => `${item.ParticipantRole} ${(item.ContentType ?? "").replace(EVENT, 'E:')}`);
    expect(steps).toEqual(['CUSTOMER E:participant.joined', 'SYSTEM text/plain', 'SYSTEM E:transfer.succeeded', 'SYSTEM text/plain']);
    socket.close();
  });

  it('sends the customer\'s timeouts: idle and returned as events, autodisconnection then the customer leaves and the chat ends', async () => {
    const { contact, socket } = await connectedCustomer(url);
    const id = contact.ContactId;
    await post(`/contacts/${id}/customer/timeout`, { event: 'idle' });
    await post(`/contacts/${id}/customer/timeout`, { event: 'returned' });
    await post(`/contacts/${id}/customer/timeout`, { event: 'idle' });
    expect((await post(`/contacts/${id}/customer/timeout`, { event: 'autodisconnection' })).body).toMatchObject({ state: 'ended' });
    await socket.waitForItem((item) => item.ContentType === `${EVENT}chat.ended`);
    expect(socket.items().slice(-6).map((item) => `${item.ParticipantRole} ${(item.ContentType ?? '').replace(EVENT, 'E:')}`)).toEqual([
      'CUSTOMER E:participant.idle',
      'CUSTOMER E:participant.returned',
      'CUSTOMER E:participant.idle',
      'CUSTOMER E:participant.autodisconnection',
      'CUSTOMER E:participant.left',
      'SYSTEM E:chat.ended',
    ]);
    socket.close();
  });

  it('refuses an unknown customer timeout with 400, and any on an ended contact with 409', async () => {
    const contact = await startChat(url);
    const unknown = await post<{ error: { code: string } }>(`/contacts/${contact.ContactId}/customer/timeout`, { event: 'asleep' });
    expect([unknown.status, unknown.body.error.code]).toEqual([400, 'request.invalid_body']);
    await post(`/contacts/${contact.ContactId}/end`);
    const ended = await post<{ error: { code: string } }>(`/contacts/${contact.ContactId}/customer/timeout`, { event: 'idle' });
    expect([ended.status, ended.body.error.code]).toEqual([409, 'contact.ended']);
  });

  it('refuses a transfer order it does not know with 400', async () => {
    const contact = await startChat(url);
    const answer = await post<{ error: { code: string } }>(`/contacts/${contact.ContactId}/transfer`, { order: 'sideways' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('request.invalid_body');
    expect((await call<ContactSummary>(`${url}/emulator/contacts/${contact.ContactId}`)).body.state).toBe('flow');
  });

  it('queues a contact an agent is still on (the marker before a late participant.left); it stays queued when the agent leaves', async () => {
    const { contact, socket } = await connectedCustomer(url);
    const id = contact.ContactId;
    await post(`/contacts/${id}/agent/join`, { name: 'Ana' });
    expect((await post(`/contacts/${id}/queue`)).body).toMatchObject({ state: 'queued', agentName: 'Ana' });
    expect((await post(`/contacts/${id}/agent/message`, { text: 'Still here for a moment' })).status).toBe(200);
    expect((await post(`/contacts/${id}/agent/leave`)).body).toMatchObject({ state: 'queued', agentName: null });
    await socket.waitForItem((item) => item.ContentType === `${EVENT}participant.left`);
    const steps = socket.items().slice(-4).map((item) => `${item.ParticipantRole} ${(item.ContentType ?? "").replace(EVENT, 'E:')}`);
    expect(steps).toEqual(['AGENT E:participant.joined', 'SYSTEM text/plain', 'AGENT text/plain', 'AGENT E:participant.left']);
    expect(socket.items().at(-3)?.Content).toMatch(/^\[queued\] /);
    socket.close();
  });

  it('makes the next StartChatContact calls fail, then recovers', async () => {
    const set = await post('/faults', { startChat: { status: 500, count: 2 } });
    expect(set.body).toEqual({ startChat: { status: 500, type: 'InternalServiceException', remaining: 2, untilMs: null } });
    await expect(startChat(url)).rejects.toThrow(/500/);
    await expect(startChat(url)).rejects.toThrow(/500/);
    await expect(startChat(url)).resolves.toHaveProperty('ContactId');
    expect((await call(`${url}/emulator/faults`)).body).toEqual({});
  });

  it('clears faults with null or DELETE', async () => {
    await post('/faults', { startChat: { status: 503, count: 9 }, participant: { status: 500, forMs: 60_000 } });
    await post('/faults', { startChat: null });
    expect(Object.keys((await call(`${url}/emulator/faults`)).body as object)).toEqual(['participant']);
    await call(`${url}/emulator/faults`, { method: 'DELETE', headers: JSON_HEADERS });
    expect((await call(`${url}/emulator/faults`)).body).toEqual({});
  });

  it.each([
    [{ startChat: { status: 200 } }],
    [{ startChat: { status: 500, count: 0 } }],
    [{ startChat: { status: 500, forMs: -1 } }],
    [{ startChat: { status: 500, type: 'bad type!' } }],
    [{ startChat: { status: 500, extra: 1 } }],
    [{ websocket: { status: 500 } }],
    [{ startChat: 'always' }],
  ])('refuses the fault %j with 400 emulator.invalid_fault and changes nothing', async (fault) => {
    const answer = await post<{ error: { code: string } }>('/faults', fault);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('emulator.invalid_fault');
    expect((await call(`${url}/emulator/faults`)).body).toEqual({});
  });
});

describe('the control API: rich messages', () => {
  let emulator: RunningEmulator;
  let url: string;
  const post = <T = ContactSummary & { messageId: string }>(path: string, body?: unknown) =>
    call<T>(`${url}/emulator${path}`, { method: 'POST', headers: JSON_HEADERS, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const QUICK_REPLY = JSON.stringify({ templateType: 'QuickReply', version: '1.0', data: { content: { title: 'Pick one', elements: [{ title: 'A' }, { title: 'B' }] } } });

  beforeAll(async () => {
    emulator = await startTestEmulator();
    url = emulator.url;
  });
  afterAll(() => emulator?.close());

  it('sends an interactive template as the agent, and as the bot (SYSTEM, "BOT") or the flow without an agent', async () => {
    const { contact, socket } = await connectedCustomer(url);
    const id = contact.ContactId;
    const INTERACTIVE = 'application/vnd.amazonaws.connect.message.interactive';
    const bot = await post(`/contacts/${id}/agent/message`, { text: QUICK_REPLY, contentType: INTERACTIVE, as: 'bot' });
    expect(bot.status).toBe(200);
    expect(bot.body.autopilot).toBe(false); // autopilot is off here; a bot message would not take the contact over anyway
    expect((await post(`/contacts/${id}/agent/message`, { text: 'One moment.', as: 'flow' })).status).toBe(200);
    await post(`/contacts/${id}/agent/join`, { name: 'Ana' });
    const agent = await post(`/contacts/${id}/agent/message`, { text: QUICK_REPLY, contentType: INTERACTIVE });
    await socket.waitForItem((item) => item.Id === agent.body.messageId);
    const sent = socket.items().filter((item) => item.Type === 'MESSAGE' && item.ParticipantRole !== 'CUSTOMER').slice(1); // after the greeting
    expect(sent.map((item) => [item.ParticipantRole, item.DisplayName, item.ContentType, item.Content])).toEqual([
      ['SYSTEM', 'BOT', INTERACTIVE, QUICK_REPLY],
      ['SYSTEM', 'SYSTEM_MESSAGE', 'text/plain', 'One moment.'],
      ['AGENT', 'Ana', INTERACTIVE, QUICK_REPLY],
    ]);
    expect(sent[0]?.Id).toBe(bot.body.messageId);
    socket.close();
  });

  it.each([
    ['not JSON', '{templateType: QuickReply'],
    ['a JSON array', '[]'],
    ['no templateType', JSON.stringify({ version: '1.0', data: {} })],
    ['no version', JSON.stringify({ templateType: 'Panel', data: {} })],
    ['no data', JSON.stringify({ templateType: 'Panel', version: '1.0' })],
    ['over 20 KB', JSON.stringify({ templateType: 'Panel', version: '1.0', data: { content: { title: 'é'.repeat(10_300) } } })],
  ])('refuses an interactive message that is %s', async (_case, text) => {
    const { contact, socket } = await connectedCustomer(url);
    const answer = await post<{ error: { code: string; message: string } }>(`/contacts/${contact.ContactId}/agent/message`, {
      text,
      contentType: 'application/vnd.amazonaws.connect.message.interactive',
      as: 'bot',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('request.invalid_body');
    socket.close();
  });

  it('refuses an unknown speaker and a message from a bot on an ended contact', async () => {
    const { contact, socket } = await connectedCustomer(url);
    expect((await post(`/contacts/${contact.ContactId}/agent/message`, { text: 'hi', as: 'robot' })).status).toBe(400);
    await post(`/contacts/${contact.ContactId}/end`);
    expect((await post(`/contacts/${contact.ContactId}/agent/message`, { text: 'hi', as: 'bot' })).status).toBe(409);
    socket.close();
  });

  it('refuses agent/read with no agent on', async () => {
    const { contact, socket } = await connectedCustomer(url);
    expect((await post(`/contacts/${contact.ContactId}/agent/read`)).status).toBe(409);
    socket.close();
  });
});
