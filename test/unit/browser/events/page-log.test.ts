import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SaEvent } from '../../../../machines/chat.types';
import { connectToPageLog, pageLog } from '../../../../src/browser/events/page-log';
import { PRELOAD_STUB } from '../../../../src/browser/events/preload-stub';
import { createReplayLog, type SaEvents } from '../../../../src/browser/events/replay-log';

const loaded = (timestamp: number): SaEvent => ({ type: 'CHAT_LOADED', data: { chatInstanceName: 'help_faq_bot' }, timestamp });
const visible = (timestamp: number): SaEvent => ({ type: 'CHAT_VISIBLE', data: { chatInstanceName: 'help_faq_bot' }, timestamp });

interface Page {
  saEvents?: SaEvents & { q?: unknown[] };
}

function pageWithStub(): Page {
  const page: Record<string, unknown> = {};
  page.window = page;
  runInNewContext(PRELOAD_STUB, page);
  return page as Page;
}

describe('the page\'s saEvents log', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('takes over the stub and carries a runtime\'s entries, those before connecting included, to page subscribers', () => {
    const page = pageWithStub();
    const seen: SaEvent[] = [];
    page.saEvents!.subscribe((event) => seen.push(event));
    const runtime = createReplayLog();
    runtime.append(loaded(1));
    connectToPageLog(page, runtime);
    runtime.append(visible(2));
    expect(seen).toEqual([loaded(1), visible(2)]);
    expect(page.saEvents!.history()).toEqual([loaded(1), visible(2)]);
    expect(Object.keys(page.saEvents!).sort()).toEqual(['history', 'subscribe']);
  });

  it('appends a later runtime\'s entries after the earlier one\'s, to the same window.saEvents and its subscribers', () => {
    const page: Page = {};
    const first = createReplayLog();
    const disconnectFirst = connectToPageLog(page, first);
    const facade = page.saEvents;
    const seen: string[] = [];
    facade!.subscribe((event) => seen.push(`${event.type}@${event.timestamp}`));
    first.append(loaded(1));
    first.append(visible(2));
    disconnectFirst();
    first.append(visible(3)); // a destroyed runtime's stray entry does not reach the page

    const second = createReplayLog();
    second.append(loaded(10));
    connectToPageLog(page, second);
    second.append(visible(11));

    expect(page.saEvents).toBe(facade);
    expect(seen).toEqual(['CHAT_LOADED@1', 'CHAT_VISIBLE@2', 'CHAT_LOADED@10', 'CHAT_VISIBLE@11']);
    expect(page.saEvents!.history()).toEqual([loaded(1), visible(2), loaded(10), visible(11)]);
  });

  it('replaces a window.saEvents that is neither the stub nor a page log', () => {
    const page: { saEvents?: unknown } = { saEvents: { subscribe: () => () => {} } };
    const append = pageLog(page);
    append(loaded(1));
    expect((page.saEvents as SaEvents).history()).toEqual([loaded(1)]);
    expect(pageLog(page)).toBe(append);
  });
});
