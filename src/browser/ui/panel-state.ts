import type { ChatSnapshot } from '../../../machines/chat.machine';

/** What the panel's status line says; derived from the machine's state. */
export type ConversationStatus = 'connecting' | 'inFlow' | 'queued' | 'agent' | 'reconnecting' | 'ended' | 'failed';

/** The panel's state of the contact. */
export interface ConversationState {
  status: ConversationStatus;
  agentName: string | null;
  error: string | null;
  /** The panel may offer "Start new chat" (ended, and the display rules allow it). */
  canStartNew: boolean;
  /** "End chat" waits for the customer's confirmation. */
  confirmingEnd?: boolean;
}

/**
 * The panel's state, read from the machine's snapshot: the status line, the agent, the error and whether a new
 * chat may be offered. Null when no contact is running or just ended. Lives with the panel, in the conversation
 * chunk: the first script never needs it.
 */
export function panelState(snapshot: ChatSnapshot): ConversationState | null {
  const { agentName, error } = snapshot.context;
  if (snapshot.matches('ended')) {
    return { status: 'ended', agentName, error: null, canStartNew: snapshot.context.rulesAllow };
  }
  if (!snapshot.matches('contact')) return null;
  const base = { agentName, error: null, canStartNew: false, confirmingEnd: snapshot.matches({ contact: { panel: 'confirmingEnd' } }) };
  if (snapshot.matches({ contact: { link: 'offline' } })) return { ...base, status: 'failed', error: error?.message ?? null };
  if (snapshot.matches({ contact: { link: 'connecting' } })) return { ...base, status: 'connecting' };
  if (snapshot.matches({ contact: { link: 'reconnecting' } })) return { ...base, status: 'reconnecting' };
  if (snapshot.matches({ contact: { phase: 'agent' } })) return { ...base, status: 'agent' };
  if (snapshot.matches({ contact: { phase: 'queued' } })) return { ...base, status: 'queued' };
  return { ...base, status: 'inFlow' };
}
