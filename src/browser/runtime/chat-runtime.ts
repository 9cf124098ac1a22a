import { createActor } from 'xstate';
import type { ChatEvent } from '../../../machines/chat.types';
import type { ResolvedConfig } from '../config/instance-config';
import { startAnalytics } from '../analytics/analytics';
import { mountOpeningNotice } from '../ui/opening-notice';
import { chatLogic } from './chat-actors';
import { conversationLoader } from './conversation-loader';
import { createChatScreen, type ChatScreen } from './chat-screen';
import { contactPhase, viewOf, type ChatSnapshot } from './chat-view';
import { openContactStorage, type ContactStorage } from './contact-storage';
import type { ChatRuntime, ChatRuntimeOptions } from './webchat.types';
import { watchDisplayRules } from './rules-watcher';
import { reportError } from '../platform/report';

/** The display rules, watched from boot on: each change of their answer becomes RULES_ALLOW or RULES_DENY. */
function watchRules(config: ResolvedConfig, win: Window, now: () => number, send: (event: ChatEvent) => void) {
  return watchDisplayRules({
    rules: config.rules,
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
export function startChatRuntime(options: ChatRuntimeOptions): ChatRuntime {
  const { window: win, now, fetch: fetchImpl, log } = options;
  /** The contact saved for the next page, once configured. */
  let storage: ContactStorage | undefined;
  const cleanups: Array<() => void> = [];
  let config: ResolvedConfig | undefined;
  let screen: ChatScreen | undefined;
  const loadConversationModule = conversationLoader(options.loadConversation);
  /**
   * Commands given before the configuration has loaded (the script tag's queue, an app calling `open()` at
   * once) wait for it, in order: the machine would ignore them while booting.
   */
  let beforeBoot: Array<() => void> | undefined = [];
  const whenBooted = (command: () => void) => (beforeBoot ? beforeBoot.push(command) : command());
  const send = (event: ChatEvent) => actor.send(event);

  function configured(next: ResolvedConfig): void {
    config = next;
    storage = openContactStorage(win, next, now);
    screen = createChatScreen({
      window: win,
      config: next,
      container: options.container,
      nonce: options.nonce,
      send,
      now,
      loadConversation: loadConversationModule,
      report: reportError,
      // Out of hours: where the launcher would be, when the schedule says the chat opens (and, if allowed, a form to leave a message).
      notice: mountOpeningNotice({ document: win.document, config: next, container: options.container, now, nonce: options.nonce, baseUrl: options.baseUrl, fetch: fetchImpl }),
    });
    cleanups.push(screen.destroy);
    cleanups.push(startAnalytics(log, win, next.analytics, options.analytics));
  }

  const actor = createActor(
    chatLogic({
      window: win,
      now,
      fetch: fetchImpl,
      rawConfig: options.rawConfig,
      baseUrl: options.baseUrl,
      loadSaved: () => storage?.load(),
      onConfigured: configured,
      config: () => config!,
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
    if (config && !snapshot.matches('failed')) {
      const watcher = watchRules(config, win, now, send);
      cleanups.push(watcher.stop);
      runtime.checkRules = watcher.check;
    }
    for (const command of queued) command();
  }

  const runtime: ChatRuntime = {
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
  return runtime;
}
