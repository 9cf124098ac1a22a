import { StartChatContactCommand } from '@aws-sdk/client-connect';
import type { InstanceDefinition, StartedChat } from '../config/instance-config.types';
import { ApiError } from './api-error';
import { summarizeAwsError, toApiError } from './aws-error-mapping';
import type { BackendLog, BackendRequest, BackendResponse } from './backend.types';
import type { ConnectClientLike } from './connect-client';
import { findInstance } from './instances-file';
import { corsHeaders, OriginPolicy } from './origin-policy';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimitOptions } from './rate-limit';
import { checkAttributesAllowed, DEFAULT_LIMITS, parseStartChatBody, type StartChatLimits } from './start-chat-request';

/** The paths the service answers start with this. */
export const API_PATH_PREFIX = '/api/';
export const START_CHAT_PATH = '/api/chats';
const INSTANCE_PATH = /^\/api\/instances\/([^/]+)$/;
const RATE_LIMITED = 'request.rate_limited';

export interface StartChatServiceOptions {
  /** The chat instances (`config/instances.json`), already validated. */
  instances: readonly InstanceDefinition[];
  /** One client for every instance (tests pass a stub with `send`). */
  connectClient?: ConnectClientLike;
  /** A client per region; used when `connectClient` is absent. */
  connectClientFactory?: (region: string) => ConnectClientLike;
  /**
   * The Participant Service endpoint handed to chatjs.
   * @default `https://participant.connect.${region}.amazonaws.com`
   */
  participantEndpoint?: string | ((region: string) => string);
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
}

export interface StartChatService {
  /** The body size limit; adapters stop reading a body one byte past it. */
  readonly maxBodyBytes: number;
  /** Answers `POST /api/chats`, `GET /api/instances/:name` and their preflights; 404 for other paths. */
  handle(req: BackendRequest): Promise<BackendResponse>;
}

const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'x-content-type-options': 'nosniff',
  vary: 'Origin',
};

/**
 * The start-chat backend, free of any HTTP framework: validates the request, checks the origin against the
 * instance's allowlist, calls StartChatContact with the instance's ids and answers what chatjs needs.
 */
export function createStartChatService(options: StartChatServiceOptions): StartChatService {
  const { instances } = options;
  const limits: StartChatLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const origins = new OriginPolicy(instances, options.extraOrigins);
  const log: BackendLog = options.log ?? (() => {});
  const limiter = options.rateLimit === false ? undefined : new RateLimiter({ ...DEFAULT_RATE_LIMIT, ...options.rateLimit }, options.now);
  const clientFor = (region: string): ConnectClientLike => {
    if (options.connectClient) return options.connectClient;
    if (options.connectClientFactory) return options.connectClientFactory(region);
    throw new ApiError(500, 'backend.misconfigured', 'The chat service has no Amazon Connect client.');
  };
  const participantEndpointFor = (region: string): string => {
    const endpoint = options.participantEndpoint;
    if (typeof endpoint === 'function') return endpoint(region);
    return endpoint ?? `https://participant.connect.${region}.amazonaws.com`;
  };

  /** One request on its way through: the CORS headers grow more specific once the instance is known. */
  interface Exchange {
    req: BackendRequest;
    origin: string | undefined;
    cors: Record<string, string>;
  }

  /** CORS headers go on every answer (errors included) to an origin the policy allows. */
  function allowCors(exchange: Exchange, methods: string, instance?: InstanceDefinition): void {
    const { origin } = exchange;
    exchange.cors = origin !== undefined && origins.allows(origin, instance) ? corsHeaders(origin, methods) : {};
  }

  async function handle(req: BackendRequest): Promise<BackendResponse> {
    const exchange: Exchange = { req, origin: req.headers.origin, cors: {} };
    try {
      if (req.path === START_CHAT_PATH) {
        allowCors(exchange, 'POST, OPTIONS');
        if (req.method === 'OPTIONS') return preflight(exchange);
        if (req.method !== 'POST') throw methodNotAllowed('POST, OPTIONS');
        limitRate(req);
        return await startChat(exchange);
      }
      const match = INSTANCE_PATH.exec(req.path);
      if (match) {
        const instance = findInstance(instances, decodeName(match[1] ?? ''));
        allowCors(exchange, 'GET, OPTIONS', instance);
        if (req.method === 'OPTIONS') return preflight(exchange);
        if (req.method !== 'GET') throw methodNotAllowed('GET, OPTIONS');
        if (!instance) throw instanceNotFound();
        refuseOrigin(exchange, instance, false);
        return json(200, instance.public, { ...exchange.cors, 'cache-control': 'public, max-age=60' });
      }
      throw new ApiError(404, 'route.not_found', `No route ${req.method} ${req.path.slice(0, 200)}.`);
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError(500, 'backend.internal', 'The chat service failed unexpectedly.');
      if (!(error instanceof ApiError)) {
        log({ level: 'error', event: 'request.crashed', path: req.path, error: summarizeAwsError(error) });
      } else if (failure.code !== RATE_LIMITED) {
        // A rate-limited streak is logged once by limitRate: a flood must not become a flood of log lines.
        log({ level: 'info', event: 'request.refused', code: failure.code, status: failure.status, path: req.path, sourceIp: req.sourceIp });
      }
      const cors = failure.code === 'origin.not_allowed' ? {} : exchange.cors;
      return json(failure.status, failure.toBody(), { ...cors, ...failure.headers, 'cache-control': 'no-store' });
    }
  }

  /** @throws ApiError 429 `request.rate_limited` when the client's address has used up its starts. */
  function limitRate(req: BackendRequest): void {
    const limited = limiter?.take(req.sourceIp);
    if (!limited) return;
    if (limited.first) {
      log({ level: 'warn', event: 'request.rate_limited', path: req.path, sourceIp: req.sourceIp, retryAfterSeconds: limited.retryAfterSeconds });
    }
    throw new ApiError(
      429,
      RATE_LIMITED,
      `Too many chats were started from your network. Please try again in ${limited.retryAfterSeconds} seconds.`,
      { 'retry-after': String(limited.retryAfterSeconds) },
    );
  }

  function refuseOrigin({ origin }: Exchange, instance: InstanceDefinition, required: boolean): void {
    if (origin === undefined) {
      if (required) throw new ApiError(403, 'origin.not_allowed', 'Requests must come from a web page (no Origin header).');
      return;
    }
    if (!origins.allows(origin, instance)) {
      throw new ApiError(
        403,
        'origin.not_allowed',
        `The origin ${origin.slice(0, 200)} may not use chat instance "${instance.public.name}"; add it to the instance's allowedOrigins.`,
      );
    }
  }

  async function startChat(exchange: Exchange): Promise<BackendResponse> {
    const { req } = exchange;
    const contentType = req.headers['content-type'] ?? '';
    if (!/^application\/json\s*(;|$)/i.test(contentType)) {
      throw new ApiError(415, 'request.unsupported_media_type', 'Send the request as application/json.');
    }
    const request = parseStartChatBody(req.body, limits);
    const instance = findInstance(instances, request.instance);
    if (!instance) throw instanceNotFound();
    allowCors(exchange, 'POST, OPTIONS', instance);
    refuseOrigin(exchange, instance, true);
    checkAttributesAllowed(request.attributes, instance);

    const { connect } = instance;
    let output;
    try {
      output = await clientFor(connect.region).send(
        new StartChatContactCommand({
          InstanceId: connect.instanceId,
          ContactFlowId: connect.contactFlowId,
          ParticipantDetails: { DisplayName: request.displayName },
          ...(Object.keys(request.attributes).length > 0 ? { Attributes: request.attributes } : {}),
          SupportedMessagingContentTypes: ['text/plain', 'text/markdown'],
        }),
      );
    } catch (error) {
      if (error instanceof ApiError) throw error;
      const mapped = toApiError(error);
      log({
        level: mapped.code === 'backend.throttled' || mapped.code === 'backend.capacity' ? 'warn' : 'error',
        event: 'chat.start_failed',
        instance: instance.public.name,
        code: mapped.code,
        aws: summarizeAwsError(error),
        sourceIp: req.sourceIp,
      });
      throw mapped;
    }
    const { ContactId: contactId, ParticipantId: participantId, ParticipantToken: participantToken } = output;
    if (!contactId || !participantId || !participantToken) {
      log({ level: 'error', event: 'chat.start_failed', instance: instance.public.name, code: 'backend.bad_response' });
      throw new ApiError(502, 'backend.bad_response', 'Amazon Connect answered without the chat details.');
    }
    const started: StartedChat = {
      contactId,
      participantId,
      participantToken,
      participantEndpoint: participantEndpointFor(connect.region),
      region: connect.region,
    };
    log({ level: 'info', event: 'chat.started', instance: instance.public.name, contactId, sourceIp: req.sourceIp });
    return json(200, started, { ...exchange.cors, 'cache-control': 'no-store' });
  }

  return { handle, maxBodyBytes: limits.maxBodyBytes };
}

function preflight({ origin, cors }: { origin: string | undefined; cors: Record<string, string> }): BackendResponse {
  if (origin === undefined || !cors['access-control-allow-origin']) {
    throw new ApiError(403, 'origin.not_allowed', `The origin ${(origin ?? '(none)').slice(0, 200)} may not use this chat service.`);
  }
  return { status: 204, headers: { ...cors, vary: 'Origin', 'content-length': '0' }, body: '' };
}

function json(status: number, body: unknown, headers: Record<string, string>): BackendResponse {
  return { status, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) };
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
