/**
 * The package's ESM entry (`import { createWebchat } from 'connect-webchat'`): the same runtime the script
 * tag runs, for apps that bundle their own code. The conversation chunk (chatjs + panel) and the config
 * chunk (validator, display rules, analytics bridges) are ordinary dynamic imports, so the app's bundler
 * splits them off and loads them only when needed, as the script tag does.
 *
 * ```ts
 * import { createWebchat } from 'connect-webchat';
 * const webchat = createWebchat({ instance: 'help_faq_bot' });
 * webchat.events.subscribe((event) => console.log(event.type, event.data));
 * ```
 *
 * Unlike the script tag it sets no globals: `events` is this runtime's saEvents object.
 */
import { createWebchat as createRuntime, type Webchat, type WebchatOptions } from '../runtime/create-webchat';

export type { SaEvent, SaEventType } from '../../../machines/chat.types';
export type { SaEventListener, SaEvents, SubscribeOptions } from '../events/replay-log';
export type {
  AnalyticsOptions,
  DisplayRules,
  OpeningHours,
  PreChatField,
  PreChatForm,
  PublicInstanceConfig,
  Schedule,
  Theme,
  UiText,
  UrlRules,
  Weekday,
} from '../config/instance-config.types';
export type { Webchat } from '../runtime/create-webchat';

/**
 * Options of {@link createWebchat}: the runtime's options less the chunk loaders, which this entry provides.
 * `instance` is required; the configuration comes inline (`config`) or is fetched (`configUrl`, by default
 * `/api/instances/<instance>` on the page's origin).
 */
export type CreateWebchatOptions = Omit<WebchatOptions, 'loadConversation' | 'loadConfigModule'>;

/**
 * Creates one chat runtime: loads the configuration, shows the launcher where the display rules allow it,
 * and returns `{ events, open, close, start, end, checkRules, destroy }`. Call `destroy()` when the app
 * no longer wants the chat (a component unmounting): every listener, timer, socket and DOM node goes.
 */
export function createWebchat(options: CreateWebchatOptions): Webchat {
  return createRuntime({
    ...options,
    loadConversation: () => import('./conversation-chunk'),
    loadConfigModule: () => import('./config-chunk'),
  });
}
