import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { chatMachine } from '../../../../machines/chat.machine';
import type { ChatEvent } from '../../../../machines/chat.types';
import { declaredTransitions } from '../../../model/chat-paths';
import { sampleEvent, SAMPLE_EVENT_TYPES, variantFor } from '../../../../visualizer/sample-events';

const sample = (type: string, variant?: string) => sampleEvent(type, 1, variant) as ChatEvent;

describe('sample events for the standalone machine', () => {
  it('has one for every event type the chart declares a transition for, of that type', () => {
    const declared = new Set([...chatMachine.root.transitions.keys()]);
    const walk = (node: typeof chatMachine.root): void => {
      for (const type of node.transitions.keys()) declared.add(type);
      Object.values(node.states).forEach(walk);
    };
    walk(chatMachine.root);
    expect(new Set(SAMPLE_EVENT_TYPES)).toEqual(declared);
    for (const type of SAMPLE_EVENT_TYPES) expect(sampleEvent(type, 7)).toMatchObject({ type });
    expect(sampleEvent('NOT_AN_EVENT', 7)).toBeUndefined();
    expect(declaredTransitions().size).toBeGreaterThan(SAMPLE_EVENT_TYPES.length);
  });

  it('builds the payload a transition needs, so each restored phase can be taken', () => {
    for (const [target, value] of [
      ['contact.phase.queued', { contact: { phase: 'queued', link: 'connecting', panel: 'open' } }],
      ['contact.phase.agent', { contact: { phase: 'agent', link: 'connecting', panel: 'open' } }],
      ['contact', { contact: { phase: 'inFlow', link: 'connecting', panel: 'open' } }],
      ['loaded', 'loaded'],
    ] as const) {
      const actor = createActor(chatMachine, { input: { instanceName: 'demo' } }).start();
      const variant = variantFor({ eventType: 'xstate.done.actor.config', targets: [target], definition: {} });
      actor.send(sample('xstate.done.actor.config', variant));
      expect(actor.getSnapshot().value).toEqual(value);
      actor.stop();
    }
  });

  it('can walk the whole happy path of the machine', () => {
    const actor = createActor(chatMachine, { input: { instanceName: 'demo' } }).start();
    for (const type of ['xstate.done.actor.config', 'RULES_ALLOW', 'START', 'xstate.done.actor.startChat', 'CONNECTED', 'TAB_LEADS', 'QUEUED', 'AGENT_JOINED', 'CUSTOMER_ENDED', 'CLOSE']) {
      expect(actor.getSnapshot().can(sample(type)), type).toBe(true);
      actor.send(sample(type));
    }
    expect(actor.getSnapshot().value).toEqual({ visible: 'idle' });
    actor.stop();
  });
});
