import type { Browser, Page } from 'playwright-core';
import type { LauncherView } from '../../../src/browser/ui/launcher';

/**
 * The launcher test page (`/launcher` of the chat-panel test host): `mountLauncher` on a shadow root, with
 * English text; presses are counted in `window.activations`.
 */
export class LauncherPage {
  private constructor(readonly page: Page) {}

  static async open(browser: Browser, url: string, options: { reducedMotion?: boolean } = {}): Promise<LauncherPage> {
    const page = await browser.newPage({ reducedMotion: options.reducedMotion ? 'reduce' : 'no-preference' });
    await page.goto(url);
    await page.waitForFunction(() => 'launcher' in window);
    return new LauncherPage(page);
  }

  close(): Promise<void> {
    return this.page.context().close();
  }

  update(view: LauncherView): Promise<void> {
    return this.page.evaluate((v) => (window as unknown as { launcher: { update(v: LauncherView): void } }).launcher.update(v), view);
  }

  private get button() {
    return this.page.getByRole('button');
  }

  /** The button's accessible name, as a screen reader says it. */
  async accessibleName(): Promise<string> {
    const snapshot = await this.button.ariaSnapshot();
    return /button "(.*)"/.exec(snapshot)?.[1] ?? '';
  }

  /** The unread badge's text, or null when it is not drawn. */
  badge(): Promise<string | null> {
    return this.page.evaluate(() => {
      const badge = document.getElementById('launcher')!.shadowRoot!.querySelector('b');
      return badge?.checkVisibility() ? badge.textContent : null;
    });
  }

  /** The button's label as written (what `textContent` reads when there is no badge). */
  label(): Promise<string> {
    return this.page.evaluate(() => document.getElementById('launcher')!.shadowRoot!.querySelector('button span')!.textContent ?? '');
  }

  /** Computed `filter` of the button at rest, hovered and pressed (the visible states), and its `transition`. */
  async states(): Promise<{ rest: string; hover: string; pressed: string; transition: string }> {
    // Read once any transition has run its course: mid-way, a filter reads as in-between values.
    const style = () =>
      this.page.evaluate(async () => {
        const root = document.getElementById('launcher')!.shadowRoot!;
        await Promise.all(root.getAnimations().map((animation) => animation.finished));
        const style = getComputedStyle(document.getElementById('launcher')!.shadowRoot!.querySelector('button')!);
        return { filter: style.filter, transition: style.transitionProperty + ' ' + style.transitionDuration };
      });
    await this.page.mouse.move(0, 0);
    const rest = await style();
    await this.button.hover();
    const hover = await style();
    await this.page.mouse.down();
    const pressed = await style();
    await this.page.mouse.up();
    return { rest: rest.filter, hover: hover.filter, pressed: pressed.filter, transition: rest.transition };
  }

  /** Clicks the button even when it looks refused (aria-disabled): a customer can still click it. */
  async press(): Promise<void> {
    await this.button.click({ force: true });
  }

  activations(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as { activations: number }).activations);
  }
}
