import type { InstanceDefinition } from '../../browser/config/instance-config.types';
import { ApiError } from './api-error';
import { summarizeAwsError } from './aws-error-mapping';
import { json, preflight } from './backend-response';
import type { BackendLog, BackendRequest, BackendResponse } from './backend.types';
import { withVerifiedCustomer } from './customer-attributes';
import { createCustomerIdentifier, type IdentityVerifierOptions } from './customer-identity';
import { findInstance } from './instances-file';
import { CorsExchange, OriginPolicy } from './origin-policy';
import type { DEFAULT_RATE_LIMIT, RateLimitOptions } from './rate-limit';
import { createRateLimitGuard, RATE_LIMITED } from './rate-limit-guard';
import { checkAttributesAllowed, DEFAULT_LIMITS, parseStartChatBody, requireJson, type StartChatLimits } from './start-chat-request';
import { connectClientFor, createContactStarter, type ContactStarterOptions } from './start-contact';
import { createTaskStarter } from './start-task';
import { parseLeaveMessageBody } from './leave-message-request';
import type { CustomerMemory } from './customer-memory';
import { createCustomerStarter } from './returning-customer';

export const START_CHAT_PATH = '/api/chats';
/** Leave a message (TASK): out of hours, a message filed as an Amazon Connect task. */
export const LEAVE_MESSAGE_PATH = '/api/messages';
const INSTANCE_PATH = /^\/api\/instances\/([^/]+)$/;

/** `connectClient`, `connectClientFactory` and `participantEndpoint` are described in {@link ContactStarterOptions}. */
export interface StartChatServiceOptions extends ContactStarterOptions {
  /** The chat instances (`config/instances.json`), already validated. */
  instances: readonly InstanceDefinition[];
  /** Origins allowed for every instance besides their own lists (e.g. the local server's origin). @default none */
  extraOrigins?: () => readonly string[];
  /** @default {@link DEFAULT_LIMITS} */
  limits?: Partial<StartChatLimits>;
  /**
   * Per-address limit on `POST /api/chats` (every attempt counts, valid or not; preflights do not).
   * Refused with 429 `request.rate_limited` and `Retry-After`. `false` turns it off.
   * @default {@link DEFAULT_RATE_LIMIT}: 10 starts a minute per address, bursts of 5
   */
  rateLimit?: Partial<RateLimitOptions> | false;
  /** The clock of the rate limiter, in epoch ms. @default Date.now */
  now?: () => number;
  /** @default no logging */
  log?: BackendLog;
  /** The identity verifier's clock and environment (for `env:NAME` keys). @default Date.now, process.env */
  identity?: Omit<IdentityVerifierOptions, 'onRefused'>;
  /** Where verified customers' last chats are kept, for instances with `persistence: "identity"`. @default none: every chat starts fresh */
  customerMemory?: CustomerMemory;
}

export interface StartChatService {
  /** The body size limit; adapters stop reading a body one byte past it. */
  readonly maxBodyBytes: number;
  /** Answers `POST /api/chats`, `POST /api/messages`, `GET /api/instances/:name` and their preflights; 404 for other paths. */
  handle(req: BackendRequest): Promise<BackendResponse>;
  /**
   * The answer to a request an adapter could not make sense of: `error` as JSON, with the CORS headers its
   * `Origin` earns from any instance (so the page can read why), logged like any refusal.
   */
  refuse(req: BackendRequest, error: ApiError): BackendResponse;
}

/**
 * The start-chat backend, free of any HTTP framework: validates the request, checks the origin against the
 * instance's allowlist, calls StartChatContact with the instance's ids and answers what chatjs needs.
 */
export function createStartChatService(options: StartChatServiceOptions): StartChatService {
  const { instances } = options;
  const limits: StartChatLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const origins = new OriginPolicy(instances, options.extraOrigins);
  const log: BackendLog = options.log ?? (() => {});
  const limitRate = createRateLimitGuard(options.rateLimit, options.now, log);
  const startTask = createTaskStarter(connectClientFor(options), log);
  const startContact = createCustomerStarter(createContactStarter(options, log), options.customerMemory, log);
  const identify = createCustomerIdentifier({
    ...options.identity,
    onRefused: (instance, reason) => log({ level: 'info', event: 'identity.refused', instance, reason }),
  });

  async function handle(req: BackendRequest): Promise<BackendResponse> {
    const exchange = new CorsExchange(req, origins);
    try {
      return await route(exchange);
    } catch (error) {
      return failure(error, exchange, log);
    }
  }

  async function route(exchange: CorsExchange): Promise<BackendResponse> {
    const { req } = exchange;
    if (req.path === START_CHAT_PATH || req.path === LEAVE_MESSAGE_PATH) {
      exchange.allowCors('POST, OPTIONS');
      if (req.method === 'OPTIONS') return preflight(exchange);
      if (req.method !== 'POST') throw methodNotAllowed('POST, OPTIONS');
      // One budget per address for both: a flood of messages is as costly as a flood of chats.
      limitRate(req);
      return await (req.path === START_CHAT_PATH ? startChat(exchange) : leaveMessage(exchange));
    }
    const match = INSTANCE_PATH.exec(req.path);
    if (match) return instanceConfig(exchange, decodeName(match[1] ?? ''));
    throw new ApiError(404, 'route.not_found', `No route ${req.method} ${req.path.slice(0, 200)}.`);
  }

  /** `GET /api/instances/:name`: the instance's public config, to a page the instance allows (or to no page). */
  function instanceConfig(exchange: CorsExchange, name: string): BackendResponse {
    const { req } = exchange;
    const instance = findInstance(instances, name);
    exchange.allowCors('GET, OPTIONS', instance);
    if (req.method === 'OPTIONS') return preflight(exchange);
    if (req.method !== 'GET') throw methodNotAllowed('GET, OPTIONS');
    if (!instance) throw instanceNotFound();
    exchange.refuseOrigin(instance, false);
    return json(200, instance.public, { ...exchange.cors, 'cache-control': 'public, max-age=60' });
  }

  /** `POST /api/chats`: a checked request from an allowed page becomes a started contact. */
  async function startChat(exchange: CorsExchange): Promise<BackendResponse> {
    const { req } = exchange;
    requireJson(req.headers['content-type']);
    const request = parseStartChatBody(req.body, limits);
    const instance = findInstance(instances, request.instance);
    if (!instance) throw instanceNotFound();
    exchange.allowCors('POST, OPTIONS', instance);
    exchange.refuseOrigin(instance, true);
    // Who the customer is, verified, or undefined for an anonymous start: everything after this line that
    // needs the customer (contact attributes, a remembered conversation) takes it from here.
    const customer = await identify(instance, request.identityToken);
    const checked = withVerifiedCustomer(request, instance, customer);
    checkAttributesAllowed(request.attributes, instance);
    const started = await startContact(instance, checked, req.sourceIp, customer);
    return json(200, started, { ...exchange.cors, 'cache-control': 'no-store' });
  }

  /**
   * `POST /api/messages`: a message left out of hours, from an allowed page of an instance with
   * `offHours.leaveMessage`, filed as a task with the instance's task flow.
   */
  async function leaveMessage(exchange: CorsExchange): Promise<BackendResponse> {
    const { req } = exchange;
    requireJson(req.headers['content-type']);
    if (Buffer.byteLength(req.body) > limits.maxBodyBytes) {
      throw new ApiError(400, 'request.body_too_large', `The request body is larger than ${limits.maxBodyBytes} bytes.`);
    }
    const message = parseLeaveMessageBody(req.body);
    const instance = findInstance(instances, message.instance);
    if (!instance) throw instanceNotFound();
    exchange.allowCors('POST, OPTIONS', instance);
    exchange.refuseOrigin(instance, true);
    if (instance.public.offHours?.leaveMessage !== true || !instance.connect.taskFlowId) {
      throw new ApiError(404, 'message.not_enabled', 'This chat instance does not take messages.');
    }
    const filed = await startTask(instance, message, req.sourceIp);
    return json(200, filed, { ...exchange.cors, 'cache-control': 'no-store' });
  }

  function refuse(req: BackendRequest, error: ApiError): BackendResponse {
    const exchange = new CorsExchange(req, origins);
    exchange.allowCors('GET, POST, OPTIONS');
    return failure(error, exchange, log);
  }

  return { handle, refuse, maxBodyBytes: limits.maxBodyBytes };
}

/** The answer to a request that failed: its ApiError (or a 500 for a crash), logged; never cached. */
function failure(error: unknown, { req, cors }: CorsExchange, log: BackendLog): BackendResponse {
  const refused = error instanceof ApiError ? error : new ApiError(500, 'backend.internal', 'The chat service failed unexpectedly.');
  if (!(error instanceof ApiError)) {
    log({ level: 'error', event: 'request.crashed', path: req.path, error: summarizeAwsError(error) });
  } else if (refused.code !== RATE_LIMITED) {
    // A rate-limited streak is logged once by the rate-limit guard: a flood must not become a flood of log lines.
    log({ level: 'info', event: 'request.refused', code: refused.code, status: refused.status, path: req.path, sourceIp: req.sourceIp });
  }
  const headers = refused.code === 'origin.not_allowed' ? {} : cors;
  return json(refused.status, refused.toBody(), { ...headers, ...refused.headers, 'cache-control': 'no-store' });
}

function methodNotAllowed(allow: string): ApiError {
  return new ApiError(405, 'request.method_not_allowed', `Use ${allow.split(',')[0]} here.`, { allow });
}

function instanceNotFound(): ApiError {
  return new ApiError(404, 'instance.not_found', 'There is no chat instance with that name.');
}

function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
