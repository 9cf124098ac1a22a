import { describe, expect, it } from 'vitest';
import { openAgentChat } from './models/agent-chat';
import { useStack } from './support/stack';

const QUICK_REPLY = {
  templateType: 'QuickReply',
  version: '1.0',
  data: { content: { title: 'What is it about?', elements: [{ title: 'Billing' }, { title: 'Delivery' }] } },
};

describe('receipts, picks and unread: built bundle + chatjs in Chromium against the emulator', () => {
  const stack = useStack();

  const agentChat = () => openAgentChat(stack);

  it("shows the agent's receipts under the customer's latest message, and again after a reload", async () => {
    const { chat, contactId } = await agentChat();
    await chat.send('Is my order on its way?');
    await chat.waitForReceipt('Delivered');
    await stack.control.read(contactId);
    await chat.waitForReceipt('Read');
    await chat.reload();
    await chat.waitForPanelMessage('Is my order on its way?');
    await chat.waitForReceipt('Read');
    expect(chat.pageErrors).toEqual([]);
  });

  it("sends a card's pick as its exact text, and the card is answered", async () => {
    const { chat, contactId } = await agentChat();
    await stack.control.sendTemplate(contactId, QUICK_REPLY, { as: 'agent' });
    await chat.pick('Billing');
    const reply = await stack.control.waitForItem(contactId, (item) => item.ParticipantRole === 'CUSTOMER' && item.Content !== undefined);
    expect(reply).toMatchObject({ ContentType: 'text/plain', Content: 'Billing' });
    await expect.poll(() => chat.page.getByRole('button', { name: 'Delivery', exact: true }).isDisabled()).toBe(true);
  });

  it('counts messages that arrive while minimised on the launcher, and none once the panel is open again', async () => {
    const { chat, contactId } = await agentChat();
    await chat.minimise();
    await stack.control.say(contactId, 'First while you were away');
    await stack.control.say(contactId, 'Second while you were away');
    await chat.launcherWithName('Open chat, 2 unread').waitFor();
    // The customer's receipts: delivered while away (the sentinel), and read only once they look.
    const receiptOf = async (text: string) => {
      const item = (await stack.control.transcript(contactId)).find((entry) => entry.Content === text);
      const receipt = item?.MessageMetadata?.Receipts?.[0];
      return receipt?.ReadTimestamp ? 'read' : receipt?.DeliveredTimestamp ? 'delivered' : 'none';
    };
    await expect.poll(() => receiptOf('Second while you were away'), { timeout: 15_000 }).toBe('delivered');
    await chat.launcherWithName('Open chat, 2 unread').click();
    await chat.waitForPanelMessage('Second while you were away');
    await expect.poll(() => receiptOf('Second while you were away'), { timeout: 15_000 }).toBe('read');
    // Minimised again with nothing new: the launcher carries no count.
    await chat.minimise();
    await chat.launcherWithName('Open chat').waitFor();
    expect(await chat.launcherName()).toBe('Open chat');
  });
});
