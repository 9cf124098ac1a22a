import type { BrowserContext, Page } from 'playwright-core';
import { createInspector, type StatelyInspectionEvent } from '@statelyai/inspect';
import { createActor } from 'xstate';
import { chatMachine } from '../../../machines/chat.machine';
import { SA_EVENTS_SESSION_ID } from '../../../src/browser/inspect/inspect-protocol';

/** The name `@statelyai/inspect` opens its inspector window with. */
const INSPECTOR_WINDOW = 'xstateinspector';

/**
 * What a runtime with inspection on posts: the chat actor registering (as the library serialises it, which
 * turns the visualizer live and starts a new timeline) and `count` saEvents entries. `entriesOnly`: the
 * entries alone, as a runtime that registered earlier goes on.
 */
export function chatInspectionMessages(count: number, { entriesOnly = false } = {}): StatelyInspectionEvent[] {
  const messages: StatelyInspectionEvent[] = [];
  const inspector = createInspector({ send: (message) => messages.push(message) });
  const actor = createActor(chatMachine, { input: { instanceName: 'burst' } });
  inspector.actor(actor, { status: 'active', value: 'visible', context: actor.getSnapshot().context });
  if (entriesOnly) messages.length = 0;
  const start = Date.UTC(2026, 0, 5, 9, 0, 0);
  for (let index = 0; index < count; index++) {
    const type = index % 2 ? 'TRANSFER_TO_QUEUE' : 'CONNECT_TO_AGENT';
    inspector.event(SA_EVENTS_SESSION_ID, { type, data: { contactId: `contact-${index}` }, timestamp: start + index * 1000 }, { source: actor.sessionId });
  }
  return JSON.parse(JSON.stringify(messages)) as StatelyInspectionEvent[];
}

/** Serves an empty page at `url` in this context (any origin: nothing goes to the network). */
async function blankPageAt(page: Page, url: string, body = ''): Promise<void> {
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>test page</title>${body}` }));
  await page.goto(url);
}

/**
 * A page that plays a runtime's inspector chunk: it opens the visualizer with `window.open` and posts
 * `@statelyai/inspect` protocol messages to it. It can sit at any origin the spec names.
 */
export class InspectorOpener {
  private constructor(readonly page: Page) {}

  static async at(context: BrowserContext, url: string): Promise<InspectorOpener> {
    const page = await context.newPage();
    await blankPageAt(page, url);
    return new InspectorOpener(page);
  }

  /** Opens the visualizer as the inspector chunk does; resolves with its window. */
  async openVisualizer(url: string): Promise<Page> {
    const [popup] = await Promise.all([
      this.page.context().waitForEvent('page'),
      this.page.evaluate(([target, name]) => void window.open(target, name), [url, INSPECTOR_WINDOW] as const),
    ]);
    return popup;
  }

  /**
   * Posts the messages to the visualizer window (found by its name, so this works after the opener has
   * navigated too). Resolves with the epoch time, in ms, at which posting began.
   */
  async post(messages: readonly unknown[]): Promise<number> {
    const pages = this.page.context().pages().length;
    const began = await this.page.evaluate(
      ([all, name]) => {
        const began = performance.timeOrigin + performance.now();
        const target = window.open('', name);
        for (const message of all) target?.postMessage(message, '*');
        return began;
      },
      [messages, INSPECTOR_WINDOW] as const,
    );
    // `window.open('', name)` opens a new blank window when it finds none: then nothing reached the visualizer.
    if (this.page.context().pages().length !== pages) throw new Error('the opener could not find the visualizer window');
    return began;
  }

  /**
   * Follows a link to another page (another site, say) in the same tab: still the visualizer's
   * `window.opener`, and still able to find it by name.
   */
  async navigate(url: string): Promise<void> {
    await this.page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>test page</title>' }));
    await Promise.all([this.page.waitForURL(url), this.page.evaluate((target) => void (location.href = target), url)]);
  }
}

/** A page that frames the visualizer. */
export const framingPage = (visualizerUrl: string) => `<!doctype html><title>framing test</title><iframe src="${visualizerUrl}" width="800" height="600"></iframe>`;

/**
 * Whether the visualizer draws its chart inside the `<iframe>` of the page at `hostUrl` (a
 * {@link framingPage}). `fulfil`: the browser serves that page itself, for a URL on the visualizer's own
 * origin; a page on another origin must come from a real loopback server, since Chromium's Private Network
 * Access keeps a page of unknown address from framing 127.0.0.1 at all.
 */
export async function visualizerDrawsInFrame(context: BrowserContext, hostUrl: string, fulfil?: { visualizerUrl: string }): Promise<boolean> {
  const page = await context.newPage();
  if (fulfil) await page.route(hostUrl, (route) => route.fulfill({ contentType: 'text/html', body: framingPage(fulfil.visualizerUrl) }));
  await page.goto(hostUrl);
  const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
  if (!frame) throw new Error(`no frame on ${hostUrl}`);
  try {
    await frame.locator('#chart[aria-busy="false"] svg').waitFor({ timeout: 5_000 });
    return true;
  } catch {
    return false;
  } finally {
    await page.close();
  }
}
