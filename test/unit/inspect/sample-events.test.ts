import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { chatMachine } from '../../../machines/chat.machine';
import { sampleEvent, SAMPLE_EVENT_TYPES, variantForGuard } from '../../../visualizer/sample-events';

describe('sample events for the standalone machine', () => {
  it('has one for every event the machine declares, of that type', () => {
    expect(SAMPLE_EVENT_TYPES).toHaveLength(19);
    for (const type of SAMPLE_EVENT_TYPES) expect(sampleEvent(type, 7)).toMatchObject({ type, at: 7 });
    expect(sampleEvent('NOT_AN_EVENT', 7)).toBeUndefined();
  });

  it('builds the payload a guard asks for, so each RESUME branch can be taken', () => {
    expect(variantForGuard({ type: 'savedPhaseIs', params: 'agent' })).toBe('agent');
    expect(variantForGuard('rulesAllow')).toBeUndefined();
    for (const [phase, value] of [
      ['queued', { contact: { phase: 'queued', link: 'connecting' } }],
      ['agent', { contact: { phase: 'agent', link: 'connecting' } }],
      [undefined, { contact: { phase: 'inFlow', link: 'connecting' } }],
    ] as const) {
      const actor = createActor(chatMachine, { input: { instanceName: 'demo' } }).start();
      actor.send(sampleEvent('CONFIG_OK', 1)!);
      actor.send(sampleEvent('RESUME', 2, phase)!);
      expect(actor.getSnapshot().value).toEqual(value);
    }
  });

  it('can walk the whole happy path of the machine', () => {
    const actor = createActor(chatMachine, { input: { instanceName: 'demo' } }).start();
    for (const type of ['CONFIG_OK', 'RULES_ALLOW', 'START', 'CONTACT_CREATED', 'CONNECTED', 'QUEUED', 'AGENT_JOINED', 'CUSTOMER_ENDED', 'DISMISS']) {
      expect(actor.getSnapshot().can(sampleEvent(type, 1)!), type).toBe(true);
      actor.send(sampleEvent(type, 1)!);
    }
    expect(actor.getSnapshot().value).toBe('visible');
  });
});
