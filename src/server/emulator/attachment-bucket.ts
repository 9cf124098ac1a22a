import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentDisposition } from './attachment-rules';
import { BUCKET_PATH_PREFIX, UPLOAD_TOKEN_HEADER, sameSecret, type AttachmentStore, type StoredAttachment } from './attachment-store';

/** What a browser on another origin needs to PUT with the signed headers and read the answer. */
const CORS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, PUT, OPTIONS',
  'access-control-allow-headers': `content-type, ${UPLOAD_TOKEN_HEADER}`,
  'access-control-expose-headers': 'etag, content-disposition, content-length',
  'access-control-max-age': '600',
};

/**
 * The presigned URLs' bucket, answering as S3 does: `PUT` stores an upload (its signed headers present
 * and matching, exactly the declared size, before the URL expires), `GET` serves a file (until its
 * download URL expires: then 403), errors as S3's XML.
 */
export class AttachmentBucket {
  constructor(private readonly store: AttachmentStore) {}

  /** Reads the request itself (uploads are far larger than other routes' bodies). */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const attachmentId = url.pathname.slice(BUCKET_PATH_PREFIX.length); // a UUID: nothing to decode
    const signature = url.searchParams.get('X-Amz-Signature') ?? '';
    if (req.method === 'OPTIONS') {
      res.writeHead(200, { ...CORS, 'content-length': '0' });
      res.end();
      return;
    }
    if (req.method === 'PUT') return this.upload(req, res, attachmentId, signature);
    if (req.method === 'GET' || req.method === 'HEAD') {
      req.resume();
      const found = this.store.forDownload(attachmentId, signature);
      if (!found.ok) return s3Error(res, found.status, found.code, found.message);
      return serveFile(res, found.attachment, req.method === 'HEAD');
    }
    req.resume();
    s3Error(res, 405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
  }

  private async upload(req: IncomingMessage, res: ServerResponse, attachmentId: string, signature: string): Promise<void> {
    const found = this.store.forUpload(attachmentId, signature);
    if (!found.ok) return refuse(req, res, found.status, found.code, found.message);
    const attachment = found.attachment;
    const contentType = req.headers['content-type'] ?? '';
    const token = req.headers[UPLOAD_TOKEN_HEADER];
    if (contentType.trim().toLowerCase() !== attachment.contentType.trim().toLowerCase() || typeof token !== 'string' || !sameSecret(token, attachment.uploadToken)) {
      return refuse(req, res, 403, 'SignatureDoesNotMatch', `The request must carry exactly the headers in HeadersToInclude (Content-Type and ${UPLOAD_TOKEN_HEADER}).`);
    }
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) > attachment.sizeInBytes) {
      return refuse(req, res, 400, 'EntityTooLarge', 'Your proposed upload exceeds the size declared to StartAttachmentUpload.');
    }
    const bytes = await readAtMost(req, attachment.sizeInBytes);
    if (bytes === 'too-large') return refuse(req, res, 400, 'EntityTooLarge', 'Your proposed upload exceeds the size declared to StartAttachmentUpload.');
    if (bytes === 'aborted') return;
    if (bytes.length !== attachment.sizeInBytes) {
      return s3Error(res, 400, 'IncompleteBody', 'You did not provide the number of bytes declared to StartAttachmentUpload.');
    }
    this.store.received(attachment, bytes);
    res.writeHead(200, { ...CORS, etag: `"${attachment.attachmentId}"`, 'content-length': '0' });
    res.end();
  }
}

/** The body, or 'too-large' as soon as it passes `limit` bytes (the rest is not read). */
function readAtMost(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (value: Buffer | 'too-large' | 'aborted') => {
      if (done) return;
      done = true;
      resolve(value);
    };
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        req.pause();
        finish('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => finish(Buffer.concat(chunks)));
    req.on('error', () => finish('aborted'));
    req.on('close', () => finish('aborted'));
  });
}

/** Answers an error before (or instead of) reading the body, then closes the connection: the body is not wanted. */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, code: string, message: string): void {
  s3Error(res, status, code, message, { connection: 'close' });
  res.on('finish', () => req.destroy());
}

function serveFile(res: ServerResponse, attachment: StoredAttachment, headOnly: boolean): void {
  const bytes = attachment.bytes ?? Buffer.alloc(0);
  res.writeHead(200, {
    ...CORS,
    'content-type': attachment.contentType,
    'content-length': String(bytes.length),
    'content-disposition': contentDisposition(attachment.name),
    'x-content-type-options': 'nosniff',
    // Opened directly, a file of the customer's may not run script on the emulator's origin.
    'content-security-policy': "default-src 'none'; sandbox",
    'cache-control': 'private, no-store',
  });
  res.end(headOnly ? undefined : bytes);
}

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

function s3Error(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) return void res.end();
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error>`;
  res.writeHead(status, { ...CORS, 'content-type': 'application/xml', 'content-length': String(Buffer.byteLength(body)), ...headers });
  res.end(body);
}
