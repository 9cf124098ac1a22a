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
