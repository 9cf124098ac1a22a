import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAttachmentFiles } from '../../../../src/browser/runtime/attachment-files';
import type { TranscriptItem } from '../../../../src/browser/connect/transcript-item';

function setup() {
  const clicked: Array<{ href: string; download: string }> = [];
  const doc = { createElement: () => ({ href: '', download: '', rel: '', click() { clicked.push({ href: this.href, download: this.download }); } }) };
  const win = { document: doc } as unknown as Window;
  let made = 0;
  const revoked: string[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation(() => `blob:${++made}`);
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => void revoked.push(url));
  const session = { downloadAttachment: vi.fn(async () => new Blob(['x'])) };
  const thumbnails: Array<[string, string]> = [];
  const onOpenFailed = vi.fn();
  const files = createAttachmentFiles({
    window: win,
    session: () => session,
    onThumbnail: (id, url) => thumbnails.push([id, url]),
    onOpenFailed,
    report: vi.fn(),
  });
  return { files, session, thumbnails, revoked, clicked, onOpenFailed };
}

const fileItem = (contentType: string, status = 'APPROVED'): TranscriptItem =>
  ({
    Id: 'i1',
    AbsoluteTime: '2026-11-25T10:00:00Z',
    Type: 'ATTACHMENT',
    ContentType: contentType,
    ParticipantRole: 'AGENT',
    Attachments: [{ AttachmentId: 'a1', AttachmentName: 'shot', ContentType: contentType, Status: status }],
  }) as TranscriptItem;

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('attachment files', () => {
  afterEach(() => vi.restoreAllMocks());

  it("fetches a thumbnail for an agent's approved image once, and none for other files or the customer's own", async () => {
    const { files, session, thumbnails } = setup();
    files.arrived(fileItem('image/png'), false);
    files.arrived(fileItem('image/png'), false);
    files.arrived(fileItem('application/pdf'), false);
    files.arrived(fileItem('image/png', 'IN_PROGRESS'), false);
    files.arrived(fileItem('image/jpeg'), true);
    await flush();
    expect(session.downloadAttachment).toHaveBeenCalledTimes(1);
    expect(thumbnails).toEqual([['a1', 'blob:1']]);
  });

  it('downloads afresh every time a file is opened, and revokes every object URL on destroy', async () => {
    const { files, session, clicked, revoked } = setup();
    const file = { id: 'a1', name: 'report.pdf', contentType: 'application/pdf', status: 'APPROVED' as const };
    await files.open(file);
    await files.open(file);
    expect(session.downloadAttachment).toHaveBeenCalledTimes(2);
    expect(clicked).toEqual([
      { href: 'blob:1', download: 'report.pdf' },
      { href: 'blob:2', download: 'report.pdf' },
    ]);
    files.destroy();
    expect(revoked.sort()).toEqual(['blob:1', 'blob:2']);
  });

  it('says so when a file cannot be opened (rejected by the scan, or the download fails)', async () => {
    const { files, session, onOpenFailed } = setup();
    await files.open({ id: 'a1', name: 'x.pdf', contentType: 'application/pdf', status: 'REJECTED' });
    session.downloadAttachment.mockRejectedValueOnce(new Error('expired'));
    await files.open({ id: 'a1', name: 'x.pdf', contentType: 'application/pdf', status: 'APPROVED' });
    expect(onOpenFailed).toHaveBeenCalledTimes(2);
  });
});
