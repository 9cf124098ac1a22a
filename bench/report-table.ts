import type { Metric, Unit } from './metric';
import { summarize, type Summary } from './statistics';

/** A metric with its summary and its budget's verdict, as written to `bench/results.json`. */
export interface MetricResult extends Omit<Metric, 'p95'> {
  group: string;
  summary: Summary;
  /** Whether every run stayed within the budget; absent without a budget. */
  withinBudget?: boolean;
}

export function toResult(group: string, metric: Metric): MetricResult {
  const { p95, ...rest } = metric;
  const summary = summarize(metric.samples, p95 ?? false);
  return {
    group,
    ...rest,
    summary,
    ...(metric.budget ? { withinBudget: summary.n > 0 && summary.max <= metric.budget.max } : {}),
  };
}

const grouped = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const DECIMALS: Record<Unit, number> = { B: 0, ms: 1, count: 0, 'events/s': 0, 'req/s': 0, KB: 0, MB: 2, ratio: 2 };

export function formatValue(value: number | undefined, unit: Unit): string {
  if (value === undefined) return '';
  if (Number.isNaN(value)) return '–';
  if (unit === 'ms') return Math.abs(value) < 10 ? value.toFixed(2) : Math.abs(value) < 1000 ? value.toFixed(1) : grouped.format(value);
  const decimals = DECIMALS[unit];
  return decimals === 0 ? grouped.format(value) : value.toFixed(decimals);
}

const COLUMNS = ['measurement', 'unit', 'n', 'median', 'min', 'max', 'p95', 'budget', 'target (informational)'] as const;

/** The table printed at the end of `npm run bench`: one section per measurement, then the notes. */
export function renderTable(sections: ReadonlyArray<{ title: string; results: readonly MetricResult[]; error?: string }>): string {
  const rows: string[][] = [];
  const notes: string[] = [];
  const sectionRows = new Set<number>();
  for (const section of sections) {
    sectionRows.add(rows.length);
    rows.push([section.title]);
    if (section.error) rows.push([`  FAILED: ${section.error}`]);
    for (const result of section.results) {
      const { summary, unit, budget } = result;
      rows.push([
        `  ${result.label}`,
        unit,
        String(summary.n),
        formatValue(summary.median, unit),
        formatValue(summary.min, unit),
        formatValue(summary.max, unit),
        formatValue(summary.p95, unit),
        budget ? `${budget.label} ${result.withinBudget ? 'ok' : 'OVER'}` : '',
        result.target ?? '',
      ]);
      if (result.note) notes.push(`- ${result.note}`);
    }
  }
  const widths = COLUMNS.map((column, index) =>
    Math.max(column.length, ...rows.filter((row) => row.length > 1).map((row) => row[index]?.length ?? 0)),
  );
  const line = (cells: readonly string[]) =>
    cells.map((cell, index) => (index === 0 || index === 1 || index >= 7 ? cell.padEnd(widths[index]!) : cell.padStart(widths[index]!))).join('  ').trimEnd();
  const out = [line(COLUMNS), widths.map((width) => '-'.repeat(width)).join('  ')];
  rows.forEach((row, index) => out.push(sectionRows.has(index) || row.length === 1 ? row[0]! : line(row)));
  return [...out, '', ...notes].join('\n');
}
