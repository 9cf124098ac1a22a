import { ApiError } from './api-error';
import type { BackendResponse } from './backend.types';

const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'x-content-type-options': 'nosniff',
  vary: 'Origin',
};

export function json(status: number, body: unknown, headers: Record<string, string>): BackendResponse {
  return { status, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) };
}

/**
 * Answers a CORS preflight: 204 with the CORS headers already chosen for the request.
 * @throws ApiError 403 `origin.not_allowed` when no origin was sent or the policy allowed none.
 */
export function preflight({ origin, cors }: { origin: string | undefined; cors: Record<string, string> }): BackendResponse {
  if (origin === undefined || !cors['access-control-allow-origin']) {
    throw new ApiError(403, 'origin.not_allowed', `The origin ${(origin ?? '(none)').slice(0, 200)} may not use this chat service.`);
  }
  return { status: 204, headers: { ...cors, vary: 'Origin', 'content-length': '0' }, body: '' };
}
