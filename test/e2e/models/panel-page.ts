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

  /**
   * Shows `before`, then `after` (messages with the same id are the same object in both, as the runtime's store
   * hands them), and answers the ids of the messages whose content the second render read: the rows it drew again.
   */
  rowsDrawn(before: PanelView, after: PanelView): Promise<string[]> {
    return this.page.evaluate(async ([first, second]) => {
      const drawn: string[] = [];
      const shared = new Map<string, PanelMessage>();
      const watched = (view: PanelView): PanelView => ({
        ...view,
        messages: view.messages.map((m) => {
          if (!shared.has(m.id)) {
            const { content, ...rest } = m;
            shared.set(m.id, Object.defineProperty(rest, 'content', { enumerable: true, get: () => (drawn.push(m.id), content) }) as PanelMessage);
          }
          return shared.get(m.id)!;
        }),
      });
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      window.panel.update(watched(first));
      await frame();
      drawn.length = 0;
      window.panel.update(watched(second));
      await frame();
      return drawn;
    }, [before, after] as const);
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
      const send = [...root.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === 'Send')!;
      return getComputedStyle(send).backgroundColor;
    });
  }

  /** The header's buttons: accessible name, tooltip, and whether they show an icon only (no text). */
  headerButtons(): Promise<{ name: string; tooltip: string; iconOnly: boolean }[]> {
    return this.host.evaluate((host) =>
      [...host.shadowRoot!.querySelectorAll<HTMLButtonElement>('header button')].map((b) => ({
        name: b.getAttribute('aria-label') ?? b.textContent!.trim(),
        tooltip: b.title,
        iconOnly: b.textContent!.trim() === '' && !!b.querySelector('svg'),
      })),
    );
  }

  /** The header's heading (the agent, or the instance's title) and whether it is cut short with an ellipsis rather than overflowing. */
  headerTitle(): Promise<{ text: string; ellipsised: boolean; fits: boolean }> {
    return this.host.evaluate((host) => {
      const root = host.shadowRoot!;
      const h2 = root.querySelector('h2')!;
      const panel = root.querySelector('.panel')!.getBoundingClientRect();
      const buttons = [...root.querySelectorAll('header button')].map((b) => b.getBoundingClientRect());
      return {
        text: h2.textContent!,
        ellipsised: h2.scrollWidth > h2.clientWidth && getComputedStyle(h2).textOverflow === 'ellipsis',
        fits: buttons.every((b) => b.left >= panel.left && b.right <= panel.right) && h2.getBoundingClientRect().right <= panel.right,
      };
    });
  }

  /** How a line (`status` or `typing`) is built: the text before the name, the name (isolated in `<bdi>`), the text after. */
  isolatedName(line: 'status' | 'typing'): Promise<{ before: string; name: string | null; after: string }> {
    return this.host.evaluate((host, which) => {
      const el = host.shadowRoot!.querySelector(`.${which}`)!;
      const bdi = el.querySelector('bdi');
      const full = el.textContent!;
      if (!bdi) return { before: full, name: null, after: '' };
      const range = document.createRange();
      range.setStart(el, 0);
      range.setEndBefore(bdi);
      const before = range.toString();
      return { before, name: bdi.textContent, after: full.slice(before.length + bdi.textContent!.length) };
    }, line);
  }

  /**
   * Each row of the conversation as the customer reads it: a date separator or divider (`— Today —`), or a
   * message with the name shown above it (null: same sender as above) and its time shown under it (null: hidden).
   */
  rows(): Promise<({ separator: string } | { text: string; shownName: string | null; shownTime: string | null; time: string; hoverTime: string })[]> {
    return this.host.evaluate((host) =>
      [...host.shadowRoot!.querySelectorAll<HTMLElement>('.list > li')].map((li) => {
        if (!li.dataset.role) return { separator: li.textContent!.trim() };
        const name = li.querySelector('.name')!;
        const foot = li.querySelector('.foot:not(.note)');
        const time = li.querySelector('time');
        return {
          text: li.querySelector('.bubble')!.textContent!,
          shownName: name.classList.contains('vh') ? null : name.textContent,
          shownTime: foot && !foot.classList.contains('vh') ? foot.textContent!.trim() : null,
          time: time?.textContent ?? '',
          hoverTime: li.querySelector<HTMLElement>('.bubble')!.title,
        };
      }),
    );
  }

  /** The line under a message (receipt, "Not sent", "Message shortened"), as shown. */
  messageFoot(text: string): Promise<string> {
    return this.host.evaluate((host, wanted) => {
      const li = [...host.shadowRoot!.querySelectorAll('li[data-role]')].find((el) => el.querySelector('.bubble')!.textContent === wanted)!;
      return [...li.querySelectorAll('.foot:not(.vh)')].map((el) => el.textContent!.replace(/\s+/g, ' ').trim()).join(' | ');
    }, text);
  }

  /** Presses the Retry of the failed message reading `text`. */
  async retryMessage(text: string): Promise<void> {
    await this.page.getByRole('listitem').filter({ hasText: text }).getByRole('button', { name: 'Retry' }).click();
  }

  /** The end question's dialog, by role and name, is shown. */
  endQuestionShown(): Promise<boolean> {
    return this.page.getByRole('alertdialog', { name: 'End this chat?' }).isVisible();
  }

  /** Chooses files through the paperclip button and the browser's file chooser. */
  async attachThroughButton(names: string[]): Promise<void> {
    const [chooser] = await Promise.all([this.page.waitForEvent('filechooser'), this.click('Attach a file')]);
    await chooser.setFiles(names.map((name) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(name) })));
  }

  /** Drags files over the panel (answers whether the drop target shows), then drops them. */
  dropFiles(names: string[]): Promise<boolean> {
    return this.host.evaluate(async (host, files) => {
      const root = host.shadowRoot!;
      const target = root.querySelector('.list')!;
      const transfer = new DataTransfer();
      for (const name of files) transfer.items.add(new File([name], name, { type: 'text/plain' }));
      const fire = (type: string) => target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, composed: true, cancelable: true }));
      fire('dragenter');
      fire('dragover');
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const shown = !!root.querySelector('.drop')?.checkVisibility();
      fire('drop');
      return shown;
    }, names);
  }

  /** Pastes files into the Message box. */
  pasteFiles(names: string[]): Promise<void> {
    return this.host.evaluate((host, files) => {
      const transfer = new DataTransfer();
      for (const name of files) transfer.items.add(new File([name], name, { type: 'image/png' }));
      host.shadowRoot!.querySelector('textarea')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    }, names);
  }

  /** Fills the Message box at once (as a paste of text would), firing `input`. */
  async fill(text: string): Promise<void> {
    await this.textbox.fill(text);
  }

  /** The character count near the limit, or null when not shown. */
  characterCount(): Promise<string | null> {
    return this.host.evaluate((host) => host.shadowRoot!.querySelector('.count')?.textContent?.replace(/\s+/g, ' ').trim() ?? null);
  }

  /** The text of every alert shown, trimmed. */
  async alerts(): Promise<string[]> {
    return (await this.page.getByRole('alert').allTextContents()).map((text) => text.replace(/^[\s·]+/, '').trim());
  }

  sendEnabled(): Promise<boolean> {
    return this.page.getByRole('button', { name: 'Send', exact: true }).isEnabled();
  }

  /** Presses "Download transcript" and returns the file's name and text. */
  async downloadTranscript(): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.click('Download transcript')]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  }

  /** Hides the panel as the runtime does when it is minimised (no layout at all), or shows it again; waits two frames. */
  setShown(shown: boolean): Promise<void> {
    return this.host.evaluate(async (host, show) => {
      host.style.display = show ? '' : 'none';
      for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    }, shown);
  }

  /** Whether the row (a message's text, or the "New messages" divider) is inside the list's visible area. */
  rowInView(text: string): Promise<boolean> {
    return this.host.evaluate((host, wanted) => {
      const root = host.shadowRoot!;
      const list = root.querySelector('.list')!.getBoundingClientRect();
      const li = [...root.querySelectorAll('.list > li')].find((el) => el.textContent!.trim() === wanted || el.querySelector('.bubble')?.textContent === wanted);
      if (!li) return false;
      const box = li.getBoundingClientRect();
      return box.top >= list.top - 1 && box.bottom <= list.bottom + 1;
    }, text);
  }

  /** Emulates the visitor's reduced-motion preference. */
  reduceMotion(reduce: boolean): Promise<void> {
    return this.page.emulateMedia({ reducedMotion: reduce ? 'reduce' : 'no-preference' });
  }

  /** The CSS animation of the typing indicator's dots ('none' when still), or null without an indicator. */
  typingAnimation(): Promise<string | null> {
    return this.host.evaluate((host) => {
      const dot = host.shadowRoot!.querySelector('.typing .dots i');
      return dot ? getComputedStyle(dot).animationName : null;
    });
  }

  /** Emulates the page's colour scheme (for the dark theme). */
  colourScheme(scheme: 'light' | 'dark'): Promise<void> {
    return this.page.emulateMedia({ colorScheme: scheme });
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
      // Contrast is measured once entrance animations (the end question rising) are over; endless ones (typing dots) go on.
      const shadow = document.getElementById('chat')!.shadowRoot!;
      await Promise.all([...document.getAnimations(), ...shadow.getAnimations()].filter((a) => a.effect?.getTiming().iterations !== Infinity).map((a) => a.finished));
      // The panel's inert parts (behind the end question's scrim) are inactive: WCAG exempts inactive components
      // from contrast, and nothing in them can be reached. Everything else is checked.
      const inert = [...document.getElementById('chat')!.shadowRoot!.querySelectorAll('[inert]')].map((el) =>
        [...el.classList].length ? `${el.localName}.${[...el.classList].join('.')}` : el.localName,
      );
      const results = await window.axe.run(inert.length ? { include: [document], exclude: inert.map((selector) => ({ fromShadowDom: ['#chat', selector] })) } : document);
      return results.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ""}`) }));
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
    axe: { run(context: Document | { include: unknown[]; exclude: unknown[] }): Promise<{ violations: { id: string; nodes: { target: unknown; failureSummary?: string }[] }[] }> };
  }
}
