import { describe, expect, it } from 'vitest';
import { createOpenerFilter, openerOrigin, receiveFromOpener, type ReceiverWindow } from '../../../../visualizer/opener-receiver';

const SITE = 'https://shop.example';
const MESSAGE = { type: '@xstate.event', _version: '1.0.0', sessionId: 'x:0', event: { type: 'START' } };

/** A window-like opener; `location` throws like a cross-origin window's unless given. */
function openerWindow(origin?: string) {
  const posted: Array<{ message: unknown; targetOrigin: string }> = [];
  return {
    posted,
    get location() {
      if (!origin) throw new DOMException('Blocked a frame from accessing a cross-origin frame.', 'SecurityError');
      return { origin };
    },
    postMessage(message: unknown, targetOrigin: string) {
      posted.push({ message, targetOrigin });
    },
  };
}

function visualizerWindow(opener: unknown, referrer = '') {
  let listener: ((event: MessageEvent) => void) | undefined;
  const win: ReceiverWindow = {
    opener,
    document: { referrer },
    addEventListener: (_type, added) => (listener = added),
    removeEventListener: (_type, removed) => listener === removed && (listener = undefined),
  };
  const deliver = (source: unknown, origin: string, data: unknown = MESSAGE) => listener?.({ source, origin, data } as MessageEvent);
  return { win, deliver, listening: () => listener !== undefined };
}

describe('the visualizer receiving inspection messages', () => {
  it('takes protocol messages from the window that opened it, at its origin', () => {
    const opener = openerWindow();
    const { win, deliver } = visualizerWindow(opener, `${SITE}/checkout`);
    const received: unknown[] = [];
    receiveFromOpener(win, (message) => received.push(message));
    deliver(opener, SITE);
    expect(received).toEqual([MESSAGE]);
  });

  it('ignores the same message from any other window, even one on the opener’s origin', () => {
    const opener = openerWindow();
    const { win, deliver } = visualizerWindow(opener, `${SITE}/`);
    const received: unknown[] = [];
    receiveFromOpener(win, (message) => received.push(message));
    deliver(openerWindow(), SITE); // a frame or another tab
    deliver(win, SITE); // itself
    deliver(null, SITE);
    expect(received).toEqual([]);
  });

  it('ignores the opener once it has navigated to another origin', () => {
    const opener = openerWindow();
    const { win, deliver } = visualizerWindow(opener, `${SITE}/`);
    const received: unknown[] = [];
    receiveFromOpener(win, (message) => received.push(message));
    deliver(opener, 'https://evil.example');
    expect(received).toEqual([]);
  });

  it('accepts nothing when opened on its own', () => {
    const { win, deliver } = visualizerWindow(null);
    const received: unknown[] = [];
    receiveFromOpener(win, (message) => received.push(message));
    deliver(null, SITE);
    deliver(win, SITE);
    expect(received).toEqual([]);
  });

  it('ignores data that is not a protocol message', () => {
    const opener = openerWindow(SITE);
    const { win, deliver } = visualizerWindow(opener);
    const received: unknown[] = [];
    receiveFromOpener(win, (message) => received.push(message));
    deliver(opener, SITE, { type: '@xstate.event' });
    deliver(opener, SITE, 'text');
    expect(received).toEqual([]);
  });

  it('tells the opener it is connected, addressed to the opener’s origin only', () => {
    const opener = openerWindow();
    const { win } = visualizerWindow(opener, `${SITE}/products`);
    receiveFromOpener(win, () => {});
    expect(opener.posted).toEqual([{ message: { type: '@statelyai.connected' }, targetOrigin: SITE }]);
  });

  it('stops listening when asked', () => {
    const opener = openerWindow(SITE);
    const { win, listening } = visualizerWindow(opener);
    const stop = receiveFromOpener(win, () => {});
    expect(listening()).toBe(true);
    stop();
    expect(listening()).toBe(false);
  });
});

describe('openerOrigin', () => {
  it('reads a same-origin opener directly, else the referrer, else does not know', () => {
    expect(openerOrigin(visualizerWindow(openerWindow('http://127.0.0.1:8080'), `${SITE}/`).win)).toBe('http://127.0.0.1:8080');
    expect(openerOrigin(visualizerWindow(openerWindow(), `${SITE}/checkout?x=1`).win)).toBe(SITE);
    expect(openerOrigin(visualizerWindow(openerWindow(), '').win)).toBeUndefined();
  });
});

describe('createOpenerFilter', () => {
  it('with no origin known up front, pins the origin of the opener’s first message', () => {
    const opener = openerWindow();
    const accepts = createOpenerFilter(visualizerWindow(opener).win, undefined);
    expect(accepts({ source: opener as never, origin: SITE, data: MESSAGE })).toBe(true);
    expect(accepts({ source: opener as never, origin: 'https://evil.example', data: MESSAGE })).toBe(false);
    expect(accepts({ source: opener as never, origin: SITE, data: MESSAGE })).toBe(true);
  });
});
