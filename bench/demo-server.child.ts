/**
 * Runs `startDemoServer` (the whole stack: site, dist, backend, emulator) in its own Node process for the
 * bench, autopilot off, on an ephemeral port of 127.0.0.1, serving the build snapshot named by argv[2]; with
 * an Amazon Connect endpoint in argv[3] (the emulator in its own process), the backend calls that instead of
 * the server's own emulator. Tells the parent its URL over IPC, and its CPU time when asked, and closes
 * when the parent says so (or goes away). Started by `demo-server-process.ts`.
 */
import { startDemoServer } from '../src/server/demo/demo-server';
import { serveParent } from './child-server';

const connectEndpoint = process.argv[3];
const server = await startDemoServer({ port: 0, autopilot: false, root: process.argv[2] ?? process.cwd(), ...(connectEndpoint ? { connectEndpoint } : {}) });
serveParent(server.url, () => server.close());
