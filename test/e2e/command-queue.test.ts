import { describe, expect, it } from 'vitest';
import { ChatPage } from './models/chat-page';
import type { EmulatorContact } from './models/emulator-control';
import { useStack } from './support/stack';

type Namespace = { push(command: unknown[]): void; loaded?: boolean };

describe('window.saWebchat: the script tag\'s command queue (built bundle against the emulator)', () => {
  const stack = useStack();

  /**
   * The demo site's home page, with the site's own snippet queueing commands before the async script has
   * loaded (an init script runs before any of the page's scripts).
   */
  async function openQueueing(commands: string): Promise<ChatPage> {
    const context = await stack.newContext();
    await context.addInitScript(`window.saWebchat = window.saWebchat || []; ${commands}`);
    const chat = new ChatPage(await context.newPage());
    await chat.open(`${stack.server.url}/`);
    return chat;
  }

  function panelHidden(chat: ChatPage): Promise<boolean> {
    return chat.page.evaluate(() => document.querySelector<HTMLElement>('[data-connect-webchat="panel"]')?.hidden === true);
  }

  it('runs an "open" queued before the script loaded, once the configuration has arrived', async () => {
    const chat = await openQueueing(`saWebchat.push(['open']);`);
    await chat.waitForEvent('CONTACT_STARTED');
    expect(await chat.types()).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE', 'CONTACT_STARTED']);
    await chat.messageBox().waitFor();
    expect(chat.pageErrors).toEqual([]);
  });

  it('runs a queued "start" with attributes, and reports an unknown command without stopping the others', async () => {
    const chat = await openQueueing(`saWebchat.push(['fly']); saWebchat.push(['start', { topic: 'billing', orderId: 'A-17' }]);`);
    const contactId = await chat.contactId();
    await stack.control.waitForCustomer(contactId);
    // The emulator keeps StartChatContact's Attributes; its control API answers them with the contact.
    const contact = (await stack.control.contact(contactId)) as EmulatorContact & { attributes?: Record<string, string> };
    expect(contact.attributes).toEqual({ topic: 'billing', orderId: 'A-17' });
    expect(chat.consoleErrors).toEqual([expect.stringContaining('unknown saWebchat command "fly"')]);
    expect(chat.pageErrors).toEqual([]);
  });

  it('"close" and "open" after loading minimise and bring back the running chat', async () => {
    const chat = await openQueueing('');
    await chat.waitForEvent('CHAT_VISIBLE');
    await chat.page.evaluate(() => (window as unknown as { saWebchat: Namespace }).saWebchat.push(['open']));
    const contactId = await chat.contactId();
    await stack.control.waitForCustomer(contactId);
    await chat.messageBox().waitFor();
    await chat.page.evaluate(() => (window as unknown as { saWebchat: Namespace }).saWebchat.push(['close']));
    await expect.poll(() => panelHidden(chat)).toBe(true);
    await chat.page.evaluate(() => (window as unknown as { saWebchat: { open(): void } }).saWebchat.open());
    await expect.poll(() => panelHidden(chat)).toBe(false);
    expect(await chat.types()).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE', 'CONTACT_STARTED']);
  });
});
