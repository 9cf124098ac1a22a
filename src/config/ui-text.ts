import type { UiText } from './instance-config.types';

/** The English defaults for every UI string; an instance's `text` overrides any of them. */
export const DEFAULT_UI_TEXT: UiText = {
  startChat: 'Start chat',
  title: 'Chat with us',
  openChat: 'Open chat',
  messageLabel: 'Message',
  send: 'Send',
  endChat: 'End chat',
  minimise: 'Minimise',
  startNewChat: 'Start new chat',
  statusConnecting: 'Connecting…',
  statusInFlow: "Please wait, we're finding someone to help you…",
  statusQueued: 'Waiting in queue for the next agent…',
  statusAgent: 'Connected to {name}',
  statusReconnecting: 'Reconnecting…',
  statusEnded: 'Chat ended',
  agentTyping: '{name} is typing…',
  startFailed: "We couldn't start the chat. Please try again.",
  retry: 'Try again',
  cancel: 'Cancel',
};
