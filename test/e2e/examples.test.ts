import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ExampleAppPage } from './models/example-app-page';
import { PageTraces } from './models/page-traces';
import { useStack } from './support/stack';

/**
 * The examples as `npm run build` leaves them (`npm run examples:build` → `dist/examples/`), served by the
 * demo server at `/examples/<name>/`, in Chromium against the emulator.
 */
describe('the example apps, built, against the demo stack', () => {
  beforeAll(() => {
    for (const app of ['spa', 'react']) {
      if (!existsSync(`dist/examples/${app}/index.html`)) throw new Error(`dist/examples/${app} is missing: run npm run build first`);
    }
  });
  const stack = useStack();

  async function openApp(path: string): Promise<{ app: ExampleAppPage; traces: PageTraces }> {
    const context = await stack.newContext();
    const page = await context.newPage();
    const traces = new PageTraces(page);
    const app = new ExampleAppPage(page);
    await app.open(`${stack.server.url}${path}`);
    return { app, traces };
  }

  it('SPA: re-evaluates the display rules on each client-side route change', async () => {
    const { app } = await openApp('/examples/spa/');
    await app.waitForLogged('CHAT_VISIBLE');
    await app.markDocument();
    await app.followRoute('Products');
    expect(app.page.url()).toBe(`${stack.server.url}/examples/spa/products`);
    expect(await app.launcherShown()).toBe(true);
    await app.followRoute('Checkout');
    await expect.poll(() => app.launcherShown()).toBe(false);
    await app.followRoute('Home');
    await expect.poll(() => app.launcherShown()).toBe(true);
    await app.page.goBack(); // popstate, back to the checkout
    await app.page.getByRole('heading', { level: 1, name: 'Checkout' }).waitFor();
    await expect.poll(() => app.launcherShown()).toBe(false);
    expect(await app.sameDocument()).toBe(true);
    expect(await app.loggedTypes()).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE', 'CHAT_VISIBLE']);
    expect(app.pageErrors).toEqual([]);
  });

  it('SPA: a deep link to a denied route offers no chat', async () => {
    const { app } = await openApp('/examples/spa/checkout');
    await app.waitForLogged('CHAT_LOADED');
    expect(await app.heading()).toBe('Checkout');
    // The rules are checked in the same task that announces CHAT_LOADED: no wait is needed to see their answer.
    expect(await app.launcherShown()).toBe(false);
    expect(await app.loggedTypes()).toEqual(['CHAT_LOADED']);
  });

  it('SPA: a running chat survives route changes, a denied route included, on one socket', async () => {
    const { app, traces } = await openApp('/examples/spa/');
    await app.waitForLogged('CHAT_VISIBLE');
    await app.markDocument();
    await app.start();
    const contactId = await app.loggedContactId();
    await stack.control.waitForCustomer(contactId);
    await stack.control.queue(contactId);
    await stack.control.join(contactId, 'Ana');
    await stack.control.say(contactId, 'First answer');
    await app.waitForPanelMessage('First answer');
    await app.followRoute('Checkout');
    await app.followRoute('Products');
    await app.followRoute('Checkout');
    await stack.control.say(contactId, 'Second answer');
    await app.waitForPanelMessage('Second answer');
    await app.waitForStatus('Connected to Ana');
    expect(await app.panelMessages()).toEqual(expect.arrayContaining(['First answer', 'Second answer']));
    expect(await app.sameDocument()).toBe(true);
    expect(traces.sockets).toHaveLength(1);
    expect(traces.openSockets()).toHaveLength(1);
    expect(await app.loggedTypes()).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE', 'CONTACT_STARTED', 'TRANSFER_TO_QUEUE', 'CONNECT_TO_AGENT']);
    await app.send('Thanks');
    await app.waitForPanelMessage('Thanks');
    // The package bundles chatjs in its sandbox: the app's bundler adds none of chatjs' globals either.
    expect(await app.page.evaluate(() => ['connect', 'sprintf', 'vsprintf'].filter((name) => name in window))).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });

  it('React: lists the saEvents in a component and opens the chat from the app\'s button', async () => {
    const { app } = await openApp('/examples/react/');
    await app.waitForLogged('CHAT_VISIBLE');
    expect(await app.loggedTypes()).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE']);
    await app.page.getByRole('button', { name: 'Chat with us' }).click();
    const contactId = await app.loggedContactId();
    await stack.control.waitForCustomer(contactId);
    await app.messageBox().waitFor();
    expect(await app.page.locator('[data-connect-webchat="launcher"]').count()).toBe(1);
    expect(app.pageErrors).toEqual([]);
  });
});
