import { transformWithOxc } from 'vite';
import { describe, expect, it } from 'vitest';
import { createGlobalSandbox } from '../../../../src/browser/platform/global-sandbox';
import { globalSandboxPlugin } from '../../../../src/build/global-sandbox.plugin';

/** A host object whose method, like a Window method, refuses to run on anything but its owner. */
function fakeWindow() {
  const host = {
    name: 'host',
    timers: 0,
    setTimeout(this: unknown) {
      if (this !== host) throw new TypeError('Illegal invocation');
      return ++host.timers;
    },
    WebSocket: class FakeSocket {},
  };
  return host;
}

describe('global sandbox', () => {
  it('keeps writes to itself and reads everything else through to the host', () => {
    const host = fakeWindow();
    const sandbox = createGlobalSandbox(host);
    const window = sandbox.window as Record<string, unknown>;
    window.sprintf = 'mine';
    window.name = 'changed';
    expect(window.sprintf).toBe('mine');
    expect(window.name).toBe('changed');
    expect(host).not.toHaveProperty('sprintf');
    expect(host.name).toBe('host');
    expect('sprintf' in window && 'WebSocket' in window && !('nothing' in window)).toBe(true);
    delete window.name;
    expect(window.name).toBe('host');
  });

  it('calls host methods on the host, and leaves constructors as they are', () => {
    const host = fakeWindow();
    const window = createGlobalSandbox(host).window as typeof host;
    expect(window.setTimeout()).toBe(1);
    expect(window.setTimeout).toBe(window.setTimeout);
    expect(window.WebSocket).toBe(host.WebSocket);
    expect(new window.WebSocket()).toBeInstanceOf(host.WebSocket);
  });

  it('runs a chatjs-shaped script without it touching the host', () => {
    const host = fakeWindow();
    const sandbox = createGlobalSandbox(host);
    // The patterns chatjs uses: find the global object, extend `connect` on it, use the bare name, read `window.connect`.
    const script = new Function('window', 'self', 'connect', `
      var g = typeof self !== 'undefined' ? self : window;
      g.connect = g.connect || {};
      connect.ChatSession = { version: window.connect === connect ? 'same' : 'different' };
      window.sprintf = function () {};
    `);
    script.call(undefined, sandbox.window, sandbox.window, sandbox.connect);
    expect(sandbox.connect.ChatSession).toEqual({ version: 'same' });
    expect(Object.keys(sandbox.own).sort()).toEqual(['connect', 'sprintf']);
    expect(Object.keys(host).sort()).toEqual(['WebSocket', 'name', 'setTimeout', 'timers']);
  });
});

describe('global sandbox build step', () => {
  const plugin = globalSandboxPlugin();
  const transform = (code: string, id: string) =>
    (plugin.transform as (code: string, id: string) => { code: string } | undefined)(code, id);

  it('wraps chatjs in a function given the sandbox, and shadows globalThis in lit-html', async () => {
    const chatjs = transform('connect.x = 1;', '/p/node_modules/amazon-connect-chatjs/dist/amazon-connect-chat.js')!.code;
    expect(chatjs).toMatch(/^import \{ librarySandbox as __sandbox \} from ".*global-sandbox\.ts";\n\(function \(window, self, connect\) \{\nconnect\.x = 1;\n\}\)\.call\(undefined, __sandbox\.window, __sandbox\.window, __sandbox\.connect\);\n$/);
    const lit = transform('const t = globalThis; (t.litHtmlVersions ??= []).push("3");', '/p/node_modules/lit-html/lit-html.js?v=1')!.code;
    expect(lit).toContain('const globalThis = __sandbox.window;\nconst t = globalThis;');
    // Both are still valid modules.
    await expect(transformWithOxc(chatjs, 'chatjs.js')).resolves.toBeTruthy();
    await expect(transformWithOxc(lit, 'lit-html.js')).resolves.toBeTruthy();
  });

  it('leaves every other module alone', () => {
    expect(transform('window.x = 1;', '/p/src/embed.ts')).toBeUndefined();
    expect(transform('globalThis.x = 1;', '/p/node_modules/lit-html/directives/repeat.js')).toBeUndefined();
  });
});
