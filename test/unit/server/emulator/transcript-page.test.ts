import { describe, expect, it } from 'vitest';
import type { ChatItem } from '../../../../src/server/emulator/emulator.types';
import { transcriptPage } from '../../../../src/server/emulator/transcript-page';

const ITEMS: ChatItem[] = Array.from({ length: 7 }, (_, index) => ({
  Id: `i${index}`,
  AbsoluteTime: new Date(Date.UTC(2024, 0, 1, 0, 0, index)).toISOString(),
  Type: 'MESSAGE',
  ContentType: 'text/plain',
  Content: `m${index}`,
  ParticipantId: 'p',
  DisplayName: 'Zoe',
  ParticipantRole: 'CUSTOMER',
  InitialContactId: 'c',
  ContactId: 'c',
}));

const ids = (page: { Transcript: ChatItem[] }) => page.Transcript.map((item) => item.Id);

describe('GetTranscript paging', () => {
  it('takes the newest items, newest first, by default (BACKWARD, DESCENDING, 15)', () => {
    expect(ids(transcriptPage(ITEMS, {}))).toEqual(['i6', 'i5', 'i4', 'i3', 'i2', 'i1', 'i0']);
  });

  it("pages backwards in chatjs's way (BACKWARD, ASCENDING) with NextToken until the start", () => {
    const first = transcriptPage(ITEMS, { MaxResults: 3, ScanDirection: 'BACKWARD', SortOrder: 'ASCENDING', StartPosition: {} });
    expect(ids(first)).toEqual(['i4', 'i5', 'i6']);
    const second = transcriptPage(ITEMS, { MaxResults: 3, SortOrder: 'ASCENDING', NextToken: first.NextToken });
    expect(ids(second)).toEqual(['i1', 'i2', 'i3']);
    const third = transcriptPage(ITEMS, { MaxResults: 3, SortOrder: 'ASCENDING', NextToken: second.NextToken });
    expect(ids(third)).toEqual(['i0']);
    expect(third.NextToken).toBeUndefined();
  });

  it('pages forwards from the oldest item', () => {
    const first = transcriptPage(ITEMS, { MaxResults: 4, ScanDirection: 'FORWARD', SortOrder: 'ASCENDING' });
    expect(ids(first)).toEqual(['i0', 'i1', 'i2', 'i3']);
    const second = transcriptPage(ITEMS, { MaxResults: 4, SortOrder: 'ASCENDING', NextToken: first.NextToken });
    expect(ids(second)).toEqual(['i4', 'i5', 'i6']);
    expect(second.NextToken).toBeUndefined();
  });

  it('starts at a StartPosition Id, AbsoluteTime or MostRecent (the anchor included)', () => {
    expect(ids(transcriptPage(ITEMS, { ScanDirection: 'FORWARD', SortOrder: 'ASCENDING', StartPosition: { Id: 'i5' } }))).toEqual(['i5', 'i6']);
    expect(ids(transcriptPage(ITEMS, { MaxResults: 2, SortOrder: 'ASCENDING', StartPosition: { Id: 'i3' } }))).toEqual(['i2', 'i3']);
    expect(
      ids(transcriptPage(ITEMS, { ScanDirection: 'FORWARD', SortOrder: 'ASCENDING', StartPosition: { AbsoluteTime: ITEMS[4]!.AbsoluteTime } })),
    ).toEqual(['i4', 'i5', 'i6']);
    expect(ids(transcriptPage(ITEMS, { MaxResults: 2, SortOrder: 'ASCENDING', StartPosition: { MostRecent: 2 } }))).toEqual(['i3', 'i4']);
  });

  it('answers an empty transcript', () => {
    expect(transcriptPage([], { SortOrder: 'ASCENDING' })).toEqual({ Transcript: [] });
  });

  it.each([
    [{ MaxResults: 101 }],
    [{ MaxResults: 'ten' }],
    [{ SortOrder: 'NEWEST' }],
    [{ ScanDirection: 'UP' }],
    [{ StartPosition: 'i1' }],
    [{ StartPosition: { Id: 'missing' } }],
    [{ StartPosition: { AbsoluteTime: 'yesterday' } }],
    [{ StartPosition: { MostRecent: -1 } }],
    [{ NextToken: 'garbage' }],
    [{ NextToken: Buffer.from('{"next":999,"direction":"FORWARD"}').toString('base64url') }],
  ])('refuses %j with a ValidationException', (request) => {
    expect(() => transcriptPage(ITEMS, request)).toThrow(expect.objectContaining({ status: 400, code: 'ValidationException' }));
  });
});
