import type { Announcement, PanelMessage, PanelView } from './chat-panel.types';
import { statusText } from './chat-panel.view';

/** A batch bigger than this (a transcript filling a gap) announces only its latest messages. */
const MAX_ANNOUNCED_PER_UPDATE = 3;
/** Announcements kept in the live region; older ones are removed, and removals are not read out. */
const LIVE_REGION_SIZE = 5;

export interface PanelAnnouncer {
  /**
   * Takes in the view about to be shown (`first` for the panel's first update) and adds what is new to the
   * live region. Says whether the customer just sent something (the list then scrolls to it).
   */
  hear(view: PanelView, first: boolean): { ownMessage: boolean };
  /** The live region's lines, oldest first. */
  readonly announcements: readonly Announcement[];
}

/**
 * What the panel's polite live region says: messages added since the previous update (by id), never the first
 * update's (a restored transcript), at most a few per update, and not the customer's own; and status changes.
 */
export function createAnnouncer(): PanelAnnouncer {
  const seen = new Set<string>();
  let spokenStatus = '';
  let announcements: Announcement[] = [];
  let nextKey = 0;

  /** What to say about `next`, and whether the customer just sent something. */
  function whatIsNew(next: PanelView, first: boolean): { spoken: string[]; ownMessage: boolean } {
    if (next.messages.length === 0) seen.clear();
    const incoming: PanelMessage[] = [];
    let ownMessage = false;
    for (const m of next.messages) {
      if (seen.has(m.id)) continue;
      seen.add(m.id);
      if (first) continue;
      if (m.role === 'CUSTOMER') ownMessage = true;
      else incoming.push(m);
    }
    const spoken: string[] = [];
    const status = statusText(next);
    if (!first && status !== spokenStatus) spoken.push(status);
    spokenStatus = status;
    for (const m of incoming.slice(-MAX_ANNOUNCED_PER_UPDATE)) spoken.push(`${m.displayName}: ${m.text}`);
    return { spoken, ownMessage };
  }

  return {
    hear(next, first) {
      const { spoken, ownMessage } = whatIsNew(next, first);
      if (spoken.length > 0) {
        announcements = [...announcements, ...spoken.map((text) => ({ key: nextKey++, text }))].slice(-LIVE_REGION_SIZE);
      }
      return { ownMessage };
    },
    get announcements() {
      return announcements;
    },
  };
}
