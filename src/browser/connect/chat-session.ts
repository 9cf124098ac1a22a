// chatjs exports nothing: importing it for its side effect fills `librarySandbox.connect`, which the build
// gives chatjs in place of the global `connect` it would otherwise define on the host page.
import 'amazon-connect-chatjs';
import type { ContactDetails } from '../../../machines/chat.types';
import { librarySandbox } from '../platform/global-sandbox';
import { watchForRunawayReconnects } from './runaway-guard';
import { isTranscriptItem, type TranscriptItem } from './transcript-item';
import { withAttachmentContentType } from './attachment-items';
import { AttachmentRejectedError } from './attachment-check';
import { RECEIPT_CONTENT_TYPES, receiptOf, type Receipt, type ReceiptKind } from './message-receipts';
import { reportUploadProgress, type ProgressListener } from './upload-progress';

/** The part of chatjs' CustomerChatSession this adapter uses, typed at the boundary. */
interface CustomerSession {
  connect(): Promise<unknown>;
  onMessage(handler: (event: { data: unknown }) => void): void;
  onParticipantIdle(handler: (event: { data: unknown }) => void): void;
  onAutoDisconnection(handler: (event: { data: unknown }) => void): void;
  onTyping(handler: (event: { data: unknown }) => void): void;
  onReadReceipt(handler: (event: { data: unknown }) => void): void;
  onDeliveredReceipt(handler: (event: { data: unknown }) => void): void;
  onConnectionEstablished(handler: (event: unknown) => void): void;
  onConnectionLost(handler: () => void): void;
  onConnectionBroken(handler: () => void): void;
  onEnded(handler: () => void): void;
  sendMessage(args: { contentType: 'text/plain'; message: string }): Promise<{ data?: { Id?: string; AbsoluteTime?: string } }>;
  sendEvent(args: { contentType: string; content?: string }): Promise<unknown>;
  sendAttachment(args: { attachment: File }): Promise<unknown>;
  downloadAttachment(args: { attachmentId: string }): Promise<Blob>;
  getAttachmentURL(args: { attachmentId: string }): Promise<string>;
  getTranscript(args: Record<string, unknown>): Promise<{ data?: { Transcript?: unknown[]; NextToken?: string } }>;
  disconnectParticipant(): Promise<unknown>;
  controller: {
    breakConnection(): Promise<unknown>;
    cleanUpOnParticipantDisconnect(): void;
    /** chatjs internals, reached only to report upload progress (`upload-progress.ts`), which its public API cannot. */
    chatClient?: unknown;
    /** chatjs internals, reached only to stop a reconnect loop that its public API cannot. */
    connectionHelper?: { baseInstance?: { websocketManager?: { terminateWebSocketManager?(): void } } };
  };
}

interface ChatJsGlobal {
  ChatSession: {
    setGlobalConfig(config: Record<string, unknown>): void;
    create(args: Record<string, unknown>): CustomerSession;
  };
}

/** Amazon Connect limits a text/plain message to 1,024 characters. */
export const MAX_MESSAGE_LENGTH = 1024;

/** A message was refused before it was sent. */
export class MessageRejectedError extends Error {
  override readonly name = 'MessageRejectedError';
  constructor(
    readonly code: 'message.too_long' | 'message.empty' | 'message.send_failed',
    message: string,
  ) {
    super(message);
  }
}

export interface SessionHandlers {
  /** An item pushed live on the socket, or found in the transcript after (re)connecting. */
  onItem(item: TranscriptItem): void;
  /** A read of the transcript has been handed over, item by item: the history at hand is complete. */
  onHistory?(): void;
  onTyping(item: TranscriptItem): void;
  /** The agent's side says a message was delivered or read (chatjs passes on only receipts for our own messages). */
  onReceipt?(receipt: Receipt): void;
  /** The socket is subscribed: items flow. */
  onConnected(): void;
  /** The socket went away; chatjs or this adapter is trying again. */
  onConnectionLost(): void;
  /** Recovery was given up: after repeated failures, or because chatjs was caught in a reconnect loop. */
  onGaveUp(reason: 'retries_exhausted' | 'runaway'): void;
  /** Amazon Connect says the chat is over (or the token is no longer valid). */
  onEnded(): void;
  report(message: string, error?: unknown): void;
}

export interface SessionOptions {
  /**
   * Delays before each fresh attempt after chatjs gives up. chatjs alone never retries after
   * `onConnectionBroken`, so the adapter does, capped so recovery follows a returning service within seconds.
   * @default [1000, 2000, 4000, 4000, …] for 20 attempts (~75 s)
   */
  retryDelaysMs?: readonly number[];
  /**
   * How long chatjs may stay silent after losing its socket before the adapter takes over.
   * @default 5000
   */
  silenceMs?: number;
}

const DEFAULT_RETRY_DELAYS = [1000, 2000, ...Array<number>(18).fill(4000)];
/**
 * After a lost socket chatjs retries on its own, but when the Participant Service answers 5xx it can fall
 * silent for a long while (or give up): past this, the adapter takes over with a fresh session.
 */
const LOST_WATCHDOG_MS = 5000;
/** How long after chatjs reports a connection its subscription to the chat's items is surely in place. */
const SUBSCRIBE_SETTLE_MS = 1500;
const TYPING_THROTTLE_MS = 5000;
/** chatjs sends at most one batch of receipts per this long (its own default): a burst of messages costs one request. */
const RECEIPT_THROTTLE_MS = 5000;
const TRANSCRIPT_PAGE_SIZE = 100;
const TRANSCRIPT_MAX_PAGES = 50;

let configuredEndpoint: string | undefined;

function chatJs(): ChatJsGlobal {
  return librarySandbox.connect as unknown as ChatJsGlobal;
}

/** chatjs caches its service client per region: configure once, before the first session. */
function configure(contact: ContactDetails): void {
  if (configuredEndpoint === contact.participantEndpoint) return;
  chatJs().ChatSession.setGlobalConfig({
    region: contact.region,
    endpoint: contact.participantEndpoint,
    // The customer's delivered and read receipts (sent by `sendReceipt`, throttled and deduplicated by chatjs), so
    // the agent sees what the customer has seen; the panel shows the agent's receipts for the customer's messages.
    features: { messageReceipts: { shouldSendMessageReceipts: true, throttleTime: RECEIPT_THROTTLE_MS } },
  });
  configuredEndpoint = contact.participantEndpoint;
}

/** The Participant Service's error type as chatjs hands it on (`_debug` wraps it), for matching by name. */
function errorType(error: unknown): unknown {
  const cause = (error as { _debug?: unknown } | null)?._debug ?? error;
  const typed = cause as { type?: unknown; name?: unknown; message?: unknown } | null;
  return [typed?.type, typed?.name, typed?.message];
}

function isAccessDenied(error: unknown): boolean {
  const cause = (error as { _debug?: unknown } | null)?._debug ?? error;
  const typed = cause as { type?: unknown; statusCode?: unknown; name?: unknown } | null;
  return typed?.type === 'AccessDeniedException' || typed?.statusCode === 403 || typed?.name === 'AccessDeniedException';
}

/** Silences and closes a session. chatjs can throw here mid-failure; a dead session must not stop recovery. */
function dispose(current: CustomerSession | undefined): void {
  if (!current) return;
  // Closing the connection first: it is what stops chatjs' own reconnecting.
  try {
    current.controller.breakConnection().catch(() => {});
  } catch {
    // Already torn down by chatjs itself.
  }
  try {
    current.controller.cleanUpOnParticipantDisconnect();
  } catch {
    // Same.
  }
}

/** The whole transcript, oldest first, page by page from the newest (at most TRANSCRIPT_MAX_PAGES pages). */
async function readTranscript(current: CustomerSession, maxPages = TRANSCRIPT_MAX_PAGES): Promise<TranscriptItem[]> {
  let nextToken: string | undefined;
  const pages: unknown[][] = [];
  for (let page = 0; page < maxPages; page++) {
    const response = await current.getTranscript({
      maxResults: TRANSCRIPT_PAGE_SIZE,
      sortOrder: 'ASCENDING',
      scanDirection: 'BACKWARD',
      ...(nextToken ? { nextToken } : {}),
    });
    pages.unshift(response.data?.Transcript ?? []);
    nextToken = response.data?.NextToken;
    if (!nextToken) break;
  }
  return pages.flat().map(withAttachmentContentType).filter(isTranscriptItem);
}

/** A chatjs customer session for the contact (not yet connected). */
function createCustomerSession(contact: ContactDetails): CustomerSession {
  return chatJs().ChatSession.create({
    chatDetails: { ContactId: contact.contactId, ParticipantId: contact.participantId, ParticipantToken: contact.participantToken },
    options: { region: contact.region },
    type: 'CUSTOMER',
    // Without it chatjs injects an inline script and posts metrics to AWS: breaks strict CSP and offline use.
    disableCSM: true,
  });
}

/** Hands every item of the transcript to the handlers, unless the session was replaced meanwhile. */
async function fillFromTranscript(current: CustomerSession, stillCurrent: () => boolean, handlers: SessionHandlers, maxPages?: number): Promise<void> {
  try {
    const items = await readTranscript(current, maxPages);
    if (!stillCurrent()) return;
    for (const item of items) handlers.onItem(item);
    handlers.onHistory?.();
  } catch (error) {
    handlers.report('could not fetch the chat transcript', error);
  }
}

/** chatjs' callbacks of one session, each called only while that session is the live one. */
function listen(
  current: CustomerSession,
  live: () => boolean,
  on: {
    item(item: TranscriptItem): void;
    typing(item: TranscriptItem): void;
    receipt(receipt: Receipt): void;
    established(): void;
    lost(): void;
    broken(): void;
    ended(): void;
  },
): void {
  const item = ({ data }: { data: unknown }) => {
    const found = withAttachmentContentType(data);
    if (live() && isTranscriptItem(found)) on.item(found);
  };
  current.onMessage(item);
  // chatjs hands Amazon Connect's chat timeouts to handlers of their own, not to onMessage.
  current.onParticipantIdle(item);
  current.onAutoDisconnection(item);
  const receipt = ({ data }: { data: unknown }) => {
    const found = live() && isTranscriptItem(data) ? receiptOf(data) : undefined;
    if (found) on.receipt(found);
  };
  current.onReadReceipt(receipt);
  current.onDeliveredReceipt(receipt);
  current.onTyping(({ data }) => live() && isTranscriptItem(data) && on.typing(data));
  current.onConnectionEstablished((event) => {
    // The first call comes from connect() itself, before the socket is open; items flow after the second.
    if (live() && !(event as { connectCalled?: boolean } | null)?.connectCalled) on.established();
  });
  current.onConnectionLost(() => live() && on.lost());
  current.onConnectionBroken(() => live() && on.broken());
  current.onEnded(() => live() && on.ended());
}

/** chatjs' service client is one per region, shared by every session: its upload step is taken over once. */
const uploadTracking = new WeakMap<object, ReturnType<typeof reportUploadProgress>>();

function uploadProgressOf(session: CustomerSession): ReturnType<typeof reportUploadProgress> {
  const client = session.controller.chatClient;
  if (typeof client !== 'object' || client === null) return () => () => {};
  let track = uploadTracking.get(client);
  if (!track) uploadTracking.set(client, (track = reportUploadProgress(client, window)));
  return track;
}

/** Stops a session caught in chatjs' reconnect loop, where closing is not enough. */
function terminate(current: CustomerSession | undefined): void {
  // chatjs' websocket manager keeps asking for connections: only terminating it ends the loop.
  try {
    current?.controller.connectionHelper?.baseInstance?.websocketManager?.terminateWebSocketManager?.();
  } catch {
    // Nothing more we can do than dispose below.
  }
  dispose(current);
}

/** Sending as the customer on whichever session is current: messages, checked first against Amazon Connect's limits, and typing, throttled. */
function customerSender(current: () => CustomerSession | undefined, report: SessionHandlers['report']) {
  let lastTypingSent = 0;
  return {
    async sendMessage(text: string): Promise<{ id: string }> {
      if (!text.trim()) throw new MessageRejectedError('message.empty', 'The message is empty.');
      if (text.length > MAX_MESSAGE_LENGTH) {
        throw new MessageRejectedError('message.too_long', `Messages can be at most ${MAX_MESSAGE_LENGTH} characters.`);
      }
      const session = current();
      if (!session) throw new MessageRejectedError('message.send_failed', 'Not connected.');
      try {
        const response = await session.sendMessage({ contentType: 'text/plain', message: text });
        return { id: response.data?.Id ?? '' };
      } catch (error) {
        report('could not send a message', error);
        throw new MessageRejectedError('message.send_failed', 'The message could not be sent.');
      }
    },
    /**
     * Uploads a file checked beforehand (`checkAttachment`) through chatjs' public `sendAttachment` (which keeps the
     * connection token to itself), telling `onProgress` as the bytes go (see `reportUploadProgress`).
     * @throws AttachmentRejectedError `attachment.quota` or `attachment.send_failed`
     */
    async sendAttachment(file: File, onProgress?: ProgressListener): Promise<void> {
      const session = current();
      if (!session) throw new AttachmentRejectedError('attachment.send_failed', file.name, 'Not connected.');
      const untrack = onProgress ? uploadProgressOf(session)(file, onProgress) : undefined;
      try {
        await session.sendAttachment({ attachment: file });
      } catch (error) {
        report(`could not send the file ${file.name}`, error);
        const quota = JSON.stringify(errorType(error)).includes('ServiceQuotaExceeded');
        throw new AttachmentRejectedError(quota ? 'attachment.quota' : 'attachment.send_failed', file.name, 'The file could not be sent.');
      } finally {
        untrack?.();
      }
    },
    /** A file's bytes, through a fresh GetAttachment URL (they expire). */
    async downloadAttachment(attachmentId: string): Promise<Blob> {
      const session = current();
      if (!session) throw new Error('Not connected.');
      return session.downloadAttachment({ attachmentId });
    },
    /** A fresh presigned URL for a file (GetAttachment); never cache it, it expires. */
    async attachmentUrl(attachmentId: string): Promise<string> {
      const session = current();
      if (!session) throw new Error('Not connected.');
      return session.getAttachmentURL({ attachmentId });
    },
    /** Tells the agent's side a message reached the customer, or was seen; chatjs deduplicates and throttles. */
    sendReceipt(messageId: string, kind: ReceiptKind): void {
      current()
        ?.sendEvent({ contentType: RECEIPT_CONTENT_TYPES[kind], content: JSON.stringify({ messageId }) })
        // Ignored (after the chat ended, or a duplicate chatjs refused): a lost receipt costs nothing the customer sees.
        .catch(() => {});
    },
    sendTyping(): void {
      const session = current();
      const now = Date.now();
      if (!session || now - lastTypingSent < TYPING_THROTTLE_MS) return;
      lastTypingSent = now;
      session.sendEvent({ contentType: 'application/vnd.amazonaws.connect.event.typing' }).catch(() => {});
    },
  };
}

/** What a closed session's late callbacks reach: nothing. */
const CLOSED: SessionHandlers = {
  onItem() {},
  onTyping() {},
  onConnected() {},
  onConnectionLost() {},
  onGaveUp() {},
  onEnded() {},
  report() {},
};

/**
 * A customer's connection to one contact through the real chatjs. Translates nothing: it hands
 * items and connection changes to its handlers, and keeps the connection alive when chatjs gives up.
 *
 * chatjs can hold on to a closed session for seconds (its receipts wait on throttle timers), and with it every
 * callback it was given. Those reach `given` only through `handlers`, which closing drops: a chat that is
 * destroyed lets go of its conversation at once, whatever chatjs still holds.
 */
export function openChatSession(contact: ContactDetails, given: SessionHandlers, options: SessionOptions = {}) {
  let handlers: SessionHandlers = given;
  const retryDelays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS;
  let session: CustomerSession | undefined;
  let generation = 0;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  let ended = false;

  function endOnce(): void {
    if (ended || closed) return;
    ended = true;
    clearTimeout(retryTimer);
    clearTimeout(watchdog);
    handlers.onEnded();
  }

  function recover(): void {
    clearTimeout(watchdog);
    if (closed || ended) return;
    dispose(session);
    session = undefined;
    generation++;
    const delay = retryDelays[failures];
    if (delay === undefined) {
      handlers.onGaveUp('retries_exhausted');
      return;
    }
    failures++;
    handlers.onConnectionLost();
    retryTimer = setTimeout(start, delay);
  }

  /** Fills whatever was pushed while the socket was down, and the history after a page navigation. */
  const fetchTranscript = (current: CustomerSession, gen: number, maxPages?: number) =>
    fillFromTranscript(current, () => gen === generation, handlers, maxPages);

  function start(): void {
    if (closed || ended) return;
    const gen = ++generation;
    const current = createCustomerSession(contact);
    session = current;
    const live = () => gen === generation && !closed;
    listen(current, live, {
      item: (item) => handlers.onItem(item),
      typing: (item) => handlers.onTyping(item),
      receipt: (found) => handlers.onReceipt?.(found),
      established() {
        clearTimeout(watchdog);
        failures = 0;
        handlers.onConnected();
        void fetchTranscript(current, gen);
        // chatjs reports the connection when the socket opens, before its aws/chat subscription is confirmed: an
        // item sent in between is neither in that transcript nor pushed. One more look, at the newest page only,
        // once it has settled (the whole transcript again would cost a long chat dearly).
        clearTimeout(settleTimer);
        settleTimer = setTimeout(() => live() && void fetchTranscript(current, gen, 1), SUBSCRIBE_SETTLE_MS);
      },
      lost() {
        // Configured not to reconnect: losing the connection is giving it up.
        if (retryDelays.length === 0) return recover();
        handlers.onConnectionLost();
        clearTimeout(watchdog);
        watchdog = setTimeout(() => live() && recover(), options.silenceMs ?? LOST_WATCHDOG_MS);
      },
      broken: recover,
      ended: endOnce,
    });
    current.connect().catch((error: unknown) => {
      if (!live()) return;
      if (isAccessDenied(error)) endOnce();
      else recover();
    });
  }

  const stopWatching = watchForRunawayReconnects(contact.participantEndpoint, () => {
    if (closed || ended) return;
    terminate(session);
    session = undefined;
    generation++;
    clearTimeout(retryTimer);
    handlers.onGaveUp('runaway');
  });

  /** Back from a hidden tab (or a sleeping laptop): reconnect now if waiting, else fill any gap. */
  const onVisible = () => {
    if (document.visibilityState !== 'visible' || closed || ended) return;
    if (!session && retryTimer !== undefined) {
      clearTimeout(retryTimer);
      start();
    } else if (session) {
      void fetchTranscript(session, generation);
    }
  };
  document.addEventListener('visibilitychange', onVisible);

  configure(contact);
  start();

  return {
    ...customerSender(() => session, (message, error) => handlers.report(message, error)),
    async disconnect(): Promise<void> {
      if (!session || ended) return;
      await session.disconnectParticipant();
    },
    close(): void {
      closed = true;
      handlers = CLOSED;
      stopWatching();
      document.removeEventListener('visibilitychange', onVisible);
      for (const timer of [retryTimer, watchdog, settleTimer]) clearTimeout(timer);
      dispose(session);
      session = undefined;
    },
  };
}

export type ChatSession = ReturnType<typeof openChatSession>;
