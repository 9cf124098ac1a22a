import { describe, expect, it } from 'vitest';
import type { ChatPage } from './models/chat-page';
import { SitePage } from './models/site-page';
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
    const site = new SitePage(chat.page);
    const traces = new PageTraces(chat.page);
    await chat.waitForEvent('CHAT_VISIBLE');
    // Hold the backend's answer until destroy() has run.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let answered!: () => void;
    const done = new Promise<void>((resolve) => (answered = resolve));
    await chat.page.route('**/api/chats', async (route) => {
      await held;
      await route.continue().catch(() => {}); // the runtime may have aborted the request
      answered();
    });
    await chat.start();
    await destroy(chat);
    release();
    await done;
    // The sentinel: a new copy of the script boots after the held answer came back (or was dropped).
    await site.addScriptAgain();
    await chat.waitForEvent('CHAT_VISIBLE', 2);
    expect(traces.sockets).toEqual([]);
    expect(traces.participantRequestsSince(0)).toEqual([]);
    expect(await traces.widgetNodes()).toBe(1); // the new runtime's launcher
    expect(await chat.types()).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE', 'CHAT_LOADED', 'CHAT_VISIBLE']);
  });

  it('before the configuration has arrived: no launcher appears later', async () => {
    const context = await stack.browser.newContext();
    const site = new SitePage(await context.newPage());
    const traces = new PageTraces(site.page);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let configs = 0;
    await site.page.route('**/api/instances/**', async (route) => {
      if (++configs === 1) await held;
      await route.continue();
    });
    await site.open(`${stack.server.url}/`);
    await site.page.waitForFunction(() => (window as unknown as { saWebchat?: { loaded?: boolean } }).saWebchat?.loaded === true);
    await site.page.evaluate(() => (window as unknown as { saWebchat: { destroy(): void } }).saWebchat.destroy());
    release();
    // The sentinel: a new copy of the script, whose configuration is asked for after the first's came, boots.
    await site.addScriptAgain();
    await site.waitForEvent('CHAT_VISIBLE');
    expect(configs).toBe(2);
    expect(await site.types()).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE']); // the new runtime's only
    expect(await site.launcherCount()).toBe(1);
    expect(await traces.widgetNodes()).toBe(1);
    await context.close();
  });
});
