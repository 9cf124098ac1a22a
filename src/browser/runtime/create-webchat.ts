import { createActor, type InspectionEvent } from 'xstate';
import type { ChatEvent } from '../../../machines/chat.types';
import type { ConfigModule } from '../entries/config-chunk';
import type { AnalyticsOptions, PublicInstanceConfig } from '../config/instance-config.types';
import type { ConversationModule } from './conversation.types';
import { createReplayLog, type SaEvents } from '../events/replay-log';
import { chatLogic } from './chat-actors';
import { conversationLoader } from './conversation-loader';
import { createChatScreen, type ChatScreen } from './chat-screen';
import { contactPhase, viewOf, type ChatSnapshot } from './chat-view';
import type { LoadedConfig } from './config-loader';
import type { ContactStorage } from './contact-storage';
import { reportError } from '../platform/report';

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
  /** Loads the config chunk (validator, display rules); called once, in parallel with fetching the configuration. */
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

/** The display rules, watched from boot on: each change of their answer becomes RULES_ALLOW or RULES_DENY. */
function watchRules(loaded: LoadedConfig, win: Window, now: () => number, send: (event: ChatEvent) => void) {
  return loaded.module.watchDisplayRules({
    rules: loaded.config.rules,
    evaluate: loaded.module,
    window: win,
    now,
    onChange: (allowed, opensAt) =>
      send(allowed ? { type: 'RULES_ALLOW', at: now() } : { type: 'RULES_DENY', ...(opensAt === null ? {} : { nextOpening: opensAt }), at: now() }),
  });
}

/**
 * One chat runtime: composes the statechart (which holds all of the chat's state), its actors, the saEvents
 * log, the screen drawn from each snapshot, the display-rules watcher and the saved contact. It decides
 * nothing: the visitor's intents and the world's news become machine events; everything shown is derived
 * from the snapshot.
 */
export function createWebchat(options: WebchatOptions): Webchat {
  const win = options.window ?? window;
  const now = options.now ?? Date.now;
  const fetchImpl = options.fetch ?? win.fetch.bind(win);
  const log = createReplayLog();
  /** The contact saved for the next page: from the config chunk, once configured. */
  let storage: ContactStorage | undefined;
  const cleanups: Array<() => void> = [];
  let loaded: LoadedConfig | undefined;
  let screen: ChatScreen | undefined;
  const loadConversationModule = conversationLoader(options.loadConversation);
  /**
   * Commands given before the configuration has loaded (the script tag's queue, an app calling `open()` at
   * once) wait for it, in order: the machine would ignore them while booting.
   */
  let beforeBoot: Array<() => void> | undefined = [];
  const whenBooted = (command: () => void) => (beforeBoot ? beforeBoot.push(command) : command());
  const send = (event: ChatEvent) => actor.send(event);

  function configured(next: LoadedConfig): void {
    loaded = next;
    storage = next.module.openContactStorage(win, next.config, now);
    screen = createChatScreen({
      window: win,
      config: next.config,
      container: options.container,
      nonce: options.nonce,
      send,
      now,
      loadConversation: loadConversationModule,
      report: reportError,
      // Out of hours: where the launcher would be, when the schedule says the chat opens (and, if allowed, a form to leave a message).
      notice: next.module.mountOpeningNotice({ document: win.document, config: next.config, container: options.container, now, nonce: options.nonce, baseUrl: options.baseUrl, fetch: fetchImpl }),
    });
    cleanups.push(screen.destroy);
    cleanups.push(next.module.startAnalytics(log, win, next.config.analytics, options.analytics));
  }

  const actor = createActor(
    chatLogic({
      window: win,
      now,
      fetch: fetchImpl,
      source: options,
      loadSaved: () => storage?.load(),
      onConfigured: configured,
      config: () => loaded!.config,
      configModule: () => loaded!.module,
      screen: () => screen!,
      loadConversation: loadConversationModule,
      send,
      nonce: options.nonce,
      identity: options.identity,
      report: reportError,
    }),
    { input: { instanceName: options.instance }, inspect: options.inspect },
  );

  let followed: ChatSnapshot | undefined;
  /** The screen follows every snapshot, and the saved contact with it (once each: see `actor.on`). */
  function follow(snapshot: ChatSnapshot): void {
    if (snapshot === followed) return;
    followed = snapshot;
    screen?.render(snapshot);
    const phase = contactPhase(snapshot);
    const { contact, agentName } = snapshot.context;
    if (phase && contact) storage?.save({ contact, phase, agentName });
    else if (snapshot.matches('ended')) storage?.clear(contact?.contactId);
  }

  // The screen is drawn before an entry reaches subscribers: whoever hears CHAT_VISIBLE finds the button.
  actor.on('*', (entry) => {
    follow(actor.getSnapshot());
    log.append(entry);
  });
  actor.subscribe((snapshot) => {
    follow(snapshot);
    if (beforeBoot && !snapshot.matches('booting')) booted(snapshot);
  });

  /** Once the machine knows the configuration: the rules watcher starts, and queued commands run. */
  function booted(snapshot: ChatSnapshot): void {
    const queued = beforeBoot ?? [];
    beforeBoot = undefined;
    if (loaded && !snapshot.matches('failed')) {
      const watcher = watchRules(loaded, win, now, send);
      cleanups.push(watcher.stop);
      webchat.checkRules = watcher.check;
    }
    for (const command of queued) command();
  }

  const webchat: Webchat = {
    events: { subscribe: log.subscribe, history: log.history },
    start(attributes, displayName) {
      whenBooted(() => send({ type: 'START', ...(attributes ? { attributes } : {}), ...(displayName ? { displayName } : {}), at: now() }));
    },
    end() {
      whenBooted(() => send({ type: 'CUSTOMER_ENDED', at: now() }));
    },
    checkRules() {},
    open() {
      // As the launcher does: it may offer a retry instead (the conversation chunk failed to load).
      whenBooted(() => send({ type: viewOf(actor.getSnapshot()).launcher.press, at: now() }));
    },
    close() {
      whenBooted(() => send({ type: 'CLOSE', at: now() }));
    },
    destroy() {
      if (beforeBoot === undefined && actor.getSnapshot().status === 'stopped') return;
      beforeBoot = undefined;
      actor.stop();
      for (const cleanup of cleanups.splice(0).reverse()) cleanup();
      screen = undefined;
    },
  };
  actor.start();
  return webchat;
}
