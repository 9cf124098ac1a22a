import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_UI_TEXT } from '../../../src/browser/config/ui-text';
import type { PanelMessage, PanelView } from '../../../src/browser/ui/chat-panel';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** A view with sensible defaults: connected to agent Alex, English text, no messages. */
export function panelView(view: Partial<PanelView> = {}): PanelView {
  return { status: 'agent', agentName: 'Alex', agentTyping: false, messages: [], maxMessageLength: 1024, text: DEFAULT_UI_TEXT, ...view };
}

let counter = 0;
/** A message with a fresh id; names follow the role unless given. */
export function message(role: PanelMessage['role'], text: string, extra: Partial<PanelMessage> = {}): PanelMessage {
  const displayName = role === 'AGENT' ? 'Alex' : role === 'CUSTOMER' ? 'Sam' : 'System';
  return { id: `m${++counter}`, role, displayName, text, content: { kind: 'text', text }, at: 1_700_000_000_000 + counter, ...extra };
}

export interface ShownMessage {
  role: string;
  name: string;
  text: string;
}

/**
 * The host test page (`/` and friends): a shadow root on `#chat`, the panel mounted into it, every callback
 * recorded in `window.calls`. Everything the spec knows about the panel's DOM lives here.
 */
export class PanelPage {
  /** Browser dialogs (`alert`) seen since the page opened. */
  readonly dialogs: string[] = [];

  private constructor(readonly page: Page) {
    page.on('dialog', (dialog) => {
      this.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  }

  static async open(browser: Browser, url: string): Promise<PanelPage> {
    const page = await browser.newPage();
    const model = new PanelPage(page);
    await page.goto(url);
    await page.waitForFunction(() => 'panel' in window);
    return model;
  }

  /** Gives anything the page might have been tricked into running (an `onerror`, a timer) time to run. */
  settle(ms = 200): Promise<void> {
    return this.page.waitForTimeout(ms);
  }

  close(): Promise<void> {
    return this.page.context().close();
  }

  /** Updates the panel and waits a frame: the panel renders at most once a frame, so this shows `view`. */
  update(view: PanelView): Promise<void> {
    return this.page.evaluate(async (v) => {
      window.panel.update(v);
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }, view);
  }

  /**
   * Gives the panel `views` one after another within one task; answers how many messages were shown right
   * after the burst, and a frame later.
   */
  burst(views: PanelView[]): Promise<{ atOnce: number; nextFrame: number }> {
    return this.page.evaluate(async (all) => {
      const count = () => document.getElementById('chat')!.shadowRoot!.querySelectorAll('li[data-role]').length;
      for (const view of all) window.panel.update(view);
      const atOnce = count();
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return { atOnce, nextFrame: count() };
    }, views);
  }

  focusPanel(): Promise<void> {
    return this.page.evaluate(() => window.panel.focus());
  }

  destroy(): Promise<void> {
    return this.page.evaluate(() => window.panel.destroy());
  }

  /** Callbacks the panel made, in order: `['send', 'Hello']`, `['end']`, … */
  calls(): Promise<unknown[][]> {
    return this.page.evaluate(() => window.calls);
  }

  private get textbox() {
    return this.page.getByRole('textbox', { name: 'Message' });
  }

  /** Types into the Message box, continuing where its caret is. */
  async type(text: string): Promise<void> {
    await this.textbox.focus();
    await this.page.keyboard.type(text);
  }

  pressEnter(): Promise<void> {
    return this.page.keyboard.press('Enter');
  }

  pressShiftEnter(): Promise<void> {
    return this.page.keyboard.press('Shift+Enter');
  }

  press(key: string): Promise<void> {
    return this.page.keyboard.press(key);
  }

  textboxValue(): Promise<string> {
    return this.textbox.inputValue();
  }

  textboxShown(): Promise<boolean> {
    return this.textbox.isVisible();
  }

  click(buttonName: string): Promise<void> {
    return this.page.getByRole('button', { name: buttonName, exact: true }).click();
  }

  buttonShown(name: string): Promise<boolean> {
    return this.page.getByRole('button', { name, exact: true }).isVisible();
  }

  messages(): Promise<ShownMessage[]> {
    return this.host.evaluate((host) =>
      [...host.shadowRoot!.querySelectorAll<HTMLElement>('li[data-role]')].map((li) => ({
        role: li.dataset.role!,
        name: li.querySelector('.name')!.textContent!,
        text: li.querySelector('.bubble')!.textContent!,
      })),
    );
  }

  messageCount(): Promise<number> {
    return this.host.evaluate((host) => host.shadowRoot!.querySelectorAll('li[data-role]').length);
  }

  statusText(): Promise<string> {
    return this.host.evaluate((host) => host.shadowRoot!.querySelector('.status, .error')?.textContent ?? '');
  }

  typingText(): Promise<string | null> {
    return this.host.evaluate((host) => host.shadowRoot!.querySelector('.typing')?.textContent ?? null);
  }

  liveRegionText(): Promise<string> {
    return this.host.evaluate((host) => host.shadowRoot!.querySelector('[aria-live]')?.textContent ?? '');
  }

  /** `<img>` elements anywhere: the light DOM and the panel's shadow root. */
  imageCount(): Promise<number> {
    return this.host.evaluate((host) => host.shadowRoot!.querySelectorAll('img').length + document.querySelectorAll('img').length);
  }

  /** The accessible name of whatever has keyboard focus, looking through shadow roots. */
  focusedName(): Promise<string> {
    return this.page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      if (!el || el === document.body) return '';
      const labelled = (el as HTMLInputElement).labels?.[0]?.textContent;
      return (el.getAttribute('aria-label') ?? labelled ?? el.textContent ?? '').trim();
    });
  }

  /** Presses Tab `count` times (from the top on a fresh page) and returns the name focused after each press. */
  async tabThrough(count: number): Promise<string[]> {
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
      await this.page.keyboard.press('Tab');
      names.push(await this.focusedName());
    }
    return names;
  }

  /** Side of the panel a message sits on: its horizontal centre relative to the list's centre. */
  messageSide(text: string): Promise<'left' | 'right' | 'centre'> {
    return this.host.evaluate((host, wanted) => {
      const root = host.shadowRoot!;
      const li = [...root.querySelectorAll('li[data-role]')].find((el) => el.textContent!.includes(wanted))!;
      const list = root.querySelector('.list')!.getBoundingClientRect();
      const box = li.getBoundingClientRect();
      const offset = box.left + box.width / 2 - (list.left + list.width / 2);
      return Math.abs(offset) < 5 ? 'centre' : offset < 0 ? 'left' : 'right';
    }, text);
  }

  scrollListToTop(): Promise<void> {
    return this.host.evaluate((host) => {
      const root = host.shadowRoot!;
      root.querySelector('.list')!.scrollTop = 0;
    });
  }

  /** Distance in px from the list's scroll position to its bottom. */
  distanceFromBottom(): Promise<number> {
    return this.host.evaluate((host) => {
      const root = host.shadowRoot!;
      const list = root.querySelector('.list')!;
      return Math.round(list.scrollHeight - list.scrollTop - list.clientHeight);
    });
  }

  sendButtonBackground(): Promise<string> {
    return this.host.evaluate((host) => {
      const root = host.shadowRoot!;
      const send = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Send')!;
      return getComputedStyle(send).backgroundColor;
    });
  }

  /** What the panel left in its shadow root: element count and adopted stylesheets. */
  rootContents(): Promise<{ nodes: number; sheets: number }> {
    return this.host.evaluate((host) => ({ nodes: host.shadowRoot!.childNodes.length, sheets: host.shadowRoot!.adoptedStyleSheets.length }));
  }

  /** `<style>` elements in the panel's shadow root (the fallback when constructable stylesheets are missing). */
  styleElementCount(): Promise<number> {
    return this.host.evaluate((host) => host.shadowRoot!.querySelectorAll('style').length);
  }

  /** `securitypolicyviolation` events the page reported (recorded by `/csp-watch.js`). */
  cspViolations(): Promise<string[]> {
    return this.page.evaluate(() => window.cspViolations);
  }

  /** Runs axe-core over the whole document (it sees into open shadow roots); returns the violations. */
  async axeViolations(): Promise<{ id: string; nodes: string[] }[]> {
    await this.page.addScriptTag({ path: AXE_PATH });
    return this.page.evaluate(async () => {
      const results = await window.axe.run(document);
      return results.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.failureSummary ?? String(n.target)) }));
    });
  }

  private get host() {
    return this.page.locator('#chat');
  }
}

declare global {
  interface Window {
    panel: { update(view: PanelView): void; focus(): void; destroy(): void };
    calls: unknown[][];
    cspViolations: string[];
    axe: { run(context: Document): Promise<{ violations: { id: string; nodes: { target: unknown; failureSummary?: string }[] }[] }> };
  }
}
