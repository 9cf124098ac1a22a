import type { BrowserContext, Page } from 'playwright-core';
import type { AnyEventObject } from 'xstate';
import { chatMachine } from '../../../machines/chat.machine';
import { transitionKey } from '../../model/chat-paths';

/**
 * A stand-in for the visualizer at `<origin>/visualizer/`: a page's `?webchat-inspect` opens it and streams its
 * chat actor over the `@statelyai/inspect` protocol; this one hands every message to the test.
 */
const COLLECTOR_HTML = `<!doctype html><title>inspection collector</title><script>
addEventListener('message', (event) => { if (event.source === window.opener) window.reportInspection(event.data); });
window.opener && window.opener.postMessage({ type: '@statelyai.connected' }, '*');
</script>`;

interface InspectionMessage {
  type: string;
  name?: string;
  sessionId: string;
  event?: AnyEventObject;
  snapshot?: { value?: unknown; context?: Record<string, unknown> };
}

/**
 * What the pages of one browser context told their inspectors: for each page, its chat actors' snapshots in
 * order, each with the event that led to it. Coverage is computed from these, the page's own actor, never
 * from a copy of the machine the test keeps.
 */
export class PageInspection {
  /**
   * Each chat page's loads, in order, each with its chat actor's messages in the order sent: the events it
   * received and the snapshots they led to. Keyed by the collector (one inspector window per tab) and split at
   * each load, since actor session ids repeat from one page load, or one tab, to the next.
   */
  private readonly loads = new Map<Page, InspectionMessage[][]>();
  private readonly openers = new Map<Page, Page | null>();

  static async attach(context: BrowserContext): Promise<PageInspection> {
    const inspection = new PageInspection();
    await context.route('**/visualizer/**', (route) => route.fulfill({ contentType: 'text/html', body: COLLECTOR_HTML }));
    await context.exposeBinding('reportInspection', ({ page }, message: InspectionMessage) => inspection.receive(page, message));
    return inspection;
  }

  private receive(collector: Page, message: InspectionMessage): void {
    if (!this.openers.has(collector)) {
      this.openers.set(collector, null);
      void collector.opener().then((page) => this.openers.set(collector, page));
    }
    const loads = this.loads.get(collector) ?? [];
    this.loads.set(collector, loads);
    if (message.type === '@xstate.actor' && message.name === 'chat') loads.push([message]);
    const current = loads.at(-1);
    if (!current || current[0]!.sessionId !== message.sessionId) return;
    if (message.type === '@xstate.snapshot' || message.type === '@xstate.event') current.push(message);
  }

  /** The loads of the chat in `page` (its collector is the window it opened). */
  private loadsOf(page: Page): InspectionMessage[][] {
    return [...this.openers].filter(([, opener]) => opener === page).flatMap(([collector]) => this.loads.get(collector) ?? []);
  }

  private latest(page: Page) {
    return this.loadsOf(page).at(-1)?.findLast((message) => message.type === '@xstate.snapshot')?.snapshot;
  }

  /** The latest state value the page's current chat actor reported. */
  latestValue(page: Page): unknown {
    return this.latest(page)?.value;
  }

  /** The latest context the page's current chat actor reported. */
  latestContext(page: Page): Record<string, unknown> | undefined {
    return this.latest(page)?.context;
  }

  /** For a person reading a failure: each load's events and the states they led to. */
  trace(page: Page): string {
    return this.loadsOf(page)
      .map((load) =>
        load
          .filter((message) => message.type === '@xstate.snapshot')
          .map((message) => `${message.event?.type} → ${JSON.stringify(message.snapshot?.value)}${message.snapshot?.context?.leads ? ' (leads)' : ''}`)
          .join('\n    '),
      )
      .join('\n  -- next load --\n    ');
  }

  /** How many snapshots the page's current chat actor has reported. */
  snapshotCount(page: Page): number {
    return (this.loadsOf(page).at(-1) ?? []).filter((message) => message.type === '@xstate.snapshot').length;
  }

  /**
   * Every transition the chat actors of `page` took (all its loads), and every state they were in. Each snapshot
   * comes with the event that led to it (also when nothing changed): that event, from the snapshot before it.
   */
  covered(page: Page): { transitions: string[]; states: string[] } {
    const transitions: string[] = [];
    const states: string[] = [];
    for (const load of this.loadsOf(page)) {
      let previous: ReturnType<typeof chatMachine.resolveState> | undefined;
      for (const message of load) {
        if (message.type !== '@xstate.snapshot' || !message.snapshot) continue;
        const current = chatMachine.resolveState({ value: message.snapshot.value as never, context: message.snapshot.context as never });
        states.push(...current._nodes.map((node) => node.id));
        if (previous && message.event) {
          for (const transition of chatMachine.getTransitionData(previous, message.event as never)) transitions.push(transitionKey(transition));
        }
        previous = current;
      }
    }
    return { transitions, states };
  }
}
