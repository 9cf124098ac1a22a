import { describe, expect, it } from 'vitest';
import { createActor, fromCallback, fromPromise, SimulatedClock } from 'xstate';
import { chatMachine } from '../../../machines/chat.machine';
import type { ChatFailure, ChatInput, ConfigLoaded, ContactDetails, SaEvent, SessionCommand, SessionInput, StartRequest } from '../../../machines/chat.types';

const contact: ContactDetails = {
  contactId: 'c-1',
  participantId: 'p-1',
  participantToken: 't-1',
  participantEndpoint: 'http://127.0.0.1:9/',
  region: 'ap-southeast-2',
};

/**
 * The machine with actors that answer when the test says so: `config`, `start` settle the pending
 * promises; `sessions` records each session's input and the commands the chart sent it.
 */
function harness(options: { config?: Partial<ConfigLoaded>; clock?: SimulatedClock } = {}) {
  const emitted: SaEvent[] = [];
  const starts: Array<{ input: StartRequest; resolve(contact: ContactDetails, at: number): void; reject(failure: ChatFailure): void; signal: AbortSignal }> = [];
  const sessions: Array<{ input: SessionInput; commands: SessionCommand[]; stopped: boolean }> = [];
  let refused = 0;
  const machine = chatMachine.provide({
    actors: {
      loadConfig: fromPromise<ConfigLoaded, ChatInput>(async () => ({ at: 1000, preChat: false, saved: null, ...options.config })),
      startChat: fromPromise(
        ({ input, signal }: { input: StartRequest; signal: AbortSignal }) =>
          new Promise((resolve, reject) =>
            starts.push({ input, signal, resolve: (c, at) => resolve({ contact: c, at }), reject: (failure) => reject(failure) }),
          ),
      ),
      session: fromCallback<SessionCommand, SessionInput>(({ input, receive }) => {
        const record = { input, commands: [] as SessionCommand[], stopped: false };
        sessions.push(record);
        receive((command) => record.commands.push(command));
        return () => (record.stopped = true);
      }),
    },
    actions: { refuseStart: () => refused++ },
  });
  const actor = createActor(machine, { input: { instanceName: 'help_faq_bot' }, ...(options.clock ? { clock: options.clock } : {}) });
  actor.on('*', (entry) => emitted.push(entry));
  actor.start();
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { actor, emitted, starts, sessions, settle, refused: () => refused, types: () => emitted.map((entry) => entry.type) };
}

async function inContact(h: ReturnType<typeof harness>) {
  await h.settle();
  h.actor.send({ type: 'RULES_ALLOW', at: 1001 });
  h.actor.send({ type: 'START', at: 1002 });
  h.starts[0]!.resolve(contact, 1003);
  await h.settle();
  h.actor.send({ type: 'TAB_LEADS', at: 1004 });
  h.actor.send({ type: 'CONNECTED', at: 1005 });
}

describe('chat machine', () => {
  it('announces CHAT_LOADED when the configuration actor answers, and CHAT_VISIBLE when the rules allow', async () => {
    const h = harness();
    await h.settle();
    h.actor.send({ type: 'RULES_ALLOW', at: 1001 });
    expect(h.emitted).toEqual([
      { type: 'CHAT_LOADED', data: { chatInstanceName: 'help_faq_bot' }, timestamp: 1000 },
      { type: 'CHAT_VISIBLE', data: { chatInstanceName: 'help_faq_bot' }, timestamp: 1001 },
    ]);
    expect(h.actor.getSnapshot().value).toEqual({ visible: 'idle' });
  });

  it('hands the START attributes and display name to the start actor, and announces CONTACT_STARTED at its time', async () => {
    const h = harness();
    await h.settle();
    h.actor.send({ type: 'RULES_ALLOW', at: 1001 });
    h.actor.send({ type: 'START', attributes: { topic: 'billing' }, displayName: 'Dana', at: 1002 });
    expect(h.starts[0]!.input).toEqual({ attributes: { topic: 'billing' }, displayName: 'Dana' });
    h.starts[0]!.resolve(contact, 1500);
    await h.settle();
    expect(h.emitted.at(-1)).toEqual({ type: 'CONTACT_STARTED', data: { contactId: 'c-1' }, timestamp: 1500 });
    expect(h.sessions).toHaveLength(1);
    expect(h.sessions[0]!.input).toEqual({ contact, resumed: false });
  });

  it('opens the pre-chat form on OPEN when the instance has one, and CLOSE cancels it', async () => {
    const h = harness({ config: { preChat: true } });
    await h.settle();
    h.actor.send({ type: 'RULES_ALLOW', at: 1001 });
    h.actor.send({ type: 'OPEN', at: 1002 });
    expect(h.actor.getSnapshot().value).toEqual({ visible: 'preChat' });
    h.actor.send({ type: 'CLOSE', at: 1003 });
    expect(h.actor.getSnapshot().value).toEqual({ visible: 'idle' });
    expect(h.starts).toHaveLength(0);
  });

  it('waits as long as a failed start asked (Retry-After), refusing starts meanwhile, without announcing the button again', async () => {
    const clock = new SimulatedClock();
    const h = harness({ clock });
    await h.settle();
    h.actor.send({ type: 'RULES_ALLOW', at: 1001 });
    h.actor.send({ type: 'START', at: 1002 });
    h.starts[0]!.reject({ code: 'backend.throttled', message: 'busy', retryAfterMs: 5000, at: 1003 });
    await h.settle();
    expect(h.actor.getSnapshot().value).toEqual({ visible: 'waiting' });
    h.actor.send({ type: 'START', at: 1004 });
    expect(h.refused()).toBe(1);
    expect(h.starts).toHaveLength(1);
    clock.increment(4999);
    expect(h.actor.getSnapshot().value).toEqual({ visible: 'waiting' });
    clock.increment(1);
    expect(h.actor.getSnapshot().value).toEqual({ visible: 'idle' });
    expect(h.types()).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE']);
  });

  it('emits the full normal sequence once, and tells the session to disconnect when the customer ends', async () => {
    const h = harness();
    await inContact(h);
    h.actor.send({ type: 'QUEUED', at: 1006 });
    h.actor.send({ type: 'AGENT_JOINED', agentName: 'Ana', at: 1007 });
    h.actor.send({ type: 'CUSTOMER_ENDED', at: 1008 });
    h.actor.send({ type: 'CHAT_ENDED', at: 1009 });
    expect(h.types()).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE', 'CONTACT_STARTED', 'TRANSFER_TO_QUEUE', 'CONNECT_TO_AGENT', 'CONTACT_ENDED']);
    expect(h.sessions[0]!.commands).toEqual([{ type: 'LEAVE', disconnect: true }]);
    expect(h.sessions[0]!.stopped).toBe(true);
  });

  it('leaves without disconnecting when Amazon Connect ends the chat', async () => {
    const h = harness();
    await inContact(h);
    h.actor.send({ type: 'CHAT_ENDED', at: 1006 });
    expect(h.sessions[0]!.commands).toEqual([{ type: 'LEAVE', disconnect: false }]);
  });

  it('a tab that follows another takes every step in silence, and announces once it leads', async () => {
    const h = harness({ config: { saved: { contact, phase: 'queued', agentName: null } } });
    await h.settle();
    expect(h.sessions[0]!.input).toEqual({ contact, resumed: true });
    h.actor.send({ type: 'AGENT_JOINED', agentName: 'Ana', at: 1001 });
    h.actor.send({ type: 'TRANSFERRED', at: 1002 });
    expect(h.types()).toEqual(['CHAT_LOADED']);
    h.actor.send({ type: 'TAB_LEADS', at: 1003 });
    h.actor.send({ type: 'AGENT_JOINED', agentName: 'Ben', at: 1004 });
    h.actor.send({ type: 'CHAT_ENDED', at: 1005 });
    expect(h.types()).toEqual(['CHAT_LOADED', 'CONNECT_TO_AGENT', 'CONTACT_ENDED']);
  });

  it('gives up while online (CONNECTION_FAILED) and tells the same session to retry', async () => {
    const h = harness();
    await inContact(h);
    h.actor.send({ type: 'CONNECTION_FAILED', error: { code: 'connection.gave_up', message: 'lost' }, at: 1006 });
    expect(h.actor.getSnapshot().matches({ contact: { link: 'offline' } })).toBe(true);
    h.actor.send({ type: 'RETRY_CONNECTION', at: 1007 });
    expect(h.sessions).toHaveLength(1);
    expect(h.sessions[0]!.commands).toEqual([{ type: 'RETRY_CONNECTION' }]);
  });

  it('minimises and reopens the panel; a chat that ends while minimised stays minimised', async () => {
    const h = harness();
    await inContact(h);
    h.actor.send({ type: 'CLOSE', at: 1006 });
    expect(h.actor.getSnapshot().matches({ contact: { panel: 'minimised' } })).toBe(true);
    h.actor.send({ type: 'CHAT_ENDED', at: 1007 });
    expect(h.actor.getSnapshot().value).toEqual({ ended: 'minimised' });
    h.actor.send({ type: 'OPEN', at: 1008 });
    expect(h.actor.getSnapshot().value).toEqual({ ended: 'open' });
  });

  it('announces CHAT_VISIBLE every time the button comes back: dismissing an ended chat, or a new start from it failing', async () => {
    const h = harness();
    await inContact(h);
    h.actor.send({ type: 'CHAT_ENDED', at: 1006 });
    h.actor.send({ type: 'START', at: 1007 });
    h.starts[1]!.reject({ code: 'http.500', message: 'no', at: 1008 });
    await h.settle();
    expect(h.actor.getSnapshot().value).toEqual({ visible: 'idle' });
    expect(h.types().slice(-2)).toEqual(['CONTACT_ENDED', 'CHAT_VISIBLE']);
  });

  it('refuses a new chat from an ended one while the rules deny, and never hides a running contact', async () => {
    const h = harness();
    await inContact(h);
    h.actor.send({ type: 'RULES_DENY', at: 1006 });
    expect(h.actor.getSnapshot().matches('contact')).toBe(true);
    h.actor.send({ type: 'CHAT_ENDED', at: 1007 });
    h.actor.send({ type: 'START', at: 1008 });
    expect(h.refused()).toBe(1);
    expect(h.starts).toHaveLength(1);
    h.actor.send({ type: 'CLOSE', at: 1009 });
    expect(h.actor.getSnapshot().value).toBe('hidden');
  });

  it('keeps when the schedule next opens while it hides the chat, for the notice, and drops it when the chat shows', async () => {
    const h = harness();
    await h.settle();
    h.actor.send({ type: 'RULES_DENY', nextOpening: 5000, at: 1001 });
    expect(h.actor.getSnapshot().value).toBe('hidden');
    expect(h.actor.getSnapshot().context.nextOpening).toBe(5000);
    // The visitor moves to a page the URL rules exclude: still hidden, no longer for the schedule.
    h.actor.send({ type: 'RULES_DENY', at: 1002 });
    expect(h.actor.getSnapshot().context.nextOpening).toBeNull();
    h.actor.send({ type: 'RULES_DENY', nextOpening: 5000, at: 1003 });
    h.actor.send({ type: 'RULES_ALLOW', at: 5000 });
    expect(h.actor.getSnapshot().context.nextOpening).toBeNull();
    expect(h.types()).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE']);
  });

  it('aborts the start request when the machine stops', async () => {
    const h = harness();
    await h.settle();
    h.actor.send({ type: 'RULES_ALLOW', at: 1001 });
    h.actor.send({ type: 'START', at: 1002 });
    h.actor.stop();
    expect(h.starts[0]!.signal.aborted).toBe(true);
  });
});
