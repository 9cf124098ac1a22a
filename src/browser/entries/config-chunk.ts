/**
 * The config chunk (`dist/webchat-config.js`): the statechart and everything that runs once the instance's
 * configuration is known — the validator (with the bundled UI languages), the display rules and their watcher,
 * the launcher, the out-of-hours notice, the analytics bridges, the start-chat client and the saved contact.
 * The first script imports it at once, in parallel with fetching the configuration, and needs none of it
 * before that configuration arrives; keeping it out of the first script keeps what every page view runs before
 * then to the saEvents log and two requests.
 */
export { startChatRuntime } from '../runtime/chat-runtime';

export type { ConfigModule } from '../runtime/webchat.types';
