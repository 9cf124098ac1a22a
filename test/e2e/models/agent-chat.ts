import type { ChatPage } from './chat-page';
import type { EmulatorControl } from './emulator-control';
import type { Stack } from '../support/stack';

/**
 * Starts a chat on `chat`'s page (its launcher already shown) and has agent `name` take it through a queue, as
 * Amazon Connect would; resolves with the contact's id once the page announced CONNECT_TO_AGENT.
 */
export async function startChatWithAgent(chat: ChatPage, control: EmulatorControl, name = 'Ana'): Promise<string> {
  await chat.start();
  const contactId = await chat.contactId();
  await control.waitForCustomer(contactId);
  await control.queue(contactId);
  await control.join(contactId, name);
  await chat.waitForEvent('CONNECT_TO_AGENT');
  return contactId;
}

/** A fresh page of the demo site whose chat agent `name` has taken: where specs about the conversation begin. */
export async function openAgentChat(stack: Pick<Stack, 'openChat' | 'control'>, name = 'Ana'): Promise<{ chat: ChatPage; contactId: string }> {
  const chat = await stack.openChat('/');
  await chat.waitForEvent('CHAT_VISIBLE');
  const contactId = await startChatWithAgent(chat, stack.control, name);
  await chat.waitForStatus(`Connected to ${name}`);
  return { chat, contactId };
}
