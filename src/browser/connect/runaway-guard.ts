/** More connection calls than this within the window means a loop, not reconnecting. */
const MAX_CALLS = 40;
const WINDOW_MS = 10_000;

/**
 * Watches the page's own resource timings for calls to the Participant Service's `/participant/connection`.
 * chatjs, when something (typically a Content-Security-Policy without the socket's origin in `connect-src`)
 * kills each new socket at once, asks for a new connection about a hundred times a second and fires no
 * handler at all. Our own reconnecting makes a few calls a second at most, so a burst over the limit is
 * that loop: `onRunaway` is called once.
 */
export function watchForRunawayReconnects(endpoint: string, onRunaway: () => void): () => void {
  if (typeof PerformanceObserver !== 'function') return () => {};
  const connectionUrl = `${endpoint.replace(/\/$/, '')}/participant/connection`;
  const calls: number[] = [];
  let tripped = false;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (tripped || !entry.name.startsWith(connectionUrl)) continue;
      calls.push(entry.startTime);
      while (calls.length && calls[0]! < entry.startTime - WINDOW_MS) calls.shift();
      if (calls.length > MAX_CALLS) {
        tripped = true;
        onRunaway();
      }
    }
  });
  observer.observe({ type: 'resource' });
  return () => observer.disconnect();
}
