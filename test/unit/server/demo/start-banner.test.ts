import { describe, expect, it } from 'vitest';
import { startBanner } from '../../../../src/server/demo/start-banner';

describe('startBanner', () => {
  const url = 'http://127.0.0.1:8123';

  it('names every place to visit, with its full URL', () => {
    const banner = startBanner(url, true);
    for (const place of ['/', '/account', '/agent/', '/?webchat-inspect', '/visualizer/', '/examples/', '/api/chats', '/emulator/contacts']) {
      expect(banner).toContain(` ${url}${place} `);
    }
  });

  it('ends with how to stop, and says whether the autopilot answers', () => {
    expect(startBanner(url, true).trimEnd().split('\n').at(-1)).toBe('Press Ctrl-C to stop.');
    expect(startBanner(url, true)).toContain('autopilot on');
    expect(startBanner(url, false)).toContain('EMULATOR_AUTOPILOT=off');
  });
});
