import { describe, expect, it } from 'vitest';
import type { ChatPage } from './models/chat-page';
import { PageTraces } from './models/page-traces';
import { useStack } from './support/stack';

/** Longer than any timer the runtime arms by itself (chatjs' lost-connection watchdog is 5 s, retries 1–4 s). */
const QUIET_MS = 6000;

function destroy(chat: ChatPage): Promise<void> {
  return chat.page.evaluate(() => (window as unknown as { saWebchat: { destroy(): void } }).saWebchat.destroy());
}

describe('destroy(): nothing is left behind (built bundle in Chromium against the emulator)', () => {
  const stack = useStack();

  it('closes the socket, removes every node, and nothing fires afterwards, mid-chat with an agent', async () => {
    const chat = await stack.openChat('/');
    const traces = new PageTraces(chat.page);
    await chat.waitForEvent('CHAT_VISIBLE');
    await chat.start();
    const contactId = await chat.contactId();
    await stack.control.waitForCustomer(contactId);
    await stack.control.queue(contactId);
    await stack.control.join(contactId, 'Ana');
    await stack.control.typing(contactId); // arms the panel's typing timer
    await chat.waitForStatus('Connected to Ana');
    expect(traces.openSockets()).toHaveLength(1);
    const historyBefore = await chat.history();

    await destroy(chat);
    expect(await traces.widgetNodes()).toBe(0);
    await traces.waitForNoOpenSocket();
    expect(traces.openSockets()).toEqual([]);
    await expect.poll(async () => (await stack.control.contact(contactId))?.customerConnected, { timeout: 5000 }).toBe(false);

    const settled = Date.now() + 500; // requests chatjs had in flight when destroy() was called may still land
    await chat.page.waitForTimeout(500);
    await traces.watchDom();
    await stack.control.say(contactId, 'Are you still there?');
    await traces.stirListeners();
    await chat.page.waitForTimeout(QUIET_MS);

    expect(traces.participantRequestsSince(settled)).toEqual([]);
    expect(traces.requestsSince(settled)).toEqual([]);
    expect(traces.sockets).toHaveLength(1);
    expect(await traces.domChanges()).toEqual([]);
    expect(await traces.widgetNodes()).toBe(0);
    expect(await chat.history()).toEqual(historyBefore);
    expect((await stack.control.contact(contactId))?.customerConnected).toBe(false);
    expect(chat.pageErrors).toEqual([]);
  });

  it('stops a chat that is still being started: no contact is joined after destroy()', async () => {
    const chat = await stack.openChat('/');
    const traces = new PageTraces(chat.page);
    await chat.waitForEvent('CHAT_VISIBLE');
    // Hold the backend's answer until destroy() has run.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await chat.page.route('**/api/chats', async (route) => {
      await held;
      await route.continue();
    });
    await chat.start();
    await destroy(chat);
    release();
    await chat.page.waitForTimeout(2000);
    expect(traces.sockets).toEqual([]);
    expect(traces.participantRequestsSince(0)).toEqual([]);
    expect(await traces.widgetNodes()).toBe(0);
    expect(await chat.types()).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE']);
  });

  it('before the configuration has arrived: no launcher appears later', async () => {
    const context = await stack.browser.newContext();
    const page = await context.newPage();
    const traces = new PageTraces(page);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/instances/**', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${stack.server.url}/`);
    await page.waitForFunction(() => (window as unknown as { saWebchat?: { loaded?: boolean } }).saWebchat?.loaded === true);
    await page.evaluate(() => (window as unknown as { saWebchat: { destroy(): void } }).saWebchat.destroy());
    release();
    await page.waitForTimeout(1000);
    expect(await traces.widgetNodes()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { saEvents: { history(): unknown[] } }).saEvents.history())).toEqual([]);
    await context.close();
  });
});
