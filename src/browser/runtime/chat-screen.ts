import type { ChatEvent } from '../../../machines/chat.types';
import type { ResolvedConfig } from '../config/instance-config';
import type { Conversation, ConversationModule } from './conversation.types';
import { mountLauncher, type LauncherView } from '../ui/launcher';
import { viewOf, type ChatSnapshot, type ChatView } from './chat-view';
import { createHostElement } from '../ui/host-element';

export interface ChatScreenOptions {
  window: Window;
  config: ResolvedConfig;
  container?: HTMLElement | undefined;
  nonce?: string | undefined;
  /** The visitor's intents, as machine events. */
  send(event: ChatEvent): void;
  now(): number;
  loadConversation(): Promise<ConversationModule>;
  report(message: string, error?: unknown): void;
  /** The out-of-hours notice (from the config chunk), shown when the view says when the chat opens. */
  notice: { show(opensAt: number | null): void; destroy(): void };
}

/**
 * What the page shows of the chat: the launcher, the pre-chat form and the panel, each drawn from the view
 * the machine's snapshot gives (`render(snapshot)`, through `viewOf`). It holds DOM, never state: whether the form is open or the panel
 * minimised is the machine's to say.
 */
export function createChatScreen(options: ChatScreenOptions) {
  const { window: win, config, send, now, report } = options;
  const nonce = options.nonce ? { nonce: options.nonce } : {};
  const launcherHost = createHostElement(win.document, 'launcher', config.host, options.container);
  let panelHost: ReturnType<typeof createHostElement> | undefined;
  let conversation: Conversation | undefined;
  let preChatForm: { destroy(): void } | undefined;
  let preChatLoading = false;
  /** What the launcher shows, with the count of messages the customer has not seen (the conversation's). */
  let launcherView: LauncherView | undefined;
  /** The last snapshot drawn, and what is shown, derived from it once (`viewOf`). */
  let latest: ChatSnapshot | undefined;
  let shown: ChatView | undefined;

  const launcher = mountLauncher(launcherHost.root, {
    text: config.text,
    onActivate: () => send({ type: shown?.launcher.press ?? 'OPEN', at: now() }),
    // Prefetch on intent only: never on page load, where most visitors never chat. In a task of its own: a click
    // brings its hover in the same frame, and the click's own work (the start request) should not wait on this.
    onIntent: () => win.setTimeout(() => void options.loadConversation().catch(() => {})),
    ...nonce,
  });

  function panelRoot(): ShadowRoot {
    panelHost ??= createHostElement(win.document, 'panel', config.host, options.container);
    return panelHost.root;
  }

  function closePreChatForm(): void {
    preChatForm?.destroy();
    preChatForm = undefined;
  }

  async function openPreChatForm(): Promise<void> {
    const fields = config.preChat?.fields;
    if (preChatForm || preChatLoading || !fields) return;
    preChatLoading = true;
    let module: ConversationModule;
    try {
      module = await options.loadConversation();
    } catch (error) {
      report('could not load the pre-chat form; starting without it', error);
      send({ type: 'START', at: now() });
      return;
    } finally {
      preChatLoading = false;
    }
    if (!shown?.preChat || preChatForm) return;
    preChatForm = module.mountPreChatForm(panelRoot(), {
      fields,
      text: config.text,
      ...nonce,
      onSubmit: ({ displayName, ...attributes }) =>
        send({ type: 'START', attributes, ...(displayName ? { displayName } : {}), at: now() }),
      onCancel: () => send({ type: 'CLOSE', at: now() }),
    });
    render(latest!);
  }

  /** Draws what the snapshot says is shown. */
  function render(snapshot: ChatSnapshot): void {
    const previous = shown;
    const next = viewOf(snapshot);
    latest = snapshot;
    shown = next;
    const { launcher: state } = next;
    // The launcher's state as it is (what it does not know, such as `press`, it ignores; every field is set, `error`
    // too), with its label's words, over the previous view: the unread count stays until the conversation changes it.
    launcher.update((launcherView = { ...launcherView, ...state, label: config.text[state.label] } as LauncherView));
    options.notice.show(next.opensAt);
    if (next.preChat) void openPreChatForm();
    else closePreChatForm();
    if (next.panel) conversation?.update(snapshot);
    else if (conversation) {
      conversation.destroy();
      conversation = undefined;
    }
    if (panelHost) panelHost.element.hidden = !(preChatForm || (conversation && next.panel?.shown));
    const wasShown = !!(previous?.panel?.shown || previous?.preChat);
    const isShown = !!(next.panel?.shown || next.preChat);
    if (wasShown && !isShown && next.launcher.visible) launcher.focus();
    else if (!wasShown && isShown && previous?.panel && next.panel) conversation?.focus();
  }

  return {
    render,
    /** The panel's shadow root, for the conversation the session opens. */
    panelRoot,
    /** How many messages the customer has not seen: the launcher's badge and accessible name. */
    setUnread(unread: number): void {
      // The launcher only: this can come while the screen is drawing (a conversation's last word as it goes).
      launcher.update((launcherView = { ...launcherView!, unread }));
    },
    /** The conversation of the current contact; a previous one is removed. */
    adopt(next: Conversation): void {
      if (conversation !== next) conversation?.destroy();
      conversation = next;
      if (latest) render(latest);
    },
    destroy(): void {
      closePreChatForm();
      conversation?.destroy();
      conversation = undefined;
      launcher.destroy();
      options.notice.destroy();
      launcherHost.element.remove();
      panelHost?.element.remove();
      // The page may keep this runtime (window.saWebchat): nothing of the chat stays reachable through it.
      panelHost = undefined;
      latest = shown = undefined;
    },
  };
}

export type ChatScreen = ReturnType<typeof createChatScreen>;
