import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * Two outputs in `dist/`:
 * - `webchat.js`: the first script, an IIFE for a plain `<script>` tag (budget: 20 KB gzip);
 * - `webchat-conversation.js`: the conversation chunk (chatjs + panel), an ES module the first script
 *   imports on demand (budget: 100 KB gzip).
 * IIFE output cannot split chunks, so each is its own build; `--mode conversation` selects the second.
 */
export default defineConfig(({ mode }) => {
  const conversation = mode === 'conversation';
  return {
    define: { __WEBCHAT_VERSION__: JSON.stringify(version) },
    build: {
      emptyOutDir: !conversation,
      target: 'es2022',
      sourcemap: true,
      lib: conversation
        ? { entry: 'src/connect/conversation.ts', formats: ['es'], fileName: () => 'webchat-conversation.js' }
        : { entry: 'src/embed.ts', formats: ['iife'], name: 'connectWebchat', fileName: () => 'webchat.js' },
    },
  };
});
