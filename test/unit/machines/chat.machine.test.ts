import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { chatMachine } from '../../../machines/chat.machine';
import type { ChatEvent, ContactDetails, SaEvent } from '../../../machines/chat.types';

const contact: ContactDetails = {
  contactId: 'c-1',
  participantId: 'p-1',
  participantToken: 't-1',
  participantEndpoint: 'http://127.0.0.1:9/',
  region: 'ap-southeast-2',
};

type EventWithoutTime = ChatEvent extends infer E ? (E extends ChatEvent ? Omit<E, 'at'> : never) : never;

/** Runs the machine through events stamped 1000, 1001, …; returns the actor and what it emitted. */
function run(events: EventWithoutTime[], effects: Partial<Record<'requestContact' | 'openSession' | 'endSession', () => void>> = {}) {
  const emitted: SaEvent[] = [];
  const actor = createActor(chatMachine.provide({ actions: effects }), { input: { instanceName: 'help_faq_bot' } });
  actor.on('*', (entry) => emitted.push(entry));
  actor.start();
  let at = 1000;
  for (const event of events) actor.send({ ...event, at: at++ } as ChatEvent);
  return { actor, emitted, types: () => emitted.map((entry) => entry.type) };
}

const toContact: EventWithoutTime[] = [
  { type: 'CONFIG_OK' },
  { type: 'RULES_ALLOW' },
  { type: 'START' },
  { type: 'CONTACT_CREATED', contact },
  { type: 'CONNECTED' },
];

describe('chat machine', () => {
  it('announces CHAT_LOADED then CHAT_VISIBLE with the instance name and the event times', () => {
    const { emitted, actor } = run([{ type: 'CONFIG_OK' }, { type: 'RULES_ALLOW' }]);
    expect(emitted).toEqual([
      { type: 'CHAT_LOADED', data: { chatInstanceName: 'help_faq_bot' }, timestamp: 1000 },
      { type: 'CHAT_VISIBLE', data: { chatInstanceName: 'help_faq_bot' }, timestamp: 1001 },
    ]);
    expect(actor.getSnapshot().value).toBe('visible');
  });

  it('goes to failed on invalid config and announces nothing', () => {
    const { emitted, actor } = run([{ type: 'CONFIG_INVALID', error: { code: 'config.region', message: 'bad' } }]);
    expect(emitted).toEqual([]);
    expect(actor.getSnapshot().value).toBe('failed');
    expect(actor.getSnapshot().context.error?.code).toBe('config.region');
  });

  it('stays hidden while rules deny and shows when they allow, announcing CHAT_VISIBLE each time it appears', () => {
    const { types, actor } = run([{ type: 'CONFIG_OK' }, { type: 'RULES_DENY' }, { type: 'RULES_ALLOW' }, { type: 'RULES_DENY' }, { type: 'RULES_ALLOW' }]);
    expect(types()).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE', 'CHAT_VISIBLE']);
    expect(actor.getSnapshot().value).toBe('visible');
  });

  it('asks for a contact on START and announces CONTACT_STARTED with the Amazon Connect contact id', () => {
    let requested = 0;
    let opened = 0;
    const { emitted, actor } = run(toContact, { requestContact: () => requested++, openSession: () => opened++ });
    expect(requested).toBe(1);
    expect(opened).toBe(1);
    expect(emitted.at(-1)).toEqual({ type: 'CONTACT_STARTED', data: { contactId: 'c-1' }, timestamp: 1003 });
    expect(actor.getSnapshot().matches({ contact: { phase: 'inFlow', link: 'online' } })).toBe(true);
  });

  it('returns to visible with an error when the start fails, and a retry can succeed', () => {
    const { actor, types } = run([
      { type: 'CONFIG_OK' },
      { type: 'RULES_ALLOW' },
      { type: 'START' },
      { type: 'START_FAILED', error: { code: 'http.500', message: 'try again' } },
    ]);
    expect(actor.getSnapshot().value).toBe('visible');
    expect(actor.getSnapshot().context.error).toEqual({ code: 'http.500', message: 'try again' });
    actor.send({ type: 'START', at: 2000 });
    expect(actor.getSnapshot().context.error).toBeNull();
    actor.send({ type: 'CONTACT_CREATED', contact, at: 2001 });
    expect(types()).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE', 'CONTACT_STARTED']);
  });

  it('refuses to start again before the time a busy service asked to wait for', () => {
    const { actor, types } = run([
      { type: 'CONFIG_OK' },
      { type: 'RULES_ALLOW' },
      { type: 'START' },
      { type: 'START_FAILED', error: { code: 'backend.throttled', message: 'wait', retryAt: 5000 } },
    ]);
    actor.send({ type: 'START', at: 4999 });
    expect(actor.getSnapshot().value).toBe('visible');
    expect(actor.getSnapshot().context.error?.retryAt).toBe(5000);
    actor.send({ type: 'START', at: 5000 });
    expect(actor.getSnapshot().value).toBe('starting');
    actor.send({ type: 'CONTACT_CREATED', contact, at: 5001 });
    expect(types()).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE', 'CONTACT_STARTED']);
  });

  it('emits the full normal sequence: queued, agent, ended', () => {
    const { types, emitted } = run([...toContact, { type: 'QUEUED' }, { type: 'AGENT_JOINED', agentName: 'Ana' }, { type: 'CHAT_ENDED' }]);
    expect(types()).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE', 'CONTACT_STARTED', 'TRANSFER_TO_QUEUE', 'CONNECT_TO_AGENT', 'CONTACT_ENDED']);
    expect(emitted.slice(2).every((entry) => 'contactId' in entry.data && entry.data.contactId === 'c-1')).toBe(true);
    const times = emitted.map((entry) => entry.timestamp);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('infers TRANSFER_TO_QUEUE when an agent joins without a queue marker', () => {
    const { emitted } = run([...toContact, { type: 'AGENT_JOINED', agentName: 'Ana' }]);
    expect(emitted.slice(-2)).toEqual([
      { type: 'TRANSFER_TO_QUEUE', data: { contactId: 'c-1', inferred: true }, timestamp: 1005 },
      { type: 'CONNECT_TO_AGENT', data: { contactId: 'c-1' }, timestamp: 1005 },
    ]);
  });

  it('announces TRANSFER_TO_QUEUE again after each transfer back to a queue', () => {
    const { types, actor } = run([
      ...toContact,
      { type: 'QUEUED' },
      { type: 'AGENT_JOINED', agentName: 'Ana' },
      { type: 'TRANSFERRED' },
      { type: 'QUEUED' },
      { type: 'AGENT_JOINED', agentName: 'Ben' },
    ]);
    expect(types().slice(3)).toEqual(['TRANSFER_TO_QUEUE', 'CONNECT_TO_AGENT', 'TRANSFER_TO_QUEUE', 'CONNECT_TO_AGENT']);
    expect(actor.getSnapshot().context.agentName).toBe('Ben');
  });

  it('treats an agent leaving then a queue marker as a transfer', () => {
    const { types } = run([...toContact, { type: 'QUEUED' }, { type: 'AGENT_JOINED', agentName: 'Ana' }, { type: 'AGENT_LEFT' }, { type: 'QUEUED' }]);
    expect(types().slice(3)).toEqual(['TRANSFER_TO_QUEUE', 'CONNECT_TO_AGENT', 'TRANSFER_TO_QUEUE']);
  });

  it('announces CONTACT_ENDED exactly once whoever ends it, also when no agent joined', () => {
    let ended = 0;
    const { types } = run([...toContact, { type: 'QUEUED' }, { type: 'CUSTOMER_ENDED' }, { type: 'CHAT_ENDED' }, { type: 'CUSTOMER_ENDED' }], {
      endSession: () => ended++,
    });
    expect(types().filter((type) => type === 'CONTACT_ENDED')).toHaveLength(1);
    expect(ended).toBe(1);
  });

  it('never hides an active contact when display rules deny', () => {
    const { actor } = run([...toContact, { type: 'RULES_DENY' }]);
    expect(actor.getSnapshot().matches('contact')).toBe(true);
    expect(actor.getSnapshot().context.rulesAllow).toBe(false);
    actor.send({ type: 'CHAT_ENDED', at: 5000 });
    actor.send({ type: 'DISMISS', at: 5001 });
    expect(actor.getSnapshot().value).toBe('hidden');
  });

  it('tracks the connection apart from the phase, and lets the customer retry after giving up', () => {
    let opened = 0;
    const { actor } = run([...toContact, { type: 'QUEUED' }, { type: 'CONNECTION_LOST' }], { openSession: () => opened++ });
    expect(actor.getSnapshot().matches({ contact: { phase: 'queued', link: 'reconnecting' } })).toBe(true);
    actor.send({ type: 'CONNECTION_FAILED', error: { code: 'connection.gave_up', message: 'lost' }, at: 3000 });
    expect(actor.getSnapshot().matches({ contact: { link: 'offline' } })).toBe(true);
    actor.send({ type: 'RETRY_CONNECTION', at: 3001 });
    actor.send({ type: 'CONNECTED', at: 3002 });
    expect(actor.getSnapshot().matches({ contact: { phase: 'queued', link: 'online' } })).toBe(true);
    expect(opened).toBe(2);
  });

  it('resumes a saved contact in its phase without announcing it again', () => {
    let opened = 0;
    const { actor, types } = run(
      [{ type: 'CONFIG_OK' }, { type: 'RESUME', saved: { contact, phase: 'agent', agentName: 'Ana' } }, { type: 'RULES_ALLOW' }],
      { openSession: () => opened++ },
    );
    expect(types()).toEqual(['CHAT_LOADED']);
    expect(actor.getSnapshot().matches({ contact: { phase: 'agent', link: 'connecting' } })).toBe(true);
    expect(actor.getSnapshot().context.agentName).toBe('Ana');
    expect(opened).toBe(1);
    actor.send({ type: 'CHAT_ENDED', at: 4000 });
    expect(types()).toEqual(['CHAT_LOADED', 'CONTACT_ENDED']);
  });

  it('starts a new chat from ended when the rules allow', () => {
    const { actor, types } = run([...toContact, { type: 'CHAT_ENDED' }, { type: 'START' }, { type: 'CONTACT_CREATED', contact: { ...contact, contactId: 'c-2' } }]);
    expect(actor.getSnapshot().matches('contact')).toBe(true);
    expect(types().slice(-2)).toEqual(['CONTACT_ENDED', 'CONTACT_STARTED']);
  });
});
