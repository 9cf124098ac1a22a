/**
 * Example payloads for every event the chat machine takes, its actors' answers included, so the standalone
 * copy (whose actors never answer by themselves) can be driven by clicking. Values are obviously fake; the
 * token is there to show that the page masks it.
 */
import type { AnyEventObject } from 'xstate';
import type { ContactDetails, ContactPhase } from '../machines/chat.types';

const SAMPLE_CONTACT: ContactDetails = {
  contactId: 'sample-contact-0001',
  participantId: 'sample-participant-0001',
  participantToken: 'sample-participant-token-not-a-secret',
  participantEndpoint: 'https://participant.connect.example',
  region: 'ap-southeast-2',
};

const SAMPLE_ERROR = { code: 'sample.error', message: 'An example error from the visualizer.' };

const simple = (type: string) => (at: number) => ({ type, at });

const BUILDERS: Record<string, (at: number, variant?: string) => AnyEventObject> = {
  'xstate.done.actor.config': (at, variant) => ({
    type: 'xstate.done.actor.config',
    output: {
      at,
      preChat: variant === 'preChat',
      saved: isPhase(variant) ? { contact: SAMPLE_CONTACT, phase: variant, agentName: variant === 'agent' ? 'Ana' : null } : null,
    },
  }),
  'xstate.error.actor.config': (at) => ({ type: 'xstate.error.actor.config', error: { ...SAMPLE_ERROR, at } }),
  RULES_ALLOW: simple('RULES_ALLOW'),
  // Closed by the schedule until an hour later: the out-of-hours notice's case.
  RULES_DENY: (at) => ({ type: 'RULES_DENY', nextOpening: at + 3_600_000, at }),
  OPEN: simple('OPEN'),
  CLOSE: simple('CLOSE'),
  START: (at) => ({ type: 'START', attributes: { topic: 'sample' }, at }),
  'xstate.done.actor.startChat': (at) => ({ type: 'xstate.done.actor.startChat', output: { contact: SAMPLE_CONTACT, at } }),
  'xstate.error.actor.startChat': (at, variant) => ({
    type: 'xstate.error.actor.startChat',
    error: { ...SAMPLE_ERROR, ...(variant === 'wait' ? { retryAfterMs: 5000 } : {}), at },
  }),
  'xstate.after.retryAfter.chat.visible.waiting': () => ({ type: 'xstate.after.retryAfter.chat.visible.waiting' }),
  TAB_LEADS: simple('TAB_LEADS'),
  CONNECTED: simple('CONNECTED'),
  CONNECTION_LOST: simple('CONNECTION_LOST'),
  CONNECTION_FAILED: (at) => ({ type: 'CONNECTION_FAILED', error: SAMPLE_ERROR, at }),
  RETRY_CONNECTION: simple('RETRY_CONNECTION'),
  QUEUED: simple('QUEUED'),
  AGENT_JOINED: (at) => ({ type: 'AGENT_JOINED', agentName: 'Ana', at }),
  AGENT_LEFT: simple('AGENT_LEFT'),
  TRANSFERRED: simple('TRANSFERRED'),
  END_REQUESTED: simple('END_REQUESTED'),
  KEEP_CHATTING: simple('KEEP_CHATTING'),
  CUSTOMER_ENDED: simple('CUSTOMER_ENDED'),
  CHAT_ENDED: simple('CHAT_ENDED'),
};

function isPhase(value: string | undefined): value is ContactPhase {
  return value === 'inFlow' || value === 'queued' || value === 'agent';
}

/** Every event type, in the order of the chart's life. */
export const SAMPLE_EVENT_TYPES = Object.keys(BUILDERS);

/** An example of `type`; `variant` picks between payloads where a guard looks at the event. */
export function sampleEvent(type: string, at: number, variant?: string): AnyEventObject | undefined {
  return BUILDERS[type]?.(at, variant);
}

/**
 * The payload variant that takes this transition: a restored contact's phase (the target says which), or a
 * failed start that asks to wait.
 */
export function variantFor(transition: { eventType: string; targets: readonly string[]; definition: { guard?: unknown } }): string | undefined {
  if (transition.eventType === 'xstate.done.actor.config') {
    const target = transition.targets[0] ?? '';
    return /phase\.queued$/.test(target) ? 'queued' : /phase\.agent$/.test(target) ? 'agent' : /^contact$/.test(target) ? 'inFlow' : undefined;
  }
  const guard = transition.definition.guard as { type?: string } | string | undefined;
  return typeof guard === 'object' && guard?.type === 'mustWaitToRetry' ? 'wait' : undefined;
}
