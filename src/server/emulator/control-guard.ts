import type { IncomingMessage } from 'node:http';

/** Why a control API request is refused before it reaches a route. */
export interface ControlRefusal {
  status: 403 | 415;
  code: 'request.host_not_allowed' | 'request.origin_not_allowed' | 'request.unsupported_media_type';
  message: string;
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost'];

/**
 * The control API drives every contact (and the agent console reads every transcript), so only the
 * machine's own tools may call it:
 * - `Host` must be 127.0.0.1 or localhost with the port the request arrived on, so a page on a
 *   rebinding DNS name cannot reach it through the victim's browser;
 * - an `Origin` (and a `Sec-Fetch-Site`), when sent, must be this very origin: no cross-site page;
 * - a request that changes anything (POST, DELETE) must say `Content-Type: application/json`, which a
 *   cross-site form or simple `fetch` cannot send without a preflight that this API never approves.
 * @returns the refusal, or undefined when the request may go on.
 */
export function controlRefusal(req: IncomingMessage): ControlRefusal | undefined {
  const port = req.socket.localPort;
  const host = (req.headers.host ?? '').toLowerCase();
  const allowedHosts = LOOPBACK_NAMES.map((name) => `${name}:${port}`);
  if (!allowedHosts.includes(host)) {
    return { status: 403, code: 'request.host_not_allowed', message: `The control API answers only on ${allowedHosts.join(' or ')}.` };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) {
    return { status: 403, code: 'request.origin_not_allowed', message: 'The control API takes requests from its own origin only.' };
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return { status: 403, code: 'request.origin_not_allowed', message: 'The control API takes requests from its own origin only.' };
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    const mediaType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (mediaType !== 'application/json') {
      return { status: 415, code: 'request.unsupported_media_type', message: 'Send control requests with Content-Type: application/json (a body of {} will do).' };
    }
  }
  return undefined;
}
