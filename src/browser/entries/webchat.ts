/**
 * The script-tag entry (`dist/webchat.js`): read the instance, create the runtime, install
 * `window.saEvents`, and expose `window.saWebchat`. Nothing else; never throws into the host page.
 *
 * `window.saEvents` lives as long as the page: after `saWebchat.destroy()`, adding the script again boots a
 * new runtime whose entries are appended to the same log, so subscribers stay subscribed.
 *
 * ```html
 * <script src="https://cdn.example.com/webchat.js" data-instance="help_faq_bot" async></script>
 * ```
 */
import type { ConfigModule } from './config-chunk';
import type { PublicInstanceConfig } from '../config/instance-config.types';
import type { ConversationModule } from '../runtime/conversation.types';
import { connectToPageLog } from '../events/page-log';
import type { InspectModule } from './inspect-chunk';
import { deferInspection, inspectorRequest } from '../inspect/inspect-hook';
import { DEFAULT_INSPECTOR_PATH } from '../inspect/inspect-protocol';
import { createWebchat, type Webchat } from '../runtime/create-webchat';
import { reportError } from '../platform/report';

/** The lazily loaded chunks, beside `webchat.js`. */
const CONVERSATION_CHUNK = 'webchat-conversation.js';
const CONFIG_CHUNK = 'webchat-config.js';
/** Development only: `data-inspect` or `?webchat-inspect` loads it and opens the visualizer. */
const INSPECT_CHUNK = 'webchat-inspect.js';

type Command = [name: 'start', attributes?: Record<string, string>] | [name: 'end' | 'open' | 'close' | 'checkRules' | 'destroy'];

interface Namespace extends Pick<Webchat, 'start' | 'end' | 'open' | 'close' | 'checkRules' | 'destroy'> {
  /** `false` once `destroy()` has run: adding the script again then boots a new runtime. */
  loaded: boolean;
  version: string;
  push(command: Command): void;
}

declare global {
  interface Window {
    saEvents?: unknown;
    saWebchat?: Namespace | Command[];
  }
}

function findScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement && current.dataset.instance) return current;
  return document.querySelector<HTMLScriptElement>('script[data-instance][src*="webchat"]');
}

function inlineOrUrlConfig(value: string | undefined): { config?: PublicInstanceConfig; configUrl?: string } {
  if (!value) return {};
  if (value.trim().startsWith('{')) return { config: JSON.parse(value) as PublicInstanceConfig };
  return { configUrl: value };
}

function run(namespace: Namespace, command: unknown): void {
  if (!Array.isArray(command)) return reportError('saWebchat.push expects an array like ["start"]');
  const [name, argument] = command as [unknown, unknown];
  if (name === 'start') namespace.start(argument as Record<string, string> | undefined);
  else if (name === 'end' || name === 'open' || name === 'close' || name === 'checkRules' || name === 'destroy') namespace[name]();
  else reportError(`unknown saWebchat command ${JSON.stringify(name)}`);
}

function boot(): void {
  const existing = window.saWebchat;
  // Loaded twice: the first copy stays in charge (until its destroy()).
  if (existing && !Array.isArray(existing) && existing.loaded) return;
  const script = findScript();
  const instance = script?.dataset.instance;
  if (!script || !instance) {
    reportError('no <script data-instance="…"> found: add data-instance with your chat instance name');
    return;
  }
  const baseUrl = script.src || location.href;
  let source: ReturnType<typeof inlineOrUrlConfig>;
  try {
    source = inlineOrUrlConfig(script.dataset.config);
  } catch (error) {
    reportError('data-config is neither a URL nor valid JSON', error);
    source = { config: {} as PublicInstanceConfig }; // the validator then names what is missing
  }
  const nonce = script.dataset.nonce || script.nonce || undefined;
  const inspectAt = inspectorRequest(script, location.search);
  const webchat = createWebchat({
    instance,
    ...source,
    baseUrl,
    ...(nonce ? { nonce } : {}),
    analytics: script.dataset.analytics,
    identity: script.dataset.identityUrl,
    // A browser remembers a failed module load for the page's lifetime: a retry asks for a fresh URL.
    loadConversation: (attempt) =>
      import(/* @vite-ignore */ new URL(CONVERSATION_CHUNK + (attempt ? `?attempt=${attempt}` : ''), baseUrl).href) as Promise<ConversationModule>,
    loadConfigModule: () => import(/* @vite-ignore */ new URL(CONFIG_CHUNK, baseUrl).href) as Promise<ConfigModule>,
    inspect: inspectAt === undefined ? undefined : deferInspection(
      () => (import(/* @vite-ignore */ new URL(INSPECT_CHUNK, baseUrl).href) as Promise<InspectModule>).then((chunk) =>
        chunk.connectInspector({ url: new URL(inspectAt || DEFAULT_INSPECTOR_PATH, baseUrl).href, events: () => webchat.events })),
      (error) => reportError('could not load the inspector', error),
    ),
  });
  let disconnect = () => {};
  guard(() => (disconnect = connectToPageLog(window, webchat.events)));
  const queued = Array.isArray(existing) ? existing : [];
  /** After destroy() the namespace stays behind, inert; a command given to it is reported, not lost silently. */
  const live = <A extends unknown[]>(action: (...args: A) => void) => (...args: A) => {
    if (namespace.loaded) action(...args);
    else reportError('this webchat was destroyed: add the script again to start a new one');
  };
  const namespace: Namespace = {
    loaded: true,
    version: __WEBCHAT_VERSION__,
    start: live((attributes) => webchat.start(attributes)),
    end: live(() => webchat.end()),
    open: live(() => webchat.open()),
    close: live(() => webchat.close()),
    checkRules: live(() => webchat.checkRules()),
    destroy: () => {
      if (!namespace.loaded) return;
      namespace.loaded = false;
      webchat.destroy();
      disconnect();
    },
    push: (command) => guard(() => run(namespace, command)),
  };
  window.saWebchat = namespace;
  for (const command of queued) namespace.push(command);
}

function guard(action: () => void): void {
  try {
    action();
  } catch (error) {
    reportError('unexpected error', error);
  }
}

guard(boot);
