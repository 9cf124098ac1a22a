import type { InstanceDefinition } from '../../browser/config/instance-config.types';
import { AwsServiceError } from './aws-error';

/** The chat instance a StartChatContact call lands in. */
export interface ResolvedInstance {
  /** The public name (`help_faq_bot`), or the InstanceId when the emulator knows no instances. */
  name: string;
  queueMarker: string;
  instanceId: string;
  contactFlowId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTANCE_ARN = /^arn:aws[a-z-]*:connect:[a-z0-9-]+:\d{12}:instance\/([0-9a-f-]{36})$/i;
const FLOW_ARN = /^arn:aws[a-z-]*:connect:[a-z0-9-]+:\d{12}:instance\/[0-9a-f-]{36}\/contact-flow\/([0-9a-f-]{36})$/i;

/** An InstanceId (id or ARN, as the API takes either) as a bare id, or undefined when it has neither shape. */
export function instanceIdOf(value: string): string | undefined {
  if (UUID.test(value)) return value.toLowerCase();
  const id = INSTANCE_ARN.exec(value)?.[1];
  return id !== undefined && UUID.test(id) ? id.toLowerCase() : undefined;
}

export function contactFlowIdOf(value: string): string | undefined {
  if (UUID.test(value)) return value.toLowerCase();
  const id = FLOW_ARN.exec(value)?.[1];
  return id !== undefined && UUID.test(id) ? id.toLowerCase() : undefined;
}

/**
 * Which Amazon Connect instances and flows exist. Built from `config/instances.json`; with no instances
 * at all, any well-formed ids are accepted (the emulator used on its own).
 */
export class InstanceDirectory {
  private readonly byIds = new Map<string, ResolvedInstance>();
  private readonly instanceIds = new Set<string>();
  /** Leave a message (TASK): `${instanceId}/${taskFlowId}` → the instance whose task flow it is. */
  private readonly taskFlows = new Map<string, ResolvedInstance>();

  constructor(instances: readonly InstanceDefinition[] = []) {
    for (const instance of instances) {
      const instanceId = instanceIdOf(instance.connect.instanceId) ?? instance.connect.instanceId;
      const contactFlowId = contactFlowIdOf(instance.connect.contactFlowId) ?? instance.connect.contactFlowId;
      this.instanceIds.add(instanceId);
      const taskFlowId = instance.connect.taskFlowId && (contactFlowIdOf(instance.connect.taskFlowId) ?? instance.connect.taskFlowId);
      if (taskFlowId) {
        this.taskFlows.set(`${instanceId}/${taskFlowId}`, { name: instance.public.name, queueMarker: '', instanceId, contactFlowId: taskFlowId });
      }
      const key = `${instanceId}/${contactFlowId}`;
      if (this.byIds.has(key)) continue;
      this.byIds.set(key, {
        name: instance.public.name,
        queueMarker: instance.public.queueMarker ?? '[queued]',
        instanceId,
        contactFlowId,
      });
    }
  }

  /**
   * The instance a StartTaskContact call lands in: its `connect.taskFlowId` is the flow.
   * @throws AwsServiceError as {@link resolve}
   */
  resolveTask(rawInstanceId: string, rawContactFlowId: string): ResolvedInstance {
    return this.resolve(rawInstanceId, rawContactFlowId, this.taskFlows);
  }

  /** @throws AwsServiceError as Amazon Connect would answer: 400 for malformed ids, 404 for unknown ones. */
  resolve(rawInstanceId: string, rawContactFlowId: string, flows: ReadonlyMap<string, ResolvedInstance> = this.byIds): ResolvedInstance {
    const instanceId = instanceIdOf(rawInstanceId);
    if (!instanceId) throw new AwsServiceError(400, 'InvalidParameterException', 'InstanceId is not a valid instance id or ARN.');
    const contactFlowId = contactFlowIdOf(rawContactFlowId);
    if (!contactFlowId) throw new AwsServiceError(400, 'InvalidParameterException', 'ContactFlowId is not a valid flow id or ARN.');
    if (this.byIds.size === 0) return { name: instanceId, queueMarker: '[queued]', instanceId, contactFlowId };
    if (!this.instanceIds.has(instanceId)) {
      throw new AwsServiceError(404, 'ResourceNotFoundException', `Instance ${instanceId} not found.`);
    }
    const resolved = flows.get(`${instanceId}/${contactFlowId}`);
    if (!resolved) throw new AwsServiceError(404, 'ResourceNotFoundException', `Contact flow ${contactFlowId} not found.`);
    return resolved;
  }
}
