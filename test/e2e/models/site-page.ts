import type { Browser, BrowserContext } from 'playwright-core';
import { ChatPage } from './chat-page';

/** What the page's tag manager received, as the test page records it. */
export interface RecordedTags {
  /** Entries a GTM-like container read from `window.dataLayer` (history when it loaded, then each push). */
  tagManager: Array<Record<string, unknown>>;
  /** Every `gtag(...)` call, as an argument list. */
  gtag: unknown[][];
}

/** Where a host element sits and what the runtime put on it. */
export interface HostBox {
  side: 'left' | 'right';
  lang: string;
  dir: string;
  /** The host element's computed `direction`, inherited from the page unless the runtime set `dir`. */
  direction: string;
}

type Part = 'launcher' | 'panel' | 'notice';
type Box = { x: number; y: number; width: number; height: number };

/**
 * A site page embedding the script, seen from the site's side: its tag manager, its language and direction,
 * and where the widget sits. Specs talk to this model, never to raw selectors.
 */
export class SitePage extends ChatPage {
  /** Opens `url` in a new page of `browser` and waits until the start-chat button is shown. */
  static async visible(browser: Browser, url: string): Promise<SitePage> {
    const site = new SitePage(await browser.newPage());
    await site.open(url);
    await site.waitForEvent('CHAT_VISIBLE');
    return site;
  }

  /**
   * Opens `url` in a new page of `context` with `snippet` run first, before any of the page's own scripts:
   * the site's code that subscribes and queues commands before the async script has loaded.
   */
  static async withCodeBefore(context: BrowserContext, url: string, snippet: string): Promise<SitePage> {
    await context.addInitScript(snippet);
    const site = new SitePage(await context.newPage());
    await site.open(url);
    return site;
  }

  /** Console errors the runtime reported (its `[connect-webchat]` prefix). */
  reports(): string[] {
    return this.consoleErrors.filter((text) => text.startsWith('[connect-webchat]'));
  }

  /** `window.saWebchat.loaded`: whether a runtime is in charge of the page. */
  webchatLoaded(): Promise<boolean | undefined> {
    return this.page.evaluate(() => (window as unknown as { saWebchat?: { loaded?: boolean } }).saWebchat?.loaded);
  }

  /** Waits until the runtime has reported a console error containing `text`. */
  async waitForReport(text: string, timeout = 5000): Promise<void> {
    if (this.reports().some((report) => report.includes(text))) return;
    await this.page.waitForEvent('console', { predicate: (message) => message.type() === 'error' && message.text().includes(text), timeout });
  }

  /** `saWebchat.push(command)`, as the site's code does. */
  async pushCommand(command: unknown[]): Promise<void> {
    await this.page.evaluate((given) => (window as unknown as { saWebchat: { push(command: unknown[]): void } }).saWebchat.push(given), command);
  }

  /** `saWebchat.destroy()`, as a single-page app does when it leaves the chat behind. */
  async destroyWebchat(): Promise<void> {
    await this.page.evaluate(() => (window as unknown as { saWebchat: { destroy(): void } }).saWebchat.destroy());
  }

  /** Adds the page's webchat script tag once more (same `src` and `data-*`), as an app re-embedding the chat. */
  async addScriptAgain(): Promise<void> {
    await this.page.evaluate(() => {
      const original = document.querySelector<HTMLScriptElement>('script[data-instance][src*="webchat"]')!;
      const again = document.createElement('script');
      for (const { name, value } of original.attributes) again.setAttribute(name, value);
      document.head.append(again);
    });
  }

  /** How many start-chat buttons (launcher hosts) the page holds. */
  launcherCount(): Promise<number> {
    return this.page.locator('[data-connect-webchat="launcher"]').count();
  }

  /** The launcher's button, by its (translated) label. */
  launcherNamed(label: string) {
    return this.page.getByRole('button', { name: label, exact: true });
  }

  /** Presses the launcher, whatever its label says. */
  async pressLauncher(): Promise<void> {
    await this.page.locator('[data-connect-webchat="launcher"]').locator('button').click();
  }

  async launcherLabel(): Promise<string> {
    await this.page.waitForFunction(() => document.querySelector('[data-connect-webchat="launcher"]')?.shadowRoot?.querySelector('button')?.checkVisibility());
    return this.page.evaluate(() => document.querySelector('[data-connect-webchat="launcher"]')!.shadowRoot!.querySelector('button')!.textContent ?? '');
  }

  /** Which half of the viewport a visible host element is in, and its `lang`/`dir`. */
  async host(part: Part): Promise<HostBox> {
    await this.page.waitForFunction(
      (name) => {
        const element = document.querySelector(`[data-connect-webchat="${name}"]`);
        return !!element && !(element as HTMLElement).hidden && element.getBoundingClientRect().width > 0;
      },
      part,
    );
    return this.page.evaluate((name) => {
      const element = document.querySelector<HTMLElement>(`[data-connect-webchat="${name}"]`)!;
      const box = element.getBoundingClientRect();
      return {
        side: box.left + box.width / 2 < innerWidth / 2 ? ('left' as const) : ('right' as const),
        lang: element.lang,
        dir: element.dir,
        direction: getComputedStyle(element).direction,
      };
    }, part);
  }

  /** The panel host's box, its header's and its background colour, in CSS pixels of the viewport. */
  panelLayout(): Promise<{ host: Box; header: Box; background: string; viewport: { width: number; height: number } }> {
    return this.page.evaluate(() => {
      const host = document.querySelector('[data-connect-webchat="panel"]')!;
      const box = (el: Element) => {
        const { x, y, width, height } = el.getBoundingClientRect();
        return { x, y, width, height };
      };
      return {
        host: box(host),
        header: box(host.shadowRoot!.querySelector('header')!),
        background: getComputedStyle(host.shadowRoot!.querySelector('.panel')!).backgroundColor,
        viewport: { width: innerWidth, height: innerHeight },
      };
    });
  }

  /** The computed value of a CSS property on the primary button inside a host's shadow root. */
  buttonStyle(part: Part, property: string): Promise<string> {
    return this.page.evaluate(
      ([name, css]) => {
        const root = document.querySelector(`[data-connect-webchat="${name}"]`)!.shadowRoot!;
        const button = root.querySelector('button.primary, .launcher button')!;
        return getComputedStyle(button).getPropertyValue(css!);
      },
      [part, property] as const,
    );
  }

  /** Loads the page's GTM-like container now (the page defines `loadTagManager()`), as a late tag would. */
  async loadTagManager(): Promise<void> {
    await this.page.evaluate(() => (window as unknown as { loadTagManager(): void }).loadTagManager());
  }

  recordedTags(): Promise<RecordedTags> {
    return this.page.evaluate(() => {
      const w = window as unknown as { tagManagerSeen?: RecordedTags['tagManager']; gtagCalls?: unknown[][] };
      return { tagManager: w.tagManagerSeen ?? [], gtag: w.gtagCalls ?? [] };
    });
  }

  /** `securitypolicyviolation` events the page recorded (the page must install the watcher). */
  cspViolations(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);
  }
}
