/**
 * The visualizer's end of the `@statelyai/inspect` browser protocol, in place of the library's
 * `createBrowserReceiver` (which takes a protocol-shaped message from any window at any origin).
 *
 * The runtime's inspector chunk opens this page with `window.open` and posts to it, so a message is taken
 * only when it comes from that window (`event.source === window.opener`, as it was when the page loaded)
 * and from the origin the opener had then. Any other window that gets hold of this one (a frame, a tab
 * that guessed the window name), and the opener tab after it navigated to another site, is ignored.
 */
import type { StatelyInspectionEvent } from '@statelyai/inspect';

/** What the receiver needs of `window`; a stand-in in unit tests. */
export interface ReceiverWindow {
  readonly opener: unknown;
  readonly document: { readonly referrer: string };
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/** What the receiver reads of a `message` event. */
export type ReceivedMessage = Pick<MessageEvent, 'source' | 'origin' | 'data'>;

/** The message `@statelyai/inspect`'s sender waits for before it posts what it has deferred. */
const CONNECTED = { type: '@statelyai.connected' };

/** A protocol message: what `@statelyai/inspect` sends (`{ type, _version, … }`). */
export function isInspectionMessage(data: unknown): data is StatelyInspectionEvent {
  return typeof data === 'object' && data !== null && typeof (data as { type?: unknown }).type === 'string' && typeof (data as { _version?: unknown })._version === 'string';
}

/**
 * The opener's origin when this page loaded: read directly when it is our own origin, else from
 * `document.referrer` (`window.open` sets it to the opener's URL, or at least its origin under the default
 * referrer policy). `undefined` when neither tells, e.g. under `Referrer-Policy: no-referrer`.
 */
export function openerOrigin(win: ReceiverWindow): string | undefined {
  try {
    const origin = (win.opener as Window | null)?.location.origin;
    if (typeof origin === 'string' && origin !== 'null') return origin;
  } catch {
    // another origin: not ours to read
  }
  try {
    return win.document.referrer ? new URL(win.document.referrer).origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Decides, message by message, whether it comes from the window that opened this one, at the origin it
 * had then. With no opener, nothing is accepted. If the origin could not be known up front, the first
 * message from the opener fixes it.
 */
export function createOpenerFilter(win: ReceiverWindow, origin: string | undefined = openerOrigin(win)): (message: ReceivedMessage) => boolean {
  const opener = win.opener;
  let expected = origin;
  return (message) => {
    if (!opener || message.source !== opener) return false;
    expected ??= message.origin;
    return message.origin === expected;
  };
}

/**
 * Listens for protocol messages from the opener, tells the opener we are listening (so it posts what it
 * held back), and returns a function that stops listening.
 */
export function receiveFromOpener(win: ReceiverWindow, onMessage: (message: StatelyInspectionEvent) => void): () => void {
  const origin = openerOrigin(win);
  const accepts = createOpenerFilter(win, origin);
  const listener = (event: MessageEvent) => {
    if (accepts(event) && isInspectionMessage(event.data)) onMessage(event.data);
  };
  win.addEventListener('message', listener);
  (win.opener as Window | null)?.postMessage(CONNECTED, origin ?? '*');
  return () => win.removeEventListener('message', listener);
}
