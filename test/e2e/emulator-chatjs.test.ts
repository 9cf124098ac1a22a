import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnectClientFactory } from '../../src/server/backend/connect-client';
import { loadInstancesFile } from '../../src/server/backend/instances-file';
import { createNodeHttpHandler } from '../../src/server/backend/node-http.adapter';
import { createStartChatService } from '../../src/server/backend/start-chat.service';
import { startEmulator, type RunningEmulator } from '../../src/server/emulator/emulator';
import { EmulatorControl } from './models/emulator-control';
import { AgentConsolePage } from './support/agent-console-page';
import { launchChromium } from './support/browser';
import { ChatjsPage, serveChatjsHarness, type HarnessServer } from './support/chatjs-harness';

const EVENT = 'application/vnd.amazonaws.connect.event.';

describe('the real chatjs in Chromium against the emulator', () => {
  let browser: Browser;
  let emulator: RunningEmulator;
  let site: HarnessServer;
  let control: EmulatorControl;

  beforeAll(async () => {
    const { instances } = await loadInstancesFile('config/instances.json');
    emulator = await startEmulator({ instances, autopilot: false });
    control = new EmulatorControl(emulator.url);
    let siteOrigin = '';
    const service = createStartChatService({
      instances,
      connectClientFactory: createConnectClientFactory({ endpoint: emulator.url }),
      participantEndpoint: emulator.url,
      extraOrigins: () => [siteOrigin],
      rateLimit: false, // every chat of this file starts from 127.0.0.1
    });
    // The page lives on another origin than the emulator, so every Participant Service call is a CORS call.
    site = await serveChatjsHarness(createNodeHttpHandler(service));
    siteOrigin = site.url;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await emulator?.close();
  });

  async function openChat(name: string) {
    const page = new ChatjsPage(await browser.newPage());
    await page.page.goto(site.url);
    const { contactId, participantEndpoint } = await page.start(name);
    expect(participantEndpoint).toBe(emulator.url);
    await control.waitForCustomer(contactId);
    return { page, contactId };
  }

  it('connects, subscribes, hears the flow and sees its own message and typing echoed', async () => {
    const { page, contactId } = await openChat('Zoe');
    await page.waitFor((e) => e.kind === 'message' && e.role === 'SYSTEM' && e.contentType === 'text/plain');
    const sent = await page.send('Where is my order?');
    const echo = await page.waitFor((e) => e.kind === 'message' && e.role === 'CUSTOMER' && e.content === 'Where is my order?');
    expect(echo.id).toBe(sent.Id);
    await page.typing();
    await page.waitFor((e) => e.kind === 'typing' && e.role === 'CUSTOMER');

    await control.queue(contactId);
    await page.waitFor((e) => e.kind === 'message' && e.role === 'SYSTEM' && (e.content ?? '').startsWith('[queued]'));
    await control.join(contactId, 'Ana');
    await page.waitFor((e) => e.contentType === `${EVENT}participant.joined` && e.role === 'AGENT' && e.displayName === 'Ana');
    await control.typing(contactId);
    await page.waitFor((e) => e.kind === 'typing' && e.role === 'AGENT');
    await control.say(contactId, 'Hi Zoe, let me check.');
    await page.waitFor((e) => e.kind === 'message' && e.role === 'AGENT' && e.content === 'Hi Zoe, let me check.');

    const transcript = await page.transcript({ maxResults: 100, sortOrder: 'ASCENDING', scanDirection: 'BACKWARD' });
    expect(transcript.InitialContactId).toBe(contactId);
    expect(transcript.Transcript.map((item) => item.Id)).toEqual((await control.transcript(contactId)).map((item) => item.Id));
    // chatjs's defaults: the newest items first (scan BACKWARD), each page in ASCENDING order.
    const newest = await page.transcript({ maxResults: 2, sortOrder: 'ASCENDING' });
    expect(newest.Transcript.map((item) => item.ContentType)).toEqual([`${EVENT}participant.joined`, 'text/plain']);
    expect(newest.Transcript.at(-1)?.Content).toBe('Hi Zoe, let me check.');
    const older = await page.transcript({ maxResults: 2, sortOrder: 'ASCENDING', nextToken: newest.NextToken });
    expect(older.Transcript.map((item) => item.Content)).toEqual(['Where is my order?', expect.stringContaining('[queued]')]);
    await page.page.close();
  });

  it('hears a second agent join while one is on, each speak under their own name, and one leave', async () => {
    const { page, contactId } = await openChat('Ada');
    await control.join(contactId, 'Ana');
    await page.waitFor((e) => e.contentType === `${EVENT}participant.joined` && e.displayName === 'Ana');
    const sam = await control.join(contactId, 'Sam');
    expect(sam.agents.map((agent) => agent.name)).toEqual(['Ana', 'Sam']);
    await page.waitFor((e) => e.contentType === `${EVENT}participant.joined` && e.role === 'AGENT' && e.displayName === 'Sam');
    await control.say(contactId, 'Supervisor here');
    await control.say(contactId, 'And me', { name: 'Ana' });
    await control.leave(contactId, { name: 'Sam' });
    await page.waitFor((e) => e.contentType === `${EVENT}participant.left` && e.displayName === 'Sam');
    const agentLines = (await page.log())
      .filter((e) => e.kind === 'message' && e.role === 'AGENT')
      .map((e) => `${e.displayName} ${e.content ?? e.contentType?.replace(EVENT, 'E:')}`);
    expect(agentLines).toEqual(['Ana E:participant.joined', 'Sam E:participant.joined', 'Sam Supervisor here', 'Ana And me', 'Sam E:participant.left']);
    await page.page.close();
  });

  it.each([
    ['transferFirst', [`SYSTEM ${EVENT}transfer.succeeded`, `AGENT ${EVENT}participant.left`]],
    ['leftFirst', [`AGENT ${EVENT}participant.left`, `SYSTEM ${EVENT}transfer.succeeded`]],
  ] as const)('receives a transfer with order %s in that order, then the queue marker', async (order, expected) => {
    const { page, contactId } = await openChat(`Tia ${order}`);
    await control.join(contactId, 'Ana');
    await page.waitFor((e) => e.contentType === `${EVENT}participant.joined` && e.role === 'AGENT');
    const before = (await page.log()).length;
    await control.transfer(contactId, { order });
    await page.waitFor((e) => e.kind === 'message' && (e.content ?? '').startsWith('[queued]'), { after: before });
    const steps = (await page.log()).slice(before).filter((e) => e.kind === 'message').map((e) => `${e.role} ${e.contentType}`);
    expect(steps).toEqual([...expected, 'SYSTEM text/plain']);
    await page.page.close();
  });

  it('receives a transfer with no agent on (the flow moves it to another queue): transfer.succeeded, then the marker', async () => {
    const { page, contactId } = await openChat('Flo');
    await page.waitFor((e) => e.kind === 'message' && e.role === 'SYSTEM' && e.contentType === 'text/plain');
    const before = (await page.log()).length;
    await control.transfer(contactId);
    await page.waitFor((e) => e.kind === 'message' && (e.content ?? '').startsWith('[queued]'), { after: before });
    const steps = (await page.log()).slice(before).filter((e) => e.kind === 'message').map((e) => `${e.role} ${e.contentType}`);
    expect(steps).toEqual([`SYSTEM ${EVENT}transfer.succeeded`, 'SYSTEM text/plain']);
    await page.page.close();
  });

  it('receives the queue marker while an agent is still on, then the late participant.left', async () => {
    const { page, contactId } = await openChat('Max');
    await control.join(contactId, 'Ana');
    await page.waitFor((e) => e.contentType === `${EVENT}participant.joined` && e.role === 'AGENT');
    const before = (await page.log()).length;
    expect((await control.queue(contactId)).state).toBe('queued');
    await control.leave(contactId);
    await page.waitFor((e) => e.contentType === `${EVENT}participant.left` && e.role === 'AGENT', { after: before });
    const messages = (await page.log()).slice(before).filter((e) => e.kind === 'message');
    expect(messages.map((e) => `${e.role} ${e.contentType}`)).toEqual(['SYSTEM text/plain', `AGENT ${EVENT}participant.left`]);
    expect(messages[0]?.content).toMatch(/^\[queued\] /);
    expect((await control.contact(contactId))?.state).toBe('queued');
    await page.page.close();
  });

  it('recovers from a dropped socket and receives what is pushed afterwards', async () => {
    const { page, contactId } = await openChat('Kai');
    await control.join(contactId, 'Ana');
    await page.waitFor((e) => e.contentType === `${EVENT}participant.joined` && e.role === 'AGENT');
    const established = await page.count('established');

    await control.dropConnection(contactId);
    await page.waitFor((e) => e.kind === 'lost');
    await page.waitForCount('established', established + 1);
    await control.waitForCustomer(contactId);
    await control.say(contactId, 'Still there?');
    await page.waitFor((e) => e.kind === 'message' && e.content === 'Still there?');
    expect(await page.count('broken')).toBe(0);
    await page.page.close();
  });

  it('takes a 403 from the Participant Service while reconnecting as the end of the chat', async () => {
    const { page, contactId } = await openChat('Noa');
    await control.faults({ participant: { status: 403, count: 5 } });
    await control.dropConnection(contactId);
    await page.waitFor((e) => e.kind === 'ended');
    await control.faults({ participant: null });
    await page.page.close();
  });

  it('reports a broken connection when the Participant Service keeps failing with 5xx', async () => {
    const { page, contactId } = await openChat('Ora');
    await control.faults({ participant: { status: 503, forMs: 8000 } });
    await control.dropConnection(contactId);
    await page.waitFor((e) => e.kind === 'broken', { timeoutMs: 10_000 });
    await control.faults({ participant: null });
    await page.page.close();
  });

  it('ends the chat when the customer disconnects', async () => {
    const { page, contactId } = await openChat('Ivy');
    await page.disconnect();
    await page.waitFor((e) => e.kind === 'message' && e.contentType === `${EVENT}participant.left` && e.role === 'CUSTOMER');
    await page.waitFor((e) => e.contentType === `${EVENT}chat.ended`);
    await page.waitFor((e) => e.kind === 'ended');
    expect((await control.contact(contactId))?.state).toBe('ended');
    await page.page.close();
  });

  it('ends the chat when the agent ends it', async () => {
    const { page, contactId } = await openChat('Lee');
    await control.join(contactId, 'Ana');
    await control.end(contactId);
    await page.waitFor((e) => e.contentType === `${EVENT}participant.left` && e.role === 'AGENT');
    await page.waitFor((e) => e.kind === 'ended');
    await page.page.close();
  });

  it("round-trips a file through chatjs's own sendAttachment and downloadAttachment, both ways", async () => {
    const { page, contactId } = await openChat('Fay');
    await control.join(contactId, 'Ana');
    await page.sendFile('receipt.txt', 'text/plain', 'Order 42: paid');
    const sent = await page.waitFor((e) => e.kind === 'message' && e.type === 'ATTACHMENT' && e.role === 'CUSTOMER');
    expect(sent.contentType).toBeUndefined(); // as Amazon Connect sends it: the type is in Attachments
    expect(sent.attachments).toEqual([{ AttachmentId: expect.any(String), AttachmentName: 'receipt.txt', ContentType: 'text/plain', Status: 'APPROVED' }]);
    const attachmentId = sent.attachments![0]!.AttachmentId;
    expect(await page.downloadFile(attachmentId)).toEqual({ text: 'Order 42: paid', type: 'text/plain', size: 14 });
    const kept = (await control.transcript(contactId)).find((item) => item.Id === sent.id);
    expect(kept?.Attachments?.[0]).toMatchObject({ AttachmentName: 'receipt.txt', AttachmentSizeInBytes: 14 });

    const fromAgent = await control.sendFile(contactId, { name: 'label.pdf', contentType: 'application/pdf', data: '%PDF-1.4 label' });
    const received = await page.waitFor((e) => e.kind === 'message' && e.type === 'ATTACHMENT' && e.role === 'AGENT');
    expect(received.id).toBe(fromAgent.messageId);
    expect(await page.downloadFile(fromAgent.attachmentId)).toEqual({ text: '%PDF-1.4 label', type: 'application/pdf', size: 14 });
    await page.page.close();
  });

  it('fires onDeliveredReceipt when the agent receives a customer message, and onReadReceipt once the agent reads it', async () => {
    const { page, contactId } = await openChat('Rae');
    const agent = await control.join(contactId, 'Ana');
    const sent = await page.send('Did my refund go through?');
    const delivered = await page.waitFor((e) => e.kind === 'delivered' && e.messageId === sent.Id);
    expect(delivered.recipient).toBe(agent.participantId);
    expect(await page.count('read')).toBe(0);
    expect((await control.read(contactId)).read).toBe(1);
    const read = await page.waitFor((e) => e.kind === 'read' && e.messageId === sent.Id);
    expect(read.recipient).toBe(agent.participantId);
    const kept = (await control.transcript(contactId)).find((item) => item.Id === sent.Id);
    expect(kept?.MessageMetadata?.Receipts).toEqual([
      { RecipientParticipantId: agent.participantId, DeliveredTimestamp: expect.any(String), ReadTimestamp: expect.any(String) },
    ]);
    await page.page.close();
  });

  it('lets a person play the agent from the agent console', async () => {
    const { page, contactId } = await openChat('Uma <b>bold</b>');
    const agent = new AgentConsolePage(await browser.newPage());
    await agent.open(emulator.url);
    await agent.select('Uma');
    await agent.join('Robin');
    await page.waitFor((e) => e.contentType === `${EVENT}participant.joined` && e.role === 'AGENT' && e.displayName === 'Robin');
    await agent.send('Hello from the console');
    await page.waitFor((e) => e.kind === 'message' && e.role === 'AGENT' && e.content === 'Hello from the console');
    await page.send('<img src=x onerror=alert(1)>');
    await agent.page.waitForFunction(() => document.querySelector('#transcript')?.textContent?.includes('<img src=x'));
    expect(await agent.page.locator('#transcript img').count()).toBe(0);
    await agent.end();
    await page.waitFor((e) => e.kind === 'ended');
    expect((await control.contact(contactId))?.state).toBe('ended');
    expect(agent.problems).toEqual([]);
    await agent.page.close();
    await page.page.close();
  });

  it('lets the console send markdown, cards and files, and shows the customer\'s files and receipts', async () => {
    const { page, contactId } = await openChat('Ida');
    const agent = new AgentConsolePage(await browser.newPage());
    await agent.open(emulator.url);
    await agent.select('Ida');
    await agent.sendAs('bot');
    await agent.sendCard('QuickReply');
    const card = await page.waitFor((e) => e.kind === 'message' && e.contentType === 'application/vnd.amazonaws.connect.message.interactive');
    expect(card).toMatchObject({ role: 'SYSTEM', displayName: 'BOT' });
    expect(JSON.parse(card.content ?? '')).toMatchObject({ templateType: 'QuickReply', version: '1.0' });
    await agent.sendAs('agent');
    await agent.join('Robin');
    await agent.sendMarkdown('**Bold** and [a link](https://example.com)');
    await page.waitFor((e) => e.kind === 'message' && e.contentType === 'text/markdown' && e.content === '**Bold** and [a link](https://example.com)');
    for (const templateType of ['ListPicker', 'Panel', 'TimePicker', 'Carousel'] as const) {
      await agent.sendCard(templateType);
      const sent = await page.waitFor((e) => e.kind === 'message' && e.role === 'AGENT' && (e.content ?? '').includes(`"templateType":"${templateType}"`));
      expect(JSON.parse(sent.content ?? '')).toMatchObject({ templateType, version: '1.0', data: { content: expect.any(Object) } });
    }
    await agent.sendFile({ name: 'guide.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 guide') });
    const file = await page.waitFor((e) => e.kind === 'message' && e.type === 'ATTACHMENT' && e.role === 'AGENT');
    expect(await page.downloadFile(file.attachments![0]!.AttachmentId)).toMatchObject({ text: '%PDF-1.4 guide' });

    await page.sendFile('photo.png', 'image/png', 'not really a png');
    expect(await agent.waitForLine('photo.png')).toMatch(/photo\.png \(image\/png, 16 B\)Delivered$/);
    expect(await agent.fileLink('photo.png').getAttribute('href')).toMatch(new RegExp(`^/emulator/contacts/${contactId}/attachments/`));
    await page.send('Is it clear?');
    await agent.waitForLine('Is it clear?');
    await agent.markRead();
    await page.waitFor((e) => e.kind === 'read');
    expect(await agent.waitForLine('Is it clear?Read')).toContain('Ida (customer):');
    expect(agent.problems).toEqual([]);
    await agent.page.close();
    await page.page.close();
  });
});
