import type { ContactPhase } from '../../../machines/chat.types';
import type { ChatSnapshot } from '../../../machines/chat.machine';

export type { ChatSnapshot } from '../../../machines/chat.machine';

/** The launcher's button, and what pressing it tells the machine. */
export interface LauncherState {
  visible: boolean;
  busy: boolean;
  /** The service asked to wait before starting again: the button refuses until the wait is over. */
  waiting: boolean;
  error?: string | undefined;
  /** Which label the button wears. */
  label: 'startChat' | 'openChat' | 'retry';
  /** The event a press sends. */
  press: 'OPEN' | 'RETRY_CONNECTION';
}

/** Everything the page shows of the chat, derived from the machine's snapshot alone. */
export interface ChatView {
  launcher: LauncherState;
  /** The pre-chat form is open. */
  preChat: boolean;
  /** A contact is running or just ended: its panel exists (shown unless minimised; its state is `panelState`'s). */
  panel: { shown: boolean } | null;
  /** Out of hours: when the chat opens (epoch ms), for the notice where the launcher would be; else null. */
  opensAt: number | null;
}

const HIDDEN_LAUNCHER: LauncherState = { visible: false, busy: false, waiting: false, label: 'startChat', press: 'OPEN', error: undefined };

/** The panel (of a running or an ended contact) is tucked away under the launcher. */
export function panelMinimised(snapshot: ChatSnapshot): boolean {
  return snapshot.matches({ contact: { panel: 'minimised' } }) || snapshot.matches({ ended: 'minimised' });
}

/**
 * The conversation chunk could not be loaded: there is no panel to offer the retry, so the launcher does
 * (while the panel is meant to be open; minimised, the launcher first brings it back, as always).
 */
function chunkMissing(snapshot: ChatSnapshot): boolean {
  return (
    snapshot.matches({ contact: { link: 'offline', panel: 'open' } }) && snapshot.context.error?.code === 'conversation.load_failed'
  );
}

function launcherOf(snapshot: ChatSnapshot): LauncherState {
  const { error } = snapshot.context;
  if (chunkMissing(snapshot)) {
    return { ...HIDDEN_LAUNCHER, visible: true, label: 'retry', press: 'RETRY_CONNECTION', error: error?.message };
  }
  if (panelMinimised(snapshot)) return { ...HIDDEN_LAUNCHER, visible: true, label: 'openChat' };
  if (!snapshot.matches('visible')) return HIDDEN_LAUNCHER;
  return {
    ...HIDDEN_LAUNCHER,
    visible: true,
    busy: snapshot.matches({ visible: 'starting' }),
    waiting: snapshot.matches({ visible: 'waiting' }),
    error: error?.message,
  };
}

export function viewOf(snapshot: ChatSnapshot): ChatView {
  return {
    launcher: launcherOf(snapshot),
    preChat: snapshot.matches({ visible: 'preChat' }),
    panel: snapshot.matches('contact') || snapshot.matches('ended') ? { shown: !panelMinimised(snapshot) } : null,
    opensAt: snapshot.matches('hidden') ? snapshot.context.nextOpening : null,
  };
}

/** The contact phase to save for a page that rejoins, or undefined outside a contact. */
export function contactPhase(snapshot: ChatSnapshot): ContactPhase | undefined {
  if (!snapshot.matches('contact')) return undefined;
  if (snapshot.matches({ contact: { phase: 'agent' } })) return 'agent';
  if (snapshot.matches({ contact: { phase: 'queued' } })) return 'queued';
  return 'inFlow';
}
