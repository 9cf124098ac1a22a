import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../../src/server/emulator/emulator';
import { connectedCustomer, SIGNED, startTestEmulator } from './emulator-fixture';

const GARBAGE_BODIES: Array<[string, string | Buffer]> = [
  ['malformed JSON', '{"Type": ['],
  ['a JSON array', '[1,2,3]'],
  ['a JSON string', '"hello"'],
  ['JSON null', 'null'],
  ['binary junk', Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x7b])],
  ['a huge body', 'x'.repeat(300_000)],
];

interface Answer {
  status: number;
  contentType: string;
  body: string;
}

/** A raw request (so any method and any bytes go through), answered as text. */
function raw(url: string, method: string, path: string, body?: string | Buffer, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    // An explicit length: Node's client sends a DELETE body unframed otherwise.
    const length = body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) };
    const req = request(`${url}${path}`, { method, headers: { 'content-type': 'application/json', ...length, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type']), body: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

function expectJson4xx(answer: Answer): void {
  expect(answer.status).toBeGreaterThanOrEqual(400);
  expect(answer.status).toBeLessThan(500);
  expect(answer.contentType).toContain('application/json');
  expect(() => JSON.parse(answer.body)).not.toThrow();
}

describe('garbage sent to every emulator route', () => {
  let emulator: RunningEmulator;
  let url: string;
  let contactId: string;
  let connectionToken: string;
  let participantToken: string;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    url = emulator.url;
    const customer = await connectedCustomer(url);
    contactId = customer.contact.ContactId;
    participantToken = customer.contact.ParticipantToken;
    connectionToken = customer.connectionToken;
    customer.socket.close();
  });
  afterAll(() => emulator?.close());

  const participantRoutes = ['connection', 'message', 'event', 'transcript', 'start-attachment-upload', 'complete-attachment-upload', 'attachment', 'disconnect'];
  const controlActions = ['queue', 'agent/join', 'agent/message', 'agent/attachment', 'agent/read', 'agent/typing', 'transfer', 'end', 'drop-connection'];

  describe.each(GARBAGE_BODIES)('%s', (_name, body) => {
    it('to StartChatContact', async () => {
      expectJson4xx(await raw(url, 'PUT', '/contact/chat', body, SIGNED));
    });

    it.each(participantRoutes)('to /participant/%s', async (operation) => {
      const token = operation === 'connection' ? participantToken : connectionToken;
      expectJson4xx(await raw(url, 'POST', `/participant/${operation}`, body, { 'x-amz-bearer': token }));
    });

    it.each(controlActions)('to /emulator/contacts/:id/%s', async (action) => {
      expectJson4xx(await raw(url, 'POST', `/emulator/contacts/${contactId}/${action}`, body));
    });

    it('to /emulator/faults', async () => {
      expectJson4xx(await raw(url, 'POST', '/emulator/faults', body));
    });
  });

  it.each([
    ['GET', '/contact/chat'],
    ['POST', '/contact/chat'],
    ['DELETE', '/contact/chat'],
    ['PUT', '/contact/attributes'],
    ['GET', '/participant/connection'],
    ['PUT', '/participant/message'],
    ['POST', '/participant/attachment'],
    ['POST', '/participant/'],
    ['POST', '/emulator/contacts'],
    ['DELETE', '/emulator/contacts'],
    ['GET', '/emulator/contacts/not-a-contact'],
    ['GET', '/emulator/contacts/not-a-contact/transcript'],
    ['POST', '/emulator/contacts/not-a-contact/queue'],
    ['POST', '/emulator/contacts/not-a-contact/agent/message'],
    ['GET', '/emulator/contacts/:id/queue'],
    ['POST', '/emulator/contacts/:id/transcript'],
    ['POST', '/emulator/contacts/:id/agent/dance'],
    ['POST', '/emulator/contacts/:id/agent'],
    ['PUT', '/emulator/faults'],
    ['GET', '/emulator/'],
    ['GET', '/emulator/nothing/here'],
    ['POST', '/agent/'],
    ['GET', '/agent/elsewhere'],
    ['GET', '/ws/some-ticket'],
  ])('answers %s %s with a 4xx JSON error', async (method, path) => {
    expectJson4xx(await raw(url, method, path.replace(':id', contactId), method === 'GET' ? undefined : '{}', SIGNED));
  });

  it.each([
    [{ text: 42 }],
    [{ text: '' }],
    [{ text: 'x'.repeat(2000) }],
    [{ text: 'hi', contentType: 'text/html' }],
  ])('refuses the agent message %j', async (body) => {
    await raw(url, 'POST', `/emulator/contacts/${contactId}/agent/join`, '{}');
    expectJson4xx(await raw(url, 'POST', `/emulator/contacts/${contactId}/agent/message`, JSON.stringify(body)));
  });

  it('refuses an agent name that is not text', async () => {
    expectJson4xx(await raw(url, 'POST', `/emulator/contacts/${contactId}/agent/join`, JSON.stringify({ name: ['Ana'] })));
  });

  it('is still alive and answering after all of it', async () => {
    const answer = await raw(url, 'GET', '/emulator/contacts');
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual(expect.arrayContaining([expect.objectContaining({ contactId })]));
  });
});
