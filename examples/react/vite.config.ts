import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The React example: `vite build --config examples/react/vite.config.ts` → `dist/examples/react/`, served by
 * `npm start` at `/examples/react/`. `connect-webchat` resolves to this repository's source, as the published
 * package would to `dist/esm/`. Vite compiles TSX with React's automatic JSX runtime on its own; an app that
 * wants fast refresh adds `@vitejs/plugin-react`.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/examples/react/',
  resolve: { alias: { 'connect-webchat': fileURLToPath(new URL('../../src/index.ts', import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/examples/react', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
});
