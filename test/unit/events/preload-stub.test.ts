import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { SaEvent } from '../../../machines/chat.types';
import { PRELOAD_STUB, installSaEvents } from '../../../src/events/preload-stub';
import { createReplayLog, type SaEventListener } from '../../../src/events/replay-log';

const loaded: SaEvent = { type: 'CHAT_LOADED', data: { chatInstanceName: 'x' }, timestamp: 5 };

/** Runs the documented stub as a page would, in a fresh global. */
function pageWithStub(): { saEvents?: { subscribe(fn: SaEventListener): () => void } } {
  const page: Record<string, unknown> = {};
  page.window = page;
  runInNewContext(PRELOAD_STUB, page);
  return page as never;
}

describe('pre-load stub', () => {
  it('hands subscribers registered before the script loaded the whole history', () => {
    const page = pageWithStub();
    const seen: SaEvent[] = [];
    page.saEvents!.subscribe((event) => seen.push(event));
    const log = createReplayLog();
    installSaEvents(page, log);
    log.append(loaded);
    expect(seen).toEqual([loaded]);
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
