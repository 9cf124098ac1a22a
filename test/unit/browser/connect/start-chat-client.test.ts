import { describe, expect, it } from 'vitest';
import { MAX_RETRY_AFTER_MS, parseRetryAfter, requestNewContact, StartChatError } from '../../../../src/browser/connect/start-chat-client';

const NOW = Date.parse('2026-11-25T12:00:00Z');

describe('Retry-After', () => {
  it('reads delay-seconds and HTTP dates as ms from now', () => {
    expect(parseRetryAfter('5', NOW)).toBe(5000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
    expect(parseRetryAfter('Wed, 25 Nov 2026 12:00:30 GMT', NOW)).toBe(30_000);
  });

  it('ignores what it cannot read, never waits a negative time, and caps absurd waits', () => {
    for (const value of [null, '', 'soon', '-5', '1.5']) expect(parseRetryAfter(value, NOW)).toBeUndefined();
    expect(parseRetryAfter('Wed, 25 Nov 2026 11:00:00 GMT', NOW)).toBe(0);
    expect(parseRetryAfter('86400', NOW)).toBe(MAX_RETRY_AFTER_MS);
  });

  it('gives a failed start the wait its answer asked for', async () => {
    const fetch = async () =>
      new Response(JSON.stringify({ error: { code: 'request.rate_limited', message: 'Too many chats' } }), {
        status: 429,
        headers: { 'content-type': 'application/json', 'retry-after': '42' },
      });
    const failure = await requestNewContact({ url: 'http://127.0.0.1:9/api/chats', instance: 'x', fetch, now: () => NOW }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StartChatError);
    expect(failure).toMatchObject({ code: 'request.rate_limited', status: 429, retryAfterMs: 42_000 });
  });
});

describe('a start for a signed-in customer', () => {
  const CONTACT = { contactId: 'c-1', participantId: 'p-1', participantToken: 't', participantEndpoint: 'https://p.example', region: 'ap-southeast-2' };

  /** A fetch that answers the identity URL with `identityAnswer` and the start with a contact, keeping what was sent. */
  function site(identityAnswer: () => Response) {
    const calls: Array<{ url: string; init?: RequestInit }> = [];
    const fetch = (async (url: string, init?: RequestInit) => {
      calls.push({ url, ...(init ? { init } : {}) });
      return url.endsWith('/account/chat-token') ? identityAnswer() : new Response(JSON.stringify(CONTACT), { status: 200 });
    }) as unknown as typeof globalThis.fetch;
    const sentIdentity = () => calls.filter((call) => call.url.endsWith('/api/chats')).map((call) => JSON.parse(String(call.init?.body)).identity);
    return { fetch, calls, sentIdentity };
  }
  const start = (fetch: typeof globalThis.fetch, identity: (() => Promise<string>) | string) =>
    requestNewContact({ url: 'https://shop.example/api/chats', instance: 'member_chat', fetch, identity });

  it('sends a fresh token from the page function with every start', async () => {
    let issued = 0;
    const { fetch, sentIdentity } = site(() => new Response('unused'));
    await start(fetch, async () => `token-${++issued}`);
    await start(fetch, async () => `token-${++issued}`);
    expect(sentIdentity()).toEqual(['token-1', 'token-2']);
  });

  it("gets the token from the site's identity URL with the site's cookies, never cached", async () => {
    const { fetch, calls, sentIdentity } = site(() => new Response(JSON.stringify({ token: 'jwt-from-url' }), { status: 200 }));
    await start(fetch, 'https://shop.example/account/chat-token');
    expect(sentIdentity()).toEqual(['jwt-from-url']);
    expect(calls[0]?.init).toMatchObject({ credentials: 'same-origin', cache: 'no-store' });
  });

  it.each<[string, () => Response]>([
    ['answers 401', () => new Response('{}', { status: 401 })],
    ['answers without a token', () => new Response('{"token":""}', { status: 200 })],
    ['answers something other than JSON', () => new Response('<html>', { status: 200 })],
  ])('fails with identity.unavailable, and starts nothing, when the identity URL %s', async (_case, answer) => {
    const { fetch, sentIdentity } = site(answer);
    const failure = await start(fetch, 'https://shop.example/account/chat-token').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StartChatError);
    expect(failure).toMatchObject({ code: 'identity.unavailable' });
    expect(sentIdentity()).toEqual([]);
  });

  it('fails with identity.unavailable when the page function rejects', async () => {
    const { fetch, sentIdentity } = site(() => new Response('unused'));
    const failure = await start(fetch, () => Promise.reject(new Error('signed out'))).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'identity.unavailable', message: expect.stringContaining('signed out') });
    expect(sentIdentity()).toEqual([]);
  });

  it('sends no identity for an anonymous start', async () => {
    const { fetch, calls } = site(() => new Response('unused'));
    await requestNewContact({ url: 'https://shop.example/api/chats', instance: 'help_faq_bot', fetch });
    expect(JSON.parse(String(calls[0]?.init?.body))).not.toHaveProperty('identity');
  });
});
