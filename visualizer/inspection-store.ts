/**
 * What the visualizer knows, built from `@statelyai/inspect` protocol messages: the inspected machine
 * (its definition), its latest snapshot, the last event it received, and the saEvents timeline.
 *
 * Messages come from another window and are treated as untrusted: anything malformed is ignored, and
 * credentials are masked on the way in, so nothing the page draws can hold one. The timeline is
 * append-only; listeners learn what changed and redraw only that.
 */
import type { AnyEventObject, StateValue } from 'xstate';
import { SA_EVENTS_SESSION_ID } from '../src/browser/inspect/inspect-protocol';
import { maskSecrets } from '../src/browser/inspect/mask-secrets';

export interface InspectedMachine {
  sessionId: string;
  name: string;
  /** The machine config as the inspector serialised it (functions replaced by `{ type: name }`). */
  config: Record<string, unknown>;
  /** The same, as received. */
  definition: string;
}

export interface InspectedState {
  value: StateValue;
  /** Masked. */
  context: unknown;
  status: string;
  /** The event that produced this snapshot (masked). */
  event?: AnyEventObject;
}

export interface ReceivedEvent {
  /** Masked. */
  event: AnyEventObject;
  /** When the visualizer received it (epoch ms). */
  receivedAt: number;
}

/** One saEvents entry as the timeline shows it. */
export interface TimelineEntry {
  /** 1-based position in the timeline. */
  position: number;
  type: string;
  data: unknown;
  /** The entry's own `timestamp` (epoch ms), when it has one. */
  timestamp?: number;
}

export type InspectionChange = 'machine' | 'snapshot' | 'event' | 'entries';

export interface InspectionStore {
  readonly machine: InspectedMachine | undefined;
  readonly state: InspectedState | undefined;
  /** The state before the latest snapshot, to tell which transitions the last event took. */
  readonly previousState: InspectedState | undefined;
  readonly lastEvent: ReceivedEvent | undefined;
  readonly entries: readonly TimelineEntry[];
  /** Applies one protocol message; returns what it changed, if anything. */
  apply(message: unknown): InspectionChange | undefined;
  /** Forgets everything (a new source takes over). */
  reset(): void;
  subscribe(listener: (change: InspectionChange) => void): () => void;
}

type Message = Record<string, unknown>;

const isObject = (value: unknown): value is Message => typeof value === 'object' && value !== null && !Array.isArray(value);
const isEventObject = (value: unknown): value is AnyEventObject => isObject(value) && typeof value.type === 'string';

function parseDefinition(definition: unknown): Record<string, unknown> | undefined {
  if (typeof definition !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(definition);
    return isObject(parsed) && isObject(parsed.states) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function toState(snapshot: unknown, event: unknown): InspectedState | undefined {
  if (!isObject(snapshot)) return undefined;
  const { value } = snapshot;
  if (typeof value !== 'string' && !isObject(value)) return undefined;
  return {
    value: value as StateValue,
    context: maskSecrets(snapshot.context),
    status: typeof snapshot.status === 'string' ? snapshot.status : 'active',
    ...(isEventObject(event) ? { event: maskSecrets(event) } : {}),
  };
}

export function createInspectionStore(now: () => number = Date.now): InspectionStore {
  const listeners = new Set<(change: InspectionChange) => void>();
  const entries: TimelineEntry[] = [];
  let machine: InspectedMachine | undefined;
  let state: InspectedState | undefined;
  let previousState: InspectedState | undefined;
  let lastEvent: ReceivedEvent | undefined;

  function changed(change: InspectionChange): InspectionChange {
    for (const listener of listeners) listener(change);
    return change;
  }

  function applyMessage(message: Message): InspectionChange | undefined {
    const sessionId = message.sessionId;
    if (typeof sessionId !== 'string') return undefined;
    switch (message.type) {
      case '@xstate.actor': {
        if (sessionId === SA_EVENTS_SESSION_ID || message.parentId) return undefined;
        const config = parseDefinition(message.definition);
        if (!config) return undefined;
        machine = { sessionId, name: typeof message.name === 'string' ? message.name : sessionId, config, definition: message.definition as string };
        state = toState(message.snapshot, undefined);
        previousState = undefined;
        lastEvent = undefined;
        return changed('machine');
      }
      case '@xstate.snapshot': {
        if (sessionId !== machine?.sessionId) return undefined;
        const next = toState(message.snapshot, message.event);
        if (!next) return undefined;
        previousState = state;
        state = next;
        return changed('snapshot');
      }
      case '@xstate.event': {
        if (!isEventObject(message.event)) return undefined;
        if (sessionId === SA_EVENTS_SESSION_ID) {
          const { type, data, timestamp } = message.event as { type: string; data?: unknown; timestamp?: unknown };
          entries.push({
            position: entries.length + 1,
            type,
            data: maskSecrets(data),
            ...(typeof timestamp === 'number' && Number.isFinite(timestamp) ? { timestamp } : {}),
          });
          return changed('entries');
        }
        if (sessionId !== machine?.sessionId) return undefined;
        lastEvent = { event: maskSecrets(message.event), receivedAt: now() };
        return changed('event');
      }
      default:
        return undefined;
    }
  }

  return {
    get machine() {
      return machine;
    },
    get state() {
      return state;
    },
    get previousState() {
      return previousState;
    },
    get lastEvent() {
      return lastEvent;
    },
    entries,
    apply(message) {
      return isObject(message) ? applyMessage(message) : undefined;
    },
    reset() {
      machine = undefined;
      state = undefined;
      previousState = undefined;
      lastEvent = undefined;
      entries.length = 0;
      changed('machine');
      changed('entries');
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
