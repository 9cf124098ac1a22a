import { describe, expect, it, vi } from 'vitest';
import type { SaEvent } from '../../../machines/chat.types';
import { createReplayLog } from '../../../src/events/replay-log';

const loaded: SaEvent = { type: 'CHAT_LOADED', data: { chatInstanceName: 'help_faq_bot' }, timestamp: 1 };
const visible: SaEvent = { type: 'CHAT_VISIBLE', data: { chatInstanceName: 'help_faq_bot' }, timestamp: 2 };
const started: SaEvent = { type: 'CONTACT_STARTED', data: { contactId: 'c-1' }, timestamp: 3 };

describe('replay log', () => {
  it('replays history to a late subscriber synchronously and in order, then delivers live events', () => {
    const log = createReplayLog();
    log.append(loaded);
    log.append(visible);
    const seen: SaEvent[] = [];
    log.subscribe((event) => seen.push(event));
    expect(seen).toEqual([loaded, visible]);
    log.append(started);
    expect(seen).toEqual([loaded, visible, started]);
  });

  it('keeps each entry exactly { type, data, timestamp } with the original timestamp', () => {
    const log = createReplayLog();
    log.append({ ...loaded, extra: 'dropped' } as SaEvent);
    const [entry] = log.history();
    expect(Object.keys(entry!)).toEqual(['type', 'data', 'timestamp']);
    expect(entry!.timestamp).toBe(1);
  });

  it('stops delivering after unsubscribe', () => {
    const log = createReplayLog();
    const listener = vi.fn();
    const unsubscribe = log.subscribe(listener);
    log.append(loaded);
    unsubscribe();
    unsubscribe();
    log.append(visible);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('reports a throwing subscriber and still delivers every event to the others', () => {
    const report = vi.fn();
    const log = createReplayLog(report);
    log.append(loaded);
    const seen: string[] = [];
    log.subscribe(() => {
      throw new Error('analytics broke');
    });
    log.subscribe((event) => seen.push(event.type));
    log.append(visible);
    expect(seen).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE']);
    expect(report).toHaveBeenCalledTimes(2);
  });

  it('freezes entries so one subscriber cannot corrupt what another receives', () => {
    const log = createReplayLog();
    log.subscribe((event) => {
      expect(() => {
        (event.data as { chatInstanceName: string }).chatInstanceName = 'tampered';
      }).toThrow(TypeError);
    });
    let received: SaEvent | undefined;
    log.subscribe((event) => (received = event));
    log.append(loaded);
    expect(received).toEqual(loaded);
  });

  it('filters by type when asked, history included', () => {
    const log = createReplayLog();
    log.append(loaded);
    log.append(visible);
    const seen: string[] = [];
    log.subscribe((event) => seen.push(event.type), { types: ['CHAT_VISIBLE', 'CONTACT_STARTED'] });
    log.append(started);
    expect(seen).toEqual(['CHAT_VISIBLE', 'CONTACT_STARTED']);
  });

  it('skips history when replay is false', () => {
    const log = createReplayLog();
    log.append(loaded);
    const seen: string[] = [];
    log.subscribe((event) => seen.push(event.type), { replay: false });
    log.append(visible);
    expect(seen).toEqual(['CHAT_VISIBLE']);
  });

  it('lets a subscriber unsubscribe another during delivery without breaking the rest', () => {
    const log = createReplayLog();
    const seen: string[] = [];
    let unsubscribeB = () => {};
    log.subscribe(() => unsubscribeB());
    unsubscribeB = log.subscribe((event) => seen.push(`b:${event.type}`));
    log.subscribe((event) => seen.push(`c:${event.type}`));
    log.append(loaded);
    expect(seen).toEqual(['c:CHAT_LOADED']);
  });

  it('delivers an entry appended during delivery after the current one, to everyone, once', () => {
    const log = createReplayLog();
    const first: string[] = [];
    const second: string[] = [];
    log.subscribe((event) => {
      first.push(event.type);
      if (event.type === 'CHAT_LOADED') log.append(visible);
    });
    log.subscribe((event) => second.push(event.type));
    log.append(loaded);
    expect(first).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE']);
    expect(second).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE']);
  });

  it('gives a subscriber added during delivery the whole history exactly once', () => {
    const log = createReplayLog();
    const late: string[] = [];
    log.subscribe((event) => {
      if (event.type === 'CHAT_VISIBLE') log.subscribe((entry) => late.push(entry.type));
    });
    log.append(loaded);
    log.append(visible);
    log.append(started);
    expect(late).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE', 'CONTACT_STARTED']);
  });

  it('refuses a subscriber that is not a function with a clear error', () => {
    expect(() => createReplayLog().subscribe('nope' as never)).toThrow('saEvents.subscribe expects a function');
  });
});
