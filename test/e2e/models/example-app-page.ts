import type { SaEventType } from '../../../machines/chat.types';
import { ChatPage } from './chat-page';

/**
 * An example app (`examples/spa`, `examples/react`) that embeds the chat from code: no `window.saEvents`,
 * so what the runtime emitted is read from the app's own saEvents list (`<ol aria-label="saEvents">`, each
 * entry's type in `<strong>`). Specs talk to this model, never to raw selectors.
 */
export class ExampleAppPage extends ChatPage {
  /** The entry types the app listed, in order. */
  loggedTypes(): Promise<SaEventType[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('ol[aria-label="saEvents"] li strong')].map((node) => node.textContent as SaEventType),
    );
  }

  async waitForLogged(type: SaEventType, count = 1, timeout = 15_000): Promise<void> {
    await this.page.waitForFunction(
      ([wanted, times]) =>
        [...document.querySelectorAll('ol[aria-label="saEvents"] li strong')].filter((node) => node.textContent === wanted).length >= times,
      [type, count] as const,
      { timeout },
    );
  }

  /** The ContactId in the app's CONTACT_STARTED entry. */
  async loggedContactId(): Promise<string> {
    await this.waitForLogged('CONTACT_STARTED');
    return this.page.evaluate(() => {
      const entry = [...document.querySelectorAll('ol[aria-label="saEvents"] li')].find((node) => node.querySelector('strong')?.textContent === 'CONTACT_STARTED');
      return (entry?.textContent ?? '').split(/\s+/).filter(Boolean).at(-1) ?? '';
    });
  }

  /** Follows one of the app's navigation links (a client-side route change: no page load); its page is titled like the link. */
  async followRoute(name: string): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
  }

  heading(): Promise<string> {
    return this.page.getByRole('heading', { level: 1 }).innerText();
  }

  /** The start-chat button is offered (the display rules allow it here). */
  launcherShown(): Promise<boolean> {
    return this.launcherButton().isVisible();
  }

  /** Marks this document, so a spec can tell a client-side route change from a page load. */
  async markDocument(): Promise<void> {
    await this.page.evaluate(() => ((window as unknown as { documentMark: number }).documentMark = 1));
  }

  sameDocument(): Promise<boolean> {
    return this.page.evaluate(() => (window as unknown as { documentMark?: number }).documentMark === 1);
  }
}
