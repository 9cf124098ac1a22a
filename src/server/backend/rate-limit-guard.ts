import { ApiError } from './api-error';
import type { BackendLog, BackendRequest } from './backend.types';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimitOptions } from './rate-limit';

/** The code of a start refused by the rate limit. */
export const RATE_LIMITED = 'request.rate_limited';

/**
 * The rate limit as the service applies it: a per-address {@link RateLimiter} (none with `false`) whose refusal
 * is a 429 with `Retry-After`, logged once per streak so that a flood does not become a flood of log lines.
 */
export function createRateLimitGuard(
  options: Partial<RateLimitOptions> | false | undefined,
  now: (() => number) | undefined,
  log: BackendLog,
): (req: BackendRequest) => void {
  const limiter = options === false ? undefined : new RateLimiter({ ...DEFAULT_RATE_LIMIT, ...options }, now);

  /** @throws ApiError 429 `request.rate_limited` when the client's address has used up its starts. */
  return function limitRate(req: BackendRequest): void {
    const limited = limiter?.take(req.sourceIp);
    if (!limited) return;
    if (limited.first) {
      log({ level: 'warn', event: 'request.rate_limited', path: req.path, sourceIp: req.sourceIp, retryAfterSeconds: limited.retryAfterSeconds });
    }
    throw new ApiError(
      429,
      RATE_LIMITED,
      `Too many chats were started from your network. Please try again in ${limited.retryAfterSeconds} seconds.`,
      { 'retry-after': String(limited.retryAfterSeconds) },
    );
  };
}
