import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../../src/server/emulator/emulator';
import type { ChatItem, ContactSummary } from '../../../../src/server/emulator/emulator.types';
import { call, connectedCustomer, JSON_HEADERS, participant, SIGNED, startChat, startTestEmulator, INSTANCE } from './emulator-fixture';

const E = 'application/vnd.amazonaws.connect.event.';

describe('persistent chat (StartChatContact with PersistentChat)', () => {
  let emulator: RunningEmulator;
  let url: string;
  beforeAll(async () => {
    emulator = await startTestEmulator();
    url = emulator.url;
  });
  afterAll(() => emulator?.close());

  const control = <T = ContactSummary>(path: string, method: 'GET' | 'POST' = 'POST', body?: unknown) =>
    call<T>(`${url}/emulator${path}`, { method, headers: JSON_HEADERS, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const put = (body: Record<string, unknown>) =>
    call<{ ContactId?: string; ContinuedFromContactId?: string; Message?: string }>(`${url}/contact/chat`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...SIGNED },
      body: JSON.stringify({ InstanceId: INSTANCE.connect.instanceId, ContactFlowId: INSTANCE.connect.contactFlowId, ParticipantDetails: { DisplayName: 'Zoe' }, ...body }),
    });
  const persistent = (RehydrationType: string, SourceContactId: string) => ({ PersistentChat: { RehydrationType, SourceContactId } });

  /** A chat in which the customer and Ana each said `words`, then ended. */
  async function endedChat(words: string, start: Record<string, unknown> = {}): Promise<string> {
    const { contact, connectionToken, socket } = await connectedCustomer(url, start);
    await participant(url, 'message', connectionToken, { ContentType: 'text/plain', Content: `Customer: ${words}` });
    await control(`/contacts/${contact.ContactId}/agent/join`, 'POST', { name: 'Ana' });
    await control(`/contacts/${contact.ContactId}/agent/message`, 'POST', { text: `Ana: ${words}` });
    await control(`/contacts/${contact.ContactId}/end`);
    socket.close();
    return contact.ContactId;
  }

  async function transcriptOf(start: Record<string, unknown>) {
    const { contact, connectionToken, socket } = await connectedCustomer(url, start);
    await socket.waitForItem((item) => item.ContentType === `${E}chat.rehydrated`);
    const page = await participant<{ InitialContactId: string; Transcript: ChatItem[] }>(url, 'transcript', connectionToken, { MaxResults: 100, SortOrder: 'ASCENDING' });
    socket.close();
    return { contactId: contact.ContactId, ...page.body };
  }

  it('continues an ended session: ContinuedFromContactId, the past items (RelatedContactId) then the new ones, chat.rehydrated, sourceContactId on the control API', async () => {
    const first = await endedChat('my order is late');
    const answer = await put(persistent('ENTIRE_PAST_SESSION', first));
    expect(answer.status).toBe(200);
    expect(answer.body.ContinuedFromContactId).toBe(first);
    const summary = (await control(`/contacts/${answer.body.ContactId}`, 'GET')).body;
    expect(summary).toMatchObject({ sourceContactId: first, continuedFromContactId: first, initialContactId: first });

    const next = await transcriptOf(persistent('ENTIRE_PAST_SESSION', first));
    const past = next.Transcript.filter((item) => item.RelatedContactId === first);
    expect(past.map((item) => item.Content).filter(Boolean)).toEqual(expect.arrayContaining(['Customer: my order is late', 'Ana: my order is late']));
    expect(past.every((item) => item.ContactId === undefined)).toBe(true);
    const current = next.Transcript.filter((item) => item.ContactId === next.contactId);
    expect(current.map((item) => item.ContentType)).toContain(`${E}chat.rehydrated`);
    expect(next.Transcript.indexOf(past.at(-1)!)).toBeLessThan(next.Transcript.indexOf(current[0]!));
    expect(next.InitialContactId).toBe(first);
  });

  it('ENTIRE_PAST_SESSION continues the session\'s most recently ended contact, with everything before it; FROM_SEGMENT exactly the one named', async () => {
    const first = await endedChat('first visit');
    const second = await endedChat('second visit', persistent('ENTIRE_PAST_SESSION', first));
    const third = await put(persistent('ENTIRE_PAST_SESSION', first));
    expect(third.body.ContinuedFromContactId).toBe(second);
    const transcript = await transcriptOf(persistent('ENTIRE_PAST_SESSION', first));
    const said = transcript.Transcript.map((item) => item.Content).filter((text) => text?.includes('visit'));
    expect(said).toEqual(['Customer: first visit', 'Ana: first visit', 'Customer: second visit', 'Ana: second visit']);
    expect(transcript.Transcript.filter((item) => item.Content === 'Customer: first visit')[0]?.RelatedContactId).toBe(first);
    expect(transcript.Transcript.filter((item) => item.Content === 'Customer: second visit')[0]?.RelatedContactId).toBe(second);

    const segment = await put(persistent('FROM_SEGMENT', first));
    expect(segment.body.ContinuedFromContactId).toBe(first);
  });

  it('refuses what Amazon Connect refuses', async () => {
    const ended = await endedChat('bye');
    const later = await endedChat('again', persistent('ENTIRE_PAST_SESSION', ended));
    const running = await startChat(url);
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [persistent('ENTIRE_PAST_SESSION', '00000000-0000-4000-8000-000000000000'), 404, 'ResourceNotFoundException'],
      [persistent('FROM_SEGMENT', running.ContactId), 400, 'InvalidRequestException'],
      [persistent('ENTIRE_PAST_SESSION', running.ContactId), 400, 'InvalidRequestException'],
      [persistent('ENTIRE_PAST_SESSION', later), 400, 'InvalidRequestException'], // not the session's initial contact
      [{ ...persistent('ENTIRE_PAST_SESSION', ended), RelatedContactId: ended }, 400, 'InvalidRequestException'],
      [persistent('SOME_OF_IT', ended), 400, 'InvalidParameterException'],
      [persistent('FROM_SEGMENT', ''), 400, 'InvalidParameterException'],
      [{ PersistentChat: 'yes' }, 400, 'InvalidParameterException'],
    ];
    for (const [body, status, type] of cases) {
      const answer = await put(body);
      expect([answer.status, answer.headers.get('x-amzn-errortype')], JSON.stringify(body)).toEqual([status, type]);
      expect(answer.body.Message).toEqual(expect.any(String));
    }
  });
});
