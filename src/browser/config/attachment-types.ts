/**
 * The files Amazon Connect chat accepts (its hard limits, AG `feature-limits.html`): these extensions, up to
 * 20 MB. An instance may only narrow them. Each extension lists the MIME types browsers report for it; the first
 * is the one sent when a browser reports none.
 */
export const CONNECT_ATTACHMENT_TYPES: Readonly<Record<string, readonly string[]>> = {
  '.csv': ['text/csv', 'application/vnd.ms-excel'],
  '.doc': ['application/msword'],
  '.docx': ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  '.heic': ['image/heic'],
  '.jfif': ['image/jpeg', 'image/pjpeg'],
  '.jpeg': ['image/jpeg', 'image/pjpeg'],
  '.jpg': ['image/jpeg', 'image/pjpeg'],
  '.mov': ['video/quicktime'],
  '.mp4': ['video/mp4'],
  '.pdf': ['application/pdf'],
  '.png': ['image/png'],
  '.ppt': ['application/vnd.ms-powerpoint'],
  '.pptx': ['application/vnd.openxmlformats-officedocument.presentationml.presentation'],
  '.rtf': ['application/rtf', 'text/rtf'],
  '.txt': ['text/plain'],
  '.wav': ['audio/wav', 'audio/x-wav', 'audio/wave', 'audio/vnd.wave'],
  '.xls': ['application/vnd.ms-excel'],
  '.xlsx': ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
};

/** Amazon Connect's largest attachment: 20 MB. */
export const CONNECT_MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
