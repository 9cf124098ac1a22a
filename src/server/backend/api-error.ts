import type { ErrorBody } from '../../browser/config/instance-config.types';

/**
 * A request the start-chat service refuses or cannot serve: an HTTP status, a stable `code` the runtime
 * can branch on (`request.invalid_json`, `origin.not_allowed`, `backend.throttled`, …) and a message a
 * person can act on. It never carries AWS internals.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra response headers, e.g. `retry-after` or `allow`. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message } };
  }
}
