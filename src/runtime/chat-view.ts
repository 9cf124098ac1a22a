import type { SnapshotFrom } from 'xstate';
import type { chatMachine } from '../../machines/chat.machine';
import type { ConversationState } from '../connect/conversation.types';
import type { LauncherView } from '../ui/launcher';

export type ChatSnapshot = SnapshotFrom<typeof chatMachine>;

/** What the launcher knows besides the machine: the panel is UI state. */
export interface LauncherContext {
  panelMinimised: boolean;
  /** A panel is mounted (the conversation chunk loaded). */
  panelOpen: boolean;
  text: { openChat: string; retry: string };
  /** Epoch ms now: whether the machine would take a START at this moment (a `Retry-After` wait may be running). */
  now: number;
}

/**
 * The launcher offers a new chat while the display rules allow one and none is running. Whatever the rules
 * say (they never hide a running chat), it brings back a minimised panel, and offers the retry itself when
 * the connection was given up before any panel could load.
 */
export function launcherView(snapshot: ChatSnapshot, { panelMinimised, panelOpen, text, now }: LauncherContext): LauncherView {
  if (panelMinimised && (snapshot.matches('contact') || snapshot.matches('ended'))) {
    return { visible: true, busy: false, label: text.openChat };
  }
  if (!panelOpen && snapshot.matches({ contact: { link: 'offline' } })) {
    return { visible: true, busy: false, label: text.retry, ...(snapshot.context.error ? { error: snapshot.context.error.message } : {}) };
  }
  const starting = snapshot.matches('starting');
  const error = snapshot.matches('visible') ? snapshot.context.error : null;
  return {
    visible: snapshot.matches('visible') || starting,
    busy: starting,
    ...(error ? { error: error.message } : {}),
    ...(error && !snapshot.can({ type: 'START', at: now }) ? { waiting: true } : {}),
  };
}

/** The panel's state, or null when no contact is running or just ended. */
export function conversationState(snapshot: ChatSnapshot): ConversationState | null {
  const { agentName, error } = snapshot.context;
  if (snapshot.matches('ended')) {
    return { status: 'ended', agentName, error: null, canStartNew: snapshot.can({ type: 'START', at: 0 }) };
  }
  if (!snapshot.matches('contact')) return null;
  const base = { agentName, error: null, canStartNew: false };
  if (snapshot.matches({ contact: { link: 'offline' } })) return { ...base, status: 'failed', error: error?.message ?? null };
  if (snapshot.matches({ contact: { link: 'connecting' } })) return { ...base, status: 'connecting' };
  if (snapshot.matches({ contact: { link: 'reconnecting' } })) return { ...base, status: 'reconnecting' };
  if (snapshot.matches({ contact: { phase: 'agent' } })) return { ...base, status: 'agent' };
  if (snapshot.matches({ contact: { phase: 'queued' } })) return { ...base, status: 'queued' };
  return { ...base, status: 'inFlow' };
}

/** The contact phase to save for a page that rejoins, or undefined outside a contact. */
export function contactPhase(snapshot: ChatSnapshot): 'inFlow' | 'queued' | 'agent' | undefined {
  if (!snapshot.matches('contact')) return undefined;
  if (snapshot.matches({ contact: { phase: 'agent' } })) return 'agent';
  if (snapshot.matches({ contact: { phase: 'queued' } })) return 'queued';
  return 'inFlow';
}
