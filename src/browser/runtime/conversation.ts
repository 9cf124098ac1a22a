/**
 * One contact's conversation, in the conversation chunk: the real chatjs session, the transcript, and the Lit
 * panel showing it.
 */
import type { ResolvedConfig } from '../config/instance-config';
import { mountChatPanel, type PanelView } from '../ui/chat-panel';
import { adoptStyles } from '../ui/adopt-styles';
import { PANEL_HOST_CSS } from '../ui/panel-host.styles';
import { MAX_MESSAGE_LENGTH, MessageRejectedError, openChatSession, type ChatSession, type SessionHandlers, type SessionOptions } from '../connect/chat-session';
import { messageNotice } from '../connect/message-notice';
import type { Conversation, ConversationOptions, ConversationState } from './conversation.types';
import { panelState } from '../ui/panel-state';
import { connectionEvents, createItemTranslator } from '../connect/session-events';
import { createTranscriptCursor } from '../connect/transcript-cursor';
import { createTypingIndicator } from '../connect/typing-indicator';
import { safeSessionStorage } from '../platform/session-storage';
import { createTranscriptStore } from '../ui/transcript-store';
import { CONTENT_TYPES, type TranscriptItem } from '../connect/transcript-item';

/** The instance's reconnect timings, as the session takes them. */
function sessionOptionsOf(config: ResolvedConfig): SessionOptions {
  return {
    ...(config.reconnect?.delaysMs ? { retryDelaysMs: config.reconnect.delaysMs } : {}),
    ...(config.reconnect?.silenceMs !== undefined ? { silenceMs: config.reconnect.silenceMs } : {}),
  };
}

/** What the panel shows: the machine's state of the contact, and what only the conversation knows. */
function panelViewOf(
  state: ConversationState,
  { config, agentTyping, messages, sendError }: { config: ResolvedConfig; agentTyping: boolean; messages: PanelView['messages']; sendError: string | undefined },
): PanelView {
  return {
    status: state.status,
    agentName: state.agentName || config.text.unnamedAgent,
    agentTyping: agentTyping && state.status === 'agent',
    messages,
    ...(state.error ? { error: state.error } : {}),
    ...(sendError ? { notice: sendError } : {}),
    canRetry: state.status === 'failed',
    canStartNew: state.canStartNew,
    confirmingEnd: state.confirmingEnd ?? false,
    maxMessageLength: MAX_MESSAGE_LENGTH,
    text: config.text,
  };
}

export function openConversation(options: ConversationOptions): Conversation {
  const { contact, config, send, now } = options;
  const store = createTranscriptStore({ customerParticipantId: contact.participantId, queueMarker: config.queueMarker, text: config.text });
  const cursor = createTranscriptCursor(safeSessionStorage(), contact.contactId, options.resumed);
  const translate = createItemTranslator(cursor, config.queueMarker, now);
  const typing = createTypingIndicator(render);
  let state: ConversationState = { status: 'connecting', agentName: null, error: null, canStartNew: false };
  let sendError: string | undefined;
  let pendingCount = 0;
  let renderQueued = false;

  const sessionOptions = sessionOptionsOf(config);
  const removeHostStyles = adoptStyles(options.root, PANEL_HOST_CSS, options.nonce);
  const panel = mountChatPanel(
    options.root,
    {
      send: (text) => void sendText(text),
      end: options.onEndRequested,
      minimise: options.onMinimise,
      startNew: options.onStartNew,
      retry: options.onRetry,
      typing: () => session?.sendTyping(),
      // Wired by the rich-content work (issue 14): until then these do nothing.
      confirmEnd: options.onEnd,
      keepChatting: options.onKeepChatting,
      resend: () => {},
      attach: () => {},
      pick: (_id, reply) => void sendText(reply),
      openAttachment: () => {},
    },
    options.nonce ? { nonce: options.nonce } : {},
  );

  /** Many items can arrive at once (a transcript page): render once after them, not once per item. */
  function render(): void {
    if (renderQueued) return;
    renderQueued = true;
    queueMicrotask(() => {
      renderQueued = false;
      panel.update(panelViewOf(state, { config, agentTyping: typing.active, messages: store.messages(), sendError }));
    });
  }

  function handleItem(item: TranscriptItem): void {
    if (!store.add(item)) return;
    if (item.ParticipantRole === 'AGENT' && item.ContentType !== CONTENT_TYPES.typing) typing.clear();
    const event = translate(item);
    if (event) send(event);
    render();
  }

  async function sendText(text: string): Promise<void> {
    const tempId = `pending-${++pendingCount}`;
    sendError = undefined;
    try {
      store.addPending(tempId, text, '', now());
      render();
      if (!session) throw new MessageRejectedError('message.send_failed', 'Not connected.');
      const { id } = await session.sendMessage(text);
      store.confirm(tempId, id);
    } catch (error) {
      store.fail(tempId);
      sendError = messageNotice(error, config.text);
    }
    render();
  }

  const handlers: SessionHandlers = {
    onItem: handleItem,
    onHistory: () => cursor.settle(),
    onTyping: (item) => {
      if (item.ParticipantRole === 'AGENT') typing.show();
    },
    ...connectionEvents({ contact, config, send, now, report: options.report }),
    report: options.report,
  };
  let session: ChatSession | undefined = openChatSession(contact, handlers, sessionOptions);

  panel.focus();
  render();

  /** Closes the live session; a customer who ended the chat is disconnected first (the request is not cut short). */
  function closeSession(disconnect: boolean): void {
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
      render();
    },
    retry() {
      closeSession(false);
      // The same transcript and cursor: items already handled are shown once and never announced again.
      session = openChatSession(contact, handlers, sessionOptions);
    },
    leave(disconnect) {
      closeSession(disconnect);
      cursor.forget();
      render();
    },
    focus: () => panel.focus(),
    destroy() {
      closeSession(false);
      panel.destroy();
      removeHostStyles();
    },
  };
}

