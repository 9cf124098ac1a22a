import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AttachmentStore } from './attachment-store';
import { AwsServiceError, sendAwsError } from './aws-error';
import type { ContactFlow } from './contact-flow';
import type { Contact, ContactStore } from './contact-store';
import { CONTENT_TYPE } from './emulator.types';
import type { FaultPlan } from './fault-plan';
import { parseJsonObject, sendJson, type JsonObject, type RequestBody } from './json-http';
import { transcriptPage } from './transcript-page';
import type { WebSocketHub } from './websocket-hub';

export const PARTICIPANT_PATH_PREFIX = '/participant/';

const HOUR_MS = 60 * 60 * 1000;
/** What chatjs's SDK asks a browser preflight for; listed because `*` does not cover `authorization`. */
const DEFAULT_ALLOWED_HEADERS =
  'authorization,content-type,x-amz-bearer,x-amz-content-sha256,x-amz-date,x-amz-user-agent,x-amz-security-token,amz-sdk-invocation-id,amz-sdk-request';
/** Without `x-amzn-errortype` exposed, a browser client sees errors typed only by their status. */
const EXPOSED_HEADERS = 'x-amzn-errortype,x-amzn-requestid,x-amzn-error-message,date';

/** SendMessage content types and their length limits. */
const MESSAGE_LIMITS = new Map<string, number>([
  [CONTENT_TYPE.text, 1024],
  [CONTENT_TYPE.markdown, 1024],
  [CONTENT_TYPE.json, 12000],
  [CONTENT_TYPE.interactiveResponse, 12288],
]);
const CUSTOMER_EVENTS = new Set<string>([
  CONTENT_TYPE.typing,
  CONTENT_TYPE.connectionAcknowledged,
  CONTENT_TYPE.messageRead,
  CONTENT_TYPE.messageDelivered,
]);

export interface ParticipantServiceOptions {
  store: ContactStore;
  attachments: AttachmentStore;
  flow: ContactFlow;
  hub: WebSocketHub;
  faults: FaultPlan;
  /** The emulator's HTTP origin as the browser reaches it; the websocket URL is built from it. */
  publicOrigin: (req: IncomingMessage) => string;
  now: () => number;
}

const denied = () => new AwsServiceError(403, 'AccessDeniedException', 'You do not have sufficient access to perform this action.');
const invalid = (message: string) => new AwsServiceError(400, 'ValidationException', message);

/**
 * The Amazon Connect Participant Service routes chatjs calls (`POST /participant/*`, token in
 * `x-amz-bearer`), with the CORS a browser on another origin needs.
 */
export class ParticipantService {
  constructor(private readonly options: ParticipantServiceOptions) {}

  handle(req: IncomingMessage, res: ServerResponse, path: string, requestBody: RequestBody): void {
    const cors = corsHeaders(req);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...cors, 'content-length': '0' });
      res.end();
      return;
    }
    try {
      const operation = path.slice(PARTICIPANT_PATH_PREFIX.length);
      if (req.method !== 'POST' || !OPERATIONS.has(operation)) {
        throw new AwsServiceError(404, 'UnknownOperationException', `No operation for ${req.method} ${path}.`);
      }
      const fault = this.options.faults.take('participant');
      if (fault) throw fault;
      if (requestBody.tooLarge) {
        throw new AwsServiceError(413, 'RequestEntityTooLargeException', `The request body is larger than ${requestBody.limitBytes} bytes.`);
      }
      const body = parseJsonObject(requestBody.text);
      if (!body) throw new AwsServiceError(400, 'SerializationException', 'The request body is not a JSON object.');
      const bearer = req.headers['x-amz-bearer'];
      const token = typeof bearer === 'string' ? bearer : '';
      sendJson(res, 200, this.run(operation, token, body, req), cors);
    } catch (error) {
      sendAwsError(res, asServiceError(error), 'participant', cors);
    }
  }

  private run(operation: string, token: string, body: JsonObject, req: IncomingMessage): unknown {
    if (operation === 'connection') return this.createConnection(this.contactOf(this.options.store.findByParticipantToken(token)), body, req);
    const contact = this.contactOf(this.options.store.findByConnectionToken(token));
    switch (operation) {
      case 'message':
        return this.sendMessage(contact, body);
      case 'event':
        return this.sendEvent(contact, body);
      case 'transcript':
        return this.getTranscript(contact, body);
      case 'start-attachment-upload':
        checkClientToken(body.ClientToken);
        return this.options.attachments.start(contact, contact.customer, body, this.options.publicOrigin(req));
      case 'complete-attachment-upload':
        return this.completeAttachmentUpload(contact, body);
      case 'attachment':
        return this.options.attachments.downloadUrl(contact, body.AttachmentId, body.UrlExpiryInSeconds, this.options.publicOrigin(req));
      default:
        this.options.flow.customerDisconnected(contact);
        return {};
    }
  }

  private contactOf(contact: Contact | undefined): Contact {
    if (!contact || contact.state === 'ended') throw denied();
    return contact;
  }

  private createConnection(contact: Contact, body: JsonObject, req: IncomingMessage) {
    const types = body.Type;
    if (
      !Array.isArray(types) ||
      types.length === 0 ||
      !types.every((type) => type === 'WEBSOCKET' || type === 'CONNECTION_CREDENTIALS')
    ) {
      throw invalid('Type must list WEBSOCKET and/or CONNECTION_CREDENTIALS.');
    }
    const now = this.options.now();
    return {
      ...(types.includes('WEBSOCKET')
        ? {
            Websocket: {
              Url: this.options.hub.issueUrl(contact, this.options.publicOrigin(req)),
              ConnectionExpiry: new Date(now + HOUR_MS).toISOString(),
            },
          }
        : {}),
      ...(types.includes('CONNECTION_CREDENTIALS')
        ? {
            ConnectionCredentials: {
              ConnectionToken: this.options.store.issueConnectionToken(contact),
              // chatjs refreshes at Expiry − 60 s: a short expiry makes it call this route in a loop.
              Expiry: new Date(now + 24 * HOUR_MS).toISOString(),
            },
          }
        : {}),
    };
  }

  private sendMessage(contact: Contact, body: JsonObject) {
    const { ContentType: contentType, Content: content, ClientToken: clientToken } = body;
    const limit = typeof contentType === 'string' ? MESSAGE_LIMITS.get(contentType) : undefined;
    if (limit === undefined) throw invalid(`ContentType must be one of ${[...MESSAGE_LIMITS.keys()].join(', ')}.`);
    if (typeof content !== 'string' || content.length < 1 || content.length > limit) {
      throw invalid(`Content must be a string of 1 to ${limit} characters for ${String(contentType)}.`);
    }
    if (!contact.supportedContentTypes.includes(contentType as string)) {
      throw invalid(`${String(contentType)} is not in this contact's SupportedMessagingContentTypes: list it in StartChatContact.`);
    }
    checkClientToken(clientToken);
    const previous = typeof clientToken === 'string' ? contact.messageClientTokens.get(clientToken) : undefined;
    if (previous) return { Id: previous.Id, AbsoluteTime: previous.AbsoluteTime };
    const item = this.options.store.post(contact, { type: 'MESSAGE', contentType: contentType as string, content, from: contact.customer });
    if (typeof clientToken === 'string') contact.messageClientTokens.set(clientToken, item);
    this.options.flow.customerPosted(contact, item);
    return { Id: item.Id, AbsoluteTime: item.AbsoluteTime };
  }

  private sendEvent(contact: Contact, body: JsonObject) {
    const { ContentType: contentType, Content: content, ClientToken: clientToken } = body;
    if (typeof contentType !== 'string' || !CUSTOMER_EVENTS.has(contentType)) {
      throw invalid(`ContentType must be one of ${[...CUSTOMER_EVENTS].join(', ')}.`);
    }
    if (content !== undefined && content !== null && (typeof content !== 'string' || content.length > 16384)) {
      throw invalid('Content must be a string of at most 16384 characters.');
    }
    checkClientToken(clientToken);
    if (contentType === CONTENT_TYPE.messageRead || contentType === CONTENT_TYPE.messageDelivered) {
      const messageId = messageIdOf(content);
      if (messageId === undefined) throw invalid('Content must be a JSON object with a messageId.');
      const kind = contentType === CONTENT_TYPE.messageRead ? 'read' : 'delivered';
      this.options.flow.receipts.record(contact, messageId, kind, contact.customer);
    }
    if (contentType === CONTENT_TYPE.typing) {
      const item = this.options.store.post(contact, { type: 'EVENT', contentType, from: contact.customer }, { persist: false });
      return { Id: item.Id, AbsoluteTime: item.AbsoluteTime };
    }
    return { Id: randomUUID(), AbsoluteTime: new Date(this.options.now()).toISOString() };
  }

  /** Puts the uploaded file in the chat: an ATTACHMENT item from the customer, pushed and kept. */
  private completeAttachmentUpload(contact: Contact, body: JsonObject) {
    for (const attachment of this.options.attachments.complete(contact, body.AttachmentIds, body.ClientToken)) {
      const item = this.options.store.post(contact, {
        type: 'ATTACHMENT',
        attachments: [{ AttachmentId: attachment.attachmentId, AttachmentName: attachment.name, ContentType: attachment.contentType, Status: 'APPROVED' }],
        from: contact.customer,
      });
      this.options.flow.customerPosted(contact, item);
    }
    return {};
  }

  private getTranscript(contact: Contact, body: JsonObject) {
    const contactId = body.ContactId;
    if (contactId !== undefined && contactId !== null && contactId !== contact.contactId) {
      throw invalid('ContactId does not belong to this participant.');
    }
    return { InitialContactId: contact.initialContactId, ...transcriptPage(contact.items, body) };
  }
}

const OPERATIONS = new Set([
  'connection',
  'message',
  'event',
  'transcript',
  'disconnect',
  'start-attachment-upload',
  'complete-attachment-upload',
  'attachment',
]);

function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  const requested = req.headers['access-control-request-headers'];
  return {
    'access-control-allow-origin': typeof origin === 'string' && origin !== '' ? origin : '*',
    'access-control-allow-methods': 'POST, OPTIONS',
    'access-control-allow-headers': typeof requested === 'string' && requested !== '' ? requested : DEFAULT_ALLOWED_HEADERS,
    'access-control-expose-headers': EXPOSED_HEADERS,
    'access-control-max-age': '600',
    vary: 'Origin, Access-Control-Request-Headers',
  };
}

function checkClientToken(value: unknown): void {
  if (value !== undefined && value !== null && (typeof value !== 'string' || value.length > 500)) {
    throw invalid('ClientToken must be a string of at most 500 characters.');
  }
}

function messageIdOf(content: unknown): string | undefined {
  if (typeof content !== 'string') return undefined;
  try {
    const value = JSON.parse(content) as { messageId?: unknown } | null;
    return typeof value?.messageId === 'string' && value.messageId !== '' ? value.messageId : undefined;
  } catch {
    return undefined;
  }
}

function asServiceError(error: unknown): AwsServiceError {
  if (error instanceof AwsServiceError) return error;
  return new AwsServiceError(500, 'InternalServerException', 'The emulator could not handle this request.');
}
