import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SaEvent } from '../../../../machines/chat.types';
import { createWebchat } from '../../../../src/browser/runtime/create-webchat';
import type { ChatRuntime, ChatRuntimeOptions, ConfigModule } from '../../../../src/browser/runtime/webchat.types';

/**
 * The first script's half of the runtime: what a page has before the config chunk (the statechart) arrives. The
 * whole runtime runs in the e2e tests; here, what only this half decides: the order of things.
 */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => ((resolve = ok), (reject = fail)));
  return { promise, resolve, reject };
}

function fakeRuntime() {
  const calls: string[] = [];
  const runtime: ChatRuntime = {
    start: (attributes, displayName) => void calls.push(`start ${JSON.stringify(attributes ?? null)} ${displayName ?? ''}`.trim()),
    end: () => void calls.push('end'),
    open: () => void calls.push('open'),
    close: () => void calls.push('close'),
    checkRules: () => void calls.push('checkRules'),
    destroy: () => void calls.push('destroy'),
  };
  return { runtime, calls };
}

const page = { location: { href: 'https://shop.example/help' }, setTimeout: (run: () => void) => setTimeout(run) } as unknown as Window;
/** The chunk's evaluation and the runtime's start are two tasks: this waits for the second. */
async function nextTask(): Promise<void> {
  await Promise.resolve(); // the chunk's promise settles first, and the runtime asks for its task
  await new Promise((resolve) => setTimeout(resolve));
}
const loaded: SaEvent = { type: 'CHAT_LOADED', data: { chatInstanceName: 'help' }, timestamp: 1 };

function boot() {
  const chunk = deferred<ConfigModule>();
  const fetches: string[] = [];
  const fetchImpl = vi.fn(async (url: URL | RequestInfo) => {
    fetches.push(String(url));
    return new Response(JSON.stringify({ name: 'help' }));
  }) as unknown as typeof fetch;
  let given: ChatRuntimeOptions | undefined;
  const { runtime, calls } = fakeRuntime();
  const module: ConfigModule = {
    startChatRuntime: (options) => {
      given = options;
      return runtime;
    },
  };
  const webchat = createWebchat({
    instance: 'help',
    window: page,
    fetch: fetchImpl,
    loadConversation: () => Promise.reject(new Error('not in this test')),
    loadConfigModule: () => chunk.promise,
  });
  return { webchat, chunk, module, fetches, calls, given: () => given };
}

afterEach(() => vi.restoreAllMocks());

describe('createWebchat, before the config chunk has arrived', () => {
  it('asks for the configuration at once, beside the chunk, not after it', async () => {
    const { chunk, module, fetches, given } = boot();
    expect(fetches).toEqual(['https://shop.example/api/instances/help']);
    chunk.resolve(module);
    await nextTask();
    await expect(given()!.rawConfig).resolves.toEqual({ name: 'help' });
  });

  it('lets the page subscribe at once, and hands the runtime that same log', async () => {
    const { webchat, chunk, module, given } = boot();
    const heard: SaEvent[] = [];
    webchat.events.subscribe((event) => heard.push(event));
    chunk.resolve(module);
    await nextTask();
    given()!.log.append(loaded);
    expect(heard).toEqual([loaded]);
    expect(webchat.events.history()).toEqual([loaded]);
  });

  it('keeps the commands given meanwhile, in order, for the runtime', async () => {
    const { webchat, chunk, module, calls } = boot();
    webchat.open();
    webchat.start({ order: '42' }, 'Dana');
    webchat.checkRules(); // the runtime evaluates the rules as it boots: nothing to keep
    webchat.close();
    expect(calls).toEqual([]);
    chunk.resolve(module);
    await nextTask();
    expect(calls).toEqual(['open', 'start {"order":"42"} Dana', 'close']);
    webchat.end();
    expect(calls.at(-1)).toBe('end');
  });

  it('destroyed before the chunk arrives: no runtime is started, and the queued commands are dropped', async () => {
    const { webchat, chunk, module, calls, given } = boot();
    webchat.open();
    webchat.destroy();
    chunk.resolve(module);
    await nextTask();
    expect(given()).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it('reports a chunk that cannot load once, by name, and throws nothing at the page', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { webchat, chunk } = boot();
    webchat.open();
    chunk.reject(new TypeError('Failed to fetch dynamically imported module'));
    await nextTask();
    expect(() => webchat.start()).not.toThrow();
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]![0])).toMatch(/webchat-config\.js.*\(config\.chunk_unavailable\)/);
  });
});
