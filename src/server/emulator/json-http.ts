import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorBody } from '../../browser/config/instance-config.types';

/** A request body was bigger than the route accepts. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
  readonly code = 'request.body_too_large';
  constructor(readonly limitBytes: number) {
    super(`The request body is larger than ${limitBytes} bytes.`);
  }
}

/** Past this many bytes an oversized body is not drained any more: its connection is cut. */
const DRAIN_LIMIT_BYTES = 8 * 1024 * 1024;

/** A request body, read to its end before anything answers (so keep-alive connections stay usable). */
export type RequestBody = { text: string; tooLarge: false } | { text: ''; tooLarge: true; limitBytes: number };

/**
 * Reads a request body as UTF-8 to its end, keeping at most `limitBytes`; a longer body is drained and
 * reported as `tooLarge`. Answering before the body is consumed makes Node close the connection under a
 * client that already reuses it, so every route reads first and answers after.
 * @throws Error when the client goes away or sends more than 8 MB.
 */
export function drainBody(req: IncomingMessage, limitBytes: number): Promise<RequestBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      action();
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > DRAIN_LIMIT_BYTES) {
        settle(() => reject(new BodyTooLargeError(limitBytes)));
        req.destroy();
        return;
      }
      if (size <= limitBytes) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () =>
      settle(() =>
        resolve(size > limitBytes ? { text: '', tooLarge: true, limitBytes } : { text: Buffer.concat(chunks).toString('utf8'), tooLarge: false }),
      ),
    );
    req.on('error', (error) => settle(() => reject(error)));
    req.on('close', () => settle(() => reject(new Error('The request was closed before its body arrived.'))));
  });
}

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses text that must hold a JSON object; `undefined` for anything else. An empty body counts as `{}`. */
export function parseJsonObject(text: string): JsonObject | undefined {
  if (text.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    return isJsonObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Writes a JSON response unless one was already started. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    if (!res.writableEnded) res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

/** An error of the control API, in the project's {@link ErrorBody} shape. */
export function sendErrorBody(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  const body: ErrorBody = { error: { code, message } };
  sendJson(res, status, body, headers);
}

/** The path of a request URL, without its query; `undefined` when the URL cannot be parsed. */
export function pathOf(req: IncomingMessage): string | undefined {
  try {
    return new URL(req.url ?? '/', 'http://emulator.invalid').pathname;
  } catch {
    return undefined;
  }
}
