import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sendErrorBody } from './json-http';

export const AGENT_CONSOLE_PATH = '/agent/';

let page: { html: string; csp: string } | undefined;

/**
 * The agent console page: one self-contained HTML file, served with a CSP that allows exactly its own
 * inline style and script (by hash) and calls to the control API on the same origin.
 */
function consolePage(): { html: string; csp: string } {
  if (page) return page;
  const html = readFileSync(new URL('./agent-console.html', import.meta.url), 'utf8');
  const hashes = (tag: string) =>
    [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map(
      (match) => `'sha256-${createHash('sha256').update(match[1] ?? '').digest('base64')}'`,
    );
  const csp = [
    "default-src 'none'",
    `script-src ${hashes('script').join(' ')}`,
    `style-src ${hashes('style').join(' ')}`,
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  page = { html, csp };
  return page;
}

/** Serves `/agent/` (and redirects `/agent` there). */
export function serveAgentConsole(req: IncomingMessage, res: ServerResponse, path: string): void {
  if (path === '/agent') {
    res.writeHead(308, { location: AGENT_CONSOLE_PATH, 'content-length': '0' });
    res.end();
    return;
  }
  if (path !== AGENT_CONSOLE_PATH) {
    sendErrorBody(res, 404, 'emulator.route_not_found', 'The agent console lives at /agent/.');
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendErrorBody(res, 405, 'request.method_not_allowed', 'Use GET here.', { allow: 'GET, HEAD' });
    return;
  }
  const { html, csp } = consolePage();
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': String(Buffer.byteLength(html)),
    'content-security-policy': csp,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(req.method === 'HEAD' ? undefined : html);
}
