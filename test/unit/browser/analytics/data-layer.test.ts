import { describe, expect, it, vi } from 'vitest';
import type { SaEvent } from '../../../../machines/chat.types';
import { bridgeToDataLayer, toDataLayerEntry } from '../../../../src/browser/analytics/data-layer';
import type { AnalyticsTarget } from '../../../../src/browser/analytics/analytics.types';
import { createReplayLog } from '../../../../src/browser/events/replay-log';

const loaded: SaEvent = { type: 'CHAT_LOADED', data: { chatInstanceName: 'help_faq_bot' }, timestamp: 1 };
const visible: SaEvent = { type: 'CHAT_VISIBLE', data: { chatInstanceName: 'help_faq_bot' }, timestamp: 2 };
const queued: SaEvent = { type: 'TRANSFER_TO_QUEUE', data: { contactId: 'c-1', inferred: true }, timestamp: 3 };

describe('the dataLayer bridge', () => {
  it('shapes an entry as a GTM custom event with the data as variables', () => {
    expect(toDataLayerEntry(queued)).toEqual({
      event: 'webchat',
      webchatEvent: 'TRANSFER_TO_QUEUE',
      contactId: 'c-1',
      inferred: true,
      webchatTimestamp: 3,
    });
  });

  it('creates window.dataLayer when absent and pushes the history, then each live entry', () => {
    const log = createReplayLog();
    log.append(loaded);
    log.append(visible);
    const win: AnalyticsTarget = {};
    bridgeToDataLayer(log, win);
    log.append(queued);
    expect((win.dataLayer as Array<{ webchatEvent: string }>).map((entry) => entry.webchatEvent)).toEqual([
      'CHAT_LOADED',
      'CHAT_VISIBLE',
      'TRANSFER_TO_QUEUE',
    ]);
  });

  it('appends to the page’s own dataLayer, keeping what the page pushed', () => {
    const log = createReplayLog();
    const win: AnalyticsTarget = { dataLayer: [{ event: 'gtm.js' }] };
    bridgeToDataLayer(log, win);
    log.append(loaded);
    expect(win.dataLayer).toEqual([{ event: 'gtm.js' }, toDataLayerEntry(loaded)]);
  });

  it('uses the push GTM installs once it has loaded', () => {
    const log = createReplayLog();
    const win: AnalyticsTarget = { dataLayer: [] };
    bridgeToDataLayer(log, win);
    log.append(loaded);
    const gtmPush = vi.fn();
    win.dataLayer = Object.assign(win.dataLayer as unknown[], { push: gtmPush });
    log.append(visible);
    expect(gtmPush).toHaveBeenCalledWith(toDataLayerEntry(visible));
    expect(win.dataLayer).toHaveLength(1);
  });

  it('reports a dataLayer without push on the console and leaves it alone', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const log = createReplayLog();
    const win: AnalyticsTarget = { dataLayer: { not: 'an array' } };
    bridgeToDataLayer(log, win);
    log.append(loaded);
    expect(win.dataLayer).toEqual({ not: 'an array' });
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/^\[connect-webchat\] window\.dataLayer is not an array/));
    error.mockRestore();
  });

  it('stops pushing after unsubscribe', () => {
    const log = createReplayLog();
    const win: AnalyticsTarget = {};
    const stop = bridgeToDataLayer(log, win);
    log.append(loaded);
    stop();
    log.append(visible);
    expect(win.dataLayer).toHaveLength(1);
  });
});
