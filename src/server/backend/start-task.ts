import { randomUUID } from 'node:crypto';
import { StartTaskContactCommand } from '@aws-sdk/client-connect';
import type { InstanceDefinition } from '../../browser/config/instance-config.types';
import { ApiError } from './api-error';
import { summarizeAwsError, toApiError } from './aws-error-mapping';
import type { BackendLog } from './backend.types';
import type { ConnectClientLike } from './connect-client';
import type { CheckedLeaveMessage } from './leave-message-request';

/** StartTaskContact's limits on Name and Description. */
const MAX_TASK_NAME = 512;
const MAX_TASK_DESCRIPTION = 4096;

/** Files a message left out of hours; `sourceIp` is only logged. Answers the new task's contact id. */
export type TaskStarter = (instance: InstanceDefinition, message: CheckedLeaveMessage, sourceIp: string) => Promise<{ contactId: string }>;

/** The StartTaskContact input for a checked message (exported for its tests). */
export function taskInput(instance: InstanceDefinition, message: CheckedLeaveMessage, clientToken: string) {
  const contact = [message.email && `Email: ${message.email}`, message.phone && `Phone: ${message.phone}`].filter(Boolean).join('\n');
  return {
    InstanceId: instance.connect.instanceId,
    // parseInstancesFile refuses leaveMessage without taskFlowId; the service checks both before calling.
    ContactFlowId: instance.connect.taskFlowId ?? '',
    Name: `Web message from ${message.name}`.slice(0, MAX_TASK_NAME),
    Description: `${message.message}\n\n${message.name}\n${contact}`.slice(0, MAX_TASK_DESCRIPTION),
    Attributes: { customerName: message.name, email: message.email ?? '', phone: message.phone ?? '' },
    ClientToken: clientToken,
  };
}

/**
 * Calls StartTaskContact with the instance's task flow. AWS's failures become the same {@link ApiError}s as
 * StartChatContact's (see `aws-error-mapping.ts`), logged with the AWS details. One ClientToken per message, so
 * the SDK's retries never file it twice.
 */
export function createTaskStarter(clientFor: (region: string) => ConnectClientLike, log: BackendLog): TaskStarter {
  return async (instance, message, sourceIp) => {
    let contactId: string | undefined;
    try {
      const output = await clientFor(instance.connect.region).send(new StartTaskContactCommand(taskInput(instance, message, randomUUID())));
      contactId = output.ContactId;
    } catch (error) {
      if (error instanceof ApiError) throw error;
      const mapped = toApiError(error);
      const busy = mapped.code === 'backend.throttled' || mapped.code === 'backend.capacity';
      log({ level: busy ? 'warn' : 'error', event: 'message.failed', instance: instance.public.name, code: mapped.code, aws: summarizeAwsError(error), sourceIp });
      throw mapped;
    }
    if (!contactId) {
      log({ level: 'error', event: 'message.failed', instance: instance.public.name, code: 'backend.bad_response' });
      throw new ApiError(502, 'backend.bad_response', 'Amazon Connect answered without the task id.');
    }
    log({ level: 'info', event: 'message.filed', instance: instance.public.name, contactId, sourceIp });
    return { contactId };
  };
}
