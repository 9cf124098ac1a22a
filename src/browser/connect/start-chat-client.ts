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

/**
 * Where the signed-in customer's token comes from: the page's own function (`createWebchat({ identity })`),
 * or a URL on the site answering `{ "token": "…" }` (`data-identity-url`).
 */
export type IdentitySource = (() => Promise<string>) | string;

/** A fresh token for one start, or a {@link StartChatError} `identity.unavailable` that says why not. */
export async function fetchIdentityToken(source: IdentitySource, fetchImpl: typeof fetch, signal?: AbortSignal): Promise<string> {
  let token: unknown;
  try {
    if (typeof source === 'function') token = await source();
    else {
      // The site's own endpoint: it knows the customer by its session cookie, so same-origin credentials go along.
      const response = await fetchImpl(source, { credentials: 'same-origin', cache: 'no-store', ...(signal ? { signal } : {}) });
      if (!response.ok) throw new Error(`${source} answered ${response.status}`);
      token = ((await response.json()) as { token?: unknown }).token;
    }
  } catch (error) {
    throw new StartChatError('identity.unavailable', `The customer's sign-in token could not be got: ${String(error)}`);
  }
  if (typeof token !== 'string' || token === '') {
    throw new StartChatError('identity.unavailable', "The customer's sign-in token is missing: the identity source gave no token string.");
  }
  return token;
}

export interface StartChatOptions {
  url: string;
  instance: string;
  displayName?: string;
  attributes?: Record<string, string>;
  /** The signed-in customer's token source, asked afresh for each start. @default none (anonymous) */
  identity?: IdentitySource | undefined;
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
  const identity = options.identity === undefined ? undefined : await fetchIdentityToken(options.identity, fetchImpl, options.signal);
  let response: Response;
  try {
    response = await fetchImpl(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ instance: options.instance, displayName: options.displayName, attributes: options.attributes, identity }),
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
