import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { chatInspectionMessages, InspectorOpener } from './inspector-opener';

/** One row of the saEvents timeline, as drawn. */
export interface ShownEntry {
  position: string;
  time: string;
  type: string;
  data: string;
}

/**
 * The visualizer page (`/visualizer/`), live (opened by a page with inspection on) or standalone.
 * Everything the specs know about its DOM lives here.
 */
export class VisualizerPage {
  readonly pageErrors: string[] = [];
  private current!: Page;

  constructor(page: Page) {
    this.follow(page);
  }

  get page(): Page {
    return this.current;
  }

  private follow(page: Page): void {
    this.current = page;
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
  }

  /** Opens the visualizer on its own: no page connected, so it runs the standalone machine. */
  static async standalone(context: BrowserContext, url: string): Promise<VisualizerPage> {
    const visualizer = new VisualizerPage(await context.newPage());
    await visualizer.page.goto(url);
    await visualizer.ready();
    return visualizer;
  }

  /** The window a page's inspector opened (`window.open`), once its chart is drawn. */
  static async popup(popup: Page): Promise<VisualizerPage> {
    const visualizer = new VisualizerPage(popup);
    await popup.waitForURL(/\/visualizer\/$/);
    await visualizer.ready();
    return visualizer;
  }

  async ready(timeout = 15_000): Promise<void> {
    await this.page.locator('#chart[aria-busy="false"] svg').waitFor({ timeout });
  }

  source(): Promise<string> {
    return this.page.locator('#source').innerText();
  }

  async waitForSource(prefix: 'Live' | 'Standalone', timeout = 10_000): Promise<void> {
    await this.page.waitForFunction((wanted) => document.getElementById('source')?.textContent?.startsWith(wanted), prefix, { timeout });
  }

  /** The active leaf states (`visible`, `contact.phase.queued`, `contact.link.online`). */
  async activeStates(): Promise<string[]> {
    const text = (await this.page.locator('#active-states').textContent()) ?? '';
    return text === '—' ? [] : text.split(', ');
  }

  async waitForActive(path: string, timeout = 10_000): Promise<void> {
    await this.page.waitForFunction(
      (wanted) => (document.getElementById('active-states')?.textContent ?? '').split(', ').includes(wanted),
      path,
      { timeout },
    );
  }

  /** State paths highlighted in the chart (every active state, leaves and ancestors). */
  highlightedStates(): Promise<string[]> {
    return this.page.locator('#chart .state.active').evaluateAll((groups) => groups.map((group) => group.getAttribute('data-path') ?? ''));
  }

  /** The context as shown (masked), parsed. */
  async context(): Promise<Record<string, unknown>> {
    return JSON.parse((await this.page.locator('#context').textContent()) ?? 'null') as Record<string, unknown>;
  }

  /** The last event as shown (masked), parsed. */
  async lastEvent(): Promise<{ type: string } & Record<string, unknown>> {
    return JSON.parse((await this.page.locator('#last-event').textContent()) ?? 'null') as { type: string };
  }

  async waitForLastEvent(type: string, timeout = 10_000): Promise<void> {
    await this.page.waitForFunction(
      (wanted) => {
        try {
          return JSON.parse(document.getElementById('last-event')?.textContent ?? '').type === wanted;
        } catch {
          return false;
        }
      },
      type,
      { timeout },
    );
  }

  /** How many saEvents entries the timeline holds (its heading's count). */
  async timelineCount(): Promise<number> {
    const text = (await this.page.locator('#timeline-count').textContent()) ?? '';
    return Number(/\d+/.exec(text)?.[0] ?? Number.NaN);
  }

  async waitForTimelineCount(count: number, timeout = 10_000): Promise<void> {
    // The count label and the virtual list's rows are drawn separately: wait for both, or a read of the
    // rows can land in between (seen once under a full test run).
    await this.page
      .waitForFunction(
        (wanted) =>
          document.getElementById('timeline-count')?.textContent === `(${wanted})` &&
          document.querySelector(`#timeline .timeline-row:not([hidden])[aria-posinset="${wanted}"]`) !== null,
        count,
        { timeout },
      )
      .catch(async (error: unknown) => {
        // What the timeline showed instead, so a failure says more than "timeout".
        const shown = await this.page.evaluate(() => ({
          count: document.getElementById('timeline-count')?.textContent,
          rows: [...document.querySelectorAll('#timeline .timeline-row:not([hidden])')].map((row) => `${row.getAttribute('aria-posinset')}:${row.getAttribute('data-type')}`),
          visibility: document.visibilityState,
        }));
        throw new Error(`the timeline did not show ${count} entries: ${JSON.stringify(shown)} (${String(error)})`);
      });
  }

  /** The timeline rows currently in the DOM (a virtual list: only those in view), in order. */
  shownEntries(): Promise<ShownEntry[]> {
    return this.page.locator('#timeline .timeline-row:not([hidden])').evaluateAll((rows) =>
      rows
        .map((row) => ({
          at: Number(row.getAttribute('aria-posinset')),
          entry: {
            position: row.querySelector('.position')?.textContent ?? '',
            time: row.querySelector('.time')?.textContent ?? '',
            type: row.querySelector('.type')?.textContent ?? '',
            data: row.querySelector('.data')?.textContent ?? '',
          },
        }))
        .sort((a, b) => a.at - b.at)
        .map(({ entry }) => entry),
    );
  }

  async shownTypes(): Promise<string[]> {
    return (await this.shownEntries()).map((entry) => entry.type);
  }

  /** Every timeline row element in the DOM, shown or recycled. */
  timelineRowElements(): Promise<number> {
    return this.page.locator('#timeline .timeline-row').count();
  }

  async scrollTimeline(to: 'top' | 'bottom'): Promise<void> {
    await this.scrollTimelineTo(to === 'top' ? 0 : 1);
  }

  /** Scrolls the timeline to `fraction` of its scrollable height (0 top, 0.5 middle, 1 bottom) and lets it draw. */
  async scrollTimelineTo(fraction: number): Promise<void> {
    await this.page.locator('#timeline').evaluate((element, part) => {
      element.scrollTop = (element.scrollHeight - element.clientHeight) * part;
    }, fraction);
    await this.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }

  /** Labels of the transitions that can be clicked now (standalone mode). */
  enabledTransitions(): Promise<string[]> {
    return this.page
      .locator('#chart [data-transition].enabled')
      .evaluateAll((items) => items.map((item) => (item.querySelector('.label text, text')?.textContent ?? '').replace(/^↺ /, '')));
  }

  /** Clicks the enabled transition drawn with exactly this label (`START`, `RESUME [savedPhaseIs(agent)]`). */
  async clickTransition(label: string): Promise<void> {
    const candidates = this.page.locator('#chart [data-transition].enabled');
    const labels = await this.enabledTransitions();
    const index = labels.indexOf(label);
    if (index < 0) throw new Error(`no enabled transition "${label}"; enabled: ${labels.join(', ')}`);
    await candidates.nth(index).locator('text').first().click();
  }

  /** The event types whose "Send an event" button is enabled. */
  enabledEventButtons(): Promise<string[]> {
    return this.page.locator('#send-buttons button:not([disabled])').allTextContents();
  }

  async sendEvent(type: string): Promise<void> {
    await this.page.getByRole('button', { name: type, exact: true }).click();
  }

  /** Clicks "Export JSON" and returns the downloaded file, parsed. */
  async exportJson(): Promise<{ fileName: string; json: unknown }> {
    const content = await this.download('Export JSON');
    return { fileName: content.fileName, json: JSON.parse(content.text) as unknown };
  }

  /** Clicks "Export SVG" and returns the downloaded file's text. */
  exportSvg(): Promise<{ fileName: string; text: string }> {
    return this.download('Export SVG');
  }

  private async download(button: string): Promise<{ fileName: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: button }).click()]);
    const path = await download.path();
    return { fileName: download.suggestedFilename(), text: await readFile(path, 'utf8') };
  }

  /**
   * Plays a runtime talking to the visualizer over the `@statelyai/inspect` protocol: registers the chat
   * machine (as the library serialises it) and posts `count` saEvents entries in one burst. The visualizer
   * listens only to the window that opened it, so this reopens it from a page at its origin (as the runtime
   * does) and follows the new window from then on. Entry `#n` is `CONNECT_TO_AGENT` for even n, else
   * `TRANSFER_TO_QUEUE`, with `contactId: contact-<n>`. Resolves once the timeline counts them all.
   */
  async receiveSaEventBurst(count: number): Promise<void> {
    const url = this.page.url();
    const opener = await InspectorOpener.at(this.page.context(), new URL('/inspector-opener.html', url).href);
    const popup = await opener.openVisualizer(url);
    await this.page.close();
    this.follow(popup);
    await this.ready();
    await opener.post(chatInspectionMessages(count));
    await this.waitForTimelineCount(count);
  }

  /**
   * Posts protocol messages from this very window to itself, as any script or frame other than the opener
   * could. Resolves once the page has handled them all: messages are dispatched in order, so a sentinel
   * posted after them arriving proves they were, and two frames let any drawing they caused happen.
   */
  async receiveFromItself(messages: readonly unknown[]): Promise<void> {
    await this.page.evaluate(async (all) => {
      const sentinel = { type: 'test.sentinel', id: Math.random() };
      const handled = new Promise<void>((resolve) =>
        addEventListener('message', function seen(event) {
          if ((event.data as { id?: number } | null)?.id !== sentinel.id) return;
          removeEventListener('message', seen);
          resolve();
        }),
      );
      for (const message of all) window.postMessage(message, '*');
      window.postMessage(sentinel, '*');
      await handled;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    }, messages);
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path });
  }
}
