import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SitePage } from './models/site-page';
import { launchChromium } from './support/browser';
import { serveBundle, type TestServer } from './support/static-server';

const config = { name: 'help_faq_bot', region: 'ap-southeast-2' };
/** Inline scripts and inline styles refused: the theme must arrive through CSSOM only. */
const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'";
const CSP_WATCH = `window.cspViolations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline'));
});`;

function sitePage({ html = 'lang="en"', instance = config as object, head = '' } = {}): string {
  return `<!doctype html><html ${html}><head><meta charset="utf-8"><title>Shop</title>${head}
<script src="/dist/webchat.js" data-instance="help_faq_bot" data-config='${JSON.stringify(instance)}' async></script>
</head><body><h1>Shop</h1></body></html>`;
}

const brand = {
  ...config,
  theme: { accent: 'rgb(122, 31, 162)', accentText: '#ffffff', radius: '4px', font: 'Georgia, serif', position: 'bottom-left' },
  preChat: { fields: [{ name: 'displayName', label: 'Your name' }] },
};

describe('theming and languages in Chromium (built bundle)', () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    browser = await launchChromium();
    server = await serveBundle({
      '/en': { body: sitePage() },
      '/es': { body: sitePage({ html: 'lang="es"' }) },
      '/es-forced-en': { body: sitePage({ html: 'lang="es"', instance: { ...config, lang: 'en' } }) },
      '/rtl-page': { body: sitePage({ html: 'lang="ar" dir="rtl"' }) },
      '/hebrew': {
        body: sitePage({ html: 'lang="he"', instance: { ...config, locales: { he: { startChat: 'התחלת צ׳אט' } } } }),
      },
      '/brand': { body: sitePage({ instance: brand, head: '<script src="/csp-watch.js"></script>' }), headers: { 'content-security-policy': STRICT_CSP } },
      '/csp-watch.js': { body: CSP_WATCH, headers: { 'content-type': 'text/javascript' } },
    });
  });
  afterAll(async () => {
    await server?.close();
    await browser?.close();
  });

  const openPage = (path: string) => SitePage.visible(browser, `${server.url}${path}`);

  it('speaks English on an English page, on the right', async () => {
    const site = await openPage('/en');
    expect(await site.launcherLabel()).toBe('Start chat');
    expect(await site.host('launcher')).toEqual({ side: 'right', lang: 'en', dir: '', direction: 'ltr' });
    await site.page.close();
  });

  it('speaks Spanish on a page with <html lang="es">', async () => {
    const site = await openPage('/es');
    await expect(site.launcherNamed('Iniciar chat').isVisible()).resolves.toBe(true);
    expect((await site.host('launcher')).lang).toBe('es');
    await site.page.close();
  });

  it('lets the instance config’s lang win over the page', async () => {
    const site = await openPage('/es-forced-en');
    expect(await site.launcherLabel()).toBe('Start chat');
    await site.page.close();
  });

  it('mirrors the launcher to the left on a dir="rtl" page', async () => {
    const site = await openPage('/rtl-page');
    expect(await site.host('launcher')).toMatchObject({ side: 'left', direction: 'rtl' });
    await site.page.close();
  });

  it('sets dir="rtl" itself for a right-to-left language from the instance’s locales', async () => {
    const site = await openPage('/hebrew');
    expect(await site.launcherLabel()).toBe('התחלת צ׳אט');
    expect(await site.host('launcher')).toEqual({ side: 'left', lang: 'he', dir: 'rtl', direction: 'rtl' });
    await site.page.close();
  });

  it('applies the theme to the launcher and the panel under a strict CSP, in the chosen corner', async () => {
    const site = await openPage('/brand');
    expect((await site.host('launcher')).side).toBe('left');
    expect(await site.buttonStyle('launcher', 'background-color')).toBe('rgb(122, 31, 162)');
    expect(await site.buttonStyle('launcher', 'border-radius')).toBe('4px');
    expect(await site.buttonStyle('launcher', 'font-family')).toBe('Georgia, serif');
    await site.pressLauncher(); // the pre-chat form opens in the panel's host element
    expect((await site.host('panel')).side).toBe('left');
    expect(await site.buttonStyle('panel', 'background-color')).toBe('rgb(122, 31, 162)');
    expect(await site.cspViolations()).toEqual([]);
    expect(site.pageErrors).toEqual([]);
    await site.page.close();
  });

  it.each([
    ['portrait', { width: 390, height: 844 }],
    ['landscape', { width: 844, height: 390 }],
  ])('fills a phone screen held %s, header in view, whatever corner the theme chose', async (_, viewport) => {
    const site = await openPage('/brand');
    await site.page.setViewportSize(viewport);
    await site.pressLauncher();
    await site.host('panel');
    const layout = await site.panelLayout();
    expect(layout.host).toEqual({ x: 0, y: 0, ...viewport });
    expect(layout.header.y).toBeGreaterThanOrEqual(0);
    expect(layout.header.y + layout.header.height).toBeLessThan(viewport.height / 2);
    await site.page.close();
  });

  it('floats on a desktop screen, short windows included, without clipping the header', async () => {
    const site = await openPage('/brand');
    await site.page.setViewportSize({ width: 1280, height: 560 });
    await site.pressLauncher();
    await site.host('panel');
    const layout = await site.panelLayout();
    expect(layout.host.width).toBe(380);
    expect(layout.header.y).toBeGreaterThanOrEqual(0);
    await site.page.close();
  });

  it('turns dark with the visitor’s colour scheme when the theme sets no colours of its own', async () => {
    const site = await openPage('/brand');
    await site.page.emulateMedia({ colorScheme: 'dark' });
    await site.pressLauncher();
    await site.host('panel');
    expect((await site.panelLayout()).background).toBe('rgb(27, 30, 35)');
    await site.page.close();
  });
});
