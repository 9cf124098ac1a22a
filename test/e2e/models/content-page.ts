import type { Browser } from 'playwright-core';
import type { TranscriptItem } from '../../../src/browser/connect/transcript-item';
import type { PanelMessage, PanelView } from '../../../src/browser/ui/chat-panel';
import { PanelPage } from './panel-page';

export interface ShownLink {
  text: string;
  href: string;
  target: string | null;
  rel: string | null;
}

/**
 * The panel test page with rich content: Amazon Connect items go through the real item → message mapping
 * (`window.toPanelMessage`) before the panel draws them. Everything the content spec knows of the DOM is here.
 */
export class ContentPage {
  private constructor(readonly panel: PanelPage) {}

  static async open(browser: Browser, url: string): Promise<ContentPage> {
    return new ContentPage(await PanelPage.open(browser, url));
  }

  private get page() {
    return this.panel.page;
  }

  /** Maps `items` as the runtime would and shows them; `answered` marks messages (by item id) as answered. */
  async showItems(items: TranscriptItem[], view: Partial<PanelView> = {}, answered: string[] = []): Promise<PanelMessage[]> {
    return this.page.evaluate(
      async ({ items, view, answered }) => {
        const messages = items
          .map((item) => window.toPanelMessage(item, { customerParticipantId: 'me', queueMarker: '[queued]', text: window.DEFAULT_UI_TEXT }))
          .filter((m): m is PanelMessage => m !== undefined)
          .map((m) => (answered.includes(m.id) ? { ...m, answered: true } : m));
        window.panel.update({ status: 'agent', agentName: 'Alex', agentTyping: false, maxMessageLength: 1024, text: window.DEFAULT_UI_TEXT, ...view, messages });
        await new Promise((resolve) => requestAnimationFrame(resolve));
        return messages;
      },
      { items, view, answered },
    );
  }

  /** `pick` calls made so far: `[messageId, reply]`. */
  async picks(): Promise<unknown[][]> {
    return (await this.panel.calls()).filter(([name]) => name === 'pick').map(([, ...args]) => args);
  }

  /** Attachment ids the panel asked to open. */
  async opened(): Promise<unknown[]> {
    return (await this.panel.calls()).filter(([name]) => name === 'openAttachment').map(([, id]) => id);
  }

  /** Focuses a control by its role and accessible name, then presses `key`: the card worked by keyboard. */
  async pressOn(role: 'button' | 'radio' | 'link', name: string, key = 'Enter'): Promise<void> {
    await this.page.getByRole(role, { name, exact: true }).focus();
    await this.page.keyboard.press(key);
  }

  press(key: string): Promise<void> {
    return this.page.keyboard.press(key);
  }

  /** Whether a control with this role and name is shown and enabled (undefined: not there at all). */
  async control(role: 'button' | 'radio' | 'link' | 'region' | 'group', name: string): Promise<{ visible: boolean; enabled: boolean } | undefined> {
    const locator = this.page.getByRole(role, { name, exact: true });
    if ((await locator.count()) === 0) return undefined;
    return { visible: await locator.first().isVisible(), enabled: await locator.first().isEnabled() };
  }

  /** The accessible name of what has focus. */
  focusedName(): Promise<string> {
    return this.panel.focusedName();
  }

  /** Each bubble's element tags (in document order, no duplicates) and its text, by message index. */
  bubbles(): Promise<{ tags: string[]; text: string }[]> {
    return this.page.locator('#chat').evaluate((host) =>
      [...host.shadowRoot!.querySelectorAll('li[data-role] .bubble')].map((bubble) => ({
        tags: [...new Set([...bubble.querySelectorAll('*')].map((el) => el.localName))],
        text: bubble.textContent ?? '',
      })),
    );
  }

  /** Every link in the conversation, with what it opens and how. */
  links(): Promise<ShownLink[]> {
    return this.page.locator('#chat').evaluate((host) =>
      [...host.shadowRoot!.querySelectorAll<HTMLAnchorElement>('.list a')].map((a) => ({
        text: a.textContent ?? '', href: a.getAttribute('href') ?? '', target: a.getAttribute('target'), rel: a.getAttribute('rel') })),
    );
  }

  /** Pictures in the conversation: their source and alternative text. */
  images(): Promise<{ src: string; alt: string | null }[]> {
    return this.page.locator('#chat').evaluate((host) =>
      [...host.shadowRoot!.querySelectorAll('.list img')].map((img) => ({ src: img.getAttribute('src') ?? '', alt: img.getAttribute('alt') })));
  }

  /** Day headings of the time picker, in order. */
  dayGroups(): Promise<string[]> {
    return this.page.locator('#chat').evaluate((host) => [...host.shadowRoot!.querySelectorAll('fieldset legend')].map((l) => l.textContent ?? ''));
  }

  /** Upload progress bars shown: their values. */
  progressValues(): Promise<number[]> {
    return this.page.locator('#chat').evaluate((host) => [...host.shadowRoot!.querySelectorAll('progress')].map((p) => p.value));
  }

  /** True when the conversation is wider than the panel (something unbroken pushed it out). */
  overflowsSideways(): Promise<boolean> {
    return this.page.locator('#chat').evaluate((host) => {
      const list = host.shadowRoot!.querySelector('.list')!;
      return list.scrollWidth > list.clientWidth + 1;
    });
  }
}

declare global {
  interface Window {
    toPanelMessage(item: TranscriptItem, options: { customerParticipantId: string; queueMarker: string; text: PanelView['text'] }): PanelMessage | undefined;
    DEFAULT_UI_TEXT: PanelView['text'];
  }
}
