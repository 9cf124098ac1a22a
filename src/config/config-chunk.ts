/**
 * The config chunk (`dist/webchat-config.js`): the instance config validator (with the bundled UI languages),
 * the display rules and the analytics bridges. The first script imports it in parallel with fetching the
 * configuration, and needs none of them before that configuration arrives; keeping them out of the first
 * script keeps it within its 20 KB budget.
 */
export { parsePublicConfig } from './instance-config';
export { nextChange, rulesAllow } from '../rules/display-rules';
export { startAnalytics } from '../analytics/analytics';

export type ConfigModule = typeof import('./config-chunk');
