import type { StartChatContactCommand } from '@aws-sdk/client-connect';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { BackendLogEntry, BackendRequest, BackendResponse } from '../../../../src/server/backend/backend.types';
import { createLambdaHandler, type ApiGatewayProxyEventV2 } from '../../../../src/server/backend/lambda.handler';
import { consoleLog } from '../../../../src/server/backend/backend.types';
import { createStartChatService, type StartChatServiceOptions } from '../../../../src/server/backend/start-chat.service';
import type { InstanceDefinition } from '../../../../src/browser/config/instance-config.types';

/**
 * The backend's security promises (issue 9, item 4), each checked over many requests rather than one:
 * origin allowlist, body size limit, attribute allowlist per instance, nothing of AWS or of our stack in
 * any answer, and participant tokens in no log line.
 */

const SITE = 'https://www.example.com';
const SHOP = 'https://shop.example.com';
const INSTANCE_ID = '7c1f3b52-4d0e-4a8f-9a51-3f0c2a6d9e10';
const FLOW_ID = '2b9e6a41-8c3d-4f57-b0e2-6d4a1c8f5e73';
const SALES_FLOW_ID = '4f1d2c3b-5a69-4e7d-8c0b-9a8e7f6d5c4b';
const TOKEN = 'QVFJREFIaG-secret-participant-token-7Zx';
const ARN = `arn:aws:connect:ap-southeast-2:123456789012:instance/${INSTANCE_ID}/contact-flow/${FLOW_ID}`;

const HELP: InstanceDefinition = {
  public: { name: 'help_faq_bot', region: 'ap-southeast-2' },
  connect: { instanceId: INSTANCE_ID, contactFlowId: FLOW_ID, region: 'ap-southeast-2' },
  allowedOrigins: [SITE],
  allowedAttributes: ['topic', 'orderId'],
};
const SALES: InstanceDefinition = {
  public: { name: 'sales', region: 'ap-southeast-2' },
  connect: { instanceId: INSTANCE_ID, contactFlowId: SALES_FLOW_ID, region: 'ap-southeast-2' },
  allowedOrigins: [SHOP],
  allowedAttributes: ['orderId'],
};

/** What Amazon Connect may do when asked to start a chat, the unpleasant cases included. */
type Outcome = 'started' | 'throttled' | 'denied' | 'flow' | 'network' | 'no-contact-id' | 'crash';
const OUTCOMES: readonly Outcome[] = ['started', 'throttled', 'denied', 'flow', 'network', 'no-contact-id', 'crash'];

/** An AWS SDK error as the SDK builds it: AWS's message names the account, ARNs and ids; it has a stack. */
function awsError(name: string, status: number): Error {
  return Object.assign(new Error(`User: arn:aws:sts::123456789012:assumed-role/chat/x is not authorized on ${ARN} (${INSTANCE_ID})`), {
    name,
    $fault: 'client',
    $metadata: { httpStatusCode: status, requestId: 'req-1', attempts: 1 },
  });
}

function connectAnswering(outcome: Outcome) {
  return vi.fn(async (_command: StartChatContactCommand) => {
    switch (outcome) {
      case 'started':
        return { ContactId: 'c-1', ParticipantId: 'p-1', ParticipantToken: TOKEN, $metadata: {} };
      case 'no-contact-id':
        return { ParticipantId: 'p-1', ParticipantToken: TOKEN, $metadata: {} };
      case 'throttled':
        throw awsError('ThrottlingException', 429);
      case 'denied':
        throw awsError('AccessDeniedException', 403);
      case 'flow':
        throw awsError('ResourceNotFoundException', 404);
      case 'network':
        throw Object.assign(new Error(`connect ECONNREFUSED connect.ap-southeast-2.amazonaws.com ${INSTANCE_ID}`), { code: 'ECONNREFUSED' });
      case 'crash':
        throw new TypeError(`Cannot read properties of undefined (reading '${INSTANCE_ID}')`);
    }
  });
}

function setup(outcome: Outcome = 'started', overrides: Partial<StartChatServiceOptions> = {}) {
  const send = connectAnswering(outcome);
  const logs: BackendLogEntry[] = [];
  const service = createStartChatService({
    instances: [HELP, SALES],
    connectClient: { send } as never,
    log: (entry) => logs.push(entry),
    rateLimit: false,
    ...overrides,
  });
  return { service, send, logs };
}

function post(body: unknown, headers: Record<string, string | undefined> = {}, sourceIp = '203.0.113.7'): BackendRequest {
  return {
    method: 'POST',
    path: '/api/chats',
    headers: { origin: SITE, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    sourceIp,
  };
}

const codeOf = (response: BackendResponse) => (JSON.parse(response.body) as { error: { code: string } }).error.code;

/** Nothing in an answer may name the AWS side or show our code's insides. */
function expectNothingInternal(response: BackendResponse): void {
  const text = `${response.body}\n${JSON.stringify(response.headers)}`;
  for (const secret of [INSTANCE_ID, FLOW_ID, SALES_FLOW_ID, 'arn:aws', '123456789012', 'assumed-role', 'ECONNREFUSED', 'amazonaws.com/']) {
    expect(text).not.toContain(secret);
  }
  for (const internal of ['ThrottlingException', 'AccessDeniedException', 'ResourceNotFoundException', 'TypeError', 'Cannot read properties']) {
    expect(text).not.toContain(internal);
  }
  // A stack trace line: "    at fn (file.ts:1:2)".
  expect(text).not.toMatch(/\bat .+:\d+:\d+/);
  expect(text).not.toMatch(/\.ts\b|node_modules|\/work\//);
}

// ---------------------------------------------------------------------------------------------------------
// Arbitraries for hostile requests.

const anyText = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom('', ' ', '\u0000', '\ud800', '__proto__', 'constructor'));
const anyJson = fc.jsonValue({ maxDepth: 3 });
const anyOrigin = fc.oneof(
  fc.constantFrom(SITE, SHOP, 'https://evil.example', 'null', 'https://www.example.com.evil.example', 'http://www.example.com', `${SITE}/`, SITE.toUpperCase()),
  fc.webUrl().map((url) => new URL(url).origin),
  anyText,
);
const anyBody = fc.oneof(
  anyText,
  anyJson.map((value) => JSON.stringify(value)),
  fc.record(
    {
      instance: fc.oneof(fc.constantFrom('help_faq_bot', 'sales'), anyText, anyJson),
      displayName: fc.oneof(anyText, anyJson),
      attributes: fc.oneof(fc.dictionary(fc.oneof(fc.constantFrom('topic', 'orderId', 'role', '__proto__'), anyText), fc.oneof(anyText, anyJson), { maxKeys: 4 }), anyJson),
      contactFlowId: fc.constant(FLOW_ID),
    },
    { requiredKeys: [] },
  ).map((value) => JSON.stringify(value)),
);
const anyRequest: fc.Arbitrary<BackendRequest> = fc.record({
  method: fc.constantFrom('POST', 'GET', 'OPTIONS', 'PUT', 'DELETE', 'HEAD', 'PATCH'),
  path: fc.oneof(
    fc.constantFrom('/api/chats', '/api/instances/help_faq_bot', '/api/instances/sales', '/api/instances/%E0%A4%A', '/api/instances/', '/api/', '/api/chats/x'),
    fc.string({ maxLength: 30 }).map((tail) => `/api/${tail}`),
  ),
  headers: fc.record(
    {
      origin: anyOrigin,
      'content-type': fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'APPLICATION/JSON', ''),
      'x-forwarded-for': fc.ipV4(),
    },
    { requiredKeys: [] },
  ),
  body: anyBody,
  sourceIp: fc.oneof(fc.ipV4(), fc.ipV6(), fc.constant('')),
});

describe('backend security promises', () => {
  it('answers any request with a JSON error body or a success, and never names AWS ids, ARNs or stack frames', async () => {
    await fc.assert(
      fc.asyncProperty(anyRequest, fc.constantFrom(...OUTCOMES), async (request, outcome) => {
        const { service } = setup(outcome);
        const response = await service.handle(request);
        expectNothingInternal(response);
        if (response.status === 204) {
          expect(response.body).toBe('');
        } else {
          const body = JSON.parse(response.body) as Record<string, unknown>;
          if (response.status >= 400) {
            expect(body).toEqual({ error: { code: expect.stringMatching(/^[a-z_]+\.[a-z_]+$/), message: expect.any(String) } });
            expect(response.headers['cache-control']).toMatch(/no-store/);
          }
        }
      }),
      { numRuns: 600 },
    );
  });

  it.each(OUTCOMES)('keeps AWS ids out of the answer when Connect answers "%s"', async (outcome) => {
    const { service, send } = setup(outcome);
    const response = await service.handle(post({ instance: 'help_faq_bot', attributes: { topic: 'billing' } }));
    expect(send).toHaveBeenCalledTimes(1);
    expect(response.status).toBe(outcome === 'started' ? 200 : outcome === 'throttled' ? 503 : 502);
    expectNothingInternal(response);
  });

  it('refuses every origin an instance does not list, without CORS headers and without calling AWS', async () => {
    await fc.assert(
      fc.asyncProperty(anyOrigin.filter((origin) => origin !== SITE), async (origin) => {
        const { service, send } = setup();
        const response = await service.handle(post({ instance: 'help_faq_bot' }, { origin }));
        expect(response.status).toBe(403);
        expect(codeOf(response)).toBe('origin.not_allowed');
        expect(response.headers).not.toHaveProperty('access-control-allow-origin');
        expect(send).not.toHaveBeenCalled();
      }),
    );
  });

  it('refuses any body over 8 KiB, counted in bytes (not characters), before parsing it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('x', 'é', '語', '😀'), fc.integer({ min: 1, max: 4000 }), async (character, extra) => {
        const { service, send } = setup();
        const filler = character.repeat(Math.ceil((8192 + extra) / Buffer.byteLength(character)));
        const body = JSON.stringify({ instance: 'help_faq_bot', displayName: filler });
        const response = await service.handle(post(body));
        expect(response.status).toBe(400);
        expect(codeOf(response)).toBe('request.body_too_large');
        expect(send).not.toHaveBeenCalled();
      }),
      { numRuns: 40 },
    );
  });

  it("sends AWS only attributes the instance lists, and refuses any other name without revealing the list", async () => {
    const names = fc.oneof(fc.constantFrom('topic', 'orderId', 'role', '__proto__', 'constructor', 'Topic', 'topic '), fc.string({ minLength: 1, maxLength: 12 }));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom([HELP, SITE] as const, [SALES, SHOP] as const),
        fc.uniqueArray(names, { maxLength: 4 }),
        async ([instance, origin], attributeNames) => {
          const { service, send } = setup();
          const attributes = Object.fromEntries(attributeNames.map((name) => [name, 'v']));
          const response = await service.handle(post(JSON.stringify({ instance: instance.public.name, attributes }), { origin }));
          const allowed = instance.allowedAttributes ?? [];
          if (attributeNames.every((name) => allowed.includes(name))) {
            expect(response.status).toBe(200);
            const sent = send.mock.calls[0]?.[0].input.Attributes ?? {};
            expect(Object.keys(sent).sort()).toEqual([...attributeNames].sort());
          } else {
            expect(response.status).toBe(400);
            expect(codeOf(response)).toBe('request.attribute_not_allowed');
            // The allowlist is never public: with the names the request sent taken out, no allowed name is left.
            const rest = attributeNames.reduce((text, name) => text.split(JSON.stringify(name).slice(1, -1)).join(''), response.body);
            for (const name of allowed) expect(rest).not.toContain(name);
            expect(send).not.toHaveBeenCalled();
          }
        },
      ),
    );
  });

  it('sends the contact flow of the named instance, never one from the request', async () => {
    const { service, send } = setup();
    const response = await service.handle(post(JSON.stringify({ instance: 'sales' }), { origin: SHOP }));
    expect(response.status).toBe(200);
    expect(send.mock.calls[0]?.[0].input).toMatchObject({ InstanceId: INSTANCE_ID, ContactFlowId: SALES_FLOW_ID });
    const smuggled = await service.handle(post({ instance: 'help_faq_bot', contactFlowId: SALES_FLOW_ID, InstanceId: 'x' }));
    expect(smuggled.status).toBe(400);
    expect(send).toHaveBeenCalledTimes(1);
  });
});

describe('participant tokens are never logged', () => {
  const paths: Array<[string, Outcome, BackendRequest, Partial<StartChatServiceOptions>?]> = [
    ['a started chat', 'started', post({ instance: 'help_faq_bot', displayName: 'Zoe', attributes: { topic: 'billing' } })],
    ['an answer without a contact id', 'no-contact-id', post({ instance: 'help_faq_bot' })],
    ['a throttled start', 'throttled', post({ instance: 'help_faq_bot' })],
    ['a denied start', 'denied', post({ instance: 'help_faq_bot' })],
    ['a missing flow', 'flow', post({ instance: 'help_faq_bot' })],
    ['a network failure', 'network', post({ instance: 'help_faq_bot' })],
    ['a crash in the client', 'crash', post({ instance: 'help_faq_bot' })],
    ['a crash after the token arrived', 'started', post({ instance: 'help_faq_bot' }), { participantEndpoint: () => { throw new Error('endpoint lookup failed'); } }],
    ['a refused origin', 'started', post({ instance: 'help_faq_bot' }, { origin: 'https://evil.example' })],
    ['a bad body', 'started', post('{"instance":')],
    ['a rate-limited start', 'started', post({ instance: 'help_faq_bot' }), { rateLimit: { burst: 1 } }],
  ];

  it.each(paths)('logs %s without the token or the request body', async (_case, outcome, request, overrides) => {
    const { service, logs } = setup(outcome, overrides);
    const first = await service.handle(request);
    await service.handle(request); // a second time: the rate-limited case refuses this one
    expect(logs.length).toBeGreaterThan(0);
    const logged = JSON.stringify(logs);
    expect(logged).not.toContain(TOKEN);
    expect(logged).not.toContain('participantToken');
    expect(logged).not.toContain('ParticipantToken');
    expect(logged).not.toContain(request.body.slice(0, 40) || '\u0000');
    if (first.status === 200) expect(first.body).toContain(TOKEN); // it did pass through, to the browser only
  });

  it('writes nothing with the token to the console through the Lambda handler, on success or failure', async () => {
    const lines: string[] = [];
    const capture = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) => vi.spyOn(console, level).mockImplementation(capture));
    try {
      const event = (body: unknown): ApiGatewayProxyEventV2 => ({
        version: '2.0',
        rawPath: '/api/chats',
        headers: { origin: SITE, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        requestContext: { stage: '$default', http: { method: 'POST', sourceIp: '198.51.100.1' } },
      });
      for (const outcome of OUTCOMES) {
        const { service } = setup(outcome, { log: consoleLog, rateLimit: { burst: 2 } });
        const handler = createLambdaHandler(service);
        for (let i = 0; i < 3; i++) await handler(event({ instance: 'help_faq_bot', displayName: 'Zoe' }));
        await handler(event('not an object'));
      }
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    expect(lines.some((line) => line.includes('"chat.started"'))).toBe(true);
    expect(lines.some((line) => line.includes('"request.rate_limited"'))).toBe(true);
    expect(lines.join('\n')).not.toContain(TOKEN);
  });
});
