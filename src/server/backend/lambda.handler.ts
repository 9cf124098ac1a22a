import { ApiError } from './api-error';
import type { BackendRequest, BackendResponse } from './backend.types';
import { consoleLog } from './backend.types';
import { createStartChatServiceFromEnv } from './backend-env';
import type { StartChatService } from './start-chat.service';

/** The fields used from an API Gateway REST API (payload 1.0) proxy event. */
export interface ApiGatewayProxyEventV1 {
  version?: '1.0';
  httpMethod: string;
  path: string;
  headers?: Record<string, string | undefined> | null;
  body?: string | null;
  isBase64Encoded?: boolean;
  requestContext?: { identity?: { sourceIp?: string } };
}

/** The fields used from an API Gateway HTTP API (payload 2.0) event. */
export interface ApiGatewayProxyEventV2 {
  version: '2.0';
  rawPath: string;
  headers?: Record<string, string | undefined>;
  body?: string;
  isBase64Encoded?: boolean;
  requestContext: { stage?: string; http: { method: string; sourceIp?: string } };
}

export type ApiGatewayEvent = ApiGatewayProxyEventV1 | ApiGatewayProxyEventV2;

/** A proxy integration result; both API types accept this shape. */
export interface ApiGatewayProxyResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: false;
}

/** Headers as the core wants them; anything that is not a string-valued object yields none. */
function lowerCaseHeaders(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof headers !== 'object' || headers === null) return out;
  for (const [name, value] of Object.entries(headers)) if (typeof value === 'string') out[name.toLowerCase()] = value;
  return out;
}

/** @throws MalformedEventError for a body that is neither absent nor a string. */
function bodyText(body: unknown, base64: unknown): string {
  if (body === undefined || body === null || body === '') return '';
  if (typeof body !== 'string') throw new MalformedEventError('body');
  return base64 === true ? Buffer.from(body, 'base64').toString('utf8') : body;
}

/**
 * An event API Gateway would never send (a test console's `{}`, a wrong integration, a direct invoke): it
 * is answered 400 `request.malformed_event`, with the CORS headers its `Origin` earns, instead of a crash.
 */
export class MalformedEventError extends ApiError {
  constructor(readonly field: string) {
    super(400, 'request.malformed_event', `The request event has no usable ${field}.`);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') throw new MalformedEventError(field);
  return value;
}

/**
 * An API Gateway event (REST v1 or HTTP API v2) as the core's request.
 * @throws MalformedEventError when the event lacks what every proxy event has (a method, a path, a context).
 */
export function fromApiGatewayEvent(event: ApiGatewayEvent): BackendRequest {
  const raw: unknown = event;
  if (!isObject(raw)) throw new MalformedEventError('event');
  if (raw.headers !== undefined && raw.headers !== null && (!isObject(raw.headers) || Array.isArray(raw.headers))) {
    throw new MalformedEventError('headers');
  }
  if (raw.version === '2.0') {
    const context = raw.requestContext;
    if (!isObject(context) || !isObject(context.http)) throw new MalformedEventError('requestContext.http');
    const stage = typeof context.stage === 'string' ? context.stage : undefined;
    let path = text(raw.rawPath, 'rawPath');
    // A named stage (not $default) prefixes rawPath: /prod/api/chats.
    if (stage && stage !== '$default' && path.startsWith(`/${stage}/`)) path = path.slice(stage.length + 1);
    return {
      method: text(context.http.method, 'requestContext.http.method').toUpperCase(),
      path,
      headers: lowerCaseHeaders(raw.headers),
      body: bodyText(raw.body, raw.isBase64Encoded),
      sourceIp: typeof context.http.sourceIp === 'string' ? context.http.sourceIp : '',
    };
  }
  const identity = isObject(raw.requestContext) && isObject(raw.requestContext.identity) ? raw.requestContext.identity : {};
  return {
    method: text(raw.httpMethod, 'httpMethod').toUpperCase(),
    path: text(raw.path, 'path'),
    headers: lowerCaseHeaders(raw.headers),
    body: bodyText(raw.body, raw.isBase64Encoded),
    sourceIp: typeof identity.sourceIp === 'string' ? identity.sourceIp : '',
  };
}

const MISCONFIGURED: ApiGatewayProxyResult = {
  statusCode: 500,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  body: JSON.stringify({ error: { code: 'backend.misconfigured', message: 'The chat service is not configured correctly.' } }),
  isBase64Encoded: false,
};

/**
 * A Lambda handler around the core. `service` may be a promise factory: it runs once per cold start (a
 * failure is logged and retried on the next invocation).
 */
export function createLambdaHandler(
  service: StartChatService | (() => Promise<StartChatService>),
): (event: ApiGatewayEvent) => Promise<ApiGatewayProxyResult> {
  let ready: Promise<StartChatService> | undefined;
  const current = () => {
    if (typeof service !== 'function') return Promise.resolve(service);
    ready ??= service().catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return ready;
  };
  return async (event) => {
    let instance: StartChatService;
    try {
      instance = await current();
    } catch (error) {
      consoleLog({ level: 'error', event: 'backend.misconfigured', message: (error as Error).message, code: (error as { code?: unknown }).code });
      return MISCONFIGURED;
    }
    let request: BackendRequest;
    try {
      request = fromApiGatewayEvent(event);
    } catch (error) {
      if (!(error instanceof MalformedEventError)) throw error;
      const headers = lowerCaseHeaders(isObject(event) ? (event as { headers?: unknown }).headers : undefined);
      return toResult(instance.refuse({ method: '', path: '', headers, body: '', sourceIp: '' }, error));
    }
    return toResult(await instance.handle(request));
  };
}

function toResult(response: BackendResponse): ApiGatewayProxyResult {
  return { statusCode: response.status, headers: response.headers, body: response.body, isBase64Encoded: false };
}

/** The deployed entry point (`deploy/template.yaml`): configured from the environment, logging JSON lines. */
export const handler = createLambdaHandler(() => createStartChatServiceFromEnv(process.env, consoleLog));
