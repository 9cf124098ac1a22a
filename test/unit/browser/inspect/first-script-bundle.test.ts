import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const DIST = join(process.cwd(), 'dist');
const FIRST_SCRIPT_BUDGET = 16 * 1024;

function built(file: string): string {
  const path = join(DIST, file);
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first`);
  return readFileSync(path, 'utf8');
}

/** Strings only the inspector (`@statelyai/inspect`) or the layout engine (elkjs) would bring. */
const INSPECTOR_MARKERS = ['@statelyai', 'statelyai.connected', 'xstateinspector', 'createBrowserInspector', 'createBrowserReceiver', 'safe-stable-stringify', 'superjson', 'partysocket'];
const ELK_MARKERS = ['org.eclipse.elk', 'elkjs', 'elk.algorithm', 'elk.bundled'];

describe('the built first script stays free of development tools', () => {
  it('dist/webchat.js has no inspector or elkjs code, only the hook that loads webchat-inspect.js on request', () => {
    const firstScript = built('webchat.js');
    for (const marker of [...INSPECTOR_MARKERS, ...ELK_MARKERS]) expect(firstScript, marker).not.toContain(marker);
    expect(firstScript).not.toMatch(/\bELK\b/);
    expect(firstScript).toContain('webchat-inspect.js');
  });

  it('dist/webchat.js runs no statechart: XState comes with the config chunk, beside the configuration', () => {
    expect(built('webchat.js')).not.toContain('xstate.');
    expect(built('webchat-config.js')).toContain('xstate.init');
  });

  it('dist/webchat.js stays within its 16 KB gzip budget', () => {
    expect(gzipSync(readFileSync(join(DIST, 'webchat.js')), { level: 9 }).length).toBeLessThanOrEqual(FIRST_SCRIPT_BUDGET);
  });

  it('the inspector lives in its own chunk, and elkjs only in the visualizer page', () => {
    const chunk = built('webchat-inspect.js');
    expect(chunk).toContain('statelyai.connected');
    for (const marker of ELK_MARKERS.slice(0, 2)) expect(chunk).not.toContain(marker);
    const assets = join(DIST, 'visualizer', 'assets');
    expect(built(join('visualizer', 'index.html'))).toContain('connect-webchat visualizer');
    const pageScripts = readdirSync(assets).filter((file) => file.endsWith('.js')).map((file) => readFileSync(join(assets, file), 'utf8'));
    expect(pageScripts.some((script) => script.includes('org.eclipse.elk'))).toBe(true);
  });
});
