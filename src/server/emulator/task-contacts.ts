import { randomUUID } from 'node:crypto';
import type { InstanceDirectory } from './instance-directory';
import type { JsonObject } from './json-http';
import { attributesOf, invalidParameter, requiredString } from './aws-request-checks';

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
    const instanceId = requiredString(body, 'InstanceId', 100);
    const contactFlowId = requiredString(body, 'ContactFlowId', 500);
    const name = requiredString(body, 'Name', 512);
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

