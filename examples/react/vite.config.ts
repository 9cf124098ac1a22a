import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The React example: `vite build --config examples/react/vite.config.ts` → `dist/examples/react/`, served by
 * `npm start` at `/examples/react/`. `connect-webchat` resolves to this repository's `dist/esm/`, the build
 * the published package ships (`npm run build` makes it first). Vite compiles TSX with React's automatic JSX runtime on its own; an app that
 * wants fast refresh adds `@vitejs/plugin-react`.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/examples/react/',
  resolve: { alias: { 'connect-webchat': fileURLToPath(new URL('../../dist/esm/index.js', import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/examples/react', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
});
