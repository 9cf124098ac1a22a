import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { PanelAttachment } from '../chat-panel.types';
import type { ContentContext } from './content.types';

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** "1.5 MB", "820 kB", "512 bytes", in the visitor's locale. */
export function fileSize(bytes: number, locale?: string): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: UNITS[unit], unitDisplay: unit ? 'short' : 'long', maximumFractionDigits: unit ? 1 : 0 }).format(value);
}

/** What kind of file, in a few letters: its extension ("PDF"), else its MIME subtype. */
export function fileKind(file: Pick<PanelAttachment, 'name' | 'contentType'>): string {
  const extension = /\.([a-z0-9]{1,8})$/i.exec(file.name)?.[1];
  return (extension ?? file.contentType.split('/')[1] ?? '').slice(0, 12).toUpperCase();
}

/**
 * A file: its thumbnail (images the runtime has downloaded), name, kind and size, and a button that asks the
 * runtime to open it through a fresh URL. A file the scan rejected is shown as such and cannot be opened.
 */
export function attachmentCard(file: PanelAttachment, context: ContentContext): TemplateResult {
  const t = context.text;
  const thumbnail = file.thumbnailUrl && file.contentType.startsWith('image/') ? html`<img class="cw-thumb" src=${file.thumbnailUrl} alt=${file.name}>` : nothing;
  const meta = [fileKind(file), file.size !== undefined ? fileSize(file.size) : ''].filter(Boolean).join(' · ');
  const name = html`${thumbnail}<span class="cw-file-name" dir="auto">${file.name}</span>`;
  const uploading = file.progress !== undefined && file.progress < 1;
  const openable = file.status === 'APPROVED' && file.id !== '' && !uploading;
  // The button's name ("Open report.pdf") holds its visible words (the file's name), as speech input needs.
  return html`<div class="cw-file${file.status === 'REJECTED' ? ' cw-rejected' : ''}">${
    openable
      ? html`<button type="button" class="cw-file-open" aria-label=${t.attachmentOpen.replaceAll('{name}', () => `\u2068${file.name}\u2069`)} @click=${() => context.callbacks.openAttachment(file)}>${name}</button>`
      : html`<div class="cw-file-box">${name}</div>`}${meta ? html`<span class="cw-file-meta">${meta}</span>` : nothing}${
    uploading ? html`<progress max="1" .value=${file.progress ?? 0} aria-label=${file.name}></progress>` : nothing}${
    file.status === 'REJECTED' ? html`<span class="cw-file-status">${t.attachmentRejected}</span>`
    : file.status === 'IN_PROGRESS' && !uploading ? html`<span class="cw-file-status">${t.attachmentPending}</span>` : nothing}</div>`;
}
