import type { Browser } from 'playwright-core';
import { ChatPage } from '../test/e2e/models/chat-page';
import { startChatWithAgent } from '../test/e2e/models/agent-chat';
import { EmulatorControl } from '../test/e2e/models/emulator-control';
import { startDemoServerProcess } from './demo-server-process';
import { LONG_TASK_OBSERVER, longTasksSince } from './long-tasks';
import type { Measurement } from './metric';

const RUNS = 3;
const MESSAGES = 200;
/** Every fourth message is a card: 50 of 200. */
const CARD_EVERY = 4;
const SHOWN_TIMEOUT_MS = 120_000;

/** A ListPicker as a Lex bot would send it: a title, a subtitle and four choices. */
function listPicker(index: number): object {
  const elements = ['Billing', 'Orders', 'Returns', 'Something else'].map((title) => ({ title: `${title} ${index}`, subtitle: 'Tap to choose' }));
  return { templateType: 'ListPicker', version: '1.0', data: { content: { title: `Card ${index}: what can we help with?`, subtitle: 'Choose one', elements } } };
}

/** The text every shown message starts with, so the page can count what arrived (cards show their title). */
const markerOf = (run: string, index: number) => (index % CARD_EVERY === 0 ? `Card ${index}:` : `${run} ${index}:`);

async function oneRun(browser: Browser, url: string, control: EmulatorControl): Promise<{ longTasks: number; longestMs: number; shownMs: number }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: LONG_TASK_OBSERVER });
    const chat = new ChatPage(page);
    await chat.open(`${url}/`);
    await chat.waitForEvent('CHAT_VISIBLE');
    const contactId = await startChatWithAgent(chat, control);
    const run = Math.random().toString(36).slice(2, 6);
    const before = await page.evaluate(() => performance.now());
    const started = Date.now();
    // In order, as an agent and a bot would send them; each is on its way before the next is sent.
    for (let index = 0; index < MESSAGES; index++) {
      if (index % CARD_EVERY === 0) await control.sendTemplate(contactId, listPicker(index));
      else await control.sayMarkdown(contactId, `${markerOf(run, index)} **thanks**, see https://example.com/orders/${index} for the _details_.`);
    }
    const last = markerOf(run, MESSAGES - 1);
    await page.waitForFunction(
      (text) => [...(document.querySelector('[data-connect-webchat="panel"]')?.shadowRoot?.querySelectorAll('.msg') ?? [])].some((node) => node.textContent?.includes(text)),
      last,
      { timeout: SHOWN_TIMEOUT_MS, polling: 100 },
    );
    const shownMs = Date.now() - started;
    const tasks = await longTasksSince(page, before);
    await control.end(contactId).catch(() => {});
    return { longTasks: tasks.length, longestMs: Math.max(0, ...tasks.map((task) => task.duration)), shownMs };
  } finally {
    await context.close();
  }
}

/**
 * A bot-heavy conversation through the real stack: 200 agent messages, 50 of them ListPicker cards and the rest
 * markdown with a link, sent one after another through the emulator while the panel is open. Budget: no long task
 * while they arrive and render.
 */
export const richTranscript: Measurement = {
  id: 'rich',
  title: `Rich transcript: ${MESSAGES} messages (${MESSAGES / CARD_EVERY} cards, the rest markdown) rendered live`,
  async run({ root, build, browser: launch, log }) {
    const browser = await launch();
    const demo = await startDemoServerProcess({ root, build });
    try {
      const control = new EmulatorControl(demo.url);
      const runs = [];
      for (let index = 0; index < RUNS; index++) {
        log(`rich: run ${index + 1}/${RUNS}`);
        runs.push(await oneRun(browser, demo.url, control));
      }
      return [
        {
          id: 'rich.long_tasks',
          label: `long tasks (> 50 ms) while ${MESSAGES} messages with ${MESSAGES / CARD_EVERY} cards arrive`,
          unit: 'count',
          samples: runs.map((run) => run.longTasks),
          budget: { max: 0, label: '0' },
        },
        { id: 'rich.longest_task_ms', label: 'longest task meanwhile', unit: 'ms', samples: runs.map((run) => run.longestMs) },
        {
          id: 'rich.shown_ms',
          label: `first send → all ${MESSAGES} shown`,
          unit: 'ms',
          samples: runs.map((run) => run.shownMs),
          note: 'rich: sent one at a time through the control API (each answered before the next), so this is mostly the emulator round trip.',
        },
      ];
    } finally {
      await demo.close();
    }
  },
};
