import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve } from 'node:path';
import type { ConnectClient } from '@aws-sdk/client-connect';
import { createConnectClient } from '../backend/connect-client';
import { checkIdentityKeys } from '../backend/customer-identity';
import { loadInstancesFile } from '../backend/instances-file';
import { createNodeHttpHandler } from '../backend/node-http.adapter';
import type { RateLimitOptions } from '../backend/rate-limit';
import { createStartChatService } from '../backend/start-chat.service';
import { createDynamoCustomerMemory } from '../backend/customer-memory';
import { dynamoDbClient } from '../backend/backend-env';
import { startEmbeddedDynamoDb } from './embedded-dynamodb';
import { createEmulator, type Emulator } from '../emulator/emulator';
import { serveOnLoopback } from '../loopback-server';
import { PRELOAD_STUB } from '../../browser/events/preload-stub';
import { createAccountPages } from './account-page';
import { serveFile } from './static-files';

export interface DemoServerOptions {
  /** @default 8080; 0 picks a free port */
  port?: number;
  /** The emulator plays the contact flow and the agent by itself. @default true */
  autopilot?: boolean;
  /** @default `<root>/config/instances.json` */
  instancesFile?: string;
  /** The project root (where `dist/`, `examples/`, `visualizer/` are). @default the current directory */
  root?: string;
  /**
   * The backend's per-address limit on starting chats (`false`: none). The server listens on loopback
   * only, so by default loopback is exempt: every visitor of the demo (and every test) is 127.0.0.1.
   * @default the backend's limit with `exempt: ["127.0.0.1", "::1"]`
   */
  rateLimit?: Partial<RateLimitOptions> | false;
  /**
   * An Amazon Connect the backend uses instead of this server's own emulator: its StartChatContact calls go
   * there, and chatjs is handed it as the Participant Service, as a deployed backend talks to AWS. The bench
   * points it at an emulator in another process. This server still mounts its own emulator (control API,
   * agent console), which then holds none of the backend's contacts.
   * @default this server's own emulator, on its own origin
   */
  connectEndpoint?: string;
}

export interface DemoServer {
  url: string;
  emulator: Emulator;
  close(): Promise<void>;
}

/** The demo site's pages: one template (`examples/site/index.html`), each page its own heading. */
const SITE_PAGES: Record<string, string> = {
  '/': 'Welcome to the demo shop',
  '/products': 'Products',
  '/checkout': 'Checkout',
};

/**
 * The built examples that embed the chat from code (`npm run examples:build` → `dist/examples/<name>/`), at
 * `/examples/<name>/`. A path with no file behind it is one of the app's client-side routes: its `index.html`.
 */
const EXAMPLE_APPS = /^\/examples\/(react|spa)(\/.*)?$/;

/** `/examples/`: a page that links the built examples. */
const EXAMPLES_INDEX = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>connect-webchat examples</title><link rel="stylesheet" href="/site.css"></head>
<body><main>
<h1>Examples</h1>
<p>Apps that bundle the runtime from code (<code>createWebchat</code>), built by <code>npm run build</code> into <code>dist/examples/</code>:</p>
<ul>
  <li><a href="/examples/react/">React</a>: a component that creates the chat and destroys it on unmount</li>
  <li><a href="/examples/spa/">Single-page app</a>: client-side routes, with <code>checkRules()</code> after each</li>
</ul>
<p>The script-tag embed is the <a href="/">demo site</a> itself.</p>
</main></body></html>
`;

/** The built runtime, served from the site's origin as a CDN would serve it. */
const DIST_FILES = /^\/(webchat(?:-config|-conversation|-inspect)?\.js(?:\.map)?)$/;

/**
 * The visualizer's response headers. It receives a page's chat from the window that opened it; framed by
 * another site it could be clickjacked or fed, so only our own pages may frame it. (A `<meta>` CSP cannot
 * say `frame-ancestors`: it has to be a header. `X-Frame-Options` is for browsers without CSP 2.)
 */
export const VISUALIZER_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "frame-ancestors 'self'",
  'x-frame-options': 'SAMEORIGIN',
};

/**
 * Everything `npm start` runs, on one port: the demo site, the built runtime, the start-chat backend
 * (`/api/`), the Amazon Connect emulator (StartChatContact, Participant Service, websocket, control API,
 * agent console at `/agent/`) and the visualizer. Composition only: each part works on its own too.
 */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const root = resolve(options.root ?? process.cwd());
  const { instances } = await loadInstancesFile(options.instancesFile ?? join(root, 'config', 'instances.json'));
  await checkIdentityKeys(instances);
  let url = '';
  const ownOrigins = () => [url, url.replace('127.0.0.1', 'localhost')];
  const connectEndpoint = () => options.connectEndpoint ?? url;

  const connectClients: Record<string, ConnectClient> = {};
  // The backend's memory of customers: its real DynamoDB code, against a DynamoDB-compatible engine in this process.
  const dynamoDb = await startEmbeddedDynamoDb();
  const memoryClient = dynamoDbClient(dynamoDb.endpoint);
  const emulator = createEmulator({ autopilot: options.autopilot ?? true, instances, publicOrigin: () => url });
  const backend = createNodeHttpHandler(
    createStartChatService({
      instances,
      // The backend reaches Amazon Connect (here: the emulator) through the real AWS SDK, over HTTP.
      // Made on first use, once the port (and so the emulator's endpoint) is known.
      connectClientFactory: (region) => (connectClients[region] ??= createConnectClient(region, { endpoint: connectEndpoint() })),
      participantEndpoint: connectEndpoint,
      extraOrigins: ownOrigins,
      rateLimit: options.rateLimit ?? { exempt: ['127.0.0.1', '::1'] },
      customerMemory: createDynamoCustomerMemory({ client: memoryClient, tableName: dynamoDb.tableName }),
    }),
  );

  const account = createAccountPages({ root, instances });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path.startsWith('/api/')) return backend(req, res);
    if (await emulator.handleRequest(req, res)) return;
    if (await account(path, req, res)) return;
    if (req.method === 'GET' || req.method === 'HEAD') {
      const heading = SITE_PAGES[path];
      if (heading) {
        const template = await readFile(join(root, 'examples', 'site', 'index.html'), 'utf8');
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
        res.end(template.replace('<h1>Welcome to the demo shop</h1>', `<h1>${heading}</h1>`).replace('<title>Demo shop', `<title>${heading} — demo shop`));
        return;
      }
      if (path === '/saevents-stub.js') {
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
        res.end(PRELOAD_STUB);
        return;
      }
      const dist = DIST_FILES.exec(path);
      if (dist && (await serveFile(res, join(root, 'dist'), dist[1]!, { 'access-control-allow-origin': '*' }))) return;
      if (path === '/examples' || path === '/examples/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
        res.end(EXAMPLES_INDEX);
        return;
      }
      const example = EXAMPLE_APPS.exec(path);
      if (example) {
        const [, name, rest] = example;
        if (rest === undefined) {
          res.writeHead(301, { location: `${path}/` }); // its assets and links are relative to the folder
          res.end();
          return;
        }
        const app = join(root, 'dist', 'examples', name!);
        if (rest !== '/' && (await serveFile(res, app, rest.slice(1)))) return;
        if (!extname(rest) && (await serveFile(res, app, 'index.html'))) return;
      }
      if (path === '/visualizer') {
        res.writeHead(301, { location: '/visualizer/', ...VISUALIZER_HEADERS }); // its assets are relative to the folder
        res.end();
        return;
      }
      if (path.startsWith('/visualizer/')) {
        // The built page (`vite build --mode visualizer`), not the sources in `visualizer/`.
        const file = path.slice('/visualizer/'.length) || 'index.html';
        if (await serveFile(res, join(root, 'dist', 'visualizer'), file, VISUALIZER_HEADERS)) return;
      }
      if (await serveFile(res, join(root, 'examples', 'site'), path.slice(1))) return;
    }
    res.writeHead(404, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ error: { code: 'route.not_found', message: `Nothing at ${path}.` } }));
  }

  const server = await serveOnLoopback(options.port ?? 8080, emulator, (req, res) => {
    route(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ error: { code: 'server.internal', message: 'The demo server could not answer.' } }));
    });
  });
  url = server.url;
  const close = async () => {
    await server.close();
    memoryClient.destroy();
    await dynamoDb.close();
  };
  return { url, emulator, close };
}
