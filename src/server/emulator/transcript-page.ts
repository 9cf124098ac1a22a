import { AwsServiceError } from './aws-error';
import type { ChatItem } from './emulator.types';
import { isJsonObject, type JsonObject } from './json-http';

/** One page of GetTranscript, in the Participant Service's shape (minus InitialContactId). */
export interface TranscriptPage {
  Transcript: ChatItem[];
  NextToken?: string;
}

interface Cursor {
  /** The index (in time order) the next page starts from. */
  next: number;
  direction: 'FORWARD' | 'BACKWARD';
}

const invalid = (message: string) => new AwsServiceError(400, 'ValidationException', message);

/**
 * GetTranscript's paging over a contact's items (oldest first):
 * - `ScanDirection` (default `BACKWARD`) walks from `StartPosition` (`Id`, `AbsoluteTime` or `MostRecent`,
 *   the anchor item included) or, without one, from the newest item backwards / the oldest forwards;
 * - `MaxResults` (0–100, default 15) items are taken; `NextToken` continues the same walk;
 * - `SortOrder` (`ASCENDING` or `DESCENDING`, default `DESCENDING` as the API documents; chatjs asks for
 *   `ASCENDING`) orders the page.
 * @throws AwsServiceError (400 ValidationException) for malformed parameters.
 */
export function transcriptPage(items: readonly ChatItem[], request: JsonObject): TranscriptPage {
  const maxResults = request.MaxResults ?? 15;
  if (!Number.isInteger(maxResults) || (maxResults as number) < 0 || (maxResults as number) > 100) {
    throw invalid('MaxResults must be a whole number from 0 to 100.');
  }
  const sortOrder = request.SortOrder ?? 'DESCENDING';
  if (sortOrder !== 'ASCENDING' && sortOrder !== 'DESCENDING') throw invalid('SortOrder must be ASCENDING or DESCENDING.');
  const scan = request.ScanDirection ?? 'BACKWARD';
  if (scan !== 'FORWARD' && scan !== 'BACKWARD') throw invalid('ScanDirection must be FORWARD or BACKWARD.');

  let cursor: Cursor;
  if (request.NextToken !== undefined && request.NextToken !== null) {
    cursor = decodeToken(request.NextToken, items.length);
  } else {
    cursor = { next: anchorOf(items, request.StartPosition, scan), direction: scan };
  }

  const count = maxResults as number;
  let page: ChatItem[];
  let next: number;
  if (cursor.direction === 'FORWARD') {
    page = items.slice(cursor.next, cursor.next + count);
    next = cursor.next + count;
  } else {
    const from = Math.max(0, cursor.next - count + 1);
    page = cursor.next < 0 ? [] : items.slice(from, cursor.next + 1);
    next = cursor.next - count;
  }
  if (sortOrder === 'DESCENDING') page = [...page].reverse();
  const more = count > 0 && (cursor.direction === 'FORWARD' ? next < items.length : next >= 0);
  return { Transcript: page, ...(more ? { NextToken: encodeToken({ next, direction: cursor.direction }) } : {}) };
}

function anchorOf(items: readonly ChatItem[], startPosition: unknown, scan: 'FORWARD' | 'BACKWARD'): number {
  const newest = items.length - 1;
  const fallback = scan === 'BACKWARD' ? newest : 0;
  if (startPosition === undefined || startPosition === null) return fallback;
  if (!isJsonObject(startPosition)) throw invalid('StartPosition must be an object.');
  const { Id: id, AbsoluteTime: time, MostRecent: mostRecent } = startPosition;
  if (id !== undefined && id !== null) {
    if (typeof id !== 'string') throw invalid('StartPosition.Id must be a string.');
    const index = items.findIndex((item) => item.Id === id);
    if (index < 0) throw invalid('StartPosition.Id does not name an item of this contact.');
    return index;
  }
  if (time !== undefined && time !== null) {
    const at = typeof time === 'string' ? Date.parse(time) : Number.NaN;
    if (Number.isNaN(at)) throw invalid('StartPosition.AbsoluteTime must be an ISO 8601 time.');
    if (scan === 'FORWARD') {
      const index = items.findIndex((item) => Date.parse(item.AbsoluteTime) >= at);
      return index < 0 ? items.length : index;
    }
    let index = -1;
    items.forEach((item, position) => {
      if (Date.parse(item.AbsoluteTime) <= at) index = position;
    });
    return index;
  }
  if (mostRecent !== undefined && mostRecent !== null) {
    if (!Number.isInteger(mostRecent) || (mostRecent as number) < 0 || (mostRecent as number) > 100) {
      throw invalid('StartPosition.MostRecent must be a whole number from 0 to 100.');
    }
    return Math.max(0, newest - (mostRecent as number));
  }
  return fallback;
}

function encodeToken(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeToken(token: unknown, length: number): Cursor {
  if (typeof token !== 'string' || token.length > 1000) throw invalid('NextToken is not valid.');
  try {
    const cursor = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<Cursor> | null;
    if (
      cursor &&
      Number.isInteger(cursor.next) &&
      (cursor.direction === 'FORWARD' || cursor.direction === 'BACKWARD') &&
      (cursor.next as number) >= -1 &&
      (cursor.next as number) <= length
    ) {
      return { next: cursor.next as number, direction: cursor.direction };
    }
  } catch {
    // falls through to the error below
  }
  throw invalid('NextToken is not valid.');
}
