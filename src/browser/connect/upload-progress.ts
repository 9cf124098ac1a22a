/** The presigned upload StartAttachmentUpload answers with. */
export interface UploadMetadata {
  Url: string;
  HeadersToInclude?: Record<string, string>;
}

/** chatjs' Participant Service client, as far as its upload step goes (an internal method: see below). */
interface UploadingClient {
  _uploadToS3?(file: Blob, metadata: UploadMetadata): Promise<unknown>;
}

/** An upload's progress, 0..1. */
export type ProgressListener = (fraction: number) => void;

/** The PUT of a file to its presigned URL failed: chatjs would have gone on to complete an upload S3 refused. */
export class UploadFailedError extends Error {
  override readonly name = 'UploadFailedError';
  constructor(readonly status: number) {
    super(status ? `The upload was refused (HTTP ${status}).` : 'The upload did not reach the server.');
  }
}

/** PUTs `file` with exactly `headers`, telling `onProgress` as the bytes go; rejects unless the answer is 2xx. */
export function putWithProgress(win: Window & typeof globalThis, metadata: UploadMetadata, file: Blob, onProgress?: ProgressListener): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = new win.XMLHttpRequest();
    request.open('PUT', metadata.Url);
    for (const [name, value] of Object.entries(metadata.HeadersToInclude ?? {})) request.setRequestHeader(name, value);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
    };
    request.onload = () => (request.status >= 200 && request.status < 300 ? resolve() : reject(new UploadFailedError(request.status)));
    request.onerror = () => reject(new UploadFailedError(0));
    request.send(file);
  });
}

/**
 * Has chatjs' uploads report their progress. chatjs' public `sendAttachment` runs StartAttachmentUpload, a
 * `fetch` PUT of the bytes (its client's `_uploadToS3`), then CompleteAttachmentUpload, and reports nothing in
 * between. Its client's PUT step is replaced by {@link putWithProgress}, which tells the listener registered for
 * that file and fails on an HTTP error. The rest (and the connection token, which chatjs renews itself) stays
 * chatjs'. Where a chatjs release no longer has that step, uploads simply go without progress.
 *
 * Returns the registration: `track(file, listener)` until the returned function is called.
 */
export function reportUploadProgress(client: unknown, win: Window & typeof globalThis): (file: Blob, listener: ProgressListener) => () => void {
  const listeners = new WeakMap<Blob, ProgressListener>();
  const uploading = client as UploadingClient | undefined;
  if (typeof uploading?._uploadToS3 === 'function') {
    uploading._uploadToS3 = (file, metadata) => putWithProgress(win, metadata, file, listeners.get(file));
  }
  return (file, listener) => {
    listeners.set(file, listener);
    return () => listeners.delete(file);
  };
}
