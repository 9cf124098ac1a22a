import { afterEach, describe, expect, it } from 'vitest';
import { AGENT_TIP_MARKDOWN, MENU_TEMPLATE } from '../../../../src/server/emulator/autopilot-script';
import { GREETING } from '../../../../src/server/emulator/contact-flow';
import type { RunningEmulator } from '../../../../src/server/emulator/emulator';
import type { ChatItem, ContactSummary } from '../../../../src/server/emulator/emulator.types';
import { call, JSON_HEADERS, connectedCustomer, connectParticipant, CustomerSocket, INSTANCE, participant, startChat, startTestEmulator } from './emulator-fixture';

const EVENT = 'application/vnd.amazonaws.connect.event.';
const FAST = { queueAfterMs: 20, joinAfterMs: 60, greetAfterMs: 10, typingAfterMs: 10, replyAfterMs: 40 };

describe('the simulated contact flow', () => {
  let emulator: RunningEmulator | undefined;
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });

  it('on autopilot: queues, an agent joins and greets, then answers each message', async () => {
    emulator = await startTestEmulator({ autopilot: true, autopilotTimings: FAST });
    const { contact, socket, connectionToken } = await connectedCustomer(emulator.url);
    const greeting = await socket.waitForItem((item) => item.ParticipantRole === 'AGENT' && item.Type === 'MESSAGE');
    expect(greeting.Content).toBe("Hi Zoe, I'm Alex. How can I help you today?");
    const before = socket.items().map((item) => `${item.ParticipantRole} ${item.ContentType}`);
    expect(before).toEqual([
      `CUSTOMER ${EVENT}participant.joined`,
      'SYSTEM text/plain',
      'SYSTEM text/plain',
      `AGENT ${EVENT}participant.joined`,
      'AGENT text/plain',
      'AGENT text/markdown',
    ]);
    expect(socket.items()[2]?.Content).toMatch(/^\[queued\] /);

    await participant(emulator.url, 'message', connectionToken, { ContentType: 'text/plain', Content: 'Where is my order?' });
    await socket.waitForItem((item) => item.ContentType === `${EVENT}typing` && item.ParticipantRole === 'AGENT');
    const answer = await socket.waitForItem((item) => item.ParticipantRole === 'AGENT' && (item.Content ?? '').includes('Where is my order?'));
    expect(answer.Type).toBe('MESSAGE');

    await participant(emulator.url, 'message', connectionToken, { ContentType: 'text/plain', Content: 'ok, bye' });
    await socket.waitForItem((item) => item.ContentType === `${EVENT}chat.ended`);
    expect((await call<{ state: string }>(`${emulator.url}/emulator/contacts/${contact.ContactId}`)).body.state).toBe('ended');
    socket.close();
  });

  it('on autopilot: the bot offers a QuickReply menu, and the answer queues the contact; the agent reads what the customer sent', async () => {
    emulator = await startTestEmulator({ autopilot: true, autopilotTimings: { ...FAST, menuAfterMs: 5, queueAfterMs: 60_000 } });
    const { socket, connectionToken } = await connectedCustomer(emulator.url);
    const menu = await socket.waitForItem((item) => item.ContentType === 'application/vnd.amazonaws.connect.message.interactive');
    expect(menu).toMatchObject({ ParticipantRole: 'SYSTEM', DisplayName: 'BOT', Type: 'MESSAGE', Content: MENU_TEMPLATE });
    expect(JSON.parse(menu.Content ?? '')).toMatchObject({ templateType: 'QuickReply', version: '1.0' });
    const answer = await participant<{ Id: string }>(emulator.url, 'message', connectionToken, { ContentType: 'text/plain', Content: 'Billing' });
    await socket.waitForItem((item) => (item.Content ?? '').startsWith('[queued]'));
    await socket.waitForItem((item) => item.ParticipantRole === 'AGENT' && item.ContentType === 'text/markdown');
    await participant(emulator.url, 'message', connectionToken, { ContentType: 'text/plain', Content: 'Where is my invoice?' });
    const read = await socket.waitForItem((item) => item.Type === ('MESSAGEMETADATA' as never));
    const receipt = (read as unknown as { MessageMetadata: { MessageId: string; Receipts: Array<Record<string, string>> } }).MessageMetadata;
    expect(receipt.MessageId).not.toBe(answer.body.Id); // the menu's answer came before the agent: only the later message
    expect(receipt.Receipts[0]).toMatchObject({ DeliveredTimestamp: expect.any(String) });
    socket.close();
  });

  it('on autopilot: leaves a contact alone once a person plays its agent', async () => {
    emulator = await startTestEmulator({ autopilot: true, autopilotTimings: FAST });
    const { contact, socket, connectionToken } = await connectedCustomer(emulator.url);
    await call(`${emulator.url}/emulator/contacts/${contact.ContactId}/agent/join`, { method: 'POST', headers: JSON_HEADERS, body: '{"name":"Sam"}' });
    await participant(emulator.url, 'message', connectionToken, { ContentType: 'text/plain', Content: 'hello' });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const agentItems = socket.items().filter((item) => item.ParticipantRole === 'AGENT');
    expect(agentItems.map((item) => item.ContentType)).toEqual([`${EVENT}participant.joined`]);
    expect(agentItems[0]?.DisplayName).toBe('Sam');
    socket.close();
  });

  it("on autopilot: a person joining under another name takes the contact over: the autopilot's agent leaves, theirs joins", async () => {
    emulator = await startTestEmulator({ autopilot: true, autopilotTimings: FAST });
    const { contact, socket, connectionToken } = await connectedCustomer(emulator.url);
    const summary = () => call<ContactSummary>(`${emulator!.url}/emulator/contacts/${contact.ContactId}`);
    expect((await summary()).body.autopilot).toBe(true);
    await socket.waitForItem((item) => item.ParticipantRole === 'AGENT' && item.Type === 'MESSAGE');
    expect((await summary()).body.agents).toEqual([{ participantId: expect.any(String), name: 'Alex', autopilot: true }]);

    const joined = await call<ContactSummary>(`${emulator.url}/emulator/contacts/${contact.ContactId}/agent/join`, { method: 'POST', headers: JSON_HEADERS, body: '{"name":"Robin"}' });
    expect(joined.body).toMatchObject({ state: 'agent', agentName: 'Robin', autopilot: false, agents: [{ name: 'Robin', autopilot: false }] });
    await participant(emulator.url, 'message', connectionToken, { ContentType: 'text/plain', Content: 'hello?' });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const agentItems = socket.items().filter((item) => item.ParticipantRole === 'AGENT');
    expect(agentItems.map((item) => `${item.DisplayName} ${item.Content ?? (item.ContentType ?? "").replace(EVENT, 'E:')}`)).toEqual([
      'Alex E:participant.joined',
      "Alex Hi Zoe, I'm Alex. How can I help you today?",
      `Alex ${AGENT_TIP_MARKDOWN}`,
      'Alex E:participant.left',
      'Robin E:participant.joined',
    ]);
    socket.close();
  });

  it("on autopilot: a person's message takes over the autopilot's agent, which stops answering", async () => {
    emulator = await startTestEmulator({ autopilot: true, autopilotTimings: FAST });
    const { contact, socket, connectionToken } = await connectedCustomer(emulator.url);
    await socket.waitForItem((item) => item.ParticipantRole === 'AGENT' && item.Type === 'MESSAGE');
    const said = await call<ContactSummary>(`${emulator.url}/emulator/contacts/${contact.ContactId}/agent/message`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: '{"text":"A person now"}',
    });
    expect(said.body).toMatchObject({ autopilot: false, agents: [{ name: 'Alex', autopilot: false }] });
    await participant(emulator.url, 'message', connectionToken, { ContentType: 'text/plain', Content: 'bye' });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const agentItems = socket.items().filter((item) => item.ParticipantRole === 'AGENT');
    expect(agentItems.map((item) => item.Content ?? (item.ContentType ?? "").replace(EVENT, 'E:'))).toEqual([
      'E:participant.joined',
      "Hi Zoe, I'm Alex. How can I help you today?",
      AGENT_TIP_MARKDOWN,
      'A person now',
    ]);
    expect((await call<ContactSummary>(`${emulator.url}/emulator/contacts/${contact.ContactId}`)).body.state).toBe('agent');
    socket.close();
  });

  it("on autopilot: a person joining under the autopilot agent's name takes its seat, and the customer sees nothing", async () => {
    emulator = await startTestEmulator({ autopilot: true, autopilotTimings: FAST });
    const { contact, socket } = await connectedCustomer(emulator.url);
    await socket.waitForItem((item) => item.ParticipantRole === 'AGENT' && item.Type === 'MESSAGE');
    const before = socket.items().length;
    const joined = await call<ContactSummary>(`${emulator.url}/emulator/contacts/${contact.ContactId}/agent/join`, { method: 'POST', headers: JSON_HEADERS, body: '{"name":"Alex"}' });
    expect(joined.body).toMatchObject({ agentName: 'Alex', autopilot: false, agents: [{ name: 'Alex', autopilot: false }] });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(socket.items()).toHaveLength(before);
    socket.close();
  });

  it('on autopilot: a person who joins before the autopilot keeps the contact; the autopilot never joins', async () => {
    emulator = await startTestEmulator({ autopilot: true, autopilotTimings: FAST });
    const { contact, socket } = await connectedCustomer(emulator.url);
    await call(`${emulator.url}/emulator/contacts/${contact.ContactId}/agent/join`, { method: 'POST', headers: JSON_HEADERS, body: '{"name":"Sam"}' });
    await call(`${emulator.url}/emulator/contacts/${contact.ContactId}/transfer`, { method: 'POST', headers: JSON_HEADERS });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(socket.items().filter((item) => item.DisplayName === 'Alex')).toEqual([]);
    expect((await call<ContactSummary>(`${emulator.url}/emulator/contacts/${contact.ContactId}`)).body).toMatchObject({ state: 'queued', autopilot: false });
    socket.close();
  });

  it('on autopilot: still brings an agent when the contact was queued before the customer connected', async () => {
    emulator = await startTestEmulator({ autopilot: true, autopilotTimings: FAST });
    const contact = await startChat(emulator.url);
    await call(`${emulator.url}/emulator/contacts/${contact.ContactId}/queue`, { method: 'POST', headers: JSON_HEADERS });
    const socket = await CustomerSocket.open((await connectParticipant(emulator.url, contact.ParticipantToken)).Websocket.Url);
    await socket.subscribe();
    await socket.waitForItem((item) => item.ParticipantRole === 'AGENT' && item.Type === 'MESSAGE');
    socket.close();
  });

  it('with autopilot off: greets, then waits for the control API', async () => {
    emulator = await startTestEmulator({ autopilot: false, autopilotTimings: FAST });
    const { contact, socket } = await connectedCustomer(emulator.url);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(socket.items().map((item) => item.Content ?? item.ContentType)).toEqual([`${EVENT}participant.joined`, GREETING]);
    expect((await call<{ state: string }>(`${emulator.url}/emulator/contacts/${contact.ContactId}`)).body.state).toBe('flow');
    socket.close();
  });

  it("sends the contact instance's own queue marker", async () => {
    emulator = await startTestEmulator({ instances: [{ ...INSTANCE, public: { ...INSTANCE.public, queueMarker: '<<IN QUEUE>>' } }] });
    const { contact, socket } = await connectedCustomer(emulator.url);
    await call(`${emulator.url}/emulator/contacts/${contact.ContactId}/queue`, { method: 'POST', headers: JSON_HEADERS });
    const marker = await socket.waitForItem((item) => (item.Content ?? '').startsWith('<<IN QUEUE>> '));
    expect(marker).toMatchObject({ ParticipantRole: 'SYSTEM', Type: 'MESSAGE', ContentType: 'text/plain' });
    socket.close();
  });

  it('posts the InitialMessage as the customer, right after the customer joins', async () => {
    emulator = await startTestEmulator();
    const { socket } = await connectedCustomer(emulator.url, { InitialMessage: { ContentType: 'text/plain', Content: 'I need help' } });
    await socket.waitForItem((item) => item.Content === GREETING);
    const items: ChatItem[] = socket.items();
    expect(items.map((item) => `${item.ParticipantRole} ${item.Content ?? ''}`.trim())).toEqual(['CUSTOMER', 'CUSTOMER I need help', `SYSTEM ${GREETING}`]);
    socket.close();
  });
});
