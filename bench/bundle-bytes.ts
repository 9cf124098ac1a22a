import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Budget, Measurement, Metric } from './metric';

/** What each built file may weigh gzipped; only the two files a visitor's browser pays for have one. */
const FILES: ReadonlyArray<{ key: string; file: string; gzipBudget?: Budget }> = [
  { key: 'webchat', file: 'webchat.js', gzipBudget: { max: 20 * 1024, label: '≤ 20 KB' } },
  { key: 'config', file: 'webchat-config.js' },
  { key: 'conversation', file: 'webchat-conversation.js', gzipBudget: { max: 100 * 1024, label: '≤ 100 KB' } },
];

/** zlib's default level, what `gzip` and Vite's build report use. */
const GZIP_LEVEL = 6;
/** Brotli's maximum, what a CDN precompressing static files would use. */
const BROTLI_QUALITY = 11;

/** Bytes over the wire for `dist/`: raw, gzip and brotli, compressed here with `node:zlib`. Deterministic: one sample. */
export const bundleBytes: Measurement = {
  id: 'bytes',
  title: 'Bytes (dist/)',
  async run({ build }) {
    const metrics: Metric[] = [];
    for (const { key, file, gzipBudget } of FILES) {
      const body = await readFile(join(build, 'dist', file));
      const gzip = gzipSync(body, { level: GZIP_LEVEL }).length;
      const brotli = brotliCompressSync(body, {
        params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      }).length;
      metrics.push(
        { id: `bytes.${key}.raw`, label: `${file} raw`, unit: 'B', samples: [body.length] },
        {
          id: `bytes.${key}.gzip`,
          label: `${file} gzip`,
          unit: 'B',
          samples: [gzip],
          ...(gzipBudget ? { budget: gzipBudget } : {}),
          ...(key === 'webchat' ? { note: `gzip level ${GZIP_LEVEL} (zlib default); brotli quality ${BROTLI_QUALITY}. KB = 1,024 bytes.` } : {}),
        },
        { id: `bytes.${key}.brotli`, label: `${file} brotli`, unit: 'B', samples: [brotli] },
      );
    }
    return metrics;
  },
};
