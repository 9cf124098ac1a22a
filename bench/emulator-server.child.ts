/**
 * The Amazon Connect emulator alone (autopilot off, the instances of the build snapshot named by argv[2]) in
 * its own Node process, on an ephemeral port of 127.0.0.1: the backend bench points the demo server's backend
 * at it, as a deployed backend reaches AWS over the network rather than in its own process. Tells the parent
 * its URL over IPC, and its CPU time when asked, and closes when the parent says so (or goes away). Started
 * by `start-chat-backend.ts` through `demo-server-process.ts`.
 */
import { join } from 'node:path';
import { loadInstancesFile } from '../src/server/backend/instances-file';
import { startEmulator } from '../src/server/emulator/emulator';
import { serveParent } from './child-server';

const { instances } = await loadInstancesFile(join(process.argv[2] ?? process.cwd(), 'config', 'instances.json'));
const running = await startEmulator({ port: 0, autopilot: false, instances });
serveParent(running.url, () => running.close());
