import type { InstanceDefinition, StartChatRequest } from '../../browser/config/instance-config.types';
import { ApiError } from './api-error';
import { jsonObjectBody } from './json-body';

/** Limits on what a browser may send to `POST /api/chats`. */
export interface StartChatLimits {
  /** @default 8192 */
  maxBodyBytes: number;
  /** @default 20 */
  maxAttributes: number;
  /** @default 1024 */
  maxAttributeValueLength: number;
  /** @default 128 */
  maxDisplayNameLength: number;
}

export const DEFAULT_LIMITS: StartChatLimits = {
  maxBodyBytes: 8 * 1024,
  maxAttributes: 20,
  maxAttributeValueLength: 1024,
  maxDisplayNameLength: 128,
};

/** The name Amazon Connect shows for a customer who gave none. */
export const DEFAULT_DISPLAY_NAME = 'Customer';

const FIELDS = new Set(['instance', 'displayName', 'attributes', 'identity']);
/** Longer than any JWT a site would sign for one customer. */
const MAX_IDENTITY_TOKEN_LENGTH = 4096;
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

const bad = (code: string, message: string) => new ApiError(400, code, message);

/** A `POST /api/chats` body that passed every check, with defaults applied. */
export interface CheckedStartChat {
  instance: string;
  displayName: string;
  attributes: Record<string, string>;
  /** The customer token as sent, not yet verified (`customer-identity.ts` does that). */
  identityToken?: string;
}

/** @throws ApiError 415 `request.unsupported_media_type` unless the body is declared as JSON. */
export function requireJson(contentType: string | undefined): void {
  if (!/^application\/json\s*(;|$)/i.test(contentType ?? '')) {
    throw new ApiError(415, 'request.unsupported_media_type', 'Send the request as application/json.');
  }
}

/**
 * Checks the body of `POST /api/chats` for shape and size (not yet against an instance).
 * @throws ApiError 400 `request.*`
 */
export function parseStartChatBody(body: string, limits: StartChatLimits = DEFAULT_LIMITS): CheckedStartChat {
  if (Buffer.byteLength(body) > limits.maxBodyBytes) {
    throw bad('request.body_too_large', `The request body is larger than ${limits.maxBodyBytes} bytes.`);
  }
  const request = jsonObjectBody(body, FIELDS, '{"instance": "...", "displayName"?, "attributes"?, "identity"?}');
  const { instance, displayName, attributes, identity } = request as Partial<Record<keyof StartChatRequest, unknown>>;
  if (typeof instance !== 'string' || instance === '') {
    throw bad('request.instance_missing', 'The field "instance" (the chat instance name) is required.');
  }
  const checked = { instance, displayName: checkDisplayName(displayName, limits), attributes: checkAttributes(attributes, limits) };
  const identityToken = checkIdentityToken(identity);
  return identityToken === undefined ? checked : { ...checked, identityToken };
}

function checkIdentityToken(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value === '' || value.length > MAX_IDENTITY_TOKEN_LENGTH) {
    throw bad('request.identity_invalid', `identity must be the customer token (a JWT of at most ${MAX_IDENTITY_TOKEN_LENGTH} characters).`);
  }
  return value;
}

function checkDisplayName(value: unknown, limits: StartChatLimits): string {
  if (value === undefined || value === null) return DEFAULT_DISPLAY_NAME;
  if (typeof value !== 'string') throw bad('request.display_name_invalid', 'displayName must be a string.');
  const name = value.trim();
  if (name === '') return DEFAULT_DISPLAY_NAME;
  if (CONTROL_CHARACTERS.test(name)) throw bad('request.display_name_invalid', 'displayName must not contain control characters.');
  if (name.length > limits.maxDisplayNameLength) {
    throw bad('request.display_name_too_long', `displayName must be at most ${limits.maxDisplayNameLength} characters.`);
  }
  return name;
}

function checkAttributes(value: unknown, limits: StartChatLimits): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw bad('request.attributes_invalid', 'attributes must be an object of string values.');
  }
  const entries = Object.entries(value);
  if (entries.length > limits.maxAttributes) {
    throw bad('request.too_many_attributes', `At most ${limits.maxAttributes} attributes may be sent.`);
  }
  for (const [name, text] of entries) {
    if (typeof text !== 'string') {
      throw bad('request.attribute_not_string', `Attribute "${name.slice(0, 64)}" must be a string.`);
    }
    if (text.length > limits.maxAttributeValueLength) {
      throw bad('request.attribute_too_long', `Attribute "${name.slice(0, 64)}" is longer than ${limits.maxAttributeValueLength} characters.`);
    }
  }
  // Object.fromEntries defines own properties, so a "__proto__" key stays a plain (and later refused) name.
  return Object.fromEntries(entries) as Record<string, string>;
}

/**
 * @throws ApiError 400 `request.attribute_not_allowed` naming only the refused attribute: the instance's
 * allowlist is never public (it tells a prober which attributes the contact flow trusts).
 */
export function checkAttributesAllowed(attributes: Record<string, string>, instance: InstanceDefinition): void {
  const allowed = instance.allowedAttributes ?? [];
  const refused = Object.keys(attributes).find((name) => !allowed.includes(name));
  if (refused !== undefined) {
    throw bad('request.attribute_not_allowed', `Attribute "${refused.slice(0, 64)}" is not allowed for this chat instance.`);
  }
}
