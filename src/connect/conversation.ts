/**
 * The conversation chunk (`dist/webchat-conversation.js`), loaded only when a chat starts or resumes:
 * the real chatjs session, the transcript, and the Lit panel for one contact.
 */
import { mountChatPanel } from '../ui/chat-panel';
import { adoptStyles } from '../ui/adopt-styles';
import { PANEL_HOST_CSS } from '../ui/panel-host.styles';
import { MessageRejectedError, openChatSession, type ChatSession, type SessionHandlers } from './chat-session';
import { messageNotice } from './message-notice';
import type { Conversation, ConversationOptions, ConversationState } from './conversation.types';
import { panelState } from '../ui/panel-state';
import { toChatEvent } from './participant-events';
import { createTranscriptCursor } from './transcript-cursor';
import { safeSessionStorage } from '../runtime/session-storage';
import { createTranscriptStore } from './transcript-store';
import { CONTENT_TYPES, type TranscriptItem } from './transcript-item';

export { mountPreChatForm } from '../ui/pre-chat-form';

/** An agent's typing indicator fades if no further typing event comes. */
const TYPING_VISIBLE_MS = 12_000;

export function openConversation(options: ConversationOptions): Conversation {
  const { contact, config, send, now } = options;
  const store = createTranscriptStore({ customerParticipantId: contact.participantId, queueMarker: config.queueMarker, text: config.text });
  const cursor = createTranscriptCursor(safeSessionStorage(), contact.contactId, options.resumed);
  let state: ConversationState = { status: 'connecting', agentName: null, error: null, canStartNew: false };
  let agentTyping = false;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  let sendError: string | undefined;
  let lastAt = now();
  let pendingCount = 0;
  let renderQueued = false;

  const sessionOptions = {
    ...(config.reconnect?.delaysMs ? { retryDelaysMs: config.reconnect.delaysMs } : {}),
    ...(config.reconnect?.silenceMs !== undefined ? { silenceMs: config.reconnect.silenceMs } : {}),
  };
  const removeHostStyles = adoptStyles(options.root, PANEL_HOST_CSS, options.nonce);
  const panel = mountChatPanel(
    options.root,
    {
      send: (text) => void sendText(text),
      end: options.onEnd,
      minimise: options.onMinimise,
      startNew: options.onStartNew,
      retry: options.onRetry,
      typing: () => session?.sendTyping(),
    },
    options.nonce ? { nonce: options.nonce } : {},
  );

  /** Many items can arrive at once (a transcript page): render once after them, not once per item. */
  function render(): void {
    if (renderQueued) return;
    renderQueued = true;
    queueMicrotask(() => {
      renderQueued = false;
      panel.update({
        status: state.status,
        agentName: state.agentName || config.text.unnamedAgent,
        agentTyping: agentTyping && state.status === 'agent',
        messages: store.messages(),
        ...(state.error ? { error: state.error } : {}),
        ...(sendError ? { notice: sendError } : {}),
        canRetry: state.status === 'failed',
        canStartNew: state.canStartNew,
        text: config.text,
      });
    });
  }

  /** Event times are the service's, kept non-decreasing and never in the future of this page's clock. */
  function timeOf(item: TranscriptItem): number {
    const at = Math.min(Math.max(Date.parse(item.AbsoluteTime) || 0, lastAt), now());
    lastAt = Math.max(lastAt, at);
    return at;
  }

  function handleItem(item: TranscriptItem): void {
    if (!store.add(item)) return;
    if (item.ParticipantRole === 'AGENT' && item.ContentType !== CONTENT_TYPES.typing) agentTyping = false;
    const event = cursor.isNew(item) ? toChatEvent(item, { queueMarker: config.queueMarker, at: timeOf(item) }) : undefined;
    cursor.advance(item);
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
    onTyping(item) {
      if (item.ParticipantRole !== 'AGENT') return;
      agentTyping = true;
      clearTimeout(typingTimer);
      typingTimer = setTimeout(() => {
        agentTyping = false;
        render();
      }, TYPING_VISIBLE_MS);
      render();
    },
    onConnected: () => send({ type: 'CONNECTED', at: now() }),
    onConnectionLost: () => send({ type: 'CONNECTION_LOST', at: now() }),
    onGaveUp: (reason) => {
      if (reason === 'runaway') {
        options.report(
          `stopped a reconnect loop to ${contact.participantEndpoint}: the chat's websocket is closed as soon as it opens ` +
            '(is a Content-Security-Policy missing its origin in connect-src?)',
        );
      }
      send({
        type: 'CONNECTION_FAILED',
        error:
          reason === 'runaway'
            ? { code: 'connection.runaway', message: config.text.connectionBlocked }
            : { code: 'connection.gave_up', message: config.text.connectionLost },
        at: now(),
      });
    },
    onEnded: () => send({ type: 'CHAT_ENDED', at: now() }),
    report: options.report,
  };
  let session: ChatSession | undefined = openChatSession(contact, handlers, sessionOptions);

  panel.focus();
  render();

  /** Closes the live session; a customer who ended the chat is disconnected first (the request is not cut short). */
  function closeSession(disconnect: boolean): void {
    const closing = session;
    session = undefined;
    clearTimeout(typingTimer);
    agentTyping = false;
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

