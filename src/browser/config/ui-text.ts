import type { UiText } from './instance-config.types';
import { ES_UI_TEXT } from './locales/es';

/** The English defaults for every UI string; an instance's `text` overrides any of them. */
export const DEFAULT_UI_TEXT: UiText = {
  startChat: 'Start chat',
  title: 'Chat with us',
  openChat: 'Open chat',
  messageLabel: 'Message',
  send: 'Send',
  endChat: 'End chat',
  minimise: 'Minimise',
  endChatQuestion: 'End this chat?',
  endChatConfirm: 'End chat',
  keepChatting: 'Keep chatting',
  startNewChat: 'Start new chat',
  statusConnecting: 'Connecting…',
  statusInFlow: "Please wait, we're finding someone to help you…",
  statusQueued: 'Waiting in queue for the next agent…',
  statusAgent: 'Connected to {name}',
  statusReconnecting: 'Reconnecting…',
  statusEnded: 'Chat ended',
  agentTyping: '{name} is typing…',
  startFailed: "We couldn't start the chat. Please try again.",
  startRetryIn: 'The chat service is busy. Please try again in {seconds} seconds.',
  retry: 'Try again',
  loadFailed: 'The chat could not be loaded. Check your connection and try again.',
  connectionLost: 'We lost the connection to the chat. Check your network and try again.',
  connectionBlocked: 'The chat cannot keep a connection open on this page. Please try again later.',
  messageEmpty: 'The message is empty.',
  messageTooLong: 'Messages can be at most {max} characters.',
  messageNotSent: 'The message could not be sent.',
  participantJoined: '{name} joined the chat',
  participantLeft: '{name} left the chat',
  unnamedAgent: 'An agent',
  cancel: 'Cancel',
  // Content
  botName: 'Assistant',
  contentUnreadable: 'This message cannot be shown here.',
  contentConfirm: 'Confirm',
  contentPrevious: 'Previous',
  contentNext: 'Next',
  contentSlide: '{index} of {count}',
  attachmentOpen: 'Open {name}',
  attachmentRejected: 'Blocked by a security check',
  attachmentPending: 'Checking…',
  // Attachments and unread (runtime wiring)
  attachmentTypeRefused: "{name} can't be sent: only {types} files up to {max}.",
  attachmentTooLarge: "{name} can't be sent: files can be at most {max}.",
  attachmentEmpty: "{name} can't be sent: the file is empty.",
  attachmentNotSent: '{name} could not be sent.',
  attachmentQuota: 'No more files can be sent in this chat.',
  attachmentOpenFailed: 'The file could not be opened. Please try again.',
  // Panel look and feel
  unreadCount: '{count} unread',
  today: 'Today',
  yesterday: 'Yesterday',
  newMessages: 'New messages',
  delivered: 'Delivered',
  read: 'Read',
  notSent: 'Not sent',
  resend: 'Retry',
  messageShortened: 'Message shortened',
  attachFile: 'Attach a file',
  dropFiles: 'Drop files to send them',
  characterCount: '{count} of {max} characters',
  downloadTranscript: 'Download transcript',
  you: 'You',
  // Out of hours
  chatOpensToday: 'Chat opens today at {time}',
  chatOpensTomorrow: 'Chat opens tomorrow at {time}',
  chatOpensOn: 'Chat opens {day} at {time}',
  // Chats that outlive the page (PERSIST)
  customerIdle: 'Are you still there? The chat will end soon if there is no reply.',
  autoDisconnected: 'The chat was ended because there was no activity.',
  // Leave a message (TASK)
  leaveMessage: 'Leave a message',
  leaveMessageName: 'Your name',
  leaveMessageEmail: 'Email',
  leaveMessagePhone: 'Phone',
  leaveMessageContactHint: 'Give an email address or a phone number so we can reply.',
  leaveMessageBody: 'Message',
  leaveMessageSend: 'Send message',
  leaveMessageCancel: 'Cancel',
  leaveMessageNameMissing: 'Enter your name.',
  leaveMessageContactMissing: 'Enter an email address or a phone number.',
  leaveMessageEmailInvalid: 'Enter an email address like name@example.com.',
  leaveMessagePhoneInvalid: 'Enter a phone number, digits only (a leading + is fine).',
  leaveMessageBodyMissing: 'Enter your message.',
  leaveMessageSent: 'Thanks — we\'ll get back to you.',
  leaveMessageFailed: 'Your message could not be sent. Please try again.',
};

/**
 * The languages bundled in the config chunk, by lower-case language tag. To bundle another one, add
 * `locales/<tag>.ts` exporting a complete {@link UiText} (the type checker names any missing string) and list it
 * here; a site can instead send its own through the instance config's `locales`.
 */
export const BUNDLED_UI_TEXT: Readonly<Record<string, UiText>> = {
  en: DEFAULT_UI_TEXT,
  es: ES_UI_TEXT,
};
