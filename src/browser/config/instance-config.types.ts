/**
 * The shapes of a chat instance's configuration.
 *
 * `config/instances.json` holds one {@link InstanceDefinition} per chat instance. The backend
 * keeps the AWS side (`connect`, `allowedOrigins`, `allowedAttributes`) to itself and serves only
 * the {@link PublicInstanceConfig} to browsers at `GET /api/instances/:name`.
 */

export type { ClockTime, DisplayRules, OpeningHours, Schedule, UrlRules, Weekday } from '../rules/rules.types';
import type { DisplayRules } from '../rules/rules.types';

/** Every string the UI shows, so a site can change tone or language. */
export interface UiText {
  /** @default "Start chat" */
  startChat: string;
  /** @default "Chat with us" */
  title: string;
  /** The launcher's label while a chat runs with the panel minimised. @default "Open chat" */
  openChat: string;
  /** @default "Message" */
  messageLabel: string;
  /** @default "Send" */
  send: string;
  /** @default "End chat" */
  endChat: string;
  /** @default "Minimise" */
  minimise: string;
  /** The question "End chat" asks before ending. @default "End this chat?" */
  endChatQuestion: string;
  /** Confirms ending the chat. @default "End chat" */
  endChatConfirm: string;
  /** Takes back "End chat". @default "Keep chatting" */
  keepChatting: string;
  /** @default "Start new chat" */
  startNewChat: string;
  /** @default "Connecting…" */
  statusConnecting: string;
  /** @default "Please wait, we're finding someone to help you…" */
  statusInFlow: string;
  /** @default "Waiting in queue for the next agent…" */
  statusQueued: string;
  /** @default "Connected to {name}" */
  statusAgent: string;
  /** @default "Reconnecting…" */
  statusReconnecting: string;
  /** @default "Chat ended" */
  statusEnded: string;
  /** @default "{name} is typing…" */
  agentTyping: string;
  /** @default "We couldn't start the chat. Please try again." */
  startFailed: string;
  /**
   * A start refused because the service is busy or this network started too many chats; the start button
   * waits that long. @default "The chat service is busy. Please try again in {seconds} seconds."
   */
  startRetryIn: string;
  /** @default "Try again" */
  retry: string;
  /** The chat's code could not be loaded (offline, blocked). @default "The chat could not be loaded. Check your connection and try again." */
  loadFailed: string;
  /** Reconnecting was given up. @default "We lost the connection to the chat. Check your network and try again." */
  connectionLost: string;
  /** The page keeps closing the chat's connection (a Content-Security-Policy without its origin). @default "The chat cannot keep a connection open on this page. Please try again later." */
  connectionBlocked: string;
  /** The customer tried to send a message with no text. @default "The message is empty." */
  messageEmpty: string;
  /** A message over Amazon Connect's length limit, which fills `{max}`. @default "Messages can be at most {max} characters." */
  messageTooLong: string;
  /** A message that did not reach the chat (not connected, or the send failed). @default "The message could not be sent." */
  messageNotSent: string;
  /** A system line in the conversation. @default "{name} joined the chat" */
  participantJoined: string;
  /** A system line in the conversation. @default "{name} left the chat" */
  participantLeft: string;
  /** Who joined or left when Amazon Connect gives no name. @default "An agent" */
  unnamedAgent: string;
  /** The pre-chat form's cancel button. @default "Cancel" */
  cancel: string;
  // Content
  /** The name shown on messages from the contact flow or a Lex bot (`botName` in the config wins). @default "Assistant" */
  botName: string;
  /** An interactive message or item that could not be read. @default "This message cannot be shown here." */
  contentUnreadable: string;
  /** Sends the time chosen on a time picker. @default "Confirm" */
  contentConfirm: string;
  /** A carousel's button to the previous card. @default "Previous" */
  contentPrevious: string;
  /** A carousel's button to the next card. @default "Next" */
  contentNext: string;
  /** A carousel card's position, for screen readers: fills `{index}` and `{count}`. @default "{index} of {count}" */
  contentSlide: string;
  /** Accessible name of the button that opens a file: fills `{name}`. @default "Open {name}" */
  attachmentOpen: string;
  /** A file the security scan refused. @default "Blocked by a security check" */
  attachmentRejected: string;
  /** A file still being scanned or uploaded. @default "Checking…" */
  attachmentPending: string;
  // Attachments and unread (runtime wiring)
  /** A file of a type the instance does not take; fills `{name}`, `{types}` ("PDF, PNG"), `{max}` ("20 MB"). @default "{name} can't be sent: only {types} files up to {max}." */
  attachmentTypeRefused: string;
  /** A file over the instance's size limit; fills `{name}`, `{max}`. @default "{name} can't be sent: files can be at most {max}." */
  attachmentTooLarge: string;
  /** An empty file; fills `{name}`. @default "{name} can't be sent: the file is empty." */
  attachmentEmpty: string;
  /** An upload that failed (Retry is offered); fills `{name}`. @default "{name} could not be sent." */
  attachmentNotSent: string;
  /** Amazon Connect's limit of files per chat was reached. @default "No more files can be sent in this chat." */
  attachmentQuota: string;
  /** A file could not be fetched to open it. @default "The file could not be opened. Please try again." */
  attachmentOpenFailed: string;
  // Panel look and feel
  /** The launcher's unread badge, read after its label ("Open chat, 2 unread"). @default "{count} unread" */
  unreadCount: string;
  /** A date separator in the conversation. @default "Today" */
  today: string;
  /** A date separator in the conversation. @default "Yesterday" */
  yesterday: string;
  /** The divider above the first message that arrived while the customer was away. @default "New messages" */
  newMessages: string;
  /** Under the customer's latest message: the agent's side received it. @default "Delivered" */
  delivered: string;
  /** Under the customer's latest message: the agent has seen it. @default "Read" */
  read: string;
  /** Under a message whose send failed. @default "Not sent" */
  notSent: string;
  /** Sends a failed message again. @default "Retry" */
  resend: string;
  /** Under a message cut to Amazon Connect's length limit. @default "Message shortened" */
  messageShortened: string;
  /** The composer's paperclip button. @default "Attach a file" */
  attachFile: string;
  /** Shown over the panel while files are dragged onto it. @default "Drop files to send them" */
  dropFiles: string;
  /** The character count shown near the length limit. @default "{count} of {max} characters" */
  characterCount: string;
  /** Under an ended chat: saves the conversation as a text file. @default "Download transcript" */
  downloadTranscript: string;
  /** The customer's own name in the transcript download when they gave none. @default "You" */
  you: string;
  // Out of hours (rules.schedule.showNextOpening): {time} in the visitor's clock, {day} a weekday (and date, a week or more ahead)
  /** @default "Chat opens today at {time}" */
  chatOpensToday: string;
  /** @default "Chat opens tomorrow at {time}" */
  chatOpensTomorrow: string;
  /** @default "Chat opens {day} at {time}" */
  chatOpensOn: string;
  // Chats that outlive the page (PERSIST)
  /** Amazon Connect found the customer idle (`participant.idle`). @default "Are you still there? The chat will end soon if there is no reply." */
  customerIdle: string;
  /** Amazon Connect ended the chat for the customer's inactivity (`participant.autodisconnection`). @default "The chat was ended because there was no activity." */
  autoDisconnected: string;
  // Leave a message (TASK): the out-of-hours form (offHours.leaveMessage)
  /** The button under the out-of-hours notice that opens the form. @default "Leave a message" */
  leaveMessage: string;
  /** @default "Your name" */
  leaveMessageName: string;
  /** @default "Email" */
  leaveMessageEmail: string;
  /** @default "Phone" */
  leaveMessagePhone: string;
  /** @default "Give an email address or a phone number so we can reply." */
  leaveMessageContactHint: string;
  /** @default "Message" */
  leaveMessageBody: string;
  /** @default "Send message" */
  leaveMessageSend: string;
  /** @default "Cancel" */
  leaveMessageCancel: string;
  /** @default "Enter your name." */
  leaveMessageNameMissing: string;
  /** @default "Enter an email address or a phone number." */
  leaveMessageContactMissing: string;
  /** @default "Enter an email address like name@example.com." */
  leaveMessageEmailInvalid: string;
  /** @default "Enter a phone number, digits only (a leading + is fine)." */
  leaveMessagePhoneInvalid: string;
  /** @default "Enter your message." */
  leaveMessageBodyMissing: string;
  /** @default "Thanks — we'll get back to you." */
  leaveMessageSent: string;
  /** The message could not be sent; what was typed stays in the form. @default "Your message could not be sent. Please try again." */
  leaveMessageFailed: string;
}

/** One field of the optional pre-chat form. */
export interface PreChatField {
  /**
   * `"displayName"` becomes the customer's name in the chat; any other name becomes a contact attribute
   * (which the backend accepts only if the instance's `allowedAttributes` lists it).
   */
  name: string;
  label: string;
  /** @default false */
  required?: boolean;
  /** @default "text" */
  type?: 'text' | 'email' | 'tel';
  /** @default 200 */
  maxLength?: number;
}

/** A short form shown before the chat starts. */
export interface PreChatForm {
  fields: PreChatField[];
}

/** What a browser receives for an instance: nothing secret, nothing the browser does not need. */
export interface PublicInstanceConfig {
  /** The chat instance name reported in `CHAT_LOADED` / `CHAT_VISIBLE` as `chatInstanceName`. */
  name: string;
  /** AWS region of the Amazon Connect instance, e.g. `"ap-southeast-2"`. */
  region: string;
  /**
   * Where the runtime asks for a new contact (`POST`).
   * @default "/api/chats" resolved against the script's origin
   */
  startChatUrl?: string;
  /** @default shown on every page, at every time */
  rules?: DisplayRules;
  /**
   * Text that, when it appears in a SYSTEM message from the contact flow, means "the contact is now in a
   * queue". Amazon Connect sends the customer no queue event, so the customer queue flow must send this.
   * @default "[queued]"
   */
  queueMarker?: string;
  /**
   * How the chat recovers a lost connection: how long chatjs may stay silent after losing its socket before
   * a fresh connection is tried (`silenceMs`), and the waits before each fresh attempt (`delaysMs`); after the
   * last, the customer is offered "Try again".
   * @default { silenceMs: 5000, delaysMs: [1000, 2000, then 4000 × 18] } (about 75 s)
   */
  reconnect?: { silenceMs?: number; delaysMs?: number[] };
  /**
   * The name shown on messages from the contact flow and from bots (Amazon Connect sends them as SYSTEM), so a
   * customer can tell them from a person.
   * @default text.botName ("Assistant")
   */
  botName?: string;
  /** The picture shown for the agent in the panel's header and beside their messages. @default the agent's initials */
  agentAvatarUrl?: string;
  /** Files the customer may send. @default Amazon Connect's allowed types, 20 MB */
  attachments?: AttachmentOptions;
  /** How the page tells a customer who is away about new messages. @default a count on the launcher only */
  unread?: UnreadOptions;
  /** @default English text, see {@link UiText} */
  text?: Partial<UiText>;
  /** @default no form: "Start chat" starts at once */
  preChat?: PreChatForm;
  /**
   * The language of the UI text (a BCP 47 tag such as `"es"`), whatever the page's `<html lang>` says.
   * @default the page's `<html lang>`, falling back to English
   */
  lang?: string;
  /**
   * UI text for more languages, or your own wording for a bundled one, by language tag (`{ "fr": { … } }`).
   * A language without every string falls back to the bundled language, then to English.
   * @default {} (only the bundled languages: English, Spanish)
   */
  locales?: Record<string, Partial<UiText>>;
  /** @default the built-in look, see {@link Theme} */
  theme?: Theme;
  /** @default no bridge: saEvents only */
  analytics?: AnalyticsOptions;
  /**
   * How long a running chat outlives the page (README, "Chats that outlive the page"): `"tab"` keeps it in the
   * tab's sessionStorage (a reload or the next page rejoins it); `"browser"` keeps it in localStorage, so every
   * tab of the browser, and the browser after a restart, joins the same chat until it ends or 25 h after it began;
   * `"identity"` does the same in the browser, and the backend remembers the verified customer's last chat so their
   * next chat continues it (Amazon Connect persistent chat; the instance needs `identity` on the server side).
   * @default "tab"
   */
  persistence?: ChatPersistence;
  /** Out of hours (README "Out of hours"): what a customer may do while the schedule hides the chat. @default {} */
  offHours?: OffHoursOptions;
}

/** Out of hours: see {@link PublicInstanceConfig.offHours}. */
export interface OffHoursOptions {
  /**
   * Accept messages at `POST /api/messages`, filed as Amazon Connect tasks with the instance's
   * `connect.taskFlowId` (which it then needs).
   * @default false
   */
  leaveMessage?: boolean;
}

/** Where a running chat is remembered: see {@link PublicInstanceConfig.persistence}. */
export type ChatPersistence = 'tab' | 'browser' | 'identity';

/**
 * Customer attachments. Amazon Connect allows `.csv .doc .docx .heic .jfif .jpeg .jpg .mov .mp4 .pdf .png .ppt
 * .pptx .rtf .txt .wav .xls .xlsx` up to 20 MB (attachments must also be enabled on the Amazon Connect instance);
 * an instance can only narrow that.
 */
export interface AttachmentOptions {
  /** Offer the attach button, drag-and-drop and paste. @default true */
  enabled?: boolean;
  /** Extensions allowed, each with its dot (`[".pdf", ".png"]`); a subset of Amazon Connect's. @default all of Amazon Connect's */
  types?: string[];
  /** The largest file, in bytes, at most 20 MB. @default 20971520 */
  maxBytes?: number;
}

/** Signals for messages that arrive while the panel is minimised or the tab is hidden. */
export interface UnreadOptions {
  /** Prefix the page's title with the count, e.g. "(2) Checkout". @default false */
  titlePrefix?: boolean;
  /** Play a short sound for each new message. @default false */
  sound?: boolean;
}

/**
 * The widget's look, applied as CSS custom properties on its host elements (the launcher and the panel read
 * them; see `src/browser/ui/chat-panel.styles.ts`). Colours are CSS colours: `#0b57d0`, `rgb(11 87 208)`, `oklch(…)`,
 * a named colour, or `var(--your-brand)`.
 */
export interface Theme {
  /** `--cw-accent`: the launcher, the send button, the customer's bubbles. @default "#0b57d0" */
  accent?: string;
  /** `--cw-accent-text`: text on the accent colour. @default "#ffffff" */
  accentText?: string;
  /** `--cw-bg`: the panel's background. @default "#ffffff" */
  background?: string;
  /** `--cw-text`: the panel's text; muted text and borders are mixed from this and `background`. @default "#1f2328" */
  text?: string;
  /** `--cw-radius`: corner radius, a length such as `"8px"` or `"0.5rem"`. @default "12px" (panel), "24px" (launcher) */
  radius?: string;
  /** `--cw-font`: a font-family list such as `"Inter, system-ui, sans-serif"`. @default "system-ui, sans-serif" */
  font?: string;
  /**
   * The corner the launcher and the panel sit in.
   * @default the inline end of the page: bottom right, bottom left on a right-to-left page
   */
  position?: 'bottom-right' | 'bottom-left';
}

/** Analytics bridges: every saEvents entry forwarded to a tag manager (see README "Analytics"). */
export interface AnalyticsOptions {
  /**
   * Push `{ event: "webchat", webchatEvent: type, ...data, webchatTimestamp }` to `window.dataLayer` (Google Tag
   * Manager), creating it if absent.
   * @default false
   */
  dataLayer?: boolean;
  /**
   * Call `gtag("event", "webchat_" + type in lower case, data)` (GA4) whenever `window.gtag` is a function.
   * @default false
   */
  gtag?: boolean;
}

/** The AWS side of an instance; stays in the backend. */
export interface ConnectTarget {
  instanceId: string;
  contactFlowId: string;
  region: string;
  /**
   * How long a chat may last, in minutes (StartChatContact's ChatDurationInMinutes, 60 to 10080).
   * @default 1500 (Amazon Connect's 25 h)
   */
  chatDurationInMinutes?: number;
  /**
   * The task flow that receives messages left out of hours (StartTaskContact's ContactFlowId); needed by
   * `public.offHours.leaveMessage`.
   * @default none
   */
  taskFlowId?: string;
}

/** One entry of `config/instances.json`. */
export interface InstanceDefinition {
  public: PublicInstanceConfig;
  connect: ConnectTarget;
  /** Origins (scheme://host[:port]) allowed to start chats and read the public config. */
  allowedOrigins: string[];
  /**
   * Contact attribute names a browser may set on StartChatContact.
   * @default [] (none)
   */
  allowedAttributes?: string[];
  /**
   * Verified customers (server side only, never in the public config): how the backend checks the
   * short-lived token the site's server signs for a signed-in customer.
   * @default none: every chat is anonymous and a token is refused
   */
  identity?: IdentityConfig;
}

/** How an instance trusts the site's customer tokens (JWT). Exactly one of `hs256Secret`, `es256PublicKey`. */
export interface IdentityConfig {
  /** `required`: no start without a valid token (401). `optional`: anonymous starts too; a bad token is still 401. */
  mode: 'required' | 'optional';
  /** The token's `iss` claim, as the site's server sets it (e.g. `https://shop.example.com`). */
  issuer: string;
  /** The shared HS256 secret (at least 32 bytes), or `env:NAME` to read it from the environment variable NAME. */
  hs256Secret?: string;
  /** The site's ES256 public key (PEM, `-----BEGIN PUBLIC KEY-----`), or `env:NAME`. */
  es256PublicKey?: string;
}

/** The whole `config/instances.json`. */
export interface InstancesFile {
  instances: InstanceDefinition[];
}

/** The body of `POST /api/chats`. */
export interface StartChatRequest {
  instance: string;
  displayName?: string;
  attributes?: Record<string, string>;
  /** The customer token (JWT) the site's server signed, for an instance with `identity`. */
  identity?: string;
}

/** The body of `POST /api/messages`: a message left out of hours (at least one of `email`, `phone`). */
export interface LeaveMessageRequest {
  instance: string;
  name: string;
  email?: string;
  phone?: string;
  message: string;
}

/** Every error response of the backend and the emulator's control API. */
export interface ErrorBody {
  error: { code: string; message: string };
}
