import { describe, expect, it, vi } from 'vitest';
import type { SaEvent } from '../../../../machines/chat.types';
import type { AnalyticsTarget } from '../../../../src/browser/analytics/analytics.types';
import { bridgeToGtag, gtagEventName } from '../../../../src/browser/analytics/gtag';
import { createReplayLog } from '../../../../src/browser/events/replay-log';

const loaded: SaEvent = { type: 'CHAT_LOADED', data: { chatInstanceName: 'help_faq_bot' }, timestamp: 1 };
const visible: SaEvent = { type: 'CHAT_VISIBLE', data: { chatInstanceName: 'help_faq_bot' }, timestamp: 2 };
const started: SaEvent = { type: 'CONTACT_STARTED', data: { contactId: 'c-1' }, timestamp: 3 };

describe('the gtag bridge', () => {
  it('names GA4 events webchat_<type in lower case>, within GA4’s 40 characters', () => {
    expect(gtagEventName('CONTACT_STARTED')).toBe('webchat_contact_started');
    for (const type of ['CHAT_LOADED', 'CHAT_VISIBLE', 'CONTACT_STARTED', 'TRANSFER_TO_QUEUE', 'CONNECT_TO_AGENT', 'CONTACT_ENDED'] as const) {
      expect(gtagEventName(type)).toMatch(/^[a-z][a-z0-9_]{0,39}$/);
    }
  });

  it('sends the history, then each live entry, with the entry’s data as parameters', () => {
    const log = createReplayLog();
    log.append(loaded);
    const gtag = vi.fn();
    bridgeToGtag(log, { gtag });
    log.append(started);
    expect(gtag.mock.calls).toEqual([
      ['event', 'webchat_chat_loaded', { chatInstanceName: 'help_faq_bot' }],
      ['event', 'webchat_contact_started', { contactId: 'c-1' }],
    ]);
  });

  it('hands gtag a copy of the data it may change, never the frozen entry', () => {
    const log = createReplayLog();
    const gtag = vi.fn((_command: string, _name: string, parameters: Record<string, unknown>) => {
      parameters.send_to = 'G-TEST';
    });
    bridgeToGtag(log, { gtag });
    expect(() => log.append(loaded)).not.toThrow();
    expect(log.history()[0]!.data).toEqual({ chatInstanceName: 'help_faq_bot' });
  });

  it('keeps entries until a late gtag appears, then sends them in order with the next one', () => {
    const log = createReplayLog();
    const win: AnalyticsTarget = {};
    bridgeToGtag(log, win);
    log.append(loaded);
    log.append(visible);
    const gtag = vi.fn();
    win.gtag = gtag;
    log.append(started);
    expect(gtag.mock.calls.map((call) => call[1])).toEqual(['webchat_chat_loaded', 'webchat_chat_visible', 'webchat_contact_started']);
    log.append(started);
    expect(gtag).toHaveBeenCalledTimes(4);
  });

  it('ignores a gtag that is not a function', () => {
    const log = createReplayLog();
    const win: AnalyticsTarget = { gtag: 'not yet' };
    bridgeToGtag(log, win);
    expect(() => log.append(loaded)).not.toThrow();
  });
});
