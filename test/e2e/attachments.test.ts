import { describe, expect, it } from 'vitest';
import { openAgentChat } from './models/agent-chat';
import { useStack } from './support/stack';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const pdf = (name: string, bytes = 64) => ({ name, mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(bytes)]) });

describe('attachments: built bundle + chatjs in Chromium against the emulator', () => {
  const stack = useStack();

  const agentChat = () => openAgentChat(stack);

  const customerFile = (name: string) => (item: { ParticipantRole?: string; Attachments?: Array<{ AttachmentName: string }> }) =>
    item.ParticipantRole === 'CUSTOMER' && item.Attachments?.some((file) => file.AttachmentName === name) === true;

  it("uploads a PDF the customer attaches: the emulator's transcript has it, the panel shows its echo", async () => {
    const { chat, contactId } = await agentChat();
    await chat.attach([pdf('report.pdf')]);
    const item = await stack.control.waitForItem(contactId, customerFile('report.pdf'));
    expect(item.Attachments?.[0]).toMatchObject({ AttachmentName: 'report.pdf', ContentType: 'application/pdf', AttachmentSizeInBytes: 73 });
    await chat.waitForPanelMessage('report.pdf');
    expect(chat.pageErrors).toEqual([]);
  });

  it('shows the upload going: a bar while the bytes go, then "Checking…" until Amazon Connect has the file', async () => {
    const { chat, contactId } = await agentChat();
    // CompleteAttachmentUpload held for a while: the bytes are up but the file is not yet Amazon Connect's.
    await chat.delayCalls('/participant/complete-attachment-upload', 1_500);
    await chat.attach([pdf('big.pdf', 2 * 1024 * 1024)]);
    // Only an upload that reports its progress gets past 0 before it completes.
    await chat.waitForFileStatus('big.pdf', 'Checking…');
    await stack.control.waitForItem(contactId, customerFile('big.pdf'));
    await chat.waitForPanelMessage('big.pdf');
  });

  it('refuses a type or a size Amazon Connect does not take, with the reason, and uploads nothing of them', async () => {
    const { chat, contactId } = await agentChat();
    await chat.attach([{ name: 'setup.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') }]);
    await chat.waitForNotice("setup.exe can't be sent: only CSV, DOC,");
    await chat.attach([pdf('huge.pdf', 20 * 1024 * 1024)]);
    await chat.waitForNotice("huge.pdf can't be sent: files can be at most 20 MB.");
    // Sentinel: a later allowed file does arrive, so the refused ones had their chance to.
    await chat.attach([pdf('after.pdf')]);
    await stack.control.waitForItem(contactId, customerFile('after.pdf'));
    const names = (await stack.control.transcript(contactId)).flatMap((entry) => entry.Attachments?.map((file) => file.AttachmentName) ?? []);
    expect(names).toEqual(['after.pdf']);
    expect(chat.callsTo('/participant/start-attachment-upload')).toBe(1);
  });

  it("shows an agent's image as a thumbnail, and fetches a fresh URL each time it is opened", async () => {
    const { chat, contactId } = await agentChat();
    await stack.control.sendFile(contactId, { name: 'shot.png', contentType: 'image/png', data: PNG });
    await chat.thumbnail('shot.png').waitFor();
    const before = chat.callsTo('/participant/attachment');
    expect(before).toBeGreaterThanOrEqual(1);
    const firstDownload = chat.page.waitForEvent('download');
    await chat.openFile('shot.png');
    expect((await firstDownload).suggestedFilename()).toBe('shot.png');
    expect(chat.callsTo('/participant/attachment')).toBe(before + 1);
    const secondDownload = chat.page.waitForEvent('download');
    await chat.openFile('shot.png');
    await secondDownload;
    expect(chat.callsTo('/participant/attachment')).toBe(before + 2);
  });
});
