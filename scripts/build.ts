/**
 * `npm run build`: every file in `dist/`, one step at a time, each its own process as if typed:
 * `vite build --mode <m>` for each output of `vite.config.ts` (see there), the package's declarations
 * (`tsc -p tsconfig.build.json`), then the examples.
 *
 *   tsx scripts/build.ts                   vite's usual report: every file with its size
 *   tsx scripts/build.ts --quiet           warnings and errors only (`npm start`, whose last lines are its URLs)
 *   tsx scripts/build.ts --examples-only   the examples alone (`npm run examples:build`)
 *
 * Configs load with `--configLoader runner` (Vite's module runner, no temporary bundle): the default
 * loader warns on every build that `vite.config.ts` imports a TypeScript file without its extension, which
 * Node cannot load natively anyway.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

/** The script behind a package's command (what `node_modules/.bin/<name>` runs), run with this `node`. */
function binOf(pkg: string, name: string): string {
  const manifest = require.resolve(`${pkg}/package.json`);
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: string | Record<string, string> };
  return join(dirname(manifest), typeof bin === 'string' ? bin : bin[name]!);
}

const vite = binOf('vite', 'vite');
const tsc = binOf('typescript', 'tsc');

/** The `vite build --mode` of each output, in order: `production` (`webchat.js`) first, as it empties `dist/`. */
export const BUILD_MODES = ['production', 'config', 'conversation', 'inspect', 'visualizer', 'esm'] as const;
/** The examples' configs, built against `dist/esm/` (hence last). */
export const EXAMPLE_CONFIGS = ['examples/react/vite.config.ts', 'examples/spa/vite.config.ts'] as const;

/** The commands a build runs, as argument lists for `node`. */
export function buildSteps({ quiet = false, examplesOnly = false } = {}): string[][] {
  const viteBuild = (...args: string[]) => [vite, 'build', '--configLoader', 'runner', ...(quiet ? ['--logLevel', 'warn'] : []), ...args];
  return [
    ...(examplesOnly ? [] : [...BUILD_MODES.map((mode) => viteBuild('--mode', mode)), [tsc, '-p', 'tsconfig.build.json']]),
    ...EXAMPLE_CONFIGS.map((config) => viteBuild('--config', config)),
  ];
}

function run(args: string[]): void {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`build failed: ${args.map((arg) => arg.replace(root, '')).join(' ')}`);
    process.exit(result.status ?? 1);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const steps = buildSteps({ quiet: process.argv.includes('--quiet'), examplesOnly: process.argv.includes('--examples-only') });
  for (const step of steps) run(step);
}
