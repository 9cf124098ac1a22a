import { describe, expect, it } from 'vitest';
import { coveringPaths, declaredStates, declaredTransitions, generateChatPaths } from '../model/chat-paths';
import { drivePath, UNTESTABLE_IN_PRODUCT } from './support/model-driver';
import { useStack } from './support/stack';

/** Paths generated from the shipped machine, the fewest that take every transition a browser can drive. */
const paths = coveringPaths(generateChatPaths(), new Set(UNTESTABLE_IN_PRODUCT.keys()));
const covered = new Set<string>();

describe('the product follows the statechart: generated paths in Chromium against the emulator', () => {
  const stack = useStack();

  // Sequential: emulator faults (a Participant Service outage) are global to the stack.
  it.each(paths.map((path) => [path.description, path] as const))('%s', async (_description, path) => {
    for (const key of await drivePath(stack, path)) covered.add(key);
  }, 120_000);

  it('covers every state and every transition, but those listed as untestable with a reason', () => {
    const transitions = declaredTransitions();
    const states = declaredStates();
    const coveredStates = new Set([...covered].flatMap((key) => key.split(/ --\S+--> /)));
    const statesCovered = [...states].filter((id) => id === 'chat' || coveredStates.has(id) || [...coveredStates].some((c) => c.startsWith(`${id}.`)));
    const transitionsCovered = [...transitions].filter((key) => covered.has(key));
    const missing = [...transitions].filter((key) => !covered.has(key) && !UNTESTABLE_IN_PRODUCT.has(key));
    console.log(
      `product-level coverage: states: ${statesCovered.length}/${states.size}, transitions: ${transitionsCovered.length}/${transitions.size}` +
        ` (untestable, with reasons: ${[...UNTESTABLE_IN_PRODUCT].map(([key, why]) => `\n  ${key}: ${why}`).join('')})`,
    );
    expect(statesCovered.length).toBe(states.size);
    expect(missing).toEqual([]);
  });
});
