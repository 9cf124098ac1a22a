import type { TranscriptItem } from './transcript-item';

/** A file on an ATTACHMENT item, as Amazon Connect sends it. */
export interface ItemAttachment {
  AttachmentId: string;
  AttachmentName: string;
  ContentType: string;
  Status?: 'APPROVED' | 'REJECTED' | 'IN_PROGRESS' | string;
}

/** The files an item carries (well-formed ones only). */
export function attachmentsOf(item: TranscriptItem): ItemAttachment[] {
  const list = (item as { Attachments?: unknown }).Attachments;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (entry): entry is ItemAttachment =>
      typeof entry === 'object' && entry !== null && typeof entry.AttachmentId === 'string' && typeof entry.AttachmentName === 'string',
  );
}

/**
 * An ATTACHMENT item from the wire, with the `ContentType` every later step relies on: Amazon Connect puts the
 * MIME type only on the item's `Attachments[]`. Anything else is returned as it came.
 */
export function withAttachmentContentType(value: unknown): unknown {
  const item = value as Partial<TranscriptItem> | null;
  if (typeof item !== 'object' || item === null || item.Type !== 'ATTACHMENT' || typeof item.ContentType === 'string') return value;
  const first = attachmentsOf(item as TranscriptItem)[0];
  return { ...item, ContentType: typeof first?.ContentType === 'string' ? first.ContentType : 'application/octet-stream' };
}
