import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { AwsServiceError } from './aws-error';
import { attachmentProblem } from './attachment-rules';
import type { Contact, Participant } from './contact-store';

/** The emulator's stand-in for the S3 bucket behind presigned attachment URLs. */
export const BUCKET_PATH_PREFIX = '/s3/attachments/';

/** The header a presigned upload must carry besides Content-Type (as S3 requires its signed headers). */
export const UPLOAD_TOKEN_HEADER = 'x-amz-meta-upload-token';

/** One file of a contact, from StartAttachmentUpload (or an agent's send) to its downloads. */
export interface StoredAttachment {
  readonly attachmentId: string;
  readonly contactId: string;
  readonly name: string;
  readonly contentType: string;
  readonly sizeInBytes: number;
  readonly from: Participant;
  /** `started`: URL handed out; `uploaded`: the bytes arrived; `completed`: in the chat. */
  state: 'started' | 'uploaded' | 'completed';
  bytes: Buffer | null;
  readonly uploadSignature: string;
  readonly uploadToken: string;
  readonly uploadExpiresAt: number;
  completedWith?: string;
}

export interface AttachmentStoreOptions {
  now: () => number;
  /** Attachments one contact may start (both sides together). @default 25 */
  quotaPerContact?: number;
  /** How long an upload URL works. @default 300000 (5 minutes) */
  uploadTtlMs?: number;
  /** How long a download URL works when GetAttachment names no UrlExpiryInSeconds. @default 60000 */
  downloadTtlMs?: number;
}

/** What the bucket does with a presigned request: the attachment, or the S3 error to answer. */
export type BucketLookup =
  | { ok: true; attachment: StoredAttachment }
  | { ok: false; status: 403 | 404; code: 'AccessDenied' | 'NoSuchKey'; message: string };

const invalid = (message: string) => new AwsServiceError(400, 'ValidationException', message);
const quotaExceeded = () => new AwsServiceError(402, 'ServiceQuotaExceededException', 'The number of attachments per contact exceeds the quota.');

/**
 * Every contact's attachments and the presigned URLs that reach them. Upload URLs check their signature,
 * headers and expiry; download URLs expire quickly, like S3's.
 */
export class AttachmentStore {
  private readonly byId = new Map<string, StoredAttachment>();
  private readonly downloads = new Map<string, { attachmentId: string; expiresAt: number }>();
  private readonly quota: number;
  private readonly uploadTtlMs: number;
  private readonly downloadTtlMs: number;

  constructor(private readonly options: AttachmentStoreOptions) {
    this.quota = options.quotaPerContact ?? 25;
    this.uploadTtlMs = options.uploadTtlMs ?? 5 * 60_000;
    this.downloadTtlMs = options.downloadTtlMs ?? 60_000;
  }

  /** StartAttachmentUpload. @throws AwsServiceError ValidationException or ServiceQuotaExceededException. */
  start(contact: Contact, from: Participant, body: { AttachmentName?: unknown; ContentType?: unknown; AttachmentSizeInBytes?: unknown }, origin: string) {
    const problem = attachmentProblem({ name: body.AttachmentName, contentType: body.ContentType, sizeInBytes: body.AttachmentSizeInBytes });
    if (problem) throw invalid(problem);
    if (this.forContact(contact.contactId).length >= this.quota) throw quotaExceeded();
    const attachment = this.create(contact, from, body.AttachmentName as string, body.ContentType as string, body.AttachmentSizeInBytes as number);
    const expiresInSeconds = Math.round(this.uploadTtlMs / 1000);
    return {
      AttachmentId: attachment.attachmentId,
      UploadMetadata: {
        Url: `${origin}${BUCKET_PATH_PREFIX}${attachment.attachmentId}?X-Amz-Expires=${expiresInSeconds}&X-Amz-Signature=${attachment.uploadSignature}`,
        UrlExpiry: new Date(attachment.uploadExpiresAt).toISOString(),
        HeadersToInclude: { 'Content-Type': attachment.contentType, [UPLOAD_TOKEN_HEADER]: attachment.uploadToken },
      },
    };
  }

  /**
   * CompleteAttachmentUpload: each attachment must belong to the contact and have its bytes. Completing
   * again with the same ClientToken is a no-op; with another one, a ConflictException.
   * @returns the attachments that are new in the chat (to post as an ATTACHMENT item).
   */
  complete(contact: Contact, ids: unknown, clientToken: unknown): StoredAttachment[] {
    if (!Array.isArray(ids) || ids.length !== 1 || typeof ids[0] !== 'string') throw invalid('AttachmentIds must list exactly one attachment id.');
    if (typeof clientToken !== 'string' || clientToken.length < 1 || clientToken.length > 500) {
      throw invalid('ClientToken must be a string of 1 to 500 characters.');
    }
    const attachment = this.owned(contact, ids[0]);
    if (attachment.state === 'completed') {
      if (attachment.completedWith === clientToken) return [];
      throw new AwsServiceError(409, 'ConflictException', 'This attachment has already been completed.');
    }
    if (attachment.state !== 'uploaded') throw invalid('The attachment has not been uploaded yet: PUT it to its upload URL first.');
    attachment.state = 'completed';
    attachment.completedWith = clientToken;
    return [attachment];
  }

  /** An attachment an agent sends: in the chat at once, no upload URL. @throws AwsServiceError ValidationException, quota. */
  add(contact: Contact, from: Participant, name: string, contentType: string, bytes: Buffer): StoredAttachment {
    const problem = attachmentProblem({ name, contentType, sizeInBytes: bytes.length });
    if (problem) throw invalid(problem);
    if (this.forContact(contact.contactId).length >= this.quota) throw quotaExceeded();
    const attachment = this.create(contact, from, name, contentType, bytes.length);
    attachment.bytes = bytes;
    attachment.state = 'completed';
    return attachment;
  }

  /** GetAttachment: a download URL for a completed attachment of this contact. */
  downloadUrl(contact: Contact, attachmentId: unknown, expiryInSeconds: unknown, origin: string) {
    if (typeof attachmentId !== 'string' || attachmentId.length < 1 || attachmentId.length > 256) throw invalid('AttachmentId is required.');
    if (expiryInSeconds !== undefined && expiryInSeconds !== null) {
      if (!Number.isInteger(expiryInSeconds) || (expiryInSeconds as number) < 5 || (expiryInSeconds as number) > 300) {
        throw invalid('UrlExpiryInSeconds must be a whole number from 5 to 300.');
      }
    }
    const attachment = this.owned(contact, attachmentId);
    if (attachment.state !== 'completed') throw invalid('The attachment is not available yet.');
    const ttlMs = typeof expiryInSeconds === 'number' ? expiryInSeconds * 1000 : this.downloadTtlMs;
    const signature = randomBytes(24).toString('hex');
    const expiresAt = this.options.now() + ttlMs;
    this.downloads.set(signature, { attachmentId: attachment.attachmentId, expiresAt });
    return {
      Url: `${origin}${BUCKET_PATH_PREFIX}${attachment.attachmentId}?X-Amz-Expires=${Math.round(ttlMs / 1000)}&X-Amz-Signature=${signature}`,
      UrlExpiry: new Date(expiresAt).toISOString(),
      AttachmentSizeInBytes: attachment.sizeInBytes,
    };
  }

  /** The attachment a presigned PUT may write, or why not. */
  forUpload(attachmentId: string, signature: string): BucketLookup {
    const attachment = this.byId.get(attachmentId);
    if (!attachment || !sameSecret(signature, attachment.uploadSignature)) return accessDenied('The request signature does not match.');
    if (this.options.now() >= attachment.uploadExpiresAt) return accessDenied('Request has expired');
    if (attachment.state === 'completed') return accessDenied('This upload URL has been used.');
    return { ok: true, attachment };
  }

  /** The attachment a presigned GET may read, or why not (expired: 403, as S3 answers). */
  forDownload(attachmentId: string, signature: string): BucketLookup {
    const grant = this.downloads.get(signature);
    if (!grant || grant.attachmentId !== attachmentId) return accessDenied('The request signature does not match.');
    if (this.options.now() >= grant.expiresAt) {
      this.downloads.delete(signature);
      return accessDenied('Request has expired');
    }
    const attachment = this.byId.get(attachmentId);
    if (!attachment?.bytes) return { ok: false, status: 404, code: 'NoSuchKey', message: 'The specified key does not exist.' };
    return { ok: true, attachment };
  }

  /** The bytes arrived through the upload URL. */
  received(attachment: StoredAttachment, bytes: Buffer): void {
    attachment.bytes = bytes;
    attachment.state = 'uploaded';
  }

  get(attachmentId: string): StoredAttachment | undefined {
    return this.byId.get(attachmentId);
  }

  forContact(contactId: string): StoredAttachment[] {
    return [...this.byId.values()].filter((attachment) => attachment.contactId === contactId);
  }

  private owned(contact: Contact, attachmentId: string): StoredAttachment {
    const attachment = this.byId.get(attachmentId);
    if (!attachment || attachment.contactId !== contact.contactId) {
      throw new AwsServiceError(404, 'ResourceNotFoundException', 'No such attachment on this contact.');
    }
    return attachment;
  }

  private create(contact: Contact, from: Participant, name: string, contentType: string, sizeInBytes: number): StoredAttachment {
    const attachment: StoredAttachment = {
      attachmentId: randomUUID(),
      contactId: contact.contactId,
      name,
      contentType,
      sizeInBytes,
      from,
      state: 'started',
      bytes: null,
      uploadSignature: randomBytes(24).toString('hex'),
      uploadToken: randomBytes(16).toString('base64url'),
      uploadExpiresAt: this.options.now() + this.uploadTtlMs,
    };
    this.byId.set(attachment.attachmentId, attachment);
    return attachment;
  }
}

function accessDenied(message: string): BucketLookup {
  return { ok: false, status: 403, code: 'AccessDenied', message };
}

/** Compares two secrets in constant time. */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
