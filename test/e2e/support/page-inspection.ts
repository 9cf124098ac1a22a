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
  private readonly chatSessions = new Set<string>();
  private readonly snapshots = new Map<string, Array<{ event: AnyEventObject; value: unknown; context: Record<string, unknown> }>>();
  private readonly sessionsOfPage = new Map<Page, string[]>();

  static async attach(context: BrowserContext): Promise<PageInspection> {
    const inspection = new PageInspection();
    await context.route('**/visualizer/**', (route) => route.fulfill({ contentType: 'text/html', body: COLLECTOR_HTML }));
    await context.exposeBinding('reportInspection', ({ page }, message: InspectionMessage) => inspection.receive(page.opener(), message));
    return inspection;
  }

  private receive(opener: Promise<Page | null>, message: InspectionMessage): void {
    if (message.type === '@xstate.actor' && message.name === 'chat') {
      this.chatSessions.add(message.sessionId);
      void opener.then((page) => page && this.sessionsOfPage.set(page, [...(this.sessionsOfPage.get(page) ?? []), message.sessionId]));
    }
    if (message.type !== '@xstate.snapshot' || !this.chatSessions.has(message.sessionId) || !message.snapshot) return;
    const list = this.snapshots.get(message.sessionId) ?? [];
    list.push({ event: message.event ?? { type: '' }, value: message.snapshot.value, context: message.snapshot.context ?? {} });
    this.snapshots.set(message.sessionId, list);
  }

  /** The latest state value the page's current chat actor reported. */
  latestValue(page: Page): unknown {
    const session = this.sessionsOfPage.get(page)?.at(-1);
    return session ? this.snapshots.get(session)?.at(-1)?.value : undefined;
  }

  /** Every transition the chat actors of `page` took (all its loads), and every state they were in. */
  covered(page: Page): { transitions: string[]; states: string[] } {
    const transitions: string[] = [];
    const states: string[] = [];
    for (const session of this.sessionsOfPage.get(page) ?? []) {
      const steps = this.snapshots.get(session) ?? [];
      steps.forEach((step, index) => {
        const snapshot = chatMachine.resolveState({ value: step.value as never, context: step.context as never });
        states.push(...snapshot._nodes.map((node) => node.id));
        const next = steps[index + 1];
        if (!next) return;
        for (const transition of chatMachine.getTransitionData(snapshot, next.event as never)) transitions.push(transitionKey(transition));
      });
    }
    return { transitions, states };
  }
}
