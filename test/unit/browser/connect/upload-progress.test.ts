import { describe, expect, it } from 'vitest';
import { putWithProgress, reportUploadProgress, UploadFailedError, type UploadMetadata } from '../../../../src/browser/connect/upload-progress';

/** A stand-in XMLHttpRequest: records what was asked, and lets the test play the upload and the answer. */
class FakeRequest {
  static last: FakeRequest;
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown;
  status = 0;
  upload: { onprogress?: (event: { lengthComputable: boolean; loaded: number; total: number }) => void } = {};
  onload?: () => void;
  onerror?: () => void;
  constructor() {
    FakeRequest.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: unknown) {
    this.body = body;
  }
  answer(status: number) {
    this.status = status;
    this.onload?.();
  }
}

const win = { XMLHttpRequest: FakeRequest } as unknown as Window & typeof globalThis;
const METADATA: UploadMetadata = { Url: 'https://bucket.example/upload?sig=1', HeadersToInclude: { 'Content-Type': 'application/pdf', 'x-amz-meta-token': 't' } };
const file = () => new Blob(['%PDF-1.4']);

describe('putWithProgress', () => {
  it('PUTs the bytes with exactly the given headers and reports the share sent', async () => {
    const seen: number[] = [];
    const body = file();
    const done = putWithProgress(win, METADATA, body, (fraction) => seen.push(fraction));
    const request = FakeRequest.last;
    expect([request.method, request.url, request.headers, request.body]).toEqual(['PUT', METADATA.Url, METADATA.HeadersToInclude, body]);
    request.upload.onprogress?.({ lengthComputable: true, loaded: 4, total: 8 });
    request.upload.onprogress?.({ lengthComputable: false, loaded: 6, total: 0 });
    request.upload.onprogress?.({ lengthComputable: true, loaded: 8, total: 8 });
    request.answer(200);
    await done;
    expect(seen).toEqual([0.5, 1]);
  });

  it('fails on an HTTP error or a network error, where chatjs would go on to complete the upload', async () => {
    const refused = putWithProgress(win, METADATA, file());
    FakeRequest.last.answer(403);
    await expect(refused).rejects.toEqual(new UploadFailedError(403));
    const lost = putWithProgress(win, METADATA, file());
    FakeRequest.last.onerror?.();
    await expect(lost).rejects.toBeInstanceOf(UploadFailedError);
  });
});

describe('reportUploadProgress', () => {
  it("takes over chatjs' upload step and tells the listener registered for that file, until unregistered", async () => {
    const client = { _uploadToS3: (_file: Blob, _metadata: UploadMetadata): Promise<unknown> => Promise.reject(new Error('chatjs fetch')) };
    const track = reportUploadProgress(client, win);
    const body = file();
    const seen: number[] = [];
    const untrack = track(body, (fraction) => seen.push(fraction));
    const upload = client._uploadToS3(body, METADATA);
    FakeRequest.last.upload.onprogress?.({ lengthComputable: true, loaded: 1, total: 4 });
    FakeRequest.last.answer(204);
    await upload;
    untrack();
    const again = client._uploadToS3(body, METADATA);
    FakeRequest.last.upload.onprogress?.({ lengthComputable: true, loaded: 4, total: 4 });
    FakeRequest.last.answer(200);
    await again;
    expect(seen).toEqual([0.25]);
  });

  it('leaves a client without that step alone (a chatjs release that changed): uploads go without progress', () => {
    const client = { sendAttachment: () => undefined };
    const track = reportUploadProgress(client, win);
    expect(Object.keys(client)).toEqual(['sendAttachment']);
    expect(() => track(file(), () => {})()).not.toThrow();
  });
});
