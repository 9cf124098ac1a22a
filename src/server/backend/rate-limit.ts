import { isIPv4, isIPv6 } from 'node:net';

/** How many chats one client address may start: a token bucket per address. */
export interface RateLimitOptions {
  /**
   * Starts per minute an address earns back (the bucket's refill rate).
   * @default 10
   */
  perMinute: number;
  /**
   * Starts an address may make at once (the bucket's size).
   * @default 5
   */
  burst: number;
  /**
   * Addresses remembered at most; past this the least recently seen are forgotten (and start with a
   * full bucket if they come back). An address is forgotten anyway once its bucket has refilled.
   * @default 10000
   */
  maxAddresses: number;
  /**
   * Addresses never limited, compared after normalisation (`::ffff:127.0.0.1` is `127.0.0.1`), e.g.
   * `["127.0.0.1", "::1"]` for a server only reachable on loopback.
   * @default []
   */
  exempt: readonly string[];
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = {
  perMinute: 10,
  burst: 5,
  maxAddresses: 10_000,
  exempt: [],
};

/** The client address the limiter counts when an adapter could not tell one (all such share a bucket). */
export const UNKNOWN_ADDRESS = 'unknown';

/** The answer of {@link RateLimiter.take} for an address over its limit. */
export interface RateLimited {
  /** Whole seconds until the address may start a chat again (at least 1): the `Retry-After` value. */
  retryAfterSeconds: number;
  /** True for the first refusal since the address was last allowed (log that one, not the flood). */
  first: boolean;
}

interface Bucket {
  tokens: number;
  at: number;
  refused: boolean;
}

/** A plain address: IPv4-mapped IPv6 as IPv4, IPv6 in lower case without a zone, "" as {@link UNKNOWN_ADDRESS}. */
export function normalizeAddress(address: string): string {
  let value = address.trim().toLowerCase();
  const zone = value.indexOf('%');
  if (zone >= 0) value = value.slice(0, zone);
  if (value.startsWith('::ffff:') && isIPv4(value.slice(7))) value = value.slice(7);
  return value === '' ? UNKNOWN_ADDRESS : value;
}

/**
 * The key an address is counted under: an IPv4 address itself, an IPv6 address its /64 network (one
 * subscriber usually holds a whole /64, so counting single IPv6 addresses would be no limit at all).
 */
export function rateLimitKey(address: string): string {
  const value = normalizeAddress(address);
  if (!isIPv6(value)) return value;
  const [head = '', tail] = value.split('::');
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const left = groups(head);
  const right = groups(tail);
  // A dotted IPv4 tail (64:ff9b::1.2.3.4) stands for two groups.
  const rightCount = right.length + (right.at(-1)?.includes('.') ? 1 : 0);
  const full = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - rightCount).fill('0'), ...right];
  return `${full
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}

/**
 * Per-address token buckets with bounded memory: the map is kept in least-recently-seen order, buckets
 * that have refilled are dropped as time passes, and the oldest go first past `maxAddresses`.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private readonly refillMs: number;
  private readonly exempt: ReadonlySet<string>;

  constructor(
    private readonly options: RateLimitOptions = DEFAULT_RATE_LIMIT,
    private readonly now: () => number = Date.now,
  ) {
    if (!(options.perMinute > 0) || !Number.isFinite(options.perMinute)) throw new RangeError('rateLimit.perMinute must be a positive number.');
    if (!Number.isInteger(options.burst) || options.burst < 1) throw new RangeError('rateLimit.burst must be a whole number of at least 1.');
    if (!Number.isInteger(options.maxAddresses) || options.maxAddresses < 1) {
      throw new RangeError('rateLimit.maxAddresses must be a whole number of at least 1.');
    }
    this.perMs = options.perMinute / 60_000;
    this.refillMs = options.burst / this.perMs;
    this.exempt = new Set(options.exempt.map(normalizeAddress));
  }

  /** Addresses (or IPv6 networks) currently remembered. */
  get size(): number {
    return this.buckets.size;
  }

  /** Takes one start for `address`: `undefined` when allowed, otherwise how long to wait. */
  take(address: string): RateLimited | undefined {
    if (this.exempt.has(normalizeAddress(address))) return undefined;
    const now = this.now();
    this.forgetRefilled(now);
    const key = rateLimitKey(address);
    const previous = this.buckets.get(key);
    const bucket: Bucket = previous
      ? { ...previous, tokens: Math.min(this.options.burst, previous.tokens + Math.max(0, now - previous.at) * this.perMs), at: now }
      : { tokens: this.options.burst, at: now, refused: false };
    // Re-inserting moves the key to the end: the map stays in least-recently-seen order.
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    while (this.buckets.size > this.options.maxAddresses) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) break;
      this.buckets.delete(oldest);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      bucket.refused = false;
      return undefined;
    }
    const first = !bucket.refused;
    bucket.refused = true;
    return { retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000)), first };
  }

  /** Drops the least recently seen buckets that have refilled by now: they are no different from new ones. */
  private forgetRefilled(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (now - bucket.at < this.refillMs) return;
      this.buckets.delete(key);
    }
  }
}
