import { createActor } from 'xstate';
import { describe, expect, it, vi } from 'vitest';
import { chatMachine } from '../../../../machines/chat.machine';
import type { ChatEvent, SavedContact } from '../../../../machines/chat.types';
import { createReplayLog } from '../../../../src/browser/events/replay-log';
import { connectInspector } from '../../../../src/browser/entries/inspect-chunk';
import { SA_EVENTS_SESSION_ID } from '../../../../src/browser/inspect/inspect-protocol';
import { MASKED } from '../../../../src/browser/inspect/mask-secrets';

type Posted = { type: string; sessionId?: string; event?: { type: string }; snapshot?: { value?: unknown }; definition?: string };

/** A window whose `open()` returns a recorder, like the visualizer window would receive. */
function fakeWindow() {
  const posted: Posted[] = [];
  const listeners: Array<(message: { data: unknown }) => void> = [];
  const target = { postMessage: (message: Posted) => posted.push(message) };
  const win = {
    open: vi.fn(() => target),
    addEventListener: (_type: string, listener: (message: { data: unknown }) => void) => listeners.push(listener),
    requestIdleCallback: (callback: () => void) => setTimeout(callback, 0),
  };
  return { win: win as unknown as Window, posted, open: win.open, connect: () => listeners.forEach((listener) => listener({ data: { type: '@statelyai.connected' } })) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

/** The configuration actor's answer, as the runtime's actor gives it. */
function configOk(at: number, saved: SavedContact | null = null): ChatEvent {
  return { type: 'xstate.done.actor.config', output: { at, preChat: false, saved } } as never;
}

describe('connectInspector (the webchat-inspect.js chunk)', () => {
  it('opens the inspector, sends the chat machine and its snapshots, and forwards saEvents entries to the saEvents pseudo-actor', async () => {
    const { win, posted, open, connect } = fakeWindow();
    const log = createReplayLog();
    const inspect = connectInspector({ url: 'http://127.0.0.1:8080/visualizer/', events: () => log, window: win });
    const actor = createActor(chatMachine, { input: { instanceName: 'help_faq_bot' }, inspect });
    actor.on('*', (entry) => log.append(entry));
    actor.start();
    actor.send(configOk(1));
    actor.send({ type: 'RULES_ALLOW', at: 2 });
    actor.send({ type: 'START', at: 3 });
    const contact = { contactId: 'c-1', participantId: 'p-1', participantToken: 'pt-very-secret', participantEndpoint: 'https://x', region: 'ap-southeast-2' };
    actor.send({ type: 'xstate.done.actor.startChat', output: { contact, at: 4 } } as never);
    await settle();
    connect();
    await settle();

    expect(open).toHaveBeenCalledWith('http://127.0.0.1:8080/visualizer/', 'xstateinspector');
    const chat = posted.find((message) => message.type === '@xstate.actor' && message.sessionId === actor.sessionId);
    expect(JSON.parse(chat!.definition!)).toMatchObject({ id: 'chat', states: { contact: { type: 'parallel' } } });
    const values = posted.filter((message) => message.type === '@xstate.snapshot').map((message) => message.snapshot?.value);
    expect(values).toEqual(expect.arrayContaining(['loaded', { visible: 'idle' }, { visible: 'starting' }, { contact: { phase: 'inFlow', link: 'connecting', panel: 'open' } }]));
    const entries = posted.filter((message) => message.type === '@xstate.event' && message.sessionId === SA_EVENTS_SESSION_ID);
    expect(entries.map((message) => message.event?.type)).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE', 'CONTACT_STARTED']);
    expect(entries[2]).toMatchObject({ sourceId: actor.sessionId, event: { data: { contactId: 'c-1' }, timestamp: 4 } });
    expect(posted.some((message) => message.type === '@xstate.actor' && message.sessionId === SA_EVENTS_SESSION_ID)).toBe(true);
  });

  it('masks the participant token in contexts and events before anything is posted', async () => {
    const { win, posted, connect } = fakeWindow();
    const log = createReplayLog();
    connect();
    const inspect = connectInspector({ url: 'http://x/visualizer/', events: () => log, window: win });
    const actor = createActor(chatMachine, { input: { instanceName: 'help_faq_bot' }, inspect });
    actor.start();
    actor.send(configOk(1, { contact: { contactId: 'c-2', participantId: 'p', participantToken: 'pt-very-secret', participantEndpoint: 'https://x', region: 'r' }, phase: 'queued', agentName: null }));
    await settle();
    connect();
    await settle();
    const wire = JSON.stringify(posted);
    expect(wire).not.toContain('pt-very-secret');
    expect(wire).toContain(MASKED);
    expect(wire).toContain('c-2');
  });

  it('never lets an inspector failure reach the machine', async () => {
    const { win } = fakeWindow();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const inspect = connectInspector({ url: 'http://x/visualizer/', events: () => { throw new Error('no log'); }, window: win });
    const actor = createActor(chatMachine, { input: { instanceName: 'help_faq_bot' }, inspect });
    expect(() => actor.start()).not.toThrow();
    actor.send(configOk(1));
    expect(actor.getSnapshot().value).toBe('loaded');
    expect(error).toHaveBeenCalledTimes(1);
    error.mockRestore();
    await settle();
  });
});
