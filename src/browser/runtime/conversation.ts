/**
 * One contact's conversation, in the conversation chunk: the real chatjs session, the transcript, and the Lit
 * panel showing it.
 */
import type { ResolvedConfig } from '../config/instance-config';
import { mountChatPanel, type PanelView } from '../ui/chat-panel';
import type { PanelCallbacks } from '../ui/chat-panel.types';
import { adoptStyles } from '../ui/adopt-styles';
import { PANEL_HOST_CSS } from '../ui/panel-host.styles';
import { MAX_MESSAGE_LENGTH, openChatSession, type ChatSession, type SessionHandlers, type SessionOptions } from '../connect/chat-session';
import { attachmentPolicy, type AttachmentPolicy } from '../connect/attachment-check';
import type { Conversation, ConversationOptions, ConversationState } from './conversation.types';
import { panelState } from '../ui/panel-state';
import { panelMinimised } from './chat-view';
import { connectionEvents, createItemTranslator } from '../connect/session-events';
import { createTranscriptCursor } from '../connect/transcript-cursor';
import { createTypingIndicator } from '../connect/typing-indicator';
import { safeSessionStorage } from '../platform/session-storage';
import { createTranscriptStore } from '../ui/transcript-store';
import { CONTENT_TYPES, type TranscriptItem } from '../connect/transcript-item';
import { createCustomerSends, type CustomerSends } from './customer-sends';
import { createAttachmentFiles, type AttachmentFiles } from './attachment-files';
import { createCustomerAttention, type CustomerAttentionOptions } from './customer-attention';
import { createUnreadSignals } from './unread-signals';
import { warmIntl } from './intl-warmup';

/** The instance's reconnect timings, as the session takes them. */
function sessionOptionsOf(config: ResolvedConfig): SessionOptions {
  return {
    ...(config.reconnect?.delaysMs ? { retryDelaysMs: config.reconnect.delaysMs } : {}),
    ...(config.reconnect?.silenceMs !== undefined ? { silenceMs: config.reconnect.silenceMs } : {}),
  };
}

interface ViewParts {
  config: ResolvedConfig;
  policy: AttachmentPolicy | undefined;
  agentTyping: boolean;
  messages: PanelView['messages'];
  notice: string | undefined;
  firstUnreadId: string | undefined;
}

/** What the panel shows: the machine's state of the contact, and what only the conversation knows. */
function panelViewOf(state: ConversationState, { config, policy, agentTyping, messages, notice, firstUnreadId }: ViewParts): PanelView {
  return {
    status: state.status,
    agentName: state.agentName || config.text.unnamedAgent,
    agentTyping: agentTyping && state.status === 'agent',
    messages,
    ...(state.error ? { error: state.error } : {}),
    ...(notice ? { notice } : {}),
    canRetry: state.status === 'failed',
    canStartNew: state.canStartNew,
    confirmingEnd: state.confirmingEnd ?? false,
    maxMessageLength: MAX_MESSAGE_LENGTH,
    ...(firstUnreadId ? { firstUnreadId } : {}),
    ...(policy ? { attachments: { accept: policy.accept, maxBytes: policy.maxBytes } } : {}),
    ...(config.agentAvatarUrl ? { agentAvatarUrl: config.agentAvatarUrl } : {}),
    text: config.text,
  };
}


/** Unread signals and what the customer can see, with the instance's unread options. */
function watchAttention(win: Window, options: ConversationOptions, on: { sendReceipt: CustomerAttentionOptions['sendReceipt']; onChange(): void }) {
  const { config } = options;
  const unread = createUnreadSignals({
    window: win,
    titlePrefix: config.unread?.titlePrefix ?? false,
    sound: config.unread?.sound ?? false,
    onChange: options.onUnread,
    report: options.report,
  });
  const attention = createCustomerAttention({ window: win, customerParticipantId: options.contact.participantId, unread, ...on });
  return { unread, attention };
}

/** What the panel's buttons do: the machine's intents go to it, the rest to the sends and the files. */
function panelCallbacks(
  options: ConversationOptions,
  { sends, files, session }: { sends: CustomerSends; files: AttachmentFiles; session(): ChatSession | undefined },
): PanelCallbacks {
  return {
    send: (text) => void sends.sendText(text),
    end: options.onEndRequested,
    minimise: options.onMinimise,
    startNew: options.onStartNew,
    retry: options.onRetry,
    typing: () => session()?.sendTyping(),
    confirmEnd: options.onEnd,
    keepChatting: options.onKeepChatting,
    resend: (id) => void sends.resend(id),
    attach: (chosen) => void sends.attach(chosen),
    pick: (id, reply) => void sends.pick(id, reply),
    openAttachment: (attachment) => void files.open(attachment),
  };
}

export function openConversation(options: ConversationOptions): Conversation {
  const { contact, config, send, now } = options;
  const win = options.root.ownerDocument.defaultView ?? window;
  const store = createTranscriptStore({
    customerParticipantId: contact.participantId,
    queueMarker: config.queueMarker,
    ...(config.botName ? { botName: config.botName } : {}),
    text: config.text,
  });
  const cursor = createTranscriptCursor(safeSessionStorage(), contact.contactId, options.resumed);
  const translate = createItemTranslator(cursor, config.queueMarker, now);
  const typing = createTypingIndicator(render);
  const policy = attachmentPolicy(config.attachments);
  let state: ConversationState = { status: 'connecting', agentName: null, error: null, canStartNew: false };
  let notice: string | undefined;
  let renderQueued = false;
  let session: ChatSession | undefined;

  const current = () => session;
  const sends = createCustomerSends({ store, session: current, policy, text: config.text, lang: config.host.lang, now, notice: (text) => (notice = text), render });
  const files = createAttachmentFiles({
    window: win,
    session: current,
    onThumbnail: (id, url) => void (store.setThumbnail(id, url), render()),
    onOpenFailed: () => void ((notice = config.text.attachmentOpenFailed), render()),
    report: options.report,
  });
  const { unread, attention } = watchAttention(win, options, { sendReceipt: (id, kind) => session?.sendReceipt(id, kind), onChange: render });
  const removeHostStyles = adoptStyles(options.root, PANEL_HOST_CSS, options.nonce);
  const panel = mountChatPanel(options.root, panelCallbacks(options, { sends, files, session: current }), options.nonce ? { nonce: options.nonce } : {});

  /** Many items can arrive at once (a transcript page): render once after them, not once per item. */
  function render(): void {
    if (renderQueued) return;
    renderQueued = true;
    queueMicrotask(draw);
  }

  function draw(): void {
    renderQueued = false;
    const view = { config, policy, agentTyping: typing.active, messages: store.messages(), notice, firstUnreadId: unread.firstUnreadId };
    panel.update(panelViewOf(state, view));
  }

  function handleItem(item: TranscriptItem): void {
    // Whether the customer had this before (history read after a reload is not news): asked before it moves the cursor.
    const fresh = cursor.isNew(item);
    if (!store.add(item)) return;
    if (item.ParticipantRole === 'AGENT' && item.ContentType !== CONTENT_TYPES.typing) typing.clear();
    const event = translate(item);
    if (event) send(event);
    attention.arrived(item, store.message(item.Id), fresh);
    files.arrived(item, item.ParticipantId === contact.participantId);
    render();
  }

  const handlers: SessionHandlers = {
    onItem: handleItem,
    onHistory: () => cursor.settle(),
    onTyping: (item) => {
      if (item.ParticipantRole === 'AGENT') typing.show();
    },
    onReceipt: (receipt) => {
      store.receipt(receipt);
      render();
    },
    ...connectionEvents({ contact, config, send, now, report: options.report }),
    report: options.report,
  };
  // Four tasks where there was one, a long one of the Start click at 4× CPU throttling: the panel mounts in this
  // one (with what the page did to open it), lit's first render and the layout it asks for come in the next
  // (renders asked for meanwhile join it), then the focus moves into it, then chatjs's session opens.
  renderQueued = true;
  win.setTimeout(draw);
  win.setTimeout(() => panel.focus());
  let opening: number | undefined = win.setTimeout(openSession);
  // The panel's language (its host's `lang`), as the panel formats its times in it.
  const stopWarming = warmIntl(win, config.host.lang);

  function openSession(): void {
    opening = undefined;
    session = openChatSession(contact, handlers, sessionOptionsOf(config));
  }

  /** Closes the live session; a customer who ended the chat is disconnected first (the request is not cut short). */
  function closeSession(disconnect: boolean): void {
    win.clearTimeout(opening);
    // Ended before the session opened: it opens now, to disconnect the customer as it always did.
    if (opening !== undefined && disconnect) openSession();
    opening = undefined;
    const closing = session;
    session = undefined;
    typing.clear();
    if (!closing) return;
    if (!disconnect) return closing.close();
    closing
      .disconnect()
      .catch((error: unknown) => options.report('could not end the chat cleanly', error))
      .finally(() => closing.close());
  }

  return {
    update(snapshot) {
      state = panelState(snapshot) ?? state;
      attention.panelShown(!panelMinimised(snapshot));
      render();
    },
    retry() {
      closeSession(false);
      // The same transcript and cursor: items already handled are shown once and never announced again.
      session = openChatSession(contact, handlers, sessionOptionsOf(config));
    },
    leave(disconnect) {
      closeSession(disconnect);
      cursor.forget();
      render();
    },
    focus: () => panel.focus(),
    destroy() {
      stopWarming();
      closeSession(false);
      attention.destroy();
      files.destroy();
      panel.destroy();
      removeHostStyles();
    },
  };
}
