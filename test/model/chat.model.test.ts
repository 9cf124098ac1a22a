import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { chatMachine } from '../../machines/chat.machine';
import type { SaEvent } from '../../machines/chat.types';
import { declaredTransitions, expectedEntries, generateChatPaths, takenTransitions } from './chat-paths';

const paths = generateChatPaths();

describe('chat machine, model-based', () => {
  const covered = new Set<string>();

  it('generates a path to every state and transition', () => {
    expect(paths.length).toBeGreaterThan(30);
  });

  it.each(paths.map((path) => [path.description, path] as const))('%s', (_description, path) => {
    const emitted: SaEvent[] = [];
    const actor = createActor(chatMachine, { input: { instanceName: 'help_faq_bot' } });
    actor.on('*', (entry) => emitted.push(entry));
    actor.start();
    const expected: SaEvent[] = [];
    path.steps.forEach((step, index) => {
      const event = { ...step.event, at: 1_000 + index };
      const before = actor.getSnapshot();
      for (const key of takenTransitions(before, event)) covered.add(key);
      actor.send(event);
      const after = actor.getSnapshot();
      expected.push(...expectedEntries(before, event, after));
      expect(after.value, `state after ${event.type}`).toEqual(step.state);
      expect(emitted, `saEvents after ${event.type}`).toEqual(expected);
    });
  });

  it('covers every declared transition', () => {
    const missing = [...declaredTransitions()].filter((key) => !covered.has(key));
    expect(missing).toEqual([]);
  });
});
