import type { SnapshotFrom } from 'xstate';
import type { chatMachine } from '../../machines/chat.machine';

/** A snapshot of the chat machine: what every view of the chat is drawn from. */
export type ChatSnapshot = SnapshotFrom<typeof chatMachine>;
