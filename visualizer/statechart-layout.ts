/**
 * Lays a {@link Chart} out with ELK (layered, top to bottom, hierarchy included so transitions may cross
 * compound-state borders). Pure apart from ELK itself: text widths come from `measure`, so the same code
 * runs in the page (canvas metrics) and in unit tests (an estimate).
 */
import type { ELK, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { Chart, ChartNode, ChartTransition } from './statechart-graph';

export interface Point {
  x: number;
  y: number;
}

export interface Box extends Point {
  width: number;
  height: number;
}

export interface PlacedState {
  node: ChartNode;
  /** Absolute position in the chart. */
  box: Box;
  /** Nesting depth; the root is 0. */
  depth: number;
  /** Where each targetless transition's line of text sits inside the state. */
  internal: Array<{ transition: ChartTransition; box: Box }>;
}

export interface PlacedEdge {
  id: string;
  kind: 'transition' | 'initial';
  /** The transition drawn (absent for the initial-state arrow). */
  transition?: ChartTransition;
  /** Start, bend points, end: absolute. */
  points: Point[];
  label?: Box & { text: string };
}

export interface ChartLayout {
  width: number;
  height: number;
  /** Parents before children: draw in this order. */
  states: PlacedState[];
  edges: PlacedEdge[];
  /** The dots that initial-state arrows start from. */
  initials: Box[];
}

/** Text widths in px for the chart's font; `strong` is the state-name weight. */
export type MeasureText = (text: string, strong?: boolean) => number;

/** Sizes shared with the SVG renderer (px). */
export const METRICS = {
  header: 26,
  row: 17,
  padX: 12,
  padBottom: 10,
  labelHeight: 16,
  labelPad: 6,
  minWidth: 72,
  initialDot: 10,
} as const;

const ROOT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.json.shapeCoords': 'ROOT',
  'elk.json.edgeCoords': 'ROOT',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.edgeLabels.placement': 'CENTER',
  'elk.layered.spacing.nodeNodeBetweenLayers': '36',
  'elk.layered.spacing.edgeNodeBetweenLayers': '16',
  'elk.spacing.nodeNode': '28',
  'elk.spacing.edgeEdge': '10',
  'elk.spacing.edgeLabel': '4',
  'elk.padding': '[top=12,left=12,bottom=12,right=12]',
};

/**
 * Set on every compound state: ELK reads layering options per hierarchy level. Depth-first cycle breaking
 * follows the transitions from the initial state, so the chart reads in the order a chat happens
 * (booting → loaded → visible → starting → contact → ended); the model-order strategies crash on
 * hierarchical graphs in elkjs 0.12.
 */
const COMPOUND_OPTIONS: Record<string, string> = {
  'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
  // Narrower than the default (Brandes-Köpf) with many edge labels side by side.
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
};

const stateId = (path: string) => `state:${path}`;
const initialId = (path: string) => `initial:${path}`;

export async function layoutChart(chart: Chart, elk: Pick<ELK, 'layout'>, measure: MeasureText): Promise<ChartLayout> {
  const rowsWidth = (node: ChartNode) => Math.max(0, ...node.internal.map((t) => measure(`↺ ${t.label}`)));
  const headerHeight = (node: ChartNode) => METRICS.header + node.internal.length * METRICS.row;

  function toElk(node: ChartNode): ElkNode {
    const width = Math.max(METRICS.minWidth, measure(node.label, true), rowsWidth(node)) + 2 * METRICS.padX;
    if (node.children.length === 0) {
      return { id: stateId(node.path), width, height: headerHeight(node) + METRICS.padBottom };
    }
    const children = node.children.map(toElk);
    if (node.initial) children.unshift({ id: initialId(node.path), width: METRICS.initialDot, height: METRICS.initialDot });
    return {
      id: stateId(node.path),
      layoutOptions: {
        ...COMPOUND_OPTIONS,
        'elk.padding': `[top=${headerHeight(node) + 8},left=${METRICS.padX},bottom=${METRICS.padX},right=${METRICS.padX}]`,
        'elk.nodeSize.constraints': 'MINIMUM_SIZE',
        'elk.nodeSize.minimum': `(${width}, ${headerHeight(node) + 20})`,
      },
      children,
    };
  }

  const edges: ElkExtendedEdge[] = [];
  const transitionsByEdge = new Map<string, ChartTransition>();
  // Depth-first cycle breaking explores edges in the order given: forward ones (to a state declared later),
  // nearest first, so its search follows the chart's own order and the edges it reverses are the ones going
  // back (a dismissed chat back to the start button), not a long jump forward (a saved contact restored
  // straight from booting).
  const position = new Map([...chart.nodes.keys()].map((path, index) => [path, index]));
  const span = (transition: ChartTransition) => Math.max(...transition.targets.map((target) => position.get(target)! - position.get(transition.source)!), 0);
  const goesBack = (transition: ChartTransition) => transition.targets.some((target) => position.get(target)! < position.get(transition.source)!);
  const ordered = [...chart.transitions].sort((a, b) => Number(goesBack(a)) - Number(goesBack(b)) || span(a) - span(b));
  for (const transition of ordered) {
    transition.targets.forEach((target, index) => {
      const id = `${transition.id}>${index}`;
      transitionsByEdge.set(id, transition);
      edges.push({
        id,
        sources: [stateId(transition.source)],
        targets: [stateId(target)],
        labels: [{ text: transition.label, width: measure(transition.label) + 2 * METRICS.labelPad, height: METRICS.labelHeight }],
      });
    });
  }
  for (const node of chart.nodes.values()) {
    if (node.initial) edges.push({ id: `${initialId(node.path)}>`, sources: [initialId(node.path)], targets: [stateId(node.initial)] });
  }

  const graph: ElkNode = { id: 'chart', layoutOptions: { ...ROOT_OPTIONS, ...COMPOUND_OPTIONS }, children: [toElk(chart.root)], edges };
  const laidOut: ElkNode = await elk.layout(graph);

  const states: PlacedState[] = [];
  const initials: Box[] = [];
  const boxOf = (elkNode: ElkNode): Box => ({ x: elkNode.x ?? 0, y: elkNode.y ?? 0, width: elkNode.width ?? 0, height: elkNode.height ?? 0 });
  const visit = (elkNode: ElkNode, depth: number) => {
    if (elkNode.id.startsWith('initial:')) initials.push(boxOf(elkNode));
    if (!elkNode.id.startsWith('state:')) return;
    const node = chart.nodes.get(elkNode.id.slice('state:'.length));
    if (!node) return;
    const box = boxOf(elkNode);
    const internal = node.internal.map((transition, index) => ({
      transition,
      box: { x: box.x + METRICS.padX - 4, y: box.y + METRICS.header + index * METRICS.row, width: box.width - 2 * METRICS.padX + 8, height: METRICS.row },
    }));
    states.push({ node, box, depth, internal });
    for (const child of elkNode.children ?? []) visit(child, depth + 1);
  };
  for (const child of laidOut.children ?? []) visit(child, 0);

  const placedEdges: PlacedEdge[] = (laidOut.edges ?? []).map((edge) => {
    const section = edge.sections?.[0];
    const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] : [];
    const label = edge.labels?.[0];
    const transition = transitionsByEdge.get(edge.id);
    return {
      id: edge.id,
      kind: transition ? 'transition' : 'initial',
      ...(transition ? { transition } : {}),
      points: points.map(({ x, y }) => ({ x, y })),
      ...(label && transition
        ? { label: { x: label.x ?? 0, y: label.y ?? 0, width: label.width ?? 0, height: label.height ?? 0, text: transition.label } }
        : {}),
    };
  });

  return { width: laidOut.width ?? 0, height: laidOut.height ?? 0, states, edges: placedEdges, initials };
}

/** A width estimate for a 12px sans-serif font, where no canvas is available (tests, workers). */
export const estimateTextWidth: MeasureText = (text, strong = false) => Math.ceil(text.length * (strong ? 7.6 : 7));
