import { readFileSync } from 'node:fs';
import { defineConfig, type LibraryOptions } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * The outputs in `dist/`, one build each (`vite build --mode <name>`):
 * - `webchat.js` (default): the first script, an IIFE for a plain `<script>` tag, on every page view
 *   (budget: 20 KB gzip);
 * - `webchat-config.js` (`config`): the config validator and the display rules, an ES module the first
 *   script imports while it fetches the configuration;
 * - `webchat-conversation.js` (`conversation`): chatjs and the panel, imported when a chat starts or
 *   resumes (budget: 100 KB gzip).
 * IIFE output cannot split chunks, hence one build per file.
 */
const LIBRARIES: Record<string, LibraryOptions> = {
  production: { entry: 'src/embed.ts', formats: ['iife'], name: 'connectWebchat', fileName: () => 'webchat.js' },
  config: { entry: 'src/config/config-chunk.ts', formats: ['es'], fileName: () => 'webchat-config.js' },
  conversation: { entry: 'src/connect/conversation.ts', formats: ['es'], fileName: () => 'webchat-conversation.js' },
};

export default defineConfig(({ mode }) => ({
  define: { __WEBCHAT_VERSION__: JSON.stringify(version) },
  build: {
    emptyOutDir: mode === 'production',
    target: 'es2022',
    sourcemap: true,
    // ES library builds are not minified by default; these ship to browsers.
    minify: true,
    lib: LIBRARIES[mode] ?? LIBRARIES.production!,
  },
}));
