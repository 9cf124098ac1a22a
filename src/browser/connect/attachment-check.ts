import { CONNECT_ATTACHMENT_TYPES, CONNECT_MAX_ATTACHMENT_BYTES } from '../config/attachment-types';
import type { AttachmentOptions, UiText } from '../config/instance-config.types';

/** What the instance lets the customer send: the extensions, the MIME types they stand for, the largest size. */
export interface AttachmentPolicy {
  /** Extensions with their dot, lower case. */
  types: readonly string[];
  maxBytes: number;
  /** For the file input's `accept`: every extension and MIME type allowed. */
  accept: string;
}

/** A file refused before any upload; `code` says why, the panel's words come from UiText. */
export class AttachmentRejectedError extends Error {
  override readonly name = 'AttachmentRejectedError';
  constructor(
    readonly code: 'attachment.type' | 'attachment.size' | 'attachment.empty' | 'attachment.send_failed' | 'attachment.quota',
    readonly fileName: string,
    message: string,
  ) {
    super(message);
  }
}

/** The instance's attachment policy, or undefined when attachments are switched off. */
export function attachmentPolicy(options: AttachmentOptions | undefined): AttachmentPolicy | undefined {
  if (options?.enabled === false) return undefined;
  const types = (options?.types ?? Object.keys(CONNECT_ATTACHMENT_TYPES)).map((type) => type.toLowerCase());
  const mimes = new Set(types.flatMap((type) => CONNECT_ATTACHMENT_TYPES[type] ?? []));
  return { types, maxBytes: options?.maxBytes ?? CONNECT_MAX_ATTACHMENT_BYTES, accept: [...types, ...mimes].join(',') };
}

const extensionOf = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
};

/**
 * The file as it will be uploaded, or the reason it may not be. Both the extension and the browser's MIME type
 * must be allowed (a renamed `.exe` reports its own type); a file the browser types as nothing gets its
 * extension's MIME type, since Amazon Connect needs one (chatjs sends `file.type` as `ContentType`).
 * @throws AttachmentRejectedError
 */
export function checkAttachment(file: File, policy: AttachmentPolicy): File {
  const extension = extensionOf(file.name);
  const mimes = policy.types.includes(extension) ? CONNECT_ATTACHMENT_TYPES[extension] : undefined;
  const type = file.type.toLowerCase().split(';')[0]!.trim();
  if (!mimes || (type !== '' && !mimes.includes(type))) {
    throw new AttachmentRejectedError('attachment.type', file.name, `${file.name}: type ${type || extension || 'unknown'} is not allowed`);
  }
  if (file.size > policy.maxBytes) {
    throw new AttachmentRejectedError('attachment.size', file.name, `${file.name}: ${file.size} bytes is over ${policy.maxBytes}`);
  }
  if (file.size === 0) throw new AttachmentRejectedError('attachment.empty', file.name, `${file.name} is empty`);
  return type ? file : new File([file], file.name, { type: mimes[0]!, lastModified: file.lastModified });
}

/** "20 MB", "500 KB": a size as a customer reads it. */
export function formatBytes(bytes: number, lang = 'en'): string {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'MB'] : bytes >= 1024 ? [bytes / 1024, 'KB'] : [bytes, 'B'];
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(value)} ${unit}`;
}

/** The panel's notice for a refused or failed file, in the customer's language (the error's own message is for developers). */
export function attachmentNotice(
  error: AttachmentRejectedError,
  policy: AttachmentPolicy,
  text: Pick<UiText, 'attachmentTypeRefused' | 'attachmentTooLarge' | 'attachmentEmpty' | 'attachmentNotSent' | 'attachmentQuota'>,
  lang?: string,
): string {
  const max = formatBytes(policy.maxBytes, lang);
  const types = policy.types.map((type) => type.slice(1).toUpperCase()).join(', ');
  const template = {
    'attachment.type': text.attachmentTypeRefused,
    'attachment.size': text.attachmentTooLarge,
    'attachment.empty': text.attachmentEmpty,
    'attachment.send_failed': text.attachmentNotSent,
    'attachment.quota': text.attachmentQuota,
  }[error.code];
  // Function replacers, so a `$&` in a file name or a site's wording stays literal.
  return template.replaceAll('{name}', () => error.fileName).replaceAll('{types}', () => types).replaceAll('{max}', () => max);
}
