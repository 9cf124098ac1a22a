import { createInspector, type StatelyInspectionEvent } from '@statelyai/inspect';
import { createActor } from 'xstate';
import { describe, expect, it, vi } from 'vitest';
import { chatMachine } from '../../../../machines/chat.machine';
import { SA_EVENTS_SESSION_ID } from '../../../../src/browser/inspect/inspect-protocol';
import { MASKED } from '../../../../src/browser/inspect/mask-secrets';
import { createInspectionStore } from '../../../../visualizer/inspection-store';

/** Protocol messages as `@statelyai/inspect` makes them, for a chat actor registered under `x:0`-style ids. */
function protocol() {
  const messages: StatelyInspectionEvent[] = [];
  const inspector = createInspector({ send: (message) => messages.push(JSON.parse(JSON.stringify(message)) as StatelyInspectionEvent) });
  const actor = createActor(chatMachine, { input: { instanceName: 'help_faq_bot' } });
  return { messages, inspector, actor };
}

describe('createInspectionStore', () => {
  it('takes the machine from @xstate.actor, snapshots and events of that actor, and saEvents entries in order', () => {
    const { messages, inspector, actor } = protocol();
    const store = createInspectionStore(() => 1000);
    const changes: string[] = [];
    store.subscribe((change) => changes.push(change));
    inspector.actor(actor, { status: 'active', value: 'booting', context: { instanceName: 'help_faq_bot' } });
    inspector.event(actor, { type: 'CONFIG_OK', at: 5 });
    inspector.snapshot(actor, { status: 'active', value: 'loaded', context: { instanceName: 'help_faq_bot' } }, { event: { type: 'CONFIG_OK', at: 5 } });
    inspector.actor(SA_EVENTS_SESSION_ID, { status: 'active', context: {} });
    inspector.event(SA_EVENTS_SESSION_ID, { type: 'CHAT_LOADED', data: { chatInstanceName: 'help_faq_bot' }, timestamp: 5 }, { source: actor });
    inspector.event(SA_EVENTS_SESSION_ID, { type: 'CHAT_VISIBLE', data: { chatInstanceName: 'help_faq_bot' }, timestamp: 6 });
    messages.forEach((message) => store.apply(message));

    expect(store.machine).toMatchObject({ sessionId: actor.sessionId, name: 'chat' });
    expect(store.machine!.config).toMatchObject({ id: 'chat', initial: 'booting' });
    expect(store.state).toMatchObject({ value: 'loaded', event: { type: 'CONFIG_OK' } });
    expect(store.previousState).toMatchObject({ value: 'booting' });
    expect(store.lastEvent).toEqual({ event: { type: 'CONFIG_OK', at: 5 }, receivedAt: 1000 });
    expect(store.entries).toEqual([
      { position: 1, type: 'CHAT_LOADED', data: { chatInstanceName: 'help_faq_bot' }, timestamp: 5 },
      { position: 2, type: 'CHAT_VISIBLE', data: { chatInstanceName: 'help_faq_bot' }, timestamp: 6 },
    ]);
    expect(changes).toEqual(['machine', 'event', 'snapshot', 'entries', 'entries']);
  });

  it('masks tokens in contexts and events as they come in', () => {
    const { messages, inspector, actor } = protocol();
    const store = createInspectionStore();
    const contact = { contactId: 'c-1', participantToken: 'pt-secret' };
    inspector.actor(actor, { status: 'active', value: 'starting', context: {} });
    inspector.event(actor, { type: 'CONTACT_CREATED', contact });
    inspector.snapshot(actor, { status: 'active', value: { contact: { phase: 'inFlow', link: 'connecting' } }, context: { contact } });
    messages.forEach((message) => store.apply(message));
    expect(store.state!.context).toEqual({ contact: { contactId: 'c-1', participantToken: MASKED } });
    expect(store.lastEvent!.event).toEqual({ type: 'CONTACT_CREATED', contact: { contactId: 'c-1', participantToken: MASKED } });
  });

  it('ignores what is not for it: other sessions, child actors, malformed or hostile messages', () => {
    const { messages, inspector, actor } = protocol();
    const store = createInspectionStore();
    const listener = vi.fn();
    inspector.actor(actor, { status: 'active', value: 'booting', context: {} });
    messages.forEach((message) => store.apply(message));
    store.subscribe(listener);
    const base = { _version: '0.7.2', createdAt: '1', id: null, rootId: undefined };
    const ignored: unknown[] = [
      null,
      'text',
      [],
      { type: '@xstate.snapshot', sessionId: 'someone-else', snapshot: { value: 'visible' }, ...base },
      { type: '@xstate.snapshot', sessionId: actor.sessionId, snapshot: { value: 42 }, ...base },
      { type: '@xstate.snapshot', sessionId: actor.sessionId, snapshot: null, ...base },
      { type: '@xstate.event', sessionId: actor.sessionId, event: 'START', ...base },
      { type: '@xstate.actor', sessionId: 'child', parentId: actor.sessionId, definition: '{"states":{}}', ...base },
      { type: '@xstate.actor', sessionId: 'bad', definition: '<img src=x onerror=alert(1)>', ...base },
      { type: '@xstate.actor', sessionId: 'no-states', definition: '{"id":"x"}', ...base },
      { type: '@statelyai.connected' },
    ];
    for (const message of ignored) expect(store.apply(message)).toBeUndefined();
    expect(listener).not.toHaveBeenCalled();
    expect(store.machine!.sessionId).toBe(actor.sessionId);
  });

  it('forgets everything on reset, for a new source', () => {
    const { messages, inspector, actor } = protocol();
    const store = createInspectionStore();
    inspector.actor(actor, { status: 'active', value: 'booting', context: {} });
    inspector.event(SA_EVENTS_SESSION_ID, { type: 'CHAT_LOADED', data: {}, timestamp: 1 });
    messages.forEach((message) => store.apply(message));
    store.reset();
    expect([store.machine, store.state, store.lastEvent, store.entries.length]).toEqual([undefined, undefined, undefined, 0]);
  });
});
