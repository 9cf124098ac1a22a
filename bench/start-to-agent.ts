import type { Browser } from 'playwright-core';
import { ChatPage } from '../test/e2e/models/chat-page';
import { EmulatorControl } from '../test/e2e/models/emulator-control';
import { startDemoServerProcess } from './demo-server-process';
import type { Measurement } from './metric';

/** Chats, each in a fresh browser context: one Start click each. */
const CHATS = 7;
/** Agent messages per chat: CHATS × this ≥ 50 latency samples. */
const MESSAGES_PER_CHAT = 10;
const SHOWN_TIMEOUT_MS = 10_000;

interface BenchWindow {
  __bench: { clickAt: number | null; shownAt: Map<string, number> };
}

/**
 * Before any page script: notes the epoch time of the first click (in the capture phase, before the
 * launcher's own handler). Plain JS: tsx would wrap named functions in a `__name` helper the page lacks.
 */
const CLICK_RECORDER = `(() => {
  const bench = { clickAt: null, shownAt: new Map() };
  Object.defineProperty(window, '__bench', { value: bench });
  addEventListener('click', () => {
    if (bench.clickAt === null) bench.clickAt = performance.timeOrigin + performance.now();
  }, true);
})()`;

/** Once the panel exists: a MutationObserver on its shadow root notes Date.now() when each message text lands. */
const MESSAGE_RECORDER = `(() => {
  const root = document.querySelector('[data-connect-webchat="panel"]').shadowRoot;
  const shownAt = window.__bench.shownAt;
  const note = (bubble, at) => {
    const text = bubble && bubble.textContent;
    if (text && !shownAt.has(text)) shownAt.set(text, at);
  };
  for (const bubble of root.querySelectorAll('.bubble')) note(bubble, 0);
  new MutationObserver((mutations) => {
    const at = Date.now();
    for (const mutation of mutations) {
      for (const node of mutation.addedNodes) {
        if (node.nodeType === Node.TEXT_NODE) note(node.parentElement && node.parentElement.closest('.bubble'), at);
        else if (node.nodeType === Node.ELEMENT_NODE) {
          if (node.matches('.bubble')) note(node, at);
          for (const bubble of node.querySelectorAll('.bubble')) note(bubble, at);
        }
      }
    }
  }).observe(root, { childList: true, subtree: true });
})()`;

async function oneChat(browser: Browser, url: string, control: EmulatorControl, chatIndex: number) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: CLICK_RECORDER });
    const chat = new ChatPage(page);
    await chat.open(`${url}/`);
    await chat.waitForEvent('CHAT_VISIBLE');
    await chat.start();
    const contactId = await chat.contactId().catch((error: unknown) => {
      throw new Error(`no CONTACT_STARTED after the Start click (${String(error)}); page said: ${[...chat.pageErrors, ...chat.consoleErrors].join(' | ') || 'nothing'}`);
    });
    const clickAt = await page.evaluate(() => (window as unknown as BenchWindow).__bench.clickAt);
    const started = (await chat.history()).find((event) => event.type === 'CONTACT_STARTED')!;
    if (clickAt === null) throw new Error('the Start click was not seen');
    const clickToStarted = started.timestamp - clickAt;

    await control.waitForCustomer(contactId);
    await control.queue(contactId);
    await control.join(contactId, 'Ana');
    await chat.waitForEvent('CONNECT_TO_AGENT');
    await page.waitForFunction(() => !!document.querySelector('[data-connect-webchat="panel"]')?.shadowRoot?.querySelector('.list'));
    await page.evaluate(MESSAGE_RECORDER);

    const latencies: number[] = [];
    for (let index = 0; index < MESSAGES_PER_CHAT; index++) {
      const text = `agent message ${chatIndex}.${index} ${Math.random().toString(36).slice(2, 8)}`;
      // Both clocks are this machine's: Date.now() here just before the POST, Date.now() in the page when shown.
      const sentAt = Date.now();
      await control.say(contactId, text);
      await page.waitForFunction((wanted) => (window as unknown as BenchWindow).__bench.shownAt.has(wanted), text, {
        timeout: SHOWN_TIMEOUT_MS,
        polling: 10,
      });
      const shownAt = await page.evaluate((wanted) => (window as unknown as BenchWindow).__bench.shownAt.get(wanted)!, text);
      latencies.push(shownAt - sentAt);
    }
    await control.end(contactId);
    return { clickToStarted, latencies };
  } finally {
    await context.close();
  }
}

/** The customer's wait: Start click → CONTACT_STARTED, and an agent's message → the panel, over loopback against the emulator. */
export const startToAgent: Measurement = {
  id: 'agent',
  title: 'Start to agent (Chromium ↔ demo server, emulator autopilot off)',
  async run({ root, build, browser: launch, log }) {
    const browser = await launch();
    const demo = await startDemoServerProcess({ root, build });
    try {
      const control = new EmulatorControl(demo.url);
      await oneChat(browser, demo.url, control, -1); // warm-up, thrown away
      const clicks: number[] = [];
      const latencies: number[] = [];
      for (let index = 0; index < CHATS; index++) {
        log(`start to agent: chat ${index + 1}/${CHATS}`);
        const result = await oneChat(browser, demo.url, control, index);
        clicks.push(result.clickToStarted);
        latencies.push(...result.latencies);
      }
      return [
        {
          id: 'agent.click_to_contact_started_ms',
          label: 'Start click → CONTACT_STARTED',
          unit: 'ms',
          samples: clicks,
          p95: true,
          note: 'Start click → CONTACT_STARTED: the click seen in the capture phase to the saEvents timestamp; includes POST /api/chats → AWS SDK → emulator.',
        },
        {
          id: 'agent.message_to_panel_ms',
          label: 'agent message (control API) → shown in panel',
          unit: 'ms',
          samples: latencies,
          p95: true,
          note: 'agent message → panel: Date.now() before POST /emulator/contacts/:id/agent/message to Date.now() in a MutationObserver on the panel\'s shadow root (websocket → chatjs → machine → Lit render).',
        },
      ];
    } finally {
      await demo.close();
    }
  },
};
