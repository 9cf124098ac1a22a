/**
 * Example payloads for every event the chat machine accepts, so the standalone copy can be driven by
 * clicking. Values are obviously fake; the token is there to show that the page masks it.
 */
import type { ChatEvent, ChatEventType, ContactDetails, ContactPhase } from '../machines/chat.types';

const SAMPLE_CONTACT: ContactDetails = {
  contactId: 'sample-contact-0001',
  participantId: 'sample-participant-0001',
  participantToken: 'sample-participant-token-not-a-secret',
  participantEndpoint: 'https://participant.connect.example',
  region: 'ap-southeast-2',
};

const SAMPLE_ERROR = { code: 'sample.error', message: 'An example error from the visualizer.' };

type Builders = { [K in ChatEventType]: (at: number, variant?: string) => Extract<ChatEvent, { type: K }> };

const BUILDERS: Builders = {
  CONFIG_OK: (at) => ({ type: 'CONFIG_OK', at }),
  CONFIG_INVALID: (at) => ({ type: 'CONFIG_INVALID', error: SAMPLE_ERROR, at }),
  RULES_ALLOW: (at) => ({ type: 'RULES_ALLOW', at }),
  RULES_DENY: (at) => ({ type: 'RULES_DENY', at }),
  RESUME: (at, variant) => ({
    type: 'RESUME',
    saved: { contact: SAMPLE_CONTACT, phase: isPhase(variant) ? variant : 'inFlow', agentName: variant === 'agent' ? 'Ana' : null },
    at,
  }),
  START: (at) => ({ type: 'START', at }),
  START_FAILED: (at) => ({ type: 'START_FAILED', error: SAMPLE_ERROR, at }),
  CONTACT_CREATED: (at) => ({ type: 'CONTACT_CREATED', contact: SAMPLE_CONTACT, at }),
  CONNECTED: (at) => ({ type: 'CONNECTED', at }),
  CONNECTION_LOST: (at) => ({ type: 'CONNECTION_LOST', at }),
  CONNECTION_FAILED: (at) => ({ type: 'CONNECTION_FAILED', error: SAMPLE_ERROR, at }),
  RETRY_CONNECTION: (at) => ({ type: 'RETRY_CONNECTION', at }),
  QUEUED: (at) => ({ type: 'QUEUED', at }),
  AGENT_JOINED: (at) => ({ type: 'AGENT_JOINED', agentName: 'Ana', at }),
  AGENT_LEFT: (at) => ({ type: 'AGENT_LEFT', at }),
  TRANSFERRED: (at) => ({ type: 'TRANSFERRED', at }),
  CUSTOMER_ENDED: (at) => ({ type: 'CUSTOMER_ENDED', at }),
  CHAT_ENDED: (at) => ({ type: 'CHAT_ENDED', at }),
  DISMISS: (at) => ({ type: 'DISMISS', at }),
};

function isPhase(value: string | undefined): value is ContactPhase {
  return value === 'inFlow' || value === 'queued' || value === 'agent';
}

/** Every event type, in the order the types file declares them. */
export const SAMPLE_EVENT_TYPES = Object.keys(BUILDERS) as ChatEventType[];

/**
 * An example of `type`; `variant` picks between payloads where a guard looks at the event
 * (`RESUME` with `savedPhaseIs(queued)` needs a saved phase of `queued`).
 */
export function sampleEvent(type: string, at: number, variant?: string): ChatEvent | undefined {
  const build = (BUILDERS as Record<string, ((at: number, variant?: string) => ChatEvent) | undefined>)[type];
  return build?.(at, variant);
}

/** The variant a guard asks for: the params of a parameterised guard (`savedPhaseIs(queued)` → `queued`). */
export function variantForGuard(guard: unknown): string | undefined {
  if (guard && typeof guard === 'object' && 'params' in guard) {
    const params = (guard as { params?: unknown }).params;
    return typeof params === 'string' ? params : undefined;
  }
  return undefined;
}
