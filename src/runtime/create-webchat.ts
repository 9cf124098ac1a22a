import { createActor, type InspectionEvent } from 'xstate';
import { chatMachine } from '../../machines/chat.machine';
import type { ChatError, ChatEvent, ContactDetails, SavedContact } from '../../machines/chat.types';
import type { ConfigModule } from '../config/config-chunk';
import type { ResolvedConfig } from '../config/instance-config';
import { InvalidConfigError, isInvalidConfigError } from '../config/invalid-config-error';
import type { AnalyticsOptions, PublicInstanceConfig } from '../config/instance-config.types';
import type { Conversation, ConversationModule } from '../connect/conversation.types';
import { requestNewContact, StartChatError } from '../connect/start-chat-client';
import { createReplayLog, type SaEvents } from '../events/replay-log';
import { mountLauncher, type Launcher } from '../ui/launcher';
import { contactPhase, conversationState, launcherView } from './chat-view';
import { createContactStorage } from './contact-storage';
import { createHostElement } from './host-element';
import { reportError } from './report';
import { watchDisplayRules } from './rules-watcher';
import { safeSessionStorage } from './session-storage';

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
  /** Loads the conversation chunk (chatjs + panel) on demand. */
  loadConversation: () => Promise<ConversationModule>;
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

async function loadConfig(
  options: WebchatOptions,
  win: Window,
  fetchImpl: typeof fetch,
): Promise<{ config: ResolvedConfig; module: ConfigModule }> {
  const loading = options.loadConfigModule().catch((error: unknown) => {
    throw new InvalidConfigError('config.chunk_unavailable', `Could not load webchat-config.js (${String(error)}).`);
  });
  const [raw, module] = await Promise.all([rawConfig(options, win, fetchImpl), loading]);
  return { config: module.parsePublicConfig(raw, options.instance, win.document.documentElement.lang), module };
}

async function rawConfig(options: WebchatOptions, win: Window, fetchImpl: typeof fetch): Promise<unknown> {
  if (options.config !== undefined) return options.config;
  const base = options.baseUrl ?? win.location.href;
  const url = options.configUrl
    ? new URL(options.configUrl, base)
    : new URL(`/api/instances/${encodeURIComponent(options.instance)}`, base);
  let response: Response;
  try {
    response = await fetchImpl(url, { credentials: 'omit' });
  } catch {
    throw new InvalidConfigError('config.unavailable', `Could not load the chat configuration from ${url}.`);
  }
  if (!response.ok) {
    throw new InvalidConfigError('config.unavailable', `Loading the chat configuration from ${url} answered ${response.status}.`);
  }
  return response.json().catch(() => {
    throw new InvalidConfigError('config.invalid_json', `The chat configuration at ${url} is not JSON.`);
  });
}

/**
 * One chat runtime: the statechart, its saEvents log, display rules, persistence and UI wiring.
 * The machine decides; this module only feeds it events and carries out the effects it names.
 */
export function createWebchat(options: WebchatOptions): Webchat {
  const win = options.window ?? window;
  const now = options.now ?? Date.now;
  const fetchImpl = options.fetch ?? win.fetch.bind(win);
  const log = createReplayLog();
  const storage = createContactStorage(safeSessionStorage(win), options.instance, now);
  const cleanups: Array<() => void> = [];
  let config: ResolvedConfig | undefined;
  let launcher: Launcher | undefined;
  let conversation: Conversation | undefined;
  let panelHost: ReturnType<typeof createHostElement> | undefined;
  let conversationLoading: Promise<ConversationModule> | undefined;
  let startRequest: { attributes?: Record<string, string>; displayName?: string } = {};
  let preChatForm: { destroy(): void } | undefined;
  /** UI state, not the chat's: the customer tucked the panel away and the launcher brings it back. */
  let panelMinimised = false;
  let destroyed = false;
  /** Re-enables the launcher once a `Retry-After` wait is over. */
  let waitTimer: number | undefined;
  /**
   * Commands given before the configuration has loaded (the script tag's queue, an app calling `open()` at
   * once) wait for it, in order: the machine would ignore them while booting.
   */
  let beforeBoot: Array<() => void> | undefined = [];
  const whenBooted = (command: () => void) => (beforeBoot ? beforeBoot.push(command) : command());

  const send = (event: ChatEvent) => {
    if (!destroyed) actor.send(event);
  };

  /**
   * What the customer is told when a start fails. When the service said how long to wait (`Retry-After`),
   * the machine refuses to start again until then, and the launcher shows the wait and re-enables itself after it.
   */
  function startError(failure: StartChatError): ChatError {
    const text = config?.text;
    if (failure.retryAfterMs === undefined || !text) return { code: failure.code, message: text?.startFailed ?? failure.message };
    const seconds = Math.max(1, Math.ceil(failure.retryAfterMs / 1000));
    win.clearTimeout(waitTimer);
    waitTimer = win.setTimeout(syncView, failure.retryAfterMs);
    return { code: failure.code, message: text.startRetryIn.replaceAll('{seconds}', String(seconds)), retryAt: now() + failure.retryAfterMs };
  }

  function loadConversationModule(): Promise<ConversationModule> {
    conversationLoading ??= options.loadConversation().catch((error: unknown) => {
      conversationLoading = undefined;
      throw error;
    });
    return conversationLoading;
  }

  async function openConversation(contact: ContactDetails | null, resumed: boolean): Promise<void> {
    if (!contact || !config) return;
    closeConversation();
    let module: ConversationModule;
    try {
      module = await loadConversationModule();
    } catch (error) {
      reportError('could not load the conversation chunk', error);
      send({ type: 'CONNECTION_FAILED', error: { code: 'conversation.load_failed', message: 'The chat could not be loaded. Check your connection and try again.' }, at: now() });
      syncView();
      return;
    }
    if (destroyed || actor.getSnapshot().context.contact?.contactId !== contact.contactId) return;
    const host = ensurePanelHost();
    host.element.hidden = panelMinimised;
    conversation = module.openConversation({
      contact,
      config,
      resumed,
      root: host.root,
      ...(options.nonce ? { nonce: options.nonce } : {}),
      send,
      now,
      onEnd: () => send({ type: 'CUSTOMER_ENDED', at: now() }),
      onStartNew: () => send({ type: 'START', at: now() }),
      onRetry: () => send({ type: 'RETRY_CONNECTION', at: now() }),
      onMinimise: closePanel,
      report: reportError,
    });
    syncView();
  }

  const actor = createActor(
    chatMachine.provide({
      actions: {
        requestContact: () => {
          if (!config) return;
          const url = new URL(config.startChatUrl ?? '/api/chats', options.baseUrl ?? win.location.href).href;
          requestNewContact({
            url,
            instance: config.name,
            ...startRequest,
            fetch: fetchImpl,
          }).then(
            (contact) => send({ type: 'CONTACT_CREATED', contact, at: now() }),
            (error: unknown) => {
              const failure = error instanceof StartChatError ? error : new StartChatError('start.failed', String(error));
              reportError(`could not start a chat (${failure.code}): ${failure.message}`);
              send({ type: 'START_FAILED', error: startError(failure), at: now() });
            },
          );
        },
        // The action sees the context of its own transition; the actor's snapshot is not updated yet.
        openSession: ({ context, event }) => {
          void openConversation(context.contact, event.type === 'RESUME');
        },
        endSession: () => {
          void conversation?.end().catch((error: unknown) => reportError('could not end the chat cleanly', error));
        },
      },
    }),
    { input: { instanceName: options.instance }, inspect: options.inspect },
  );

  actor.on('*', (entry) => log.append(entry));

  function ensurePanelHost(): NonNullable<typeof panelHost> {
    if (!panelHost) {
      const host = (panelHost = createHostElement(win.document, 'panel', config?.host, options.container));
      cleanups.push(() => host.element.remove());
    }
    return panelHost;
  }

  function closePreChatForm(): void {
    preChatForm?.destroy();
    preChatForm = undefined;
    if (panelHost && !conversation) panelHost.element.hidden = true;
  }

  /** The launcher was pressed: reopen a minimised chat, or start one (through the pre-chat form if configured). */
  async function activate(): Promise<void> {
    if (panelMinimised) return setMinimised(false);
    if (!conversation && actor.getSnapshot().matches({ contact: { link: 'offline' } })) return send({ type: 'RETRY_CONNECTION', at: now() });
    const fields = config?.preChat?.fields;
    if (!fields || !config) return webchat.start();
    if (preChatForm) return;
    let module: ConversationModule;
    try {
      module = await loadConversationModule();
    } catch (error) {
      reportError('could not load the pre-chat form; starting without it', error);
      return webchat.start();
    }
    if (destroyed || preChatForm || !actor.getSnapshot().matches('visible')) return;
    const host = ensurePanelHost();
    host.element.hidden = false;
    preChatForm = module.mountPreChatForm(host.root, {
      fields,
      text: config.text,
      ...(options.nonce ? { nonce: options.nonce } : {}),
      onSubmit: ({ displayName, ...attributes }) => {
        closePreChatForm();
        webchat.start(attributes, displayName);
      },
      onCancel: () => {
        closePreChatForm();
        launcher?.focus();
      },
    });
  }

  function closeConversation(): void {
    conversation?.destroy();
    conversation = undefined;
    panelMinimised = false;
    if (panelHost) panelHost.element.hidden = true;
  }

  /**
   * The customer closes the panel: a running chat is minimised to the launcher; an ended one is dismissed,
   * and the launcher offers a new chat again.
   */
  function closePanel(): void {
    const snapshot = actor.getSnapshot();
    if (snapshot.matches('ended')) send({ type: 'DISMISS', at: now() });
    else if (snapshot.matches('contact') && !panelMinimised) setMinimised(true);
  }

  function setMinimised(minimised: boolean): void {
    panelMinimised = minimised;
    if (panelHost) panelHost.element.hidden = minimised;
    syncView();
    if (minimised) launcher?.focus();
    else conversation?.focus();
  }

  function syncView(): void {
    const snapshot = actor.getSnapshot();
    if (config) launcher?.update(launcherView(snapshot, { panelMinimised, panelOpen: conversation !== undefined, text: config.text, now: now() }));
    const state = conversationState(snapshot);
    if (state) conversation?.update(state);
    else if (conversation) closeConversation();
    const phase = contactPhase(snapshot);
    const { contact, agentName } = snapshot.context;
    if (phase && contact) storage.save({ contact, phase, agentName });
    else if (snapshot.matches('ended')) storage.clear();
  }
  actor.subscribe(syncView);
  actor.start();

  function boot(resolved: ResolvedConfig, rules: ConfigModule, saved: SavedContact | undefined): void {
    config = resolved;
    const launcherHost = createHostElement(win.document, 'launcher', resolved.host, options.container);
    launcher = mountLauncher(launcherHost.root, {
      text: resolved.text,
      onActivate: () => void activate(),
      // Prefetch on intent only: never on page load, where most visitors never chat.
      onIntent: () => void loadConversationModule().catch(() => {}),
      ...(options.nonce ? { nonce: options.nonce } : {}),
    });
    cleanups.push(() => {
      launcher?.destroy();
      launcherHost.element.remove();
    });
    cleanups.push(rules.startAnalytics(log, win, resolved.analytics, options.analytics));
    send({ type: 'CONFIG_OK', at: now() });
    if (saved) send({ type: 'RESUME', saved, at: now() });
    const watcher = watchDisplayRules({
      rules: resolved.rules,
      evaluate: rules,
      window: win,
      now,
      onChange: (allowed) => send({ type: allowed ? 'RULES_ALLOW' : 'RULES_DENY', at: now() }),
    });
    cleanups.push(watcher.stop);
    webchat.checkRules = watcher.check;
    const queued = beforeBoot ?? [];
    beforeBoot = undefined;
    for (const command of queued) command();
  }

  const saved = storage.load();
  loadConfig(options, win, fetchImpl).then(
    ({ config: resolved, module }) => {
      if (!destroyed) boot(resolved, module, saved);
    },
    (error: unknown) => {
      beforeBoot = undefined;
      const failure = isInvalidConfigError(error) ? error : new InvalidConfigError('config.invalid', String(error));
      reportError(`${failure.message} (${failure.code})`);
      send({ type: 'CONFIG_INVALID', error: { code: failure.code, message: failure.message }, at: now() });
    },
  );

  const webchat: Webchat = {
    events: { subscribe: log.subscribe, history: log.history },
    start(attributes, displayName) {
      whenBooted(() => {
        startRequest = { ...(attributes ? { attributes } : {}), ...(displayName ? { displayName } : {}) };
        const at = now();
        const before = actor.getSnapshot();
        const retryAt = before.matches('visible') && !before.can({ type: 'START', at }) ? before.context.error?.retryAt : undefined;
        if (retryAt !== undefined) reportError(`not starting yet: the chat service asked to wait ${Math.ceil((retryAt - at) / 1000)} s more`);
        send({ type: 'START', at });
      });
    },
    end() {
      whenBooted(() => send({ type: 'CUSTOMER_ENDED', at: now() }));
    },
    checkRules() {},
    open() {
      whenBooted(() => void activate());
    },
    close() {
      whenBooted(() => (preChatForm ? closePreChatForm() : closePanel()));
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      beforeBoot = undefined;
      closePreChatForm();
      closeConversation();
      win.clearTimeout(waitTimer);
      for (const cleanup of cleanups.splice(0).reverse()) cleanup();
      actor.stop();
    },
  };
  return webchat;
}

