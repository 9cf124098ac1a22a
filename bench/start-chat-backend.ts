import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { startDemoServerProcess } from './demo-server-process';
import type { Measurement } from './metric';
import { percentile } from './statistics';

const CLIENTS = 50;
const RUN_MS = 10_000;
const RUNS = 3;
const WARMUP_MS = 1_000;
/** A bound on requests per run whatever the machine's speed. */
const MAX_REQUESTS_PER_RUN = 500_000;
const REQUEST_TIMEOUT_MS = 10_000;

interface LoadRun {
  requests: number;
  errors: number;
  seconds: number;
  latenciesMs: number[];
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

/** `CLIENTS` closed-loop clients (each sends its next request when the last is answered) for `durationMs`. */
async function load(url: string, durationMs: number): Promise<LoadRun> {
  const target = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
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
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { requests: latenciesMs.length, errors, seconds, latenciesMs };
}

/**
 * The start-chat backend under load: `POST /api/chats` from an allowed origin, through the real AWS SDK to
 * the emulator's StartChatContact, all in the demo server (its own process) on loopback.
 */
export const startChatBackend: Measurement = {
  id: 'backend',
  title: `Backend: POST /api/chats, ${CLIENTS} concurrent clients, ${RUN_MS / 1000} s per run (loopback)`,
  async run({ root, build, log }) {
    const demo = await startDemoServerProcess({ root, build });
    try {
      await load(demo.url, WARMUP_MS);
      const runs: LoadRun[] = [];
      for (let run = 0; run < RUNS; run++) {
        log(`backend: run ${run + 1}/${RUNS} (${RUN_MS / 1000} s)`);
        runs.push(await load(demo.url, RUN_MS));
      }
      const sorted = runs.map((run) => [...run.latenciesMs].sort((a, b) => a - b));
      return [
        { id: 'backend.requests_per_s', label: 'start-chat requests/s', unit: 'req/s', samples: runs.map((run) => run.requests / run.seconds) },
        { id: 'backend.latency_p50_ms', label: 'latency p50', unit: 'ms', samples: sorted.map((latencies) => percentile(latencies, 50)) },
        { id: 'backend.latency_p99_ms', label: 'latency p99', unit: 'ms', samples: sorted.map((latencies) => percentile(latencies, 99)) },
        { id: 'backend.requests', label: 'requests per run', unit: 'count', samples: runs.map((run) => run.requests) },
        {
          id: 'backend.errors',
          label: 'errors (non-200 or no answer)',
          unit: 'count',
          samples: runs.map((run) => run.errors),
          budget: { max: 0, label: '0' },
          note: `backend: each run is ${CLIENTS} closed-loop keep-alive clients; p50/p99 are per run, and the table summarises the ${RUNS} runs. Load generator and server are separate processes on the same machine.`,
        },
      ];
    } finally {
      await demo.close();
    }
  },
};
