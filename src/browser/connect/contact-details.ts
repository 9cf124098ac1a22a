import type { ContactDetails } from '../../../machines/chat.types';

const FIELDS = ['contactId', 'participantId', 'participantToken', 'participantEndpoint', 'region'] as const;

/**
 * True when `value` has every field chatjs needs, as non-empty strings, and an http(s) endpoint: what the
 * backend returns and what sessionStorage gives back must both pass it before the runtime trusts them.
 */
export function isContactDetails(value: unknown): value is ContactDetails {
  const fields = value as Record<string, unknown> | null;
  return (
    typeof fields === 'object' &&
    fields !== null &&
    FIELDS.every((field) => typeof fields[field] === 'string' && fields[field] !== '') &&
    /^https?:\/\//.test(fields.participantEndpoint as string)
  );
}
