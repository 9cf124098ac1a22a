import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { startServerProcess, type DemoServerProcess } from './demo-server-process';
import type { Measurement, Metric } from './metric';
import { percentile } from './statistics';

/** Closed-loop clients: the existing 50, and issue 16's 200. */
const CLIENT_COUNTS = [50, 200] as const;
const RUN_MS = 5_000;
const RUNS = 3;
const WARMUP_MS = 1_000;
/** A bound on requests per run whatever the machine's speed. */
const MAX_REQUESTS_PER_RUN = 500_000;
const REQUEST_TIMEOUT_MS = 10_000;
/** Issue 16's goal at 200 clients, informational: ≥ half the ceiling's throughput, p99 ≤ 250 ms. */
const TARGET_RATIO = 0.5;
const TARGET_P99_MS = 250;
const CEILING = fileURLToPath(new URL('./ceiling-server.child.ts', import.meta.url));
const DEMO_SERVER = fileURLToPath(new URL('./demo-server.child.ts', import.meta.url));
const EMULATOR = fileURLToPath(new URL('./emulator-server.child.ts', import.meta.url));

interface LoadRun {
  requests: number;
  errors: number;
  seconds: number;
  latenciesMs: number[];
  /** The CPU time each server process spent during the run, in ms per request (same order as the processes given). */
  cpuMsPerRequest: number[];
}

/** One `POST /api/chats` as a browser on an allowed origin sends it; resolves its status (0: no answer). */
function startChat(agent: Agent, target: URL, body: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        method: 'POST',
        path: '/api/chats',
        timeout: REQUEST_TIMEOUT_MS,
        headers: { origin: target.origin, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(0));
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

/** `clients` closed-loop clients (each sends its next request when the last is answered) for `durationMs`. */
async function load(url: string, clients: number, durationMs: number): Promise<Omit<LoadRun, 'cpuMsPerRequest'>> {
  const target = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const body = JSON.stringify({ instance: 'help_faq_bot' });
  const latenciesMs: number[] = [];
  let errors = 0;
  let sent = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  const client = async () => {
    while (performance.now() < deadline && sent < MAX_REQUESTS_PER_RUN) {
      sent++;
      const before = performance.now();
      const status = await startChat(agent, target, body);
      latenciesMs.push(performance.now() - before);
      if (status !== 200) errors++;
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { requests: latenciesMs.length, errors, seconds, latenciesMs };
}

/**
 * {@link load}, also counting the CPU time `processes` spend meanwhile: a figure that other work on the
 * machine moves less than requests/s or latency (it still grows when the CPUs are contended).
 */
async function measuredLoad(url: string, clients: number, processes: readonly DemoServerProcess[]): Promise<LoadRun> {
  const before = await Promise.all(processes.map((server) => server.cpuMicros()));
  const run = await load(url, clients, RUN_MS);
  const after = await Promise.all(processes.map((server) => server.cpuMicros()));
  return { ...run, cpuMsPerRequest: after.map((micros, index) => (micros - before[index]!) / 1000 / Math.max(1, run.requests)) };
}

const p99 = (run: LoadRun) => percentile([...run.latenciesMs].sort((a, b) => a - b), 99);
const p50 = (run: LoadRun) => percentile([...run.latenciesMs].sort((a, b) => a - b), 50);
const throughput = (run: LoadRun) => run.requests / run.seconds;

/**
 * The start-chat backend under load: `POST /api/chats` from an allowed origin to the demo server's backend
 * (its own process), through the real AWS SDK over HTTP to the emulator's StartChatContact in a process of
 * its own, as a deployed backend reaches Amazon Connect over the network; next to it the ceiling, a bare
 * `node:http` server in its own process doing the same JSON parse and a fixed answer. All on loopback. Runs
 * alternate between the two, so both see the same machine load.
 */
export const startChatBackend: Measurement = {
  id: 'backend',
  title: `Backend: POST /api/chats at ${CLIENT_COUNTS.join(' and ')} concurrent clients, ${RUN_MS / 1000} s per run, against a bare node:http ceiling (loopback)`,
  async run({ root, build, log }) {
    const started: DemoServerProcess[] = [];
    const start = async (module: string, args: readonly string[]) => {
      const server = await startServerProcess(module, args, root);
      started.push(server);
      return server;
    };
    try {
      const connect = await start(EMULATOR, [build]);
      const demo = await start(DEMO_SERVER, [build, connect.url]);
      const ceiling = await start(CEILING, []);
      const metrics: Metric[] = [];
      for (const clients of CLIENT_COUNTS) {
        await load(demo.url, clients, WARMUP_MS);
        await load(ceiling.url, clients, WARMUP_MS);
        const ours: LoadRun[] = [];
        const bare: LoadRun[] = [];
        for (let run = 0; run < RUNS; run++) {
          log(`backend: ${clients} clients, run ${run + 1}/${RUNS} (${RUN_MS / 1000} s ours, ${RUN_MS / 1000} s ceiling)`);
          ours.push(await measuredLoad(demo.url, clients, [demo, connect]));
          bare.push(await measuredLoad(ceiling.url, clients, [ceiling]));
        }
        const goal = clients === 200;
        const prefix = clients === 50 ? 'backend' : `backend.c${clients}`;
        metrics.push(
          { id: `${prefix}.requests_per_s`, label: `${clients} clients: start-chat requests/s`, unit: 'req/s', samples: ours.map(throughput) },
          { id: `${prefix}.ceiling_requests_per_s`, label: `${clients} clients: ceiling requests/s`, unit: 'req/s', samples: bare.map(throughput) },
          {
            id: `${prefix}.ratio_to_ceiling`,
            label: `${clients} clients: ours / ceiling, requests/s`,
            unit: 'ratio',
            samples: ours.map((run, index) => throughput(run) / throughput(bare[index]!)),
            ...(goal ? { target: `≥ ${TARGET_RATIO}` } : {}),
          },
          { id: `${prefix}.latency_p50_ms`, label: `${clients} clients: latency p50`, unit: 'ms', samples: ours.map(p50) },
          { id: `${prefix}.latency_p99_ms`, label: `${clients} clients: latency p99`, unit: 'ms', samples: ours.map(p99), ...(goal ? { target: `≤ ${TARGET_P99_MS} ms` } : {}) },
          { id: `${prefix}.ceiling_latency_p99_ms`, label: `${clients} clients: ceiling latency p99`, unit: 'ms', samples: bare.map(p99) },
          {
            id: `${prefix}.backend_cpu_ms_per_start`,
            label: `${clients} clients: backend process CPU per start`,
            unit: 'ms',
            samples: ours.map((run) => run.cpuMsPerRequest[0]!),
          },
          {
            id: `${prefix}.emulator_cpu_ms_per_start`,
            label: `${clients} clients: emulator process CPU per start`,
            unit: 'ms',
            samples: ours.map((run) => run.cpuMsPerRequest[1]!),
          },
          {
            id: `${prefix}.ceiling_cpu_ms_per_request`,
            label: `${clients} clients: ceiling process CPU per request`,
            unit: 'ms',
            samples: bare.map((run) => run.cpuMsPerRequest[0]!),
          },
          { id: `${prefix}.requests`, label: `${clients} clients: requests per run`, unit: 'count', samples: ours.map((run) => run.requests) },
          {
            id: `${prefix}.errors`,
            label: `${clients} clients: errors (non-200 or no answer)`,
            unit: 'count',
            samples: ours.map((run) => run.errors),
            budget: { max: 0, label: '0' },
          },
          { id: `${prefix}.ceiling_errors`, label: `${clients} clients: ceiling errors`, unit: 'count', samples: bare.map((run) => run.errors) },
        );
      }
      metrics.at(-1)!.note =
        `backend: each run is N closed-loop keep-alive clients; p50/p99 are per run, and the table summarises the ${RUNS} runs. ` +
        'Ours: the demo server (bench/demo-server.child.ts) with its backend pointed at the emulator in its own process (bench/emulator-server.child.ts), ' +
        'as a deployed backend reaches Amazon Connect over the network: every request is validated, origin-checked, rate-limited (loopback exempt, as in the demo) ' +
        'and goes through the real AWS SDK StartChatContact over HTTP to the emulator, which creates the contact. (Until 2026-11-26 the emulator ran inside the demo server, as `npm start` still runs it.) ' +
        'Ceiling: bench/ceiling-server.child.ts, a bare node:http handler that parses the JSON body and sends a fixed answer, in its own process. ' +
        'Ratio = ours / ceiling per pair of adjacent runs. CPU per start: user + system time of each server process during the run over its requests; other work on the machine moves it less than req/s and latency (it still grows when the CPUs are contended). Load generator and servers are separate processes on the same machine. Targets are issue 16\'s, informational.';
      return metrics;
    } finally {
      await Promise.all(started.map((server) => server.close()));
    }
  },
};
