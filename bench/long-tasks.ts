import type { Page } from 'playwright-core';

/** A main-thread task over 50 ms, as the page's PerformanceObserver saw it. */
export interface LongTask {
  startTime: number;
  duration: number;
}

/**
 * Registered before any page script (Playwright init script): collects every main-thread task > 50 ms.
 * Plain JS in a string: tsx would wrap named functions in a `__name` helper the page does not have.
 */
export const LONG_TASK_OBSERVER = `(() => {
  const tasks = [];
  Object.defineProperty(window, '__benchLongTasks', { value: tasks });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ startTime: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) {}
})()`;

/** The long tasks the page (with {@link LONG_TASK_OBSERVER}) saw from `from` (its `performance.now()`) on. */
export function longTasksSince(page: Page, from = 0): Promise<LongTask[]> {
  return page.evaluate(
    (start) => (window as unknown as { __benchLongTasks: LongTask[] }).__benchLongTasks.filter((task) => task.startTime >= start),
    from,
  );
}
