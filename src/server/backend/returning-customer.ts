import type { ContactDetails } from '../../../machines/chat.types';
import type { InstanceDefinition } from '../../browser/config/instance-config.types';
import type { BackendLog } from './backend.types';
import type { CustomerMemory } from './customer-memory';
import type { VerifiedCustomer } from './customer-identity';
import type { CheckedStartChat } from './start-chat-request';
import { PersistentChatRefusedError, type ContactStarter } from './start-contact';

/** Starts a contact, for a verified customer on an instance with `persistence: "identity"` continuing their last chat. */
export type CustomerStarter = (instance: InstanceDefinition, request: CheckedStartChat, sourceIp: string, customer: VerifiedCustomer | undefined) => Promise<ContactDetails>;

/**
 * A returning customer continues their conversation: the backend remembers each verified customer's last chat
 * (`memory`) and starts the next with Amazon Connect persistent chat (`ENTIRE_PAST_SESSION` from that chat's
 * session), so the past messages come with it. When Amazon Connect will not continue it (the last chat still
 * runs, or its transcript is not written yet), or the memory cannot be read, a fresh chat starts: a customer is
 * never refused a chat for the sake of its history.
 */
export function createCustomerStarter(start: ContactStarter, memory: CustomerMemory | undefined, log: BackendLog): CustomerStarter {
  return async function startForCustomer(instance, request, sourceIp, customer) {
    const name = instance.public.name;
    if (instance.public.persistence !== 'identity' || !customer || !memory) return start(instance, request, sourceIp);
    const past = await memory.recall(name, customer.customerId).catch((error: unknown) => {
      log({ level: 'error', event: 'memory.unavailable', instance: name, error: String(error).slice(0, 300) });
      return undefined;
    });
    let started: ContactDetails | undefined;
    if (past) {
      try {
        started = await start(instance, request, sourceIp, { RehydrationType: 'ENTIRE_PAST_SESSION', SourceContactId: past.initialContactId });
        log({ level: 'info', event: 'chat.continued', instance: name, contactId: started.contactId, from: past.lastContactId });
      } catch (error) {
        if (!(error instanceof PersistentChatRefusedError)) throw error;
        log({ level: 'info', event: 'chat.not_continued', instance: name, from: past.lastContactId, reason: error.message.slice(0, 300) });
      }
    }
    const session = started ? past!.initialContactId : undefined;
    started ??= await start(instance, request, sourceIp);
    await memory
      .remember(name, customer.customerId, { lastContactId: started.contactId, initialContactId: session ?? started.contactId })
      .catch((error: unknown) => log({ level: 'error', event: 'memory.unavailable', instance: name, error: String(error).slice(0, 300) }));
    return started;
  };
}
