import type { LeaveMessageRequest } from '../../browser/config/instance-config.types';
import { ApiError } from './api-error';
import { jsonObjectBody } from './json-body';

/** The longest message a customer may leave (the form's limit too). */
export const MAX_MESSAGE_LENGTH = 1000;
const MAX_NAME_LENGTH = 128;
const MAX_EMAIL_LENGTH = 254;
const MAX_PHONE_LENGTH = 32;
const FIELDS = new Set(['instance', 'name', 'email', 'phone', 'message']);
/** One @, something on each side, a dot in the domain, no spaces: a typo check, not RFC 5322. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Digits with the usual separators and an optional leading +, at least 6 digits in all. */
const PHONE = /^\+?[\d\s().-]+$/;
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const bad = (code: string, message: string) => new ApiError(400, code, message);

/** A `POST /api/messages` body that passed every check, trimmed; empty contact fields dropped. */
export type CheckedLeaveMessage = LeaveMessageRequest;

/**
 * Checks the JSON body of `POST /api/messages` (its size was checked by the caller).
 * @throws ApiError 400 `request.*` or `message.*`, naming the first bad field
 */
export function parseLeaveMessageBody(body: string): CheckedLeaveMessage {
  const request = jsonObjectBody(body, FIELDS, '{"instance", "name", "email"?, "phone"?, "message"}');
  if (typeof request.instance !== 'string' || request.instance === '') {
    throw bad('request.instance_missing', 'The field "instance" (the chat instance name) is required.');
  }
  const name = text(request.name, 'name', MAX_NAME_LENGTH, false);
  if (name === undefined) throw bad('message.name_missing', 'Your name is required.');
  const email = text(request.email, 'email', MAX_EMAIL_LENGTH, false);
  if (email !== undefined && !EMAIL.test(email)) throw bad('message.email_invalid', 'The email address does not look right.');
  const phone = text(request.phone, 'phone', MAX_PHONE_LENGTH, false);
  if (phone !== undefined && !(PHONE.test(phone) && phone.replace(/\D/g, '').length >= 6)) {
    throw bad('message.phone_invalid', 'The phone number does not look right.');
  }
  if (email === undefined && phone === undefined) throw bad('message.contact_missing', 'Give an email address or a phone number.');
  const message = text(request.message, 'message', MAX_MESSAGE_LENGTH, true);
  if (message === undefined) throw bad('message.message_missing', 'The message is required.');
  return { instance: request.instance, name, message, ...(email ? { email } : {}), ...(phone ? { phone } : {}) };
}

/** A trimmed string field, undefined when absent or blank. Only the message may span lines. */
function text(value: unknown, field: string, maxLength: number, multiline: boolean): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw bad(`message.${field}_invalid`, `${field} must be a string.`);
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (trimmed.length > maxLength) throw bad(`message.${field}_too_long`, `${field} must be at most ${maxLength} characters.`);
  if (multiline ? CONTROL_CHARACTERS.test(trimmed) : /[\u0000-\u001f\u007f]/.test(trimmed)) {
    throw bad(`message.${field}_invalid`, `${field} must not contain control characters.`);
  }
  return trimmed;
}
