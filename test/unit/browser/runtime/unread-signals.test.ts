import { describe, expect, it, vi } from 'vitest';
import { createUnreadSignals } from '../../../../src/browser/runtime/unread-signals';

/** A window with just what the signals touch: a title, and (optionally) a Web Audio that records its tones. */
function fakeWindow({ active = true, audio = true } = {}) {
  const tones: number[] = [];
  let contexts = 0;
  class FakeAudioContext {
    state = active ? 'running' : 'suspended';
    currentTime = 0;
    destination = {};
    constructor() {
      contexts++;
    }
    resume = () => Promise.resolve();
    close = () => Promise.resolve();
    createGain = () => ({ gain: { setValueAtTime() {}, exponentialRampToValueAtTime() {} }, connect: (next: unknown) => next });
    createOscillator = () => ({
      frequency: { value: 0 },
      connect: (next: unknown) => next,
      start() {
        tones.push(1);
      },
      stop() {},
    });
  }
  const win = {
    document: { title: 'Checkout' },
    navigator: { userActivation: { hasBeenActive: active } },
    ...(audio ? { AudioContext: FakeAudioContext } : {}),
  } as unknown as Window;
  return { win, tones, contexts: () => contexts };
}

describe('unread signals', () => {
  it('counts messages that arrive unseen, remembers the first, and resets when seen', () => {
    const { win } = fakeWindow();
    const onChange = vi.fn();
    const unread = createUnreadSignals({ window: win, titlePrefix: false, sound: false, onChange, report: vi.fn() });
    unread.arrived('m1');
    unread.arrived('m2');
    expect(onChange.mock.calls).toEqual([[1], [2]]);
    expect(unread.firstUnreadId).toBe('m1');
    unread.seen();
    expect(onChange).toHaveBeenLastCalledWith(0);
    // Still known when the panel opens, so it scrolls there; forgotten when the customer goes away again.
    expect(unread.firstUnreadId).toBe('m1');
    unread.away();
    expect(unread.firstUnreadId).toBeUndefined();
    unread.arrived('m3');
    expect(unread.firstUnreadId).toBe('m3');
    expect(win.document.title).toBe('Checkout');
  });

  it('prefixes the title with the count and restores it exactly, following a title the page changed meanwhile', () => {
    const { win } = fakeWindow();
    const unread = createUnreadSignals({ window: win, titlePrefix: true, sound: false, onChange: vi.fn(), report: vi.fn() });
    unread.arrived('m1');
    expect(win.document.title).toBe('(1) Checkout');
    unread.arrived('m2');
    expect(win.document.title).toBe('(2) Checkout');
    unread.seen();
    expect(win.document.title).toBe('Checkout');
    unread.arrived('m3');
    win.document.title = 'Payment';
    unread.arrived('m4');
    expect(win.document.title).toBe('(2) Payment');
    unread.destroy();
    expect(win.document.title).toBe('Payment');
  });

  it('plays a tone per message only when asked, creating Web Audio on first need', () => {
    const quiet = fakeWindow();
    createUnreadSignals({ window: quiet.win, titlePrefix: false, sound: false, onChange: vi.fn(), report: vi.fn() }).arrived('m1');
    expect(quiet.contexts()).toBe(0);
    const loud = fakeWindow();
    const unread = createUnreadSignals({ window: loud.win, titlePrefix: false, sound: true, onChange: vi.fn(), report: vi.fn() });
    expect(loud.contexts()).toBe(0);
    unread.arrived('m1');
    unread.arrived('m2');
    expect(loud.tones).toHaveLength(2);
    expect(loud.contexts()).toBe(1);
  });

  it('says once that autoplay holds the tone back, and once that there is no Web Audio', () => {
    const blocked = fakeWindow({ active: false });
    const report = vi.fn();
    const unread = createUnreadSignals({ window: blocked.win, titlePrefix: false, sound: true, onChange: vi.fn(), report });
    unread.arrived('m1');
    unread.arrived('m2');
    expect(report).toHaveBeenCalledTimes(1);
    expect(report.mock.calls[0]![0]).toMatch(/autoplay/);
    const none = fakeWindow({ audio: false });
    const reportNone = vi.fn();
    const silent = createUnreadSignals({ window: none.win, titlePrefix: false, sound: true, onChange: vi.fn(), report: reportNone });
    silent.arrived('m1');
    silent.arrived('m2');
    expect(reportNone).toHaveBeenCalledTimes(1);
  });
});
