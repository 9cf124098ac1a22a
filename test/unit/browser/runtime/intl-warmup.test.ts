import { afterEach, describe, expect, it, vi } from 'vitest';
import { warmIntl } from '../../../../src/browser/runtime/intl-warmup';
import { timeOfDay } from '../../../../src/browser/ui/chat-panel.timeline';

/** A window whose tasks run when the test says, one at a time. */
function taskQueue() {
  const tasks = new Map<number, () => void>();
  let next = 0;
  const win = {
    setTimeout: (run: () => void) => (tasks.set(++next, run), next),
    clearTimeout: (id: number) => void tasks.delete(id),
  } as unknown as Pick<Window, 'setTimeout' | 'clearTimeout'>;
  return {
    win,
    pending: () => tasks.size,
    runOne() {
      const [id, run] = tasks.entries().next().value!;
      tasks.delete(id);
      run();
    },
  };
}

/** Counts the `Intl` objects made (and the `supportedLocalesOf` asked), by kind. */
function countIntl() {
  const made: string[] = [];
  for (const kind of ['Locale', 'NumberFormat', 'DateTimeFormat'] as const) {
    const Original = Intl[kind] as unknown as new (...args: unknown[]) => object;
    vi.spyOn(Intl, kind).mockImplementation(function (this: unknown, ...args: unknown[]) {
      made.push(kind);
      return new Original(...args);
    } as never);
  }
  return made;
}

afterEach(() => vi.restoreAllMocks());

describe('warming Intl before the panel formats its first time of day', () => {
  it('does nothing at once, then one step per task, ending with the date format the panel builds', () => {
    const made = countIntl();
    const queue = taskQueue();
    warmIntl(queue.win, 'en-GB');
    expect(made).toEqual([]);
    const perTask: number[] = [];
    while (queue.pending()) {
      const before = made.length;
      queue.runOne();
      perTask.push(made.length - before);
    }
    expect(perTask.every((count) => count <= 1)).toBe(true);
    expect(perTask.length).toBeGreaterThan(1);
    expect(made.at(-1)).toBe('DateTimeFormat');
  });

  it('stops when asked, leaving no task behind', () => {
    const made = countIntl();
    const queue = taskQueue();
    const stop = warmIntl(queue.win, 'en-GB');
    queue.runOne();
    stop();
    expect(queue.pending()).toBe(0);
    expect(made).not.toContain('DateTimeFormat');
  });

  it('goes on with the default locale when the page\'s lang is malformed', () => {
    const made = countIntl();
    const queue = taskQueue();
    warmIntl(queue.win, 'not a locale!');
    expect(() => {
      while (queue.pending()) queue.runOne();
    }).not.toThrow();
    expect(made.at(-1)).toBe('DateTimeFormat');
  });

  it('makes the panel\'s own time formatter, for the language it is given: the panel then makes none', () => {
    const queue = taskQueue();
    warmIntl(queue.win, 'en-NZ'); // a language no other test formats in
    while (queue.pending()) queue.runOne();
    const made = countIntl();
    expect(timeOfDay(Date.UTC(2026, 0, 1, 9, 5), 'en-NZ')).toMatch(/\d:05/);
    expect(made).toEqual([]);
  });
});
