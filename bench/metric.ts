import type { Browser } from 'playwright-core';

/** Units a metric is reported in; the table formats each its own way. */
export type Unit = 'B' | 'ms' | 'count' | 'events/s' | 'req/s' | 'KB' | 'MB' | 'ratio';

/** A limit a metric must stay within. Checked against the worst run, so one bad run fails the bench. */
export interface Budget {
  /** The largest value allowed (inclusive). */
  max: number;
  /** How the budget reads in the table, e.g. `≤ 20 KB`. */
  label: string;
}

/** One measured quantity: every run's value, reported as median, min, max (and p95 when asked). */
export interface Metric {
  /** Stable key in `bench/results.json`, e.g. `bytes.webchat.gzip`. */
  id: string;
  /** What a reader sees in the table's first column. */
  label: string;
  unit: Unit;
  samples: number[];
  /** Report the 95th percentile too (latencies over many samples). @default false */
  p95?: boolean;
  budget?: Budget;
  /**
   * A goal printed next to the figures, never checked (e.g. `≤ 10 ms` from an open issue the code does not
   * meet yet); it becomes a `budget` when the code meets it.
   */
  target?: string;
  /** A short remark printed under the table and kept in the JSON (how it was measured, caveats). */
  note?: string;
}

/** What every measurement gets from the runner. */
export interface BenchContext {
  /** The project root: where `src/`, `test/` and `node_modules/` are (child processes run here). */
  root: string;
  /** A snapshot of the build to measure: `dist/`, `examples/`, `config/` (see `build-snapshot.ts`). */
  build: string;
  /** One headless Chromium shared by the browser measurements, launched on first use. */
  browser(): Promise<Browser>;
  /** A progress line on stderr (the table goes to stdout). */
  log(line: string): void;
}

/** One module under `bench/`: a name for the table and a run that returns its metrics. */
export interface Measurement {
  id: string;
  title: string;
  run(context: BenchContext): Promise<Metric[]>;
}
