import {
  ConnectClient,
  type StartChatContactCommand,
  type StartChatContactCommandOutput,
  type StartTaskContactCommand,
  type StartTaskContactCommandOutput,
} from '@aws-sdk/client-connect';

/** What the service needs of a Connect client; a real `ConnectClient` is one, and tests pass a stub. */
export interface ConnectClientLike {
  send(command: StartChatContactCommand): Promise<StartChatContactCommandOutput>;
  /** Leave a message (TASK): a message left out of hours becomes a task. */
  send(command: StartTaskContactCommand): Promise<StartTaskContactCommandOutput>;
}

export interface ConnectClientOptions {
  /** An Amazon Connect API endpoint to use instead of AWS's (the emulator: `http://127.0.0.1:8080`). */
  endpoint?: string;
  /**
   * Static credentials. With an `endpoint` and none given, dummy ones (the emulator ignores the signature);
   * otherwise the SDK's default chain (Lambda role, environment, profile).
   */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /**
   * Attempts per call, the first included. Only throttling and network failures are retried.
   * @default 3
   */
  maxAttempts?: number;
  /** @default 500 */
  retryBaseDelayMs?: number;
  /** @default 10000 */
  requestTimeoutMs?: number;
}

/** The SDK's view of a failed attempt (structurally `RetryErrorInfo` from `@smithy/types`). */
interface RetryErrorInfo {
  errorType: string;
  error?: { $metadata?: { httpStatusCode?: number } };
  retryAfterHint?: Date;
}

class RetryToken {
  constructor(
    private readonly retryCount: number,
    private readonly retryDelay: number,
  ) {}
  getRetryCount(): number {
    return this.retryCount;
  }
  getRetryDelay(): number {
    return this.retryDelay;
  }
}

const MAX_RETRY_DELAY_MS = 5_000;

/**
 * The SDK's retry loop, told which failures to try again: throttling (with exponential backoff, jitter and
 * the server's Retry-After) and failures that never got an HTTP answer (resets, timeouts). A 5xx answer
 * goes straight back to the browser, which offers "Try again"; StartChatContact's ClientToken keeps the
 * retried calls from starting two contacts.
 */
export class ThrottlingRetryStrategy {
  readonly mode = 'standard';

  constructor(
    private readonly maxAttempts: number,
    private readonly baseDelayMs: number,
    private readonly random: () => number = Math.random,
  ) {}

  async acquireInitialRetryToken(_scope: string): Promise<RetryToken> {
    return new RetryToken(0, 0);
  }

  async refreshRetryTokenForRetry(token: RetryToken, errorInfo: RetryErrorInfo): Promise<RetryToken> {
    const unanswered = errorInfo.errorType === 'TRANSIENT' && errorInfo.error?.$metadata?.httpStatusCode === undefined;
    const retryable = errorInfo.errorType === 'THROTTLING' || unanswered;
    const retries = token.getRetryCount();
    if (!retryable || retries + 1 >= this.maxAttempts) throw new Error('Not retried.');
    const ceiling = Math.min(MAX_RETRY_DELAY_MS, this.baseDelayMs * 2 ** retries);
    const backoff = ceiling / 2 + (this.random() * ceiling) / 2;
    const hinted = errorInfo.retryAfterHint ? Math.min(errorInfo.retryAfterHint.getTime() - Date.now(), MAX_RETRY_DELAY_MS) : 0;
    return new RetryToken(retries + 1, Math.max(backoff, hinted));
  }

  recordSuccess(_token: RetryToken): void {}
}

/** A real `ConnectClient` for one region, configured for StartChatContact. */
export function createConnectClient(region: string, options: ConnectClientOptions = {}): ConnectClient {
  const maxAttempts = options.maxAttempts ?? 3;
  const credentials = options.credentials ?? (options.endpoint ? { accessKeyId: 'emulator', secretAccessKey: 'emulator' } : undefined);
  return new ConnectClient({
    region,
    // Resolve the middleware stack once per command class rather than on every call (the SDK's own
    // option; the stack never changes after this). About a quarter of the backend's CPU per start.
    cacheMiddleware: true,
    maxAttempts,
    retryStrategy: new ThrottlingRetryStrategy(maxAttempts, options.retryBaseDelayMs ?? 500),
    requestHandler: { requestTimeout: options.requestTimeoutMs ?? 10_000, connectionTimeout: 3_000 },
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(credentials ? { credentials } : {}),
  });
}

/** One client per region, made on first use. */
export function createConnectClientFactory(options: ConnectClientOptions = {}): (region: string) => ConnectClient {
  const clients = new Map<string, ConnectClient>();
  return (region) => {
    let client = clients.get(region);
    if (!client) clients.set(region, (client = createConnectClient(region, options)));
    return client;
  };
}
