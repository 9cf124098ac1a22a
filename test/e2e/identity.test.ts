import { describe, expect, it } from 'vitest';
import { useStack } from './support/stack';

/**
 * Verified customers against `npm start`'s stack: the demo shop's `/account` page (customer demo-user,
 * "Dana Demo") embeds `member_chat`, which requires a token; the page gets it from the shop's own endpoint.
 */
describe('a signed-in customer on the demo shop', () => {
  const stack = useStack();

  /** A start straight at the backend, as a script on an allowed page could send it (no runtime). */
  async function postStart(body: object): Promise<{ status: number; code?: string }> {
    const response = await fetch(`${stack.server.url}/api/chats`, {
      method: 'POST',
      headers: { origin: stack.server.url, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as { error?: { code: string } };
    return { status: response.status, ...(answer.error ? { code: answer.error.code } : {}) };
  }

  it('starts a chat from /account whose contact carries the verified customer id and name', async () => {
    const chat = await stack.openChat('/account');
    await chat.waitForEvent('CHAT_VISIBLE');
    await chat.start();
    const contactId = await chat.contactId();
    const contact = await stack.control.contact(contactId);
    expect(contact).toMatchObject({ instance: 'member_chat', displayName: 'Dana Demo', attributes: { customerId: 'demo-user' } });
    await stack.control.waitForCustomer(contactId);
    await chat.send('Where is my order?');
    await chat.waitForPanelMessage('Where is my order?');
    await expect.poll(() => chat.customerNames()).toEqual(['Dana Demo']);
  });

  it('refuses a start on member_chat without a token, or with a forged one, with 401 and creates no contact', async () => {
    const before = (await stack.control.contacts()).length;
    expect(await postStart({ instance: 'member_chat', displayName: 'Dana Demo' })).toEqual({ status: 401, code: 'identity.required' });
    const forged = ['eyJhbGciOiJub25lIn0', Buffer.from('{"sub":"demo-user","aud":"member_chat"}').toString('base64url'), ''].join('.');
    expect(await postStart({ instance: 'member_chat', identity: forged })).toEqual({ status: 401, code: 'identity.invalid' });
    expect(await postStart({ instance: 'member_chat', attributes: { customerId: 'demo-user' } })).toEqual({ status: 401, code: 'identity.required' });
    expect((await stack.control.contacts()).length).toBe(before);
    // The sentinel: a start with a token from the shop's endpoint does create one.
    const context = await stack.newContext();
    const page = await context.newPage();
    await page.goto(`${stack.server.url}/account`);
    const token = await page.evaluate(async () => ((await (await fetch('/account/chat-token')).json()) as { token: string }).token);
    expect(await postStart({ instance: 'member_chat', identity: token })).toEqual({ status: 200 });
    expect((await stack.control.contacts()).length).toBe(before + 1);
  });

  it("gives no token to a visitor who is not signed in to the shop", async () => {
    const response = await fetch(`${stack.server.url}/account/chat-token`);
    expect(response.status).toBe(401);
  });

  it('fails the start with a retry, reported once, when the token cannot be got, and starts once it can', async () => {
    const chat = await stack.openChat('/account');
    await chat.waitForEvent('CHAT_VISIBLE');
    const tokenUrl = '**/account/chat-token';
    await chat.page.route(tokenUrl, (route) => route.fulfill({ status: 503, body: 'down' }));
    const before = (await stack.control.contacts()).length;
    await chat.start();
    await chat.waitForStartFailure();
    expect(chat.runtimeReports()).toEqual([expect.stringContaining('identity.unavailable')]);
    expect((await stack.control.contacts()).length).toBe(before);
    await chat.page.unroute(tokenUrl);
    await chat.start();
    const contact = await stack.control.contact(await chat.contactId());
    expect(contact).toMatchObject({ displayName: 'Dana Demo', attributes: { customerId: 'demo-user' } });
  });
});
