import type { ChatPage } from './chat-page';
import type { EmulatorControl } from './emulator-control';

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
