import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SaEvent } from '../../../../machines/chat.types';
import { PRELOAD_STUB, installSaEvents } from '../../../../src/browser/events/preload-stub';
import { createReplayLog, type SaEventListener } from '../../../../src/browser/events/replay-log';

const loaded: SaEvent = { type: 'CHAT_LOADED', data: { chatInstanceName: 'x' }, timestamp: 5 };
const visible: SaEvent = { type: 'CHAT_VISIBLE', data: { chatInstanceName: 'x' }, timestamp: 8 };
const started: SaEvent = { type: 'CONTACT_STARTED', data: { contactId: 'c-1' }, timestamp: 13 };

interface StubbedPage {
  saEvents?: { subscribe(fn: SaEventListener, options?: unknown): () => void; q?: unknown[] };
}

/** Runs the documented stub as a page would, in a fresh global. */
function pageWithStub(): StubbedPage {
  const page: Record<string, unknown> = {};
  page.window = page;
  runInNewContext(PRELOAD_STUB, page);
  return page as never;
}

describe('pre-load stub', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('hands subscribers registered before the script loaded the whole history, in order, with the original timestamps', () => {
    const page = pageWithStub();
    const first: SaEvent[] = [];
    const second: SaEvent[] = [];
    page.saEvents!.subscribe((event) => first.push(event));
    page.saEvents!.subscribe((event) => second.push(event));
    const log = createReplayLog();
    log.append(loaded);
    log.append(visible);
    installSaEvents(page, log);
    expect(first).toEqual([loaded, visible]);
    log.append(started);
    expect(first).toEqual([loaded, visible, started]);
    expect(second).toEqual([loaded, visible, started]);
    expect(first.map((event) => event.timestamp)).toEqual([5, 8, 13]);
  });

  it('skips and reports once each entry that cannot be a subscription; the other subscribers get everything', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const page = pageWithStub();
    const before: string[] = [];
    const after: string[] = [];
    page.saEvents!.subscribe((event) => before.push(event.type));
    page.saEvents!.subscribe(undefined as never);
    page.saEvents!.q!.push(['bogus'], 42);
    page.saEvents!.subscribe(() => {}, { types: 'CHAT_LOADED' });
    page.saEvents!.subscribe((event) => after.push(event.type));
    const log = createReplayLog();
    log.append(loaded);
    expect(() => installSaEvents(page, log)).not.toThrow();
    log.append(visible);
    expect(before).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE']);
    expect(after).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE']);
    expect(errors.mock.calls.map((call) => call.join(' '))).toEqual([
      '[connect-webchat] saEvents.subscribe before the script loaded (queued entry 1) was skipped: saEvents.subscribe expects a function, got undefined.',
      '[connect-webchat] saEvents.subscribe before the script loaded (queued entry 2) was skipped: saEvents.subscribe expects a function, got "bogus".',
      '[connect-webchat] saEvents.subscribe before the script loaded (queued entry 3) was skipped: expected [listener, options] as the stub queues it, got 42.',
      '[connect-webchat] saEvents.subscribe before the script loaded (queued entry 4) was skipped: saEvents.subscribe options.types must be a list of event types, got "CHAT_LOADED".',
    ]);
  });

  it('honours an unsubscribe made before and after the script loaded', () => {
    const page = pageWithStub();
    const early: string[] = [];
    const late: string[] = [];
    page.saEvents!.subscribe(() => early.push('x'))();
    const unsubscribeLate = page.saEvents!.subscribe(() => late.push('x'));
    const log = createReplayLog();
    installSaEvents(page, log);
    log.append(loaded);
    unsubscribeLate();
    log.append(loaded);
    expect(early).toEqual([]);
    expect(late).toEqual(['x']);
  });

  it('keeps the old stub object working for code that held on to it', () => {
    const page = pageWithStub();
    const stub = page.saEvents!;
    const log = createReplayLog();
    installSaEvents(page, log);
    log.append(loaded);
    const seen: string[] = [];
    stub.subscribe((event) => seen.push(event.type));
    expect(seen).toEqual(['CHAT_LOADED']);
    expect(page.saEvents).not.toBe(stub);
  });
});
