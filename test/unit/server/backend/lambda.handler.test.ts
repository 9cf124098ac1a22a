import { describe, expect, it, vi } from 'vitest';
import {
  createLambdaHandler,
  fromApiGatewayEvent,
  type ApiGatewayProxyEventV1,
  type ApiGatewayProxyEventV2,
} from '../../../../src/server/backend/lambda.handler';
import { createStartChatService } from '../../../../src/server/backend/start-chat.service';
import type { InstanceDefinition } from '../../../../src/browser/config/instance-config.types';
import { testInstance } from '../../../fixtures/instance';

const INSTANCE: InstanceDefinition = testInstance({ allowedAttributes: ['topic'] });

/** An API Gateway REST API proxy event (payload 1.0) as API Gateway sends it for `ANY /{proxy+}`. */
function restEvent(overrides: Partial<ApiGatewayProxyEventV1> & Record<string, unknown> = {}): ApiGatewayProxyEventV1 {
  return {
    resource: '/{proxy+}',
    path: '/api/chats',
    httpMethod: 'POST',
    headers: {
      Accept: '*/*',
      'Content-Type': 'application/json',
      Host: 'abc123.execute-api.ap-southeast-2.amazonaws.com',
      Origin: 'https://www.example.com',
      'User-Agent': 'Mozilla/5.0',
      'X-Forwarded-For': '203.0.113.7',
      'X-Forwarded-Port': '443',
      'X-Forwarded-Proto': 'https',
    },
    multiValueHeaders: {
      Accept: ['*/*'],
      'Content-Type': ['application/json'],
      Origin: ['https://www.example.com'],
    },
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: { proxy: 'api/chats' },
    stageVariables: null,
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.ap-southeast-2.amazonaws.com',
      httpMethod: 'POST',
      identity: { sourceIp: '203.0.113.7', userAgent: 'Mozilla/5.0', accessKey: null, caller: null, user: null },
      path: '/prod/api/chats',
      protocol: 'HTTP/1.1',
      requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
      requestTimeEpoch: 1700000000000,
      resourceId: 'roq9wj',
      resourcePath: '/{proxy+}',
      stage: 'prod',
    },
    body: JSON.stringify({ instance: 'help_faq_bot', displayName: 'Zoe', attributes: { topic: 'billing' } }),
    isBase64Encoded: false,
    ...overrides,
  } as ApiGatewayProxyEventV1;
}

/** An API Gateway HTTP API event (payload 2.0). */
function httpApiEvent(overrides: Partial<ApiGatewayProxyEventV2> = {}): ApiGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: 'ANY /api/{proxy+}',
    rawPath: '/api/chats',
    rawQueryString: '',
    headers: { 'content-type': 'application/json', origin: 'https://www.example.com', 'x-forwarded-for': '198.51.100.1' },
    requestContext: {
      accountId: '123456789012',
      apiId: 'api-id',
      domainName: 'id.execute-api.ap-southeast-2.amazonaws.com',
      http: { method: 'POST', path: '/api/chats', protocol: 'HTTP/1.1', sourceIp: '198.51.100.1', userAgent: 'agent' },
      requestId: 'id',
      routeKey: 'ANY /api/{proxy+}',
      stage: '$default',
      time: '12/Mar/2020:19:03:58 +0000',
      timeEpoch: 1583348638390,
    },
    body: JSON.stringify({ instance: 'help_faq_bot' }),
    isBase64Encoded: false,
    ...overrides,
  } as ApiGatewayProxyEventV2;
}

function setup() {
  const send = vi.fn(async () => ({ ContactId: 'c-1', ParticipantId: 'p-1', ParticipantToken: 't-1', $metadata: {} }));
  const service = createStartChatService({ instances: [INSTANCE], connectClient: { send } as never });
  return { handler: createLambdaHandler(service), send };
}

describe('the Lambda adapter', () => {
  it('turns a REST API proxy event into the core request', () => {
    expect(fromApiGatewayEvent(restEvent())).toEqual({
      method: 'POST',
      path: '/api/chats',
      headers: expect.objectContaining({ origin: 'https://www.example.com', 'content-type': 'application/json' }),
      body: expect.stringContaining('help_faq_bot'),
      sourceIp: '203.0.113.7',
    });
  });

  it('starts a chat from a REST API proxy event and answers a proxy result', async () => {
    const { handler, send } = setup();
    const result = await handler(restEvent());
    expect(result.statusCode).toBe(200);
    expect(result.isBase64Encoded).toBe(false);
    expect(result.headers['access-control-allow-origin']).toBe('https://www.example.com');
    expect(JSON.parse(result.body)).toMatchObject({ contactId: 'c-1', participantToken: 't-1', region: 'ap-southeast-2' });
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('decodes a base64 body', async () => {
    const { handler } = setup();
    const body = Buffer.from(JSON.stringify({ instance: 'help_faq_bot' })).toString('base64');
    expect((await handler(restEvent({ body, isBase64Encoded: true }))).statusCode).toBe(200);
  });

  it('answers a preflight event', async () => {
    const { handler } = setup();
    const result = await handler(
      restEvent({ httpMethod: 'OPTIONS', body: null, headers: { Origin: 'https://www.example.com', 'Access-Control-Request-Method': 'POST' } }),
    );
    expect(result.statusCode).toBe(204);
    expect(result.headers['access-control-allow-methods']).toBe('POST, OPTIONS');
  });

  it('serves the public config from a GET event with no body and null headers', async () => {
    const { handler } = setup();
    const result = await handler(restEvent({ httpMethod: 'GET', path: '/api/instances/help_faq_bot', body: null, headers: null }));
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body)).toEqual(INSTANCE.public);
  });

  it('refuses a malformed body from an event with 400 JSON', async () => {
    const { handler, send } = setup();
    const result = await handler(restEvent({ body: '{"instance":' }));
    expect(result.statusCode).toBe(400);
    expect(JSON.parse(result.body)).toEqual({ error: { code: 'request.invalid_json', message: expect.any(String) } });
    expect(send).not.toHaveBeenCalled();
  });

  const ORIGIN = 'https://www.example.com';
  it.each([
    ['null', null],
    ['a string', 'POST /api/chats'],
    ['an empty object', {}],
    ['an HTTP API event without requestContext', { version: '2.0', rawPath: '/api/chats', headers: { origin: ORIGIN }, body: '{}' }],
    ['an HTTP API event without a method', { ...httpApiEvent(), requestContext: { http: {} } }],
    ['a REST event without a path', { ...restEvent(), path: undefined }],
    ['a REST event without httpMethod', { ...restEvent(), httpMethod: 7 }],
    ['a REST event whose body is an object', { ...restEvent(), body: { instance: 'help_faq_bot' } }],
    ['a REST event whose headers are a string', { ...restEvent(), headers: 'Origin: x' }],
  ])('answers %s with 400 request.malformed_event, not a crash, and never calls AWS', async (_case, event) => {
    const { handler, send } = setup();
    const result = await handler(event as never);
    expect(result.statusCode).toBe(400);
    expect(JSON.parse(result.body)).toEqual({ error: { code: 'request.malformed_event', message: expect.any(String) } });
    expect(send).not.toHaveBeenCalled();
  });

  it('gives a malformed event from an allowed page the CORS headers, so the page can read the 400', async () => {
    const { handler } = setup();
    const result = await handler({ version: '2.0', rawPath: '/api/chats', headers: { Origin: ORIGIN } } as never);
    expect(result.statusCode).toBe(400);
    expect(result.headers['access-control-allow-origin']).toBe(ORIGIN);
    const stranger = await handler({ version: '2.0', headers: { origin: 'https://evil.example' } } as never);
    expect(stranger.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('tolerates HTTP API (payload 2.0) events, named stages included', async () => {
    const { handler } = setup();
    expect((await handler(httpApiEvent())).statusCode).toBe(200);
    const staged = httpApiEvent({
      rawPath: '/prod/api/chats',
      requestContext: { ...httpApiEvent().requestContext, stage: 'prod' },
    });
    expect(fromApiGatewayEvent(staged).path).toBe('/api/chats');
    expect(fromApiGatewayEvent(staged).sourceIp).toBe('198.51.100.1');
  });

  it('answers 500 backend.misconfigured when the service cannot be created, and tries again next time', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    let calls = 0;
    const handler = createLambdaHandler(async () => {
      calls += 1;
      throw new Error('bad config');
    });
    const result = await handler(restEvent());
    await handler(restEvent());
    expect(result.statusCode).toBe(500);
    expect(JSON.parse(result.body).error.code).toBe('backend.misconfigured');
    expect(calls).toBe(2);
    error.mockRestore();
  });

  it('creates the service once across invocations', async () => {
    const { send } = setup();
    const factory = vi.fn(async () => createStartChatService({ instances: [INSTANCE], connectClient: { send } as never }));
    const handler = createLambdaHandler(factory);
    await handler(restEvent());
    await handler(restEvent());
    expect(factory).toHaveBeenCalledTimes(1);
  });
});

describe('the Lambda adapter and the rate limit', () => {
  it('limits by the source address API Gateway saw, not by X-Forwarded-For', async () => {
    const send = vi.fn(async () => ({ ContactId: 'c-1', ParticipantId: 'p-1', ParticipantToken: 't-1', $metadata: {} }));
    const handler = createLambdaHandler(createStartChatService({ instances: [INSTANCE], connectClient: { send } as never, rateLimit: { burst: 1 } }));
    const v1 = (sourceIp: string, forwarded: string) =>
      restEvent({ requestContext: { identity: { sourceIp } }, headers: { ...restEvent().headers, 'X-Forwarded-For': forwarded } });
    const v2 = (sourceIp: string) => httpApiEvent({ requestContext: { ...httpApiEvent().requestContext, http: { method: 'POST', sourceIp } } });
    expect((await handler(v1('203.0.113.7', '1.1.1.1'))).statusCode).toBe(200);
    const refused = await handler(v1('203.0.113.7', '2.2.2.2'));
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('6');
    expect(JSON.parse(refused.body).error.code).toBe('request.rate_limited');
    expect((await handler(v2('198.51.100.1'))).statusCode).toBe(200);
    expect((await handler(v2('198.51.100.1'))).statusCode).toBe(429);
    expect(send).toHaveBeenCalledTimes(2);
  });
});
