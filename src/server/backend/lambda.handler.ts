import type { BackendRequest } from './backend.types';
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

function lowerCaseHeaders(headers: Record<string, string | undefined> | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) if (value !== undefined) out[name.toLowerCase()] = value;
  return out;
}

function bodyText(body: string | null | undefined, base64: boolean | undefined): string {
  if (!body) return '';
  return base64 ? Buffer.from(body, 'base64').toString('utf8') : body;
}

/** An API Gateway event (REST v1 or HTTP API v2) as the core's request. */
export function fromApiGatewayEvent(event: ApiGatewayEvent): BackendRequest {
  if ('version' in event && event.version === '2.0') {
    const { stage } = event.requestContext;
    let path = event.rawPath || '/';
    // A named stage (not $default) prefixes rawPath: /prod/api/chats.
    if (stage && stage !== '$default' && path.startsWith(`/${stage}/`)) path = path.slice(stage.length + 1);
    return {
      method: event.requestContext.http.method.toUpperCase(),
      path,
      headers: lowerCaseHeaders(event.headers),
      body: bodyText(event.body, event.isBase64Encoded),
      sourceIp: event.requestContext.http.sourceIp ?? '',
    };
  }
  const v1 = event as ApiGatewayProxyEventV1;
  return {
    method: v1.httpMethod.toUpperCase(),
    path: v1.path || '/',
    headers: lowerCaseHeaders(v1.headers),
    body: bodyText(v1.body, v1.isBase64Encoded),
    sourceIp: v1.requestContext?.identity?.sourceIp ?? '',
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
    const response = await instance.handle(fromApiGatewayEvent(event));
    return { statusCode: response.status, headers: response.headers, body: response.body, isBase64Encoded: false };
  };
}

/** The deployed entry point (`deploy/template.yaml`): configured from the environment, logging JSON lines. */
export const handler = createLambdaHandler(() => createStartChatServiceFromEnv(process.env, consoleLog));
