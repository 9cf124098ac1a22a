/**
 * Draws a {@link ChartLayout} as SVG and keeps it live: active states, enabled transitions (standalone
 * mode) and the transitions the last event took are classes toggled on existing elements, never a
 * redraw. Every piece of text goes in through `textContent`.
 */
import type { ChartTransition } from './statechart-graph';
import { METRICS, type ChartLayout, type PlacedEdge, type PlacedState, type Point } from './statechart-layout';

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface ChartView {
  readonly svg: SVGSVGElement;
  /** Marks these state paths active (leaves get a stronger look). */
  setActive(active: ReadonlySet<string>, leaves: ReadonlySet<string>): void;
  /** Makes these transitions clickable; an empty set disables all. */
  setEnabled(transitionIds: ReadonlySet<string>): void;
  /** Marks the transitions the last event took. */
  setTaken(transitionIds: ReadonlySet<string>): void;
  /** Draws the chart at `scale` × its laid-out size. */
  setZoom(scale: number): void;
  /** The laid-out size at scale 1. */
  readonly size: { width: number; height: number };
  /** The drawn active leaf states, to scroll them into view. */
  activeLeafElements(): SVGGElement[];
}

export interface ChartViewOptions {
  /** Called when a person clicks (or presses Enter/Space on) an enabled transition. */
  onTransition?(transition: ChartTransition): void;
  /** Accessible name of the chart. */
  title: string;
}

function svgElement<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

function text(content: string, attributes: Record<string, string | number>): SVGTextElement {
  const element = svgElement('text', attributes);
  element.textContent = content;
  return element;
}

function pathData(points: readonly Point[]): string {
  return points.map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x.toFixed(1)},${point.y.toFixed(1)}`).join(' ');
}

const KIND_NOTE: Record<string, string> = { parallel: 'parallel', final: 'final', history: 'history' };

export function renderChart(layout: ChartLayout, options: ChartViewOptions): ChartView {
  const margin = 4;
  const size = { width: Math.ceil(layout.width + 2 * margin), height: Math.ceil(layout.height + 2 * margin) };
  const svg = svgElement('svg', {
    xmlns: SVG_NS,
    class: 'chart',
    width: size.width,
    height: size.height,
    viewBox: `${-margin} ${-margin} ${size.width} ${size.height}`,
    role: 'img',
  });
  const title = svgElement('title');
  title.textContent = options.title;
  svg.append(title);

  const defs = svgElement('defs');
  const marker = svgElement('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
  marker.append(svgElement('path', { d: 'M0,0 L10,5 L0,10 z' }));
  defs.append(marker);
  svg.append(defs);

  const stateGroups = new Map<string, SVGGElement>();
  const transitionTargets = new Map<string, SVGGElement[]>();
  const transitionsById = new Map<string, ChartTransition>();
  const remember = (transition: ChartTransition, element: SVGGElement) => {
    transitionsById.set(transition.id, transition);
    const list = transitionTargets.get(transition.id) ?? [];
    list.push(element);
    transitionTargets.set(transition.id, list);
  };

  for (const placed of layout.states) svg.append(stateGroup(placed, remember, stateGroups));
  for (const dot of layout.initials) {
    svg.append(svgElement('circle', { class: 'initial-dot', cx: dot.x + dot.width / 2, cy: dot.y + dot.height / 2, r: dot.width / 2 }));
  }
  for (const edge of layout.edges) svg.append(edgeGroup(edge, remember));

  const activate = (element: Element | null) => {
    const target = element?.closest('[data-transition].enabled');
    const transition = target && transitionsById.get(target.getAttribute('data-transition') ?? '');
    if (transition) options.onTransition?.(transition);
  };
  svg.addEventListener('click', (event) => activate(event.target as Element));
  svg.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    activate(event.target as Element);
  });

  let enabled: ReadonlySet<string> = new Set();
  let taken: ReadonlySet<string> = new Set();
  return {
    svg,
    size,
    setZoom(scale) {
      svg.setAttribute('width', String(Math.round(size.width * scale)));
      svg.setAttribute('height', String(Math.round(size.height * scale)));
    },
    activeLeafElements() {
      return [...stateGroups.values()].filter((group) => group.classList.contains('leaf'));
    },
    setActive(active, leaves) {
      for (const [path, group] of stateGroups) {
        group.classList.toggle('active', active.has(path));
        group.classList.toggle('leaf', leaves.has(path));
      }
    },
    setEnabled(ids) {
      for (const id of enabled) if (!ids.has(id)) for (const element of transitionTargets.get(id) ?? []) setEnabledElement(element, false);
      for (const id of ids) for (const element of transitionTargets.get(id) ?? []) setEnabledElement(element, true);
      enabled = ids;
    },
    setTaken(ids) {
      for (const id of taken) for (const element of transitionTargets.get(id) ?? []) element.classList.remove('taken');
      for (const id of ids) for (const element of transitionTargets.get(id) ?? []) element.classList.add('taken');
      taken = ids;
    },
  };
}

function setEnabledElement(element: SVGGElement, on: boolean): void {
  element.classList.toggle('enabled', on);
  if (on) {
    element.setAttribute('tabindex', '0');
    element.setAttribute('role', 'button');
  } else {
    element.removeAttribute('tabindex');
    element.removeAttribute('role');
  }
}

function stateGroup(
  placed: PlacedState,
  remember: (transition: ChartTransition, element: SVGGElement) => void,
  groups: Map<string, SVGGElement>,
): SVGGElement {
  const { node, box } = placed;
  const classes = ['state', node.kind, node.region ? 'region' : ''].filter(Boolean).join(' ');
  const group = svgElement('g', { class: classes, 'data-path': node.path, 'data-depth': placed.depth });
  group.append(svgElement('rect', { x: box.x, y: box.y, width: box.width, height: box.height, rx: node.region ? 4 : 8 }));
  group.append(text(node.label, { class: 'name', x: box.x + METRICS.padX, y: box.y + 17 }));
  const note = KIND_NOTE[node.kind];
  if (note) group.append(text(note, { class: 'kind', x: box.x + box.width - METRICS.padX, y: box.y + 16, 'text-anchor': 'end' }));
  for (const { transition, box: row } of placed.internal) {
    const item = svgElement('g', { class: 'internal', 'data-transition': transition.id, 'aria-label': `Send ${transition.eventType} (stays in ${node.label})` });
    item.append(svgElement('rect', { x: row.x, y: row.y, width: row.width, height: row.height, rx: 3 }));
    item.append(text(`↺ ${transition.label}`, { x: row.x + 4, y: row.y + 12 }));
    remember(transition, item);
    group.append(item);
  }
  groups.set(node.path, group);
  return group;
}

function edgeGroup(edge: PlacedEdge, remember: (transition: ChartTransition, element: SVGGElement) => void): SVGGElement {
  if (edge.kind === 'initial' || !edge.transition) {
    const group = svgElement('g', { class: 'edge initial' });
    group.append(svgElement('path', { d: pathData(edge.points), 'marker-end': 'url(#arrow)' }));
    return group;
  }
  const transition = edge.transition;
  const group = svgElement('g', { class: 'edge', 'data-transition': transition.id, 'aria-label': `Send ${transition.eventType}` });
  group.append(svgElement('path', { d: pathData(edge.points), 'marker-end': 'url(#arrow)' }));
  if (edge.label) {
    const label = svgElement('g', { class: 'label' });
    label.append(svgElement('rect', { x: edge.label.x, y: edge.label.y, width: edge.label.width, height: edge.label.height }));
    label.append(text(edge.label.text, { x: edge.label.x + METRICS.labelPad, y: edge.label.y + 12 }));
    group.append(label);
  }
  remember(transition, group);
  return group;
}

/** The fonts `chart.css` gives state names and transition labels; measuring must use the same ones. */
export const CHART_FONTS = {
  name: '600 12px system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif',
  label: '11px ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
} as const;

/** Measures text with a canvas in the page's real fonts (falls back to an estimate without one). */
export function canvasMeasure(fallback: (text: string, strong?: boolean) => number): (text: string, strong?: boolean) => number {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return fallback;
  return (content, strong = false) => {
    context.font = strong ? CHART_FONTS.name : CHART_FONTS.label;
    return Math.ceil(context.measureText(content).width);
  };
}
