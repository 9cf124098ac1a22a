import { CONNECT_ATTACHMENT_TYPES, CONNECT_MAX_ATTACHMENT_BYTES } from '../../browser/config/attachment-types';

/**
 * What Amazon Connect accepts as a chat attachment (AG `feature-limits.html`, hard limits): the file types the
 * browser side checks too (each extension with the MIME types a browser gives such a file), up to 20 MB, with a
 * name of 1–256 characters.
 */
export const ATTACHMENT_TYPES = CONNECT_ATTACHMENT_TYPES;
export const MAX_ATTACHMENT_BYTES = CONNECT_MAX_ATTACHMENT_BYTES;
export const MAX_ATTACHMENT_NAME = 256;
const MAX_CONTENT_TYPE = 255;

/** A file as StartAttachmentUpload describes it. */
export interface AttachmentDescription {
  name: unknown;
  contentType: unknown;
  sizeInBytes: unknown;
}

/** The MIME type without parameters, lower-cased (`Text/Plain; charset=utf-8` → `text/plain`). */
export function mediaTypeOf(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/**
 * Why Amazon Connect would refuse this file (a ValidationException's message), or undefined when it
 * would take it.
 */
export function attachmentProblem({ name, contentType, sizeInBytes }: AttachmentDescription): string | undefined {
  if (typeof name !== 'string' || name.length < 1 || name.length > MAX_ATTACHMENT_NAME) {
    return `AttachmentName must be a string of 1 to ${MAX_ATTACHMENT_NAME} characters.`;
  }
  if (typeof contentType !== 'string' || contentType.length < 1 || contentType.length > MAX_CONTENT_TYPE) {
    return `ContentType must be a MIME type of 1 to ${MAX_CONTENT_TYPE} characters.`;
  }
  if (!Number.isInteger(sizeInBytes) || (sizeInBytes as number) < 1) return 'AttachmentSizeInBytes must be a whole number of at least 1.';
  if ((sizeInBytes as number) > MAX_ATTACHMENT_BYTES) return `The attachment is larger than the ${MAX_ATTACHMENT_BYTES} bytes allowed.`;
  const dot = name.lastIndexOf('.');
  const extension = dot < 0 ? '' : name.slice(dot).toLowerCase();
  const types = ATTACHMENT_TYPES[extension];
  if (!types) return `Files of this type are not supported; allowed: ${Object.keys(ATTACHMENT_TYPES).join(' ')}.`;
  if (!types.includes(mediaTypeOf(contentType))) return `ContentType ${contentType.slice(0, 80)} does not match a ${extension} file.`;
  return undefined;
}

/**
 * A `Content-Disposition` that downloads the file under its name and cannot break out of the header:
 * an ASCII fallback with quotes, backslashes and control characters replaced, plus the exact name in
 * RFC 5987 form.
 */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_') || 'attachment';
  let exact: string;
  try {
    exact = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  } catch {
    return `attachment; filename="${fallback}"`; // a lone surrogate cannot be encoded
  }
  return `attachment; filename="${fallback}"; filename*=UTF-8''${exact}`;
}
