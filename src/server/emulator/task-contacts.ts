import { randomUUID } from 'node:crypto';
import { AwsServiceError } from './aws-error';
import type { InstanceDirectory } from './instance-directory';
import { isJsonObject, type JsonObject } from './json-http';

/** A task as `GET /emulator/tasks` shows it: what StartTaskContact was given. */
export interface TaskSummary {
  contactId: string;
  /** The instance's public name (or its id when the emulator knows no instances). */
  instance: string;
  contactFlowId: string;
  name: string;
  description: string | null;
  attributes: Record<string, string>;
  createdAt: string;
}

const invalidRequest = (message: string) => new AwsServiceError(400, 'InvalidRequestException', message);
const invalidParameter = (message: string) => new AwsServiceError(400, 'InvalidParameterException', message);

/**
 * StartTaskContact (`PUT /contact/task`), for messages left out of hours: validated as Amazon Connect does
 * (InstanceId known, ContactFlowId a flow of it, Name 1–512, Description ≤ 4096, Attributes a map of strings,
 * ClientToken idempotent) and kept for the control API. Tasks have no chat: nothing else happens to them.
 */
export class TaskContacts {
  private readonly tasks: TaskSummary[] = [];
  /** `${InstanceId}/${ClientToken}` → the task filed, so an SDK retry files nothing twice. */
  private readonly answered = new Map<string, TaskSummary>();

  constructor(
    private readonly directory: InstanceDirectory,
    private readonly now: () => number = Date.now,
  ) {}

  /** @throws AwsServiceError */
  start(body: JsonObject): { ContactId: string } {
    const instanceId = required(body, 'InstanceId', 100);
    const contactFlowId = required(body, 'ContactFlowId', 500);
    const name = required(body, 'Name', 512);
    const description = body.Description;
    if (description !== undefined && (typeof description !== 'string' || description.length > 4096)) {
      throw invalidParameter('Description must be a string of at most 4096 characters.');
    }
    const attributes = attributesOf(body.Attributes);
    const clientToken = body.ClientToken;
    if (clientToken !== undefined && (typeof clientToken !== 'string' || clientToken.length > 500)) {
      throw invalidParameter('ClientToken must be a string of at most 500 characters.');
    }
    const instance = this.directory.resolveTask(instanceId, contactFlowId);
    const key = typeof clientToken === 'string' ? `${instance.instanceId}/${clientToken}` : undefined;
    const previous = key === undefined ? undefined : this.answered.get(key);
    if (previous) return { ContactId: previous.contactId };
    const task: TaskSummary = {
      contactId: randomUUID(),
      instance: instance.name,
      contactFlowId: instance.contactFlowId,
      name,
      description: typeof description === 'string' ? description : null,
      attributes,
      createdAt: new Date(this.now()).toISOString(),
    };
    this.tasks.push(task);
    if (key !== undefined) this.answered.set(key, task);
    return { ContactId: task.contactId };
  }

  list(): TaskSummary[] {
    return this.tasks.map((task) => ({ ...task, attributes: { ...task.attributes } }));
  }
}

function required(body: JsonObject, field: string, maxLength: number): string {
  const value = body[field];
  if (value === undefined || value === null) throw invalidRequest(`${field} is required.`);
  if (typeof value !== 'string' || value.length < 1 || value.length > maxLength) {
    throw invalidParameter(`${field} must be a string of 1 to ${maxLength} characters.`);
  }
  return value;
}

function attributesOf(value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (!isJsonObject(value)) throw invalidParameter('Attributes must be a map of strings.');
  const attributes: Record<string, string> = {};
  for (const [key, text] of Object.entries(value)) {
    if (key.length < 1 || key.length > 32767 || typeof text !== 'string' || text.length > 32767) {
      throw invalidParameter(`Attribute "${key.slice(0, 64)}" must be a string of at most 32767 characters.`);
    }
    attributes[key] = text;
  }
  return attributes;
}
