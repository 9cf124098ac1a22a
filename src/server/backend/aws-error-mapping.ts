import { ApiError } from './api-error';

const THROTTLING = new Set([
  'ThrottlingException',
  'TooManyRequestsException',
  'ThrottledException',
  'RequestLimitExceeded',
  'RequestThrottledException',
]);
const CAPACITY = new Set(['LimitExceededException', 'ServiceQuotaExceededException']);
const ACCESS = new Set([
  'AccessDeniedException',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'MissingAuthenticationTokenException',
  'CredentialsProviderError',
]);
const FLOW = new Set(['ResourceNotFoundException', 'InvalidRequestException', 'InvalidParameterException']);

/** The parts of an AWS SDK error worth logging (never the request, which holds nothing secret, nor tokens). */
export interface AwsErrorSummary {
  name: string;
  message: string;
  httpStatusCode?: number;
  requestId?: string;
  attempts?: number;
}

export function summarizeAwsError(error: unknown): AwsErrorSummary {
  const value = error as { name?: unknown; message?: unknown; $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number } };
  return {
    name: typeof value?.name === 'string' ? value.name : 'Error',
    message: typeof value?.message === 'string' ? value.message.slice(0, 500) : String(error).slice(0, 500),
    ...(value?.$metadata?.httpStatusCode !== undefined ? { httpStatusCode: value.$metadata.httpStatusCode } : {}),
    ...(value?.$metadata?.requestId !== undefined ? { requestId: value.$metadata.requestId } : {}),
    ...(value?.$metadata?.attempts !== undefined ? { attempts: value.$metadata.attempts } : {}),
  };
}

/**
 * Turns a failed StartChatContact into an answer for the browser: a clear code and message, and nothing
 * of AWS's own text (which can name accounts, ARNs and roles).
 */
export function toApiError(error: unknown): ApiError {
  const { name, httpStatusCode } = summarizeAwsError(error);
  if (CAPACITY.has(name)) {
    return new ApiError(503, 'backend.capacity', 'All chat lines are busy right now. Please try again in a few minutes.', {
      'retry-after': '30',
    });
  }
  if (THROTTLING.has(name) || httpStatusCode === 429) {
    return new ApiError(503, 'backend.throttled', 'The chat service is busy right now. Please try again in a few seconds.', {
      'retry-after': '5',
    });
  }
  if (ACCESS.has(name)) {
    return new ApiError(502, 'backend.aws_access', 'The chat service is not allowed to start chats (check its AWS credentials and IAM policy).');
  }
  if (FLOW.has(name)) {
    return new ApiError(502, 'backend.flow', 'The chat service is misconfigured (check the instance id and contact flow id).');
  }
  return new ApiError(502, 'backend.unavailable', 'The chat service could not reach Amazon Connect. Please try again.');
}
