import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** The demo page's tag for the first script, as `examples/site/index.html` writes it. */
const SCRIPT_TAG = /<script src="\/webchat\.js"[^>]*><\/script>\s*/;
/** Set on the first line of the served `webchat.js`: the moment the script starts executing. */
export const EXECUTION_MARK = 'bench:webchat-start';
/** Set on its last line: the end of its synchronous top-level run. */
export const EXECUTION_END_MARK = 'bench:webchat-end';
/** The library the first script defers, as its package ships it: the anchor the page cost is compared with. */
const CHATJS = 'node_modules/amazon-connect-chatjs/dist/amazon-connect-chat.js';
const CHATJS_PATH = '/bench/amazon-connect-chat.js';

export interface PageVariantsServer {
  url: string;
  /** The demo home page, with the chat script. */
  withScriptUrl: string;
  /** The same page without the chat script tag: the baseline. */
  withoutScriptUrl: string;
  /** The same page with `amazon-connect-chatjs` alone in place of our tag (marked like ours): the anchor. */
  chatjsUrl: string;
  close(): Promise<void>;
}

/**
 * A tiny server on 127.0.0.1 in front of the demo server: `/` is the demo home page as the demo server
 * serves it, `/?webchat=off` the same page without the `webchat.js` tag. `webchat.js` gets a
 * `performance.mark()` before and after it, so the page knows when the script began and finished its
 * top-level run. `/?webchat=chatjs` is the page with chatjs's own bundle (from `node_modules`, under the same
 * marks) where our tag was. Everything
 * else (styles, the stub, the other chunks, `/api/`) is passed through to the demo server untouched.
 */
export async function startPageVariantsServer(demoUrl: string, root: string): Promise<PageVariantsServer> {
  const page = await (await fetch(`${demoUrl}/`)).text();
  if (!SCRIPT_TAG.test(page)) throw new Error('the demo page has no <script src="/webchat.js"> tag to take out');
  const baseline = page.replace(SCRIPT_TAG, '');
  const original = await (await fetch(`${demoUrl}/webchat.js`)).text();
  // V8's compile hint counts only as a file's first line: the start mark goes after it.
  const marked = (code: string) => {
    const [, hint = '', rest = code] = /^(\/\/# allFunctionsCalledOnLoad\n)?([\s\S]*)$/.exec(code) ?? [];
    return `${hint}performance.mark(${JSON.stringify(EXECUTION_MARK)});\n${rest}\n;performance.mark(${JSON.stringify(EXECUTION_END_MARK)});\n`;
  };
  const script = marked(original);
  const chatjs = marked(await readFile(join(root, CHATJS), 'utf8'));
  const withChatjs = page.replace(SCRIPT_TAG, `<script src="${CHATJS_PATH}" async></script>\n`);
  const demo = new URL(demoUrl);
  let ownOrigin = '';

  function send(res: ServerResponse, contentType: string, body: string): void {
    res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-cache' });
    res.end(body);
  }

  function passThrough(req: IncomingMessage, res: ServerResponse): void {
    const headers = { ...req.headers, host: demo.host };
    // The demo backend allows its own origin; this server stands in for it.
    if (headers.origin === ownOrigin) headers.origin = demo.origin;
    const upstream = request({ host: demo.hostname, port: demo.port, method: req.method, path: req.url, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'GET' && url.pathname === '/') {
      const variant = url.searchParams.get('webchat');
      return send(res, 'text/html; charset=utf-8', variant === 'off' ? baseline : variant === 'chatjs' ? withChatjs : page);
    }
    if (req.method === 'GET' && url.pathname === CHATJS_PATH) return send(res, 'text/javascript; charset=utf-8', chatjs);
    if (req.method === 'GET' && url.pathname === '/webchat.js') return send(res, 'text/javascript; charset=utf-8', script);
    passThrough(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  ownOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: ownOrigin,
    withScriptUrl: `${ownOrigin}/`,
    withoutScriptUrl: `${ownOrigin}/?webchat=off`,
    chatjsUrl: `${ownOrigin}/?webchat=chatjs`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
