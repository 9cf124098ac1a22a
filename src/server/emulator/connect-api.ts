import type { IncomingMessage, ServerResponse } from 'node:http';
import { AwsServiceError, sendAwsError } from './aws-error';
import type { ContactStore } from './contact-store';
import type { FaultPlan } from './fault-plan';
import type { InstanceDirectory } from './instance-directory';
import { continuationOf, rehydratedItems } from './persistent-chat';
import type { TaskContacts } from './task-contacts';
import { isJsonObject, parseJsonObject, sendJson, type JsonObject, type RequestBody } from './json-http';
import { attributesOf, invalidParameter, invalidRequest, requiredString } from './aws-request-checks';

export const START_CHAT_PATH = '/contact/chat';
/** StartTaskContact: a message left out of hours (TASK). */
export const START_TASK_PATH = '/contact/task';
/** The Amazon Connect API paths the emulator claims; StartChatContact and StartTaskContact are implemented. */
export const CONNECT_API_PATH_PREFIX = '/contact/';

const MESSAGE_CONTENT_TYPES = new Set(['text/plain', 'text/markdown', 'application/json']);
const SUPPORTED_CONTENT_TYPES = new Set([
  'text/plain',
  'text/markdown',
  'application/json',
  'application/vnd.amazonaws.connect.message.interactive',
  'application/vnd.amazonaws.connect.message.interactive.response',
]);

export interface ConnectApiOptions {
  store: ContactStore;
  directory: InstanceDirectory;
  faults: FaultPlan;
  tasks: TaskContacts;
}

interface StartChatContactResponse {
  ContactId: string;
  ParticipantId: string;
  ParticipantToken: string;
  /** Persistent chat: the past contact continued. */
  ContinuedFromContactId?: string;
}

/**
 * The Amazon Connect API operations the backend calls: StartChatContact (`PUT /contact/chat`) and
 * StartTaskContact (`PUT /contact/task`, see `task-contacts.ts`),
 * validated the way the service does and answered with AWS-shaped errors.
 */
export class ConnectApi {
  /** `${InstanceId}/${ClientToken}` → the answer given, so an SDK retry does not start a second contact. */
  private readonly answered = new Map<string, StartChatContactResponse>();

  constructor(private readonly options: ConnectApiOptions) {}

  handle(req: IncomingMessage, res: ServerResponse, path: string, requestBody: RequestBody): void {
    try {
      if (req.method !== 'PUT' || (path !== START_CHAT_PATH && path !== START_TASK_PATH)) {
        throw new AwsServiceError(404, 'UnknownOperationException', `The emulator has no operation ${req.method} ${path.slice(0, 200)}.`);
      }
      if (!/^AWS4-HMAC-SHA256 /.test(req.headers.authorization ?? '')) {
        throw new AwsServiceError(403, 'MissingAuthenticationTokenException', 'Missing Authentication Token');
      }
      const fault = this.options.faults.take('startChat');
      if (fault) throw fault;
      if (requestBody.tooLarge) {
        throw new AwsServiceError(413, 'RequestEntityTooLargeException', `The request body is larger than ${requestBody.limitBytes} bytes.`);
      }
      const body = parseJsonObject(requestBody.text);
      if (!body) throw new AwsServiceError(400, 'SerializationException', 'The request body is not a JSON object.');
      sendJson(res, 200, path === START_TASK_PATH ? this.options.tasks.start(body) : this.startChatContact(body));
    } catch (error) {
      sendAwsError(res, asServiceError(error), 'connect');
    }
  }

  private startChatContact(body: JsonObject): StartChatContactResponse {
    const instanceId = requiredString(body, 'InstanceId', 100);
    const contactFlowId = requiredString(body, 'ContactFlowId', 500);
    const details = body.ParticipantDetails;
    if (!isJsonObject(details)) throw invalidRequest('ParticipantDetails is required.');
    const displayName = requiredString(details, 'DisplayName', 256, 'ParticipantDetails.DisplayName');
    if (displayName.trim() === '') throw invalidParameter('ParticipantDetails.DisplayName must not be blank.');
    const attributes = attributesOf(body.Attributes);
    const initialMessage = initialMessageOf(body.InitialMessage);
    const chatDurationInMinutes = durationOf(body.ChatDurationInMinutes);
    const supportedContentTypes = contentTypesOf(body.SupportedMessagingContentTypes);
    const clientToken = body.ClientToken;
    if (clientToken !== undefined && (typeof clientToken !== 'string' || clientToken.length > 500)) {
      throw invalidParameter('ClientToken must be a string of at most 500 characters.');
    }
    const instance = this.options.directory.resolve(instanceId, contactFlowId);
    const idempotencyKey = typeof clientToken === 'string' ? `${instance.instanceId}/${clientToken}` : undefined;
    const previous = idempotencyKey === undefined ? undefined : this.answered.get(idempotencyKey);
    if (previous) return previous;
    const continuation = continuationOf(body, this.options.store, instance.instanceId);
    const contact = this.options.store.create({
      instance: instance.name,
      queueMarker: instance.queueMarker,
      instanceId: instance.instanceId,
      contactFlowId: instance.contactFlowId,
      displayName,
      attributes,
      chatDurationInMinutes,
      ...(initialMessage ? { initialMessage } : {}),
      ...(supportedContentTypes ? { supportedContentTypes } : {}),
      ...(continuation
        ? {
            continues: {
              sourceContactId: continuation.sourceContactId,
              continuedFromContactId: continuation.from.contactId,
              initialContactId: continuation.from.initialContactId,
              items: rehydratedItems(continuation.from, continuation.from.initialContactId),
            },
          }
        : {}),
    });
    const response = {
      ContactId: contact.contactId,
      ParticipantId: contact.customer.participantId,
      ParticipantToken: contact.participantToken,
      ...(continuation ? { ContinuedFromContactId: continuation.from.contactId } : {}),
    };
    if (idempotencyKey !== undefined) this.answered.set(idempotencyKey, response);
    return response;
  }
}

function asServiceError(error: unknown): AwsServiceError {
  if (error instanceof AwsServiceError) return error;
  return new AwsServiceError(500, 'InternalServiceException', 'The emulator could not handle this request.');
}

function initialMessageOf(value: unknown): { contentType: string; content: string } | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isJsonObject(value)) throw invalidParameter('InitialMessage must be an object with ContentType and Content.');
  const { ContentType: contentType, Content: content } = value;
  if (typeof contentType !== 'string' || !MESSAGE_CONTENT_TYPES.has(contentType)) {
    throw invalidParameter('InitialMessage.ContentType must be text/plain, text/markdown or application/json.');
  }
  if (typeof content !== 'string' || content.length < 1 || content.length > 1024) {
    throw invalidParameter('InitialMessage.Content must be a string of 1 to 1024 characters.');
  }
  return { contentType, content };
}

/** ChatDurationInMinutes, Amazon Connect's default (25 h) when absent. */
function durationOf(value: unknown): number {
  if (value === undefined || value === null) return DEFAULT_CHAT_DURATION_MINUTES;
  if (!Number.isInteger(value) || (value as number) < 60 || (value as number) > 10080) {
    throw invalidParameter('ChatDurationInMinutes must be a whole number from 60 to 10080.');
  }
  return value as number;
}

const DEFAULT_CHAT_DURATION_MINUTES = 1500;

function contentTypesOf(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((type) => typeof type === 'string' && SUPPORTED_CONTENT_TYPES.has(type))) {
    throw invalidParameter('SupportedMessagingContentTypes holds an unsupported content type.');
  }
  if (!value.includes('text/plain')) throw invalidParameter('SupportedMessagingContentTypes must include text/plain.');
  return value as string[];
}
