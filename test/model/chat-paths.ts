import { getShortestPaths, toDirectedGraph } from 'xstate/graph';
import { createActor, type AnyEventObject, type SnapshotFrom } from 'xstate';
import { chatMachine } from '../../machines/chat.machine';
import type { ChatFailure, ConfigLoaded, ContactCreated, ContactDetails, ContactPhase, SaEvent } from '../../machines/chat.types';
import { expectedEntries } from './sa-contract';

/** The contact every generated path uses (the product-level run replaces it with the real one). */
export const MODEL_CONTACT: ContactDetails = {
  contactId: 'model-contact',
  participantId: 'model-participant',
  participantToken: 'model-token',
  participantEndpoint: 'http://127.0.0.1:1/',
  region: 'ap-southeast-2',
};

export type ChatSnapshot = SnapshotFrom<typeof chatMachine>;

/**
 * An event of a path: a machine event, or what one of its actors answers (`xstate.done.actor.startChat`, …).
 * `at` is re-stamped when a path runs.
 */
export type ModelEvent = AnyEventObject;

/** The names paths use for the actors' answers and the wait, so a path reads as what happened. */
const EVENT_NAMES: Readonly<Record<string, string>> = {
  'xstate.done.actor.config': 'CONFIG_OK',
  'xstate.error.actor.config': 'CONFIG_INVALID',
  'xstate.done.actor.startChat': 'CONTACT_CREATED',
  'xstate.error.actor.startChat': 'START_FAILED',
  'xstate.after.retryAfter.chat.visible.waiting': 'WAIT_OVER',
};

const configOk = (saved: ContactPhase | null, preChat = false) => ({
  type: 'xstate.done.actor.config',
  output: {
    at: 0,
    preChat,
    saved: saved ? { contact: MODEL_CONTACT, phase: saved, agentName: saved === 'agent' ? 'Ana' : null } : null,
  } satisfies ConfigLoaded,
});

/** One of each event the world can send. */
export const MODEL_EVENTS: readonly ModelEvent[] = [
  configOk(null),
  configOk(null, true),
  configOk('inFlow'),
  configOk('queued'),
  configOk('agent'),
  { type: 'xstate.error.actor.config', error: { code: 'config.region', message: 'bad region', at: 0 } satisfies ChatFailure },
  { type: 'RULES_ALLOW', at: 0 },
  { type: 'RULES_DENY', at: 0 },
  { type: 'RULES_DENY', nextOpening: 3_600_000, at: 0 },
  { type: 'OPEN', at: 0 },
  { type: 'CLOSE', at: 0 },
  { type: 'START', attributes: { topic: 'billing' }, displayName: 'Dana', at: 0 },
  { type: 'xstate.done.actor.startChat', output: { contact: MODEL_CONTACT, at: 0 } satisfies ContactCreated },
  { type: 'xstate.error.actor.startChat', error: { code: 'http.500', message: 'try again', at: 0 } satisfies ChatFailure },
  {
    type: 'xstate.error.actor.startChat',
    error: { code: 'backend.throttled', message: 'busy', retryAfterMs: 3000, at: 0 } satisfies ChatFailure,
  },
  { type: 'xstate.after.retryAfter.chat.visible.waiting' },
  { type: 'TAB_LEADS', at: 0 },
  { type: 'CONNECTED', at: 0 },
  { type: 'CONNECTION_LOST', at: 0 },
  { type: 'CONNECTION_FAILED', error: { code: 'connection.gave_up', message: 'lost' }, at: 0 },
  { type: 'RETRY_CONNECTION', at: 0 },
  { type: 'QUEUED', at: 0 },
  { type: 'AGENT_JOINED', agentName: 'Ana', at: 0 },
  { type: 'AGENT_LEFT', at: 0 },
  { type: 'TRANSFERRED', at: 0 },
  { type: 'END_REQUESTED', at: 0 },
  { type: 'KEEP_CHATTING', at: 0 },
  { type: 'CUSTOMER_ENDED', at: 0 },
  { type: 'CHAT_ENDED', at: 0 },
];

export interface ModelStep {
  event: ModelEvent;
  /** The machine's state value after the step, for people reading a path. */
  state: unknown;
}

export interface ModelPath {
  description: string;
  steps: ModelStep[];
}

/** A step's event with its time set: `at` of the event, or of the actor's output or error. */
export function stamped(event: ModelEvent, at: number): ModelEvent {
  if (event.type.startsWith('xstate.done.actor.')) return { ...event, output: { ...event.output, at } };
  if (event.type.startsWith('xstate.error.actor.')) return { ...event, error: { ...event.error, at } };
  if (event.type.startsWith('xstate.after.')) return event;
  return { ...event, at };
}

/** When a stamped event happened. */
export function timeOf(event: ModelEvent): number {
  return (event.at ?? event.output?.at ?? event.error?.at ?? 0) as number;
}

/** A step's name: its event type, an actor's answer by what it means, and its variant where there are several. */
export function describeEvent(event: ModelEvent): string {
  const name = EVENT_NAMES[event.type] ?? event.type;
  if (event.type === 'xstate.done.actor.config') {
    const output = event.output as ConfigLoaded;
    if (output.saved) return `${name}(resume ${output.saved.phase})`;
    return output.preChat ? `${name}(pre-chat)` : name;
  }
  if (event.type === 'xstate.error.actor.startChat' && event.error.retryAfterMs) return `${name}(Retry-After)`;
  return name;
}

/** What Amazon Connect says of a contact reaches the page only through its connection. */
const CONTACT_NEWS = new Set(['QUEUED', 'AGENT_JOINED', 'AGENT_LEFT', 'TRANSFERRED', 'CHAT_ENDED']);

/**
 * Whether the world can send `event` now. The chart lets the contact's phase move whatever the connection
 * does (they are independent regions), but the page only hears of a queue, an agent or the end while its
 * connection is up or coming up: while it reconnects or after it gave up, that news waits for the
 * connection, so a path never sends it then (the end while reconnecting still arrives: chatjs is refused).
 * Nor can the customer retry a connection without seeing its "Try again", or ask to end a chat whose
 * connection was given up (the panel then offers only "Try again").
 */
function canHappen(snapshot: ChatSnapshot, event: ModelEvent): boolean {
  // "Try again" is a button of the shown panel (or of the launcher, standing in for a panel that cannot load).
  if (event.type === 'RETRY_CONNECTION') return !snapshot.matches({ contact: { panel: 'minimised' } });
  // "End chat" and its question are offered while the chat can go on, not once the connection was given up.
  if (event.type === 'END_REQUESTED' || event.type === 'KEEP_CHATTING') return !snapshot.matches({ contact: { link: 'offline' } });
  if (!CONTACT_NEWS.has(event.type)) return true;
  if (snapshot.matches({ contact: { link: 'offline' } })) return false;
  return event.type === 'CHAT_ENDED' || !snapshot.matches({ contact: { link: 'reconnecting' } });
}

/** Only the context that changes behaviour: traversal stays finite and paths stay short. */
function serializeState(snapshot: ChatSnapshot): string {
  const { rulesAllow, preChat, contact, agentName, leads, error } = snapshot.context;
  return JSON.stringify([snapshot.value, rulesAllow, preChat, contact !== null, agentName !== null, leads, error?.code ?? null]);
}

/**
 * Shortest paths from the initial state to every (state, via-event) pair of the shipped machine: together they
 * take every transition at least once. Simple paths are not generated: on this chart (parallel regions with
 * cycles) their number explodes, see shared/reference/model-based-testing.md. (`createTestModel` refuses
 * machines that invoke actors; `getShortestPaths` traverses them with the actors' answers as events.)
 */
export function generateChatPaths(): ModelPath[] {
  const paths = getShortestPaths(chatMachine, {
    events: MODEL_EVENTS as never,
    input: { instanceName: 'help_faq_bot' },
    // Keyed by "state via event from state", so shortest paths to every key take every transition.
    serializeState: (snapshot, event, previous) =>
      `${serializeState(snapshot as ChatSnapshot)} via ${event ? describeEvent(event) : ''} from ${previous ? serializeState(previous as ChatSnapshot) : ''}`,
    // Events the current state ignores add no transition to test; nor do events the world cannot send then.
    filterEvents: (snapshot, event) => (snapshot as ChatSnapshot).can(event as never) && canHappen(snapshot as ChatSnapshot, event),
  });
  return paths.map((path) => {
    const steps = path.steps
      .filter((step) => !step.event.type.startsWith('xstate.init'))
      .map((step) => ({ event: step.event as ModelEvent, state: (step.state as ChatSnapshot).value }));
    return { description: steps.map((step) => describeEvent(step.event)).join(' → ') || '(initial)', steps };
  });
}

/** Drops every path that is a prefix of another: the longer one takes the same steps. */
export function withoutPrefixes(paths: readonly ModelPath[]): ModelPath[] {
  const keyOf = (path: ModelPath) => path.steps.map((step) => JSON.stringify(step.event)).join('|');
  const keys = paths.map(keyOf);
  return paths.filter((_, index) => {
    const key = keys[index]!;
    return !keys.some((other, otherIndex) => otherIndex !== index && other.length > key.length && other.startsWith(`${key}|`));
  });
}

/** The transitions `event` takes from `before`, as `source --EVENT--> target` over state node ids. */
export function takenTransitions(before: ChatSnapshot, event: ModelEvent): string[] {
  const transitions = chatMachine.getTransitionData(before, event as never) ?? [];
  return transitions.map(transitionKey);
}

/** A transition's key, the same for a declared transition and a taken one. */
export function transitionKey(transition: { source: { id: string }; target?: ReadonlyArray<{ id: string }> | undefined; eventType: string; guard?: unknown }): string {
  const targets = transition.target?.length ? transition.target.map((target) => target.id).join(',') : transition.source.id;
  const guard = guardName(transition.guard);
  return `${transition.source.id} --${EVENT_NAMES[transition.eventType] ?? transition.eventType}${guard ? ` [${guard}]` : ''}--> ${targets}`;
}

function guardName(guard: unknown): string {
  if (!guard) return '';
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'object' && guard !== null && 'type' in guard) {
    const { type, params } = guard as { type: string; params?: unknown };
    return typeof params === 'function' ? type : params === undefined ? type : `${type} ${JSON.stringify(params)}`;
  }
  return 'inline';
}

/** Replays a path on the machine (its actors never answer by themselves): the transitions and saEvents each step gives. */
export function replayPath(path: ModelPath): Array<{ taken: string[]; entries: SaEvent[]; after: ChatSnapshot }> {
  const actor = createActor(chatMachine, { input: { instanceName: 'help_faq_bot' } }).start();
  const result = path.steps.map((step, index) => {
    const event = stamped(step.event, 1_000 + index);
    const before = actor.getSnapshot();
    const taken = takenTransitions(before, event);
    actor.send(event as never);
    const after = actor.getSnapshot();
    return { taken, entries: expectedEntries(before, after, timeOf(event)), after };
  });
  actor.stop();
  return result;
}

/** The fewest paths (greedily) that together take every transition the given paths take. */
export function coveringPaths(paths: readonly ModelPath[]): ModelPath[] {
  const candidates = paths.map((path) => ({ path, transitions: new Set(replayPath(path).flatMap((step) => step.taken)) }));
  const covered = new Set<string>();
  const chosen: ModelPath[] = [];
  for (;;) {
    let best: (typeof candidates)[number] | undefined;
    let bestGain = 0;
    for (const candidate of candidates) {
      const gain = [...candidate.transitions].filter((key) => !covered.has(key)).length;
      if (gain > bestGain || (gain === bestGain && gain > 0 && best && candidate.path.steps.length < best.path.steps.length)) {
        best = candidate;
        bestGain = gain;
      }
    }
    if (!best || bestGain === 0) return chosen;
    chosen.push(best.path);
    for (const key of best.transitions) covered.add(key);
  }
}

/** Every state node of the machine, by id: the coverage denominator for states. */
export function declaredStates(): Set<string> {
  const ids = new Set<string>();
  const walk = (node: ReturnType<typeof toDirectedGraph>): void => {
    ids.add(node.id);
    node.children.forEach(walk);
  };
  walk(toDirectedGraph(chatMachine));
  return ids;
}

/** Every declared transition of the machine (each guarded branch apart): the coverage denominator. */
export function declaredTransitions(): Set<string> {
  const keys = new Set<string>();
  const walk = (node: (typeof chatMachine)['root']): void => {
    for (const transitions of node.transitions.values()) for (const transition of transitions) keys.add(transitionKey(transition));
    for (const child of Object.values(node.states)) walk(child);
  };
  walk(chatMachine.root);
  return keys;
}

/** The states a snapshot is in, by id (every active node, compound ones included). */
export function activeStates(snapshot: ChatSnapshot): string[] {
  return snapshot._nodes.map((node) => node.id);
}
