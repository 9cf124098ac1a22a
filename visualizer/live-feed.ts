import type { StatelyInspectionEvent } from '@statelyai/inspect';
import { SA_EVENTS_SESSION_ID } from '../src/browser/inspect/inspect-protocol';

/** Entries kept for a window that has not seen the page's chat actor yet (the page keeps at most 1,000 too). */
const MAX_EARLY_ENTRIES = 1000;

export interface LiveFeedHandlers {
  /** The window still runs its own standalone copy of the machine. */
  standalone(): boolean;
  /** The page's chat actor registered: leave standalone mode (the store starts empty). */
  goLive(): void;
  apply(message: StatelyInspectionEvent): void;
}

/** A page's chat actor registering: what turns the window from standalone to live. */
function isLiveMachine(message: StatelyInspectionEvent): boolean {
  return message.type === '@xstate.actor' && !message.parentId && typeof message.definition === 'string';
}

/**
 * What the window does with each message from the page that opened it. The chat actor's messages and the
 * saEvents entries reach the page's inspector on separate idle-time queues, so an entry can arrive before the
 * actor that emitted it; a standalone window keeps such entries and applies them, in order, right after going
 * live, instead of dropping them (a slow page once showed its visualizer an empty timeline).
 */
export function createLiveFeed(handlers: LiveFeedHandlers): (message: StatelyInspectionEvent) => void {
  const early: StatelyInspectionEvent[] = [];
  return (message) => {
    if (!handlers.standalone()) return handlers.apply(message);
    if (!isLiveMachine(message)) {
      if (message.sessionId === SA_EVENTS_SESSION_ID && early.length < MAX_EARLY_ENTRIES) early.push(message);
      return;
    }
    handlers.goLive();
    handlers.apply(message);
    for (const entry of early.splice(0)) handlers.apply(entry);
  };
}
