import type { StartChatContactCommand } from '@aws-sdk/client-connect';
import { SignJWT } from 'jose';
import { describe, expect, it, vi } from 'vitest';
import type { IdentityConfig, InstanceDefinition } from '../../../../src/browser/config/instance-config.types';
import type { BackendRequest } from '../../../../src/server/backend/backend.types';
import { parseInstancesFile } from '../../../../src/server/backend/instances-file';
import { createStartChatService } from '../../../../src/server/backend/start-chat.service';
import { testInstance } from '../../../fixtures/instance';

/** Verified customers through the whole service: the policy, claims as contact attributes, nothing a visitor can forge. */

const SITE = 'https://www.example.com';
const NOW = Date.UTC(2026, 10, 26, 6, 0, 0);
const SECRET = 'member-chat-dev-secret-0123456789abcdef';
const ISSUER = 'https://shop.example.com';

function instance(name: string, identity: IdentityConfig): InstanceDefinition {
  return testInstance({ public: { name, region: 'ap-southeast-2' }, allowedOrigins: [SITE], allowedAttributes: ['topic', 'customerId'], identity });
}
const MEMBER = instance('member_chat', { mode: 'required', issuer: ISSUER, hs256Secret: SECRET });
const MIXED = instance('mixed_chat', { mode: 'optional', issuer: ISSUER, hs256Secret: SECRET });

function token(aud = 'member_chat', claims: Record<string, unknown> = { name: 'Dana Demo' }, secret = SECRET): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('demo-user')
    .setAudience(aud)
    .setIssuer(ISSUER)
    .setIssuedAt(NOW / 1000)
    .setExpirationTime(NOW / 1000 + 300)
    .sign(new TextEncoder().encode(secret));
}

function setup() {
  const send = vi.fn(async (_command: StartChatContactCommand) => ({ ContactId: 'c-1', ParticipantId: 'p-1', ParticipantToken: 't', $metadata: {} }));
  const service = createStartChatService({ instances: [MEMBER, MIXED], connectClient: { send } as never, now: () => NOW, identity: { now: () => NOW } });
  const start = async (body: Record<string, unknown>) => {
    const req: BackendRequest = {
      method: 'POST',
      path: '/api/chats',
      headers: { origin: SITE, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      sourceIp: '203.0.113.7',
    };
    const response = await service.handle(req);
    return { status: response.status, code: (JSON.parse(response.body) as { error?: { code: string } }).error?.code, headers: response.headers };
  };
  const sent = () => send.mock.calls.map(([command]) => command.input);
  return { service, start, sent };
}

describe('a start on an instance that requires identity', () => {
  it('passes the verified customer as customerId and display name', async () => {
    const { start, sent } = setup();
    expect((await start({ instance: 'member_chat', identity: await token() })).status).toBe(200);
    expect(sent()).toEqual([expect.objectContaining({ ParticipantDetails: { DisplayName: 'Dana Demo' }, Attributes: { customerId: 'demo-user' } })]);
  });

  it('refuses no token with 401 identity.required (with CORS headers) and creates no contact', async () => {
    const { start, sent } = setup();
    const refused = await start({ instance: 'member_chat', displayName: 'Dana Demo' });
    expect(refused).toMatchObject({ status: 401, code: 'identity.required' });
    expect(refused.headers['access-control-allow-origin']).toBe(SITE);
    expect(sent()).toEqual([]);
  });

  it('refuses a bad token (another audience, another secret) with 401 identity.invalid and creates no contact', async () => {
    const { start, sent } = setup();
    expect(await start({ instance: 'member_chat', identity: await token('mixed_chat') })).toMatchObject({ status: 401, code: 'identity.invalid' });
    expect(await start({ instance: 'member_chat', identity: await token(undefined, {}, 'x'.repeat(40)) })).toMatchObject({ status: 401, code: 'identity.invalid' });
    expect(sent()).toEqual([]);
  });

  it("never lets the page set the customer: a page's customerId is refused, its displayName overridden", async () => {
    const { start, sent } = setup();
    const forged = await start({ instance: 'member_chat', identity: await token(), attributes: { customerId: 'someone-else' } });
    expect(forged).toMatchObject({ status: 400, code: 'request.attribute_reserved' });
    expect(await start({ instance: 'member_chat', identity: await token(), displayName: 'Admin', attributes: { topic: 'x' } })).toMatchObject({ status: 200 });
    expect(sent()).toEqual([expect.objectContaining({ ParticipantDetails: { DisplayName: 'Dana Demo' }, Attributes: { topic: 'x', customerId: 'demo-user' } })]);
  });

  it('shows a verified customer without a name as "Customer", not as what the page sent', async () => {
    const { start, sent } = setup();
    expect((await start({ instance: 'member_chat', identity: await token('member_chat', {}), displayName: 'Admin' })).status).toBe(200);
    expect(sent()[0]?.ParticipantDetails).toEqual({ DisplayName: 'Customer' });
  });
});

describe('a start on an instance where identity is optional', () => {
  it('starts anonymously without a token, with the name the page gave and no customerId', async () => {
    const { start, sent } = setup();
    expect((await start({ instance: 'mixed_chat', displayName: 'Zoe' })).status).toBe(200);
    expect(sent()).toEqual([expect.objectContaining({ ParticipantDetails: { DisplayName: 'Zoe' } })]);
    expect(sent()[0]?.Attributes).toBeUndefined();
  });

  it('still refuses a bad token with 401, and a forged customerId from an anonymous page', async () => {
    const { start, sent } = setup();
    expect(await start({ instance: 'mixed_chat', identity: await token() })).toMatchObject({ status: 401, code: 'identity.invalid' });
    expect(await start({ instance: 'mixed_chat', attributes: { customerId: 'demo-user' } })).toMatchObject({ status: 400, code: 'request.attribute_reserved' });
    expect(sent()).toEqual([]);
  });

  it('refuses an identity field that is not a token string', async () => {
    const { start } = setup();
    expect(await start({ instance: 'mixed_chat', identity: { sub: 'demo-user' } })).toMatchObject({ status: 400, code: 'request.identity_invalid' });
  });
});

describe('identity settings stay on the server', () => {
  it('are never in the public config', async () => {
    const { service } = setup();
    const response = await service.handle({ method: 'GET', path: '/api/instances/member_chat', headers: { origin: SITE }, body: '', sourceIp: '' });
    expect(response.status).toBe(200);
    expect(response.body).not.toContain(SECRET);
    expect(response.body).not.toContain('identity');
  });

  it('are checked in the instances file: one key, a known mode, an issuer', () => {
    const file = (identity: unknown) => ({ instances: [{ ...MEMBER, identity }] });
    expect(() => parseInstancesFile(file(MEMBER.identity))).not.toThrow();
    expect(() => parseInstancesFile(file({ mode: 'always', issuer: ISSUER, hs256Secret: SECRET }))).toThrow(/identity\.mode/);
    expect(() => parseInstancesFile(file({ mode: 'required', hs256Secret: SECRET }))).toThrow(/identity\.issuer/);
    expect(() => parseInstancesFile(file({ mode: 'required', issuer: ISSUER }))).toThrow(/exactly one/);
    expect(() => parseInstancesFile(file({ mode: 'required', issuer: ISSUER, hs256Secret: SECRET, es256PublicKey: 'x' }))).toThrow(/exactly one/);
    expect(() => parseInstancesFile(file({ ...MEMBER.identity, secret: 'x' }))).toThrow(/identity\.secret: unknown field/);
  });
});
