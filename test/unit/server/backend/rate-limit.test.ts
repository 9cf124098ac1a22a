import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMIT, normalizeAddress, RateLimiter, rateLimitKey, type RateLimitOptions } from '../../../../src/server/backend/rate-limit';

function limiter(options: Partial<RateLimitOptions> = {}) {
  const clock = { now: 1_000_000 };
  const limits = new RateLimiter({ ...DEFAULT_RATE_LIMIT, ...options }, () => clock.now);
  return { limits, clock };
}

describe('the per-address rate limiter', () => {
  it('allows a burst of 5, then refuses with the seconds until the next start (10 a minute by default)', () => {
    const { limits } = limiter();
    for (let i = 0; i < 5; i++) expect(limits.take('203.0.113.7')).toBeUndefined();
    expect(limits.take('203.0.113.7')).toEqual({ retryAfterSeconds: 6, first: true });
    expect(limits.take('203.0.113.7')).toEqual({ retryAfterSeconds: 6, first: false });
  });

  it('gives one start back every 6 seconds, up to the burst', () => {
    const { limits, clock } = limiter();
    for (let i = 0; i < 5; i++) limits.take('203.0.113.7');
    clock.now += 3_000;
    expect(limits.take('203.0.113.7')?.retryAfterSeconds).toBe(3);
    clock.now += 3_000;
    expect(limits.take('203.0.113.7')).toBeUndefined();
    expect(limits.take('203.0.113.7')).toMatchObject({ first: true });
    clock.now += 10 * 60_000;
    for (let i = 0; i < 5; i++) expect(limits.take('203.0.113.7')).toBeUndefined();
    expect(limits.take('203.0.113.7')).toBeDefined();
  });

  it('counts each address on its own', () => {
    const { limits } = limiter({ burst: 1 });
    expect(limits.take('203.0.113.7')).toBeUndefined();
    expect(limits.take('203.0.113.7')).toBeDefined();
    expect(limits.take('203.0.113.8')).toBeUndefined();
  });

  it('counts an IPv6 /64 as one client, and IPv4-mapped IPv6 as the IPv4 address', () => {
    const { limits } = limiter({ burst: 1 });
    expect(limits.take('2001:db8:1:2::1')).toBeUndefined();
    expect(limits.take('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBeDefined();
    expect(limits.take('2001:db8:1:3::1')).toBeUndefined();
    expect(limits.take('198.51.100.1')).toBeUndefined();
    expect(limits.take('::ffff:198.51.100.1')).toBeDefined();
  });

  it('never limits an exempt address', () => {
    const { limits } = limiter({ burst: 1, exempt: ['127.0.0.1', '::1'] });
    for (let i = 0; i < 100; i++) {
      expect(limits.take('127.0.0.1')).toBeUndefined();
      expect(limits.take('::ffff:127.0.0.1')).toBeUndefined();
      expect(limits.take('::1')).toBeUndefined();
    }
    expect(limits.size).toBe(0);
  });

  it('puts every client without a known address in one bucket', () => {
    const { limits } = limiter({ burst: 1 });
    expect(limits.take('')).toBeUndefined();
    expect(limits.take('  ')).toBeDefined();
  });

  it('forgets an address once its bucket has refilled', () => {
    const { limits, clock } = limiter();
    for (let i = 0; i < 1000; i++) limits.take(`10.0.${i >> 8}.${i & 255}`);
    expect(limits.size).toBe(1000);
    clock.now += 30_000; // 5 starts at 10 a minute
    limits.take('192.0.2.1');
    expect(limits.size).toBe(1);
  });

  it('remembers at most maxAddresses, forgetting the least recently seen first', () => {
    const { limits } = limiter({ burst: 1, maxAddresses: 3 });
    for (const address of ['192.0.2.1', '192.0.2.2', '192.0.2.3']) limits.take(address);
    limits.take('192.0.2.1'); // refused, and now the most recently seen
    limits.take('192.0.2.4'); // pushes out 192.0.2.2
    expect(limits.size).toBe(3);
    expect(limits.take('192.0.2.1')).toBeDefined();
    expect(limits.take('192.0.2.2')).toBeUndefined();
  });

  it('stays within maxAddresses under a flood of random addresses', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.ipV4(), fc.ipV6(), fc.string({ maxLength: 8 })), { maxLength: 300 }), fc.integer({ min: 1, max: 50 }), (addresses, max) => {
        const { limits, clock } = limiter({ maxAddresses: max });
        for (const address of addresses) {
          clock.now += 7;
          const answer = limits.take(address);
          if (answer) expect(answer.retryAfterSeconds).toBeGreaterThanOrEqual(1);
          expect(limits.size).toBeLessThanOrEqual(max);
        }
      }),
    );
  });

  it('never allows more than burst + elapsed × rate starts to one address', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20_000 }), { minLength: 1, maxLength: 200 }), (gaps) => {
        const { limits, clock } = limiter();
        const start = clock.now;
        let allowed = 0;
        for (const gap of gaps) {
          clock.now += gap;
          if (!limits.take('203.0.113.7')) allowed++;
        }
        expect(allowed).toBeLessThanOrEqual(5 + Math.floor(((clock.now - start) * 10) / 60_000));
      }),
    );
  });

  it('refuses options that would mean no limit or a broken one', () => {
    expect(() => new RateLimiter({ ...DEFAULT_RATE_LIMIT, perMinute: 0 })).toThrow(RangeError);
    expect(() => new RateLimiter({ ...DEFAULT_RATE_LIMIT, burst: 0.5 })).toThrow(RangeError);
    expect(() => new RateLimiter({ ...DEFAULT_RATE_LIMIT, maxAddresses: 0 })).toThrow(RangeError);
  });
});

describe('client address keys', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['::FFFF:203.0.113.7', '203.0.113.7'],
    ['', 'unknown'],
    ['2001:DB8::1', '2001:db8:0:0::/64'],
    ['2001:db8:0:0:1::1', '2001:db8:0:0::/64'],
    ['2001:0db8:00aa:0001:1:2:3:4', '2001:db8:aa:1::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['64:ff9b::192.0.2.33', '64:ff9b:0:0::/64'],
    ['2001:db8:1:2:3:4:192.0.2.33', '2001:db8:1:2::/64'],
  ])('keys %j as %j', (address, key) => {
    expect(rateLimitKey(address)).toBe(key);
  });

  it('keeps a non-IP address (an adapter oddity) as it is, trimmed and in lower case', () => {
    expect(normalizeAddress(' Proxy-A ')).toBe('proxy-a');
  });
});
