/**
 * The config validator chunk (`dist/webchat-config.js`). The first script loads it in parallel with the
 * instance's configuration: validation runs once per page load, and keeping it out of the first script
 * keeps that script within its 20 KB budget.
 */
export { parsePublicConfig } from './instance-config';

export type ConfigValidatorModule = typeof import('./config-chunk');
