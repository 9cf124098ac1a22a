import { performance } from 'node:perf_hooks';
import type { SaEvent } from '../machines/chat.types';
import { createReplayLog, type ReplayLog } from '../src/browser/events/replay-log';
import type { Measurement } from './metric';

const HISTORY = 10_000;
const SUBSCRIBERS = 100;
const LIVE_EVENTS = 10_000;
const RUNS = 15;
/** Runs thrown away first, so the JIT has settled. */
const WARMUP_RUNS = 3;

const entry = (index: number): SaEvent => ({ type: 'CONTACT_STARTED', data: { contactId: `contact-${index}` }, timestamp: index });

/** A log whose throwing-subscriber reporter is silent (none throws here). */
const quietLog = (): ReplayLog => createReplayLog(() => {});

/** ms for a late subscriber to receive `HISTORY` entries of history, synchronously inside `subscribe`. */
function replayOnce(): number {
  const log = quietLog();
  for (let index = 0; index < HISTORY; index++) log.append(entry(index));
  let received = 0;
  const started = performance.now();
  log.subscribe(() => {
    received++;
  });
  const elapsed = performance.now() - started;
  if (received !== HISTORY) throw new Error(`replay delivered ${received} of ${HISTORY} entries`);
  return elapsed;
}

/** ms to append `LIVE_EVENTS` entries with `SUBSCRIBERS` live subscribers each receiving every one. */
function fanOutOnce(): number {
  const log = quietLog();
  let received = 0;
  for (let index = 0; index < SUBSCRIBERS; index++) {
    log.subscribe(
      () => {
        received++;
      },
      { replay: false },
    );
  }
  const started = performance.now();
  for (let index = 0; index < LIVE_EVENTS; index++) log.append(entry(index));
  const elapsed = performance.now() - started;
  if (received !== SUBSCRIBERS * LIVE_EVENTS) throw new Error(`fan-out delivered ${received} of ${SUBSCRIBERS * LIVE_EVENTS}`);
  return elapsed;
}

/** The saEvents replay log (`createReplayLog`, the code behind `window.saEvents`) in Node's V8. */
export const saEventsBus: Measurement = {
  id: 'bus',
  title: 'saEvents bus (createReplayLog, in Node)',
  async run() {
    for (let run = 0; run < WARMUP_RUNS; run++) {
      replayOnce();
      fanOutOnce();
    }
    const replayMs: number[] = [];
    const fanOutMs: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      replayMs.push(replayOnce());
      fanOutMs.push(fanOutOnce());
    }
    return [
      { id: 'bus.replay_10k_ms', label: `subscribe: deliver ${HISTORY.toLocaleString('en')} history`, unit: 'ms', samples: replayMs },
      {
        id: 'bus.fanout_events_per_s',
        label: `live fan-out to ${SUBSCRIBERS} subscribers`,
        unit: 'events/s',
        samples: fanOutMs.map((ms) => (LIVE_EVENTS / ms) * 1000),
        note: `fan-out: events appended per second, each delivered to all ${SUBSCRIBERS} subscribers (deliveries/s = ×${SUBSCRIBERS}); entries are frozen on append.`,
      },
    ];
  },
};
