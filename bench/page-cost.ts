import type { Browser } from 'playwright-core';
import type { SaEvent } from '../machines/chat.types';
import { startDemoServerProcess } from './demo-server-process';
import type { Measurement, Metric } from './metric';
import { EXECUTION_END_MARK, EXECUTION_MARK, startPageVariantsServer } from './page-variants.server';

const RUNS = 7;
/** After `load` (and CHAT_VISIBLE), before reading the counters: lets the tail of the work land. */
const SETTLE_MS = 300;
const VISIBLE_TIMEOUT_MS = 15_000;
/** The informational second pass: roughly a mid-range phone. */
const SLOW_CPU_RATE = 4;

/**
 * Registered before any page script (Playwright init script): collects every main-thread task > 50 ms.
 * Plain JS in a string: tsx would wrap named functions in a `__name` helper the page does not have.
 */
const LONG_TASK_OBSERVER = `(() => {
  const tasks = [];
  Object.defineProperty(window, '__benchLongTasks', { value: tasks });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ startTime: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) {}
})()`;

/** Resolves at CHAT_VISIBLE, through `saEvents.subscribe` (the demo page has the pre-load stub). */
const WAIT_FOR_VISIBLE = `new Promise((resolve, reject) => {
  setTimeout(() => reject(new Error('no CHAT_VISIBLE within ${VISIBLE_TIMEOUT_MS} ms')), ${VISIBLE_TIMEOUT_MS});
  window.saEvents.subscribe((event) => { if (event.type === 'CHAT_VISIBLE') resolve(true); });
})`;

interface PageFacts {
  timeOrigin: number;
  executionStart: number | null;
  executionEnd: number | null;
  loadEventEnd: number;
  longTasks: Array<{ startTime: number; duration: number }>;
  history: SaEvent[];
}

/** One page view, in a fresh context: what the page and CDP tell about it. */
interface PageView {
  /** Script execution start → CHAT_LOADED / CHAT_VISIBLE, ms. Undefined without the script. */
  toLoaded?: number;
  toVisible?: number;
  /** The script's synchronous top-level run (after compilation), ms. */
  topLevelMs?: number;
  longTasks: number;
  longestTaskMs: number;
  scriptMs: number;
  taskMs: number;
  heapBytes: number;
  loadEventMs: number;
}

async function viewPage(browser: Browser, url: string, withScript: boolean, cpuRate: number): Promise<PageView> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: LONG_TASK_OBSERVER });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    if (cpuRate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
    await page.goto(url, { waitUntil: 'load' });
    if (withScript) await page.evaluate(WAIT_FOR_VISIBLE);
    await page.waitForTimeout(SETTLE_MS);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => metrics.find((entry) => entry.name === name)?.value ?? Number.NaN;
    const facts: PageFacts = await page.evaluate(([mark, endMark]) => {
      const win = window as unknown as { __benchLongTasks: PageFacts['longTasks']; saEvents?: { history?: () => SaEvent[] } };
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return {
        timeOrigin: performance.timeOrigin,
        executionStart: performance.getEntriesByName(mark)[0]?.startTime ?? null,
        executionEnd: performance.getEntriesByName(endMark)[0]?.startTime ?? null,
        loadEventEnd: navigation.loadEventEnd,
        longTasks: win.__benchLongTasks,
        history: typeof win.saEvents?.history === 'function' ? win.saEvents.history() : [],
      };
    }, [EXECUTION_MARK, EXECUTION_END_MARK] as const);
    const view: PageView = {
      longTasks: facts.longTasks.length,
      longestTaskMs: Math.max(0, ...facts.longTasks.map((task) => task.duration)),
      scriptMs: metric('ScriptDuration') * 1000,
      taskMs: metric('TaskDuration') * 1000,
      heapBytes: metric('JSHeapUsedSize'),
      loadEventMs: facts.loadEventEnd,
    };
    if (!withScript) return view;
    if (facts.executionStart === null || facts.executionEnd === null) throw new Error('webchat.js never ran (no execution marks)');
    // saEvents timestamps are epoch ms (Date.now()); the mark is relative to the page's time origin.
    const since = (type: SaEvent['type']) => {
      const event = facts.history.find((entry) => entry.type === type);
      if (!event) throw new Error(`no ${type} in saEvents.history()`);
      return event.timestamp - (facts.timeOrigin + facts.executionStart!);
    };
    return { ...view, toLoaded: since('CHAT_LOADED'), toVisible: since('CHAT_VISIBLE'), topLevelMs: facts.executionEnd - facts.executionStart };
  } finally {
    await context.close();
  }
}

/** `RUNS` pairs (with, without), alternating which goes first, after one pair thrown away. */
async function pairs(browser: Browser, urls: { with: string; without: string }, cpuRate: number) {
  const withScript: PageView[] = [];
  const withoutScript: PageView[] = [];
  await viewPage(browser, urls.with, true, cpuRate);
  await viewPage(browser, urls.without, false, cpuRate);
  for (let run = 0; run < RUNS; run++) {
    if (run % 2 === 0) {
      withScript.push(await viewPage(browser, urls.with, true, cpuRate));
      withoutScript.push(await viewPage(browser, urls.without, false, cpuRate));
    } else {
      withoutScript.push(await viewPage(browser, urls.without, false, cpuRate));
      withScript.push(await viewPage(browser, urls.with, true, cpuRate));
    }
  }
  const diff = (pick: (view: PageView) => number) => withScript.map((view, index) => pick(view) - pick(withoutScript[index]!));
  return { withScript, withoutScript, diff };
}

/**
 * What embedding the chat costs a page view that never starts a chat: the demo home page with the script
 * against the same page without it, each view in a fresh browser context (cold cache), in real Chromium.
 */
export const pageCost: Measurement = {
  id: 'page',
  title: 'Page cost in Chromium (demo home page, with vs without the script)',
  async run({ root, build, browser: launch, log }) {
    const browser = await launch();
    const demo = await startDemoServerProcess({ root, build });
    const variants = await startPageVariantsServer(demo.url);
    try {
      const urls = { with: variants.withScriptUrl, without: variants.withoutScriptUrl };
      log(`page cost: ${RUNS} views with and ${RUNS} without the script`);
      const fast = await pairs(browser, urls, 1);
      log(`page cost: the same at ${SLOW_CPU_RATE}× CPU throttling`);
      const slow = await pairs(browser, urls, SLOW_CPU_RATE);
      const metrics: Metric[] = [
        { id: 'page.to_chat_loaded_ms', label: 'script start → CHAT_LOADED', unit: 'ms', samples: fast.withScript.map((view) => view.toLoaded!) },
        {
          id: 'page.to_chat_visible_ms',
          label: 'script start → CHAT_VISIBLE',
          unit: 'ms',
          samples: fast.withScript.map((view) => view.toVisible!),
          note: 'script start = a performance.mark() prepended to the served webchat.js; CHAT_* from saEvents.history() timestamps. Includes fetching the instance config and the config-validator chunk over loopback.',
        },
        {
          id: 'page.long_tasks',
          label: 'long tasks (> 50 ms) during load, with script',
          unit: 'count',
          samples: fast.withScript.map((view) => view.longTasks),
          budget: { max: 0, label: '0' },
        },
        { id: 'page.long_tasks_baseline', label: 'long tasks during load, without script', unit: 'count', samples: fast.withoutScript.map((view) => view.longTasks) },
        {
          id: 'page.top_level_ms',
          label: 'webchat.js top-level run',
          unit: 'ms',
          samples: fast.withScript.map((view) => view.topLevelMs!),
          note: 'top-level run: between performance marks put before and after the served webchat.js (its compilation comes before the first).',
        },
        { id: 'page.script_ms', label: 'script evaluation, page with chat', unit: 'ms', samples: fast.withScript.map((view) => view.scriptMs) },
        { id: 'page.script_ms_baseline', label: 'script evaluation, page without chat', unit: 'ms', samples: fast.withoutScript.map((view) => view.scriptMs) },
        {
          id: 'page.script_ms_added',
          label: 'script evaluation added by the chat',
          unit: 'ms',
          samples: fast.diff((view) => view.scriptMs),
          note: 'script evaluation = CDP Performance.getMetrics ScriptDuration for the whole page up to CHAT_VISIBLE (or load) + 300 ms; "added" = with − without, paired runs.',
        },
        { id: 'page.task_ms_added', label: 'main-thread task time added', unit: 'ms', samples: fast.diff((view) => view.taskMs) },
        { id: 'page.load_event_ms_added', label: 'load event end added', unit: 'ms', samples: fast.diff((view) => view.loadEventMs) },
        {
          id: 'page.heap_added',
          label: 'JS heap added',
          unit: 'KB',
          samples: fast.diff((view) => view.heapBytes / 1024),
          note: 'JS heap added: CDP JSHeapUsedSize with − without at the same moment, no forced GC (garbage included).',
        },
        { id: 'page.slow.top_level_ms', label: `${SLOW_CPU_RATE}× CPU: webchat.js top-level run`, unit: 'ms', samples: slow.withScript.map((view) => view.topLevelMs!) },
        { id: 'page.slow.to_chat_visible_ms', label: `${SLOW_CPU_RATE}× CPU: script start → CHAT_VISIBLE`, unit: 'ms', samples: slow.withScript.map((view) => view.toVisible!) },
        { id: 'page.slow.long_tasks', label: `${SLOW_CPU_RATE}× CPU: long tasks, with script`, unit: 'count', samples: slow.withScript.map((view) => view.longTasks) },
        { id: 'page.slow.longest_task_ms', label: `${SLOW_CPU_RATE}× CPU: longest task, with script`, unit: 'ms', samples: slow.withScript.map((view) => view.longestTaskMs) },
        { id: 'page.slow.long_tasks_baseline', label: `${SLOW_CPU_RATE}× CPU: long tasks, without script`, unit: 'count', samples: slow.withoutScript.map((view) => view.longTasks) },
        {
          id: 'page.slow.script_ms_added',
          label: `${SLOW_CPU_RATE}× CPU: script evaluation added`,
          unit: 'ms',
          samples: slow.diff((view) => view.scriptMs),
          note: `${SLOW_CPU_RATE}× CPU rows (CDP Emulation.setCPUThrottlingRate) are informational, no budget.`,
        },
      ];
      return metrics;
    } finally {
      await variants.close();
      await demo.close();
    }
  },
};
