import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = resolve('.');
const TSC = join(ROOT, 'node_modules', '.bin', 'tsc');

/** Strings that only appear in the code of each part, to find which output file holds what. */
const MARKERS = {
  // The statechart's (the consumer's own code names CHAT_LOADED and CONTACT_STARTED).
  runtime: 'TRANSFER_TO_QUEUE',
  chatjs: 'ChatJSVersion',
  lit: 'litHtmlVersions',
};

const CONSUMER_FILES: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      target: 'es2022',
      module: 'preserve',
      moduleResolution: 'bundler',
      lib: ['es2023', 'dom', 'dom.iterable'],
      types: [],
      strict: true,
      noEmit: true,
      // Our declarations are checked too, as a consumer with the strictest settings would.
      skipLibCheck: false,
    },
    files: ['main.ts'],
  }),
  'tsconfig.wrong.json': JSON.stringify({ extends: './tsconfig.json', files: ['wrong.ts'] }),
  'index.html': '<!doctype html><title>consumer</title><script type="module" src="./main.ts"></script>',
  'main.ts': `import { createWebchat, type SaEvent, type Webchat, type PublicInstanceConfig } from 'connect-webchat';

const config: PublicInstanceConfig = { name: 'help_faq_bot', region: 'ap-southeast-2' };
const webchat: Webchat = createWebchat({ instance: 'help_faq_bot', config, container: document.body });
const seen: string[] = [];
webchat.events.subscribe((event: SaEvent) => {
  if (event.type === 'CONTACT_STARTED') seen.push(event.data.contactId);
  else if (event.type === 'CHAT_LOADED') seen.push(event.data.chatInstanceName);
}, { types: ['CONTACT_STARTED', 'CHAT_LOADED'] });
document.querySelector('button')?.addEventListener('click', () => webchat.open());
webchat.start({ topic: 'billing' });
webchat.close();
webchat.checkRules();
webchat.end();
addEventListener('pagehide', () => webchat.destroy());
`,
  'wrong.ts': `import { createWebchat } from 'connect-webchat';

const webchat = createWebchat({ instance: 'help_faq_bot' });
webchat.events.subscribe((event) => {
  // CHAT_LOADED carries { chatInstanceName }, not a contactId: must not type-check.
  if (event.type === 'CHAT_LOADED') console.log(event.data.contactId);
});
`,
  'tree-shaken.ts': `import 'connect-webchat';
export const answer = 42;
`,
};

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/**
 * The package as a site team gets it: `npm pack`, installed into a fresh project, type-checked with the
 * strictest settings and bundled by vite. Needs `npm run build` first (`npm test` does it).
 */
describe('the npm package, packed and installed into a consumer project', () => {
  let workDir: string;
  let consumer: string;
  let packed: string[];

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'connect-webchat-package-'));
    const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', workDir], { cwd: ROOT });
    const [info] = JSON.parse(stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    packed = info!.files.map((file) => file.path);
    const tarball = join(workDir, info!.filename);

    consumer = join(workDir, 'app');
    await mkdir(consumer);
    for (const [name, text] of Object.entries(CONSUMER_FILES)) await writeFile(join(consumer, name), text);
    try {
      await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', '--loglevel=error', tarball], {
        cwd: consumer,
        timeout: 45_000,
      });
    } catch (error) {
      // No registry and an incomplete cache: unpack the tarball by hand and let the dependencies resolve from
      // this repository's node_modules, one folder up from the consumer.
      console.warn('npm install of the tarball failed; resolving its dependencies from this repository instead', error);
      const target = join(consumer, 'node_modules', 'connect-webchat');
      await mkdir(target, { recursive: true });
      await run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
      await symlink(join(ROOT, 'node_modules'), join(workDir, 'node_modules'), 'dir');
    }
  }, 60_000);

  afterAll(async () => {
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('ships the ESM entry, its declarations and the script-tag files, and nothing for development', () => {
    expect(packed).toEqual(expect.arrayContaining([
      'package.json',
      'README.md',
      'dist/esm/index.js',
      'dist/types/src/browser/entries/index.d.ts',
      'dist/types/machines/chat.types.d.ts',
      'dist/webchat.js',
      'dist/webchat-config.js',
      'dist/webchat-conversation.js',
      'LICENSE',
      'dist/esm/licenses.md',
      'dist/webchat-conversation.licenses.md',
    ]));
    const unexpected = packed.filter((path) =>
      !/^(package\.json|README\.md|LICENSE)$/.test(path) &&
      !/^dist\/(esm\/(.+\.js(\.map)?|licenses\.md)|types\/.+\.d\.ts|webchat(-config|-conversation)?\.(js(\.map)?|licenses\.md))$/.test(path));
    expect(unexpected).toEqual([]);
    expect(packed.filter((path) => /inspect|visualizer|emulator|server|backend|examples/.test(path))).toEqual([]);
  });

  it('ships the licence of every library its files bundle', async () => {
    const installed = join(consumer, 'node_modules', 'connect-webchat');
    for (const notice of ['dist/webchat-conversation.licenses.md', 'dist/esm/licenses.md']) {
      const text = await readFile(join(installed, notice), 'utf8');
      expect(text).toContain('## amazon-connect-chatjs - ');
      expect(text).toContain('(Apache-2.0)');
    }
    // The first script bundles no library; the statechart's (xstate) comes with the config chunk.
    expect(await readFile(join(installed, 'dist/webchat.licenses.md'), 'utf8')).not.toMatch(/^## /m);
    expect(await readFile(join(installed, 'dist/webchat-config.licenses.md'), 'utf8')).toMatch(/## xstate - .* \(MIT\)/);
  });

  it('resolves the package entry, the script tag file and its chunks through the exports map', async () => {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', `
      const resolveIn = (specifier) => import.meta.resolve(specifier);
      console.log(JSON.stringify([resolveIn('connect-webchat'), resolveIn('connect-webchat/webchat.js'), resolveIn('connect-webchat/webchat-conversation.js')]));
    `], { cwd: consumer });
    const [entry, script, chunk] = JSON.parse(stdout) as string[];
    expect(entry).toMatch(/node_modules\/connect-webchat\/dist\/esm\/index\.js$/);
    expect(script).toMatch(/node_modules\/connect-webchat\/dist\/webchat\.js$/);
    expect(chunk).toMatch(/node_modules\/connect-webchat\/dist\/webchat-conversation\.js$/);
  });

  it('type-checks a correct consumer, and rejects a wrong saEvents payload', async () => {
    await expect(run(TSC, ['-p', 'tsconfig.json'], { cwd: consumer })).resolves.toBeDefined();
    const failure = await run(TSC, ['-p', 'tsconfig.wrong.json'], { cwd: consumer }).then(
      () => undefined,
      (error: { stdout: string }) => error.stdout,
    );
    expect(failure).toMatch(/wrong\.ts\(6,\d+\): error TS2339: Property 'contactId' does not exist/);
  });

  it('bundles with vite: the statechart split into the chunk loaded with the configuration, chatjs and the panel into one loaded on demand', async () => {
    const outDir = join(workDir, 'bundle');
    await build({ root: consumer, configFile: false, logLevel: 'silent', build: { outDir, target: 'es2022' } });
    const scripts = (await filesUnder(outDir)).filter((file) => file.endsWith('.js'));
    const texts = await Promise.all(scripts.map(async (file) => ({ file, text: await readFile(file, 'utf8') })));
    const holding = (marker: string) => texts.filter(({ text }) => text.includes(marker)).map(({ file }) => file);
    const entry = join(outDir, 'assets', (await readFile(join(outDir, 'index.html'), 'utf8')).match(/assets\/([^"]+\.js)/)![1]!);
    expect(holding(MARKERS.runtime)).toHaveLength(1);
    expect(holding(MARKERS.runtime)).not.toContain(entry);
    expect(holding('xstate.init')).toEqual(holding(MARKERS.runtime));
    expect(holding(MARKERS.chatjs)).toHaveLength(1);
    expect(holding(MARKERS.chatjs)).not.toContain(entry);
    expect(holding(MARKERS.lit)).toEqual(holding(MARKERS.chatjs));
    expect(holding(MARKERS.chatjs)).not.toEqual(holding(MARKERS.runtime));
    expect(scripts.length).toBeGreaterThanOrEqual(3); // entry, conversation chunk, config chunk
  });

  it('tree-shakes to nothing when nothing is used (sideEffects)', async () => {
    const outDir = join(workDir, 'shaken');
    await build({
      root: consumer,
      configFile: false,
      logLevel: 'silent',
      build: { outDir, target: 'es2022', minify: false, lib: { entry: join(consumer, 'tree-shaken.ts'), formats: ['es'], fileName: 'shaken' } },
    });
    const output = await Promise.all((await filesUnder(outDir)).map((file) => readFile(file, 'utf8')));
    expect(output.join('\n')).not.toMatch(/CHAT_LOADED|ChatJSVersion|litHtmlVersions|xstate/i);
  });
});
