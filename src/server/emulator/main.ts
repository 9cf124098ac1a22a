/**
 * The emulator on its own: `npx tsx src/server/emulator/main.ts` (PORT, default 0 = any free port;
 * EMULATOR_AUTOPILOT=on|off, default on; INSTANCES_FILE, default config/instances.json).
 */
import { loadInstancesFile } from '../backend/instances-file';
import { startEmulator } from './emulator';

const port = Number(process.env.PORT ?? 0);
const { instances } = await loadInstancesFile(process.env.INSTANCES_FILE ?? 'config/instances.json');
const running = await startEmulator({ port, autopilot: process.env.EMULATOR_AUTOPILOT !== 'off', instances });
console.log(`Amazon Connect emulator on ${running.url} (agent console: ${running.url}/agent/)`);
const stop = () => void running.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
