/**
 * The page globals the analytics bridges write to. Not declared on `Window`: they belong to the site's tag
 * manager, and a site that declares them its own way must not clash with us.
 */
export interface AnalyticsTarget {
  /** Google Tag Manager's data layer: an array, or GTM's object with its own `push`, once GTM has loaded. */
  dataLayer?: unknown;
  /** GA4's `gtag(…)` (Google's snippet defines it as a push onto `dataLayer`). */
  gtag?: unknown;
}
