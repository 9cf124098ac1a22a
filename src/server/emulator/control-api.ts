import type { IncomingMessage, ServerResponse } from 'node:http';
import { attachmentProblem, contentDisposition } from './attachment-rules';
import type { AttachmentStore } from './attachment-store';
import { AwsServiceError } from './aws-error';
import { ContactStateError, CUSTOMER_TIMER_EVENTS, MESSAGE_LIMITS, type CustomerTimerEvent, TRANSFER_ORDERS, type AgentRef, type ContactFlow, type Speaker, type TransferOrder } from './contact-flow';
import type { Contact, ContactStore } from './contact-store';
import { controlRefusal } from './control-guard';
import { CONTENT_TYPE, type ChatItem, type ContactSummary } from './emulator.types';
import { interactiveTemplateProblem } from './interactive-template';
import { InvalidFaultError, type FaultPlan } from './fault-plan';
import { isJsonObject, sendErrorBody, sendJson, type JsonObject, type RequestBody } from './json-http';
import type { WebSocketHub } from './websocket-hub';
import type { TaskContacts } from './task-contacts';

export const CONTROL_PATH_PREFIX = '/emulator/';

const NAME_LIMIT = 64;
/** Room for an agent's file as base64 (about 4.5 MB); below the 8 MB past which a body's connection is cut. */
export const CONTROL_BODY_LIMIT_BYTES = 6 * 1024 * 1024;
const SPEAKERS: readonly Speaker[] = ['agent', 'bot', 'flow'];

export interface ControlApiOptions {
  store: ContactStore;
  attachments: AttachmentStore;
  flow: ContactFlow;
  hub: WebSocketHub;
  faults: FaultPlan;
  tasks: TaskContacts;
}

/** A control API request that cannot be served; answered as an {@link ErrorBody}. */
export class ControlRequestError extends Error {
  override readonly name = 'ControlRequestError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

type ContactAction = (contact: Contact, body: JsonObject) => unknown;

/**
 * The emulator's control API (JSON over HTTP), used by the agent console and by tests:
 * list contacts, drive each step of the flow and the agent, drop sockets, inject faults.
 */
export class ControlApi {
  private readonly actions: ReadonlyMap<string, ContactAction>;

  constructor(private readonly options: ControlApiOptions) {
    const { flow, hub } = options;
    // The agent/* steps are a person playing the agent: the autopilot stops piloting the contact
    // (flow.takeOver) once the request is known to be valid. Flow steps (queue, transfer, end) leave it on.
    this.actions = new Map<string, ContactAction>([
      ['queue', (contact) => flow.queue(contact)],
      [
        'agent/join',
        (contact, body) => {
          const name = optionalText(body, 'name', NAME_LIMIT) ?? 'Alex';
          return { participantId: flow.personJoins(contact, name).participantId };
        },
      ],
      [
        'agent/message',
        (contact, body) => {
          const contentType = body.contentType ?? CONTENT_TYPE.text;
          const limit = typeof contentType === 'string' ? MESSAGE_LIMITS[contentType] : undefined;
          if (limit === undefined) throw badBody(`contentType: expected one of ${Object.keys(MESSAGE_LIMITS).join(', ')}.`);
          const text = optionalText(body, 'text', limit);
          if (text === undefined) throw badBody(`text: required, 1–${limit} characters.`);
          if (contentType === CONTENT_TYPE.interactive) {
            const problem = interactiveTemplateProblem(text);
            if (problem) throw badBody(`text: ${problem}`);
          }
          const speaker = speakerOf(body);
          const who = agentRefOf(body);
          if (speaker === 'agent') flow.takeOver(contact);
          return { messageId: flow.say(contact, speaker, text, contentType as string, who).Id };
        },
      ],
      [
        'agent/attachment',
        (contact, body) => this.sendFile(contact, body),
      ],
      [
        'agent/read',
        (contact, body) => {
          const who = agentRefOf(body);
          flow.agentFor(contact, who);
          flow.takeOver(contact);
          return { read: flow.agentReads(contact, who) };
        },
      ],
      [
        'agent/typing',
        (contact, body) => {
          const who = agentRefOf(body);
          flow.takeOver(contact);
          flow.agentTyping(contact, who);
        },
      ],
      [
        'agent/leave',
        (contact, body) => {
          const who = agentRefOf(body);
          flow.takeOver(contact);
          flow.agentLeaves(contact, who);
        },
      ],
      [
        'transfer',
        (contact, body) => {
          const order = body.order ?? 'transferFirst';
          if (!TRANSFER_ORDERS.includes(order as TransferOrder)) throw badBody('order: expected "transferFirst" or "leftFirst".');
          flow.transfer(contact, { order: order as TransferOrder });
        },
      ],
      ['end', (contact) => flow.end(contact)],
      [
        'customer/timeout',
        (contact, body) => {
          const event = body.event;
          if (typeof event !== 'string' || !Object.hasOwn(CUSTOMER_TIMER_EVENTS, event)) {
            throw badBody('event: expected "idle", "returned" or "autodisconnection".');
          }
          flow.customerTimer(contact, event as CustomerTimerEvent);
        },
      ],
      ['drop-connection', (contact) => ({ dropped: hub.drop(contact.contactId) })],
    ]);
  }

  handle(req: IncomingMessage, res: ServerResponse, path: string, body: RequestBody): void {
    try {
      const refusal = controlRefusal(req);
      if (refusal) throw new ControlRequestError(refusal.status, refusal.code, refusal.message);
      const segments = path.slice(CONTROL_PATH_PREFIX.length).split('/');
      if (segments[0] === 'contacts' && segments[2] === 'attachments' && segments.length === 4) {
        allow(req, ['GET']);
        return this.serveAttachment(res, this.contact(segments[1] ?? ''), segments[3] ?? '');
      }
      const [status, answer] = this.route(req, segments, body);
      sendJson(res, status, answer);
    } catch (error) {
      const failure = asControlError(error);
      sendErrorBody(res, failure.status, failure.code, failure.message, failure.headers);
    }
  }

  summarize(contact: Contact): ContactSummary {
    return {
      contactId: contact.contactId,
      instance: contact.instance,
      state: contact.state,
      customerConnected: contact.state !== 'ended' && this.options.hub.isCustomerConnected(contact.contactId),
      displayName: contact.customer.displayName,
      agentName: contact.agents.at(-1)?.displayName ?? null,
      agents: contact.agents.map((agent) => ({ participantId: agent.participantId, name: agent.displayName, autopilot: agent.byAutopilot })),
      autopilot: this.options.flow.isPiloting(contact),
      attributes: { ...contact.attributes },
      chatDurationInMinutes: contact.chatDurationInMinutes,
      initialContactId: contact.initialContactId,
      sourceContactId: contact.sourceContactId,
      continuedFromContactId: contact.continuedFromContactId,
      startedAt: new Date(contact.startedAt).toISOString(),
      endedAt: contact.endedAt === null ? null : new Date(contact.endedAt).toISOString(),
    };
  }

  private route(req: IncomingMessage, segments: string[], body: RequestBody): [number, unknown] {
    const [resource, contactId, ...rest] = segments;
    if (resource === 'faults' && contactId === undefined) return this.faultsRoute(req, body);
    if (resource === 'tasks' && contactId === undefined) {
      allow(req, ['GET']);
      return [200, this.options.tasks.list()];
    }
    if (resource !== 'contacts') throw notFound();
    if (contactId === undefined || contactId === '') {
      allow(req, ['GET']);
      return [200, this.options.store.list().map((contact) => this.summarize(contact))];
    }
    const action = rest.join('/');
    if (action === '' || action === 'transcript') {
      allow(req, ['GET']);
      const contact = this.contact(contactId);
      return [200, action === '' ? this.summarize(contact) : contact.items.map((item) => this.withSizes(item))];
    }
    const run = this.actions.get(action);
    if (!run) throw notFound();
    allow(req, ['POST']);
    const json = jsonBodyOf(body);
    const contact = this.contact(contactId);
    const result = run(contact, json);
    return [200, { ...this.summarize(contact), ...(isJsonObject(result) ? result : {}) }];
  }

  /** `agent/attachment`: a file (base64) from the agent, the bot or the flow, checked as StartAttachmentUpload checks one. */
  private sendFile(contact: Contact, body: JsonObject) {
    const { flow, attachments } = this.options;
    const name = optionalText(body, 'name', 256);
    const contentType = optionalText(body, 'contentType', 255);
    const data = body.data;
    if (name === undefined || contentType === undefined) throw badBody('name and contentType: required (the file name and its MIME type).');
    if (typeof data !== 'string' || !/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(data)) throw badBody('data: required, the file as base64.');
    const bytes = Buffer.from(data, 'base64');
    const problem = attachmentProblem({ name, contentType, sizeInBytes: bytes.length });
    if (problem) throw badBody(problem);
    const speaker = speakerOf(body);
    // `name` is the file's here, so the agent is named by `agentName`.
    const agentName = optionalText(body, 'agentName', NAME_LIMIT);
    const participantId = optionalText(body, 'participantId', NAME_LIMIT);
    const who: AgentRef = { ...(agentName === undefined ? {} : { name: agentName }), ...(participantId === undefined ? {} : { participantId }) };
    if (contact.state === 'ended') throw new ContactStateError('contact.ended', 'This contact has ended.');
    const from = speaker === 'agent' ? flow.agentFor(contact, who) : speaker === 'bot' ? contact.bot : contact.system;
    const stored = attachments.add(contact, from, name, contentType, bytes);
    if (speaker === 'agent') flow.takeOver(contact);
    const ref = { AttachmentId: stored.attachmentId, AttachmentName: stored.name, ContentType: stored.contentType, Status: 'APPROVED' as const };
    return { attachmentId: stored.attachmentId, messageId: flow.sendAttachment(contact, speaker, ref, who).Id };
  }

  /** A transcript item as the control API shows it: each attachment with its size too. */
  private withSizes(item: ChatItem): ChatItem {
    if (!item.Attachments) return item;
    return {
      ...item,
      Attachments: item.Attachments.map((ref) => ({ ...ref, AttachmentSizeInBytes: this.options.attachments.get(ref.AttachmentId)?.sizeInBytes ?? 0 })),
    };
  }

  /** `GET /emulator/contacts/:id/attachments/:attachmentId`: the file itself, for the agent console. */
  private serveAttachment(res: ServerResponse, contact: Contact, attachmentId: string): void {
    const attachment = this.options.attachments.get(attachmentId);
    if (!attachment || attachment.contactId !== contact.contactId || !attachment.bytes) {
      throw new ControlRequestError(404, 'attachment.not_found', 'No such attachment on this contact (or it was never uploaded).');
    }
    res.writeHead(200, {
      'content-type': attachment.contentType,
      'content-length': String(attachment.bytes.length),
      'content-disposition': contentDisposition(attachment.name),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'no-store',
    });
    res.end(attachment.bytes);
  }

  private faultsRoute(req: IncomingMessage, body: RequestBody): [number, unknown] {
    allow(req, ['GET', 'POST', 'DELETE']);
    const faults = this.options.faults;
    if (req.method === 'POST') faults.apply(jsonBodyOf(body));
    if (req.method === 'DELETE') faults.clear();
    return [200, faults.describe()];
  }

  private contact(contactId: string): Contact {
    const contact = this.options.store.get(contactId);
    if (!contact) throw new ControlRequestError(404, 'contact.not_found', `No contact ${contactId.slice(0, 64)}.`);
    return contact;
  }
}

function allow(req: IncomingMessage, methods: string[]): void {
  if (!methods.includes(req.method ?? '')) {
    throw new ControlRequestError(405, 'request.method_not_allowed', `Use ${methods.join(' or ')} here.`, {
      allow: methods.join(', '),
    });
  }
}

const notFound = () =>
  new ControlRequestError(404, 'emulator.route_not_found', 'No such control route; see the emulator README for the list.');
const badBody = (message: string) => new ControlRequestError(400, 'request.invalid_body', message);

function jsonBodyOf(body: RequestBody): JsonObject {
  if (body.tooLarge) throw new ControlRequestError(413, 'request.body_too_large', `The request body is larger than ${body.limitBytes} bytes.`);
  const text = body.text;
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ControlRequestError(400, 'request.invalid_json', 'The request body is not valid JSON.');
  }
  if (!isJsonObject(value)) throw badBody('Expected a JSON object.');
  return value;
}

function optionalText(body: JsonObject, field: string, limit: number): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.trim() === '' || value.length > limit) {
    throw badBody(`${field}: expected 1–${limit} characters.`);
  }
  return value;
}

/** `as`: who speaks: `agent` (default), `bot` (SYSTEM, "BOT") or `flow` (SYSTEM, "SYSTEM_MESSAGE"). */
function speakerOf(body: JsonObject): Speaker {
  const speaker = body.as ?? 'agent';
  if (!SPEAKERS.includes(speaker as Speaker)) throw badBody('as: expected "agent", "bot" or "flow".');
  return speaker as Speaker;
}

/** `{ name?, participantId? }`: which agent a step is about (neither: the one who joined last). */
function agentRefOf(body: JsonObject): AgentRef {
  const name = optionalText(body, 'name', NAME_LIMIT);
  const participantId = optionalText(body, 'participantId', NAME_LIMIT);
  return { ...(name === undefined ? {} : { name }), ...(participantId === undefined ? {} : { participantId }) };
}

function asControlError(error: unknown): ControlRequestError {
  if (error instanceof ControlRequestError) return error;
  if (error instanceof ContactStateError) return new ControlRequestError(409, error.code, error.message);
  if (error instanceof InvalidFaultError) return new ControlRequestError(400, error.code, error.message);
  if (error instanceof AwsServiceError) {
    const status = error.code === 'ServiceQuotaExceededException' ? 409 : 400;
    return new ControlRequestError(status, status === 409 ? 'attachment.quota_exceeded' : 'request.invalid_body', error.message);
  }
  return new ControlRequestError(500, 'emulator.internal', 'The emulator could not handle this request.');
}
