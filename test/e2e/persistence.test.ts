import type { BrowserContext, BrowserContextOptions } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_UI_TEXT } from '../../src/browser/config/ui-text';
import { ChatPage } from './models/chat-page';
import { useStack } from './support/stack';
import { startChatWithAgent } from './models/agent-chat';

/** Where a browser-persisted chat of help_faq_bot is kept (see contact-storage.ts). */
const SAVED_CONTACT_KEY = 'connect-webchat:help_faq_bot:contact';

describe('chats that outlive the page (built bundle in Chromium against the emulator)', () => {
  const stack = useStack();

  /** A context whose pages get help_faq_bot with `persistence` set as given. */
  async function contextWith(persistence: string | undefined, options?: BrowserContextOptions): Promise<BrowserContext> {
    const context = await stack.newContext(options);
    await context.route('**/api/instances/help_faq_bot', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...(await response.json()), ...(persistence ? { persistence } : {}) } });
    });
    return context;
  }

  /** Opens the demo site in a new page of `context`. */
  async function pageOf(context: BrowserContext): Promise<ChatPage> {
    const chat = new ChatPage(await context.newPage());
    await chat.open(`${stack.server.url}/`);
    return chat;
  }

  /** Starts a chat on `chat`'s page and has Ana join it and greet the customer. */
  async function chatWithAna(chat: ChatPage): Promise<string> {
    await chat.waitForEvent('CHAT_VISIBLE');
    const contactId = await startChatWithAgent(chat, stack.control);
    await stack.control.say(contactId, 'Hello, I am Ana');
    await chat.waitForPanelMessage('Hello, I am Ana');
    return contactId;
  }

  const contactCount = async () => (await stack.control.contacts()).length;

  it('"browser": a new tab joins the running chat, either tab sends, and the end reaches both, announced once', async () => {
    const context = await contextWith('browser');
    const first = await pageOf(context);
    const contactId = await chatWithAna(first);
    const contacts = await contactCount();

    const second = await pageOf(context); // a new tab, not a duplicate: it shares only localStorage
    await second.waitForEvent('CHAT_LOADED');
    await second.waitForStatus('Connected to Ana');
    await second.waitForPanelMessage('Hello, I am Ana'); // the transcript so far
    await second.send('Sent from the second tab');
    await stack.control.waitForItem(contactId, (item) => item.Content === 'Sent from the second tab');
    await first.page.bringToFront(); // a hidden tab's panel draws on its next frame, when it is looked at
    await first.waitForPanelMessage('Sent from the second tab');
    expect(await contactCount()).toBe(contacts); // joined, no second contact

    await first.endChat();
    await first.waitForEvent('CONTACT_ENDED');
    await second.page.bringToFront();
    await second.waitForStatus(DEFAULT_UI_TEXT.statusEnded);
    // The first tab leads and announces; the second follows in silence.
    expect(await first.types()).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE', 'CONTACT_STARTED', 'TRANSFER_TO_QUEUE', 'CONNECT_TO_AGENT', 'CONTACT_ENDED']);
    expect(await second.types()).toEqual(['CHAT_LOADED']);
    expect(await first.localKeys()).not.toContain(SAVED_CONTACT_KEY);

    // The chat is over: a third tab offers a new one.
    const third = await pageOf(context);
    await third.waitForEvent('CHAT_VISIBLE');
    expect(await third.types()).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE']);
  });

  it('"browser": after a browser restart (its localStorage restored) the chat goes on where it was', async () => {
    const before = await contextWith('browser');
    const chat = await pageOf(before);
    const contactId = await chatWithAna(chat);
    const state = await before.storageState();
    expect(state.origins.flatMap((origin) => origin.localStorage.map((entry) => entry.name))).toContain(SAVED_CONTACT_KEY);
    await before.close(); // the browser closes: sessionStorage is gone, localStorage stays on disk
    const contacts = await contactCount();

    const after = await pageOf(await contextWith('browser', { storageState: state }));
    await after.waitForEvent('CHAT_LOADED');
    await after.waitForStatus('Connected to Ana');
    await after.waitForPanelMessage('Hello, I am Ana');
    await after.send('Back after a restart');
    await stack.control.waitForItem(contactId, (item) => item.Content === 'Back after a restart');
    await stack.control.say(contactId, 'Welcome back');
    await after.waitForPanelMessage('Welcome back');
    expect(await contactCount()).toBe(contacts);
    // What happened before the restart was announced then, by the browser that saw it.
    expect(await after.types()).toEqual(['CHAT_LOADED']);
  });

  it('"tab" (the default): a new tab does not join, it offers a chat of its own', async () => {
    const context = await contextWith(undefined);
    const first = await pageOf(context);
    await chatWithAna(first);
    const second = await pageOf(context);
    await second.waitForEvent('CHAT_VISIBLE');
    expect(await second.types()).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE']);
    expect(await second.panelShown()).toBe(false);
    expect(await first.localKeys()).not.toContain(SAVED_CONTACT_KEY);
  });

  it('tells the customer in words when Amazon Connect finds them idle, and when it ends the chat for inactivity', async () => {
    const chat = await pageOf(await contextWith(undefined));
    const contactId = await chatWithAna(chat);
    await stack.control.customerTimeout(contactId, 'idle');
    await chat.waitForPanelMessage(DEFAULT_UI_TEXT.customerIdle);
    await stack.control.customerTimeout(contactId, 'returned');
    await stack.control.customerTimeout(contactId, 'autodisconnection');
    await chat.waitForPanelMessage(DEFAULT_UI_TEXT.autoDisconnected);
    await chat.waitForStatus(DEFAULT_UI_TEXT.statusEnded);
    await chat.waitForEvent('CONTACT_ENDED');
    expect((await chat.panelMessages()).slice(-2)).toEqual([DEFAULT_UI_TEXT.customerIdle, DEFAULT_UI_TEXT.autoDisconnected]);
  });

  it('"identity": a signed-in customer who comes back sees their last conversation above the new one (persistent chat)', async () => {
    const chat = await stack.openChat('/account'); // member_chat: identity required, persistence "identity"
    await chat.waitForEvent('CHAT_VISIBLE');
    await chat.start();
    const first = await chat.contactId();
    await stack.control.waitForCustomer(first);
    await chat.send('My parcel never came');
    await stack.control.waitForItem(first, (item) => item.Content === 'My parcel never came');
    await stack.control.join(first, 'Ana');
    await stack.control.say(first, 'I have sent a new one');
    await chat.waitForPanelMessage('I have sent a new one');
    await stack.control.end(first);
    await chat.waitForStatus(DEFAULT_UI_TEXT.statusEnded);

    // The next day, on another device: a new browser, no storage; the backend remembers Dana.
    const again = await stack.openChat('/account');
    await again.waitForEvent('CHAT_VISIBLE');
    await again.start();
    const second = await again.contactId();
    expect(second).not.toBe(first);
    expect(await stack.control.contact(second)).toMatchObject({ sourceContactId: first, continuedFromContactId: first });
    await stack.control.waitForCustomer(second);
    await again.waitForPanelMessage('I have sent a new one');
    await again.send('It came, thank you');
    await again.waitForPanelMessage('It came, thank you');
    const shown = await again.panelMessages();
    expect(shown.indexOf('My parcel never came')).toBeGreaterThan(-1);
    expect(shown.indexOf('My parcel never came')).toBeLessThan(shown.indexOf('I have sent a new one'));
    expect(shown.indexOf('I have sent a new one')).toBeLessThan(shown.indexOf('It came, thank you'));
    // The past session's end is history, not news: the new chat runs on, announced once.
    await stack.control.sayAs(second, 'flow', 'Glad to hear it');
    await again.waitForPanelMessage('Glad to hear it');
    expect(await again.types()).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE', 'CONTACT_STARTED']);
  });
});
