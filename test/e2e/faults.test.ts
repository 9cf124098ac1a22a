import { describe, expect, it } from 'vitest';
import { useStack, type Stack } from './support/stack';
import { openAgentChat } from './models/agent-chat';

/** Agent and customer texts, in order, as the emulator kept them. */
async function transcriptTexts(stack: Stack, contactId: string): Promise<string[]> {
  return (await stack.control.transcript(contactId))
    .filter((item) => item.ContentType === 'text/plain' && (item.ParticipantRole === 'AGENT' || item.ParticipantRole === 'CUSTOMER'))
    .map((item) => item.Content ?? '');
}

describe('faults: the chat keeps working, loses nothing and never hammers the service', () => {
  const stack = useStack();



  it('recovers by itself after the Participant Service was down for 10 s, filling the gap', async () => {
    const { chat, contactId } = await openAgentChat(stack);
    await stack.control.say(contactId, 'Before the outage');
    await chat.waitForPanelMessage('Before the outage');
    await stack.control.faults({ participant: { status: 503, forMs: 10_000 } });
    await stack.control.dropConnection(contactId);
    await chat.waitForStatus('Reconnecting');
    await stack.control.say(contactId, 'During the outage');
    // Recovered by the runtime itself once the service is back (how soon is `npm run bench`'s to measure, not a test's).
    await chat.waitForPanelMessage('During the outage', 25_000);
    await chat.waitForStatus('Connected to Ana', 25_000);
    expect(await chat.panelMessages()).toEqual(expect.arrayContaining(['Before the outage', 'During the outage']));
    expect((await chat.panelMessages()).filter((text) => text === 'During the outage')).toHaveLength(1);
    expect((await chat.types()).filter((type) => type === 'CONTACT_ENDED')).toEqual([]);
  });

  it('loses and repeats no message when the websocket drops again and again', async () => {
    const { chat, contactId } = await openAgentChat(stack);
    for (let round = 1; round <= 4; round++) {
      await stack.control.dropConnection(contactId);
      await stack.control.say(contactId, `agent ${round}`);
      await chat.send(`customer ${round}`);
      await chat.waitForPanelMessage(`agent ${round}`);
      await chat.waitForPanelMessage(`customer ${round}`);
    }
    await stack.control.waitForCustomer(contactId);
    const shown = (await chat.panelMessages()).filter((text) => /^(agent|customer) \d$/.test(text));
    const kept = (await transcriptTexts(stack, contactId)).filter((text) => /^(agent|customer) \d$/.test(text));
    expect(shown).toEqual(kept);
    expect(new Set(shown).size).toBe(8);
  });

  it('stops a reconnect loop (a CSP that blocks the socket) with a clear error', async () => {
    const context = await stack.browser.newContext();
    const page = await context.newPage();
    const connectionCalls: number[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/participant/connection')) connectionCalls.push(Date.now());
    });
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (directive: string) => violations.push(directive));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (event) => (window as unknown as { reportViolation(d: string): void }).reportViolation(event.violatedDirective)),
    );
    // The site's CSP lists the service's http origin but forgets its ws:// socket.
    await page.route(`${stack.server.url}/`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': `connect-src ${stack.server.url}` } });
    });
    const { ChatPage } = await import('./models/chat-page');
    const chat = new ChatPage(page);
    await chat.open(`${stack.server.url}/`);
    await chat.waitForEvent('CHAT_VISIBLE');
    await chat.start();
    await chat.waitForStatus('cannot keep a connection open', 15_000);
    const stoppedAt = Date.now();
    expect(violations).toContain('connect-src');
    expect(connectionCalls.length).toBeGreaterThan(40);
    // The loop's own rhythm says how long a quiet spell proves it stopped: ten of its longest gaps.
    const gaps = connectionCalls.slice(1).map((at, index) => at - connectionCalls[index]!);
    const quiet = 10 * Math.max(...gaps);
    const callsBefore = connectionCalls.length;
    await expect.poll(() => Date.now() - stoppedAt, { timeout: quiet + 5_000, interval: 50 }).toBeGreaterThan(quiet);
    expect(connectionCalls.filter((at) => at > stoppedAt + 500)).toEqual([]);
    // The sentinel: "Try again" connects anew, and the page's calls are seen again (the loop resumes: the CSP still blocks).
    await chat.retryButton().click();
    await expect.poll(() => connectionCalls.length, { timeout: 10_000 }).toBeGreaterThan(callsBefore);
    expect(chat.consoleErrors.some((text) => text.includes('[connect-webchat] stopped a reconnect loop'))).toBe(true);
    await context.close();
  });

  it('says so when the backend cannot be reached, and starts no contact', async () => {
    const chat = await stack.openChat();
    await chat.waitForEvent('CHAT_VISIBLE');
    const before = (await stack.control.contacts()).length;
    await chat.page.route('**/api/chats', (route) => route.abort('connectionrefused'));
    await chat.start();
    await chat.page.getByRole('alert').filter({ hasText: "couldn't start the chat" }).waitFor();
    expect(await chat.types()).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE']);
    expect((await stack.control.contacts()).length).toBe(before);
    expect(chat.consoleErrors.some((text) => text.includes('network.unreachable'))).toBe(true);
    expect(chat.pageErrors).toEqual([]);
  });

  it('catches up after the page was frozen in the background', async () => {
    const { chat, contactId } = await openAgentChat(stack);
    const cdp = await chat.page.context().newCDPSession(chat.page);
    await cdp.send('Page.setWebLifecycleState', { state: 'frozen' });
    await stack.control.dropConnection(contactId);
    await stack.control.say(contactId, 'While you were away');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await cdp.send('Page.setWebLifecycleState', { state: 'active' });
    await chat.waitForPanelMessage('While you were away');
    expect((await chat.panelMessages()).filter((text) => text === 'While you were away')).toHaveLength(1);
  });

  it('shows the same conversation in a second tab of the site, without a second contact', async () => {
    const { chat, contactId } = await openAgentChat(stack);
    const before = (await stack.control.contacts()).length;
    const [second] = await Promise.all([chat.page.context().waitForEvent('page'), chat.page.evaluate(() => window.open(location.href))]);
    const { ChatPage } = await import('./models/chat-page');
    const other = new ChatPage(second);
    await other.waitForStatus('Connected to Ana');
    await stack.control.say(contactId, 'Seen in both tabs');
    await chat.waitForPanelMessage('Seen in both tabs');
    await other.waitForPanelMessage('Seen in both tabs');
    expect((await stack.control.contacts()).length).toBe(before);
    expect(await other.types()).toEqual(['CHAT_LOADED']);
  });

  it('discards a tampered saved contact and starts clean', async () => {
    const context = await stack.browser.newContext();
    await context.addInitScript(() => {
      if (!sessionStorage.getItem('tampered')) {
        sessionStorage.setItem('tampered', '1');
        sessionStorage.setItem('connect-webchat:help_faq_bot:contact', '{"contact":{"contactId":"x"},"phase":"agent","savedAt":1}');
      }
    });
    const { ChatPage } = await import('./models/chat-page');
    const chat = new ChatPage(await context.newPage());
    await chat.open(`${stack.server.url}/`);
    await chat.waitForEvent('CHAT_VISIBLE');
    expect(await chat.types()).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE']);
    expect(await chat.page.evaluate(() => sessionStorage.getItem('connect-webchat:help_faq_bot:contact'))).toBeNull();
    expect(chat.pageErrors).toEqual([]);
    await context.close();
  });
});
