import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type LibraryOptions } from 'vite';
import { cssLiteralsPlugin } from './src/build/css-literals.plugin';
import { globalSandboxPlugin } from './src/build/global-sandbox.plugin';

const { version, dependencies } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
};

/**
 * The outputs in `dist/`, one build each (`vite build --mode <name>`):
 * - `webchat.js` (default): the first script, an IIFE for a plain `<script>` tag, on every page view
 *   (budget: 20 KB gzip);
 * - `webchat-config.js` (`config`): the config validator and the display rules, an ES module the first
 *   script imports while it fetches the configuration;
 * - `webchat-conversation.js` (`conversation`): chatjs and the panel, imported when a chat starts or
 *   resumes (budget: 100 KB gzip).
 * - `webchat-inspect.js` (`inspect`): development only, the `@statelyai/inspect` bridge the first script
 *   imports when `data-inspect` or `?webchat-inspect` asks for it;
 * - `visualizer/` (`visualizer`): the inspector page (elkjs, the standalone machine), served at `/visualizer/`.
 * - `esm/` (`esm`): the npm package's ES entry (`src/browser/entries/index.ts`), for apps that bundle the chat themselves.
 * IIFE output cannot split chunks, hence one build per file.
 */
const LIBRARIES: Record<string, LibraryOptions> = {
  production: { entry: 'src/browser/entries/webchat.ts', formats: ['iife'], name: 'connectWebchat', fileName: () => 'webchat.js' },
  config: { entry: 'src/browser/entries/config-chunk.ts', formats: ['es'], fileName: () => 'webchat-config.js' },
  conversation: { entry: 'src/browser/entries/conversation-chunk.ts', formats: ['es'], fileName: () => 'webchat-conversation.js' },
  inspect: { entry: 'src/browser/entries/inspect-chunk.ts', formats: ['es'], fileName: () => 'webchat-inspect.js' },
};

/**
 * V8's explicit compile hint (other engines read a comment): compile every function of the file eagerly, on the
 * background thread that streams the module in, instead of lazily on the main thread as each is first called.
 * Given to the chunks most of whose code runs as soon as they load. Measured in Chromium 150 at 4× CPU throttling:
 * - the conversation chunk's evaluation falls from about 60 ms, one long task on the Start click (nearly all of it
 *   lazy compilation of chatjs), to 6–16 ms; the price is bytecode for functions that never run, about 300 KB more
 *   JS heap once the chat is open;
 * - the config chunk's (the statechart, the validator, the launcher, on every page view) script time up to
 *   CHAT_VISIBLE falls by about a third (55 → 35 ms; 13 → 8.5 ms at 1×), for about 80 KB more heap;
 * - the first script's own task, every function of which runs at once, 3.4 → 2.9 ms (14 → 12 ms at 4×).
 * After minification (`postBanner`), which would drop a comment. It must stay the file's first line.
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad';
const COMPILE_HINTED = new Set(['production', 'config', 'conversation']);

/** `webchat`, `webchat-config`, …: the file a mode builds, without `.js`. */
const scriptName = (mode: string) => mode === 'production' || !LIBRARIES[mode] ? 'webchat' : `webchat-${mode}`;

/** The visualizer is a page, not a library: `visualizer/index.html` and what it imports. */
const visualizerConfig = defineConfig({
  root: fileURLToPath(new URL('./visualizer', import.meta.url)),
  base: './',
  build: {
    outDir: fileURLToPath(new URL('./dist/visualizer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // elkjs alone is ~1.6 MB; this page is for developers, never for site visitors.
    chunkSizeWarningLimit: 4096,
  },
});

/**
 * Dependencies whose code is bundled into `dist/` instead of left for the app's bundler: chatjs runs inside
 * its global sandbox (`global-sandbox.plugin.ts`), which an app's bundler would not apply. It is declared
 * in `dependencies` all the same, pinned to the bundled version, so `npm audit` and SBOM tools see what ships.
 */
const BUNDLED_DEPENDENCIES = new Set(['amazon-connect-chatjs']);

/** A package dependency (`lit`, `lit/html.js`, `xstate`, …): left for the app's bundler to resolve and share. */
const isDependency = (id: string) =>
  Object.keys(dependencies).some((name) => !BUNDLED_DEPENDENCIES.has(name) && (id === name || id.startsWith(`${name}/`)));

/**
 * The npm package's ES build: `dist/esm/index.js` plus one chunk per dynamic import (the conversation and
 * config chunks), so the app's bundler splits them off too. Not minified: the app's bundler minifies.
 * Declarations come from `tsc -p tsconfig.build.json` into `dist/types/`.
 */
const esmConfig = defineConfig({
  plugins: [globalSandboxPlugin(), cssLiteralsPlugin()],
  define: { __WEBCHAT_VERSION__: JSON.stringify(version) },
  build: {
    outDir: fileURLToPath(new URL('./dist/esm', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    minify: false,
    // chatjs is bundled here (see BUNDLED_DEPENDENCIES): its licence travels with it.
    license: { fileName: 'licenses.md' },
    lib: { entry: 'src/browser/entries/index.ts', formats: ['es'], fileName: () => 'index.js' },
    rolldownOptions: {
      external: isDependency,
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});

export default defineConfig(({ mode }) => mode === 'visualizer' ? visualizerConfig : mode === 'esm' ? esmConfig : ({
  plugins: [globalSandboxPlugin(), cssLiteralsPlugin()],
  define: { __WEBCHAT_VERSION__: JSON.stringify(version) },
  build: {
    emptyOutDir: mode === 'production',
    target: 'es2022',
    sourcemap: true,
    // terser first, then rolldown's own minifier over its output: together they take about 170 B more off the first
    // script and 500 B off the conversation chunk (gzip) than the default alone, both budgeted in `npm run bench`.
    // The second pass also drops the whitespace vite leaves in ES library output for downstream bundlers: these
    // chunks go to browsers as they are.
    minify: 'terser',
    terserOptions: { module: true, compress: { passes: 2 } },
    // terser takes a few seconds over chatjs on every build, which is expected: no warning about it each time.
    // ASCII output: a script with one character outside Latin-1 is held by Chromium as two bytes a character.
    rolldownOptions: {
      checks: { bundlerTimings: false },
      // Browsers read no `@__PURE__` annotation: those are for bundlers, and these files go to browsers as they are.
      output: { minify: true, charset: 'ascii', comments: { annotation: false }, ...(COMPILE_HINTED.has(mode) ? { postBanner: COMPILE_HINT } : {}) },
    },
    // The licences of what each file bundles (chatjs: Apache-2.0; lit, xstate: BSD-3-Clause, MIT), beside it.
    license: { fileName: `${scriptName(mode)}.licenses.md` },
    lib: LIBRARIES[mode] ?? LIBRARIES.production!,
  },
}));
