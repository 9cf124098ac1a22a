import { createMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { chatMachine } from '../../../../machines/chat.machine';
import { inspectedDefinitionOf } from '../../../../visualizer/standalone-session';
import { activeLeaves, activePaths, chartOf, eventLabel, type Chart } from '../../../../visualizer/statechart-graph';

const summary = (chart: Chart) => ({
  nodes: [...chart.nodes.values()].map((node) => [node.path, node.kind, node.region, node.initial ?? null]).sort(),
  transitions: chart.transitions.map((t) => `${t.source} --${t.label}--> ${t.targets.join('+') || '(stays)'}`).sort(),
});

describe('chartOf', () => {
  const chart = chartOf(chatMachine);

  it('nests compound states, and shows the parallel contact state with its three regions', () => {
    expect(chart.root).toMatchObject({ path: '', label: 'chat', kind: 'compound', initial: 'booting' });
    expect(chart.root.children.map((node) => node.label)).toEqual(['booting', 'failed', 'loaded', 'hidden', 'visible', 'contact', 'ended']);
    expect(chart.nodes.get('visible')!.children.map((node) => node.label)).toEqual(['idle', 'preChat', 'waiting', 'starting']);
    const contact = chart.nodes.get('contact')!;
    expect(contact.kind).toBe('parallel');
    expect(contact.children.map((region) => [region.path, region.region, region.initial])).toEqual([
      ['contact.phase', true, 'contact.phase.inFlow'],
      ['contact.link', true, 'contact.link.connecting'],
      ['contact.panel', true, 'contact.panel.open'],
    ]);
  });

  it('labels transitions with their events and guards, one per branch', () => {
    const restore = chart.transitions.filter((t) => t.source === 'booting' && t.eventType === 'xstate.done.actor.config');
    expect(restore.map((t) => [t.label, t.targets])).toEqual([
      ['done: config [savedPhaseIs]', ['contact.phase.queued']],
      ['done: config [savedPhaseIs]', ['contact.phase.agent']],
      ['done: config [savedPhaseIs]', ['contact']],
      ['done: config', ['loaded']],
    ]);
    expect(chart.transitions.find((t) => t.source === 'ended' && t.eventType === 'START')?.label).toBe('START [rulesAllow]');
    expect(chart.transitions.find((t) => t.source === 'contact' && t.eventType === 'CHAT_ENDED')?.targets).toEqual(['ended.open']);
    expect(chart.transitions.find((t) => t.source === 'visible.waiting' && t.eventType.startsWith('xstate.after'))?.label).toBe('after retryAfter');
  });

  it('lists targetless transitions inside their state', () => {
    expect(chart.nodes.get('visible.starting')!.internal.map((t) => t.label)).toEqual(['RULES_DENY']);
    expect(chart.nodes.get('contact.phase.agent')!.internal.map((t) => t.label)).toEqual(['AGENT_JOINED']);
    for (const transition of chart.transitions) for (const target of transition.targets) expect(chart.nodes.has(target)).toBe(true);
    expect(new Set(chart.transitions.map((t) => t.id)).size).toBe(chart.transitions.length);
  });

  it('draws the same chart from the definition a page sends over the inspect protocol', () => {
    const rebuilt = createMachine(JSON.parse(inspectedDefinitionOf(chatMachine)!) as Parameters<typeof createMachine>[0]);
    expect(summary(chartOf(rebuilt))).toEqual(summary(chart));
  });

  it('names the built-in events people recognise', () => {
    expect(eventLabel('')).toBe('always');
    expect(eventLabel('xstate.after.5000.chat.waiting')).toBe('after 5000ms');
    expect(eventLabel('xstate.after.retryAfter.chat.visible.waiting')).toBe('after retryAfter');
    expect(eventLabel('xstate.done.state.chat.contact')).toBe('onDone');
    expect(eventLabel('xstate.error.actor.fetchConfig')).toBe('error: fetchConfig');
    expect(eventLabel('START')).toBe('START');
  });
});

describe('activePaths and activeLeaves', () => {
  const chart = chartOf(chatMachine);

  it('include every ancestor of the active states', () => {
    expect([...activePaths({ visible: 'idle' })].sort()).toEqual(['', 'visible', 'visible.idle']);
    expect([...activePaths({ contact: { phase: 'queued', link: 'online' } })].sort()).toEqual(
      ['', 'contact', 'contact.link', 'contact.link.online', 'contact.phase', 'contact.phase.queued'].sort(),
    );
    expect(activePaths(undefined).size).toBe(0);
  });

  it('read the active leaves in chart order, one per parallel region', () => {
    expect(activeLeaves(chart, activePaths({ contact: { link: 'online', phase: 'agent' } }))).toEqual(['contact.phase.agent', 'contact.link.online']);
    expect(activeLeaves(chart, activePaths({ ended: 'open' }))).toEqual(['ended.open']);
  });
});
