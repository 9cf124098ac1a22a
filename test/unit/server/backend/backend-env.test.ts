import { describe, expect, it } from 'vitest';
import { createStartChatServiceFromEnv, readBackendEnv } from '../../../../src/server/backend/backend-env';

describe('backend environment', () => {
  it('defaults to config/instances.json, AWS endpoints and 3 attempts', () => {
    expect(readBackendEnv({})).toEqual({ instancesFile: 'config/instances.json', maxAttempts: 3 });
  });

  it('points both endpoints at CONNECT_ENDPOINT (the emulator) unless PARTICIPANT_ENDPOINT says otherwise', () => {
    expect(readBackendEnv({ CONNECT_ENDPOINT: 'http://127.0.0.1:8080/' })).toMatchObject({
      connectEndpoint: 'http://127.0.0.1:8080',
      participantEndpoint: 'http://127.0.0.1:8080',
    });
    expect(
      readBackendEnv({ CONNECT_ENDPOINT: 'http://127.0.0.1:8080', PARTICIPANT_ENDPOINT: 'http://127.0.0.1:9090' }),
    ).toMatchObject({ participantEndpoint: 'http://127.0.0.1:9090' });
  });

  it.each([
    [{ CONNECT_ENDPOINT: 'not a url' }, 'config.env.CONNECT_ENDPOINT'],
    [{ PARTICIPANT_ENDPOINT: 'ftp://x' }, 'config.env.PARTICIPANT_ENDPOINT'],
    [{ CONNECT_MAX_ATTEMPTS: '0' }, 'config.env.CONNECT_MAX_ATTEMPTS'],
    [{ RATE_LIMIT_PER_MINUTE: '-1' }, 'config.env.RATE_LIMIT_PER_MINUTE'],
    [{ RATE_LIMIT_PER_MINUTE: 'lots' }, 'config.env.RATE_LIMIT_PER_MINUTE'],
    [{ RATE_LIMIT_BURST: '0' }, 'config.env.RATE_LIMIT_BURST'],
    [{ RATE_LIMIT_BURST: '2.5' }, 'config.env.RATE_LIMIT_BURST'],
  ])('refuses %j', (env, code) => {
    expect(() => readBackendEnv(env)).toThrow(expect.objectContaining({ code }));
  });

  it('reads the start-chat rate limit from RATE_LIMIT_PER_MINUTE and RATE_LIMIT_BURST, 0 a minute meaning none', () => {
    expect(readBackendEnv({ RATE_LIMIT_PER_MINUTE: '30', RATE_LIMIT_BURST: '10' }).rateLimit).toEqual({ perMinute: 30, burst: 10 });
    expect(readBackendEnv({ RATE_LIMIT_BURST: '10' }).rateLimit).toEqual({ burst: 10 });
    expect(readBackendEnv({ RATE_LIMIT_PER_MINUTE: '0' }).rateLimit).toBe(false);
    expect(readBackendEnv({ RATE_LIMIT_PER_MINUTE: ' ' })).not.toHaveProperty('rateLimit');
  });

  it('applies the rate limit from the environment to the service', async () => {
    const service = await createStartChatServiceFromEnv({ INSTANCES_FILE: 'config/instances.json', RATE_LIMIT_BURST: '1' });
    const start = () =>
      service.handle({
        method: 'POST',
        path: '/api/chats',
        headers: { origin: 'http://127.0.0.1:8080', 'content-type': 'application/json' },
        body: '{"instance":"nope"}',
        sourceIp: '203.0.113.7',
      });
    expect((await start()).status).toBe(404);
    expect((await start()).status).toBe(429);
  });

  it('builds the service from INSTANCES_JSON', async () => {
    const instances = {
      instances: [
        {
          public: { name: 'inline', region: 'ap-southeast-2' },
          connect: {
            instanceId: '7c1f3b52-4d0e-4a8f-9a51-3f0c2a6d9e10',
            contactFlowId: '2b9e6a41-8c3d-4f57-b0e2-6d4a1c8f5e73',
            region: 'ap-southeast-2',
          },
          allowedOrigins: ['https://www.example.com'],
        },
      ],
    };
    const service = await createStartChatServiceFromEnv({ INSTANCES_JSON: JSON.stringify(instances) });
    const response = await service.handle({ method: 'GET', path: '/api/instances/inline', headers: {}, body: '', sourceIp: '' });
    expect(response.status).toBe(200);
    await expect(createStartChatServiceFromEnv({ INSTANCES_JSON: '{' })).rejects.toMatchObject({ code: 'config.json' });
  });

  it('reads the customer table (CUSTOMER_TABLE) and a local DynamoDB endpoint (DYNAMODB_ENDPOINT)', () => {
    expect(readBackendEnv({ CUSTOMER_TABLE: ' customers ', DYNAMODB_ENDPOINT: 'http://127.0.0.1:4567/' })).toMatchObject({
      customerTable: 'customers',
      dynamoDbEndpoint: 'http://127.0.0.1:4567',
    });
    expect(readBackendEnv({})).not.toHaveProperty('customerTable');
    expect(() => readBackendEnv({ DYNAMODB_ENDPOINT: 'dynamo' })).toThrow(expect.objectContaining({ code: 'config.env.DYNAMODB_ENDPOINT' }));
  });

  it('reads an identity key from the environment, and refuses to start without it', async () => {
    const member = {
      public: { name: 'member', region: 'ap-southeast-2' },
      connect: { instanceId: '7c1f3b52-4d0e-4a8f-9a51-3f0c2a6d9e10', contactFlowId: '2b9e6a41-8c3d-4f57-b0e2-6d4a1c8f5e73', region: 'ap-southeast-2' },
      allowedOrigins: ['https://www.example.com'],
      identity: { mode: 'required', issuer: 'https://shop.example.com', hs256Secret: 'env:SHOP_CHAT_SECRET' },
    };
    const INSTANCES_JSON = JSON.stringify({ instances: [member] });
    await expect(createStartChatServiceFromEnv({ INSTANCES_JSON, SHOP_CHAT_SECRET: 's'.repeat(32) })).resolves.toBeDefined();
    await expect(createStartChatServiceFromEnv({ INSTANCES_JSON })).rejects.toMatchObject({
      code: 'config.instances.identity',
      message: expect.stringContaining('SHOP_CHAT_SECRET'),
    });
    await expect(createStartChatServiceFromEnv({ INSTANCES_JSON, SHOP_CHAT_SECRET: 'short' })).rejects.toMatchObject({ code: 'config.instances.identity' });
  });
});
