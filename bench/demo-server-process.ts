import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface DemoServerProcess {
  /** `http://127.0.0.1:<port>`: the demo site, `/api/`, the emulator and its control API. */
  url: string;
  /** The process's CPU time so far, user and system, in microseconds (`process.cpuUsage()` in the child). */
  cpuMicros(): Promise<number>;
  close(): Promise<void>;
}

const CHILD = fileURLToPath(new URL('./demo-server.child.ts', import.meta.url));
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;
const CPU_USAGE_TIMEOUT_MS = 5_000;

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/**
 * The demo server (autopilot off) in a child Node process, so the load the bench generates and the
 * bookkeeping it does never share an event loop with the server they measure. `build` is the root it
 * serves `dist/`, the demo site and the instances from; `root` is the project (for tsx and the sources).
 */
export function startDemoServerProcess({ root, build }: { root: string; build: string }): Promise<DemoServerProcess> {
  return startServerProcess(CHILD, [build], root);
}

/**
 * Any bench server module in its own Node process (through tsx): it sends `{ url }` over IPC when it listens,
 * answers the message `cpu-usage` with `{ cpuUsage: process.cpuUsage() }` and exits on the message `close`
 * (see `demo-server.child.ts`, `emulator-server.child.ts`, `ceiling-server.child.ts`).
 */
export async function startServerProcess(module: string, args: readonly string[], root: string): Promise<DemoServerProcess> {
  const child = fork(module, [...args], {
    cwd: root,
    execArgv: ['--import', 'tsx'],
    // Node 20 is fine for this SDK today; its notice about 2027 would only clutter the bench output.
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${module} did not start in time`)), START_TIMEOUT_MS);
    child.once('message', (message) => {
      clearTimeout(timer);
      resolve((message as { url: string }).url);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${module} exited (code ${code}) before it was ready`));
    });
  });
  return {
    url,
    cpuMicros: () =>
      new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => {
          child.off('message', answer);
          reject(new Error(`${module} did not say its CPU usage in time`));
        }, CPU_USAGE_TIMEOUT_MS);
        const answer = (message: unknown) => {
          const usage = (message as { cpuUsage?: NodeJS.CpuUsage } | null)?.cpuUsage;
          if (!usage) return;
          clearTimeout(timer);
          child.off('message', answer);
          resolve(usage.user + usage.system);
        };
        child.on('message', answer);
        child.send('cpu-usage');
      }),
    async close() {
      if (child.connected) child.send('close');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited(child);
      clearTimeout(timer);
    },
  };
}
