import { describe, expect, it, vi } from 'vitest';
import type { SaEvent } from '../../../../machines/chat.types';
import { parseAnalyticsAttribute, startAnalytics } from '../../../../src/browser/analytics/analytics';
import type { AnalyticsTarget } from '../../../../src/browser/analytics/analytics.types';
import { createReplayLog } from '../../../../src/browser/events/replay-log';

const loaded: SaEvent = { type: 'CHAT_LOADED', data: { chatInstanceName: 'help_faq_bot' }, timestamp: 1 };

describe('turning the analytics bridges on', () => {
  it('reads data-analytics lists separated by commas or spaces, in any case', () => {
    expect(parseAnalyticsAttribute('datalayer,gtag')).toEqual({ dataLayer: true, gtag: true });
    expect(parseAnalyticsAttribute(' dataLayer ')).toEqual({ dataLayer: true });
    expect(parseAnalyticsAttribute('GTAG  datalayer')).toEqual({ dataLayer: true, gtag: true });
    expect(parseAnalyticsAttribute('')).toEqual({});
  });

  it('reports an unknown bridge name and ignores it', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(parseAnalyticsAttribute('datalayer,ga4')).toEqual({ dataLayer: true });
    expect(error).toHaveBeenCalledWith('[connect-webchat] data-analytics: unknown bridge "ga4" (expected datalayer, gtag)');
    error.mockRestore();
  });

  it('bridges nothing unless the config or the page asks', () => {
    const log = createReplayLog();
    log.append(loaded);
    const win: AnalyticsTarget = { gtag: vi.fn() };
    startAnalytics(log, win, undefined, undefined);
    startAnalytics(log, win, { dataLayer: false }, '');
    expect(win.dataLayer).toBeUndefined();
    expect(win.gtag).not.toHaveBeenCalled();
  });

  it('turns a bridge on when either the instance config or the page asks for it', () => {
    const log = createReplayLog();
    log.append(loaded);
    const fromConfig: AnalyticsTarget = {};
    startAnalytics(log, fromConfig, { dataLayer: true });
    const fromAttribute: AnalyticsTarget = { gtag: vi.fn() };
    startAnalytics(log, fromAttribute, { dataLayer: false }, 'gtag');
    const fromOption: AnalyticsTarget = {};
    startAnalytics(log, fromOption, undefined, { dataLayer: true });
    expect(fromConfig.dataLayer).toHaveLength(1);
    expect(fromAttribute.dataLayer).toBeUndefined();
    expect(fromAttribute.gtag).toHaveBeenCalledWith('event', 'webchat_chat_loaded', { chatInstanceName: 'help_faq_bot' });
    expect(fromOption.dataLayer).toHaveLength(1);
  });

  it('stops every bridge it started', () => {
    const log = createReplayLog();
    const gtag = vi.fn();
    const win: AnalyticsTarget = { gtag };
    const stop = startAnalytics(log, win, { dataLayer: true, gtag: true });
    stop();
    log.append(loaded);
    expect(win.dataLayer).toBeUndefined();
    expect(gtag).not.toHaveBeenCalled();
  });
});
