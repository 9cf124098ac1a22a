import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { chatMachine } from '../../machines/chat.machine';
import type { SaEvent } from '../../machines/chat.types';
import { activeStates, declaredStates, declaredTransitions, generateChatPaths, stamped, takenTransitions, timeOf } from './chat-paths';
import { CONTRACT, expectedEntries, readmeContractTable } from './sa-contract';

const paths = generateChatPaths();

/** Runs one path on the shipped machine: state and exact saEvents after every step; what it took. */
function runPath(path: (typeof paths)[number]): { transitions: string[]; states: string[] } {
  const emitted: SaEvent[] = [];
  const expected: SaEvent[] = [];
  const transitions: string[] = [];
  const states: string[] = [];
  const actor = createActor(chatMachine, { input: { instanceName: 'help_faq_bot' } });
  actor.on('*', (entry) => emitted.push(entry));
  actor.start();
  states.push(...activeStates(actor.getSnapshot()));
  path.steps.forEach((step, index) => {
    const event = stamped(step.event, 1_000 + index);
    const before = actor.getSnapshot();
    transitions.push(...takenTransitions(before, event));
    actor.send(event as never);
    const after = actor.getSnapshot();
    states.push(...activeStates(after));
    expected.push(...expectedEntries(before, after, timeOf(event)));
    expect(after.value, `state after ${event.type}`).toEqual(step.state);
    expect(emitted, `saEvents after ${event.type}`).toEqual(expected);
  });
  actor.stop();
  return { transitions, states };
}

describe('chat machine, model-based', () => {
  it('the oracle is the README contract table: the same types, with the same data fields', () => {
    const readme = readmeContractTable();
    expect([...readme.keys()]).toEqual(Object.keys(CONTRACT));
    for (const [type, fields] of readme) expect(fields, type).toEqual(CONTRACT[type as keyof typeof CONTRACT].data);
  });

  it.each(paths.map((path) => [path.description, path] as const))('%s', (_description, path) => {
    runPath(path);
  });

  it('the generated paths take every declared transition and visit every state', () => {
    // Runs every path itself: this test does not depend on the others having run first.
    const transitions = new Set<string>();
    const states = new Set<string>(['chat']);
    for (const path of paths) {
      const run = runPath(path);
      run.transitions.forEach((key) => transitions.add(key));
      run.states.forEach((id) => states.add(id));
    }
    expect([...declaredTransitions()].filter((key) => !transitions.has(key))).toEqual([]);
    expect([...declaredStates()].filter((id) => !states.has(id))).toEqual([]);
  });
});
