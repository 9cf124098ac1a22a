import { AwsServiceError } from './aws-error';
import type { Contact, ContactStore } from './contact-store';
import type { ChatItem } from './emulator.types';
import { isJsonObject } from './json-http';

/** How a past chat is continued (StartChatContact's `PersistentChat.RehydrationType`). */
export type RehydrationType = 'ENTIRE_PAST_SESSION' | 'FROM_SEGMENT';
const REHYDRATION_TYPES: readonly string[] = ['ENTIRE_PAST_SESSION', 'FROM_SEGMENT'];

/** A persistent chat request that passed Amazon Connect's checks: the past contact it continues. */
export interface Continuation {
  /** `PersistentChat.SourceContactId` as asked. */
  sourceContactId: string;
  /** The ended contact actually continued (StartChatContact's `ContinuedFromContactId`). */
  from: Contact;
}

const invalidRequest = (message: string) => new AwsServiceError(400, 'InvalidRequestException', message);
const invalidParameter = (message: string) => new AwsServiceError(400, 'InvalidParameterException', message);

/**
 * Checks StartChatContact's `PersistentChat` as Amazon Connect does (reference §6) and finds the contact it
 * continues: `ENTIRE_PAST_SESSION` takes a session's initial contact id and continues that session's most
 * recently ended contact; `FROM_SEGMENT` continues exactly the contact named. Only ended chats can be
 * continued, only on the same instance, and never together with `RelatedContactId`.
 * Not emulated: the 30–60 s Amazon Connect needs after an end before the transcript can be rehydrated.
 */
export function continuationOf(body: Record<string, unknown>, store: ContactStore, instanceId: string): Continuation | undefined {
  const persistent = body.PersistentChat;
  if (persistent === undefined || persistent === null) return undefined;
  if (!isJsonObject(persistent)) throw invalidParameter('PersistentChat must be an object with RehydrationType and SourceContactId.');
  if (body.RelatedContactId !== undefined && body.RelatedContactId !== null) {
    throw invalidRequest('PersistentChat and RelatedContactId cannot be used together.');
  }
  const { RehydrationType: type, SourceContactId: sourceContactId } = persistent;
  if (typeof type !== 'string' || !REHYDRATION_TYPES.includes(type)) {
    throw invalidParameter('PersistentChat.RehydrationType must be ENTIRE_PAST_SESSION or FROM_SEGMENT.');
  }
  if (typeof sourceContactId !== 'string' || sourceContactId.length < 1 || sourceContactId.length > 256) {
    throw invalidParameter('PersistentChat.SourceContactId must be a string of 1 to 256 characters.');
  }
  const source = store.get(sourceContactId);
  if (!source || source.instanceId !== instanceId) throw new AwsServiceError(404, 'ResourceNotFoundException', 'SourceContactId was not found on this instance.');
  if (type === 'FROM_SEGMENT') {
    if (source.state !== 'ended') throw invalidRequest('Only a chat contact that has ended can be continued.');
    return { sourceContactId, from: source };
  }
  if (source.initialContactId !== source.contactId) {
    throw invalidRequest('ENTIRE_PAST_SESSION takes the initial contact id of the past chat session as SourceContactId.');
  }
  const ended = store.list().filter((contact) => contact.initialContactId === sourceContactId && contact.state === 'ended');
  const latest = ended.reduce<Contact | undefined>((last, contact) => (!last || (contact.endedAt ?? 0) >= (last.endedAt ?? 0) ? contact : last), undefined);
  if (!latest) throw invalidRequest('Only a chat session that has ended can be continued.');
  return { sourceContactId, from: latest };
}

/**
 * The past session's items as the continuing contact's transcript holds them: each keeps its id, time and
 * content, and names the contact it was sent on as `RelatedContactId` (current items carry `ContactId`).
 */
export function rehydratedItems(from: Contact, initialContactId: string): ChatItem[] {
  return from.items.map(({ ContactId, RelatedContactId, ...item }) => ({
    ...item,
    InitialContactId: initialContactId,
    RelatedContactId: RelatedContactId ?? ContactId ?? from.contactId,
  }));
}
