import type { ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { sendJson } from './json-http';

/**
 * An error as an AWS REST-JSON service sends it: the status, the error type in `x-amzn-errortype`
 * (what the SDKs turn into the error's `name`), and a message in the body.
 */
export class AwsServiceError extends Error {
  override readonly name = 'AwsServiceError';
  constructor(
    readonly status: number,
    /** e.g. `AccessDeniedException`; also used as the error's `code`. */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The error type AWS services use for a bare status, when a fault names none. */
export function awsErrorTypeForStatus(status: number, service: 'connect' | 'participant'): string {
  switch (status) {
    case 400:
      return service === 'connect' ? 'InvalidRequestException' : 'ValidationException';
    case 403:
      return 'AccessDeniedException';
    case 404:
      return 'ResourceNotFoundException';
    case 409:
      return 'ConflictException';
    case 429:
      return 'ThrottlingException';
    case 500:
      return service === 'connect' ? 'InternalServiceException' : 'InternalServerException';
    case 503:
      return 'ServiceUnavailableException';
    default:
      return status >= 500 ? 'InternalServerException' : 'BadRequestException';
  }
}

/**
 * Writes an AWS-shaped error. The Amazon Connect API names its message `Message`, the Participant Service
 * `message`; both SDKs read either. `x-amzn-errortype` must be exposed to browsers (see the CORS headers).
 */
export function sendAwsError(
  res: ServerResponse,
  error: AwsServiceError,
  service: 'connect' | 'participant',
  headers: Record<string, string> = {},
): void {
  const body = service === 'connect' ? { Message: error.message } : { message: error.message };
  sendJson(res, error.status, body, {
    'x-amzn-errortype': error.code,
    'x-amzn-requestid': randomUUID(),
    ...headers,
  });
}
