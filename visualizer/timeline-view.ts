/**
 * The saEvents timeline as a virtual list: a fixed row height, a spacer as tall as every entry, and only
 * the rows in view (plus a margin) in the DOM, recycled as the list scrolls. Appending is O(1) and a
 * frame redraws at most a screenful, so a session with thousands of entries stays responsive. It follows
 * the newest entry while scrolled to the bottom, and stays put while someone reads older ones.
 */
import type { TimelineEntry } from './inspection-store';

export interface TimelineWindow {
  /** Index of the first row to draw. */
  first: number;
  /** Index after the last row to draw. */
  end: number;
}

/** Which rows a viewport shows, with `overscan` rows either side. Pure, for tests. */
export function visibleRows(scrollTop: number, viewportHeight: number, rowHeight: number, count: number, overscan = 8): TimelineWindow {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const end = Math.min(count, Math.ceil((scrollTop + viewportHeight) / rowHeight) + overscan);
  return { first, end: Math.max(first, end) };
}

const timeFormat = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  fractionalSecondDigits: 3,
  hour12: false,
});

/** `10:43:36.512` in the viewer's time zone; `—` without a timestamp. */
export function formatTime(timestamp: number | undefined): string {
  return timestamp === undefined ? '—' : timeFormat.format(timestamp);
}

/** `+1.234 s` since the first entry. */
export function formatOffset(timestamp: number | undefined, origin: number | undefined): string {
  if (timestamp === undefined || origin === undefined) return '';
  return `+${((timestamp - origin) / 1000).toFixed(3)} s`;
}

interface Row {
  element: HTMLElement;
  position: HTMLElement;
  time: HTMLElement;
  offset: HTMLElement;
  type: HTMLElement;
  data: HTMLElement;
  index: number;
}

export interface TimelineView {
  /** Draws entries appended since the last call (or everything after a reset), on the next frame. */
  refresh(): void;
}

export function createTimelineView(viewport: HTMLElement, entries: readonly TimelineEntry[], rowHeight = 26): TimelineView {
  const spacer = document.createElement('div');
  spacer.className = 'timeline-spacer';
  spacer.setAttribute('role', 'list');
  viewport.append(spacer);
  const rows: Row[] = [];
  let drawnCount = -1;
  let frame = 0;
  let following = true;

  viewport.addEventListener('scroll', () => {
    following = viewport.scrollTop + viewport.clientHeight >= viewport.scrollHeight - rowHeight;
    schedule();
  });

  function makeRow(): Row {
    const element = document.createElement('div');
    element.className = 'timeline-row';
    element.setAttribute('role', 'listitem');
    const cell = (className: string) => {
      const span = document.createElement('span');
      span.className = className;
      element.append(span);
      return span;
    };
    const row = { element, position: cell('position'), time: cell('time'), offset: cell('offset'), type: cell('type'), data: cell('data'), index: -1 };
    spacer.append(element);
    return row;
  }

  function fill(row: Row, index: number, origin: number | undefined): void {
    const entry = entries[index]!;
    row.index = index;
    row.element.style.transform = `translateY(${index * rowHeight}px)`;
    row.element.setAttribute('aria-posinset', String(index + 1));
    row.element.setAttribute('aria-setsize', String(entries.length));
    row.element.dataset.type = entry.type;
    row.position.textContent = `#${entry.position}`;
    row.time.textContent = formatTime(entry.timestamp);
    row.time.title = entry.timestamp === undefined ? 'no timestamp' : new Date(entry.timestamp).toISOString();
    row.offset.textContent = formatOffset(entry.timestamp, origin);
    row.type.textContent = entry.type;
    const data = entry.data === undefined ? '' : JSON.stringify(entry.data);
    row.data.textContent = data;
    row.data.title = data;
  }

  function draw(): void {
    frame = 0;
    const count = entries.length;
    if (count !== drawnCount) {
      spacer.style.height = `${count * rowHeight}px`;
      if (following) viewport.scrollTop = viewport.scrollHeight;
    }
    const { first, end } = visibleRows(viewport.scrollTop, viewport.clientHeight || 400, rowHeight, count);
    while (rows.length < end - first) rows.push(makeRow());
    const origin = entries[0]?.timestamp;
    rows.forEach((row, slot) => {
      const index = first + slot;
      if (index >= end) {
        row.element.hidden = true;
        row.index = -1;
        return;
      }
      row.element.hidden = false;
      // Rows showing the same entry keep their text; only their place or the set size may change.
      if (row.index !== index || count !== drawnCount) fill(row, index, origin);
    });
    drawnCount = count;
  }

  function schedule(): void {
    if (!frame) frame = requestAnimationFrame(draw);
  }

  return { refresh: schedule };
}
