import type { ContactDetails } from '../../machines/chat.types';
import type { ErrorBody } from '../config/instance-config.types';
import { isContactDetails } from './contact-details';

/** Starting a contact failed; `code` is the backend's error code or a `network.*` code of ours. */
export class StartChatError extends Error {
  override readonly name = 'StartChatError';
  constructor(
    readonly code: string,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface StartChatOptions {
  url: string;
  instance: string;
  displayName?: string;
  attributes?: Record<string, string>;
  fetch?: typeof fetch;
  /** @default 15000 */
  timeoutMs?: number;
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
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
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
    );
  }
  if (!isContactDetails(body)) throw new StartChatError('backend.bad_response', 'The chat service sent an unexpected answer.');
  return body;
}
