import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRELOAD_STUB } from '../../src/browser/events/preload-stub';
import { ChatPage } from './models/chat-page';
import { SitePage } from './models/site-page';
import { launchChromium } from './support/browser';
import { useStack } from './support/stack';
import { serveBundle, type TestServer } from './support/static-server';

const config = {
  name: 'help_faq_bot',
  region: 'ap-southeast-2',
  rules: { urls: { exclude: ['/checkout', '/checkout/**'] } },
};

/** A page embedding the built script the way the README tells site owners to. */
function sitePage({ stub = true, twice = false, configJson = JSON.stringify(config) } = {}): string {
  const tag = `<script src="/dist/webchat.js" data-instance="help_faq_bot" data-config='${configJson}' async onload="this.dataset.ran = 'yes'"></script>`;
  return `<!doctype html><html lang="en"><head><title>Shop</title>
${stub ? `<script>${PRELOAD_STUB}</script>` : ''}
${tag}${twice ? tag : ''}
<script>
  window.seen = [];
  window.saEvents && window.saEvents.subscribe(function (event) { window.seen.push(event); });
</script></head><body><h1>Shop</h1></body></html>`;
}

describe('the built dist/webchat.js in Chromium', () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    browser = await launchChromium();
    server = await serveBundle({
      '/': { body: sitePage() },
      '/checkout': { body: sitePage() },
      '/twice': { body: sitePage({ twice: true }) },
      '/bad-config': { body: sitePage({ configJson: JSON.stringify({ ...config, region: 42, colour: 'red' }) }) },
      '/late': { body: sitePage({ stub: false }) },
      '/blank': { body: '<!doctype html><title>blank</title><script>window.seen = [];</script>' },
    });
  });
  afterAll(async () => {
    await server?.close();
    await browser?.close();
  });

  async function openPage(path: string): Promise<ChatPage> {
    const chat = new ChatPage(await browser.newPage());
    await chat.open(`${server.url}${path}`);
    return chat;
  }

  it('announces CHAT_LOADED and CHAT_VISIBLE to a subscriber registered before the script loaded', async () => {
    const before = Date.now();
    const chat = await openPage('/');
    await chat.waitForEvent('CHAT_VISIBLE');
    const seen = await chat.seenBySubscriber();
    expect(seen.map((event) => event.type)).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE']);
    expect(seen[0]).toEqual({ type: 'CHAT_LOADED', data: { chatInstanceName: 'help_faq_bot' }, timestamp: expect.any(Number) });
    expect(seen[0]!.timestamp).toBeGreaterThanOrEqual(before);
    expect(seen[1]!.timestamp).toBeGreaterThanOrEqual(seen[0]!.timestamp);
    await expect(chat.launcherButton().isVisible()).resolves.toBe(true);
    expect(chat.pageErrors).toEqual([]);
    await chat.page.close();
  });

  it('replays the whole history, with the original timestamps, to a subscriber that comes late', async () => {
    const chat = await openPage('/late');
    await chat.waitForEvent('CHAT_VISIBLE');
    const replayed = await chat.page.evaluate(() => {
      const got: unknown[] = [];
      (window as unknown as { saEvents: { subscribe(fn: (e: unknown) => void): () => void } }).saEvents.subscribe((event) => got.push(event));
      return got;
    });
    expect(replayed).toEqual(await chat.history());
    expect(replayed).toHaveLength(2);
    await chat.page.close();
  });

  it('hides the start-chat button where the URL rules say no, and still announces CHAT_LOADED', async () => {
    const chat = await openPage('/checkout');
    await chat.waitForEvent('CHAT_LOADED');
    // The rules are checked in the same task that announces CHAT_LOADED: what it decided is already on the page.
    expect(await chat.types()).toEqual(['CHAT_LOADED']);
    await expect(chat.launcherButton().count()).resolves.toBe(0);
    // A page the rules allow shows it: the check above looked at a decision, not at a page still booting.
    await chat.page.evaluate(() => history.pushState({}, '', '/products'));
    await chat.waitForEvent('CHAT_VISIBLE');
    await expect(chat.launcherButton().count()).resolves.toBe(1);
    await chat.page.close();
  });

  it('shows the button after a single-page navigation to an allowed URL', async () => {
    const chat = await openPage('/checkout');
    await chat.waitForEvent('CHAT_LOADED');
    await chat.page.evaluate(() => history.pushState({}, '', '/products'));
    await chat.waitForEvent('CHAT_VISIBLE');
    await chat.page.evaluate(() => history.pushState({}, '', '/checkout/pay'));
    await chat.page.waitForFunction(() => !document.querySelector('[data-connect-webchat="launcher"]')?.shadowRoot?.querySelector('button')?.checkVisibility());
    expect(await chat.types()).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE']);
    await chat.page.close();
  });

  it('loads the conversation chunk when the visitor points at the launcher, not with the page', async () => {
    const page = await browser.newPage();
    const chunks: string[] = [];
    page.on('request', (request) => chunks.push(new URL(request.url()).pathname));
    const chat = new ChatPage(page);
    await chat.open(`${server.url}/`);
    await chat.waitForEvent('CHAT_VISIBLE');
    // The config chunk's request is the sentinel: the page's loading is over and it was seen.
    expect(chunks).toContain('/dist/webchat-config.js');
    expect(chunks).not.toContain('/dist/webchat-conversation.js');
    const requested = page.waitForRequest((request) => request.url().includes('/dist/webchat-conversation.js'), { timeout: 10_000 });
    await chat.launcherButton().hover();
    await requested;
    expect(await chat.history()).toHaveLength(2); // pointing at it starts nothing
    await page.close();
  });

  it('is harmless when the script is loaded twice', async () => {
    const chat = await openPage('/twice');
    await chat.waitForEvent('CHAT_VISIBLE');
    // The sentinel: both copies have run (a script's load event fires once it has).
    await chat.page.waitForFunction(() => document.querySelectorAll('script[data-ran="yes"]').length === 2);
    expect(await chat.types()).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE']);
    await expect(chat.page.locator('[data-connect-webchat="launcher"]').count()).resolves.toBe(1);
    expect(chat.pageErrors).toEqual([]);
    await chat.page.close();
  });

  it('reports an invalid config once, naming the bad fields, and throws nothing into the page', async () => {
    const chat = await openPage('/bad-config');
    await chat.page.waitForFunction(() => (window as unknown as { saWebchat?: { loaded?: boolean } }).saWebchat?.loaded === true);
    // The sentinel: the report itself, made once the configuration was refused.
    await expect.poll(() => chat.consoleErrors.some((text) => text.startsWith('[connect-webchat] Invalid chat configuration'))).toBe(true);
    expect(await chat.types()).toEqual([]);
    const errors = chat.consoleErrors.filter((text) => text.startsWith('[connect-webchat]'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('config.region');
    expect(errors[0]).toContain('config.colour: unknown field');
    expect(chat.pageErrors).toEqual([]);
    await chat.page.close();
  });

  it('adds no globals besides saEvents and saWebchat', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/late`);
    const chat = new ChatPage(page);
    await chat.waitForEvent('CHAT_VISIBLE');
    const before = await page.evaluate(() => Object.keys(window));
    // Compare with a page from the same origin without the script.
    const blank = await browser.newPage();
    await blank.goto(`${server.url}/blank`);
    const baseline = new Set(await blank.evaluate(() => Object.keys(window)));
    const added = before.filter((key) => !baseline.has(key));
    expect(added.sort()).toEqual(['saEvents', 'saWebchat']);
    await blank.close();
    await page.close();
  });
});

describe('window.saEvents on the demo site: bad stub entries, and a runtime booted again after destroy()', () => {
  const stack = useStack();

  /** The demo home page, with the site's own code (`snippet`) run before the stub tag and the async script. */
  async function openWithCodeBefore(snippet: string): Promise<SitePage> {
    return SitePage.withCodeBefore(await stack.newContext(), `${stack.server.url}/`, `${PRELOAD_STUB}\n${snippet}`);
  }

  it('skips each bad stub entry with one console report; good subscribers get the whole history and queued commands run', async () => {
    const site = await openWithCodeBefore(`
      window.seen = []; window.later = [];
      saEvents.subscribe(function (event) { seen.push(event); });
      saEvents.subscribe(undefined);
      saEvents.q.push(['bogus']);
      saEvents.subscribe(function (event) { later.push(event); });
      window.saWebchat = []; saWebchat.push(['open']);
    `);
    await site.waitForEvent('CONTACT_STARTED'); // the queued "open" ran
    const history = await site.history();
    expect(history.map((event) => event.type)).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE', 'CONTACT_STARTED']);
    expect(await site.seenBySubscriber('seen')).toEqual(history);
    expect(await site.seenBySubscriber('later')).toEqual(history);
    expect(await site.webchatLoaded()).toBe(true);
    const reports = site.reports();
    expect(reports).toHaveLength(2);
    expect(reports).toEqual([
      expect.stringMatching(/queued entry 1\) was skipped: saEvents\.subscribe expects a function, got undefined\.$/),
      expect.stringMatching(/queued entry 2\) was skipped: saEvents\.subscribe expects a function, got "bogus"\.$/),
    ]);
    expect(site.pageErrors).toEqual([]);
  });

  it('after destroy(), the script added again appends a new CHAT_LOADED to the same history, and an old subscriber receives it', async () => {
    const site = await openWithCodeBefore(`window.seen = []; saEvents.subscribe(function (event) { seen.push(event); });`);
    await site.waitForEvent('CHAT_VISIBLE');
    await site.destroyWebchat();
    expect(await site.webchatLoaded()).toBe(false);
    expect(await site.launcherCount()).toBe(0);
    await site.pushCommand(['open']); // to the destroyed runtime: reported, not run
    await site.waitForReport('this webchat was destroyed');

    await site.addScriptAgain();
    await site.waitForEvent('CHAT_VISIBLE', 2);
    const history = await site.history();
    expect(history.map((event) => event.type)).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE', 'CHAT_LOADED', 'CHAT_VISIBLE']);
    expect(history.map((event) => event.timestamp)).toEqual(history.map((event) => event.timestamp).sort((a, b) => a - b));
    expect(await site.seenBySubscriber('seen')).toEqual(history);
    expect(await site.webchatLoaded()).toBe(true);
    expect(await site.launcherCount()).toBe(1);
    expect(site.reports()).toEqual(['[connect-webchat] this webchat was destroyed: add the script again to start a new one']);
    expect(site.pageErrors).toEqual([]);
  });
});
