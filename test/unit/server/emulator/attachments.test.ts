import { afterEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../../src/server/emulator/emulator';
import type { ChatItem } from '../../../../src/server/emulator/emulator.types';
import { call, connectedCustomer, JSON_HEADERS, participant, startTestEmulator } from './emulator-fixture';

interface Started {
  AttachmentId: string;
  UploadMetadata: { Url: string; UrlExpiry: string; HeadersToInclude: Record<string, string> };
}

const FILE = Buffer.from('order 1234, invoice attached\n');

describe('attachments through the Participant Service and the presigned bucket', () => {
  let emulator: RunningEmulator | undefined;
  let clock = Date.parse('2026-01-01T10:00:00Z');
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });

  async function customer(options: Parameters<typeof startTestEmulator>[0] = {}) {
    clock = Date.parse('2026-01-01T10:00:00Z');
    emulator = await startTestEmulator({ now: () => clock, ...options });
    const connected = await connectedCustomer(emulator.url);
    const start = (body: Record<string, unknown>) =>
      participant<Started>(emulator!.url, 'start-attachment-upload', connected.connectionToken, { ClientToken: 'c1', ...body });
    return { ...connected, url: emulator.url, start };
  }

  const NOTE = { ContentType: 'text/plain', AttachmentName: 'note.txt', AttachmentSizeInBytes: FILE.length };

  const put = (started: Started, body: Buffer | string = FILE, headers = started.UploadMetadata.HeadersToInclude) =>
    fetch(started.UploadMetadata.Url, { method: 'PUT', headers, body: typeof body === 'string' ? body : new Uint8Array(body) });

  it('uploads, completes, pushes the ATTACHMENT item as Amazon Connect does, and serves it back through GetAttachment', async () => {
    const { url, start, connectionToken, socket, contact } = await customer();
    const started = (await start(NOTE)).body;
    expect(started.UploadMetadata.HeadersToInclude['Content-Type']).toBe('text/plain');
    expect(Object.keys(started.UploadMetadata.HeadersToInclude)).toHaveLength(2);
    expect(Date.parse(started.UploadMetadata.UrlExpiry)).toBeGreaterThan(clock);
    expect((await put(started)).status).toBe(200);

    const completed = await participant(url, 'complete-attachment-upload', connectionToken, { AttachmentIds: [started.AttachmentId], ClientToken: 'done-1' });
    expect(completed).toMatchObject({ status: 200, body: {} });
    const item = await socket.waitForItem((candidate) => candidate.Type === 'ATTACHMENT');
    expect(item).toEqual({
      Id: expect.any(String),
      AbsoluteTime: expect.any(String),
      Type: 'ATTACHMENT',
      Attachments: [{ AttachmentId: started.AttachmentId, AttachmentName: 'note.txt', ContentType: 'text/plain', Status: 'APPROVED' }],
      ParticipantId: contact.ParticipantId,
      DisplayName: 'Zoe',
      ParticipantRole: 'CUSTOMER',
      InitialContactId: contact.ContactId,
      ContactId: contact.ContactId,
    });
    const transcript = await participant<{ Transcript: ChatItem[] }>(url, 'transcript', connectionToken, { MaxResults: 100 });
    expect(transcript.body.Transcript).toContainEqual(item);

    const link = await participant<{ Url: string; UrlExpiry: string; AttachmentSizeInBytes: number }>(url, 'attachment', connectionToken, { AttachmentId: started.AttachmentId });
    expect(link.body.AttachmentSizeInBytes).toBe(FILE.length);
    expect(Date.parse(link.body.UrlExpiry) - clock).toBe(60_000);
    const download = await fetch(link.body.Url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('text/plain');
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="note.txt"; filename*=UTF-8''note.txt`);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await download.arrayBuffer())).toEqual(FILE);
    socket.close();
  });

  it('answers 403 like S3 once a download URL has expired', async () => {
    const { url, start, connectionToken, socket } = await customer();
    const started = (await start(NOTE)).body;
    await put(started);
    await participant(url, 'complete-attachment-upload', connectionToken, { AttachmentIds: [started.AttachmentId], ClientToken: 'done' });
    const link = (await participant<{ Url: string }>(url, 'attachment', connectionToken, { AttachmentId: started.AttachmentId, UrlExpiryInSeconds: 5 })).body;
    clock += 4_999;
    expect((await fetch(link.Url)).status).toBe(200);
    clock += 1;
    const expired = await fetch(link.Url);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('<Code>AccessDenied</Code>');
    expect((await fetch(link.Url.replace(/X-Amz-Signature=\w+/, 'X-Amz-Signature=forged'))).status).toBe(403);
    socket.close();
  });

  it.each([
    ['a missing signed header', (s: Started) => ({ 'Content-Type': s.UploadMetadata.HeadersToInclude['Content-Type']! }), FILE, 403],
    ['another Content-Type', (s: Started) => ({ ...s.UploadMetadata.HeadersToInclude, 'Content-Type': 'text/html' }), FILE, 403],
    ['a wrong upload token', (s: Started) => ({ ...s.UploadMetadata.HeadersToInclude, 'x-amz-meta-upload-token': 'nope' }), FILE, 403],
    ['more bytes than declared', (s: Started) => s.UploadMetadata.HeadersToInclude, Buffer.concat([FILE, FILE]), 400],
    ['fewer bytes than declared', (s: Started) => s.UploadMetadata.HeadersToInclude, FILE.subarray(1), 400],
  ] as const)('refuses an upload with %s, and Complete then refuses too', async (_name, headers, body, status) => {
    const { url, start, connectionToken, socket } = await customer();
    const started = (await start(NOTE)).body;
    const answer = await put(started, body, headers(started));
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toBe('application/xml');
    const completed = await participant(url, 'complete-attachment-upload', connectionToken, { AttachmentIds: [started.AttachmentId], ClientToken: 'x' });
    expect(completed.status).toBe(400);
    expect(completed.headers.get('x-amzn-errortype')).toBe('ValidationException');
    socket.close();
  });

  it('refuses an upload after its URL expired', async () => {
    const { start, socket } = await customer({ attachments: { uploadTtlMs: 1000 } });
    const started = (await start(NOTE)).body;
    clock += 1000;
    const answer = await put(started);
    expect(answer.status).toBe(403);
    expect(await answer.text()).toContain('Request has expired');
    socket.close();
  });

  it.each([
    ['a type Amazon Connect does not take', { ContentType: 'text/html', AttachmentName: 'page.html', AttachmentSizeInBytes: 10 }],
    ['an executable', { ContentType: 'application/octet-stream', AttachmentName: 'setup.exe', AttachmentSizeInBytes: 10 }],
    ['a type that does not match the name', { ContentType: 'image/png', AttachmentName: 'note.txt', AttachmentSizeInBytes: 10 }],
    ['an empty file', { ...NOTE, AttachmentSizeInBytes: 0 }],
    ['a file over 20 MB', { ContentType: 'application/pdf', AttachmentName: 'big.pdf', AttachmentSizeInBytes: 20 * 1024 * 1024 + 1 }],
    ['a name of 257 characters', { ...NOTE, AttachmentName: `${'n'.repeat(253)}.txt` }],
    ['no name', { ContentType: 'text/plain', AttachmentSizeInBytes: 10 }],
    ['no content type', { AttachmentName: 'note.txt', AttachmentSizeInBytes: 10 }],
  ])('refuses to start %s with a ValidationException', async (_name, body) => {
    const { start, socket } = await customer();
    const answer = await start(body);
    expect(answer.status).toBe(400);
    expect(answer.headers.get('x-amzn-errortype')).toBe('ValidationException');
    socket.close();
  });

  it('takes each allowed type, whatever the case of the extension', async () => {
    const { start, socket } = await customer({ attachments: { quotaPerContact: 100 } });
    for (const [name, type] of [['a.PDF', 'application/pdf'], ['b.jpg', 'image/jpeg'], ['c.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'], ['d.csv', 'text/csv'], ['e.mov', 'video/quicktime'], ['f.heic', 'image/heic']]) {
      expect((await start({ ContentType: type, AttachmentName: name, AttachmentSizeInBytes: 1 })).status).toBe(200);
    }
    socket.close();
  });

  it('answers ServiceQuotaExceededException past the per-contact quota', async () => {
    const { start, socket } = await customer({ attachments: { quotaPerContact: 2 } });
    expect((await start(NOTE)).status).toBe(200);
    expect((await start(NOTE)).status).toBe(200);
    const third = await start(NOTE);
    expect(third.status).toBe(402);
    expect(third.headers.get('x-amzn-errortype')).toBe('ServiceQuotaExceededException');
    socket.close();
  });

  it('completes once: the same ClientToken again is a no-op, another one a ConflictException', async () => {
    const { url, start, connectionToken, socket } = await customer();
    const started = (await start(NOTE)).body;
    await put(started);
    const complete = (token: string) => participant(url, 'complete-attachment-upload', connectionToken, { AttachmentIds: [started.AttachmentId], ClientToken: token });
    expect((await complete('t1')).status).toBe(200);
    expect((await complete('t1')).status).toBe(200);
    const conflict = await complete('t2');
    expect(conflict.status).toBe(409);
    expect(conflict.headers.get('x-amzn-errortype')).toBe('ConflictException');
    await socket.waitForItem((item) => item.Type === 'ATTACHMENT');
    expect(socket.items().filter((item) => item.Type === 'ATTACHMENT')).toHaveLength(1);
    expect((await put(started)).status).toBe(403); // the URL is spent
    socket.close();
  });

  it("keeps one contact's attachments from another's participant", async () => {
    const { url, start, socket } = await customer();
    const started = (await start(NOTE)).body;
    await put(started);
    const other = await connectedCustomer(url);
    const answer = await participant(url, 'complete-attachment-upload', other.connectionToken, { AttachmentIds: [started.AttachmentId], ClientToken: 't' });
    expect(answer.status).toBe(404);
    expect((await participant(url, 'attachment', other.connectionToken, { AttachmentId: started.AttachmentId })).status).toBe(404);
    socket.close();
    other.socket.close();
  });

  it('answers the preflight a browser on another origin sends before the PUT', async () => {
    const { start, socket } = await customer();
    const started = (await start(NOTE)).body;
    const preflight = await fetch(started.UploadMetadata.Url, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:1', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type,x-amz-meta-upload-token' },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('x-amz-meta-upload-token');
    socket.close();
  });

  it('lets the control API send the customer a file from the agent, and shows sizes in its transcript', async () => {
    const { url, socket, contact, connectionToken } = await customer();
    await call(`${url}/emulator/contacts/${contact.ContactId}/agent/join`, { method: 'POST', headers: JSON_HEADERS, body: '{"name":"Ana"}' });
    const sent = await call<{ attachmentId: string; messageId: string }>(`${url}/emulator/contacts/${contact.ContactId}/agent/attachment`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ name: 'label.pdf', contentType: 'application/pdf', data: FILE.toString('base64') }),
    });
    expect(sent.status).toBe(200);
    const item = await socket.waitForItem((candidate) => candidate.Type === 'ATTACHMENT');
    expect(item).toMatchObject({ Id: sent.body.messageId, ParticipantRole: 'AGENT', DisplayName: 'Ana', Attachments: [{ AttachmentId: sent.body.attachmentId, AttachmentName: 'label.pdf', ContentType: 'application/pdf', Status: 'APPROVED' }] });
    const link = (await participant<{ Url: string }>(url, 'attachment', connectionToken, { AttachmentId: sent.body.attachmentId })).body;
    expect(Buffer.from(await (await fetch(link.Url)).arrayBuffer())).toEqual(FILE);
    const transcript = (await call<ChatItem[]>(`${url}/emulator/contacts/${contact.ContactId}/transcript`)).body;
    expect(transcript.find((entry) => entry.Id === item.Id)?.Attachments?.[0]).toMatchObject({ AttachmentSizeInBytes: FILE.length });
    const file = await fetch(`${url}/emulator/contacts/${contact.ContactId}/attachments/${sent.body.attachmentId}`);
    expect(file.headers.get('content-disposition')).toContain('attachment;');
    expect(Buffer.from(await file.arrayBuffer())).toEqual(FILE);
    socket.close();
  });

  it.each([
    [{ name: 'x.exe', contentType: 'application/octet-stream', data: 'AAAA' }, 400],
    [{ name: 'x.txt', contentType: 'text/plain', data: 'not base64!' }, 400],
    [{ name: 'x.txt', contentType: 'text/plain' }, 400],
    [{ contentType: 'text/plain', data: 'AAAA' }, 400],
    [{ name: 'x.txt', contentType: 'text/plain', data: 'AAAA', as: 'robot' }, 400],
    [{ name: 'x.txt', contentType: 'text/plain', data: 'AAAA' }, 409], // no agent on
  ])('refuses the agent attachment %j', async (body, status) => {
    const { url, socket, contact } = await customer();
    const answer = await call(`${url}/emulator/contacts/${contact.ContactId}/agent/attachment`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(body) });
    expect(answer.status).toBe(status);
    socket.close();
  });
});
