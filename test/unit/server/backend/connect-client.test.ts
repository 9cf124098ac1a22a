import { ConnectClient, StartChatContactCommand } from '@aws-sdk/client-connect';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnectClient, ThrottlingRetryStrategy } from '../../../../src/server/backend/connect-client';
import { createStartChatService } from '../../../../src/server/backend/start-chat.service';
import type { RunningEmulator } from '../../../../src/server/emulator/emulator';
import { INSTANCE, startTestEmulator } from '../emulator/emulator-fixture';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function command(overrides: Partial<ConstructorParameters<typeof StartChatContactCommand>[0]> = {}) {
  return new StartChatContactCommand({
    InstanceId: INSTANCE.connect.instanceId,
    ContactFlowId: INSTANCE.connect.contactFlowId,
    ParticipantDetails: { DisplayName: 'Zoe' },
    ...overrides,
  });
}

async function failureOf(promise: Promise<unknown>): Promise<{ name: string; message: string; $metadata: { httpStatusCode?: number; attempts?: number } }> {
  try {
    await promise;
  } catch (error) {
    return error as never;
  }
  throw new Error('expected the call to fail');
}

describe('the real @aws-sdk/client-connect against the emulator', () => {
  let emulator: RunningEmulator;
  let client: ConnectClient;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    client = createConnectClient('ap-southeast-2', { endpoint: emulator.url, retryBaseDelayMs: 5 });
  });
  afterAll(async () => {
    client?.destroy();
    await emulator?.close();
  });

  it('starts a chat contact', async () => {
    const output = await client.send(command({ Attributes: { topic: 'billing' } }));
    expect(output.ContactId).toMatch(UUID);
    expect(output.ParticipantId).toMatch(UUID);
    expect(output.ParticipantToken).toEqual(expect.any(String));
    const contact = emulator.emulator.contacts.get(output.ContactId!);
    expect(contact).toMatchObject({ instance: 'help_faq_bot', state: 'flow', attributes: { topic: 'billing' } });
    expect(contact?.customer.displayName).toBe('Zoe');
  });

  it('keeps concurrent calls apart with its middleware resolved once (cacheMiddleware), throttled retries included', async () => {
    emulator.emulator.faults.apply({ startChat: { status: 429, count: 5 } });
    const names = Array.from({ length: 40 }, (_, index) => `Customer ${index}`);
    const outputs = await Promise.all(
      names.map((name, index) => client.send(command({ ParticipantDetails: { DisplayName: name }, Attributes: { topic: `t${index}` } }))),
    );
    const contacts = outputs.map((output) => emulator.emulator.contacts.get(output.ContactId!));
    expect(contacts.map((contact) => contact?.customer.displayName)).toEqual(names);
    expect(contacts.map((contact) => contact?.attributes.topic)).toEqual(names.map((_, index) => `t${index}`));
    expect(new Set(outputs.map((output) => output.ContactId)).size).toBe(names.length);
  });

  it('surfaces a validation error as the typed AWS error', async () => {
    const error = await failureOf(client.send(command({ ParticipantDetails: undefined as never })));
    expect(error.name).toBe('InvalidRequestException');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toContain('ParticipantDetails');
  });

  it('answers ResourceNotFoundException for an unknown contact flow', async () => {
    const error = await failureOf(client.send(command({ ContactFlowId: '00000000-0000-4000-8000-000000000000' })));
    expect(error.name).toBe('ResourceNotFoundException');
    expect(error.$metadata.httpStatusCode).toBe(404);
  });

  it('fails the next StartChatContact with an injected fault, once, without retrying a 5xx', async () => {
    emulator.emulator.faults.apply({ startChat: { status: 500, count: 1 } });
    const error = await failureOf(client.send(command()));
    expect(error.name).toBe('InternalServiceException');
    expect(error.$metadata.attempts).toBe(1);
    await expect(client.send(command())).resolves.toHaveProperty('ContactId');
  });

  it('retries throttling with backoff until it succeeds', async () => {
    emulator.emulator.faults.apply({ startChat: { status: 429, count: 2 } });
    const output = await client.send(command());
    expect(output.$metadata.attempts).toBe(3);
  });

  it('gives up after maxAttempts throttled calls', async () => {
    emulator.emulator.faults.apply({ startChat: { status: 429, type: 'ThrottlingException', count: 3 } });
    const error = await failureOf(client.send(command()));
    expect(error.name).toBe('ThrottlingException');
    expect(error.$metadata.attempts).toBe(3);
  });

  it('is idempotent by ClientToken, so a retried call does not start a second contact', async () => {
    const first = await client.send(command({ ClientToken: 'same-token' }));
    const second = await client.send(command({ ClientToken: 'same-token' }));
    expect(second.ContactId).toBe(first.ContactId);
  });

  describe('through the start-chat service', () => {
    const request = {
      method: 'POST',
      path: '/api/chats',
      headers: { origin: 'http://127.0.0.1:8080', 'content-type': 'application/json' },
      body: JSON.stringify({ instance: 'help_faq_bot', displayName: 'Zoe' }),
      sourceIp: '127.0.0.1',
    };
    const serviceFor = (instance = INSTANCE) =>
      createStartChatService({ instances: [instance], connectClient: client, participantEndpoint: emulator.url });
    const codeOf = (body: string) => (JSON.parse(body) as { error: { code: string } }).error.code;

    it('starts a contact in the emulator', async () => {
      const response = await serviceFor().handle(request);
      expect(response.status).toBe(200);
      const started = JSON.parse(response.body) as { contactId: string; participantEndpoint: string };
      expect(emulator.emulator.contacts.get(started.contactId)).toBeDefined();
      expect(started.participantEndpoint).toBe(emulator.url);
    });

    it.each([
      [{ startChat: { status: 500, count: 1 } }, 502, 'backend.unavailable'],
      [{ startChat: { status: 429, count: 5 } }, 503, 'backend.throttled'],
      [{ startChat: { status: 403, count: 1 } }, 502, 'backend.aws_access'],
    ])('maps the fault %j to %i %s', async (fault, status, code) => {
      emulator.emulator.faults.apply(fault);
      const response = await serviceFor().handle(request);
      emulator.emulator.faults.clear();
      expect(response.status).toBe(status);
      expect(codeOf(response.body)).toBe(code);
    });

    it('maps a flow the instance does not have to backend.flow', async () => {
      const misconfigured = { ...INSTANCE, connect: { ...INSTANCE.connect, contactFlowId: '00000000-0000-4000-8000-000000000000' } };
      const response = await serviceFor(misconfigured).handle(request);
      expect(response.status).toBe(502);
      expect(codeOf(response.body)).toBe('backend.flow');
    });
  });
});

describe('ThrottlingRetryStrategy', () => {
  const strategy = new ThrottlingRetryStrategy(3, 100, () => 0.5);

  it('retries throttling with growing delays, up to maxAttempts', async () => {
    const first = await strategy.acquireInitialRetryToken('');
    const second = await strategy.refreshRetryTokenForRetry(first, { errorType: 'THROTTLING' });
    const third = await strategy.refreshRetryTokenForRetry(second, { errorType: 'THROTTLING' });
    expect([second.getRetryDelay(), third.getRetryDelay()]).toEqual([75, 150]);
    await expect(strategy.refreshRetryTokenForRetry(third, { errorType: 'THROTTLING' })).rejects.toThrow();
  });

  it('honours a Retry-After hint', async () => {
    const token = await strategy.refreshRetryTokenForRetry(await strategy.acquireInitialRetryToken(''), {
      errorType: 'THROTTLING',
      retryAfterHint: new Date(Date.now() + 2000),
    });
    expect(token.getRetryDelay()).toBeGreaterThan(1500);
  });

  it('retries failures that got no HTTP answer, but not 5xx answers or client errors', async () => {
    const token = await strategy.acquireInitialRetryToken('');
    await expect(strategy.refreshRetryTokenForRetry(token, { errorType: 'TRANSIENT', error: {} })).resolves.toBeDefined();
    await expect(
      strategy.refreshRetryTokenForRetry(token, { errorType: 'TRANSIENT', error: { $metadata: { httpStatusCode: 503 } } }),
    ).rejects.toThrow();
    await expect(strategy.refreshRetryTokenForRetry(token, { errorType: 'CLIENT_ERROR' })).rejects.toThrow();
    await expect(strategy.refreshRetryTokenForRetry(token, { errorType: 'SERVER_ERROR' })).rejects.toThrow();
  });
});
