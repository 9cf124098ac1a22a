import type { ErrorBody, LeaveMessageRequest } from '../config/instance-config.types';

/** A message left out of hours was not filed: `code` is the backend's (`message.email_invalid`, …) or `network.*`. */
export class LeaveMessageError extends Error {
  override readonly name = 'LeaveMessageError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Sends a message left out of hours to the backend (`POST /api/messages`, beside `POST /api/chats`), which files
 * it as an Amazon Connect task.
 * @throws LeaveMessageError when it was not filed
 */
export async function sendLeftMessage(url: string, message: LeaveMessageRequest, fetchImpl: typeof fetch = fetch): Promise<void> {
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(15_000),
      credentials: 'omit',
    });
  } catch {
    throw new LeaveMessageError('network.unreachable', 'The message service could not be reached.');
  }
  if (!response.ok) {
    const error = ((await response.json().catch(() => undefined)) as Partial<ErrorBody> | undefined)?.error;
    throw new LeaveMessageError(error?.code ?? `http.${response.status}`, error?.message ?? `The message service answered ${response.status}.`);
  }
}
