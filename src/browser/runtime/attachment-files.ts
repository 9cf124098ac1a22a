import type { PanelAttachment } from '../ui/chat-panel.types';
import type { TranscriptItem } from '../connect/transcript-item';
import { attachmentsOf } from '../connect/attachment-items';

/** What the files need of the live session: bytes through a fresh GetAttachment each time (its URLs expire). */
export interface AttachmentSource {
  downloadAttachment(attachmentId: string): Promise<Blob>;
}

export interface AttachmentFilesOptions {
  window: Window;
  session(): AttachmentSource | undefined;
  /** An image's thumbnail is ready. */
  onThumbnail(attachmentId: string, url: string): void;
  /** Opening a file failed: the customer is told (`attachmentOpenFailed`). */
  onOpenFailed(): void;
  report(message: string, error?: unknown): void;
}

/** How long an opened file's object URL lives: long enough for the browser to start the download. */
const OPENED_URL_LIFETIME_MS = 60_000;

/**
 * The agent's files: an image gets a thumbnail (its bytes as an object URL, revoked on destroy), and any file is
 * opened by downloading it afresh, never through a URL kept from before (Amazon Connect's expire).
 */
export function createAttachmentFiles(options: AttachmentFilesOptions) {
  const { window: win } = options;
  const urls = new Set<string>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const asked = new Set<string>();
  let destroyed = false;

  function objectUrl(blob: Blob): string {
    const url = URL.createObjectURL(blob);
    urls.add(url);
    return url;
  }

  function revoke(url: string): void {
    URL.revokeObjectURL(url);
    urls.delete(url);
  }

  return {
    /** A new item: fetch the thumbnail of an approved image from the agent's side. */
    arrived(item: TranscriptItem, fromCustomer: boolean): void {
      if (item.Type !== 'ATTACHMENT' || fromCustomer) return;
      for (const file of attachmentsOf(item)) {
        if (!file.ContentType?.startsWith('image/') || (file.Status && file.Status !== 'APPROVED') || asked.has(file.AttachmentId)) continue;
        asked.add(file.AttachmentId);
        const session = options.session();
        if (!session) continue;
        session
          .downloadAttachment(file.AttachmentId)
          .then((blob) => {
            if (!destroyed) options.onThumbnail(file.AttachmentId, objectUrl(blob));
          })
          .catch((error: unknown) => {
            // No thumbnail: the file is still shown, by name, and opens.
            asked.delete(file.AttachmentId);
            options.report(`could not fetch the thumbnail of ${file.AttachmentName}`, error);
          });
      }
    },
    /** Downloads a file through a fresh GetAttachment and hands it to the browser under its own name. */
    async open(attachment: PanelAttachment): Promise<void> {
      const session = options.session();
      try {
        if (!session || !attachment.id || attachment.status === 'REJECTED') throw new Error('not available');
        const blob = await session.downloadAttachment(attachment.id);
        if (destroyed) return;
        const url = objectUrl(blob);
        const link = win.document.createElement('a');
        link.href = url;
        link.download = attachment.name;
        link.rel = 'noopener';
        link.click();
        const timer = setTimeout(() => {
          timers.delete(timer);
          revoke(url);
        }, OPENED_URL_LIFETIME_MS);
        timers.add(timer);
      } catch (error) {
        options.report(`could not open the file ${attachment.name}`, error);
        options.onOpenFailed();
      }
    },
    destroy(): void {
      destroyed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const url of [...urls]) revoke(url);
    },
  };
}

export type AttachmentFiles = ReturnType<typeof createAttachmentFiles>;
