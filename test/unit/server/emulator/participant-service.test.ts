import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../../src/server/emulator/emulator';
import type { ChatItem } from '../../../../src/server/emulator/emulator.types';
import { call, connectedCustomer, connectParticipant, participant, startChat, startTestEmulator, JSON_HEADERS } from './emulator-fixture';

const TYPING = 'application/vnd.amazonaws.connect.event.typing';
const HOUR = 60 * 60 * 1000;

describe('the Participant Service', () => {
  let emulator: RunningEmulator;
  let url: string;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    url = emulator.url;
  });
  afterAll(() => emulator?.close());

  describe('CreateParticipantConnection', () => {
    it('hands out a websocket on 127.0.0.1 and credentials that last well over an hour', async () => {
      const contact = await startChat(url);
      const connection = await connectParticipant(url, contact.ParticipantToken);
      expect(connection.Websocket.Url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/ws\/[\w-]+$/);
      expect(Date.parse(connection.ConnectionCredentials.Expiry) - Date.now()).toBeGreaterThan(HOUR);
      expect(Date.parse(connection.Websocket.ConnectionExpiry) - Date.now()).toBeGreaterThan(50 * 60 * 1000);
      expect(connection.ConnectionCredentials.ConnectionToken).not.toBe(contact.ParticipantToken);
    });

    it('answers only the connection types asked for', async () => {
      const contact = await startChat(url);
      const answer = await participant<Record<string, unknown>>(url, 'connection', contact.ParticipantToken, { Type: ['CONNECTION_CREDENTIALS'] });
      expect(Object.keys(answer.body)).toEqual(['ConnectionCredentials']);
    });

    it.each([[{}], [{ Type: [] }], [{ Type: ['CHAT'] }], [{ Type: 'WEBSOCKET' }]])('refuses %j with ValidationException', async (body) => {
      const contact = await startChat(url);
      const answer = await participant(url, 'connection', contact.ParticipantToken, body);
      expect(answer.status).toBe(400);
      expect(answer.headers.get('x-amzn-errortype')).toBe('ValidationException');
    });
  });

  describe('tokens', () => {
    it.each([
      ['connection', 'no token', ''],
      ['connection', 'an unknown token', 'nope'],
      ['message', 'an unknown connection token', 'nope'],
      ['transcript', 'an unknown connection token', 'nope'],
    ])('refuses %s with %s: 403 AccessDeniedException', async (operation, _case, token) => {
      const answer = await participant<{ message: string }>(url, operation, token, { Type: ['WEBSOCKET'], ContentType: 'text/plain', Content: 'x' });
      expect(answer.status).toBe(403);
      expect(answer.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
      expect(answer.body.message).toEqual(expect.any(String));
    });

    it('does not take the participant token where a connection token is due', async () => {
      const contact = await startChat(url);
      await connectParticipant(url, contact.ParticipantToken);
      const answer = await participant(url, 'message', contact.ParticipantToken, { ContentType: 'text/plain', Content: 'hi' });
      expect(answer.status).toBe(403);
    });

    it('refuses every token of an ended contact', async () => {
      const { contact, connectionToken, socket } = await connectedCustomer(url);
      expect((await participant(url, 'disconnect', connectionToken, { ClientToken: 'x' })).status).toBe(200);
      expect((await participant(url, 'message', connectionToken, { ContentType: 'text/plain', Content: 'hi' })).status).toBe(403);
      expect((await participant(url, 'transcript', connectionToken, {})).status).toBe(403);
      expect((await participant(url, 'connection', contact.ParticipantToken, { Type: ['WEBSOCKET'] })).status).toBe(403);
      socket.close();
    });
  });

  describe('SendMessage and SendEvent', () => {
    it('echoes the customer message on the socket with the full item shape, and keeps it', async () => {
      const { contact, connectionToken, socket } = await connectedCustomer(url);
      const sent = await participant<{ Id: string; AbsoluteTime: string }>(url, 'message', connectionToken, {
        ContentType: 'text/plain',
        Content: 'Hello?',
        ClientToken: 'c-1',
      });
      expect(sent.status).toBe(200);
      const echo = await socket.waitForItem((item) => item.Id === sent.body.Id);
      expect(echo).toEqual({
        Id: sent.body.Id,
        AbsoluteTime: sent.body.AbsoluteTime,
        Type: 'MESSAGE',
        ContentType: 'text/plain',
        Content: 'Hello?',
        ParticipantId: contact.ParticipantId,
        DisplayName: 'Zoe',
        ParticipantRole: 'CUSTOMER',
        InitialContactId: contact.ContactId,
        ContactId: contact.ContactId,
      });
      const again = await participant<{ Id: string }>(url, 'message', connectionToken, { ContentType: 'text/plain', Content: 'Hello?', ClientToken: 'c-1' });
      expect(again.body.Id).toBe(sent.body.Id);
      expect(emulator.emulator.contacts.get(contact.ContactId)?.items.filter((item) => item.Content === 'Hello?')).toHaveLength(1);
      socket.close();
    });

    it('echoes typing without keeping it in the transcript', async () => {
      const { contact, connectionToken, socket } = await connectedCustomer(url);
      expect((await participant(url, 'event', connectionToken, { ContentType: TYPING })).status).toBe(200);
      await socket.waitForItem((item) => item.ContentType === TYPING && item.ParticipantRole === 'CUSTOMER');
      expect(emulator.emulator.contacts.get(contact.ContactId)?.items.some((item) => item.ContentType === TYPING)).toBe(false);
      socket.close();
    });

    it('accepts read receipts and connection acknowledgements', async () => {
      const { connectionToken, socket } = await connectedCustomer(url);
      const read = await participant(url, 'event', connectionToken, {
        ContentType: 'application/vnd.amazonaws.connect.event.message.read',
        Content: JSON.stringify({ messageId: 'm-1' }),
      });
      expect(read.status).toBe(200);
      const acknowledged = await participant(url, 'event', connectionToken, {
        ContentType: 'application/vnd.amazonaws.connect.event.connection.acknowledged',
      });
      expect(acknowledged.status).toBe(200);
      socket.close();
    });

    it.each([
      ['message', { ContentType: 'text/html', Content: '<b>x</b>' }],
      ['message', { ContentType: 'text/plain', Content: '' }],
      ['message', { ContentType: 'text/plain', Content: 'x'.repeat(1025) }],
      ['message', { ContentType: 'text/plain', Content: 7 }],
      ['message', { ContentType: 'text/plain', Content: 'x', ClientToken: 5 }],
      ['event', { ContentType: 'application/vnd.amazonaws.connect.event.chat.ended' }],
      ['event', { ContentType: 'application/vnd.amazonaws.connect.event.message.read', Content: 'not json' }],
      ['event', {}],
    ])('refuses %s %j with ValidationException', async (operation, body) => {
      const { connectionToken, socket } = await connectedCustomer(url);
      const answer = await participant(url, operation, connectionToken, body);
      expect(answer.status).toBe(400);
      expect(answer.headers.get('x-amzn-errortype')).toBe('ValidationException');
      socket.close();
    });
  });

  describe('GetTranscript', () => {
    it('returns the same items the socket carried, with the contact id', async () => {
      const { contact, connectionToken, socket } = await connectedCustomer(url);
      await participant(url, 'message', connectionToken, { ContentType: 'text/plain', Content: 'one' });
      await socket.waitForItem((item) => item.Content === 'one');
      const answer = await participant<{ InitialContactId: string; Transcript: ChatItem[] }>(url, 'transcript', connectionToken, {
        MaxResults: 100,
        SortOrder: 'ASCENDING',
      });
      expect(answer.body.InitialContactId).toBe(contact.ContactId);
      expect(answer.body.Transcript).toEqual(socket.items());
      socket.close();
    });
  });

  describe('CORS', () => {
    it('answers a preflight echoing the requested headers, authorization included', async () => {
      const requested = 'authorization,content-type,x-amz-bearer,x-amz-content-sha256,x-amz-date,x-amz-user-agent';
      const answer = await fetch(`${url}/participant/connection`, {
        method: 'OPTIONS',
        headers: { origin: 'http://127.0.0.1:9999', 'access-control-request-method': 'POST', 'access-control-request-headers': requested },
      });
      expect(answer.status).toBe(204);
      expect(answer.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:9999');
      expect(answer.headers.get('access-control-allow-headers')).toBe(requested);
      expect(answer.headers.get('access-control-allow-methods')).toContain('POST');
    });

    it('puts the CORS headers and the exposed error type on errors too', async () => {
      const answer = await fetch(`${url}/participant/message`, {
        method: 'POST',
        headers: { origin: 'http://127.0.0.1:9999', 'x-amz-bearer': 'nope' },
        body: '{}',
      });
      expect(answer.status).toBe(403);
      expect(answer.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:9999');
      expect(answer.headers.get('access-control-allow-headers')).toContain('authorization');
      expect(answer.headers.get('access-control-expose-headers')).toContain('x-amzn-errortype');
    });
  });

  describe('faults', () => {
    it('answers the injected status for the given time, then recovers', async () => {
      const contact = await startChat(url);
      await call(`${url}/emulator/faults`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ participant: { status: 503, forMs: 150 } }) });
      const failed = await participant(url, 'connection', contact.ParticipantToken, { Type: ['WEBSOCKET'] });
      expect(failed.status).toBe(503);
      expect(failed.headers.get('x-amzn-errortype')).toBe('ServiceUnavailableException');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await participant(url, 'connection', contact.ParticipantToken, { Type: ['WEBSOCKET'] })).status).toBe(200);
    });
  });
});

describe('the Participant Service and SupportedMessagingContentTypes', () => {
  it("refuses a content type the contact's StartChatContact did not list, and takes it once listed", async () => {
    const emulator = await startTestEmulator();
    try {
      const plain = await connectedCustomer(emulator.url);
      const refused = await participant(emulator.url, 'message', plain.connectionToken, { ContentType: 'text/markdown', Content: '**hi**' });
      expect(refused.status).toBe(400);
      expect(refused.headers.get('x-amzn-errortype')).toBe('ValidationException');
      const rich = await connectedCustomer(emulator.url, {
        SupportedMessagingContentTypes: ['text/plain', 'text/markdown', 'application/vnd.amazonaws.connect.message.interactive.response'],
      });
      expect((await participant(emulator.url, 'message', rich.connectionToken, { ContentType: 'text/markdown', Content: '**hi**' })).status).toBe(200);
      const response = JSON.stringify({ templateType: 'ViewResource', version: '1.0', action: 'Next', data: {} });
      expect((await participant(emulator.url, 'message', rich.connectionToken, { ContentType: 'application/vnd.amazonaws.connect.message.interactive.response', Content: response })).status).toBe(200);
      plain.socket.close();
      rich.socket.close();
    } finally {
      await emulator.close();
    }
  });
});
