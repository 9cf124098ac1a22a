import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstanceDefinition } from '../../../../src/browser/config/instance-config.types';
import { createConnectClient } from '../../../../src/server/backend/connect-client';
import { createStartChatService } from '../../../../src/server/backend/start-chat.service';
import type { RunningEmulator } from '../../../../src/server/emulator/emulator';
import type { TaskSummary } from '../../../../src/server/emulator/task-contacts';
import { testInstance } from '../../../fixtures/instance';
import { call, INSTANCE, SIGNED, startTestEmulator } from './emulator-fixture';

const TASK_FLOW = '5d2a8f16-3b7c-4e91-a6d0-9c4e2f7b1a38';
const HOURS: InstanceDefinition = testInstance({
  public: { name: 'support_hours', region: 'ap-southeast-2', offHours: { leaveMessage: true } },
  connect: { ...INSTANCE.connect, contactFlowId: '2b9e6a41-8c3d-4f57-b0e2-6d4a1c8f5e74', taskFlowId: TASK_FLOW },
  allowedOrigins: ['https://www.example.com'],
});

describe('StartTaskContact (PUT /contact/task)', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator({ instances: [INSTANCE, HOURS] });
  });
  afterAll(() => emulator?.close());

  const put = (body: unknown, headers: Record<string, string> = SIGNED) =>
    call<{ ContactId?: string; Message?: string }>(`${emulator.url}/contact/task`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const tasks = async () => (await call<TaskSummary[]>(`${emulator.url}/emulator/tasks`)).body;
  const valid = { InstanceId: HOURS.connect.instanceId, ContactFlowId: TASK_FLOW, Name: 'Web message from Dana' };

  it('files a task on the instance task flow and shows it at GET /emulator/tasks', async () => {
    const answer = await put({ ...valid, Description: 'Call me', Attributes: { email: 'dana@example.com' } });
    expect(answer.status).toBe(200);
    expect(answer.body.ContactId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await tasks()).toContainEqual(
      expect.objectContaining({
        contactId: answer.body.ContactId,
        instance: 'support_hours',
        contactFlowId: TASK_FLOW,
        name: 'Web message from Dana',
        description: 'Call me',
        attributes: { email: 'dana@example.com' },
      }),
    );
  });

  it('files one task for a repeated ClientToken', async () => {
    const first = await put({ ...valid, ClientToken: 'same-token' });
    const again = await put({ ...valid, ClientToken: 'same-token' });
    expect(again.body.ContactId).toBe(first.body.ContactId);
    expect((await tasks()).filter((task) => task.contactId === first.body.ContactId)).toHaveLength(1);
  });

  it.each([
    ['no InstanceId', { ...valid, InstanceId: undefined }, 400, 'InvalidRequestException'],
    ['no ContactFlowId', { ...valid, ContactFlowId: undefined }, 400, 'InvalidRequestException'],
    ['no Name', { ...valid, Name: undefined }, 400, 'InvalidRequestException'],
    ['a Name of 513 characters', { ...valid, Name: 'x'.repeat(513) }, 400, 'InvalidParameterException'],
    ['a Description of 4097 characters', { ...valid, Description: 'x'.repeat(4097) }, 400, 'InvalidParameterException'],
    ['a non-string attribute', { ...valid, Attributes: { phone: 1 } }, 400, 'InvalidParameterException'],
    ['an unknown InstanceId', { ...valid, InstanceId: '00000000-0000-4000-8000-000000000000' }, 404, 'ResourceNotFoundException'],
    ['the chat flow as the task flow', { ...valid, ContactFlowId: HOURS.connect.contactFlowId }, 404, 'ResourceNotFoundException'],
    ['an unsigned request', valid, 403, 'MissingAuthenticationTokenException'],
  ])('refuses %s like Amazon Connect, filing nothing', async (name, body, status, type) => {
    const before = (await tasks()).length;
    const answer = await put(body, name === 'an unsigned request' ? {} : SIGNED);
    expect(answer.status).toBe(status);
    expect(answer.headers.get('x-amzn-errortype')).toBe(type);
    expect((await tasks()).length).toBe(before);
  });

  it('answers GET only at /emulator/tasks', async () => {
    const answer = await call(`${emulator.url}/emulator/tasks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(answer.status).toBe(405);
  });

  it('takes the backend message through the real SDK: POST /api/messages becomes a task', async () => {
    const service = createStartChatService({
      instances: [HOURS],
      connectClient: createConnectClient('ap-southeast-2', { endpoint: emulator.url, maxAttempts: 1 }),
      rateLimit: false,
    });
    const response = await service.handle({
      method: 'POST',
      path: '/api/messages',
      headers: { origin: 'https://www.example.com', 'content-type': 'application/json' },
      body: JSON.stringify({ instance: 'support_hours', name: 'Dana Demo', phone: '+61 2 5550 1234', message: 'Ring me back' }),
      sourceIp: '127.0.0.1',
    });
    expect(response.status).toBe(200);
    const { contactId } = JSON.parse(response.body) as { contactId: string };
    expect(await tasks()).toContainEqual(
      expect.objectContaining({
        contactId,
        name: 'Web message from Dana Demo',
        description: 'Ring me back\n\nDana Demo\nPhone: +61 2 5550 1234',
        attributes: { customerName: 'Dana Demo', email: '', phone: '+61 2 5550 1234' },
      }),
    );
  });
});
