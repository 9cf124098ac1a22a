/**
 * The config chunk (`dist/webchat-config.js`): the instance config validator (with the bundled UI languages),
 * the display rules and their watcher, the analytics bridges, the start-chat client and the saved contact. The first script imports it in parallel with fetching the
 * configuration, and needs none of them before that configuration arrives; keeping them out of the first
 * script keeps it within its 20 KB budget.
 */
export { parsePublicConfig } from '../config/instance-config';
export { nextChange, nextOpening, rulesAllow } from '../rules/display-rules';
export { startAnalytics } from '../analytics/analytics';
// What the runtime needs only once it is configured: none of it need weigh on the first script.
export { requestNewContact, StartChatError } from '../connect/start-chat-client';
export { openContactStorage } from '../runtime/contact-storage';
export { watchDisplayRules } from '../runtime/rules-watcher';
// The out-of-hours notice, drawn only when the schedule shows the next opening: no weight on the first script.
export { mountOpeningNotice } from '../ui/opening-notice';

export type ConfigModule = typeof import('./config-chunk');
