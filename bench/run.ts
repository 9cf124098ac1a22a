/**
 * `npm run bench` (after `npm run build`): runs every measurement, prints one table (median, min, max,
 * p95 where it matters), writes `bench/results.json`, and exits non-zero when a budget is exceeded or a
 * measurement fails — after printing everything.
 *
 *   npx tsx bench/run.ts [--only=bytes,page,agent,bus,backend,memory,rich]
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../test/e2e/support/browser';
import { startChatBackend } from './start-chat-backend';
import { bundleBytes } from './bundle-bytes';
import { snapshotBuild } from './build-snapshot';
import { conversationMemory } from './conversation-memory';
import { currentLoadAverage, describeMachine, describeRevision } from './machine';
import type { BenchContext, Measurement } from './metric';
import { pageCost } from './page-cost';
import { renderTable, toResult, type MetricResult } from './report-table';
import { richTranscript } from './rich-transcript';
import { saEventsBus } from './sa-events-bus';
import { startToAgent } from './start-to-agent';

const MEASUREMENTS: readonly Measurement[] = [bundleBytes, pageCost, startToAgent, saEventsBus, startChatBackend, conversationMemory, richTranscript];

const root = process.cwd();
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
const selected = only ? MEASUREMENTS.filter((measurement) => only.includes(measurement.id)) : MEASUREMENTS;
if (selected.length === 0) {
  console.error(`--only matches nothing; measurements: ${MEASUREMENTS.map((measurement) => measurement.id).join(', ')}`);
  process.exit(2);
}

const machine = describeMachine(root);
const snapshot = await snapshotBuild(root);
let browser: Promise<Browser> | undefined;
const context: BenchContext = {
  root,
  build: snapshot.root,
  browser: () => (browser ??= launchChromium()),
  log: (line) => console.error(`[bench] ${line}`),
};

const sections: Array<{ id: string; title: string; seconds: number; results: MetricResult[]; error?: string }> = [];
const startedAt = new Date();
for (const measurement of selected) {
  context.log(`${measurement.title} …`);
  const started = performance.now();
  try {
    const metrics = await measurement.run(context);
    sections.push({ id: measurement.id, title: measurement.title, seconds: (performance.now() - started) / 1000, results: metrics.map((metric) => toResult(measurement.id, metric)) });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    context.log(`${measurement.title} failed: ${error instanceof Error ? error.stack : message}`);
    sections.push({ id: measurement.id, title: measurement.title, seconds: (performance.now() - started) / 1000, results: [], error: message });
  }
}
if (browser) {
  const running = await browser;
  machine.chromium = running.version();
  await running.close();
}
machine.loadAverage.end = currentLoadAverage();
await snapshot.remove();

const overBudget = sections.flatMap((section) => section.results.filter((result) => result.withinBudget === false));
const failed = sections.filter((section) => section.error);
console.log(renderTable(sections));
console.log(
  `\nmachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}; node ${machine.node}, ` +
    `chromium ${machine.chromium}; load average ${machine.loadAverage.start.toFixed(2)} → ${machine.loadAverage.end.toFixed(2)}`,
);

const resultsFile = join(root, 'bench', 'results.json');
await writeFile(
  resultsFile,
  `${JSON.stringify(
    {
      startedAt: startedAt.toISOString(),
      seconds: Math.round((Date.now() - startedAt.getTime()) / 100) / 10,
      revision: describeRevision(root),
      machine,
      ok: overBudget.length === 0 && failed.length === 0,
      overBudget: overBudget.map((result) => result.id),
      failed: failed.map((section) => ({ id: section.id, error: section.error })),
      sections,
    },
    null,
    2,
  )}\n`,
);
console.log(`results: ${resultsFile}`);
for (const result of overBudget) {
  console.error(`OVER BUDGET: ${result.label}: worst run ${result.summary.max} ${result.unit} > ${result.budget!.max} ${result.unit}`);
}
for (const section of failed) console.error(`FAILED: ${section.title}: ${section.error}`);
process.exit(overBudget.length > 0 || failed.length > 0 ? 1 : 0);
