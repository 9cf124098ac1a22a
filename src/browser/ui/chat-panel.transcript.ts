import type { PanelMessage } from './chat-panel.types';
import type { UiText } from '../config/instance-config.types';
import { dateAndTime } from './chat-panel.timeline';

/**
 * The conversation as plain text, one message a paragraph: "[date, time] Name: text". System lines carry no
 * name; the customer's own messages without one are "You". Built from what the panel shows, nothing else.
 */
export function transcriptText(messages: readonly PanelMessage[], text: Pick<UiText, 'title' | 'you'>, locale: string | undefined): string {
  const lines = messages
    .filter((m) => !m.pending && !m.failed)
    .map((m) => {
      const name = m.role === 'SYSTEM' ? '' : m.displayName || (m.role === 'CUSTOMER' ? text.you : '');
      return `[${dateAndTime(m.at, locale)}] ${name ? `${name}: ` : ''}${m.text}`;
    });
  return `${text.title}\n\n${lines.join('\n')}\n`;
}

/** A file name such as `chat-2026-11-26.txt`, from the conversation's first day. */
export function transcriptFileName(messages: readonly PanelMessage[], now: number): string {
  const date = new Date(messages[0]?.at ?? now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `chat-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.txt`;
}

/** Saves `content` as a download: a Blob behind a temporary `<a download>` in `parent`, released once the click is handled. */
export function downloadText(parent: HTMLElement, fileName: string, content: string): void {
  const doc = parent.ownerDocument;
  const win = doc.defaultView!;
  const url = win.URL.createObjectURL(new Blob([content], { type: 'text/plain;charset=utf-8' }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  parent.append(link); // inside our shadow root: the page's DOM is not touched
  link.click();
  link.remove();
  win.setTimeout(() => win.URL.revokeObjectURL(url), 0);
}
