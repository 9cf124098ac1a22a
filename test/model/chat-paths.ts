import { createTestModel, toDirectedGraph } from 'xstate/graph';
import { createActor, type SnapshotFrom } from 'xstate';
import { chatMachine } from '../../machines/chat.machine';
import type { ChatEvent, ContactDetails, SaEvent } from '../../machines/chat.types';

/** The contact every generated path uses (the product-level run replaces it with the real one). */
export const MODEL_CONTACT: ContactDetails = {
  contactId: 'model-contact',
  participantId: 'model-participant',
  participantToken: 'model-token',
  participantEndpoint: 'http://127.0.0.1:1/',
  region: 'ap-southeast-2',
};

export type ChatSnapshot = SnapshotFrom<typeof chatMachine>;

/** One of each event the world can send; `at` is re-stamped when a path runs. */
export const MODEL_EVENTS: readonly ChatEvent[] = [
  { type: 'CONFIG_OK', at: 0 },
  { type: 'CONFIG_INVALID', error: { code: 'config.region', message: 'bad region' }, at: 0 },
  { type: 'RULES_ALLOW', at: 0 },
  { type: 'RULES_DENY', at: 0 },
  { type: 'RESUME', saved: { contact: MODEL_CONTACT, phase: 'inFlow', agentName: null }, at: 0 },
  { type: 'RESUME', saved: { contact: MODEL_CONTACT, phase: 'queued', agentName: null }, at: 0 },
  { type: 'RESUME', saved: { contact: MODEL_CONTACT, phase: 'agent', agentName: 'Ana' }, at: 0 },
  { type: 'START', at: 0 },
  { type: 'START_FAILED', error: { code: 'http.500', message: 'try again' }, at: 0 },
  { type: 'CONTACT_CREATED', contact: MODEL_CONTACT, at: 0 },
  { type: 'CONNECTED', at: 0 },
  { type: 'CONNECTION_LOST', at: 0 },
  { type: 'CONNECTION_FAILED', error: { code: 'connection.gave_up', message: 'lost' }, at: 0 },
  { type: 'RETRY_CONNECTION', at: 0 },
  { type: 'QUEUED', at: 0 },
  { type: 'AGENT_JOINED', agentName: 'Ana', at: 0 },
  { type: 'AGENT_LEFT', at: 0 },
  { type: 'TRANSFERRED', at: 0 },
  { type: 'CUSTOMER_ENDED', at: 0 },
  { type: 'CHAT_ENDED', at: 0 },
  { type: 'DISMISS', at: 0 },
];

export interface ModelStep {
  event: ChatEvent;
  /** The machine's state value after the step, for people reading a path. */
  state: unknown;
}

export interface ModelPath {
  description: string;
  steps: ModelStep[];
}

/**
 * Drops every path that is a prefix of another: running the longer one takes the same steps and checks
 * the same states on the way. What is left still covers every transition, in far fewer runs.
 */
export function withoutPrefixes(paths: readonly ModelPath[]): ModelPath[] {
  const keyOf = (path: ModelPath) => path.steps.map((step) => JSON.stringify(step.event)).join('|');
  const keys = paths.map(keyOf);
  return paths.filter((_, index) => {
    const key = keys[index]!;
    return !keys.some((other, otherIndex) => otherIndex !== index && other.length > key.length && other.startsWith(`${key}|`));
  });
}

/** Only the context that changes behaviour: traversal stays finite and paths stay short. */
function serializeState(snapshot: ChatSnapshot): string {
  const { rulesAllow, contact, agentName, error } = snapshot.context;
  return JSON.stringify([snapshot.value, rulesAllow, contact !== null, agentName !== null, error?.code ?? null]);
}

function describeEvent(event: ChatEvent): string {
  return event.type === 'RESUME' ? `RESUME(${event.saved.phase})` : event.type;
}

/**
 * Shortest paths from the initial state to every (state, via-event) pair of the shipped machine: together they
 * take every transition at least once. Simple paths are not generated: on this chart (a parallel region with
 * cycles) their number explodes, see shared/reference/model-based-testing.md.
 */
export function generateChatPaths(): ModelPath[] {
  const model = createTestModel(chatMachine, {
    events: MODEL_EVENTS,
    // Keyed by "state via event from state", so shortest paths to every key take every transition.
    serializeState: (snapshot, event, previous) =>
      `${serializeState(snapshot as ChatSnapshot)} via ${event ? describeEvent(event as ChatEvent) : ''} from ${
        previous ? serializeState(previous as ChatSnapshot) : ''
      }`,
    input: { instanceName: 'help_faq_bot' },
    // Events the current state ignores add no transition to test.
    filterEvents: (snapshot, event) => (snapshot as ChatSnapshot).can(event as ChatEvent),
  });
  return model.getShortestPaths().map((path) => {
    // The first step is xstate's own init event; a path is what the world sends after it.
    const steps = path.steps
      .filter((step) => !step.event.type.startsWith('xstate.'))
      .map((step) => ({ event: step.event as ChatEvent, state: (step.state as ChatSnapshot).value }));
    return { description: steps.map((step) => describeEvent(step.event)).join(' → ') || '(initial)', steps };
  });
}

/**
 * What saEvents must receive when `event` is taken from `before`: the contract, written as a table of
 * transitions independent of how the machine emits. Paths compose these to get their expected history.
 */
export function expectedEntries(before: ChatSnapshot, event: ChatEvent, after: ChatSnapshot): SaEvent[] {
  const chatInstanceName = before.context.instanceName;
  const contactId = (after.context.contact ?? before.context.contact)?.contactId ?? '';
  const at = event.at;
  const inContact = before.matches('contact');
  switch (event.type) {
    case 'CONFIG_OK':
      return before.matches('booting') ? [{ type: 'CHAT_LOADED', data: { chatInstanceName }, timestamp: at }] : [];
    case 'RULES_ALLOW':
      return before.matches('loaded') || before.matches('hidden')
        ? [{ type: 'CHAT_VISIBLE', data: { chatInstanceName }, timestamp: at }]
        : [];
    case 'DISMISS':
      return before.matches('ended') && before.context.rulesAllow
        ? [{ type: 'CHAT_VISIBLE', data: { chatInstanceName }, timestamp: at }]
        : [];
    case 'CONTACT_CREATED':
      return before.matches('starting') ? [{ type: 'CONTACT_STARTED', data: { contactId }, timestamp: at }] : [];
    case 'QUEUED':
    case 'TRANSFERRED':
      return inContact && !before.matches({ contact: { phase: 'queued' } })
        ? [{ type: 'TRANSFER_TO_QUEUE', data: { contactId }, timestamp: at }]
        : [];
    case 'AGENT_JOINED':
      if (before.matches({ contact: { phase: 'inFlow' } })) {
        return [
          { type: 'TRANSFER_TO_QUEUE', data: { contactId, inferred: true }, timestamp: at },
          { type: 'CONNECT_TO_AGENT', data: { contactId }, timestamp: at },
        ];
      }
      return before.matches({ contact: { phase: 'queued' } }) ? [{ type: 'CONNECT_TO_AGENT', data: { contactId }, timestamp: at }] : [];
    case 'CUSTOMER_ENDED':
    case 'CHAT_ENDED':
      return inContact ? [{ type: 'CONTACT_ENDED', data: { contactId }, timestamp: at }] : [];
    default:
      return [];
  }
}

/** The transitions `event` takes from `before`, as `source --EVENT--> target` over state node ids. */
export function takenTransitions(before: ChatSnapshot, event: ChatEvent): string[] {
  const transitions = chatMachine.getTransitionData(before, event) ?? [];
  return transitions.flatMap((transition) =>
    (transition.target ?? [transition.source]).map((target) => `${transition.source.id} --${event.type}--> ${target.id}`),
  );
}

/** Replays a path on the machine: the transitions it takes, step by step. */
export function transitionsOfPath(path: ModelPath): string[][] {
  const actor = createActor(chatMachine, { input: { instanceName: 'help_faq_bot' } }).start();
  return path.steps.map((step) => {
    const taken = takenTransitions(actor.getSnapshot(), step.event);
    actor.send(step.event);
    return taken;
  });
}

/**
 * The fewest paths (greedily) that together take every transition the given paths take, skipping paths that
 * take any transition in `exclude`.
 */
export function coveringPaths(paths: readonly ModelPath[], exclude: ReadonlySet<string> = new Set()): ModelPath[] {
  const candidates = paths
    .map((path) => ({ path, transitions: new Set(transitionsOfPath(path).flat()) }))
    .filter(({ transitions }) => ![...transitions].some((key) => exclude.has(key)));
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

/** Every declared transition of the machine, as `source --EVENT--> target` keys: the coverage denominator. */
export function declaredTransitions(): Set<string> {
  const keys = new Set<string>();
  const walk = (node: ReturnType<typeof toDirectedGraph>): void => {
    for (const edge of node.edges) keys.add(`${edge.source.id} --${edge.label.text}--> ${edge.target.id}`);
    node.children.forEach(walk);
  };
  walk(toDirectedGraph(chatMachine));
  return keys;
}
