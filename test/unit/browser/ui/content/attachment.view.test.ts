import { describe, expect, it } from 'vitest';
import { fileKind, fileSize } from '../../../../../src/browser/ui/content/attachment.view';

describe('file details', () => {
  it('says a size in the largest fitting unit, in the given locale', () => {
    expect(fileSize(512, 'en')).toBe('512 bytes');
    expect(fileSize(1_500_000, 'en')).toBe('1.5 MB');
    expect(fileSize(820_400, 'en')).toBe('820.4 kB');
    expect(fileSize(1_500_000, 'es')).toBe('1,5 MB');
  });

  it('names the kind of file by its extension, else its MIME subtype', () => {
    expect(fileKind({ name: 'report.final.pdf', contentType: 'application/pdf' })).toBe('PDF');
    expect(fileKind({ name: 'photo', contentType: 'image/png' })).toBe('PNG');
    expect(fileKind({ name: 'x', contentType: '' })).toBe('');
  });
});
