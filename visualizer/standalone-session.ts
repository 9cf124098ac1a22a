/**
 * A standalone copy of the chat machine, for exploring the model without a site: it runs in the
 * visualizer itself and reports through the same protocol path as a live page (`@statelyai/inspect`'s
 * `createInspector` feeding the store), so both modes draw the same way.
 */
import { createInspector, type StatelyInspectionEvent } from '@statelyai/inspect';
import { createActor, type Actor, type AnyStateMachine } from 'xstate';
import { chatMachine } from '../machines/chat.machine';
import type { ChatEvent } from '../machines/chat.types';
import { INSPECT_DEPTH_LIMIT, SA_EVENTS_SESSION_ID } from '../src/browser/inspect/inspect-protocol';
import { sampleEvent, SAMPLE_EVENT_TYPES, variantFor } from './sample-events';
import type { ChartTransition } from './statechart-graph';

export const STANDALONE_MACHINE = chatMachine;

/**
 * The chat machine's definition exactly as `@statelyai/inspect` serialises it for a page. The serialiser
 * sorts keys, which loses the order states are declared in; when a page inspects this very machine, the
 * visualizer draws its own copy instead, so live and standalone charts look the same.
 */
export function inspectedDefinitionOf(machine: AnyStateMachine): string | undefined {
  let definition: string | undefined;
  const inspector = createInspector(
    { send: (message) => (definition ??= message.type === '@xstate.actor' ? message.definition : undefined) },
    { serializationDepthLimit: INSPECT_DEPTH_LIMIT },
  );
  inspector.actor(createActor(machine));
  return definition;
}

export interface StandaloneSession {
  /** Which transitions the current state would take for their sample event (for the chart). */
  enabledTransitions(transitions: readonly ChartTransition[]): Set<string>;
  /** Event types the machine accepts now (`snapshot.can`), for the list of buttons. */
  enabledEventTypes(): Set<string>;
  /** Sends the sample event that takes this transition. */
  take(transition: ChartTransition): void;
  /** Sends the sample event of this type. */
  send(eventType: string): void;
  stop(): void;
}

export interface StandaloneOptions {
  /** Where protocol messages go (the store's `apply`). */
  deliver(message: StatelyInspectionEvent): void;
  /** Called synchronously after every transition (the inspector's own messages come a little later). */
  onChange(): void;
  /** @default Date.now */
  now?: () => number;
  /** The chat's instance name in the copy. @default 'standalone' */
  instanceName?: string;
}

export function startStandalone(options: StandaloneOptions): StandaloneSession {
  const now = options.now ?? Date.now;
  let stopped = false;
  const inspector = createInspector({ send: (message) => !stopped && options.deliver(message) }, { autoStart: false });
  const actor: Actor<typeof chatMachine> = createActor(chatMachine, {
    input: { instanceName: options.instanceName ?? 'standalone' },
    inspect: inspector.inspect,
  });
  // `createInspector` converts XState's events when the browser is idle; entries take the same queue, as
  // in the runtime's bridge, so they arrive after the snapshot that emitted them.
  const later = (callback: () => void) => (window.requestIdleCallback ?? window.requestAnimationFrame).call(window, callback);
  actor.on('*', (entry) => later(() => !stopped && inspector.event(SA_EVENTS_SESSION_ID, entry, { source: actor.sessionId })));
  actor.subscribe(() => options.onChange());
  actor.start();
  inspector.actor(SA_EVENTS_SESSION_ID, { status: 'active', context: {} });

  // The machine's own events and its actors' answers (`xstate.done.actor.*`), which the standalone copy's
  // actors never give by themselves: both are events the chart takes.
  const sampleFor = (transition: ChartTransition) => sampleEvent(transition.eventType, now(), variantFor(transition)) as ChatEvent | undefined;
  const sampleOf = (eventType: string) => sampleEvent(eventType, now()) as ChatEvent | undefined;

  return {
    enabledTransitions(transitions) {
      const snapshot = actor.getSnapshot();
      const enabled = new Set<string>();
      for (const transition of transitions) {
        const event = sampleFor(transition);
        if (!event) continue;
        const taken = chatMachine.getTransitionData(snapshot, event);
        if (taken.includes(transition.definition)) enabled.add(transition.id);
      }
      return enabled;
    },
    enabledEventTypes() {
      const snapshot = actor.getSnapshot();
      return new Set(SAMPLE_EVENT_TYPES.filter((type) => snapshot.can(sampleOf(type)!)));
    },
    take(transition) {
      const event = sampleFor(transition);
      if (event) actor.send(event);
    },
    send(eventType) {
      const event = sampleOf(eventType);
      if (event) actor.send(event);
    },
    stop() {
      stopped = true;
      actor.stop();
    },
  };
}
