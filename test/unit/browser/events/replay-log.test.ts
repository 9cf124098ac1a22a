import { describe, expect, it, vi } from 'vitest';
import type { SaEvent } from '../../../../machines/chat.types';
import { createReplayLog, SaEventsSubscribeError } from '../../../../src/browser/events/replay-log';

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
    const delivered: SaEvent[] = [];
    log.subscribe((event) => delivered.push(event));
    const [entry] = log.history();
    expect(delivered).toEqual([entry]);
    expect(Object.keys(entry!).sort()).toEqual(['data', 'timestamp', 'type']);
    expect(Object.keys(entry!.data).sort()).toEqual(['chatInstanceName']);
    expect(entry).toStrictEqual({ type: 'CHAT_LOADED', data: { chatInstanceName: 'help_faq_bot' }, timestamp: 1 });
  });

  it('keeps data to its own keys: what the caller adds to data later does not reach the log', () => {
    const log = createReplayLog();
    const data: Record<string, unknown> = { contactId: 'c-1' };
    log.append({ type: 'CONTACT_STARTED', data, timestamp: 3 } as SaEvent);
    data.participantToken = 'secret';
    expect(Object.keys(log.history()[0]!.data)).toEqual(['contactId']);
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
    const received: SaEvent[] = [];
    log.subscribe((event) => received.push(event));
    log.append(loaded);
    const [entry] = received;
    // Asserted here, outside the subscriber: the log swallows (and reports) what a subscriber throws.
    expect(Object.isFrozen(entry)).toBe(true);
    expect(Object.isFrozen(entry!.data)).toBe(true);
    expect(() => {
      (entry!.data as { chatInstanceName: string }).chatInstanceName = 'tampered';
    }).toThrow(TypeError);
    expect(() => {
      (entry as { type: string }).type = 'CONTACT_ENDED';
    }).toThrow(TypeError);
    expect(log.history()).toEqual([loaded]);
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

  it('refuses a subscriber that is not a function with a named error that says what it got', () => {
    const log = createReplayLog();
    for (const [listener, got] of [[undefined, 'undefined'], ['nope', '"nope"'], [{}, 'an object']] as const) {
      let thrown: unknown;
      try {
        log.subscribe(listener as never);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(SaEventsSubscribeError);
      expect(thrown).toMatchObject({ code: 'saEvents.subscribe.listener', message: `saEvents.subscribe expects a function, got ${got}.` });
    }
    log.append(loaded);
    expect(log.history()).toEqual([loaded]);
  });

  it('refuses options that are not { types: [...] } with a named error, and takes null as no options', () => {
    const log = createReplayLog();
    expect(() => log.subscribe(() => {}, 'CHAT_LOADED' as never)).toThrow(SaEventsSubscribeError);
    expect(() => log.subscribe(() => {}, { types: 'CHAT_LOADED' } as never)).toThrow('options.types must be a list of event types, got "CHAT_LOADED"');
    log.append(loaded);
    const seen: string[] = [];
    log.subscribe((event) => seen.push(event.type), null as never);
    expect(seen).toEqual(['CHAT_LOADED']);
  });
});
