import { mkdir } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { MASKED } from '../../src/browser/inspect/mask-secrets';
import { ChatPage } from './models/chat-page';
import { VisualizerPage } from './models/visualizer-page';
import { useStack } from './support/stack';

const SCREENSHOT = 'test-results/visualizer.png';
const VIEWPORT = { width: 1600, height: 1000 };

describe('the visualizer in Chromium', () => {
  const stack = useStack();
  beforeAll(() => mkdir('test-results', { recursive: true }));

  const newContext = () => stack.newContext({ viewport: VIEWPORT });

  it('follows a real chat live: states from visible to the contact states, saEvents with timestamps, token masked', async () => {
    const context = await newContext();
    const chat = new ChatPage(await context.newPage());
    const [popup] = await Promise.all([context.waitForEvent('page'), chat.open(`${stack.server.url}/?webchat-inspect`)]);
    const visualizer = await VisualizerPage.popup(popup);
    await visualizer.waitForSource('Live');

    await visualizer.waitForActive('visible.idle');
    await visualizer.waitForTimelineCount(2);
    expect(await visualizer.shownTypes()).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE']);

    await chat.start();
    const contactId = await chat.contactId();
    await stack.control.waitForCustomer(contactId);
    await visualizer.waitForActive('contact.phase.inFlow');
    await visualizer.waitForActive('contact.link.online');
    expect(await visualizer.activeStates()).toEqual(['contact.phase.inFlow', 'contact.link.online', 'contact.panel.open']);
    expect(await visualizer.highlightedStates()).toEqual(
      expect.arrayContaining(['', 'contact', 'contact.phase', 'contact.phase.inFlow', 'contact.link', 'contact.link.online', 'contact.panel.open']),
    );
    // The view is in the chart too: minimising the panel is a state the visualizer shows.
    await chat.minimise();
    await visualizer.waitForActive('contact.panel.minimised');
    await chat.reopen();
    await visualizer.waitForActive('contact.panel.open');

    await stack.control.queue(contactId);
    await visualizer.waitForActive('contact.phase.queued');
    await stack.control.join(contactId, 'Ana');
    await visualizer.waitForActive('contact.phase.agent');
    await visualizer.waitForLastEvent('AGENT_JOINED');
    expect(await visualizer.lastEvent()).toMatchObject({ type: 'AGENT_JOINED', agentName: 'Ana' });

    await visualizer.waitForTimelineCount(5);
    const entries = await visualizer.shownEntries();
    expect(entries.map((entry) => entry.type)).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE', 'CONTACT_STARTED', 'TRANSFER_TO_QUEUE', 'CONNECT_TO_AGENT']);
    expect(entries.map((entry) => entry.position)).toEqual(['#1', '#2', '#3', '#4', '#5']);
    for (const entry of entries) expect(entry.time).toMatch(/^\d\d:\d\d:\d\d\.\d{3}$/);
    expect(entries[2]!.data).toBe(JSON.stringify({ contactId }));
    expect(await visualizer.shownTypes()).toEqual(await chat.types());

    const shownContext = await visualizer.context();
    expect(shownContext).toMatchObject({ instanceName: 'help_faq_bot', agentName: 'Ana', contact: { contactId, participantToken: MASKED } });

    await visualizer.screenshot(SCREENSHOT);

    await chat.endChat();
    await visualizer.waitForActive('ended.open');
    await visualizer.waitForTimelineCount(6);
    expect((await visualizer.shownTypes()).at(-1)).toBe('CONTACT_ENDED');
    expect(visualizer.pageErrors).toEqual([]);
    expect(chat.pageErrors).toEqual([]);
  });

  it('runs a standalone copy of the machine: click enabled transitions, export JSON and SVG', async () => {
    const visualizer = await VisualizerPage.standalone(await newContext(), `${stack.server.url}/visualizer/`);
    await visualizer.waitForSource('Standalone');
    await visualizer.waitForActive('booting');
    // Its actors never answer by themselves: their answers are transitions to click, one per restored phase.
    expect(new Set(await visualizer.enabledTransitions())).toEqual(new Set(['done: config [savedPhaseIs]', 'done: config', 'error: config']));
    expect(new Set(await visualizer.enabledEventButtons())).toEqual(new Set(['done: config', 'error: config']));

    await visualizer.clickTransition('done: config');
    await visualizer.waitForActive('loaded');
    expect(new Set(await visualizer.enabledTransitions())).toEqual(new Set(['RULES_ALLOW', 'RULES_DENY']));
    await visualizer.clickTransition('RULES_ALLOW');
    await visualizer.waitForActive('visible.idle');
    await visualizer.clickTransition('START');
    await visualizer.waitForActive('visible.starting');
    await visualizer.clickTransition('done: startChat');
    await visualizer.waitForActive('contact.panel.open');
    // This tab leads (it started the contact): the join takes the announcing branch, not the silent one.
    expect(await visualizer.enabledTransitions()).toContain('AGENT_JOINED [leads]');
    expect(await visualizer.enabledTransitions()).not.toContain('AGENT_JOINED');
    await visualizer.clickTransition('AGENT_JOINED [leads]');
    await visualizer.waitForActive('contact.phase.agent');
    expect(await visualizer.activeStates()).toEqual(['contact.phase.agent', 'contact.link.connecting', 'contact.panel.open']);
    expect(await visualizer.context()).toMatchObject({ agentName: 'Ana', contact: { participantToken: MASKED } });

    await visualizer.clickTransition('CUSTOMER_ENDED [leads]');
    await visualizer.waitForActive('ended.open');
    await visualizer.sendEvent('CLOSE');
    await visualizer.waitForActive('visible.idle');
    await visualizer.waitForTimelineCount(7);
    expect(await visualizer.shownTypes()).toEqual([
      'CHAT_LOADED',
      'CHAT_VISIBLE',
      'CONTACT_STARTED',
      'TRANSFER_TO_QUEUE',
      'CONNECT_TO_AGENT',
      'CONTACT_ENDED',
      'CHAT_VISIBLE',
    ]);

    const { fileName, json } = await visualizer.exportJson();
    expect(fileName).toBe('chat.machine.json');
    expect(json).toMatchObject({ id: 'chat', states: { contact: { type: 'parallel', states: { phase: {}, link: {}, panel: {} } } } });

    const svg = await visualizer.exportSvg();
    expect(svg.fileName).toBe('chat.statechart.svg');
    expect(svg.text).toMatch(/^<\?xml[^>]*>\n<svg /);
    expect(svg.text).toContain('<style>');
    expect(svg.text).toContain('RULES_ALLOW');
    expect(svg.text).not.toMatch(/<script|tabindex/);
    expect(visualizer.pageErrors).toEqual([]);
  });

  it('keeps 1,000 saEvents entries in a virtual list: a screenful of rows in the DOM, the right rows drawn where scrolled', async () => {
    const visualizer = await VisualizerPage.standalone(await newContext(), `${stack.server.url}/visualizer/`);
    await visualizer.receiveSaEventBurst(1000);
    await visualizer.waitForSource('Live');
    expect(await visualizer.timelineCount()).toBe(1000);
    expect(await visualizer.timelineRowElements()).toBeLessThan(60);
    expect((await visualizer.shownEntries()).at(-1)?.position).toBe('#1000'); // follows the newest entry

    // Timing (frames while scrolling) is measured by `npm run bench`, not asserted here.
    await visualizer.scrollTimelineTo(0.5);
    const middle = await visualizer.shownEntries();
    const positions = middle.map((entry) => Number(entry.position.slice(1)));
    expect(positions).toContain(500);
    expect(positions).toEqual(positions.map((_, index) => positions[0]! + index)); // contiguous, in order
    expect(positions[0]).toBeGreaterThan(1);
    expect(positions.at(-1)).toBeLessThan(1000);
    for (const [index, entry] of middle.entries()) {
      const n = positions[index]!;
      expect(entry).toMatchObject({ type: n % 2 ? 'CONNECT_TO_AGENT' : 'TRANSFER_TO_QUEUE', data: JSON.stringify({ contactId: `contact-${n - 1}` }) });
    }
    expect(await visualizer.timelineRowElements()).toBeLessThan(60);

    await visualizer.scrollTimeline('top');
    expect((await visualizer.shownEntries())[0]).toMatchObject({ position: '#1', type: 'CONNECT_TO_AGENT' });
    expect(visualizer.pageErrors).toEqual([]);
  });
});
