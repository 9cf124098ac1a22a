import { describe, expect, it } from 'vitest';
import { AttachmentRejectedError, attachmentNotice, attachmentPolicy, checkAttachment } from '../../../../src/browser/connect/attachment-check';
import { DEFAULT_UI_TEXT } from '../../../../src/browser/config/ui-text';

const file = (name: string, type: string, size = 10) => new File([new Uint8Array(size)], name, { type });

function refusal(run: () => unknown): AttachmentRejectedError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AttachmentRejectedError);
    return error as AttachmentRejectedError;
  }
  throw new Error('not refused');
}

describe('attachment check', () => {
  const pdfAndPng = attachmentPolicy({ types: ['.pdf', '.png'], maxBytes: 100 })!;

  it("offers Amazon Connect's types and 20 MB by default, nothing when switched off", () => {
    const policy = attachmentPolicy(undefined)!;
    expect(policy.maxBytes).toBe(20 * 1024 * 1024);
    expect(policy.types).toContain('.docx');
    expect(policy.accept.split(',')).toEqual(expect.arrayContaining(['.pdf', 'application/pdf', '.png', 'image/png']));
    expect(attachmentPolicy({ enabled: false })).toBeUndefined();
  });

  it('passes an allowed file as it is', () => {
    const pdf = file('Report.PDF', 'application/pdf');
    expect(checkAttachment(pdf, pdfAndPng)).toBe(pdf);
  });

  it('gives a file the browser could not type its extension’s MIME type', () => {
    const checked = checkAttachment(file('shot.png', ''), pdfAndPng);
    expect(checked.type).toBe('image/png');
    expect(checked.name).toBe('shot.png');
  });

  it('refuses a type the instance does not take, by extension or by the MIME type the browser reports', () => {
    expect(refusal(() => checkAttachment(file('setup.exe', 'application/x-msdownload'), pdfAndPng)).code).toBe('attachment.type');
    expect(refusal(() => checkAttachment(file('notes.txt', 'text/plain'), pdfAndPng)).code).toBe('attachment.type');
    expect(refusal(() => checkAttachment(file('renamed.pdf', 'application/x-msdownload'), pdfAndPng)).code).toBe('attachment.type');
    expect(refusal(() => checkAttachment(file('pdf', 'application/pdf'), pdfAndPng)).code).toBe('attachment.type');
  });

  it('refuses a file over the size limit, and an empty one', () => {
    expect(refusal(() => checkAttachment(file('big.pdf', 'application/pdf', 101), pdfAndPng)).code).toBe('attachment.size');
    expect(checkAttachment(file('edge.pdf', 'application/pdf', 100), pdfAndPng).size).toBe(100);
    expect(refusal(() => checkAttachment(file('empty.pdf', 'application/pdf', 0), pdfAndPng)).code).toBe('attachment.empty');
  });

  it('names the file, the allowed types and the limit in the customer’s words', () => {
    const policy = attachmentPolicy({ types: ['.pdf', '.png'] })!;
    const type = refusal(() => checkAttachment(file('report.exe', 'application/x-msdownload'), policy));
    expect(attachmentNotice(type, policy, DEFAULT_UI_TEXT)).toBe("report.exe can't be sent: only PDF, PNG files up to 20 MB.");
    const size = new AttachmentRejectedError('attachment.size', 'a$&b.pdf', 'x');
    expect(attachmentNotice(size, pdfAndPng, DEFAULT_UI_TEXT)).toBe("a$&b.pdf can't be sent: files can be at most 100 B.");
  });
});
