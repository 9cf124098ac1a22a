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
  /** Each chat actor's messages in the order it sent them: the events it received and the snapshots they led to. */
  private readonly messages = new Map<string, InspectionMessage[]>();
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
    if (!this.chatSessions.has(message.sessionId) || (message.type !== '@xstate.snapshot' && message.type !== '@xstate.event')) return;
    this.messages.set(message.sessionId, [...(this.messages.get(message.sessionId) ?? []), message]);
  }

  /** The latest state value the page's current chat actor reported. */
  latestValue(page: Page): unknown {
    return this.latest(page)?.value;
  }

  /** The latest context the page's current chat actor reported. */
  latestContext(page: Page): Record<string, unknown> | undefined {
    return this.latest(page)?.context;
  }

  private latest(page: Page) {
    const session = this.sessionsOfPage.get(page)?.at(-1);
    return session ? this.messages.get(session)?.findLast((message) => message.type === '@xstate.snapshot')?.snapshot : undefined;
  }

  /** How many snapshots the page's current chat actor has reported. */
  snapshotCount(page: Page): number {
    const session = this.sessionsOfPage.get(page)?.at(-1);
    return session ? (this.messages.get(session) ?? []).filter((message) => message.type === '@xstate.snapshot').length : 0;
  }

  /**
   * Every transition the chat actors of `page` took (all its loads), and every state they were in. Each snapshot
   * comes with the event that led to it (also when nothing changed): that event, from the snapshot before it.
   */
  covered(page: Page): { transitions: string[]; states: string[] } {
    const transitions: string[] = [];
    const states: string[] = [];
    for (const session of this.sessionsOfPage.get(page) ?? []) {
      let previous: ReturnType<typeof chatMachine.resolveState> | undefined;
      for (const message of this.messages.get(session) ?? []) {
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
