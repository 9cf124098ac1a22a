import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';
import { cssLiteralsPlugin } from './css-literals.plugin';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Browser modules bundled in memory as they ship (production lit, minified, our stylesheets minified), for the
 * pages that mount one part of the UI alone: the panel and content browser tests and `npm run screenshots`.
 * `entries` maps an output name to a path from the project root; the answer maps `/<file>.js` to its code,
 * shared chunks included, ready to serve.
 */
export async function bundleInMemory(entries: Readonly<Record<string, string>>): Promise<Record<string, string>> {
  const result = (await build({
    root: ROOT,
    configFile: false,
    logLevel: 'silent',
    mode: 'production',
    publicDir: false,
    plugins: [cssLiteralsPlugin()],
    // Vitest sets NODE_ENV=test, which would pick lit's development build: ask for production explicitly.
    resolve: { conditions: ['module', 'browser', 'production'] },
    build: {
      write: false,
      minify: true,
      // Lib mode keeps whitespace in ES output; minify fully so sizes measured here are what ships.
      rolldownOptions: { output: { minify: true } },
      lib: {
        entry: Object.fromEntries(Object.entries(entries).map(([name, path]) => [name, `${ROOT}/${path}`])),
        formats: ['es'],
      },
    },
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const output = Array.isArray(result) ? result[0]! : result;
  return Object.fromEntries(output.output.filter((chunk) => chunk.type === 'chunk').map((chunk) => [`/${chunk.fileName}`, chunk.code]));
}
