import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Budget, Measurement, Metric } from './metric';

/** What each built file may weigh gzipped: the three a visitor's browser loads. */
const FILES: ReadonlyArray<{ key: string; file: string; gzipBudget?: Budget; gzipTarget?: string }> = [
  // Issue 16: the first script, on every page view, carries the saEvents log and two requests, no more.
  { key: 'webchat', file: 'webchat.js', gzipBudget: { max: 16 * 1024, label: '≤ 16 KB' } },
  // On every page view too, beside the configuration: the statechart, the validator, the rules and the launcher.
  { key: 'config', file: 'webchat-config.js', gzipBudget: { max: 32 * 1024, label: '≤ 32 KB' } },
  { key: 'conversation', file: 'webchat-conversation.js', gzipBudget: { max: 100 * 1024, label: '≤ 100 KB' } },
];

/** The library the first script defers, as its package ships it: the anchor for the first script's bytes. */
const CHATJS = 'node_modules/amazon-connect-chatjs/dist/amazon-connect-chat.js';

/** zlib's default level, what `gzip` and Vite's build report use. */
const GZIP_LEVEL = 6;
/** Brotli's maximum, what a CDN precompressing static files would use. */
const BROTLI_QUALITY = 11;

/** Bytes over the wire for `dist/`: raw, gzip and brotli, compressed here with `node:zlib`. Deterministic: one sample. */
export const bundleBytes: Measurement = {
  id: 'bytes',
  title: 'Bytes (dist/)',
  async run({ root, build }) {
    const metrics: Metric[] = [];
    for (const { key, file, gzipBudget, gzipTarget } of FILES) {
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
          ...(gzipTarget ? { target: gzipTarget } : {}),
          ...(key === 'webchat' ? { note: `gzip level ${GZIP_LEVEL} (zlib default); brotli quality ${BROTLI_QUALITY}. KB = 1,024 bytes.` } : {}),
        },
        { id: `bytes.${key}.brotli`, label: `${file} brotli`, unit: 'B', samples: [brotli] },
      );
    }
    const chatjs = await readFile(join(root, CHATJS));
    const chatjsGzip = gzipSync(chatjs, { level: GZIP_LEVEL }).length;
    const gzipOf = (key: string) => metrics.find((metric) => metric.id === `bytes.${key}.gzip`)!.samples[0]!;
    const webchatGzip = gzipOf('webchat');
    const pageView = webchatGzip + gzipOf('config');
    metrics.push(
      { id: 'bytes.chatjs.gzip', label: 'amazon-connect-chat.js alone gzip (the anchor)', unit: 'B', samples: [chatjsGzip] },
      { id: 'bytes.ratio.webchat_to_chatjs_gzip', label: 'webchat.js / chatjs alone, gzip', unit: 'ratio', samples: [webchatGzip / chatjsGzip] },
      // What a page view that never starts a chat downloads: the first script and the config chunk.
      { id: 'bytes.page_view.gzip', label: 'every page view: webchat.js + webchat-config.js gzip', unit: 'B', samples: [pageView] },
      { id: 'bytes.ratio.page_view_to_chatjs_gzip', label: 'every page view / chatjs alone, gzip', unit: 'ratio', samples: [pageView / chatjsGzip] },
    );
    return metrics;
  },
};
