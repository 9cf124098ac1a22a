import { afterEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../../src/server/emulator/emulator';
import type { ChatItem, MetadataItem } from '../../../../src/server/emulator/emulator.types';
import { call, connectedCustomer, JSON_HEADERS, participant, startTestEmulator } from './emulator-fixture';

const EVENT = 'application/vnd.amazonaws.connect.event.';
const metadataOf = (items: unknown[]) => (items as Array<ChatItem | MetadataItem>).filter((item): item is MetadataItem => item.Type === 'MESSAGEMETADATA');

describe('message receipts', () => {
  let emulator: RunningEmulator | undefined;
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });

  async function chatWithAgent() {
    emulator = await startTestEmulator();
    const url = emulator.url;
    const customer = await connectedCustomer(url);
    const control = (action: string, body: unknown = {}) =>
      call<Record<string, unknown>>(`${url}/emulator/contacts/${customer.contact.ContactId}/${action}`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(body) });
    const agent = (await control('agent/join', { name: 'Ana' })).body.participantId as string;
    const send = async (text: string) =>
      (await participant<{ Id: string }>(url, 'message', customer.connectionToken, { ContentType: 'text/plain', Content: text })).body.Id;
    const receipt = (kind: 'read' | 'delivered', messageId: string) =>
      participant(url, 'event', customer.connectionToken, { ContentType: `${EVENT}message.${kind}`, Content: JSON.stringify({ messageId }) });
    const transcript = async () => (await participant<{ Transcript: ChatItem[] }>(url, 'transcript', customer.connectionToken, { MaxResults: 100, SortOrder: 'ASCENDING' })).body.Transcript;
    return { ...customer, url, control, agent, send, receipt, transcript };
  }

  it("marks a customer's message delivered by the agent on, as the agent's CCP does, and read when the agent reads", async () => {
    const { socket, send, control, agent, transcript } = await chatWithAgent();
    const id = await send('Where is my order?');
    const delivered = metadataOf(socket.items()).length === 0 ? await socket.waitForItem((item) => item.Type === ('MESSAGEMETADATA' as never)) : metadataOf(socket.items())[0];
    expect(delivered).toEqual({
      Id: expect.any(String),
      AbsoluteTime: expect.any(String),
      Type: 'MESSAGEMETADATA',
      ContentType: `${EVENT}message.metadata`,
      MessageMetadata: { MessageId: id, Receipts: [{ DeliveredTimestamp: expect.any(String), RecipientParticipantId: agent }] },
    });

    expect((await control('agent/read')).body.read).toBe(1);
    await socket.waitForItem((item) => metadataOf([item])[0]?.MessageMetadata.Receipts[0]?.ReadTimestamp !== undefined);
    const [read] = metadataOf(socket.items()).slice(1);
    expect(read?.MessageMetadata).toEqual({
      MessageId: id,
      Receipts: [{ DeliveredTimestamp: expect.any(String), ReadTimestamp: expect.any(String), RecipientParticipantId: agent }],
    });
    expect((await control('agent/read')).body.read).toBe(0); // nothing new to read: no second receipt
    expect(metadataOf(socket.items())).toHaveLength(2);

    const message = (await transcript()).find((item) => item.Id === id);
    expect(message?.MessageMetadata).toEqual(read?.MessageMetadata);
    expect((await transcript()).some((item) => (item.Type as string) === 'MESSAGEMETADATA')).toBe(false);
    socket.close();
  });

  it("records the customer's delivered and read receipts on the agent's message, once each, and tells the chat", async () => {
    const { socket, control, receipt, contact, transcript, url } = await chatWithAgent();
    const messageId = (await control('agent/message', { text: 'Hi Zoe' })).body.messageId as string;
    expect((await receipt('delivered', messageId)).status).toBe(200);
    expect((await receipt('read', messageId)).status).toBe(200);
    expect((await receipt('read', messageId)).status).toBe(200);
    expect((await receipt('delivered', messageId)).status).toBe(200); // after read: nothing to add
    await socket.waitForItem((item) => metadataOf([item])[0]?.MessageMetadata.Receipts[0]?.ReadTimestamp !== undefined);
    const pushed = metadataOf(socket.items()).filter((item) => item.MessageMetadata.MessageId === messageId);
    expect(pushed.map((item) => item.MessageMetadata.Receipts[0]?.RecipientParticipantId)).toEqual([contact.ParticipantId, contact.ParticipantId]);
    const message = (await transcript()).find((item) => item.Id === messageId);
    expect(message?.MessageMetadata?.Receipts).toEqual([
      { RecipientParticipantId: contact.ParticipantId, DeliveredTimestamp: expect.any(String), ReadTimestamp: expect.any(String) },
    ]);
    const controlView = (await call<ChatItem[]>(`${url}/emulator/contacts/${contact.ContactId}/transcript`)).body.find((item) => item.Id === messageId);
    expect(controlView?.MessageMetadata?.Receipts).toHaveLength(1);
    socket.close();
  });

  it('ignores receipts for events, unknown ids and its own messages, and refuses a receipt without a messageId', async () => {
    const { socket, receipt, send, transcript, url, connectionToken } = await chatWithAgent();
    const own = await send('mine');
    const joined = (await transcript()).find((item) => item.ContentType === `${EVENT}participant.joined`)!;
    await socket.waitForItem((item) => metadataOf([item])[0]?.MessageMetadata.MessageId === own); // the agent's delivered
    const before = metadataOf(socket.items()).length;
    expect((await receipt('read', own)).status).toBe(200);
    expect((await receipt('read', joined.Id)).status).toBe(200);
    expect((await receipt('read', 'no-such-message')).status).toBe(200);
    const bad = await participant(url, 'event', connectionToken, { ContentType: `${EVENT}message.read`, Content: '{"id":"x"}' });
    expect(bad.status).toBe(400);
    const sentinel = await send('sentinel'); // its delivered receipt comes after anything the receipts above could have pushed
    await socket.waitForItem((item) => metadataOf([item])[0]?.MessageMetadata.MessageId === sentinel);
    expect(metadataOf(socket.items())).toHaveLength(before + 1);
    expect((await transcript()).find((item) => item.Id === own)?.MessageMetadata?.Receipts.map((r) => r.ReadTimestamp)).toEqual([undefined]);
    socket.close();
  });

  it('marks delivered only while an agent is on', async () => {
    emulator = await startTestEmulator();
    const { socket, connectionToken, contact } = await connectedCustomer(emulator.url);
    await participant(emulator.url, 'message', connectionToken, { ContentType: 'text/plain', Content: 'anyone?' });
    await socket.waitForItem((item) => item.Content === 'anyone?');
    await call(`${emulator.url}/emulator/contacts/${contact.ContactId}/agent/join`, { method: 'POST', headers: JSON_HEADERS, body: '{}' });
    await socket.waitForItem((item) => item.ParticipantRole === 'AGENT'); // a sentinel: pushed after any receipt for the message
    expect(metadataOf(socket.items())).toEqual([]);
    socket.close();
  });
});
