import type { Page, WebSocket } from 'playwright-core';

/**
 * What a page does on the network and to its DOM, recorded from the outside (Playwright's own events), so a
 * spec can ask whether the runtime left anything behind after `destroy()`.
 */
export class PageTraces {
  /** Every websocket the page opened, and whether it has closed. */
  readonly sockets: Array<{ url: string; closed: boolean }> = [];
  /** Every request, with the time it was made (ms, this process's clock). */
  readonly requests: Array<{ url: string; at: number }> = [];

  constructor(readonly page: Page) {
    page.on('websocket', (socket: WebSocket) => {
      const entry = { url: socket.url(), closed: socket.isClosed() };
      this.sockets.push(entry);
      socket.on('close', () => (entry.closed = true));
    });
    page.on('request', (request) => this.requests.push({ url: request.url(), at: Date.now() }));
  }

  openSockets(): string[] {
    return this.sockets.filter((socket) => !socket.closed).map((socket) => socket.url);
  }

  async waitForNoOpenSocket(timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.openSockets().length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  }

  /** Requests to the Participant Service (chatjs' REST calls) made at or after `since`. */
  participantRequestsSince(since: number): string[] {
    return this.requests.filter((request) => request.at >= since && new URL(request.url).pathname.startsWith('/participant/')).map((request) => request.url);
  }

  /** Requests of any kind made at or after `since`. */
  requestsSince(since: number): string[] {
    return this.requests.filter((request) => request.at >= since).map((request) => request.url);
  }

  /** The widget's host elements still in the document. */
  widgetNodes(): Promise<number> {
    return this.page.evaluate(() => document.querySelectorAll('[data-connect-webchat]').length);
  }

  /** Starts recording every DOM change from now on, in the document and under it. */
  async watchDom(): Promise<void> {
    await this.page.evaluate(() => {
      const changes: string[] = [];
      (window as unknown as { domChanges: string[] }).domChanges = changes;
      new MutationObserver((records) => {
        for (const record of records) changes.push(`${record.type} on ${(record.target as Element).nodeName}`);
      }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    });
  }

  domChanges(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { domChanges?: string[] }).domChanges ?? []);
  }

  /** Fires what the runtime listens to (tab shown, history navigation, URL changes), as a visitor would cause. */
  async stirListeners(): Promise<void> {
    await this.page.evaluate(() => {
      document.dispatchEvent(new Event('visibilitychange'));
      window.dispatchEvent(new Event('online'));
      window.dispatchEvent(new Event('focus'));
      history.pushState(null, '', '/checkout');
      window.dispatchEvent(new PopStateEvent('popstate'));
      history.pushState(null, '', '/');
      window.dispatchEvent(new PopStateEvent('popstate'));
      location.hash = '#again';
    });
  }
}
