import type { StartChatContactCommand } from '@aws-sdk/client-connect';
import { describe, expect, it, vi } from 'vitest';
import type { BackendLogEntry, BackendRequest } from '../../../../src/server/backend/backend.types';
import { createStartChatService, type StartChatServiceOptions } from '../../../../src/server/backend/start-chat.service';
import type { InstanceDefinition } from '../../../../src/browser/config/instance-config.types';
import { testInstance } from '../../../fixtures/instance';

const SITE = 'https://www.example.com';

const INSTANCE: InstanceDefinition = testInstance({
  public: { name: 'help_faq_bot', region: 'ap-southeast-2', queueMarker: '[queued]' },
  allowedOrigins: [SITE],
  allowedAttributes: ['topic', 'orderId'],
});
const OTHER: InstanceDefinition = {
  ...INSTANCE,
  public: { name: 'sales', region: 'us-east-1' },
  connect: { ...INSTANCE.connect, region: 'us-east-1' },
  allowedOrigins: ['https://shop.example.com'],
  allowedAttributes: [],
};

const STARTED = { ContactId: 'c-1', ParticipantId: 'p-1', ParticipantToken: 'secret-participant-token', $metadata: {} };

function setup(overrides: Partial<StartChatServiceOptions> = {}) {
  const send = vi.fn(async (_command: StartChatContactCommand) => STARTED);
  const logs: BackendLogEntry[] = [];
  const service = createStartChatService({
    instances: [INSTANCE, OTHER],
    connectClient: { send } as never,
    log: (entry) => logs.push(entry),
    ...overrides,
  });
  return { service, send, logs };
}

function post(body: unknown, headers: Record<string, string | undefined> = {}): BackendRequest {
  return {
    method: 'POST',
    path: '/api/chats',
    headers: { origin: SITE, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    sourceIp: '203.0.113.7',
  };
}

function errorOf(response: { body: string }): { code: string; message: string } {
  return (JSON.parse(response.body) as { error: { code: string; message: string } }).error;
}

function awsError(name: string, httpStatusCode: number, message = 'User: arn:aws:sts::123456789012:assumed-role/x is not authorized') {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode, requestId: 'req-1', attempts: 1 } });
}

describe('POST /api/chats', () => {
  it('starts a contact with the instance ids and answers what chatjs needs', async () => {
    const { service, send } = setup();
    const response = await service.handle(post({ instance: 'help_faq_bot', displayName: 'Zoe', attributes: { topic: 'billing' } }));
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({
      contactId: 'c-1',
      participantId: 'p-1',
      participantToken: 'secret-participant-token',
      participantEndpoint: 'https://participant.connect.ap-southeast-2.amazonaws.com',
      region: 'ap-southeast-2',
    });
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['access-control-allow-origin']).toBe(SITE);
    const input = send.mock.calls[0]?.[0].input;
    expect(input).toMatchObject({
      InstanceId: INSTANCE.connect.instanceId,
      ContactFlowId: INSTANCE.connect.contactFlowId,
      ParticipantDetails: { DisplayName: 'Zoe' },
      Attributes: { topic: 'billing' },
    });
  });

  it('tells Amazon Connect the panel takes markdown, interactive messages and their responses besides plain text', async () => {
    const { service, send } = setup();
    await service.handle(post({ instance: 'help_faq_bot', displayName: 'Zoe' }));
    expect(send.mock.calls[0]?.[0].input.SupportedMessagingContentTypes).toEqual([
      'text/plain',
      'text/markdown',
      'application/vnd.amazonaws.connect.message.interactive',
      'application/vnd.amazonaws.connect.message.interactive.response',
    ]);
  });

  it('uses the configured participant endpoint and the client for the instance region', async () => {
    const clients = new Map<string, { send: ReturnType<typeof vi.fn> }>();
    const factory = (region: string) => {
      const client = { send: vi.fn(async () => STARTED) };
      clients.set(region, client);
      return client as never;
    };
    const { service } = setup({ connectClient: undefined, connectClientFactory: factory, participantEndpoint: (region) => `http://127.0.0.1:9/${region}` });
    const response = await service.handle(post({ instance: 'sales' }, { origin: 'https://shop.example.com' }));
    expect(JSON.parse(response.body)).toMatchObject({ participantEndpoint: 'http://127.0.0.1:9/us-east-1', region: 'us-east-1' });
    expect([...clients.keys()]).toEqual(['us-east-1']);
  });

  it.each([
    ['no display name', {}],
    ['a blank display name', { displayName: '   ' }],
    ['a null display name', { displayName: null }],
  ])('names the customer "Customer" given %s', async (_case, extra) => {
    const { service, send } = setup();
    await service.handle(post({ instance: 'help_faq_bot', ...extra }));
    expect(send.mock.calls[0]?.[0].input.ParticipantDetails?.DisplayName).toBe('Customer');
  });

  it('passes the instance\'s chatDurationInMinutes as ChatDurationInMinutes, and none when it sets none', async () => {
    const long: InstanceDefinition = { ...INSTANCE, connect: { ...INSTANCE.connect, chatDurationInMinutes: 4320 } };
    const { service, send } = setup({ instances: [long, OTHER] });
    await service.handle(post({ instance: 'help_faq_bot' }));
    expect(send.mock.calls[0]?.[0].input.ChatDurationInMinutes).toBe(4320);
    const plain = setup();
    await plain.service.handle(post({ instance: 'help_faq_bot' }));
    expect(plain.send.mock.calls[0]?.[0].input).not.toHaveProperty('ChatDurationInMinutes');
  });

  it('sends no Attributes when the browser gave none', async () => {
    const { service, send } = setup();
    await service.handle(post({ instance: 'help_faq_bot' }));
    expect(send.mock.calls[0]?.[0].input).not.toHaveProperty('Attributes');
  });

  it.each([
    ['malformed JSON', '{"instance": ', 400, 'request.invalid_json'],
    ['a JSON array', '[]', 400, 'request.invalid_body'],
    ['a JSON string', '"help_faq_bot"', 400, 'request.invalid_body'],
    ['an empty body', '', 400, 'request.invalid_json'],
    ['an oversized body', JSON.stringify({ instance: 'help_faq_bot', displayName: 'x'.repeat(9000) }), 400, 'request.body_too_large'],
    ['no instance', { displayName: 'Zoe' }, 400, 'request.instance_missing'],
    ['a numeric instance', { instance: 7 }, 400, 'request.instance_missing'],
    ['an unknown field', { instance: 'help_faq_bot', contactFlowId: 'x' }, 400, 'request.unknown_field'],
    ['an unknown instance', { instance: 'nope' }, 404, 'instance.not_found'],
    ['a non-string attribute', { instance: 'help_faq_bot', attributes: { topic: 42 } }, 400, 'request.attribute_not_string'],
    ['a nested attribute', { instance: 'help_faq_bot', attributes: { topic: { a: 'b' } } }, 400, 'request.attribute_not_string'],
    ['attributes as a list', { instance: 'help_faq_bot', attributes: ['topic'] }, 400, 'request.attributes_invalid'],
    ['an attribute the instance does not allow', { instance: 'help_faq_bot', attributes: { role: 'admin' } }, 400, 'request.attribute_not_allowed'],
    ['a "__proto__" attribute', '{"instance":"help_faq_bot","attributes":{"__proto__":"x"}}', 400, 'request.attribute_not_allowed'],
    ['too many attributes', { instance: 'help_faq_bot', attributes: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`a${i}`, 'x'])) }, 400, 'request.too_many_attributes'],
    ['a too long attribute', { instance: 'help_faq_bot', attributes: { topic: 'x'.repeat(1025) } }, 400, 'request.attribute_too_long'],
    ['a too long display name', { instance: 'help_faq_bot', displayName: 'x'.repeat(129) }, 400, 'request.display_name_too_long'],
    ['a display name with control characters', { instance: 'help_faq_bot', displayName: 'Zoe\u0000' }, 400, 'request.display_name_invalid'],
    ['a numeric display name', { instance: 'help_faq_bot', displayName: 5 }, 400, 'request.display_name_invalid'],
  ])('refuses %s with a named error and never calls AWS', async (_case, body, status, code) => {
    const { service, send } = setup();
    const response = await service.handle(post(body));
    expect(response.status).toBe(status);
    expect(errorOf(response).code).toBe(code);
    expect(errorOf(response).message).not.toBe('');
    expect(send).not.toHaveBeenCalled();
  });

  it('refuses a body that is not JSON by content type', async () => {
    const { service, send } = setup();
    const response = await service.handle(post({ instance: 'help_faq_bot' }, { 'content-type': 'text/plain' }));
    expect(response.status).toBe(415);
    expect(errorOf(response).code).toBe('request.unsupported_media_type');
    expect(send).not.toHaveBeenCalled();
  });

  it('refuses other methods with 405 and an Allow header', async () => {
    const { service } = setup();
    const response = await service.handle({ ...post({}), method: 'GET' });
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('POST, OPTIONS');
    expect(errorOf(response).code).toBe('request.method_not_allowed');
  });
});

describe('origin allowlist and CORS', () => {
  it('refuses an origin the instance does not list, with 403 and no CORS headers', async () => {
    const { service, send } = setup();
    const response = await service.handle(post({ instance: 'help_faq_bot' }, { origin: 'https://evil.example' }));
    expect(response.status).toBe(403);
    expect(errorOf(response).code).toBe('origin.not_allowed');
    expect(response.headers).not.toHaveProperty('access-control-allow-origin');
    expect(send).not.toHaveBeenCalled();
  });

  it("refuses another instance's origin", async () => {
    const { service } = setup();
    const response = await service.handle(post({ instance: 'help_faq_bot' }, { origin: 'https://shop.example.com' }));
    expect(response.status).toBe(403);
    expect(response.headers).not.toHaveProperty('access-control-allow-origin');
  });

  it('refuses a start without an Origin header', async () => {
    const { service } = setup();
    const response = await service.handle(post({ instance: 'help_faq_bot' }, { origin: undefined }));
    expect(response.status).toBe(403);
    expect(errorOf(response).code).toBe('origin.not_allowed');
  });

  it('accepts the extra origins (the local server) for every instance', async () => {
    const { service } = setup({ extraOrigins: () => ['http://127.0.0.1:3000'] });
    const response = await service.handle(post({ instance: 'help_faq_bot' }, { origin: 'http://127.0.0.1:3000' }));
    expect(response.status).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe('http://127.0.0.1:3000');
  });

  it('answers a preflight from an allowed origin', async () => {
    const { service } = setup();
    const response = await service.handle({
      method: 'OPTIONS',
      path: '/api/chats',
      headers: { origin: SITE, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      body: '',
      sourceIp: '203.0.113.7',
    });
    expect(response.status).toBe(204);
    expect(response.headers).toMatchObject({
      'access-control-allow-origin': SITE,
      'access-control-allow-methods': 'POST, OPTIONS',
      'access-control-allow-headers': 'content-type',
      vary: 'Origin',
    });
    expect(response.headers).not.toHaveProperty('access-control-allow-credentials');
  });

  it('refuses a preflight from an origin no instance lists', async () => {
    const { service } = setup();
    const response = await service.handle({ method: 'OPTIONS', path: '/api/chats', headers: { origin: 'https://evil.example' }, body: '', sourceIp: '' });
    expect(response.status).toBe(403);
    expect(response.headers).not.toHaveProperty('access-control-allow-origin');
  });

  it('puts CORS headers on errors for allowed origins, so the page can read them', async () => {
    const { service } = setup();
    const response = await service.handle(post('{oops'));
    expect(response.status).toBe(400);
    expect(response.headers['access-control-allow-origin']).toBe(SITE);
  });
});

describe('GET /api/instances/:name', () => {
  const get = (name: string, headers: Record<string, string> = {}): BackendRequest => ({
    method: 'GET',
    path: `/api/instances/${name}`,
    headers,
    body: '',
    sourceIp: '',
  });

  it('serves the public config only, never the AWS ids or allowlists', async () => {
    const { service } = setup();
    const response = await service.handle(get('help_faq_bot', { origin: SITE }));
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual(INSTANCE.public);
    expect(response.body).not.toContain(INSTANCE.connect.instanceId);
    expect(response.body).not.toContain('allowedOrigins');
    expect(response.headers['access-control-allow-origin']).toBe(SITE);
  });

  it('serves same-origin requests that carry no Origin header', async () => {
    const { service } = setup();
    expect((await service.handle(get('help_faq_bot'))).status).toBe(200);
  });

  it('answers 404 instance.not_found for an unknown name', async () => {
    const { service } = setup();
    const response = await service.handle(get('nope', { origin: SITE }));
    expect(response.status).toBe(404);
    expect(errorOf(response).code).toBe('instance.not_found');
  });

  it('refuses an origin the instance does not list', async () => {
    const { service } = setup();
    const response = await service.handle(get('help_faq_bot', { origin: 'https://evil.example' }));
    expect(response.status).toBe(403);
    expect(errorOf(response).code).toBe('origin.not_allowed');
  });

  it('answers unknown /api routes with 404 JSON', async () => {
    const { service } = setup();
    const response = await service.handle({ ...get('x'), path: '/api/nothing' });
    expect(response.status).toBe(404);
    expect(errorOf(response).code).toBe('route.not_found');
  });
});

describe('AWS errors', () => {
  it.each([
    ['ThrottlingException', 429, 503, 'backend.throttled'],
    ['TooManyRequestsException', 429, 503, 'backend.throttled'],
    ['LimitExceededException', 429, 503, 'backend.capacity'],
    ['AccessDeniedException', 403, 502, 'backend.aws_access'],
    ['UnrecognizedClientException', 403, 502, 'backend.aws_access'],
    ['ResourceNotFoundException', 404, 502, 'backend.flow'],
    ['InvalidRequestException', 400, 502, 'backend.flow'],
    ['InvalidParameterException', 400, 502, 'backend.flow'],
    ['InternalServiceException', 500, 502, 'backend.unavailable'],
  ])('maps %s to %i %s without leaking its text', async (name, awsStatus, status, code) => {
    const { service, logs } = setup({ connectClient: { send: vi.fn(async () => Promise.reject(awsError(name, awsStatus))) } as never });
    const response = await service.handle(post({ instance: 'help_faq_bot' }));
    expect(response.status).toBe(status);
    expect(errorOf(response).code).toBe(code);
    expect(response.body).not.toContain('arn:aws');
    expect(response.body).not.toContain(name);
    expect(logs.find((entry) => entry.event === 'chat.start_failed')).toMatchObject({ code, aws: { name, requestId: 'req-1' } });
  });

  it('asks the browser to wait before retrying when throttled', async () => {
    const { service } = setup({ connectClient: { send: vi.fn(async () => Promise.reject(awsError('ThrottlingException', 429))) } as never });
    const response = await service.handle(post({ instance: 'help_faq_bot' }));
    expect(response.headers['retry-after']).toBe('5');
  });

  it('maps a network failure to backend.unavailable', async () => {
    const failure = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    const { service } = setup({ connectClient: { send: vi.fn(async () => Promise.reject(failure)) } as never });
    const response = await service.handle(post({ instance: 'help_faq_bot' }));
    expect(response.status).toBe(502);
    expect(errorOf(response).code).toBe('backend.unavailable');
    expect(response.body).not.toContain('ECONNREFUSED');
  });

  it('refuses an answer without chat details', async () => {
    const { service } = setup({ connectClient: { send: vi.fn(async () => ({ $metadata: {} })) } as never });
    const response = await service.handle(post({ instance: 'help_faq_bot' }));
    expect(response.status).toBe(502);
    expect(errorOf(response).code).toBe('backend.bad_response');
  });
});

describe('logging', () => {
  it('logs starts and refusals without participant tokens', async () => {
    const { service, logs } = setup();
    await service.handle(post({ instance: 'help_faq_bot', displayName: 'Zoe' }));
    await service.handle(post('{bad'));
    expect(logs.map((entry) => entry.event)).toEqual(['chat.started', 'request.refused']);
    expect(logs[0]).toMatchObject({ instance: 'help_faq_bot', contactId: 'c-1', sourceIp: '203.0.113.7' });
    expect(JSON.stringify(logs)).not.toContain('secret-participant-token');
  });
});

describe('rate limit on starting chats', () => {
  const from = (sourceIp: string, body: unknown = { instance: 'help_faq_bot' }) => ({ ...post(body), sourceIp });

  it('answers 429 request.rate_limited with Retry-After after 5 quick starts from one address, without calling AWS', async () => {
    const { service, send } = setup({ now: () => 0 });
    for (let i = 0; i < 5; i++) expect((await service.handle(from('203.0.113.7'))).status).toBe(200);
    const response = await service.handle(from('203.0.113.7'));
    expect(response.status).toBe(429);
    expect(response.headers['retry-after']).toBe('6');
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['access-control-allow-origin']).toBe(SITE);
    expect(response.headers['access-control-expose-headers']).toBe('retry-after');
    expect(JSON.parse(response.body)).toEqual({ error: { code: 'request.rate_limited', message: expect.stringContaining('6 seconds') } });
    expect(send).toHaveBeenCalledTimes(5);
  });

  it('counts invalid attempts too, but neither preflights nor config reads', async () => {
    const { service } = setup({ now: () => 0, rateLimit: { burst: 2 } });
    const preflight = { method: 'OPTIONS', path: '/api/chats', headers: { origin: SITE }, body: '', sourceIp: '203.0.113.7' };
    const config = { method: 'GET', path: '/api/instances/help_faq_bot', headers: { origin: SITE }, body: '', sourceIp: '203.0.113.7' };
    for (let i = 0; i < 10; i++) {
      expect((await service.handle(preflight)).status).toBe(204);
      expect((await service.handle(config)).status).toBe(200);
    }
    expect((await service.handle(from('203.0.113.7', '{bad'))).status).toBe(400);
    expect((await service.handle(from('203.0.113.7'))).status).toBe(200);
    expect((await service.handle(from('203.0.113.7'))).status).toBe(429);
  });

  it('limits each address on its own and lets it start again once it has waited', async () => {
    const clock = { now: 0 };
    const { service } = setup({ now: () => clock.now, rateLimit: { burst: 1, perMinute: 2 } });
    expect((await service.handle(from('203.0.113.7'))).status).toBe(200);
    const refused = await service.handle(from('203.0.113.7'));
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('30');
    expect((await service.handle(from('198.51.100.1'))).status).toBe(200);
    clock.now += 30_000;
    expect((await service.handle(from('203.0.113.7'))).status).toBe(200);
  });

  it('logs the first refusal of a streak once, as a warning', async () => {
    const { service, logs } = setup({ now: () => 0, rateLimit: { burst: 1 } });
    for (let i = 0; i < 20; i++) await service.handle(from('203.0.113.7'));
    const limited = logs.filter((entry) => entry.event === 'request.rate_limited');
    expect(limited).toEqual([
      { level: 'warn', event: 'request.rate_limited', path: '/api/chats', sourceIp: '203.0.113.7', retryAfterSeconds: 6 },
    ]);
    expect(logs.filter((entry) => entry.event === 'request.refused')).toEqual([]);
  });

  it('can be turned off, or raised, through the rateLimit option', async () => {
    const off = setup({ rateLimit: false });
    const raised = setup({ rateLimit: { burst: 50 } });
    for (let i = 0; i < 50; i++) {
      expect((await off.service.handle(from('203.0.113.7'))).status).toBe(200);
      expect((await raised.service.handle(from('203.0.113.7'))).status).toBe(200);
    }
    expect((await raised.service.handle(from('203.0.113.7'))).status).toBe(429);
  });

  it('exempts the addresses it is told to', async () => {
    const { service } = setup({ rateLimit: { burst: 1, exempt: ['127.0.0.1'] } });
    for (let i = 0; i < 10; i++) expect((await service.handle(from('::ffff:127.0.0.1'))).status).toBe(200);
  });
});
