import { exportSPKI, generateKeyPair, SignJWT, UnsecuredJWT, type CryptoKey } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IdentityConfig, InstanceDefinition } from '../../../../src/browser/config/instance-config.types';
import { createCustomerIdentifier, IdentityError, InvalidIdentityKeyError } from '../../../../src/server/backend/customer-identity';
import { testInstance } from '../../../fixtures/instance';

const NOW = Date.UTC(2026, 10, 26, 6, 0, 0);
const NOW_S = NOW / 1000;
const SECRET = 'a-dev-secret-of-at-least-thirty-two-bytes!';
const ISSUER = 'https://shop.example.com';

function instanceWith(identity: IdentityConfig, name = 'member_chat'): InstanceDefinition {
  return testInstance({ public: { name, region: 'ap-southeast-2' }, identity });
}

const HS = instanceWith({ mode: 'required', issuer: ISSUER, hs256Secret: SECRET });
const OPTIONAL = instanceWith({ mode: 'optional', issuer: ISSUER, hs256Secret: SECRET });

interface Claims {
  sub?: string;
  name?: string;
  aud?: string;
  iss?: string;
  iat?: number;
  exp?: number;
}

/** A token as a site's server signs one: 5 minutes, for member_chat, with `claims` changing any of that. */
function sign(key: Uint8Array | CryptoKey, alg: 'HS256' | 'ES256', claims: Claims = {}): Promise<string> {
  const full = { sub: 'demo-user', name: 'Dana Demo', aud: 'member_chat', iss: ISSUER, iat: NOW_S, exp: NOW_S + 300, ...claims };
  const { sub, aud, iss, iat, exp, ...rest } = full;
  const jwt = new SignJWT(rest).setProtectedHeader({ alg }).setAudience(aud).setIssuer(iss).setIssuedAt(iat).setExpirationTime(exp);
  if (sub !== undefined) jwt.setSubject(sub);
  return jwt.sign(key);
}
const hs = (claims?: Claims) => sign(new TextEncoder().encode(SECRET), 'HS256', claims);

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(IdentityError);
  expect((error as IdentityError).status).toBe(401);
  return (error as IdentityError).code;
}

describe('customer tokens', () => {
  const reasons: string[] = [];
  const identify = createCustomerIdentifier({ now: () => NOW, onRefused: (_instance, reason) => reasons.push(reason) });
  let es: { privateKey: CryptoKey; instance: InstanceDefinition };

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256', { extractable: true });
    es = {
      privateKey: pair.privateKey,
      instance: instanceWith({ mode: 'required', issuer: ISSUER, es256PublicKey: await exportSPKI(pair.publicKey) }),
    };
  });

  it('accepts a valid HS256 token and gives the customer from sub and name', async () => {
    expect(await identify(HS, await hs())).toEqual({ customerId: 'demo-user', name: 'Dana Demo' });
  });

  it('accepts a valid ES256 token under the instance public key', async () => {
    expect(await identify(es.instance, await sign(es.privateKey, 'ES256'))).toEqual({ customerId: 'demo-user', name: 'Dana Demo' });
  });

  it('gives a customer without a name when the token has none', async () => {
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('u-7').setAudience('member_chat')
      .setIssuer(ISSUER).setIssuedAt(NOW_S).setExpirationTime(NOW_S + 60).sign(new TextEncoder().encode(SECRET));
    expect(await identify(HS, token)).toEqual({ customerId: 'u-7' });
  });

  it('allows 30 s of clock skew on iat and exp', async () => {
    expect(await identify(HS, await hs({ iat: NOW_S + 20, exp: NOW_S + 300 }))).toMatchObject({ customerId: 'demo-user' });
    expect(await identify(HS, await hs({ iat: NOW_S - 200, exp: NOW_S - 20 }))).toMatchObject({ customerId: 'demo-user' });
  });

  it.each<[string, Claims]>([
    ['an expired token', { iat: NOW_S - 400, exp: NOW_S - 60 }],
    ['a token for another instance (aud)', { aud: 'help_faq_bot' }],
    ['a token from another issuer', { iss: 'https://evil.example' }],
    ['a token issued in the future (iat)', { iat: NOW_S + 120, exp: NOW_S + 400 }],
    ['a token older than 10 minutes, whatever its exp', { iat: NOW_S - 3600, exp: NOW_S + 3600 }],
    ['a token without sub', { sub: undefined }],
  ])('refuses %s with identity.invalid', async (_case, claims) => {
    expect(await refusal(identify(HS, await hs(claims)))).toBe('identity.invalid');
  });

  it('refuses a token signed with another secret', async () => {
    const other = await sign(new TextEncoder().encode('another-secret-of-at-least-32-bytes-long'), 'HS256');
    expect(await refusal(identify(HS, other))).toBe('identity.invalid');
  });

  it('refuses a token whose payload was changed after signing', async () => {
    const [header, payload, signature] = (await hs()).split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'someone-else' })).toString('base64url');
    expect(await refusal(identify(HS, `${header}.${forged}.${signature}`))).toBe('identity.invalid');
  });

  it('refuses alg "none", even with every claim right', async () => {
    const unsigned = new UnsecuredJWT({ name: 'Dana Demo' }).setSubject('demo-user').setAudience('member_chat').setIssuer(ISSUER)
      .setIssuedAt(NOW_S).setExpirationTime(NOW_S + 300).encode();
    expect(await refusal(identify(HS, unsigned))).toBe('identity.invalid');
    expect(await refusal(identify(es.instance, unsigned))).toBe('identity.invalid');
  });

  it('refuses an HS256 token on an ES256 instance and an ES256 token on an HS256 instance', async () => {
    expect(await refusal(identify(es.instance, await hs()))).toBe('identity.invalid');
    expect(await refusal(identify(HS, await sign(es.privateKey, 'ES256')))).toBe('identity.invalid');
  });

  it('refuses an HS256 token signed with the ES256 instance public key as its secret (key confusion)', async () => {
    const pem = es.instance.identity!.es256PublicKey!;
    expect(await refusal(identify(es.instance, await sign(new TextEncoder().encode(pem), 'HS256')))).toBe('identity.invalid');
  });

  it('refuses garbage', async () => {
    expect(await refusal(identify(HS, 'not.a.jwt'))).toBe('identity.invalid');
  });

  it('logs why a token was refused, never the token', () => {
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.join(' ')).not.toMatch(/eyJ/);
  });
});

describe('the identity policy of an instance', () => {
  const identify = createCustomerIdentifier({ now: () => NOW });

  it('required: refuses a start without a token with identity.required', async () => {
    expect(await refusal(identify(HS, undefined))).toBe('identity.required');
  });

  it('optional: lets an anonymous start through, and refuses a bad token all the same', async () => {
    expect(await identify(OPTIONAL, undefined)).toBeUndefined();
    expect(await identify(OPTIONAL, await hs())).toEqual({ customerId: 'demo-user', name: 'Dana Demo' });
    expect(await refusal(identify(OPTIONAL, await hs({ aud: 'elsewhere' })))).toBe('identity.invalid');
  });

  it('none: anonymous only; a token is refused rather than silently ignored', async () => {
    expect(await identify(testInstance(), undefined)).toBeUndefined();
    expect(await refusal(identify(testInstance(), await hs()))).toBe('identity.invalid');
  });
});

describe('identity keys', () => {
  it('reads env:NAME from the environment', async () => {
    const identify = createCustomerIdentifier({ now: () => NOW, env: { MEMBER_SECRET: SECRET } });
    const instance = instanceWith({ mode: 'required', issuer: ISSUER, hs256Secret: 'env:MEMBER_SECRET' });
    expect(await identify(instance, await hs())).toMatchObject({ customerId: 'demo-user' });
  });

  it.each<[string, IdentityConfig]>([
    ['a missing variable', { mode: 'required', issuer: ISSUER, hs256Secret: 'env:NOPE' }],
    ['a short secret', { mode: 'required', issuer: ISSUER, hs256Secret: 'short' }],
    ['a public key that is not PEM', { mode: 'required', issuer: ISSUER, es256PublicKey: 'nope' }],
  ])('refuses %s with InvalidIdentityKeyError', async (_case, config) => {
    const identify = createCustomerIdentifier({ now: () => NOW, env: {} });
    await expect(identify(instanceWith(config), await hs())).rejects.toBeInstanceOf(InvalidIdentityKeyError);
  });
});
