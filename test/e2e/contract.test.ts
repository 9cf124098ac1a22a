import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_UI_TEXT } from '../../src/browser/config/ui-text';
import { PRELOAD_STUB } from '../../src/browser/events/preload-stub';
import { ChatPage } from './models/chat-page';
import { useStack } from './support/stack';

/** Reconnect timings that give up within a second or two (the instance config's `reconnect`). */
const GIVE_UP_FAST = { silenceMs: 200, delaysMs: [200, 200] };

describe('the saEvents contract holds on every path (built bundle in Chromium against the emulator)', () => {
  const stack = useStack();

  /** A context whose pages get the help_faq_bot configuration with `extra` merged in. */
  async function contextWith(extra: Record<string, unknown>): Promise<BrowserContext> {
    const context = await stack.newContext();
    await context.route('**/api/instances/help_faq_bot', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...(await response.json()), ...extra } });
    });
    return context;
  }

  /** A chat started on the demo site in a fresh context (`extra` merged into its configuration), its customer connected. */
  async function startedChat(extra: Record<string, unknown> = {}): Promise<{ chat: ChatPage; contactId: string }> {
    const chat = new ChatPage(await (await contextWith(extra)).newPage());
    return { chat, contactId: await startIn(chat) };
  }

  async function startIn(chat: ChatPage): Promise<string> {
    await chat.open(`${stack.server.url}/`);
    await chat.waitForEvent('CHAT_VISIBLE');
    await chat.start();
    const contactId = await chat.contactId();
    await stack.control.waitForCustomer(contactId);
    return contactId;
  }

  // Retried from scratch at most twice: a Web Lock changing hands between tabs on a loaded machine is not yet
  // reliable (see README, "Tests generated from the statechart").
  it('announces a contact once per browser: the tab that leads announces, a duplicated tab follows and takes over when it closes', { retry: 2 }, async () => {
    const context = await stack.newContext();
    const first = new ChatPage(await context.newPage());
    const contactId = await startIn(first);
    const second = await first.duplicate();
    await second.open(first.page.url());
    await second.waitForEvent('CHAT_LOADED');
    await second.waitForStatus(DEFAULT_UI_TEXT.statusInFlow); // connected: the second tab hears the contact live too
    await stack.control.queue(contactId);
    await stack.control.join(contactId, 'Ana');
    await first.waitForEvent('CONNECT_TO_AGENT');
    await second.page.bringToFront();
    await second.waitForStatus('Connected to Ana');
    await second.send('Sent from the second tab');
    await first.page.bringToFront(); // a hidden tab's panel draws on its next frame, when it is looked at
    await first.waitForPanelMessage('Sent from the second tab');

    // The first tab goes; the second leads from now on, and announces only what happens after.
    const firstTab = (await first.lockHolder(contactId))!;
    await second.page.bringToFront();
    await first.page.close({ runBeforeUnload: true }); // as a visitor closes a tab: the page is told it is leaving
    await second.waitUntilLeading(contactId, firstTab);
    await stack.control.transfer(contactId);
    await second.waitForEvent('TRANSFER_TO_QUEUE');
    await stack.control.join(contactId, 'Ben');
    await second.waitForEvent('CONNECT_TO_AGENT');
    await stack.control.end(contactId);
    await second.waitForEvent('CONTACT_ENDED');
    expect(await second.types()).toEqual(['CHAT_LOADED', 'TRANSFER_TO_QUEUE', 'CONNECT_TO_AGENT', 'CONTACT_ENDED']);
  });

  it('announces CHAT_VISIBLE when a failed "Start new chat" brings the start button back', async () => {
    const { chat, contactId } = await startedChat();
    await stack.control.end(contactId);
    await chat.waitForStatus('Chat ended');
    await stack.control.faults({ startChat: { status: 500, count: 1 } });
    await chat.startNewChat();
    await chat.waitForEvent('CHAT_VISIBLE', 2);
    expect(await chat.types()).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE', 'CONTACT_STARTED', 'CONTACT_ENDED', 'CHAT_VISIBLE']);
    expect(await chat.launcherButton().isVisible()).toBe(true);
  });

  it('delivers CHAT_VISIBLE once the start button is in the page, for a subscriber that looks for it', async () => {
    const context = await stack.newContext();
    const page = await context.newPage();
    await page.addInitScript(`${PRELOAD_STUB}
      window.seenButton = [];
      window.saEvents.subscribe((entry) => {
        if (entry.type !== 'CHAT_VISIBLE') return;
        const launcher = document.querySelector('[data-connect-webchat="launcher"]');
        const button = launcher && launcher.shadowRoot && launcher.shadowRoot.querySelector('.launcher:not([hidden]) button');
        window.seenButton.push(Boolean(button && button.getClientRects().length));
      });`);
    const chat = new ChatPage(page);
    await chat.open(`${stack.server.url}/`);
    await chat.waitForEvent('CHAT_VISIBLE');
    expect(await page.evaluate(() => (window as unknown as { seenButton: boolean[] }).seenButton)).toEqual([true]);
  });

  it('never announces again after giving up and retrying the connection', async () => {
    const { chat, contactId } = await startedChat({ reconnect: GIVE_UP_FAST });
    await stack.control.queue(contactId);
    await stack.control.join(contactId, 'Ana');
    await chat.waitForEvent('CONNECT_TO_AGENT');
    await stack.control.faults({ participant: { status: 503, forMs: 60_000 } });
    await stack.control.dropConnection(contactId);
    await chat.retryButton().waitFor();
    await stack.control.faults({ participant: null });
    await stack.control.say(contactId, 'Still here');
    await chat.retryButton().click();
    await chat.waitForPanelMessage('Still here');
    await chat.waitForStatus('Connected to Ana');
    expect(await chat.types()).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE', 'CONTACT_STARTED', 'TRANSFER_TO_QUEUE', 'CONNECT_TO_AGENT']);
  });

  it('never announces again when a resumed page could not load the chat at first and retries', async () => {
    const { chat, contactId } = await startedChat();
    await stack.control.queue(contactId);
    await stack.control.join(contactId, 'Ana');
    await chat.waitForEvent('CONNECT_TO_AGENT');
    const chunk = '**/webchat-conversation.js*';
    await chat.page.context().route(chunk, (route) => route.abort('failed'));
    await chat.reload();
    await chat.retryButton().waitFor();
    await chat.page.context().unroute(chunk);
    await chat.retryButton().click();
    await chat.waitForStatus('Connected to Ana');
    await stack.control.say(contactId, 'After the retry');
    await chat.waitForPanelMessage('After the retry');
    expect(await chat.types()).toEqual(['CHAT_LOADED']);
  });

  it('announces what comes after a reload even when the page had saved no cursor (it had handled nothing yet)', async () => {
    const { chat, contactId } = await startedChat();
    await chat.page.evaluate((key) => sessionStorage.removeItem(key), `connect-webchat:cursor:${contactId}`);
    await chat.reload();
    // The history is read once connected (the greeting is in it): news before that read ends can go unannounced.
    await chat.waitForStatus(DEFAULT_UI_TEXT.statusInFlow);
    await chat.waitForPanelMessage('Thanks for contacting us');
    await stack.control.queue(contactId);
    await chat.waitForEvent('TRANSFER_TO_QUEUE');
    expect(await chat.types()).toEqual(['CHAT_LOADED', 'TRANSFER_TO_QUEUE']);
  });

  it('leaves no transcript cursor behind once the chat is over', async () => {
    const { chat, contactId } = await startedChat();
    await stack.control.queue(contactId);
    await chat.waitForEvent('TRANSFER_TO_QUEUE');
    expect(await chat.storedKeys()).toContain(`connect-webchat:cursor:${contactId}`);
    await chat.endChat();
    await chat.waitForEvent('CONTACT_ENDED');
    expect((await chat.storedKeys()).filter((key) => key.startsWith('connect-webchat:'))).toEqual([]);
  });
});
