/**
 * Bundles the start-chat Lambda into deploy/.aws-build/: `index.js` (CommonJS, the AWS SDK included)
 * and `instances.json` (a copy of config/instances.json, or of the file named by INSTANCES_FILE).
 *
 *   npx tsx deploy/build-lambda.ts && sam deploy --guided --template-file deploy/template.yaml
 *
 * The handler is `index.handler`: Lambda splits the handler string at its first dot, so the entry file
 * cannot keep its dotted name (`lambda.handler.ts`).
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { build } from 'vite';
import { loadInstancesFile } from '../src/server/backend/instances-file';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface BuildLambdaOptions {
  /** @default deploy/.aws-build */
  outDir?: string;
  /** @default $INSTANCES_FILE, else config/instances.json */
  instancesFile?: string;
}

/** Builds the bundle; returns the output directory. Refuses an invalid instances file before building. */
export async function buildLambda(options: BuildLambdaOptions = {}): Promise<string> {
  const outDir = options.outDir ?? join(root, 'deploy/.aws-build');
  const instancesFile = options.instancesFile ?? process.env.INSTANCES_FILE ?? join(root, 'config/instances.json');
  await loadInstancesFile(instancesFile);
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      ssr: join(root, 'src/server/backend/lambda.handler.ts'),
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: true,
      sourcemap: true,
      rollupOptions: { output: { format: 'cjs', entryFileNames: 'index.js', codeSplitting: false } },
    },
    ssr: { noExternal: true, target: 'node' },
  });
  await mkdir(outDir, { recursive: true });
  await copyFile(instancesFile, join(outDir, 'instances.json'));
  // The repository is "type": "module"; the bundle is CommonJS wherever it runs.
  await writeFile(join(outDir, 'package.json'), '{ "type": "commonjs" }\n');
  return outDir;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = await buildLambda();
  console.log(`Lambda bundle written to ${dir}`);
}
