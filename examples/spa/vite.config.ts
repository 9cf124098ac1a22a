import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The single-page app example: `vite build --config examples/spa/vite.config.ts` → `dist/examples/spa/`,
 * served by `npm start` at `/examples/spa/` (every route falls back to its `index.html`). `connect-webchat`
 * resolves to this repository's `dist/esm/`, the build the published package ships (`npm run build` makes it first).
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/examples/spa/',
  resolve: { alias: { 'connect-webchat': fileURLToPath(new URL('../../dist/esm/index.js', import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/examples/spa', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
});
