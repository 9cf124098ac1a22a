import type { IncomingMessage, ServerResponse } from 'node:http';
import { ContactStateError, TRANSFER_ORDERS, type AgentRef, type ContactFlow, type TransferOrder } from './contact-flow';
import type { Contact, ContactStore } from './contact-store';
import { CONTENT_TYPE, type ContactSummary } from './emulator.types';
import { InvalidFaultError, type FaultPlan } from './fault-plan';
import { isJsonObject, sendErrorBody, sendJson, type JsonObject, type RequestBody } from './json-http';
import type { WebSocketHub } from './websocket-hub';

export const CONTROL_PATH_PREFIX = '/emulator/';

const NAME_LIMIT = 64;
const TEXT_LIMIT = 1024;

export interface ControlApiOptions {
  store: ContactStore;
  flow: ContactFlow;
  hub: WebSocketHub;
  faults: FaultPlan;
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
          const text = optionalText(body, 'text', TEXT_LIMIT);
          if (text === undefined) throw badBody('text: required, 1–1024 characters.');
          const contentType = body.contentType ?? CONTENT_TYPE.text;
          if (contentType !== CONTENT_TYPE.text && contentType !== CONTENT_TYPE.markdown) {
            throw badBody('contentType: expected "text/plain" or "text/markdown".');
          }
          const who = agentRefOf(body);
          flow.takeOver(contact);
          flow.agentMessage(contact, text, contentType, who);
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
      ['drop-connection', (contact) => ({ dropped: hub.drop(contact.contactId) })],
    ]);
  }

  handle(req: IncomingMessage, res: ServerResponse, path: string, body: RequestBody): void {
    try {
      const [status, answer] = this.route(req, path.slice(CONTROL_PATH_PREFIX.length).split('/'), body);
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
      startedAt: new Date(contact.startedAt).toISOString(),
      endedAt: contact.endedAt === null ? null : new Date(contact.endedAt).toISOString(),
    };
  }

  private route(req: IncomingMessage, segments: string[], body: RequestBody): [number, unknown] {
    const [resource, contactId, ...rest] = segments;
    if (resource === 'faults' && contactId === undefined) return this.faultsRoute(req, body);
    if (resource !== 'contacts') throw notFound();
    if (contactId === undefined || contactId === '') {
      allow(req, ['GET']);
      return [200, this.options.store.list().map((contact) => this.summarize(contact))];
    }
    const action = rest.join('/');
    if (action === '' || action === 'transcript') {
      allow(req, ['GET']);
      const contact = this.contact(contactId);
      return [200, action === '' ? this.summarize(contact) : contact.items];
    }
    const run = this.actions.get(action);
    if (!run) throw notFound();
    allow(req, ['POST']);
    const json = jsonBodyOf(body);
    const contact = this.contact(contactId);
    const result = run(contact, json);
    return [200, { ...this.summarize(contact), ...(isJsonObject(result) ? result : {}) }];
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
  return new ControlRequestError(500, 'emulator.internal', 'The emulator could not handle this request.');
}
