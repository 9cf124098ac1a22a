import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { chatMachine } from '../../../../machines/chat.machine';
import { chartOf } from '../../../../visualizer/statechart-graph';
import { estimateTextWidth, layoutChart, type Box } from '../../../../visualizer/statechart-layout';

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;

describe('layoutChart (elkjs)', () => {
  it('places every state inside its parent and routes every transition with a label', async () => {
    const chart = chartOf(chatMachine);
    const layout = await layoutChart(chart, new ELK(), estimateTextWidth);

    expect(layout.states.map((placed) => placed.node.path).sort()).toEqual([...chart.nodes.keys()].sort());
    const boxes = new Map(layout.states.map((placed) => [placed.node.path, placed.box]));
    for (const placed of layout.states) {
      for (const child of placed.node.children) expect(inside(boxes.get(child.path)!, placed.box), `${child.path} in ${placed.node.path || 'chat'}`).toBe(true);
    }
    // Parents come before children, so children draw on top.
    const order = layout.states.map((placed) => placed.node.path);
    expect(order.indexOf('contact')).toBeLessThan(order.indexOf('contact.phase.queued'));

    const drawn = layout.edges.filter((edge) => edge.kind === 'transition');
    const expected = chart.transitions.reduce((sum, t) => sum + t.targets.length, 0);
    expect(drawn).toHaveLength(expected);
    for (const edge of drawn) {
      expect(edge.points.length).toBeGreaterThanOrEqual(2);
      expect(edge.label?.text).toBe(edge.transition!.label);
    }
    // One initial-state arrow per compound state: the machine, and each region of `contact`.
    const withInitial = [...chart.nodes.values()].filter((node) => node.initial).length;
    expect(withInitial).toBe(6); // chat, visible, the contact's three regions, ended
    expect(layout.edges.filter((edge) => edge.kind === 'initial')).toHaveLength(withInitial);
    expect(layout.initials).toHaveLength(withInitial);
    expect(layout.width).toBeGreaterThan(0);
  }, 20_000);

  it('reads top to bottom in the order a chat happens', async () => {
    const layout = await layoutChart(chartOf(chatMachine), new ELK(), estimateTextWidth);
    const top = (path: string) => layout.states.find((placed) => placed.node.path === path)!.box.y;
    expect(top('booting')).toBeLessThan(top('loaded'));
    expect(top('loaded')).toBeLessThan(top('visible'));
    expect(top('visible')).toBeLessThan(top('contact'));
    expect(top('contact')).toBeLessThan(top('ended'));
  }, 20_000);
});
