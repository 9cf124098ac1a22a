import type { InspectionEvent } from 'xstate';
import type { AnalyticsOptions, PublicInstanceConfig } from '../config/instance-config.types';
import type { ReplayLog, SaEvents } from '../events/replay-log';
import type { ConversationModule } from './conversation.types';

export interface WebchatOptions {
  /** The chat instance name (`data-instance`). */
  instance: string;
  /**
   * The instance's public configuration, inline. When absent it is fetched from `configUrl`.
   * @default fetched
   */
  config?: PublicInstanceConfig;
  /**
   * Where to fetch the configuration from.
   * @default `${baseUrl origin}/api/instances/${instance}`
   */
  configUrl?: string;
  /**
   * URL that relative service URLs resolve against: the script's own URL for the script tag.
   * @default location.href
   */
  baseUrl?: string;
  /** Loads the conversation chunk (chatjs + panel) on demand; `attempt` counts the failed loads before this one. */
  loadConversation: (attempt: number) => Promise<ConversationModule>;
  /**
   * Loads the config chunk: the statechart and everything that runs once the configuration is known (validator,
   * display rules, launcher). Called at once, in parallel with fetching the configuration.
   */
  loadConfigModule: () => Promise<ConfigModule>;
  /** Nonce for a fallback `<style>` under a strict CSP without constructable stylesheets. */
  nonce?: string;
  /**
   * Where the launcher and panel hosts are appended (they stay position: fixed).
   * @default document.body
   */
  container?: HTMLElement;
  /** @default globalThis.window */
  window?: Window;
  /** @default Date.now */
  now?: () => number;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /**
   * Development only: XState's inspection callback for the chat actor (the visualizer's feed).
   * @default none
   */
  inspect?: ((event: InspectionEvent) => void) | undefined;
  /**
   * Analytics bridges the page asks for, on top of the instance config's `analytics`: an object, or the
   * `data-analytics` attribute's list (`"datalayer,gtag"`).
   * @default none
   */
  analytics?: AnalyticsOptions | string | undefined;
  /**
   * A signed-in customer: a function giving a fresh token (the JWT your server signs) for each start, or
   * the URL of your endpoint answering `{ "token": "…" }` (`data-identity-url`). See README "Known customers".
   * @default none: the customer is anonymous
   */
  identity?: (() => Promise<string>) | string | undefined;
}

export interface Webchat {
  /** The saEvents replay log of this runtime. */
  readonly events: SaEvents;
  /** Start a chat (as the launcher does, without the pre-chat form), with contact attributes and the customer's name. */
  start(attributes?: Record<string, string>, displayName?: string): void;
  /** End the running chat, as the panel's "End chat" does. */
  end(): void;
  /** Re-evaluate the display rules (single-page apps can call it after a route change). */
  checkRules(): void;
  /** Show the chat: bring back a minimised panel, or begin a chat as the launcher does (pre-chat form included). */
  open(): void;
  /** Tuck the panel away (the chat goes on), close the pre-chat form, or dismiss an ended chat. */
  close(): void;
  /** Remove every listener, timer, socket and DOM node this runtime made. */
  destroy(): void;
}

/** What the first script hands the runtime: its options, resolved, with the log it already shows and the configuration on its way. */
export interface ChatRuntimeOptions extends Omit<WebchatOptions, 'loadConfigModule' | 'config' | 'configUrl'> {
  window: Window;
  now: () => number;
  fetch: typeof fetch;
  /** The page's saEvents log for this runtime, created by the first script so subscribers never wait for this chunk. */
  log: ReplayLog;
  /** The instance's configuration as fetched (or given inline), not yet validated: requested before this chunk loaded. */
  rawConfig: Promise<unknown>;
}

/** The runtime's commands, as `Webchat` has them (the first script owns `events`). */
export type ChatRuntime = Omit<Webchat, 'events'>;

/** What the config chunk gives the first script (`entries/config-chunk.ts`). */
export interface ConfigModule {
  startChatRuntime(options: ChatRuntimeOptions): ChatRuntime;
}
