import { describe, expect, it, vi } from 'vitest';
import type { ContactDetails } from '../../../../machines/chat.types';
import type { InstanceDefinition } from '../../../../src/browser/config/instance-config.types';
import type { BackendLogEntry } from '../../../../src/server/backend/backend.types';
import type { CustomerMemory, RememberedChat } from '../../../../src/server/backend/customer-memory';
import { createCustomerStarter } from '../../../../src/server/backend/returning-customer';
import type { CheckedStartChat } from '../../../../src/server/backend/start-chat-request';
import { createContactStarter, PersistentChatRefusedError, type ContactStarter } from '../../../../src/server/backend/start-contact';
import { testInstance } from '../../../fixtures/instance';

const REMEMBERING: InstanceDefinition = testInstance({ public: { name: 'member_chat', region: 'ap-southeast-2', persistence: 'identity' } });
const FORGETFUL: InstanceDefinition = testInstance({ public: { name: 'member_chat', region: 'ap-southeast-2', persistence: 'browser' } });
const REQUEST = { instance: 'member_chat', displayName: 'Dana', attributes: {} } as unknown as CheckedStartChat;
const DANA = { customerId: 'demo-user', name: 'Dana Demo' };

function contact(contactId: string): ContactDetails {
  return { contactId, participantId: 'p', participantToken: 't', participantEndpoint: 'http://127.0.0.1:1', region: 'ap-southeast-2' };
}

/** A memory in a Map: the DynamoDB one is tested against the embedded engine (customer-memory.test.ts). */
function mapMemory(initial?: RememberedChat) {
  const items = new Map<string, RememberedChat>(initial ? [['member_chat/demo-user', initial]] : []);
  const memory: CustomerMemory = {
    recall: vi.fn(async (instance, customerId) => items.get(`${instance}/${customerId}`)),
    remember: vi.fn(async (instance, customerId, chat) => void items.set(`${instance}/${customerId}`, chat)),
  };
  return { memory, items };
}

function setup(start: ContactStarter, initial?: RememberedChat) {
  const { memory, items } = mapMemory(initial);
  const logs: BackendLogEntry[] = [];
  const startFor = createCustomerStarter(start, memory, (entry) => logs.push(entry));
  return { startFor, memory, items, logs };
}

describe('a returning customer continues their chat', () => {
  it('continues the remembered session with ENTIRE_PAST_SESSION and remembers the new contact in it', async () => {
    const start = vi.fn<ContactStarter>(async () => contact('c3'));
    const { startFor, items } = setup(start, { lastContactId: 'c2', initialContactId: 'c1' });
    expect((await startFor(REMEMBERING, REQUEST, 'ip', DANA)).contactId).toBe('c3');
    expect(start).toHaveBeenCalledWith(REMEMBERING, REQUEST, 'ip', { RehydrationType: 'ENTIRE_PAST_SESSION', SourceContactId: 'c1' });
    expect(items.get('member_chat/demo-user')).toEqual({ lastContactId: 'c3', initialContactId: 'c1' });
  });

  it('starts a first chat fresh and remembers it as a session of its own', async () => {
    const start = vi.fn<ContactStarter>(async () => contact('c1'));
    const { startFor, items } = setup(start);
    await startFor(REMEMBERING, REQUEST, 'ip', DANA);
    expect(start).toHaveBeenCalledWith(REMEMBERING, REQUEST, 'ip');
    expect(items.get('member_chat/demo-user')).toEqual({ lastContactId: 'c1', initialContactId: 'c1' });
  });

  it('starts fresh when Amazon Connect will not continue the past chat (still running, transcript not written yet)', async () => {
    const start = vi.fn<ContactStarter>(async (_instance, _request, _ip, persistent) => {
      if (persistent) throw new PersistentChatRefusedError('Only a chat contact that has ended can be continued.');
      return contact('c5');
    });
    const { startFor, items, logs } = setup(start, { lastContactId: 'c4', initialContactId: 'c4' });
    expect((await startFor(REMEMBERING, REQUEST, 'ip', DANA)).contactId).toBe('c5');
    expect(start).toHaveBeenCalledTimes(2);
    expect(items.get('member_chat/demo-user')).toEqual({ lastContactId: 'c5', initialContactId: 'c5' });
    expect(logs.map((entry) => entry.event)).toEqual(['chat.not_continued']);
  });

  it('passes on any other failure, and still starts when the memory cannot be read or written', async () => {
    const failing = setup(vi.fn<ContactStarter>(async () => Promise.reject(new Error('down'))), { lastContactId: 'c2', initialContactId: 'c1' });
    await expect(failing.startFor(REMEMBERING, REQUEST, 'ip', DANA)).rejects.toThrow('down');

    const start = vi.fn<ContactStarter>(async () => contact('c7'));
    const broken: CustomerMemory = { recall: async () => Promise.reject(new Error('no table')), remember: async () => Promise.reject(new Error('no table')) };
    const logs: BackendLogEntry[] = [];
    expect((await createCustomerStarter(start, broken, (entry) => logs.push(entry))(REMEMBERING, REQUEST, 'ip', DANA)).contactId).toBe('c7');
    expect(logs.map((entry) => [entry.level, entry.event])).toEqual([['error', 'memory.unavailable'], ['error', 'memory.unavailable']]);
  });

  it('neither recalls nor remembers an anonymous customer, nor on an instance that does not persist by identity', async () => {
    const start = vi.fn<ContactStarter>(async () => contact('c8'));
    const { startFor, memory } = setup(start, { lastContactId: 'c2', initialContactId: 'c1' });
    await startFor(REMEMBERING, REQUEST, 'ip', undefined);
    await startFor(FORGETFUL, REQUEST, 'ip', DANA);
    expect(start.mock.calls.every((call) => call.length === 3)).toBe(true);
    expect(memory.recall).not.toHaveBeenCalled();
    expect(memory.remember).not.toHaveBeenCalled();
  });

  it('asks StartChatContact for the persistent chat, and tells a refusal of it apart from a broken start', async () => {
    const refusal = Object.assign(new Error('Only a chat contact that has ended can be continued.'), { name: 'InvalidRequestException', $metadata: { httpStatusCode: 400 } });
    const send = vi.fn(async (command: { input: Record<string, unknown> }) => {
      if (command.input.PersistentChat) throw refusal;
      return { ContactId: 'c1', ParticipantId: 'p', ParticipantToken: 't', $metadata: {} };
    });
    const start = createContactStarter({ connectClient: { send } as never }, () => {});
    const persistent = { RehydrationType: 'ENTIRE_PAST_SESSION', SourceContactId: 'c0' } as const;
    await expect(start(REMEMBERING, REQUEST, 'ip', persistent)).rejects.toBeInstanceOf(PersistentChatRefusedError);
    expect(send.mock.calls[0]?.[0].input.PersistentChat).toEqual(persistent);
    await expect(start(REMEMBERING, REQUEST, 'ip')).resolves.toMatchObject({ contactId: 'c1' });
    send.mockImplementationOnce(async () => Promise.reject(refusal));
    await expect(start(REMEMBERING, REQUEST, 'ip')).rejects.toMatchObject({ code: 'backend.flow' });
  });
});
