import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SitePage } from './models/site-page';
import { launchChromium } from './support/browser';
import { serveBundle, type TestServer } from './support/static-server';

const config = { name: 'help_faq_bot', region: 'ap-southeast-2' };

/**
 * A GTM-like container: when it loads it takes the data layer as it finds it (`dataLayer || []`, as GTM's
 * snippet does), reads what is already there, then handles each later push.
 */
const TAG_MANAGER = `window.tagManagerSeen = [];
window.loadTagManager = function () {
  var layer = window.dataLayer = window.dataLayer || [];
  layer.forEach(function (entry) { window.tagManagerSeen.push(entry); });
  var push = layer.push;
  layer.push = function (entry) { window.tagManagerSeen.push(entry); return push.apply(layer, arguments); };
};`;

function sitePage({ attribute, instance = config, head = '' }: { attribute?: string; instance?: object; head?: string }): string {
  const analytics = attribute === undefined ? '' : ` data-analytics="${attribute}"`;
  return `<!doctype html><html lang="en"><head><title>Shop</title>${head}
<script src="/dist/webchat.js" data-instance="help_faq_bot" data-config='${JSON.stringify(instance)}'${analytics} async></script>
<script>${TAG_MANAGER}</script></head><body><h1>Shop</h1></body></html>`;
}

describe('analytics bridges in Chromium (built bundle)', () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    browser = await launchChromium();
    server = await serveBundle({
      '/late-gtm': { body: sitePage({ attribute: 'datalayer' }) },
      '/both': {
        body: sitePage({
          attribute: 'datalayer',
          instance: { ...config, analytics: { gtag: true } },
          head: `<script>window.dataLayer = [{ event: 'gtm.js' }]; window.gtagCalls = [];
            window.gtag = function () { window.gtagCalls.push([].slice.call(arguments)); };</script>`,
        }),
      },
      '/off': { body: sitePage({}) },
    });
  });
  afterAll(async () => {
    await server?.close();
    await browser?.close();
  });

  const openPage = (path: string) => SitePage.visible(browser, `${server.url}${path}`);

  it('gives a tag manager that loads late (data-analytics="datalayer") every entry since page load', async () => {
    const site = await openPage('/late-gtm');
    await site.loadTagManager();
    const { tagManager } = await site.recordedTags();
    const history = await site.history();
    expect(tagManager).toEqual([
      { event: 'webchat', webchatEvent: 'CHAT_LOADED', chatInstanceName: 'help_faq_bot', webchatTimestamp: history[0]!.timestamp },
      { event: 'webchat', webchatEvent: 'CHAT_VISIBLE', chatInstanceName: 'help_faq_bot', webchatTimestamp: history[1]!.timestamp },
    ]);
    expect(site.pageErrors).toEqual([]);
    await site.page.close();
  });

  it('adds to the page’s own dataLayer and calls gtag when the config asks for it too', async () => {
    const site = await openPage('/both');
    const layer = await site.page.evaluate(() => (window as unknown as { dataLayer: Array<Record<string, unknown>> }).dataLayer);
    expect(layer.map((entry) => entry.webchatEvent ?? entry.event)).toEqual(['gtm.js', 'CHAT_LOADED', 'CHAT_VISIBLE']);
    const { gtag } = await site.recordedTags();
    expect(gtag).toEqual([
      ['event', 'webchat_chat_loaded', { chatInstanceName: 'help_faq_bot' }],
      ['event', 'webchat_chat_visible', { chatInstanceName: 'help_faq_bot' }],
    ]);
    await site.page.close();
  });

  it('touches no tag manager unless asked', async () => {
    const site = await openPage('/off');
    expect(await site.page.evaluate(() => 'dataLayer' in window)).toBe(false);
    await site.page.close();
  });
});
