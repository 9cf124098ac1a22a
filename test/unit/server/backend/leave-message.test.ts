import type { StartTaskContactCommand } from '@aws-sdk/client-connect';
import { describe, expect, it, vi } from 'vitest';
import type { BackendLogEntry, BackendRequest } from '../../../../src/server/backend/backend.types';
import { createStartChatService, type StartChatServiceOptions } from '../../../../src/server/backend/start-chat.service';
import type { InstanceDefinition } from '../../../../src/browser/config/instance-config.types';
import { testInstance } from '../../../fixtures/instance';

const SITE = 'https://www.example.com';
const TASK_FLOW = '5d2a8f16-3b7c-4e91-a6d0-9c4e2f7b1a38';

const HOURS: InstanceDefinition = testInstance({
  public: { name: 'support_hours', region: 'ap-southeast-2', offHours: { leaveMessage: true } },
  connect: { ...testInstance().connect, taskFlowId: TASK_FLOW },
  allowedOrigins: [SITE],
});
/** Takes chats, not messages. */
const CHAT_ONLY: InstanceDefinition = testInstance({ allowedOrigins: [SITE] });

const VALID = { instance: 'support_hours', name: 'Dana Demo', email: 'dana@example.com', message: 'Please call me about my order.' };

function setup(overrides: Partial<StartChatServiceOptions> = {}) {
  const send = vi.fn(async (_command: StartTaskContactCommand) => ({ ContactId: 'task-1', $metadata: {} }));
  const logs: BackendLogEntry[] = [];
  const service = createStartChatService({ instances: [HOURS, CHAT_ONLY], connectClient: { send } as never, log: (entry) => logs.push(entry), ...overrides });
  return { service, send, logs };
}

function post(body: unknown, headers: Record<string, string | undefined> = {}): BackendRequest {
  return {
    method: 'POST',
    path: '/api/messages',
    headers: { origin: SITE, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    sourceIp: '203.0.113.9',
  };
}

const errorOf = (response: { body: string }) => (JSON.parse(response.body) as { error: { code: string; message: string } }).error;

function awsError(name: string, httpStatusCode: number) {
  return Object.assign(new Error('User: arn:aws:sts::123456789012:assumed-role/x is not authorized'), { name, $metadata: { httpStatusCode, attempts: 1 } });
}

describe('POST /api/messages', () => {
  it('files the message as a task with the instance task flow and answers its contact id', async () => {
    const { service, send, logs } = setup();
    const response = await service.handle(post({ ...VALID, phone: '+61 2 5550 1234' }));
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ contactId: 'task-1' });
    expect(response.headers['access-control-allow-origin']).toBe(SITE);
    expect(response.headers['cache-control']).toBe('no-store');
    const input = send.mock.calls[0]?.[0].input;
    expect(input).toMatchObject({
      InstanceId: HOURS.connect.instanceId,
      ContactFlowId: TASK_FLOW,
      Name: 'Web message from Dana Demo',
      Attributes: { customerName: 'Dana Demo', email: 'dana@example.com', phone: '+61 2 5550 1234' },
    });
    expect(input?.Description).toBe('Please call me about my order.\n\nDana Demo\nEmail: dana@example.com\nPhone: +61 2 5550 1234');
    expect(input?.ClientToken).toMatch(/^[0-9a-f-]{36}$/);
    expect(logs).toContainEqual(expect.objectContaining({ event: 'message.filed', contactId: 'task-1' }));
  });

  it('sends every attribute as a string, empty for a contact field not given', async () => {
    const { service, send } = setup();
    const { email: _email, ...withoutEmail } = VALID;
    await service.handle(post({ ...withoutEmail, phone: '0255501234' }));
    expect(send.mock.calls[0]?.[0].input.Attributes).toEqual({ customerName: 'Dana Demo', email: '', phone: '0255501234' });
  });

  it('keeps Name and Description within StartTaskContact limits', async () => {
    const { service, send } = setup();
    await service.handle(post({ ...VALID, name: 'N'.repeat(128), message: 'm'.repeat(1000) }));
    const input = send.mock.calls[0]?.[0].input;
    expect(input?.Name?.length).toBeLessThanOrEqual(512);
    expect(input?.Description?.length).toBeLessThanOrEqual(4096);
  });

  it.each([
    [{ ...VALID, name: '  ' }, 'message.name_missing'],
    [{ instance: 'support_hours', name: 'Dana', message: 'Hi' }, 'message.contact_missing'],
    [{ ...VALID, email: 'dana-at-example' }, 'message.email_invalid'],
    [{ ...VALID, email: undefined, phone: 'call me' }, 'message.phone_invalid'],
    [{ ...VALID, message: '' }, 'message.message_missing'],
    [{ ...VALID, message: 'x'.repeat(1001) }, 'message.message_too_long'],
    [{ ...VALID, name: 'Dana\u0007' }, 'message.name_invalid'],
    [{ ...VALID, extra: 1 }, 'request.unknown_field'],
    [{ ...VALID, instance: '' }, 'request.instance_missing'],
    ['{not json', 'request.invalid_json'],
    ['[1]', 'request.invalid_body'],
  ])('refuses %j with 400 %s and files nothing', async (body, code) => {
    const { service, send } = setup();
    const response = await service.handle(post(body));
    expect(response.status).toBe(400);
    expect(errorOf(response).code).toBe(code);
    expect(send).not.toHaveBeenCalled();
  });

  it('keeps a message over several lines', async () => {
    const { service, send } = setup();
    await service.handle(post({ ...VALID, message: 'Line one\r\nLine two' }));
    expect(send.mock.calls[0]?.[0].input.Description).toMatch(/^Line one\r\nLine two\n/);
  });

  it('refuses a body over the size limit, and one not sent as JSON', async () => {
    const { service, send } = setup({ limits: { maxBodyBytes: 200 } });
    const large = await service.handle(post({ ...VALID, message: 'x'.repeat(300) }));
    expect([large.status, errorOf(large).code]).toEqual([400, 'request.body_too_large']);
    const text = await service.handle(post(VALID, { 'content-type': 'text/plain' }));
    expect([text.status, errorOf(text).code]).toEqual([415, 'request.unsupported_media_type']);
    expect(send).not.toHaveBeenCalled();
  });

  it('refuses an origin the instance does not list, with 403 and no CORS headers', async () => {
    const { service, send } = setup();
    const response = await service.handle(post(VALID, { origin: 'https://evil.example' }));
    expect([response.status, errorOf(response).code]).toEqual([403, 'origin.not_allowed']);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(send).not.toHaveBeenCalled();
  });

  it('answers 404 for an unknown instance and message.not_enabled for an instance that takes no messages', async () => {
    const { service, send } = setup();
    expect(errorOf(await service.handle(post({ ...VALID, instance: 'nope' }))).code).toBe('instance.not_found');
    const off = await service.handle(post({ ...VALID, instance: 'help_faq_bot' }));
    expect([off.status, errorOf(off).code]).toEqual([404, 'message.not_enabled']);
    expect(send).not.toHaveBeenCalled();
  });

  it('answers a preflight and refuses other methods', async () => {
    const { service } = setup();
    const preflight = await service.handle({ ...post(''), method: 'OPTIONS', headers: { origin: SITE, 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(204);
    const get = await service.handle({ ...post(''), method: 'GET' });
    expect([get.status, get.headers.allow]).toEqual([405, 'POST, OPTIONS']);
  });

  it('shares the per-address rate limit with starting chats', async () => {
    const { service, send } = setup({ rateLimit: { burst: 2, perMinute: 1 }, now: () => 0 });
    expect((await service.handle(post(VALID))).status).toBe(200);
    expect((await service.handle(post(VALID))).status).toBe(200);
    const limited = await service.handle(post(VALID));
    expect([limited.status, errorOf(limited).code]).toEqual([429, 'request.rate_limited']);
    expect(limited.headers['retry-after']).toBeDefined();
    expect(send).toHaveBeenCalledTimes(2);
  });
});

describe('POST /api/messages: AWS errors', () => {
  it.each([
    ['AccessDeniedException', 403, 502, 'backend.aws_access'],
    ['ResourceNotFoundException', 404, 502, 'backend.flow'],
    ['ThrottlingException', 429, 503, 'backend.throttled'],
    ['ServiceQuotaExceededException', 402, 503, 'backend.capacity'],
    ['InternalServiceException', 500, 502, 'backend.unavailable'],
  ])('maps %s like StartChatContact, naming nothing of AWS', async (name, awsStatus, status, code) => {
    const { service, send, logs } = setup();
    send.mockRejectedValueOnce(awsError(name, awsStatus));
    const response = await service.handle(post(VALID));
    expect([response.status, errorOf(response).code]).toEqual([status, code]);
    expect(response.body).not.toContain('arn:aws');
    expect(logs).toContainEqual(expect.objectContaining({ event: 'message.failed', code }));
  });

  it('refuses an answer without a contact id', async () => {
    const { service, send } = setup();
    send.mockResolvedValueOnce({ $metadata: {} } as never);
    const response = await service.handle(post(VALID));
    expect([response.status, errorOf(response).code]).toEqual([502, 'backend.bad_response']);
  });
});
