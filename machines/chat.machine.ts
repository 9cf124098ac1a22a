import { assign, emit, setup } from 'xstate';
import type { ChatContext, ChatEvent, ChatInput, ContactPhase, SaEvent } from './chat.types';

/**
 * The chat's life, and the single source of every saEvents entry.
 *
 * Pure: no DOM, no network, no clock. Each saEvents entry is emitted by the transition that makes it
 * true, stamped with the time carried by the event (`at`). Side effects are only *named* here
 * (`requestContact`, `openSession`, `endSession`); `src/runtime/` implements them with `provide`.
 *
 * Entries are emitted on transitions rather than on state entry so that restoring a contact after a
 * page navigation (`RESUME`) re-enters its state without announcing it a second time.
 */
/** Only reachable inside `contact`/`ended`, where a contact always exists. */
function contactIdOf(context: ChatContext): string {
  if (!context.contact) throw new Error('chat machine: contact event without a contact');
  return context.contact.contactId;
}

export const chatMachine = setup({
  types: {
    input: {} as ChatInput,
    context: {} as ChatContext,
    events: {} as ChatEvent,
    emitted: {} as SaEvent,
  },
  actions: {
    announce: emit((_, entry: SaEvent) => entry),
    announceVisible: emit(({ context, event }) => ({
      type: 'CHAT_VISIBLE' as const,
      data: { chatInstanceName: context.instanceName },
      timestamp: event.at,
    })),
    announceQueued: emit(({ context, event }) => ({
      type: 'TRANSFER_TO_QUEUE' as const,
      data: { contactId: contactIdOf(context) },
      timestamp: event.at,
    })),
    /** An agent joined but no queue marker came first: keep the funnel whole, and say it was inferred. */
    announceInferredQueue: emit(({ context, event }) => ({
      type: 'TRANSFER_TO_QUEUE' as const,
      data: { contactId: contactIdOf(context), inferred: true as const },
      timestamp: event.at,
    })),
    announceAgent: emit(({ context, event }) => ({
      type: 'CONNECT_TO_AGENT' as const,
      data: { contactId: contactIdOf(context) },
      timestamp: event.at,
    })),
    announceEnded: emit(({ context, event }) => ({
      type: 'CONTACT_ENDED' as const,
      data: { contactId: contactIdOf(context) },
      timestamp: event.at,
    })),
    allowByRules: assign({ rulesAllow: true }),
    denyByRules: assign({ rulesAllow: false }),
    rememberAgent: assign({ agentName: ({ event }) => (event.type === 'AGENT_JOINED' ? event.agentName : null) }),
    forgetAgent: assign({ agentName: null }),
    restoreContact: assign(({ event }) =>
      event.type === 'RESUME'
        ? { contact: event.saved.contact, agentName: event.saved.agentName, error: null }
        : {},
    ),
    forgetContact: assign({ contact: null, agentName: null, error: null }),
    /** Ask the backend for a new contact; answers with CONTACT_CREATED or START_FAILED. */
    requestContact: () => {},
    /** Join the contact with chatjs (load it, connect); answers with CONNECTED / CONNECTION_* and contact events. */
    openSession: () => {},
    /** The customer leaves: tell Amazon Connect (`disconnectParticipant`). */
    endSession: () => {},
  },
  guards: {
    rulesAllow: ({ context }) => context.rulesAllow,
    savedPhaseIs: ({ event }, phase: ContactPhase) => event.type === 'RESUME' && event.saved.phase === phase,
    /** The last failed start did not ask to wait (HTTP `Retry-After`), or the wait is over. */
    waitIsOver: ({ context, event }) => event.at >= (context.error?.retryAt ?? 0),
  },
}).createMachine({
  id: 'chat',
  initial: 'booting',
  context: ({ input }) => ({
    instanceName: input.instanceName,
    rulesAllow: false,
    contact: null,
    agentName: null,
    error: null,
  }),
  states: {
    booting: {
      on: {
        CONFIG_OK: {
          target: 'loaded',
          actions: {
            type: 'announce',
            params: ({ context, event }) => ({
              type: 'CHAT_LOADED',
              data: { chatInstanceName: context.instanceName },
              timestamp: event.at,
            }),
          },
        },
        CONFIG_INVALID: {
          target: 'failed',
          actions: assign({ error: ({ event }) => event.error }),
        },
      },
    },

    /** Bad configuration: nothing is offered, the console says which field is wrong. */
    failed: {},

    /** Loaded and configured; the runtime now evaluates the display rules or restores a contact. */
    loaded: {
      on: {
        RULES_ALLOW: { target: 'visible', actions: ['allowByRules', 'announceVisible'] },
        RULES_DENY: { target: 'hidden', actions: 'denyByRules' },
        RESUME: [
          { guard: { type: 'savedPhaseIs', params: 'queued' }, target: '#chat.contact.phase.queued', actions: ['restoreContact', 'openSession'] },
          { guard: { type: 'savedPhaseIs', params: 'agent' }, target: '#chat.contact.phase.agent', actions: ['restoreContact', 'openSession'] },
          { target: 'contact', actions: ['restoreContact', 'openSession'] },
        ],
      },
    },

    /** Display rules say no (this URL, this time): no start-chat button. */
    hidden: {
      on: {
        RULES_ALLOW: { target: 'visible', actions: ['allowByRules', 'announceVisible'] },
      },
    },

    /** The start-chat button is shown. */
    visible: {
      on: {
        RULES_DENY: { target: 'hidden', actions: 'denyByRules' },
        START: { guard: 'waitIsOver', target: 'starting', actions: assign({ error: null }) },
      },
    },

    /** Asking the backend for a contact. Rules changing now only matter once this settles. */
    starting: {
      entry: 'requestContact',
      on: {
        RULES_ALLOW: { actions: 'allowByRules' },
        RULES_DENY: { actions: 'denyByRules' },
        CONTACT_CREATED: {
          target: 'contact',
          actions: [
            assign({ contact: ({ event }) => event.contact, agentName: null, error: null }),
            {
              type: 'announce',
              params: ({ event }) => ({
                type: 'CONTACT_STARTED',
                data: { contactId: event.contact.contactId },
                timestamp: event.at,
              }),
            },
            'openSession',
          ],
        },
        START_FAILED: [
          { guard: 'rulesAllow', target: 'visible', actions: assign({ error: ({ event }) => event.error }) },
          { target: 'hidden', actions: assign({ error: ({ event }) => event.error }) },
        ],
      },
    },

    /**
     * A contact exists in Amazon Connect. Where it is in the flow and whether our connection to it is up
     * are independent, so they are parallel regions. Display rules never hide an active contact.
     */
    contact: {
      type: 'parallel',
      on: {
        RULES_ALLOW: { actions: 'allowByRules' },
        RULES_DENY: { actions: 'denyByRules' },
        CUSTOMER_ENDED: { target: 'ended', actions: ['announceEnded', 'endSession'] },
        CHAT_ENDED: { target: 'ended', actions: 'announceEnded' },
      },
      states: {
        phase: {
          initial: 'inFlow',
          states: {
            /** In the contact flow (bot, greeting), not yet in a queue as far as the customer can tell. */
            inFlow: {
              on: {
                QUEUED: { target: 'queued', actions: 'announceQueued' },
                TRANSFERRED: { target: 'queued', actions: 'announceQueued' },
                AGENT_JOINED: {
                  target: 'agent',
                  actions: ['announceInferredQueue', 'announceAgent', 'rememberAgent'],
                },
              },
            },
            queued: {
              on: {
                AGENT_JOINED: { target: 'agent', actions: ['announceAgent', 'rememberAgent'] },
              },
            },
            agent: {
              on: {
                AGENT_JOINED: { actions: 'rememberAgent' },
                AGENT_LEFT: { target: 'inFlow', actions: 'forgetAgent' },
                QUEUED: { target: 'queued', actions: ['announceQueued', 'forgetAgent'] },
                TRANSFERRED: { target: 'queued', actions: ['announceQueued', 'forgetAgent'] },
              },
            },
          },
        },
        link: {
          initial: 'connecting',
          states: {
            connecting: {
              on: {
                CONNECTED: { target: 'online', actions: assign({ error: null }) },
                CONNECTION_LOST: 'reconnecting',
                CONNECTION_FAILED: { target: 'offline', actions: assign({ error: ({ event }) => event.error }) },
              },
            },
            online: {
              on: { CONNECTION_LOST: 'reconnecting' },
            },
            /** Lost the socket; chatjs or the runtime is trying again. */
            reconnecting: {
              on: {
                CONNECTED: { target: 'online', actions: assign({ error: null }) },
                CONNECTION_FAILED: { target: 'offline', actions: assign({ error: ({ event }) => event.error }) },
              },
            },
            /** Gave up reconnecting; the customer can retry. The contact itself may still be alive. */
            offline: {
              on: {
                RETRY_CONNECTION: { target: 'connecting', actions: 'openSession' },
              },
            },
          },
        },
      },
    },

    ended: {
      on: {
        RULES_ALLOW: { actions: 'allowByRules' },
        RULES_DENY: { actions: 'denyByRules' },
        START: { guard: 'rulesAllow', target: 'starting', actions: assign({ error: null }) },
        DISMISS: [
          { guard: 'rulesAllow', target: 'visible', actions: ['forgetContact', 'announceVisible'] },
          { target: 'hidden', actions: 'forgetContact' },
        ],
      },
    },
  },
});
