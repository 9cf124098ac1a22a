import { describe, expect, it } from 'vitest';
import { BUILD_MODES, buildSteps, EXAMPLE_CONFIGS } from '../../../scripts/build';

const viteSteps = (steps: string[][]) => steps.filter((step) => step[1] === 'build');

describe('the build steps', () => {
  it('build every output of vite.config.ts, the declarations, then the examples, in that order', () => {
    const steps = buildSteps();
    expect(viteSteps(steps).map((step) => step.at(-1))).toEqual([...BUILD_MODES, ...EXAMPLE_CONFIGS]);
    expect(steps[BUILD_MODES.length]!.slice(1)).toEqual(['-p', 'tsconfig.build.json']);
  });

  it('load every config with the module runner, which does not warn about the config loader', () => {
    for (const step of viteSteps(buildSteps())) expect(step.slice(2, 4)).toEqual(['--configLoader', 'runner']);
  });

  it('report warnings and errors only when quiet (npm start)', () => {
    for (const step of viteSteps(buildSteps({ quiet: true }))) expect(step).toEqual(expect.arrayContaining(['--logLevel', 'warn']));
    for (const step of viteSteps(buildSteps())) expect(step).not.toContain('--logLevel');
  });

  it('builds the examples alone when asked', () => {
    expect(buildSteps({ examplesOnly: true }).map((step) => step.at(-1))).toEqual([...EXAMPLE_CONFIGS]);
  });
});
