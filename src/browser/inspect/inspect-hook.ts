/**
 * The only inspection code in the first script (`dist/webchat.js`): decide whether inspection was asked
 * for, and hold the machine's inspection events until the inspector chunk (`dist/webchat-inspect.js`)
 * has loaded. Keep it tiny: everything else lives in the chunk, which production pages never load.
 */
import type { InspectionEvent } from 'xstate';

/** What the inspector chunk hands back: XState's `inspect` callback. */
export type InspectObserver = (event: InspectionEvent) => void;

/**
 * The inspector URL asked for, or `undefined` when inspection is off.
 * - `<script data-inspect>` (empty): the visualizer on the script's origin, `''` here;
 * - `<script data-inspect="https://stately.ai/inspect">`: that inspector (a site owner's choice);
 * - `?webchat-inspect` in the page URL: the visualizer on the script's origin. A page URL can only turn
 *   inspection on, never choose where the data goes.
 */
export function inspectorRequest(script: HTMLScriptElement, search: string): string | undefined {
  return script.dataset.inspect ?? (new URLSearchParams(search).has('webchat-inspect') ? '' : undefined);
}

/**
 * An `inspect` callback for `createActor` that queues every inspection event until `load` resolves, then
 * replays them in order and forwards the rest. If `load` fails, the queue is dropped and the chat goes on.
 */
export function deferInspection(load: () => Promise<InspectObserver>, onError: (error: unknown) => void): InspectObserver {
  let queue: InspectionEvent[] | undefined = [];
  let target: InspectObserver | undefined;
  load().then(
    (observer) => {
      target = observer;
      queue?.forEach(observer);
      queue = undefined;
    },
    (error: unknown) => {
      queue = undefined;
      onError(error);
    },
  );
  return (event) => {
    if (target) target(event);
    else queue?.push(event);
  };
}
