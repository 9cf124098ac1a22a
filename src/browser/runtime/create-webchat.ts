import { createReplayLog } from '../events/replay-log';
import type { ChatRuntime, Webchat, WebchatOptions } from './webchat.types';
import { fetchConfig } from './config-loader';
import { reportError } from '../platform/report';

export type { Webchat, WebchatOptions } from './webchat.types';

/**
 * One chat runtime, as the first script holds it before the statechart has loaded: the saEvents log (so a page
 * can subscribe at once), the configuration requested and the config chunk (the statechart and all that runs
 * once configured) imported side by side, and the commands given meanwhile, kept in order. The first script
 * does nothing else: every page view pays for this much, and only this much, before the configuration arrives.
 */
export function createWebchat(options: WebchatOptions): Webchat {
  const win = options.window ?? window;
  const now = options.now ?? Date.now;
  const fetchImpl = options.fetch ?? win.fetch.bind(win);
  const log = createReplayLog();
  const rawConfig = fetchConfig(options, win, fetchImpl);
  // Whatever becomes of it is the statechart's to hear (and report), once its chunk is here.
  rawConfig.catch(() => {});
  let runtime: ChatRuntime | undefined;
  let destroyed = false;
  const waiting: Array<(running: ChatRuntime) => void> = [];
  const whenRunning = (command: (running: ChatRuntime) => void) => (runtime ? command(runtime) : destroyed || void waiting.push(command));

  options.loadConfigModule().then(
    ({ startChatRuntime }) =>
      // The chunk's evaluation and the runtime's start in two tasks, not one long one on a slow phone.
      win.setTimeout(() => {
        if (destroyed) return;
        runtime = startChatRuntime({ ...options, window: win, now, fetch: fetchImpl, log, rawConfig });
        for (const command of waiting.splice(0)) command(runtime);
      }),
    (error: unknown) => {
      if (!destroyed) reportError(`Could not load webchat-config.js (${String(error)}). (config.chunk_unavailable)`);
    },
  );

  return {
    events: { subscribe: log.subscribe, history: log.history },
    start: (attributes, displayName) => whenRunning((running) => running.start(attributes, displayName)),
    end: () => whenRunning((running) => running.end()),
    // Before the runtime runs there is nothing to re-check: it evaluates the rules as it boots.
    checkRules: () => runtime?.checkRules(),
    open: () => whenRunning((running) => running.open()),
    close: () => whenRunning((running) => running.close()),
    destroy() {
      destroyed = true;
      waiting.length = 0;
      runtime?.destroy();
    },
  };
}
