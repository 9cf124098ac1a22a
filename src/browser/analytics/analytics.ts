import type { AnalyticsOptions } from '../config/instance-config.types';
import type { SaEvents } from '../events/replay-log';
import { reportError } from '../platform/report';
import type { AnalyticsTarget } from './analytics.types';
import { bridgeToDataLayer } from './data-layer';
import { bridgeToGtag } from './gtag';

/** The names `data-analytics` accepts, and the bridge each one turns on. */
const ATTRIBUTE_NAMES: Record<string, keyof AnalyticsOptions> = { datalayer: 'dataLayer', gtag: 'gtag' };

/**
 * Reads a `data-analytics` value such as `"datalayer,gtag"` (commas or spaces, any case). Unknown names are
 * reported on the console and ignored.
 */
export function parseAnalyticsAttribute(value: string): AnalyticsOptions {
  const options: AnalyticsOptions = {};
  for (const name of value.toLowerCase().split(/[\s,]+/).filter(Boolean)) {
    const bridge = ATTRIBUTE_NAMES[name];
    if (bridge) options[bridge] = true;
    else reportError(`data-analytics: unknown bridge "${name}" (expected ${Object.keys(ATTRIBUTE_NAMES).join(', ')})`);
  }
  return options;
}

/**
 * Turns on the bridges the instance config (`analytics`) or the page (`data-analytics`, or the programmatic
 * option) asks for; either one is enough. Called once the configuration is valid: the replay log delivers the
 * history at subscription, so nothing is missed. Returns a function that stops every bridge.
 */
export function startAnalytics(
  events: Pick<SaEvents, 'subscribe'>,
  win: object,
  configured?: AnalyticsOptions,
  requested?: AnalyticsOptions | string,
): () => void {
  const page = typeof requested === 'string' ? parseAnalyticsAttribute(requested) : requested;
  const target = win as AnalyticsTarget;
  const stops: Array<() => void> = [];
  if (configured?.dataLayer || page?.dataLayer) stops.push(bridgeToDataLayer(events, target));
  if (configured?.gtag || page?.gtag) stops.push(bridgeToGtag(events, target));
  return () => {
    for (const stop of stops.splice(0)) stop();
  };
}
