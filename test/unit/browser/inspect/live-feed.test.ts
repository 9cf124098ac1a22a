import type { StatelyInspectionEvent } from '@statelyai/inspect';
import { describe, expect, it } from 'vitest';
import { createLiveFeed } from '../../../../visualizer/live-feed';

const chatActor = { type: '@xstate.actor', sessionId: 'x:0', definition: '{}', snapshot: {} } as unknown as StatelyInspectionEvent;
const entry = (type: string) => ({ type: '@xstate.event', sessionId: 'saEvents', event: { type } }) as unknown as StatelyInspectionEvent;
const other = { type: '@xstate.snapshot', sessionId: 'x:0', snapshot: {} } as unknown as StatelyInspectionEvent;

function feed() {
  let standalone = true;
  const applied: unknown[] = [];
  const receive = createLiveFeed({
    standalone: () => standalone,
    goLive: () => {
      standalone = false;
      applied.push('live');
    },
    apply: (message) => applied.push(message),
  });
  return { receive, applied };
}

describe('createLiveFeed', () => {
  it('keeps saEvents entries that arrive before the chat actor and applies them, in order, right after going live', () => {
    const { receive, applied } = feed();
    receive(entry('CHAT_LOADED'));
    receive(other);
    receive(entry('CHAT_VISIBLE'));
    expect(applied).toEqual([]);
    receive(chatActor);
    expect(applied).toEqual(['live', chatActor, entry('CHAT_LOADED'), entry('CHAT_VISIBLE')]);
  });

  it('applies everything as it comes once live, early entries only once', () => {
    const { receive, applied } = feed();
    receive(entry('CHAT_LOADED'));
    receive(chatActor);
    receive(entry('CONTACT_STARTED'));
    receive(other);
    expect(applied).toEqual(['live', chatActor, entry('CHAT_LOADED'), entry('CONTACT_STARTED'), other]);
  });
});
