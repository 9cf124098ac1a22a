import { assign, emit, fromCallback, fromPromise, sendTo, setup, type SnapshotFrom } from 'xstate';
import type {
  ChatContext,
  ChatError,
  ChatEvent,
  ChatFailure,
  ChatInput,
  ConfigLoaded,
  ContactCreated,
  ContactPhase,
  SaEvent,
  SavedContact,
  SessionCommand,
  SessionInput,
  StartRequest,
} from './chat.types';

/**
 * The whole chat, and the single source of every saEvents entry: the contact's life (loaded → visible →
 * started → queued → agent → ended) and what the visitor sees of it (start button, pre-chat form, panel open
 * or minimised).
 *
 * Pure: no DOM, no network, no clock. Its work is done by three actors it only names and `src/browser/runtime/`
 * gives it through `createChatMachine`: `loadConfig` (invoked while booting), `startChat` (while starting) and
 * `session` (the live chat, for as long as the contact runs). Leaving a state cancels its actor.
 *
 * Each saEvents entry is emitted by the transition (or state entry) that makes it true, stamped with the time
 * carried by the event. Contact entries are emitted only by the tab that leads the contact (`context.leads`),
 * so a contact shown in several tabs is announced once per browser, and restoring a contact after a
 * navigation re-enters its state without announcing it again.
 */

/** Only reachable inside `contact`/`ended`, where a contact always exists. */
function contactIdOf(context: ChatContext): string {
  if (!context.contact) throw new Error('chat machine: contact event without a contact');
  return context.contact.contactId;
}

/** What an actor's rejection says, as a ChatError; anything unexpected becomes a generic failure. */
function failureOf(error: unknown): ChatFailure {
  const value = (typeof error === 'object' && error !== null ? error : {}) as Partial<ChatFailure>;
  return {
    code: typeof value.code === 'string' ? value.code : 'unexpected',
    message: typeof value.message === 'string' ? value.message : String(error),
    at: typeof value.at === 'number' ? value.at : 0,
    ...(typeof value.retryAfterMs === 'number' && value.retryAfterMs > 0 ? { retryAfterMs: value.retryAfterMs } : {}),
  };
}

function errorOf(error: unknown): ChatError {
  const { at: _at, ...rest } = failureOf(error);
  return rest;
}

type Announcement = 'announceQueued' | 'announceInferredQueue' | 'announceAgent' | 'announceEnded';
type Bookkeeping = 'rememberAgent' | 'forgetAgent';

/**
 * A transition of the contact that saEvents hears about: the tab that leads the contact announces it; a tab
 * that only follows it (another tab of the browser leads) takes the same step in silence.
 */
function announced<const T extends string>(target: T | undefined, announce: readonly Announcement[], also: readonly Bookkeeping[] = []) {
  return [
    { guard: 'leads' as const, ...(target ? { target } : {}), actions: [...announce, ...also] },
    { ...(target ? { target } : {}), actions: [...also] },
  ];
}

/** The transitions into `ended`, from wherever the customer or Amazon Connect ends the contact. */
function endTransitions<const T extends '#chat.ended.open' | '#chat.ended.minimised'>(target: T) {
  return {
    CUSTOMER_ENDED: announced(target, ['announceEnded']),
    CHAT_ENDED: announced(target, ['announceEnded']),
  };
}

/** The actors the chart names, doing nothing: the runtime gives their implementations (`createChatMachine`). */
const namedActors = {
  /** Fetch and validate the instance's configuration; find a contact to restore. */
  loadConfig: fromPromise<ConfigLoaded, ChatInput>(() => new Promise(() => {})),
  /** Ask the backend for a new contact (`POST /api/chats`). Rejects with a ChatFailure. */
  startChat: fromPromise<ContactCreated, StartRequest>(() => new Promise(() => {})),
  /**
   * The live chat (chatjs): sends back CONNECTED, CONNECTION_*, TAB_LEADS and the contact's events; takes
   * RETRY_CONNECTION and LEAVE (disconnecting the customer when they ended the chat).
   */
  session: fromCallback<SessionCommand, SessionInput>(() => {}),
};

/** What the runtime implements of the chart: its three actors, and what to say of a START it refuses. */
export interface ChatImplementations {
  actors: typeof namedActors;
  refuseStart(context: ChatContext): void;
}

/**
 * The chart, with the runtime's implementations or none. Built once per page: `chatMachine.provide(…)` would build
 * every state node a second time, on every page view, before the launcher shows.
 */
export function createChatMachine({ actors, refuseStart }: ChatImplementations = { actors: namedActors, refuseStart: () => {} }) {
  return setup({
    types: {
      input: {} as ChatInput,
      context: {} as ChatContext,
      events: {} as ChatEvent,
      emitted: {} as SaEvent,
    },
    actors,
    actions: {
      announceLoaded: emit(({ context }, at: number) => ({
        type: 'CHAT_LOADED' as const,
        data: { chatInstanceName: context.instanceName },
        timestamp: at,
      })),
      announceVisible: emit(({ context, event }) => ({
        type: 'CHAT_VISIBLE' as const,
        data: { chatInstanceName: context.instanceName },
        timestamp: 'at' in event ? event.at : 0,
      })),
      announceStarted: emit(({ context }, at: number) => ({
        type: 'CONTACT_STARTED' as const,
        data: { contactId: contactIdOf(context) },
        timestamp: at,
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
      allowByRules: assign({ rulesAllow: true, nextOpening: null }),
      denyByRules: assign({
        rulesAllow: false,
        nextOpening: ({ event }) => (event.type === 'RULES_DENY' ? (event.nextOpening ?? null) : null),
      }),
      rememberAgent: assign({ agentName: ({ event }) => (event.type === 'AGENT_JOINED' ? event.agentName : null) }),
      forgetAgent: assign({ agentName: null }),
      /** Takes what the configuration says, and the contact to restore (if any). */
      restoreContact: assign((_, output: ConfigLoaded) => ({
        preChat: output.preChat,
        contact: output.saved?.contact ?? null,
        agentName: output.saved?.agentName ?? null,
        leads: false,
      })),
      forgetContact: assign({ contact: null, agentName: null, leads: false, error: null }),
      /** A START the chart refuses (a `Retry-After` wait, or rules that deny a new chat): the runtime says why. */
      refuseStart: ({ context }) => refuseStart(context),
      tellSessionToRetry: sendTo('session', { type: 'RETRY_CONNECTION' } satisfies SessionCommand),
    },
    guards: {
      rulesAllow: ({ context }) => context.rulesAllow,
      leads: ({ context }) => context.leads,
      preChat: ({ context }) => context.preChat,
      savedPhaseIs: (_, { saved, phase }: { saved: SavedContact | null; phase: ContactPhase }) => saved?.phase === phase,
      /** A failed start that asked to wait (`Retry-After`), while a new chat may still be offered. */
      mustWaitToRetry: ({ context }, { error }: { error: unknown }) => context.rulesAllow && errorOf(error).retryAfterMs !== undefined,
    },
    delays: {
      /** The `Retry-After` of the failed start. */
      retryAfter: ({ context }) => context.error?.retryAfterMs ?? 0,
    },
  }).createMachine({
    id: 'chat',
    initial: 'booting',
    context: ({ input }) => ({
      instanceName: input.instanceName,
      rulesAllow: false,
      preChat: false,
      contact: null,
      agentName: null,
      leads: false,
      error: null,
      nextOpening: null,
    }),
    states: {
      booting: {
        invoke: {
          id: 'config',
          src: 'loadConfig',
          input: ({ context }) => ({ instanceName: context.instanceName }),
          onDone: [
            {
              guard: { type: 'savedPhaseIs', params: ({ event }) => ({ saved: event.output.saved, phase: 'queued' }) },
              target: '#chat.contact.phase.queued',
              actions: [{ type: 'announceLoaded', params: ({ event }) => event.output.at }, { type: 'restoreContact', params: ({ event }) => event.output }],
            },
            {
              guard: { type: 'savedPhaseIs', params: ({ event }) => ({ saved: event.output.saved, phase: 'agent' }) },
              target: '#chat.contact.phase.agent',
              actions: [{ type: 'announceLoaded', params: ({ event }) => event.output.at }, { type: 'restoreContact', params: ({ event }) => event.output }],
            },
            {
              guard: { type: 'savedPhaseIs', params: ({ event }) => ({ saved: event.output.saved, phase: 'inFlow' }) },
              target: '#chat.contact',
              actions: [{ type: 'announceLoaded', params: ({ event }) => event.output.at }, { type: 'restoreContact', params: ({ event }) => event.output }],
            },
            {
              target: 'loaded',
              actions: [{ type: 'announceLoaded', params: ({ event }) => event.output.at }, { type: 'restoreContact', params: ({ event }) => event.output }],
            },
          ],
          onError: { target: 'failed', actions: assign({ error: ({ event }) => errorOf(event.error) }) },
        },
      },

      /** Bad configuration: nothing is offered, the console says which field is wrong. */
      failed: {},

      /** Loaded and configured; the runtime now evaluates the display rules. */
      loaded: {
        on: {
          RULES_ALLOW: { target: 'visible', actions: 'allowByRules' },
          RULES_DENY: { target: 'hidden', actions: 'denyByRules' },
        },
      },

      /**
       * Display rules say no (this URL, this time): no start-chat button; the out-of-hours notice instead when
       * `context.nextOpening` says when the schedule opens.
       */
      hidden: {
        on: {
          RULES_ALLOW: { target: 'visible', actions: 'allowByRules' },
          // Still closed, for another reason (the visitor moved to an excluded page) or until another time.
          RULES_DENY: { actions: 'denyByRules' },
        },
      },

      /** The start-chat button is shown; every entry announces it, once the launcher shows it. */
      visible: {
        initial: 'idle',
        entry: 'announceVisible',
        on: {
          RULES_DENY: { target: 'hidden', actions: 'denyByRules' },
        },
        states: {
          idle: {
            on: {
              OPEN: [{ guard: 'preChat', target: 'preChat' }, { target: 'starting' }],
              START: 'starting',
            },
          },
          /** The pre-chat form is open. */
          preChat: {
            on: {
              CLOSE: 'idle',
              START: 'starting',
            },
          },
          /** The last start was refused with a `Retry-After`: the button waits that long. */
          waiting: {
            after: { retryAfter: 'idle' },
            on: {
              OPEN: { actions: 'refuseStart' },
              START: { actions: 'refuseStart' },
            },
          },
          /** Asking the backend for a contact. Rules changing now only matter once this settles. */
          starting: {
            entry: assign({ error: null }),
            invoke: {
              id: 'startChat',
              src: 'startChat',
              input: ({ event }) =>
                event.type === 'START'
                  ? { ...(event.attributes ? { attributes: event.attributes } : {}), ...(event.displayName ? { displayName: event.displayName } : {}) }
                  : {},
              onDone: {
                target: '#chat.contact',
                actions: [
                  assign({ contact: ({ event }) => event.output.contact, agentName: null, leads: true, error: null }),
                  { type: 'announceStarted', params: ({ event }) => event.output.at },
                ],
              },
              onError: [
                {
                  guard: { type: 'mustWaitToRetry', params: ({ event }) => ({ error: event.error }) },
                  target: 'waiting',
                  actions: assign({ error: ({ event }) => errorOf(event.error) }),
                },
                { guard: 'rulesAllow', target: 'idle', actions: assign({ error: ({ event }) => errorOf(event.error) }) },
                { target: '#chat.hidden', actions: assign({ error: ({ event }) => errorOf(event.error) }) },
              ],
            },
            on: {
              RULES_DENY: { actions: 'denyByRules' },
            },
          },
        },
      },

      /**
       * A contact exists in Amazon Connect. Where it is in the flow, whether our connection to it is up, and
       * whether the panel is open are independent, so they are parallel regions. Display rules never hide an
       * active contact.
       */
      contact: {
        type: 'parallel',
        invoke: {
          id: 'session',
          src: 'session',
          input: ({ context, event }) => ({ contact: context.contact!, resumed: !event.type.startsWith('xstate.done.actor.startChat') }),
        },
        // The session is told before it is stopped, so a customer who ends the chat is disconnected first.
        exit: sendTo('session', ({ event }) => ({ type: 'LEAVE', disconnect: event.type === 'CUSTOMER_ENDED' }) satisfies SessionCommand),
        on: {
          RULES_ALLOW: { actions: 'allowByRules' },
          RULES_DENY: { actions: 'denyByRules' },
          TAB_LEADS: { actions: assign({ leads: true }) },
          ...endTransitions('#chat.ended.open'),
        },
        states: {
          phase: {
            initial: 'inFlow',
            states: {
              /** In the contact flow (bot, greeting), not yet in a queue as far as the customer can tell. */
              inFlow: {
                on: {
                  QUEUED: announced('queued', ['announceQueued']),
                  TRANSFERRED: announced('queued', ['announceQueued']),
                  AGENT_JOINED: announced('agent', ['announceInferredQueue', 'announceAgent'], ['rememberAgent']),
                },
              },
              queued: {
                on: {
                  AGENT_JOINED: announced('agent', ['announceAgent'], ['rememberAgent']),
                },
              },
              agent: {
                on: {
                  AGENT_JOINED: { actions: 'rememberAgent' },
                  AGENT_LEFT: { target: 'inFlow', actions: 'forgetAgent' },
                  QUEUED: announced('queued', ['announceQueued'], ['forgetAgent']),
                  TRANSFERRED: announced('queued', ['announceQueued'], ['forgetAgent']),
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
                on: {
                  CONNECTION_LOST: 'reconnecting',
                  CONNECTION_FAILED: { target: 'offline', actions: assign({ error: ({ event }) => event.error }) },
                },
              },
              /** Lost the socket; chatjs or the session is trying again. */
              reconnecting: {
                on: {
                  CONNECTED: { target: 'online', actions: assign({ error: null }) },
                  CONNECTION_FAILED: { target: 'offline', actions: assign({ error: ({ event }) => event.error }) },
                },
              },
              /** Gave up reconnecting; the customer can retry. The contact itself may still be alive. */
              offline: {
                on: {
                  RETRY_CONNECTION: { target: 'connecting', actions: 'tellSessionToRetry' },
                },
              },
            },
          },
          panel: {
            initial: 'open',
            states: {
              open: {
                on: { CLOSE: 'minimised', END_REQUESTED: 'confirmingEnd' },
              },
              /** "End chat" was pressed: the panel asks before ending, since an ended chat cannot be taken back. */
              confirmingEnd: {
                on: { KEEP_CHATTING: 'open', CLOSE: 'minimised' },
              },
              /** Tucked away: the launcher brings it back; the chat goes on. */
              minimised: {
                on: { OPEN: 'open', ...endTransitions('#chat.ended.minimised') },
              },
            },
          },
        },
      },

      /** The contact is over; the panel still shows the transcript until the customer dismisses it. */
      ended: {
        initial: 'open',
        on: {
          RULES_ALLOW: { actions: 'allowByRules' },
          RULES_DENY: { actions: 'denyByRules' },
          START: [
            { guard: 'rulesAllow', target: '#chat.visible.starting', actions: 'forgetContact' },
            { actions: 'refuseStart' },
          ],
          CLOSE: [
            { guard: 'rulesAllow', target: 'visible', actions: 'forgetContact' },
            { target: 'hidden', actions: 'forgetContact' },
          ],
        },
        states: {
          open: {},
          minimised: {
            on: { OPEN: 'open' },
          },
        },
      },
    },
  });
}

/** The chart as it stands, its actors doing nothing: for the tests, the visualizer and the model's paths. */
export const chatMachine = /* @__PURE__ */ createChatMachine();

/** A snapshot of the chat machine: what every view of the chat is drawn from. */
export type ChatSnapshot = SnapshotFrom<typeof chatMachine>;
