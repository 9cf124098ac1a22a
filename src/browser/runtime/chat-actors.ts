import { fromCallback, fromPromise } from 'xstate';
import { createChatMachine } from '../../../machines/chat.machine';
import type {
  ChatEvent,
  ChatFailure,
  ChatInput,
  ConfigLoaded,
  ContactCreated,
  SavedContact,
  SessionCommand,
  SessionInput,
  StartRequest,
} from '../../../machines/chat.types';
import { parsePublicConfig, type ResolvedConfig } from '../config/instance-config';
import { InvalidConfigError, isInvalidConfigError } from '../config/invalid-config-error';
import type { Conversation, ConversationModule } from './conversation.types';
import { requestNewContact, StartChatError, type IdentitySource } from '../connect/start-chat-client';
import type { ChatScreen } from './chat-screen';
import { leadContact } from './contact-lock';

export interface ChatActorsOptions {
  window: Window;
  now(): number;
  fetch: typeof fetch;
  /** The instance's configuration as fetched (or given inline), to validate: see `fetchConfig`. */
  rawConfig: Promise<unknown>;
  /** What relative service URLs resolve against. @default location.href */
  baseUrl?: string | undefined;
  /** The contact this tab (or the tab it was duplicated from) was in, if any. */
  loadSaved(): SavedContact | undefined;
  /** The configuration is valid: set up what depends on it, before the machine hears of it. */
  onConfigured(config: ResolvedConfig): void;
  /** Set once configured. */
  config(): ResolvedConfig;
  screen(): ChatScreen;
  loadConversation(): Promise<ConversationModule>;
  /** The visitor's intents from the panel, which outlive the session (an ended chat's "Start new chat"). */
  send(event: ChatEvent): void;
  nonce?: string | undefined;
  /** The signed-in customer's token source (see `WebchatOptions.identity`). */
  identity?: IdentitySource | undefined;
  report(message: string, error?: unknown): void;
}

/**
 * The implementations of the three actors the chat machine names. Each does its work for as long as the state
 * that invokes it lasts: leaving `starting` aborts the request; leaving `contact` closes the live session.
 */
export function chatActors(options: ChatActorsOptions) {
  const { window: win, now, report } = options;

  const loadConfigActor = fromPromise<ConfigLoaded, ChatInput>(async ({ input, signal }) => {
    let config: ResolvedConfig;
    try {
      config = parsePublicConfig(await options.rawConfig, input.instanceName, win.document.documentElement.lang);
    } catch (error) {
      const failure = isInvalidConfigError(error) ? error : new InvalidConfigError('config.invalid', String(error));
      report(`${failure.message} (${failure.code})`);
      throw { code: failure.code, message: failure.message, at: now() } satisfies ChatFailure;
    }
    // Validating and drawing in two tasks, not one long one on a slow phone.
    await new Promise((resolve) => win.setTimeout(resolve));
    // Destroyed meanwhile: nothing is set up for a runtime that is gone.
    if (signal.aborted) throw { code: 'runtime.destroyed', message: 'destroyed', at: now() } satisfies ChatFailure;
    options.onConfigured(config);
    return { at: now(), preChat: Boolean(config.preChat?.fields.length), saved: options.loadSaved() ?? null };
  });

  /** What the customer is told when a start fails; with a `Retry-After`, how long the button waits. */
  function startFailure(failure: StartChatError): ChatFailure {
    const { text } = options.config();
    if (failure.retryAfterMs === undefined) return { code: failure.code, message: text.startFailed, at: now() };
    const seconds = Math.max(1, Math.ceil(failure.retryAfterMs / 1000));
    return {
      code: failure.code,
      message: text.startRetryIn.replaceAll('{seconds}', String(seconds)),
      // A zero wait is no wait: the chart only waits for a positive one.
      ...(failure.retryAfterMs > 0 ? { retryAfterMs: failure.retryAfterMs } : {}),
      at: now(),
    };
  }

  const startChatActor = fromPromise<ContactCreated, StartRequest>(async ({ input, signal }) => {
    const config = options.config();
    try {
      const contact = await requestNewContact({
        url: new URL(config.startChatUrl ?? '/api/chats', options.baseUrl ?? win.location.href).href,
        instance: config.name,
        ...input,
        identity: options.identity,
        fetch: options.fetch,
        signal,
      });
      return { contact, at: now() };
    } catch (error) {
      const failure = error instanceof StartChatError ? error : new StartChatError('start.failed', String(error));
      if (!signal.aborted) report(`could not start a chat (${failure.code}): ${failure.message}`);
      throw startFailure(failure);
    }
  });

  const sessionActor = fromCallback<SessionCommand, SessionInput>(({ input, sendBack, receive }) => {
    const { contact, resumed } = input;
    let conversation: Conversation | undefined;
    let stopped = false;
    let over = false;
    const lock = leadContact(win, contact.contactId, () => {
      if (!stopped) sendBack({ type: 'TAB_LEADS', at: now() });
    });

    async function open(): Promise<void> {
      let module: ConversationModule;
      try {
        // Whether this tab leads is known before any item arrives, so nothing is announced by two tabs or none.
        [module] = await Promise.all([options.loadConversation(), lock.decided]);
      } catch (error) {
        if (stopped) return;
        report('could not load the conversation chunk', error);
        const { text } = options.config();
        sendBack({ type: 'CONNECTION_FAILED', error: { code: 'conversation.load_failed', message: text.loadFailed }, at: now() });
        return;
      }
      if (stopped) return;
      const screen = options.screen();
      conversation = module.openConversation({
        contact,
        config: options.config(),
        resumed,
        root: screen.panelRoot(),
        ...(options.nonce ? { nonce: options.nonce } : {}),
        send: sendBack,
        now,
        onEnd: () => options.send({ type: 'CUSTOMER_ENDED', at: now() }),
        onStartNew: () => options.send({ type: 'START', at: now() }),
        onRetry: () => options.send({ type: 'RETRY_CONNECTION', at: now() }),
        onMinimise: () => options.send({ type: 'CLOSE', at: now() }),
        onEndRequested: () => options.send({ type: 'END_REQUESTED', at: now() }),
        onKeepChatting: () => options.send({ type: 'KEEP_CHATTING', at: now() }),
        onUnread: screen.setUnread,
        report,
      });
      screen.adopt(conversation);
    }

    receive((command) => {
      if (command.type === 'RETRY_CONNECTION') {
        if (conversation) conversation.retry();
        else void open();
        return;
      }
      // The contact is over. A leading tab keeps the lead for as long as it lives: were it to let go, a tab
      // still following would take the lead and announce the end a second time.
      stopped = over = true;
      lock.stopWaiting();
      conversation?.leave(command.disconnect);
    });
    void open();
    return () => {
      stopped = true;
      // Destroyed mid-chat (not over): another runtime of this page, or another tab, may lead it now.
      if (!over) lock.release();
      // A stopped actor stays reachable from its parent's last snapshot: hold on to nothing of the chat.
      conversation = undefined;
    };
  });

  return { loadConfig: loadConfigActor, startChat: startChatActor, session: sessionActor };
}

/** The chat machine with this page's actors, and its refusals reported where a site developer looks. */
export function chatLogic(options: ChatActorsOptions) {
  return createChatMachine({
    actors: chatActors(options),
    refuseStart: (context) =>
      options.report(
        context.rulesAllow
          ? 'not starting yet: the chat service asked us to wait'
          : 'not starting a chat: the display rules do not offer one here',
      ),
  });
}
