import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../../../fixtures/memory-storage';
import { createTranscriptCursor } from '../../../../src/browser/connect/transcript-cursor';
import type { TranscriptItem } from '../../../../src/browser/connect/transcript-item';


const item = (id: string, ms: number): TranscriptItem => ({
  Id: id,
  AbsoluteTime: new Date(ms).toISOString(),
  Type: 'EVENT',
  ContentType: 'x',
});

describe('transcript cursor', () => {
  it('treats everything as new for a contact this page started', () => {
    const cursor = createTranscriptCursor(memoryStorage(), 'c', false);
    expect(cursor.isNew(item('a', 1000))).toBe(true);
  });

  it('lets the next page announce only what happened after the last handled item', () => {
    const storage = memoryStorage();
    const first = createTranscriptCursor(storage, 'c', false);
    first.advance(item('a', 1000));
    first.advance(item('b', 2000));
    const next = createTranscriptCursor(storage, 'c', true);
    expect(next.isNew(item('a', 1000))).toBe(false);
    expect(next.isNew(item('b', 2000))).toBe(false);
    expect(next.isNew(item('b2', 2000))).toBe(true);
    expect(next.isNew(item('c', 3000))).toBe(true);
  });

  it('treats the history at hand as handled when a resumed contact has no readable cursor, and what follows as new', () => {
    const storage = memoryStorage();
    storage.setItem('connect-webchat:cursor:c', '{not json');
    const cursor = createTranscriptCursor(storage, 'c', true);
    for (const old of [item('a', 1000), item('b', 2000)]) {
      expect(cursor.isNew(old)).toBe(false);
      cursor.advance(old);
    }
    cursor.settle();
    expect(cursor.isNew(item('b', 2000))).toBe(false);
    expect(cursor.isNew(item('c', 3000))).toBe(true);
  });
});
