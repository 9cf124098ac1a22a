import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import type { InstanceDefinition } from '../../browser/config/instance-config.types';

/** The signed-in customer of the demo shop. */
export const DEMO_CUSTOMER = { id: 'demo-user', name: 'Dana Demo' } as const;
/** The chat instance `/account` embeds: identity required. */
export const MEMBER_INSTANCE = 'member_chat';
/** How long a chat token lives: long enough for one start, short enough that a stolen one is soon worthless. */
export const CHAT_TOKEN_LIFETIME_SECONDS = 5 * 60;

const SESSION_COOKIE = 'demo-session';
const TOKEN_PATH = '/account/chat-token';

/**
 * `/account`, the demo shop's signed-in page, and `/account/chat-token`, the endpoint that stands in for a
 * customer's own backend: it knows the customer by their session and signs them a short-lived chat token
 * with the secret it shares with the chat backend (`config/instances.json`, `member_chat.identity`).
 * Answers `false` for any other path.
 */
export function createAccountPages(options: { root: string; instances: readonly InstanceDefinition[]; env?: NodeJS.ProcessEnv }) {
  const env = options.env ?? process.env;
  const member = options.instances.find((instance) => instance.public.name === MEMBER_INSTANCE);

  function secret(): Uint8Array | undefined {
    const configured = member?.identity?.hs256Secret;
    const value = configured?.startsWith('env:') ? env[configured.slice(4)] : configured;
    return value ? new TextEncoder().encode(value) : undefined;
  }

  async function chatToken(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const key = secret();
    const signedIn = (req.headers.cookie ?? '').split(/;\s*/).includes(`${SESSION_COOKIE}=${DEMO_CUSTOMER.id}`);
    if (!signedIn || !key || !member?.identity) {
      const code = signedIn ? 'demo.not_configured' : 'demo.signed_out';
      sendJson(res, signedIn ? 500 : 401, { error: { code, message: signedIn ? `${MEMBER_INSTANCE} has no hs256Secret.` : 'Sign in first: open /account.' } });
      return;
    }
    const token = await new SignJWT({ name: DEMO_CUSTOMER.name })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(DEMO_CUSTOMER.id)
      .setAudience(MEMBER_INSTANCE)
      .setIssuer(member.identity.issuer)
      .setIssuedAt()
      .setExpirationTime(`${CHAT_TOKEN_LIFETIME_SECONDS}s`)
      .sign(key);
    sendJson(res, 200, { token });
  }

  return async function handleAccount(path: string, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    if (path === TOKEN_PATH && req.method === 'GET') {
      await chatToken(req, res);
      return true;
    }
    if (path !== '/account' || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    const page = await readFile(join(options.root, 'examples', 'site', 'account.html'), 'utf8');
    // Visiting the page signs the visitor in as the demo customer: the demo has no login form.
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'set-cookie': `${SESSION_COOKIE}=${DEMO_CUSTOMER.id}; Path=/account; HttpOnly; SameSite=Lax`,
    });
    res.end(page);
    return true;
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
