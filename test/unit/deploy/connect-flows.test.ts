import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { InstancesFile } from '../../../src/browser/config/instance-config.types';
import { queueMessage } from '../../../src/server/emulator/contact-flow';

/** The parts of Amazon Connect's flow language (Version 2019-10-30) these files use. */
interface FlowAction {
  Identifier: string;
  Type: string;
  Parameters: Record<string, unknown>;
  Transitions: {
    NextAction?: string;
    Errors?: Array<{ NextAction: string; ErrorType: string }>;
    Conditions?: Array<{ NextAction: string; Condition: { Operator: string; Operands: string[] } }>;
  };
}

interface Flow {
  Version: string;
  StartAction: string;
  Metadata?: { type?: string; ActionMetadata?: Record<string, unknown> };
  Actions: FlowAction[];
}

const read = <T>(path: string): T => JSON.parse(readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8')) as T;

const FLOWS = {
  inbound: read<Flow>('deploy/connect-flows/inbound-chat-flow.json'),
  customerQueue: read<Flow>('deploy/connect-flows/customer-queue-flow.json'),
};

/** The placeholders README's "Amazon Connect set-up" tells site owners to replace. */
const QUEUE_ARN_PLACEHOLDER = 'arn:aws:connect:REGION:ACCOUNT_ID:instance/INSTANCE_ID/queue/QUEUE_ID';
const QUEUE_FLOW_ARN_PLACEHOLDER = 'arn:aws:connect:REGION:ACCOUNT_ID:instance/INSTANCE_ID/contact-flow/CUSTOMER_QUEUE_FLOW_ID';

/** Characters Amazon Connect refuses in an action Identifier. */
const FORBIDDEN_IN_IDENTIFIER = /[%:()\\/=$,;[\]{}]/;

function nextActions(action: FlowAction): string[] {
  const { NextAction, Errors = [], Conditions = [] } = action.Transitions;
  return [...(NextAction ? [NextAction] : []), ...Errors.map((error) => error.NextAction), ...Conditions.map((condition) => condition.NextAction)];
}

function byId(flow: Flow): Map<string, FlowAction> {
  return new Map(flow.Actions.map((action) => [action.Identifier, action]));
}

/** The actions on the main path: StartAction, then each NextAction (not errors, not conditions), once each. */
function mainPath(flow: Flow): FlowAction[] {
  const actions = byId(flow);
  const path: FlowAction[] = [];
  for (let id: string | undefined = flow.StartAction; id && !path.some((seen) => seen.Identifier === id); ) {
    const action: FlowAction = actions.get(id)!;
    path.push(action);
    id = action.Transitions.NextAction;
  }
  return path;
}

function reachable(flow: Flow): Set<string> {
  const actions = byId(flow);
  const seen = new Set<string>();
  const stack = [flow.StartAction];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...nextActions(actions.get(id)!));
  }
  return seen;
}

const messageText = (action: FlowAction) => (action.Type === 'MessageParticipant' ? String(action.Parameters.Text ?? '') : '');

describe.each(Object.entries(FLOWS))('the %s contact flow', (_, flow) => {
  it('is flow language 2019-10-30 whose StartAction exists', () => {
    expect(flow.Version).toBe('2019-10-30');
    expect(byId(flow).has(flow.StartAction)).toBe(true);
  });

  it('has unique identifiers Amazon Connect accepts', () => {
    const ids = flow.Actions.map((action) => action.Identifier);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id.length).toBeLessThanOrEqual(50);
      expect(id).not.toMatch(FORBIDDEN_IN_IDENTIFIER);
    }
  });

  it('points every transition, error and condition at an existing action', () => {
    const ids = byId(flow);
    for (const action of flow.Actions) {
      for (const next of nextActions(action)) expect(ids.has(next), `${action.Type} ${action.Identifier} → ${next}`).toBe(true);
    }
  });

  it('reaches every action from the start, and lays out only actions that exist', () => {
    expect(reachable(flow)).toEqual(new Set(flow.Actions.map((action) => action.Identifier)));
    for (const id of Object.keys(flow.Metadata?.ActionMetadata ?? {})) expect(byId(flow).has(id)).toBe(true);
  });

  it('keeps every message within the chat limit of 1024 characters', () => {
    for (const action of flow.Actions) expect(messageText(action).length).toBeLessThanOrEqual(1024);
  });
});

describe('the inbound chat flow', () => {
  const flow = FLOWS.inbound;

  it('greets, sets the working queue and the customer queue flow, then transfers to the queue', () => {
    const types = mainPath(flow).map((action) => action.Type).filter((type) => type !== 'UpdateFlowLoggingBehavior');
    expect(types).toEqual(['MessageParticipant', 'UpdateContactTargetQueue', 'UpdateContactEventHooks', 'TransferContactToQueue', 'DisconnectParticipant']);
    expect(flow.Metadata?.type).toBe('contactFlow');
  });

  it('sends no queue marker itself: the contact is not queued until the transfer', () => {
    const marker = read<InstancesFile>('config/instances.json').instances[0]!.public.queueMarker ?? '[queued]';
    for (const action of flow.Actions) expect(messageText(action)).not.toContain(marker);
  });

  it('uses the documented placeholders for the queue and the customer queue flow', () => {
    const [setQueue] = flow.Actions.filter((action) => action.Type === 'UpdateContactTargetQueue');
    const [setHook] = flow.Actions.filter((action) => action.Type === 'UpdateContactEventHooks');
    expect(setQueue!.Parameters).toEqual({ QueueId: QUEUE_ARN_PLACEHOLDER });
    expect(setHook!.Parameters).toEqual({ EventHooks: { CustomerQueue: QUEUE_FLOW_ARN_PLACEHOLDER } });
  });

  it('tells the customer and disconnects when the queue is full or the transfer fails', () => {
    const transfer = flow.Actions.find((action) => action.Type === 'TransferContactToQueue')!;
    const errors = transfer.Transitions.Errors!.map((error) => error.ErrorType).sort();
    expect(errors).toEqual(['NoMatchingError', 'QueueAtCapacity']);
    const apology = byId(flow).get(transfer.Transitions.Errors![0]!.NextAction)!;
    expect(apology.Type).toBe('MessageParticipant');
    expect(byId(flow).get(apology.Transitions.NextAction!)!.Type).toBe('DisconnectParticipant');
  });
});

describe('the customer queue flow', () => {
  const flow = FLOWS.customerQueue;
  const { instances } = read<InstancesFile>('config/instances.json');
  const helpFaqBot = instances.find((instance) => instance.public.name === 'help_faq_bot')!;

  it('starts with a SYSTEM message that begins with help_faq_bot’s queue marker, as the emulator sends it', () => {
    const marker = helpFaqBot.public.queueMarker ?? '[queued]';
    const first = byId(flow).get(flow.StartAction)!;
    expect(first.Type).toBe('MessageParticipant');
    expect(messageText(first).startsWith(marker)).toBe(true);
    expect(messageText(first)).toBe(queueMessage(marker));
    expect(flow.Metadata?.type).toBe('customerQueue');
  });

  it('loops: after each wait it sends a reminder and waits again, until an agent accepts', () => {
    const path = mainPath(flow);
    expect(path.map((action) => action.Type)).toEqual(['MessageParticipant', 'Wait', 'MessageParticipant', 'Wait']);
    const lastWait = path[3]!;
    expect(lastWait.Transitions.NextAction).toBe(path[2]!.Identifier);
    for (const wait of [path[1]!, lastWait]) {
      expect(Number(wait.Parameters.TimeLimitSeconds)).toBeGreaterThan(0);
      expect(wait.Transitions.Conditions).toEqual([
        { NextAction: wait.Transitions.NextAction, Condition: { Operator: 'Equals', Operands: ['WaitCompleted'] } },
      ]);
    }
  });
});
