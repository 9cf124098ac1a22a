import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { SaEvent } from '../../machines/chat.types';
import type { ChatPage } from './models/chat-page';
import { useStack } from './support/stack';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

function contactIdsOf(history: SaEvent[]): string[] {
  return history.flatMap((event) => ('contactId' in event.data ? [event.data.contactId] : []));
}

describe('a real chat: built bundle + chatjs in Chromium against the emulator', () => {
  const stack = useStack();

  /** Opens the demo site, starts a chat and waits until the customer's socket is subscribed. */
  async function startedChat(path = '/'): Promise<{ chat: ChatPage; contactId: string }> {
    const chat = await stack.openChat(path);
    await chat.waitForEvent('CHAT_VISIBLE');
    await chat.start();
    const contactId = await chat.contactId();
    await stack.control.waitForCustomer(contactId);
    return { chat, contactId };
  }

  it('emits the normal sequence with the Amazon Connect ContactId, and shows the conversation', async () => {
    const { chat, contactId } = await startedChat();
    await stack.control.queue(contactId);
    await chat.waitForEvent('TRANSFER_TO_QUEUE');
    await stack.control.join(contactId, 'Ana');
    await chat.waitForEvent('CONNECT_TO_AGENT');
    await chat.waitForStatus('Connected to Ana');
    await stack.control.say(contactId, 'Hi, I am Ana. How can I help?');
    await chat.waitForPanelMessage('How can I help?');
    await chat.send('Where is my order?');
    await chat.waitForPanelMessage('Where is my order?');
    await chat.endChat();
    await chat.waitForEvent('CONTACT_ENDED');
    await chat.waitForStatus('Chat ended');

    const history = await chat.history();
    expect(history.map((event) => event.type)).toEqual([
      'CHAT_LOADED',
      'CHAT_VISIBLE',
      'CONTACT_STARTED',
      'TRANSFER_TO_QUEUE',
      'CONNECT_TO_AGENT',
      'CONTACT_ENDED',
    ]);
    expect(new Set(contactIdsOf(history))).toEqual(new Set([contactId]));
    const times = history.map((event) => event.timestamp);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect((await stack.control.contact(contactId))?.state).toBe('ended');
    const transcript = await stack.control.transcript(contactId);
    expect(transcript.some((item) => item.Content === 'Where is my order?' && item.ParticipantRole === 'CUSTOMER')).toBe(true);
    expect(chat.pageErrors).toEqual([]);
  });

  it('adds no globals while chatting, and leaves a `connect` of the site\'s own untouched', async () => {
    const chat = await stack.openChat('/');
    await chat.waitForEvent('CHAT_VISIBLE');
    await chat.page.evaluate(() => Object.assign(window, { connect: { site: true } }));
    const before = await chat.globalNames();
    await chat.start();
    const contactId = await chat.contactId();
    await stack.control.waitForCustomer(contactId);
    await stack.control.join(contactId, 'Ana');
    await stack.control.say(contactId, 'Hello');
    await chat.waitForPanelMessage('Hello');
    await chat.send('Hi');
    await chat.waitForPanelMessage('Hi');

    const added = (await chat.globalNames()).filter((name) => !before.includes(name));
    expect(added).toEqual([]);
    expect(await chat.page.evaluate(() => JSON.stringify((window as unknown as { connect: unknown }).connect))).toBe('{"site":true}');
    expect(chat.pageErrors).toEqual([]);
  });

  it('ends once when the customer ends while queued, no agent ever joining', async () => {
    const { chat, contactId } = await startedChat();
    await stack.control.queue(contactId);
    await chat.waitForEvent('TRANSFER_TO_QUEUE');
    await chat.endChat();
    await chat.waitForEvent('CONTACT_ENDED');
    // The service's own participant.left and chat.ended arrive after: a new chat, started once they have, is the
    // sentinel (its start brings the start button back, busy, so CHAT_VISIBLE comes first).
    await chat.startNewChat();
    await chat.waitForEvent('CONTACT_STARTED', 2);
    expect(await chat.types()).toEqual([
      'CHAT_LOADED',
      'CHAT_VISIBLE',
      'CONTACT_STARTED',
      'TRANSFER_TO_QUEUE',
      'CONTACT_ENDED',
      'CHAT_VISIBLE',
      'CONTACT_STARTED',
    ]);
  });

  it('ends once when the agent ends the chat, and offers a new one', async () => {
    const { chat, contactId } = await startedChat();
    await stack.control.queue(contactId);
    await stack.control.join(contactId);
    await chat.waitForEvent('CONNECT_TO_AGENT');
    await stack.control.end(contactId);
    await chat.waitForEvent('CONTACT_ENDED');
    await chat.waitForStatus('Chat ended');
    await chat.startNewChat();
    await chat.waitForEvent('CONTACT_STARTED', 2); // the sentinel: anything late about the first contact came before
    expect((await chat.types()).filter((type) => type === 'CONTACT_ENDED')).toHaveLength(1);
    const started = (await chat.history()).filter((event) => event.type === 'CONTACT_STARTED');
    expect(contactIdsOf(started)[1]).not.toBe(contactId);
  });

  it('ends once when the flow ends the chat before any agent', async () => {
    const { chat, contactId } = await startedChat();
    await stack.control.end(contactId);
    await chat.waitForEvent('CONTACT_ENDED');
    await chat.startNewChat();
    await chat.waitForEvent('CONTACT_STARTED', 2); // the sentinel: anything late about the first contact came before
    expect(await chat.types()).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE', 'CONTACT_STARTED', 'CONTACT_ENDED', 'CHAT_VISIBLE', 'CONTACT_STARTED']);
  });

  it('announces each transfer back to a queue and each agent', async () => {
    const { chat, contactId } = await startedChat();
    await stack.control.queue(contactId);
    await stack.control.join(contactId, 'Ana');
    await chat.waitForEvent('CONNECT_TO_AGENT');
    await stack.control.transfer(contactId);
    await chat.waitForEvent('TRANSFER_TO_QUEUE', 2);
    await chat.waitForStatus('Waiting in queue');
    await stack.control.join(contactId, 'Ben');
    await chat.waitForEvent('CONNECT_TO_AGENT', 2);
    await chat.waitForStatus('Connected to Ben');
    expect((await chat.types()).slice(2)).toEqual(['CONTACT_STARTED', 'TRANSFER_TO_QUEUE', 'CONNECT_TO_AGENT', 'TRANSFER_TO_QUEUE', 'CONNECT_TO_AGENT']);
  });

  it('infers the queue when an agent joins without a queue marker', async () => {
    const { chat, contactId } = await startedChat();
    await stack.control.join(contactId);
    await chat.waitForEvent('CONNECT_TO_AGENT');
    const history = await chat.history();
    expect(history.slice(3).map((event) => [event.type, event.data])).toEqual([
      ['TRANSFER_TO_QUEUE', { contactId, inferred: true }],
      ['CONNECT_TO_AGENT', { contactId }],
    ]);
  });

  it('keeps a queued contact queued across a reload, with no event announced twice', async () => {
    const { chat, contactId } = await startedChat();
    await stack.control.queue(contactId);
    await chat.waitForEvent('TRANSFER_TO_QUEUE');
    await chat.send('Before the reload');
    await chat.waitForPanelMessage('Before the reload');
    await chat.reload();
    await chat.waitForPanelMessage('Before the reload');
    await chat.waitForStatus('Waiting in queue');
    await stack.control.waitForCustomer(contactId);
    await stack.control.join(contactId, 'Ana');
    await chat.waitForEvent('CONNECT_TO_AGENT');
    // Items come in order: once the agent's next message is shown, a replayed event would have come before it.
    await stack.control.say(contactId, 'After the join');
    await chat.waitForPanelMessage('After the join');
    expect(await chat.types()).toEqual(['CHAT_LOADED', 'CONNECT_TO_AGENT']);
    expect(contactIdsOf(await chat.history())).toEqual([contactId]);
  });

  it('follows the visitor to another page mid-chat, even one whose rules hide the button, transcript intact', async () => {
    const { chat, contactId } = await startedChat();
    await stack.control.queue(contactId);
    await stack.control.join(contactId, 'Ana');
    await stack.control.say(contactId, 'First answer');
    await chat.waitForPanelMessage('First answer');
    await chat.navigate('Checkout');
    await chat.waitForPanelMessage('First answer');
    await chat.waitForStatus('Connected to Ana');
    await stack.control.waitForCustomer(contactId);
    await stack.control.say(contactId, 'Second answer');
    await chat.waitForPanelMessage('Second answer');
    const messages = await chat.panelMessages();
    expect(messages.filter((text) => text === 'First answer')).toHaveLength(1);
    expect(await chat.types()).toEqual(['CHAT_LOADED']);
    await stack.control.end(contactId);
    await chat.waitForEvent('CONTACT_ENDED');
    expect(await chat.types()).toEqual(['CHAT_LOADED', 'CONTACT_ENDED']);
    await expect(chat.launcherButton().isVisible()).resolves.toBe(false);
  });

  it('recovers from a dropped connection without losing or repeating a message', async () => {
    const { chat, contactId } = await startedChat();
    await stack.control.queue(contactId);
    await stack.control.join(contactId, 'Ana');
    await stack.control.say(contactId, 'Before the drop');
    await chat.waitForPanelMessage('Before the drop');
    await stack.control.dropConnection(contactId);
    await stack.control.say(contactId, 'During the drop');
    await chat.waitForPanelMessage('During the drop');
    await stack.control.waitForCustomer(contactId);
    await stack.control.say(contactId, 'After the drop');
    await chat.waitForPanelMessage('After the drop');
    const messages = await chat.panelMessages();
    for (const text of ['Before the drop', 'During the drop', 'After the drop']) {
      expect(messages.filter((message) => message === text)).toHaveLength(1);
    }
  });

  it('shows a clear error when the backend fails to start a chat, and the retry works', async () => {
    const chat = await stack.openChat();
    await chat.waitForEvent('CHAT_VISIBLE');
    await stack.control.faults({ startChat: { status: 500, count: 1 } });
    await chat.start();
    await chat.page.getByRole('alert').filter({ hasText: "couldn't start the chat" }).waitFor();
    expect(await chat.types()).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE']);
    await chat.start();
    await chat.waitForEvent('CONTACT_STARTED');
    expect((await chat.types()).filter((type) => type === 'CONTACT_STARTED')).toHaveLength(1);
  });

  it('waits as long as the busy service asks (Retry-After) before it lets the customer start again', async () => {
    const chat = await stack.openChat();
    await chat.waitForEvent('CHAT_VISIBLE');
    const starts: number[] = [];
    chat.page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/chats')) starts.push(Date.now());
    });
    // Connect throttles every attempt the backend's SDK makes: the backend answers 503 with Retry-After: 5.
    await stack.control.faults({ startChat: { status: 429, count: 3 } });
    await chat.start();
    await chat.page.getByRole('alert').filter({ hasText: 'Please try again in 5 seconds' }).waitFor();
    const refusedAt = Date.now();
    expect(await chat.launcherWaiting()).toBe(true);
    await chat.pressStartAnyway();
    // The sentinel: the site's own start, refused and reported, comes after the click was handled.
    const refusal = chat.page.waitForEvent('console', { predicate: (message) => message.text().includes('not starting yet') });
    await chat.page.evaluate(() => (window as unknown as { saWebchat: { start(): void } }).saWebchat.start());
    await refusal;
    expect(starts).toHaveLength(1);

    await expect.poll(() => chat.launcherWaiting(), { timeout: 10_000, interval: 100 }).toBe(false);
    expect(Date.now() - refusedAt).toBeGreaterThanOrEqual(4_000);
    await chat.start();
    await chat.waitForEvent('CONTACT_STARTED');
    expect(starts).toHaveLength(2);
    expect(await chat.types()).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE', 'CONTACT_STARTED']);
  });

  it('shows hostile message text literally and runs none of it', async () => {
    const { chat, contactId } = await startedChat();
    const dialogs: string[] = [];
    chat.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await stack.control.join(contactId);
    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    await stack.control.say(contactId, hostile);
    await chat.waitForPanelMessage('<img src=x onerror=alert(1)>');
    await stack.control.say(contactId, 'A later message'); // the sentinel: the hostile one had every chance to run
    await chat.waitForPanelMessage('A later message');
    expect(await chat.panelMessages()).toContain(hostile);
    expect(await chat.injectedElements()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('refuses a message over the service limit with a clear error before sending, and survives broken UTF-16', async () => {
    const { chat, contactId } = await startedChat();
    await chat.send('x'.repeat(1025));
    await chat.page.getByRole('alert').filter({ hasText: 'at most 1024 characters' }).waitFor();
    const lone = `half a pair \uD83D here`;
    await chat.send(lone);
    await chat.waitForPanelMessage('half a pair');
    await stack.control.join(contactId);
    await stack.control.say(contactId, 'agent \uDC00 broken');
    await chat.waitForPanelMessage('agent');
    const kept = (await stack.control.transcript(contactId)).map((item) => item.Content ?? '');
    expect(kept.some((text) => text.length > 1024)).toBe(false);
    expect(kept.some((text) => text.startsWith('half a pair'))).toBe(true);
    expect(chat.pageErrors).toEqual([]);
  });

  it('passes axe-core with the panel open', async () => {
    const { chat, contactId } = await startedChat();
    await stack.control.queue(contactId);
    await stack.control.join(contactId, 'Ana');
    await stack.control.say(contactId, 'Hello from Ana');
    await chat.send('Hello from me');
    await chat.waitForPanelMessage('Hello from me');
    await chat.waitForPanelMessage('Hello from Ana');
    expect(await chat.axeViolations(AXE_PATH)).toEqual([]);
  });
});

describe('the panel around a chat', () => {
  const stack = useStack();

  it('minimises to the launcher and reopens, chat and transcript untouched', async () => {
    const chat = await stack.openChat();
    await chat.waitForEvent('CHAT_VISIBLE');
    await chat.start();
    const contactId = await chat.contactId();
    await stack.control.waitForCustomer(contactId);
    await chat.page.getByRole('button', { name: 'Minimise' }).click();
    await chat.page.getByRole('button', { name: 'Open chat' }).waitFor();
    await expect(chat.messageBox().isVisible()).resolves.toBe(false);
    await stack.control.join(contactId);
    await stack.control.say(contactId, 'While minimised');
    await chat.page.getByRole('button', { name: 'Open chat' }).click();
    await chat.waitForPanelMessage('While minimised');
    await expect(chat.messageBox().isVisible()).resolves.toBe(true);
    expect((await chat.types()).filter((type) => type === 'CONTACT_STARTED')).toHaveLength(1);
  });

  it('asks the pre-chat questions the instance configures and starts the contact with them', async () => {
    const context = await stack.browser.newContext();
    const page = await context.newPage();
    // A page of the demo origin (allowed by the instance) that embeds the instance with a pre-chat form.
    await page.route(`${stack.server.url}/contact-sales`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><html lang="en"><title>Sales</title><main><h1>Sales</h1></main><script src="/webchat.js" data-instance="sales_chat" async></script></html>',
      }),
    );
    await page.goto(`${stack.server.url}/contact-sales`);
    await page.getByRole('button', { name: 'Start chat' }).click();
    // Submit with the name missing: the form's own button, in the panel that now covers the launcher.
    await page.locator('[data-connect-webchat="panel"]').getByRole('button', { name: 'Start chat' }).click();
    await page.getByRole('textbox', { name: 'Your name' }).fill('Dana');
    await page.getByRole('textbox', { name: 'Order number (optional)' }).fill('A-1234');
    await page.getByRole('textbox', { name: 'Order number (optional)' }).press('Enter');
    await page.getByRole('textbox', { name: 'Message' }).waitFor();
    // One contact only, started by the second submit: the browser refused the first, with the name missing.
    const types = await page.evaluate(() => (window as unknown as { saEvents: { history(): Array<{ type: string }> } }).saEvents.history().map((entry) => entry.type));
    expect(types).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE', 'CONTACT_STARTED']);
    const contacts = await stack.control.contacts();
    const contact = contacts.find((entry) => entry.instance === 'sales_chat') as unknown as { displayName: string; attributes: Record<string, string> };
    expect(contact.displayName).toBe('Dana');
    expect(contact.attributes).toEqual({ orderId: 'A-1234' });
    await context.close();
  });
});
