import { describe, expect, it } from 'vitest';
import { ATTACHMENT_TYPES, attachmentProblem, contentDisposition, mediaTypeOf } from '../../../../src/server/emulator/attachment-rules';
import { interactiveTemplateProblem } from '../../../../src/server/emulator/interactive-template';

describe('attachment rules', () => {
  it("lists exactly Amazon Connect's 18 file types", () => {
    expect(Object.keys(ATTACHMENT_TYPES).sort()).toEqual(
      ['.csv', '.doc', '.docx', '.heic', '.jfif', '.jpeg', '.jpg', '.mov', '.mp4', '.pdf', '.png', '.ppt', '.pptx', '.rtf', '.txt', '.wav', '.xls', '.xlsx'].sort(),
    );
  });

  it('takes a fitting type with parameters and any case, up to 20 MB', () => {
    expect(attachmentProblem({ name: 'Notes.TXT', contentType: 'Text/Plain; charset=utf-8', sizeInBytes: 20 * 1024 * 1024 })).toBeUndefined();
    expect(mediaTypeOf(' IMAGE/PNG ;x=y')).toBe('image/png');
  });

  it.each([
    ['no extension', { name: 'README', contentType: 'text/plain', sizeInBytes: 1 }],
    ['a double extension that ends badly', { name: 'photo.png.exe', contentType: 'image/png', sizeInBytes: 1 }],
    ['a fractional size', { name: 'a.txt', contentType: 'text/plain', sizeInBytes: 1.5 }],
    ['a size as text', { name: 'a.txt', contentType: 'text/plain', sizeInBytes: '10' }],
    ['a content type of 256 characters', { name: 'a.txt', contentType: `text/${'x'.repeat(251)}`, sizeInBytes: 1 }],
  ])('refuses %s', (_case, file) => {
    expect(attachmentProblem(file)).toEqual(expect.any(String));
  });

  it('writes a Content-Disposition that no file name can break out of', () => {
    expect(contentDisposition('report.pdf')).toBe(`attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`);
    const evil = contentDisposition('a"; filename="x.html\r\nSet-Cookie: y=1.txt');
    expect(evil).not.toMatch(/[\r\n]/);
    expect(evil.split('"').length).toBe(3); // only the two quotes around the fallback
    expect(contentDisposition("Ünïcödé (1)'s.txt")).toBe(`attachment; filename="_n_c_d_ (1)'s.txt"; filename*=UTF-8''%C3%9Cn%C3%AFc%C3%B6d%C3%A9%20%281%29%27s.txt`);
    expect(contentDisposition('\ud800.txt')).toBe('attachment; filename="_.txt"');
  });
});

describe('interactive templates', () => {
  it('takes {templateType, version, data} and says what is missing otherwise', () => {
    expect(interactiveTemplateProblem(JSON.stringify({ templateType: 'Panel', version: '1.0', data: { content: {} } }))).toBeUndefined();
    expect(interactiveTemplateProblem('{"version":"1.0","data":{}}')).toMatch(/templateType/);
    expect(interactiveTemplateProblem('{"templateType":"Panel","data":{}}')).toMatch(/version/);
    expect(interactiveTemplateProblem('{"templateType":"Panel","version":"1.0","data":[]}')).toMatch(/data/);
  });
});
