import type { ContactDetails } from '../../../machines/chat.types';
import type { ErrorBody } from '../config/instance-config.types';
import { isContactDetails } from './contact-details';

/** Starting a contact failed; `code` is the backend's error code or a `network.*` code of ours. */
export class StartChatError extends Error {
  override readonly name = 'StartChatError';
  constructor(
    readonly code: string,
    message: string,
    readonly status?: number,
    /** How long the service asked us to wait before starting again (its `Retry-After`), capped. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** A `Retry-After` past this is treated as this: a customer should never be locked out for hours by one answer. */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;

/** An HTTP date as RFC 9110 requires senders to write it: `Wed, 25 Nov 2026 12:00:30 GMT`. */
const HTTP_DATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/**
 * `Retry-After` as delay-seconds or an HTTP date, in ms from `now`; undefined when absent or unreadable
 * (`Date.parse` alone would read "1.5" as a date in 2001).
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  const trimmed = value?.trim() ?? '';
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : HTTP_DATE.test(trimmed) ? Date.parse(trimmed) - now : NaN;
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}

export interface StartChatOptions {
  url: string;
  instance: string;
  displayName?: string;
  attributes?: Record<string, string>;
  fetch?: typeof fetch;
  /** @default 15000 */
  timeoutMs?: number;
  /** @default Date.now */
  now?: () => number;
  /** Aborts the request (the runtime no longer wants the contact). */
  signal?: AbortSignal;
}

/** Asks our backend (`POST /api/chats`) for a new contact. */
export async function requestNewContact(options: StartChatOptions): Promise<ContactDetails> {
  const fetchImpl = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await fetchImpl(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ instance: options.instance, displayName: options.displayName, attributes: options.attributes }),
      signal: options.signal
        ? AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs ?? 15_000)])
        : AbortSignal.timeout(options.timeoutMs ?? 15_000),
      credentials: 'omit',
    });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    throw new StartChatError(
      timedOut ? 'network.timeout' : 'network.unreachable',
      timedOut ? 'The chat service did not answer in time.' : 'The chat service could not be reached.',
    );
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = (body as Partial<ErrorBody> | undefined)?.error;
    throw new StartChatError(
      typeof error?.code === 'string' ? error.code : `http.${response.status}`,
      typeof error?.message === 'string' ? error.message : `The chat service answered ${response.status}.`,
      response.status,
      parseRetryAfter(response.headers.get('retry-after'), (options.now ?? Date.now)()),
    );
  }
  if (!isContactDetails(body)) throw new StartChatError('backend.bad_response', 'The chat service sent an unexpected answer.');
  return body;
}
