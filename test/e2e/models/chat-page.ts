import type { ConsoleMessage, Page } from 'playwright-core';
import type { SaEvent, SaEventType } from '../../../machines/chat.types';

/**
 * A page that embeds the chat, as a site visitor and the site's analytics see it.
 * Specs talk to this model, never to raw selectors.
 */
export class ChatPage {
  readonly consoleErrors: string[] = [];
  readonly pageErrors: string[] = [];
  /** Participant Service operations the page called, by path (`/participant/attachment` is GetAttachment). */
  readonly participantCalls: string[] = [];

  constructor(readonly page: Page) {
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/participant/')) this.participantCalls.push(pathname);
    });
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') this.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
  }

  /**
   * The browser's "Duplicate tab": a new page of the same context with a copy of this one's sessionStorage
   * (where the running chat is saved), not yet loaded; `open` it where the copy should be.
   */
  async duplicate(): Promise<ChatPage> {
    const storage = await this.page.evaluate(() => JSON.stringify(Object.entries(sessionStorage)));
    const page = await this.page.context().newPage();
    await page.addInitScript((entries) => {
      if (sessionStorage.length === 0) for (const [key, value] of JSON.parse(entries) as Array<[string, string]>) sessionStorage.setItem(key, value);
    }, storage);
    return new ChatPage(page);
  }

  /** Which tab (its Web Locks client id) holds the contact's lock, as this tab sees it. */
  lockHolder(contactId: string): Promise<string | undefined> {
    return this.page.evaluate(
      async (name) => (await navigator.locks.query()).held?.find((lock) => lock.name === name)?.clientId,
      `connect-webchat:contact:${contactId}`,
    );
  }

  /**
   * Waits until the contact's lock has passed from `formerHolder` (a closed tab takes a moment to let go) to a
   * tab that waited for it: this one, the only other. Its grant reached this page before the answer to the
   * question that sees it, so the page has taken the lead by then.
   */
  async waitUntilLeading(contactId: string, formerHolder: string, timeout = 10_000): Promise<void> {
    await this.page.waitForFunction(
      async ([name, former]) => {
        const holder = (await navigator.locks.query()).held?.find((lock) => lock.name === name)?.clientId;
        return holder !== undefined && holder !== former;
      },
      [`connect-webchat:contact:${contactId}`, formerHolder] as const,
      { timeout },
    );
  }

  /** The keys this tab keeps in sessionStorage. */
  storedKeys(): Promise<string[]> {
    return this.page.evaluate(() => Object.keys(sessionStorage));
  }

  /** The keys this origin keeps in localStorage (shared by every tab of the browser). */
  localKeys(): Promise<string[]> {
    return this.page.evaluate(() => Object.keys(localStorage));
  }

  /** `window.saEvents.history()`, as the page's analytics would read it. */
  history(): Promise<SaEvent[]> {
    return this.page.evaluate(() => (window as unknown as { saEvents: { history(): SaEvent[] } }).saEvents.history());
  }

  async types(): Promise<SaEventType[]> {
    return (await this.history()).map((event) => event.type);
  }

  /** What a subscriber the page registered itself (as `window.seen`) received. */
  seenBySubscriber(name = 'seen'): Promise<SaEvent[]> {
    return this.page.evaluate((key) => (window as unknown as Record<string, SaEvent[]>)[key] ?? [], name);
  }

  async waitForEvent(type: SaEventType, count = 1, timeout = 15_000): Promise<void> {
    await this.page.waitForFunction(
      ([wanted, times]) => {
        const events = (window as unknown as { saEvents?: { history?: () => SaEvent[] } }).saEvents;
        return typeof events?.history === 'function' && events.history().filter((event) => event.type === wanted).length >= times;
      },
      [type, count] as const,
      { timeout },
    );
  }

  /** The Amazon Connect ContactId of the chat this page started or resumed (from CONTACT_STARTED). */
  async contactId(): Promise<string> {
    await this.waitForEvent('CONTACT_STARTED');
    const started = (await this.history()).find((event) => event.type === 'CONTACT_STARTED');
    return (started!.data as { contactId: string }).contactId;
  }

  launcherButton() {
    return this.page.getByRole('button', { name: 'Start chat' });
  }

  /** "Try again": the panel's, or the launcher's when the panel could not load. */
  retryButton() {
    return this.page.getByRole('button', { name: 'Try again', exact: true }).last();
  }

  async start(): Promise<void> {
    await this.launcherButton().click();
  }

  /** Waits for the launcher's alert that a start failed (the button then offers the start again). */
  async waitForStartFailure(): Promise<void> {
    await this.page.getByRole('alert').filter({ hasText: "couldn't start the chat" }).waitFor();
  }

  /** What the runtime reported on the console (its `[connect-webchat]` lines), in order. */
  runtimeReports(): string[] {
    return this.consoleErrors.filter((line) => line.startsWith('[connect-webchat]'));
  }

  /** Clicks the start button even while it is aria-disabled (Playwright would otherwise wait for it). */
  async pressStartAnyway(): Promise<void> {
    await this.launcherButton().click({ force: true });
  }

  /** The start button is shown but refuses clicks (the service asked to wait). */
  async launcherWaiting(): Promise<boolean> {
    return (await this.launcherButton().getAttribute('aria-disabled')) === 'true';
  }

  messageBox() {
    return this.page.getByRole('textbox', { name: 'Message' });
  }

  async send(text: string): Promise<void> {
    await this.messageBox().fill(text);
    await this.messageBox().press('Enter');
  }

  /** The panel's Minimise. */
  async minimise(): Promise<void> {
    await this.page.getByRole('button', { name: 'Minimise', exact: true }).click();
  }

  /** The launcher's "Open chat", bringing a minimised panel back. */
  async reopen(): Promise<void> {
    await this.page.getByRole('button', { name: 'Open chat', exact: true }).click();
  }

  /** "End chat", then confirming it in the question the panel asks. */
  async endChat(): Promise<void> {
    await this.page.getByRole('button', { name: 'End chat', exact: true }).click();
    await this.page.getByRole('alertdialog').getByRole('button', { name: 'End chat', exact: true }).click();
  }

  /** The sender name on each of the customer's own messages in the panel (read out, not shown), in order. */
  customerNames(): Promise<string[]> {
    return this.page.evaluate(() => {
      const root = document.querySelector('[data-connect-webchat="panel"]')?.shadowRoot;
      return [...(root?.querySelectorAll('.msg[data-role="CUSTOMER"]:not(.pending) .name') ?? [])].map((node) => node.textContent?.trim() ?? '');
    });
  }

  /** The text of every message shown in the panel, in order. */
  panelMessages(): Promise<string[]> {
    return this.page.evaluate(() => {
      const root = document.querySelector('[data-connect-webchat="panel"]')?.shadowRoot;
      return [...(root?.querySelectorAll('.msg .bubble') ?? [])].map((node) => node.textContent ?? '');
    });
  }

  async startNewChat(): Promise<void> {
    await this.page.getByRole('button', { name: 'Start new chat' }).click();
  }

  /** Follows a link of the site, as a visitor navigating mid-chat would. */
  async navigate(linkText: string): Promise<void> {
    await Promise.all([this.page.waitForEvent('load'), this.page.getByRole('link', { name: linkText, exact: true }).first().click()]);
  }

  async reload(): Promise<void> {
    await this.page.reload();
  }

  async waitForStatus(text: string, timeout = 10_000): Promise<void> {
    await this.page.waitForFunction(
      (wanted) => {
        const root = document.querySelector('[data-connect-webchat="panel"]')?.shadowRoot;
        return root?.querySelector('.status, .error')?.textContent?.includes(wanted) ?? false;
      },
      text,
      { timeout },
    );
  }

  /** Every own property name of `window`, enumerable or not: what a script could have added to the page. */
  globalNames(): Promise<string[]> {
    return this.page.evaluate(() => Object.getOwnPropertyNames(window));
  }

  /** Nodes a hostile message could have created inside the panel. */
  injectedElements(): Promise<number> {
    return this.page.evaluate(() => {
      const root = document.querySelector('[data-connect-webchat="panel"]')?.shadowRoot;
      return root?.querySelectorAll('.msg img, .msg script, .msg iframe').length ?? 0;
    });
  }

  /** Runs axe-core (WCAG 2 A/AA) over the page, shadow roots included; returns the violations' ids. */
  async axeViolations(axePath: string): Promise<string[]> {
    await this.page.addScriptTag({ path: axePath });
    return this.page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string }> }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
      return result.violations.map((violation) => violation.id);
    });
  }

  /** The panel is on screen (not minimised, not gone). */
  panelShown(): Promise<boolean> {
    return this.page.evaluate(() => {
      const host = document.querySelector<HTMLElement>('[data-connect-webchat="panel"]');
      return Boolean(host && !host.hidden && host.shadowRoot?.querySelector('.panel'));
    });
  }

  statusText(): Promise<string> {
    return this.page.evaluate(() => {
      const root = document.querySelector('[data-connect-webchat="panel"]')?.shadowRoot;
      return root?.querySelector('.status, .error')?.textContent?.trim() ?? '';
    });
  }

  async waitForPanelMessage(text: string, timeout = 10_000): Promise<void> {
    await this.page.waitForFunction(
      (wanted) => {
        const root = document.querySelector('[data-connect-webchat="panel"]')?.shadowRoot;
        return [...(root?.querySelectorAll('.msg .bubble') ?? [])].some((node) => node.textContent?.includes(wanted));
      },
      text,
      { timeout },
    );
  }

  /** How often the page called one Participant Service operation (`/participant/attachment`: GetAttachment). */
  callsTo(path: string): number {
    return this.participantCalls.filter((called) => called === path).length;
  }

  /** Holds every call to one Participant Service operation (e.g. `/participant/complete-attachment-upload`) for `ms`. */
  async delayCalls(path: string, ms: number): Promise<void> {
    await this.page.route(`**${path}`, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      await route.continue();
    });
  }

  /** Waits until a file on its way says `status` under its name (e.g. "Checking…" once its bytes are up). */
  async waitForFileStatus(name: string, status: string, timeout = 10_000): Promise<void> {
    await this.page.waitForFunction(
      ([file, wanted]) =>
        [...(document.querySelector('[data-connect-webchat="panel"]')?.shadowRoot?.querySelectorAll('.cw-file') ?? [])].some(
          (node) => node.querySelector('.cw-file-name')?.textContent === file && node.querySelector('.cw-file-status')?.textContent === wanted,
        ),
      [name, status] as const,
      { timeout },
    );
  }

  /** Chooses files in the panel's file picker, as the customer would after "Attach a file". */
  async attach(files: Array<{ name: string; mimeType: string; buffer: Buffer }>): Promise<void> {
    await this.page.locator('[data-connect-webchat="panel"] input.file').setInputFiles(files);
  }

  /** The panel's notice about what the customer just did (a refused file, a message not sent). */
  notice(): Promise<string> {
    return this.page.evaluate(() => {
      const root = document.querySelector('[data-connect-webchat="panel"]')?.shadowRoot;
      return root?.querySelector('.notice')?.textContent?.trim() ?? '';
    });
  }

  async waitForNotice(text: string, timeout = 10_000): Promise<void> {
    await this.page.waitForFunction(
      (wanted) => document.querySelector('[data-connect-webchat="panel"]')?.shadowRoot?.querySelector('.notice')?.textContent?.includes(wanted) ?? false,
      text,
      { timeout },
    );
  }

  /** A file's thumbnail in the conversation (an image the agent sent), by the file's name. */
  thumbnail(name: string) {
    return this.page.getByRole('img', { name, exact: true });
  }

  /** Opens a file of the conversation (its button is named "Open <name>", the name isolated from our words). */
  async openFile(name: string): Promise<void> {
    await this.page.getByRole('button', { name: new RegExp(`^Open \u2068?${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\u2069?$`) }).click();
  }

  /** What the agent's receipts say under the customer's latest message ("Delivered", "Read"), or "". */
  receipt(): Promise<string> {
    return this.page.evaluate(() => {
      const root = document.querySelector('[data-connect-webchat="panel"]')?.shadowRoot;
      return [...(root?.querySelectorAll('.receipt') ?? [])].at(-1)?.textContent?.trim() ?? '';
    });
  }

  async waitForReceipt(text: string, timeout = 10_000): Promise<void> {
    await this.page.waitForFunction(
      (wanted) => {
        const root = document.querySelector('[data-connect-webchat="panel"]')?.shadowRoot;
        return [...(root?.querySelectorAll('.receipt') ?? [])].at(-1)?.textContent?.trim() === wanted;
      },
      text,
      { timeout },
    );
  }

  /** Chooses a TimePicker slot by (part of) its label, e.g. "9:00", then confirms it (the latest card's Confirm). */
  async pickTimeSlot(label: string | RegExp): Promise<void> {
    await this.page.getByRole('radio', { name: label }).check();
    await this.page.getByRole('button', { name: 'Confirm', exact: true }).last().click();
  }

  /** Turns a Carousel (by its title) to its next slide. */
  async nextSlide(carouselTitle: string): Promise<void> {
    await this.page.getByRole('region', { name: carouselTitle }).getByRole('button', { name: 'Next', exact: true }).click();
  }

  /** Every link in the conversation: its words, where it leads and how it opens. */
  panelLinks(): Promise<Array<{ text: string; href: string; target: string; rel: string }>> {
    return this.page.evaluate(() => {
      const root = document.querySelector('[data-connect-webchat="panel"]')?.shadowRoot;
      return [...(root?.querySelectorAll<HTMLAnchorElement>('.list a') ?? [])].map((a) => ({ text: a.textContent ?? '', href: a.getAttribute('href') ?? '', target: a.target, rel: a.rel }));
    });
  }

  /** Picks an option of an interactive message by its title. */
  async pick(title: string): Promise<void> {
    await this.page.getByRole('button', { name: title, exact: true }).click();
  }

  /** The launcher's button by its full accessible name ("Open chat, 2 unread"). */
  launcherWithName(name: string) {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** The launcher's accessible name while the chat is minimised. */
  launcherName(): Promise<string> {
    return this.page.evaluate(() => {
      const button = document.querySelector('[data-connect-webchat="launcher"]')?.shadowRoot?.querySelector('button');
      return button?.getAttribute('aria-label') ?? button?.textContent?.trim() ?? '';
    });
  }
}
