/**
 * A machine as a drawable chart: its states as a tree (compound states nest, parallel states hold
 * regions) and its transitions labelled with their events. Pure: no DOM, no layout.
 *
 * States are keyed by their dotted path from the root (`''` is the root, `contact.phase.queued`), the
 * same shape as a snapshot's `value`, so active states are found without resolving ids.
 */
import type { AnyStateMachine, AnyStateNode, AnyTransitionDefinition, StateValue } from 'xstate';

export type ChartNodeKind = 'atomic' | 'compound' | 'parallel' | 'final' | 'history';

export interface ChartNode {
  /** Dotted path from the root; `''` for the root. */
  path: string;
  /** What the chart shows: the state's key (the machine id for the root). */
  label: string;
  kind: ChartNodeKind;
  /** A child of a parallel state: drawn as a dashed region. */
  region: boolean;
  children: ChartNode[];
  /** Path of the initial child of a compound state. */
  initial?: string;
  /** Transitions without a target (actions only): listed inside the state rather than drawn as arrows. */
  internal: ChartTransition[];
}

export interface ChartTransition {
  /** Unique in the chart: `<source path>:<event>:<index>`. */
  id: string;
  source: string;
  /** Paths of the target states; empty for a targetless transition. */
  targets: string[];
  eventType: string;
  /** `EVENT [guard]`, as drawn. */
  label: string;
  /** XState's own object, to ask which transition an event would take (`machine.getTransitionData`). */
  definition: AnyTransitionDefinition;
}

export interface Chart {
  machineId: string;
  root: ChartNode;
  nodes: ReadonlyMap<string, ChartNode>;
  transitions: readonly ChartTransition[];
}

/** Builds the chart of a machine (`chatMachine`, or one rebuilt from an inspected definition). */
export function chartOf(machine: AnyStateMachine): Chart {
  const nodes = new Map<string, ChartNode>();
  const transitions: ChartTransition[] = [];

  function visit(stateNode: AnyStateNode, region: boolean): ChartNode {
    const path = stateNode.path.join('.');
    const node: ChartNode = {
      path,
      label: path === '' ? machine.id : stateNode.key,
      kind: stateNode.type as ChartNodeKind,
      region,
      children: [],
      internal: [],
    };
    nodes.set(path, node);
    const initialTarget = stateNode.type === 'compound' ? stateNode.initial?.target?.[0] : undefined;
    if (initialTarget) node.initial = initialTarget.path.join('.');
    const definitions: AnyTransitionDefinition[] = [...stateNode.transitions.values()].flat();
    definitions.push(...(stateNode.always ?? []));
    definitions.forEach((definition, index) => {
      const transition: ChartTransition = {
        id: `${path}:${definition.eventType}:${index}`,
        source: path,
        targets: (definition.target ?? []).map((target: AnyStateNode) => target.path.join('.')),
        eventType: definition.eventType,
        label: transitionLabel(definition),
        definition,
      };
      transitions.push(transition);
      if (transition.targets.length === 0) node.internal.push(transition);
    });
    node.children = Object.values(stateNode.states as Record<string, AnyStateNode>).map((child) =>
      visit(child, stateNode.type === 'parallel'),
    );
    return node;
  }

  const root = visit(machine.root, false);
  return { machineId: machine.id, root, nodes, transitions };
}

/** `error: startChat [rulesAllow]`, `CLOSE [rulesAllow]`, `after retryAfter`, `after 5000ms`, `always`. */
export function transitionLabel(definition: Pick<AnyTransitionDefinition, 'eventType' | 'guard'>): string {
  const guard = definition.guard === undefined ? '' : ` [${guardLabel(definition.guard)}]`;
  return `${eventLabel(definition.eventType)}${guard}`;
}

export function eventLabel(eventType: string): string {
  if (eventType === '') return 'always';
  const after = /^xstate\.after\.([^.]+)\./.exec(eventType);
  if (after) return /^\d+$/.test(after[1]!) ? `after ${after[1]}ms` : `after ${after[1]}`;
  if (eventType.startsWith('xstate.done.state.')) return 'onDone';
  const actor = /^xstate\.(done|error)\.actor\.(.+)$/.exec(eventType);
  if (actor) return `${actor[1] === 'done' ? 'done' : 'error'}: ${actor[2]}`;
  return eventType;
}

function guardLabel(guard: unknown): string {
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'function') return guard.name || 'guard';
  if (guard && typeof guard === 'object' && 'type' in guard) {
    const { type, params } = guard as { type: unknown; params?: unknown };
    const name = typeof type === 'string' ? type : 'guard';
    // A params function, or its stand-in in a definition sent over the inspect protocol (`{ type: 'params' }`).
    const computed = typeof params === 'function' || (typeof params === 'object' && params !== null && (params as { type?: unknown }).type === 'params');
    if (params === undefined || computed) return name;
    return `${name}(${typeof params === 'string' ? params : JSON.stringify(params)})`;
  }
  return 'guard';
}

/**
 * The paths of every active state for a snapshot `value`, ancestors included (`''`, `contact`,
 * `contact.phase`, `contact.phase.queued`, …).
 */
export function activePaths(value: StateValue | undefined | null): Set<string> {
  const active = new Set<string>();
  if (value === undefined || value === null) return active;
  active.add('');
  const walk = (prefix: string, current: StateValue) => {
    if (typeof current === 'string') {
      active.add(prefix ? `${prefix}.${current}` : current);
      return;
    }
    for (const [key, child] of Object.entries(current)) {
      const path = prefix ? `${prefix}.${key}` : key;
      active.add(path);
      if (child !== undefined) walk(path, child);
    }
  };
  walk('', value);
  return active;
}

/** The active leaves, in document order: what the header reads out (`contact.phase.queued`, `contact.link.online`). */
export function activeLeaves(chart: Chart, active: ReadonlySet<string>): string[] {
  const leaves: string[] = [];
  const walk = (node: ChartNode) => {
    if (!active.has(node.path)) return;
    const activeChildren = node.children.filter((child) => active.has(child.path));
    if (activeChildren.length === 0) leaves.push(node.path);
    activeChildren.forEach(walk);
  };
  walk(chart.root);
  return leaves;
}
