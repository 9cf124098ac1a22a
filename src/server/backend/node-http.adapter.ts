import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import type { BackendRequest, BackendResponse } from './backend.types';
import type { StartChatService } from './start-chat.service';

/** Past this many bytes a body is not even drained: its connection is cut. */
const DRAIN_LIMIT_BYTES = 1024 * 1024;

/** A start-chat body is at most a few KiB: a client still sending after this long is trickling. */
export const DEFAULT_BODY_TIMEOUT_MS = 5_000;

/** The body did not arrive in time: answered 408 `request.timeout`, then the connection is closed. */
export class BodyTimeoutError extends Error {
  override readonly name = 'BodyTimeoutError';
  readonly code = 'request.timeout';
}

interface ReadBody {
  text: string;
  /** True when the body went past the limit; `text` then holds its first limit + 1 bytes. */
  truncated: boolean;
}

/**
 * Reads a body to its end, keeping at most `limit + 1` bytes: enough for the core to see it is too large
 * and answer `request.body_too_large` (with the right CORS headers) without holding it in memory. The
 * whole body is drained first: answering earlier makes Node drop a keep-alive connection under a client
 * that already reuses it.
 */
function readLimitedBody(req: IncomingMessage, limit: number, timeoutMs: number): Promise<ReadBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    let size = 0;
    let done = false;
    // One deadline for the whole body, not an idle timeout: a byte a second would reset an idle timer forever.
    const deadline = setTimeout(() => fail(new BodyTimeoutError(`The request body did not arrive within ${timeoutMs} ms.`)), timeoutMs);
    const fail = (error: Error) => {
      if (done) return;
      done = true;
      clearTimeout(deadline);
      reject(error);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > DRAIN_LIMIT_BYTES) {
        fail(new Error('The request body is far too large.'));
        req.destroy();
        return;
      }
      if (kept <= limit) {
        chunks.push(chunk);
        kept += chunk.length;
      }
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      clearTimeout(deadline);
      resolve({ text: Buffer.concat(chunks).subarray(0, limit + 1).toString('utf8'), truncated: size > limit });
    });
    req.on('error', fail);
    req.on('close', () => fail(new Error('The request closed before its body arrived.')));
  });
}

export interface NodeHttpOptions {
  /**
   * How many proxies in front of this server (a load balancer, a CDN) to believe about the client's
   * address. With `true` or `1`, the last address in `X-Forwarded-For` (the one your proxy appended) is the
   * client; with `2`, the one before it; and so on. With `false`, the socket's peer address, which is
   * the only choice for a server the internet reaches directly: anyone can send `X-Forwarded-For`.
   * @default false
   */
  trustProxy?: boolean | number;
  /**
   * How long a client may take to send a whole request body. Past it the request is answered 408
   * `request.timeout` and its connection closed, so a client trickling bytes cannot hold a socket.
   * @default {@link DEFAULT_BODY_TIMEOUT_MS} (5 s)
   */
  bodyTimeoutMs?: number;
}

/**
 * The client's address: the socket's peer, or with `trustProxy` the `X-Forwarded-For` entry that many
 * hops back (the leftmost entry when there are fewer; the socket's when none is an IP address).
 */
export function clientAddress(req: Pick<IncomingMessage, 'headers' | 'socket'>, trustProxy: boolean | number = false): string {
  const peer = req.socket.remoteAddress ?? '';
  const hops = trustProxy === true ? 1 : trustProxy === false ? 0 : Math.max(0, Math.floor(trustProxy));
  if (hops === 0) return peer;
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const candidate = forwarded[Math.max(0, forwarded.length - hops)];
  return candidate !== undefined && isIP(candidate) ? candidate : peer;
}

/** The Node `http` request as the core wants it. */
export async function toBackendRequest(
  req: IncomingMessage,
  maxBodyBytes: number,
  options: NodeHttpOptions = {},
): Promise<{ request: BackendRequest; truncated: boolean }> {
  const url = new URL(req.url ?? '/', 'http://backend.invalid');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  // Read before the body: a socket that has gone away no longer knows its peer.
  const sourceIp = clientAddress(req, options.trustProxy);
  const body = await readLimitedBody(req, maxBodyBytes, options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS);
  return {
    request: {
      method: (req.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      headers,
      body: body.text,
      sourceIp,
    },
    truncated: body.truncated,
  };
}

function writeResponse(res: ServerResponse, response: BackendResponse, closeConnection: boolean): void {
  if (res.headersSent) return;
  res.writeHead(response.status, {
    ...response.headers,
    'content-length': String(Buffer.byteLength(response.body)),
    ...(closeConnection ? { connection: 'close' } : {}),
  });
  res.end(response.body);
}

/**
 * The start-chat service on Node's `http`: `server.on('request', createNodeHttpHandler(service))`, or call
 * it for the paths under `/api/` from a composed server. Never rejects.
 */
export function createNodeHttpHandler(
  service: StartChatService,
  options: NodeHttpOptions = {},
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    try {
      const { request, truncated } = await toBackendRequest(req, service.maxBodyBytes, options);
      writeResponse(res, await service.handle(request), truncated);
    } catch (error) {
      if (req.destroyed) return;
      const timedOut = error instanceof BodyTimeoutError;
      const code = timedOut ? error.code : 'request.unreadable';
      const message = timedOut ? 'The request body took too long to arrive.' : 'The request could not be read.';
      writeResponse(
        res,
        { status: timedOut ? 408 : 400, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify({ error: { code, message } }) },
        true,
      );
      // The rest of a trickled body is not worth waiting for: close once the answer is out.
      if (timedOut) res.once('finish', () => req.socket.destroy());
    }
  };
}
