import type { InspectionEvent } from 'xstate';
import { describe, expect, it, vi } from 'vitest';
import { deferInspection, inspectorRequest } from '../../../../src/browser/inspect/inspect-hook';

const script = (dataset: Record<string, string> = {}) => ({ dataset }) as unknown as HTMLScriptElement;
const event = (n: number) => ({ type: '@xstate.event', n }) as unknown as InspectionEvent;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('inspectorRequest', () => {
  it('is off unless the script or the page URL asks', () => {
    expect(inspectorRequest(script(), '')).toBeUndefined();
    expect(inspectorRequest(script(), '?utm_source=mail&inspect=1')).toBeUndefined();
  });

  it('turns on with ?webchat-inspect, always for the default visualizer (a URL cannot pick the destination)', () => {
    expect(inspectorRequest(script(), '?webchat-inspect')).toBe('');
    expect(inspectorRequest(script(), '?a=1&webchat-inspect=1')).toBe('');
    expect(inspectorRequest(script(), '?webchat-inspect=https://elsewhere.example/')).toBe('');
  });

  it('takes the inspector URL from data-inspect, the site owner’s choice', () => {
    expect(inspectorRequest(script({ inspect: '' }), '')).toBe('');
    expect(inspectorRequest(script({ inspect: 'https://stately.ai/inspect' }), '?webchat-inspect')).toBe('https://stately.ai/inspect');
  });
});

describe('deferInspection', () => {
  it('holds events until the chunk loads, then replays them in order and forwards the rest', async () => {
    let resolve!: (observer: (event: InspectionEvent) => void) => void;
    const seen: InspectionEvent[] = [];
    const inspect = deferInspection(() => new Promise((done) => (resolve = done)), () => {});
    inspect(event(1));
    inspect(event(2));
    expect(seen).toEqual([]);
    resolve((e) => seen.push(e));
    await settle();
    inspect(event(3));
    expect(seen).toEqual([event(1), event(2), event(3)]);
  });

  it('reports a chunk that fails to load once, and then drops events without throwing', async () => {
    const onError = vi.fn();
    const inspect = deferInspection(() => Promise.reject(new Error('404')), onError);
    inspect(event(1));
    await settle();
    expect(() => inspect(event(2))).not.toThrow();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0]).toBeInstanceOf(Error);
  });
});
