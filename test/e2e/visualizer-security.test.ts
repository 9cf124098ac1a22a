import { describe, expect, it } from 'vitest';
import { chatInspectionMessages, framingPage, InspectorOpener, visualizerDrawsInFrame } from './models/inspector-opener';
import { VisualizerPage } from './models/visualizer-page';
import { useStack } from './support/stack';
import { serveBundle } from './support/static-server';

/** Sites in these specs are served by the browser context itself (page.route), never by the network. */
const SITE = 'http://shop.example';
/** Same site as {@link SITE}, another origin (Chromium finds a window by name only within a site). */
const OTHER_ORIGIN = 'http://blog.shop.example';

describe('the visualizer talks only to the page that opened it', () => {
  const stack = useStack();
  const visualizerUrl = () => `${stack.server.url}/visualizer/`;

  it('is served with a CSP that forbids framing by other sites', async () => {
    for (const path of ['/visualizer/', '/visualizer', '/visualizer/index.html']) {
      const response = await fetch(`${stack.server.url}${path}`, { redirect: 'manual' });
      expect(response.headers.get('content-security-policy'), path).toBe("frame-ancestors 'self'");
      expect(response.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
    }
  });

  it('draws in a frame on its own origin, not on another origin', async () => {
    const context = await stack.newContext();
    expect(await visualizerDrawsInFrame(context, `${stack.server.url}/framing-test.html`, { visualizerUrl: visualizerUrl() })).toBe(true);
    // Another origin on the same machine (a public one would be refused by Private Network Access anyway).
    const other = await serveBundle({ '/framing-test.html': { body: framingPage(visualizerUrl()) } });
    try {
      expect(await visualizerDrawsInFrame(context, `${other.url}/framing-test.html`)).toBe(false);
    } finally {
      await other.close();
    }
  });

  it('ignores inspection messages that do not come from its opener', async () => {
    const visualizer = await VisualizerPage.standalone(await stack.newContext(), visualizerUrl());
    await visualizer.waitForSource('Standalone');
    const before = await visualizer.timelineCount();
    await visualizer.receiveFromItself(chatInspectionMessages(3));
    expect(await visualizer.source()).toMatch(/^Standalone/);
    expect(await visualizer.timelineCount()).toBe(before);
    expect(visualizer.pageErrors).toEqual([]);
  });

  it('follows an opener on another site, and stops listening once that tab goes to another origin', async () => {
    const opener = await InspectorOpener.at(await stack.newContext(), `${SITE}/checkout`);
    const visualizer = await VisualizerPage.popup(await opener.openVisualizer(visualizerUrl()));
    await opener.post(chatInspectionMessages(2));
    await visualizer.waitForSource('Live');
    await visualizer.waitForTimelineCount(2);

    await opener.navigate(`${OTHER_ORIGIN}/`);
    await opener.post(chatInspectionMessages(5)); // would start a new timeline of 5
    await opener.navigate(`${SITE}/products`); // back on the site: heard again, after the ignored ones
    await opener.post(chatInspectionMessages(1, { entriesOnly: true }));
    await visualizer.waitForTimelineCount(3);
    expect(await visualizer.timelineCount()).toBe(3);
    expect(visualizer.pageErrors).toEqual([]);
  });
});
