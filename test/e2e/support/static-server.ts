import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.css': 'text/css',
};

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/** Pages a test defines by path, with optional headers (e.g. a CSP). */
export type TestPages = Record<string, { body: string; headers?: Record<string, string> }>;

/**
 * Serves `dist/` under `/dist/` and the given pages on 127.0.0.1 (an ephemeral port), for tests that load
 * the real built bundle in Chromium. `fallback` handles anything else (e.g. the backend and emulator).
 */
export async function serveBundle(
  pages: TestPages,
  fallback?: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<TestServer> {
  const dist = join(process.cwd(), 'dist');
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const page = pages[path];
    if (page) {
      res.writeHead(200, { 'content-type': TYPES['.html']!, ...page.headers });
      res.end(page.body);
      return;
    }
    if (path.startsWith('/dist/')) {
      const file = normalize(join(dist, path.slice('/dist/'.length)));
      if (file.startsWith(dist)) {
        try {
          const body = await readFile(file);
          res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
          res.end(body);
          return;
        } catch {
          // fall through to 404
        }
      }
    }
    if (fallback) return fallback(req, res);
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
