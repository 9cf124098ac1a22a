import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../../src/server/emulator/emulator';
import { startTestEmulator } from './emulator-fixture';

describe('the agent console', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator();
  });
  afterAll(() => emulator?.close());

  it('is one self-contained page whose CSP allows exactly its own inline script and style', async () => {
    const response = await fetch(`${emulator.url}/agent/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    const csp = response.headers.get('content-security-policy') ?? '';
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src ${hash(script)}`);
    expect(csp).toContain(`style-src ${hash(style)}`);
    expect(csp).toContain("connect-src 'self'");
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/);
    expect(script).not.toContain('innerHTML');
  });

  it('tells a person that the autopilot plays the agent unless they press Join first, and how to turn it off', async () => {
    const html = await (await fetch(`${emulator.url}/agent/`)).text();
    const hint = /<p id="autopilot-hint">([\s\S]*?)<\/p>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '') ?? '';
    expect(hint).toContain('unless you press Join first');
    expect(hint).toContain('EMULATOR_AUTOPILOT=off npm start');
    expect(hint).not.toContain('\n');
  });

  it('redirects /agent to /agent/', async () => {
    const response = await fetch(`${emulator.url}/agent`, { redirect: 'manual' });
    expect(response.status).toBe(308);
    expect(response.headers.get('location')).toBe('/agent/');
  });
});
