import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../../src/server/emulator/emulator';
import { call, INSTANCE, SIGNED, startTestEmulator } from './emulator-fixture';

describe('StartChatContact (PUT /contact/chat)', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator();
  });
  afterAll(() => emulator?.close());

  const put = (body: unknown, headers: Record<string, string> = SIGNED) =>
    call<{ Message?: string }>(`${emulator.url}/contact/chat`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const valid = {
    InstanceId: INSTANCE.connect.instanceId,
    ContactFlowId: INSTANCE.connect.contactFlowId,
    ParticipantDetails: { DisplayName: 'Zoe' },
  };

  it('accepts the instance ARN as InstanceId', async () => {
    const answer = await put({ ...valid, InstanceId: `arn:aws:connect:ap-southeast-2:123456789012:instance/${INSTANCE.connect.instanceId}` });
    expect(answer.status).toBe(200);
  });

  it.each([
    ['no InstanceId', { ...valid, InstanceId: undefined }, 400, 'InvalidRequestException'],
    ['no ContactFlowId', { ...valid, ContactFlowId: undefined }, 400, 'InvalidRequestException'],
    ['no ParticipantDetails', { ...valid, ParticipantDetails: undefined }, 400, 'InvalidRequestException'],
    ['no DisplayName', { ...valid, ParticipantDetails: {} }, 400, 'InvalidRequestException'],
    ['a blank DisplayName', { ...valid, ParticipantDetails: { DisplayName: '  ' } }, 400, 'InvalidParameterException'],
    ['a DisplayName of 257 characters', { ...valid, ParticipantDetails: { DisplayName: 'x'.repeat(257) } }, 400, 'InvalidParameterException'],
    ['a malformed InstanceId', { ...valid, InstanceId: 'my-instance' }, 400, 'InvalidParameterException'],
    ['an unknown InstanceId', { ...valid, InstanceId: '00000000-0000-4000-8000-000000000000' }, 404, 'ResourceNotFoundException'],
    ['an unknown ContactFlowId', { ...valid, ContactFlowId: '00000000-0000-4000-8000-000000000000' }, 404, 'ResourceNotFoundException'],
    ['a non-string attribute', { ...valid, Attributes: { topic: 1 } }, 400, 'InvalidParameterException'],
    ['a too short chat', { ...valid, ChatDurationInMinutes: 5 }, 400, 'InvalidParameterException'],
    ['content types without text/plain', { ...valid, SupportedMessagingContentTypes: ['text/markdown'] }, 400, 'InvalidParameterException'],
    ['a bad InitialMessage', { ...valid, InitialMessage: { ContentType: 'text/html', Content: 'x' } }, 400, 'InvalidParameterException'],
    ['malformed JSON', '{"InstanceId":', 400, 'SerializationException'],
  ])('refuses %s like Amazon Connect', async (_case, body, status, type) => {
    const answer = await put(body);
    expect(answer.status).toBe(status);
    expect(answer.headers.get('x-amzn-errortype')).toBe(type);
    expect(answer.body.Message).toEqual(expect.any(String));
  });

  it('records ChatDurationInMinutes on the contact, Amazon Connect\'s 25 h when none is given', async () => {
    const durationOf = async (body: object) => {
      const answer = await put(body);
      const { ContactId } = answer.body as { ContactId?: string };
      const summary = await call<{ chatDurationInMinutes: number }>(`${emulator.url}/emulator/contacts/${ContactId}`);
      return summary.body.chatDurationInMinutes;
    };
    expect(await durationOf({ ...valid, ChatDurationInMinutes: 4320 })).toBe(4320);
    expect(await durationOf(valid)).toBe(1500);
  });

  it('refuses an unsigned request', async () => {
    const answer = await put(valid, {});
    expect(answer.status).toBe(403);
    expect(answer.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
  });
});
